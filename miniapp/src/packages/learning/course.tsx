import { useMemo, useRef, type ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { CourseDetailDocument, type CourseDetailQuery } from './gql/graphql'
import PageRoot from '../../components/PageRoot'
import StatusView from '../../components/StatusView'
import { useNow } from '../../hooks/useNow'
import { useSession, useStore } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { formatTimeRange } from '../../utils/format'
import { ageGroupLabel } from '../../utils/profile'
import { decodeRouteParam } from '../../utils/route'
import { useCourseQuery } from './hooks/useCourseQuery'
import { progressFeed, withPhoneProgress } from './services/progress'
import { chapterKindLabel, durationLabel } from '../../utils/courseContent'
import { chapterKindIcon, chapterProgressLabel, progressPercent, resumeButtonLabel, resumeChapterId } from './utils/learning'
import './course.scss'

export type CourseDetail = NonNullable<CourseDetailQuery['course']>

async function fetchCourse(id: string) {
  const { course } = await request(CourseDetailDocument, { id })
  return course
}

export function openChapter(courseId: string, chapterId: string) {
  void Taro.navigateTo({
    url: `/packages/learning/chapter?course=${encodeURIComponent(courseId)}&id=${encodeURIComponent(chapterId)}`,
  })
}

export function openCertificate(id: string) {
  void Taro.navigateTo({ url: `/packages/learning/certificate?id=${encodeURIComponent(id)}` })
}

function openLecture(id: string) {
  void Taro.navigateTo({ url: `/pages/lecture/index?id=${encodeURIComponent(id)}` })
}

function openCatalogue() {
  void Taro.redirectTo({ url: '/packages/learning/index' })
}

export default function CoursePage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id)
  const { state, reload, refresh } = useCourseQuery(id, fetchCourse)
  const session = useSession()
  // Back from a chapter: the progress changed. The chapter saves as it closes, and that save may
  // land after this refresh was answered: what this phone wrote since is laid over the answer.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void refresh()
    shownBefore.current = true
  })
  const feed = useStore(progressFeed)
  const course = useMemo(
    () => (state.status === 'ready' ? withPhoneProgress(state.data, state.fetchedAt) : null),
    [state, feed, session.user?.id],
  )

  let content: ReactNode
  if (state.status === 'loading') content = <StatusView kind='loading' message='正在加载…' />
  else if (state.status === 'notFound') {
    content = <StatusView kind='empty' message='课程不存在或已下线' actionText='看看其他课程' onAction={openCatalogue} />
  } else if (state.status === 'error') {
    content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  } else {
    content = <CourseView course={course ?? state.data} />
  }
  return <PageRoot className='course-page'>{content}</PageRoot>
}

function CourseView({ course }: { course: CourseDetail }) {
  const session = useSession()
  const now = useNow()
  const progress = course.myProgress
  const chapters = course.chapters
  const doneHere = chapters.filter((c) => c.myProgress?.completed).length
  // A chapter finished on this phone whose save has not reached the server yet counts too.
  const done = Math.max(progress?.completedChapters ?? 0, doneHere)
  const total = progress?.totalChapters || chapters.length
  const anyStarted = chapters.some((c) => c.myProgress)
  const resumeId = resumeChapterId(chapters, progress?.resumeChapterId)
  const certificate = progress?.certificate ?? null
  const attendanceRequired = progress?.attendanceRequired ?? course.lectures.length > 0

  return (
    <View className='course-detail'>
      <View className='course-detail__hero'>
        {course.coverUrl && <Image className='course-detail__cover' src={course.coverUrl} mode='aspectFill' />}
        <View className='course-detail__head'>
          {course.featured && <Text className='course-detail__featured'>闽北特色精品课程</Text>}
          <Text className='course-detail__title'>{course.title}</Text>
          <Text className='course-detail__lecturer'>
            主讲：{course.lecturer.name}
            {course.lecturer.title ? ` · ${course.lecturer.title}` : ''}
          </Text>
          {(course.ageGroups.length > 0 || course.tags.length > 0) && (
            <View className='course-detail__tags'>
              {course.ageGroups.map((group) => (
                <Text key={group} className='course-detail__tag course-detail__tag--age'>
                  {ageGroupLabel(group)}
                </Text>
              ))}
              {course.tags.map((tag) => (
                <Text key={tag} className='course-detail__tag'>
                  {tag}
                </Text>
              ))}
            </View>
          )}
        </View>
      </View>

      <View className='course-progress'>
        {progress ? (
          <>
            <View className='course-progress__line'>
              <Text className='course-progress__text'>
                {progress.completed ? '您已学完本课程' : `已学 ${done}/${total} 节`}
              </Text>
              {attendanceRequired && (
                <Text className={`course-progress__attended${progress.attended ? ' course-progress__attended--yes' : ''}`}>
                  {progress.attended ? '已参加线下讲座' : '还需参加一场线下讲座'}
                </Text>
              )}
            </View>
            <View className='course-progress__bar'>
              <View className='course-progress__fill' style={{ width: `${progress.completed ? 100 : progressPercent(done, total)}%` }} />
            </View>
          </>
        ) : (
          !session.token && (
            <Text className='course-progress__hint'>登录后，会记住您学到哪里，学完还能领结业证书。</Text>
          )
        )}

        {resumeId && (
          <View
            className='big-button big-button--primary course-progress__resume'
            hoverClass='big-button--hover'
            onClick={() => openChapter(course.id, resumeId)}
          >
            {resumeButtonLabel(progress, anyStarted)}
          </View>
        )}
        {progress?.completed &&
          (certificate ? (
            <View
              className='big-button course-progress__certificate'
              hoverClass='big-button--hover'
              onClick={() => openCertificate(certificate.id)}
            >
              查看结业证书
            </View>
          ) : (
            <Text className='course-progress__hint'>结业证书正在生成，请稍后再来看。</Text>
          ))}
      </View>

      <Section heading='课程简介'>
        <Text className='course-detail__paragraph course-detail__summary'>{course.summary}</Text>
      </Section>

      <Section heading={`课程目录（${chapters.length} 节）`}>
        {chapters.length === 0 ? (
          <Text className='course-detail__muted'>章节正在准备中。</Text>
        ) : (
          chapters.map((chapter, index) => {
            const status = chapterProgressLabel(chapter.kind, chapter.myProgress)
            const length = durationLabel(chapter.durationSeconds)
            return (
              <View
                key={chapter.id}
                className={`chapter-row chapter-row--${chapter.kind.toLowerCase()}${chapter.myProgress?.completed ? ' chapter-row--done' : ''}`}
                hoverClass='chapter-row--hover'
                onClick={() => openChapter(course.id, chapter.id)}
              >
                <Text className='chapter-row__index'>{index + 1}</Text>
                <View className='chapter-row__main'>
                  <Text className='chapter-row__title'>{chapter.title}</Text>
                  <View className='chapter-row__meta'>
                    <Text className={`chapter-kind chapter-kind--${chapter.kind.toLowerCase()}`}>
                      {chapterKindIcon(chapter.kind)} {chapterKindLabel(chapter.kind)}
                    </Text>
                    {length && <Text className='chapter-row__duration'>{length}</Text>}
                    {status && (
                      <Text className={`chapter-row__status${chapter.myProgress?.completed ? ' chapter-row__status--done' : ''}`}>
                        {status}
                      </Text>
                    )}
                  </View>
                </View>
                <Text className='chapter-row__arrow'>›</Text>
              </View>
            )
          })
        )}
      </Section>

      {course.lectures.length > 0 && (
        <Section heading='线下讲座'>
          {attendanceRequired && (
            <Text className='course-detail__note course-lectures__note'>
              本课程配有线下讲座：到场参加其中任意一场（现场签到），也是完成本课程的一部分。
            </Text>
          )}
          {course.lectures.map((lecture) => (
            <View key={lecture.id} className='course-lecture' hoverClass='course-lecture--hover' onClick={() => openLecture(lecture.id)}>
              <Text className='course-lecture__title'>{lecture.title}</Text>
              <Text className='course-lecture__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Text>
              <Text className='course-lecture__venue'>{lecture.venue.name}</Text>
              <Text className='course-lecture__more'>查看讲座 ›</Text>
            </View>
          ))}
        </Section>
      )}

      {course.lecturer.bio && (
        <Section heading='主讲人'>
          <Text className='course-detail__strong'>{course.lecturer.name}</Text>
          {course.lecturer.title && <Text className='course-detail__muted'>{course.lecturer.title}</Text>}
          <Text className='course-detail__paragraph'>{course.lecturer.bio}</Text>
        </Section>
      )}
    </View>
  )
}

function Section({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <View className='course-detail__section'>
      <Text className='course-detail__heading'>{heading}</Text>
      {children}
    </View>
  )
}
