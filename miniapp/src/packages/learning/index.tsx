import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { CoursesDocument, MyLearningDocument, type CourseCardFieldsFragment } from './gql/graphql'
import { type AgeGroup } from '../../gql/graphql'
import PageRoot from '../../components/PageRoot'
import StatusView from '../../components/StatusView'
import { useSession } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { AGE_GROUPS, ageGroupLabel } from '../../utils/profile'
import CourseCard from './components/CourseCard'
import { useCursorPages, type CursorPage } from './hooks/useCursorPages'
import { flushUnsentProgress } from './services/progress'
import { collectTags, courseProgressLabel, courseTotalLabel, mergeTags, withLearningProgress } from './utils/learning'
import './index.scss'

const PAGE_SIZE = 10
const FEATURED_COUNT = 6

type Card = CourseCardFieldsFragment

interface Filter {
  ageGroup: AgeGroup | null
  tag: string | null
}

async function fetchCourses(filter: Filter & { featured?: boolean }, first: number, after: string | null): Promise<CursorPage<Card>> {
  const { courses } = await request(CoursesDocument, {
    first,
    after,
    ageGroup: filter.ageGroup,
    tag: filter.tag,
    featured: filter.featured,
  })
  return {
    items: courses.edges.map((edge) => edge.node),
    totalCount: courses.totalCount,
    endCursor: courses.pageInfo.endCursor,
    hasNextPage: courses.pageInfo.hasNextPage,
  }
}

export function openCourse(id: string) {
  void Taro.navigateTo({ url: `/packages/learning/course?id=${encodeURIComponent(id)}` })
}

/** 我的学习: the signed-in reader's courses, recently studied first (nothing asked when signed out). */
function useMyLearning(token: string | null) {
  const [items, setItems] = useState<Card[]>([])
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const call = ++latest.current
    if (!token) {
      setItems([])
      return
    }
    try {
      const { myLearning } = await request(MyLearningDocument)
      if (call === latest.current) setItems(myLearning)
    } catch {
      // Quiet: the section simply does not show; the catalogue is what matters here.
    }
  }, [token])
  useEffect(() => {
    void reload()
  }, [reload])
  return { items, reload }
}

export default function LearningIndexPage() {
  const session = useSession()
  const [filter, setFilter] = useState<Filter>({ ageGroup: null, tag: null })
  const filtered = Boolean(filter.ageGroup || filter.tag)

  // Without a filter: 精品课程 on top, then the other courses; with one, every match in one list.
  const featured = useCursorPages<Card>('featured', (after) => fetchCourses({ ageGroup: null, tag: null, featured: true }, FEATURED_COUNT, after))
  const list = useCursorPages<Card>(`${filter.ageGroup ?? ''}|${filter.tag ?? ''}`, (after) =>
    fetchCourses({ ...filter, featured: filtered ? undefined : false }, PAGE_SIZE, after),
  )
  const learning = useMyLearning(session.token)

  // Tag chips come from the courses themselves (there is no tag list in the API); they stay put
  // once shown, so a chip does not jump away under the reader's finger.
  const [tags, setTags] = useState<string[]>([])
  useEffect(() => {
    if (filtered) return
    setTags((known) => mergeTags(known, collectTags([...featured.items, ...list.items])))
  }, [featured.items, list.items, filtered])

  useEffect(() => {
    void flushUnsentProgress()
  }, [session.token])

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([list.reload(true), featured.reload(true), learning.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  // Back from a course: the progress on the cards is laid over from 我的学习 (the list keeps its place).
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void learning.reload()
    shownBefore.current = true
  })

  const listItems = useMemo(() => {
    const items = filtered ? list.items : list.items.filter((course) => !course.featured)
    return withLearningProgress(items, learning.items)
  }, [list.items, learning.items, filtered])
  const featuredItems = useMemo(() => withLearningProgress(featured.items, learning.items), [featured.items, learning.items])
  // Every course is a 精品 one: no empty "更多课程" under them.
  const onlyFeatured = !filtered && featuredItems.length > 0 && !list.hasNextPage

  const chooseAge = (ageGroup: AgeGroup | null) => setFilter((f) => ({ ...f, ageGroup }))
  const chooseTag = (tag: string | null) => setFilter((f) => ({ ...f, tag }))

  return (
    <PageRoot className='learning'>
      {learning.items.length > 0 && <MyLearning items={learning.items.slice(0, 3)} />}

      {!filtered && featured.status !== 'error' && (featured.status === 'loading' || featuredItems.length > 0) && (
        <View className='learning-featured'>
          <View className='learning__section-head'>
            <Text className='learning__heading'>精品课程</Text>
            <Text className='learning-featured__ribbon'>闽北特色精品课程</Text>
          </View>
          {featured.status === 'loading' ? (
            <StatusView kind='loading' message='正在加载…' />
          ) : (
            featuredItems.map((course) => <CourseCard key={course.id} course={course} onOpen={openCourse} large />)
          )}
          {featured.hasNextPage && (
            <View
              className='big-button learning-featured__more'
              hoverClass='big-button--hover'
              onClick={() => void featured.loadMore()}
            >
              {featured.loadingMore ? '正在加载…' : '更多精品课程'}
            </View>
          )}
        </View>
      )}

      <View className='learning-filters'>
        <Chips
          label='孩子年龄'
          kind='age'
          options={AGE_GROUPS.map((group) => ({ value: group, label: ageGroupLabel(group) }))}
          value={filter.ageGroup}
          onChange={(value) => chooseAge(value as AgeGroup | null)}
        />
        {tags.length > 0 && (
          <Chips
            label='主题'
            kind='tag'
            options={tags.map((tag) => ({ value: tag, label: tag }))}
            value={filter.tag}
            onChange={chooseTag}
          />
        )}
      </View>

      <View className='course-list'>
        {list.status === 'loading' && <StatusView kind='loading' message='正在加载课程…' />}
        {list.status === 'error' && (
          <StatusView kind='error' message={list.error ?? ''} actionText='重试' onAction={() => void list.reload()} />
        )}
        {list.status === 'ready' && !(onlyFeatured && listItems.length === 0) && (
          <>
            <View className='learning__section-head'>
              <Text className='learning__heading'>{filtered ? '筛选结果' : featuredItems.length > 0 ? '更多课程' : '全部课程'}</Text>
              <Text className='course-list__total'>{courseTotalLabel(list.totalCount - (list.items.length - listItems.length))}</Text>
            </View>
            {listItems.length === 0 ? (
              <StatusView
                kind='empty'
                message={filtered ? '没有找到这样的课程，换个条件试试' : '更多课程正在制作中，敬请期待'}
                actionText={filtered ? '看全部课程' : undefined}
                onAction={() => setFilter({ ageGroup: null, tag: null })}
              />
            ) : (
              listItems.map((course) => <CourseCard key={course.id} course={course} onOpen={openCourse} />)
            )}
            <ListFooter list={list} shown={listItems.length > 0} />
          </>
        )}
      </View>
    </PageRoot>
  )
}

function MyLearning({ items }: { items: Card[] }) {
  return (
    <View className='my-learning'>
      <Text className='learning__heading'>我的学习</Text>
      {items.map((course) => (
        <View key={course.id} className='my-learning__item' hoverClass='my-learning__item--hover' onClick={() => openCourse(course.id)}>
          <View className='my-learning__text'>
            <Text className='my-learning__title'>{course.title}</Text>
            <Text className='my-learning__progress'>{courseProgressLabel(course.myProgress, course.chapters.length)}</Text>
          </View>
          <Text className='my-learning__go'>{course.myProgress?.completed ? '查看 ›' : '继续 ›'}</Text>
        </View>
      ))}
    </View>
  )
}

interface ChipsProps {
  label: string
  kind: string
  options: Array<{ value: string; label: string }>
  value: string | null
  onChange: (value: string | null) => void
}

/** One row of filter chips with 全部 first; tapping the chosen chip again also clears it. */
function Chips({ label, kind, options, value, onChange }: ChipsProps) {
  const all = [{ value: '', label: '全部' }, ...options]
  return (
    <View className={`learning-chips learning-chips--${kind}`}>
      <Text className='learning-chips__label'>{label}</Text>
      <View className='learning-chips__row'>
        {all.map((option) => {
          const active = (option.value || null) === value
          return (
            <View
              key={option.value || 'all'}
              className={`learning-chip${active ? ' learning-chip--active' : ''}`}
              onClick={() => onChange(active || !option.value ? null : option.value)}
            >
              {option.label}
            </View>
          )
        })}
      </View>
    </View>
  )
}

function ListFooter({ list, shown }: { list: ReturnType<typeof useCursorPages<Card>>; shown: boolean }) {
  if (!shown) return null
  let content
  if (list.loadingMore) content = <Text className='course-list__hint'>正在加载更多…</Text>
  else if (list.moreError)
    content = (
      <>
        <Text className='course-list__hint'>{list.moreError}</Text>
        <View className='big-button course-list__more' hoverClass='big-button--hover' onClick={() => void list.loadMore()}>
          重试
        </View>
      </>
    )
  else if (list.hasNextPage)
    content = (
      <View className='big-button course-list__more' hoverClass='big-button--hover' onClick={() => void list.loadMore()}>
        加载更多
      </View>
    )
  else content = <Text className='course-list__hint'>已经到底了</Text>
  return <View className='course-list__footer'>{content}</View>
}
