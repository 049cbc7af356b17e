import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ReviewQueueItemsDocument, type ReviewQueueItemsQuery } from './gql/graphql'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { formatDate, formatTime, formatTimeRange, venueTypeLabel } from '../../utils/format'
import { isReviewer, withoutDecided } from '../../utils/reviewDecision'
import { decidedHere } from './decided'
import './index.scss'

type Queue = ReviewQueueItemsQuery['reviewQueue']
type QueueCourse = Queue['courses'][number]
type QueueLecture = Queue['lectures'][number]

function openReview(kind: 'course' | 'lecture', id: string) {
  void Taro.navigateTo({ url: `/packages/organizer/review?kind=${kind}&id=${encodeURIComponent(id)}` })
}

export default function ReviewQueuePage() {
  const { token, user } = useSession()
  return (
    <PageRoot className='review-queue'>
      {!token || !user ? (
        <SignInPanel title='妇联工作人员登录后审核' />
      ) : !isReviewer(user.role) ? (
        <StatusView kind='empty' message='审核只对妇联工作人员开放。如果您是工作人员，请联系管理员开通。' />
      ) : (
        <QueueView token={token} countyCode={user.countyCode ?? null} />
      )}
    </PageRoot>
  )
}

function QueueView({ token, countyCode }: { token: string; countyCode: string | null }) {
  const counties = useCounties()
  const scope = countyCode ? counties.counties.find((county) => county.code === countyCode)?.name ?? '' : '全市'

  // Back from a decision: the revision decided is gone at once (decidedHere, hence the rerender),
  // and the quiet reload on show confirms it.
  const { state, reload, refresh } = useQueryState(async () => (await request(ReviewQueueItemsDocument)).reviewQueue, [token], {
    refreshOnShow: true,
  })
  const [, rerender] = useState(0)
  useDidShow(() => rerender((n) => n + 1))
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载待审内容…' />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />

  const courses = withoutDecided(state.data.courses, decidedHere)
  const lectures = withoutDecided(state.data.lectures, decidedHere)
  return (
    <View className='review-queue__body'>
      {scope && <Text className='review-queue__scope'>审核范围：{scope}</Text>}
      <View className='review-queue__link review-queue__link--dashboard' hoverClass='review-queue__link--hover' onClick={() => void Taro.navigateTo({ url: '/packages/organizer/dashboard' })}>
        五进工作统计 ›
      </View>
      <View className='review-queue__link review-queue__link--venues' hoverClass='review-queue__link--hover' onClick={() => void Taro.navigateTo({ url: '/packages/organizer/venues' })}>
        场地管理 ›
      </View>
      <View className='review-section review-section--courses'>
        <Text className='review-section__title'>待审课程（{courses.length}）</Text>
        {courses.length === 0 ? (
          <Text className='review-section__empty'>没有待审的课程</Text>
        ) : (
          courses.map((course) => <CourseRow key={course.id} course={course} />)
        )}
      </View>
      <View className='review-section review-section--lectures'>
        <Text className='review-section__title'>待审讲座（{lectures.length}）</Text>
        {lectures.length === 0 ? (
          <Text className='review-section__empty'>没有待审的讲座</Text>
        ) : (
          lectures.map((lecture) => <LectureRow key={lecture.id} lecture={lecture} />)
        )}
      </View>
    </View>
  )
}

function submittedLabel(at: string | null | undefined): string {
  return at ? `${formatDate(at)} ${formatTime(at)} 提交` : ''
}

function CourseRow({ course }: { course: QueueCourse }) {
  const working = course.workingRevision
  const isEdit = course.status === 'PUBLISHED'
  return (
    <View className='review-item review-item--course' hoverClass='review-item--hover' onClick={() => openReview('course', course.id)}>
      <View className='review-item__top'>
        <Text className='review-item__kind'>{isEdit ? '课程修改' : '新课程'}</Text>
        {working?.submittedAt && <Text className='review-item__submitted'>{submittedLabel(working.submittedAt)}</Text>}
      </View>
      <Text className='review-item__title'>{working?.title ?? course.title}</Text>
      <Text className='review-item__line review-item__lecturer'>讲师：{course.lecturer.name}</Text>
      <Text className='review-item__more'>查看并审核 ›</Text>
    </View>
  )
}

function LectureRow({ lecture }: { lecture: QueueLecture }) {
  return (
    <View className='review-item review-item--lecture' hoverClass='review-item--hover' onClick={() => openReview('lecture', lecture.id)}>
      <View className='review-item__top'>
        <Text className='review-item__kind'>讲座申报</Text>
        <Text className='review-item__county'>{lecture.venue.county.name}</Text>
      </View>
      <Text className='review-item__title'>{lecture.title}</Text>
      <Text className='review-item__line review-item__lecturer'>讲师：{lecture.lecturer.name}</Text>
      <Text className='review-item__line review-item__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
      <Text className='review-item__line review-item__venue'>
        {lecture.venue.name}（{venueTypeLabel(lecture.venue.type)}）
      </Text>
      <Text className='review-item__more'>查看并审核 ›</Text>
    </View>
  )
}
