import { useEffect, useState, type ReactNode } from 'react'
import { RichText, Text, Video, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ChapterPlayerDocument, type ChapterPlayerQuery, type CourseProgressFieldsFragment } from './gql/graphql'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useSession } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { decodeRouteParam } from '../../utils/route'
import ChapterAudio from './components/ChapterAudio'
import { useChapterProgress } from './hooks/useChapterProgress'
import { useCourseQuery } from './hooks/useCourseQuery'
import { articleHtml, isBlankArticle } from './utils/article'
import { chapterKindLabel, formatClock } from '../../utils/courseContent'
import { chapterKindIcon, neighbourChapters } from './utils/learning'
import './chapter.scss'

type PlayerCourse = NonNullable<ChapterPlayerQuery['course']>
type PlayerChapter = PlayerCourse['chapters'][number]

async function fetchPlayer(courseId: string) {
  const { course } = await request(ChapterPlayerDocument, { courseId })
  return course
}

function chapterUrl(courseId: string, chapterId: string) {
  return `/packages/learning/chapter?course=${encodeURIComponent(courseId)}&id=${encodeURIComponent(chapterId)}`
}

/** Next/previous chapter in place of this one: back still leads to the course. */
function switchChapter(courseId: string, chapterId: string) {
  void Taro.redirectTo({ url: chapterUrl(courseId, chapterId) })
}

function backToCourse(courseId: string) {
  const pages = Taro.getCurrentPages()
  const below = pages.length > 1 ? pages[pages.length - 2] : null
  if (below && String(below.route ?? '').includes('packages/learning/course')) void Taro.navigateBack()
  else void Taro.redirectTo({ url: `/packages/learning/course?id=${encodeURIComponent(courseId)}` })
}

export default function ChapterPage() {
  const { params } = useRouter()
  const courseId = decodeRouteParam(params.course)
  const chapterId = decodeRouteParam(params.id)
  const { state, reload, setData } = useCourseQuery(courseId, fetchPlayer)

  const chapter = state.status === 'ready' ? state.data.chapters.find((c) => c.id === chapterId) ?? null : null
  useEffect(() => {
    if (chapter) void Taro.setNavigationBarTitle({ title: chapter.title }).catch(() => undefined)
  }, [chapter?.title])

  let content: ReactNode
  if (state.status === 'loading') content = <StatusView kind='loading' message='正在加载…' />
  else if (state.status === 'error') {
    content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  } else if (state.status === 'notFound' || !chapter || !courseId) {
    content = (
      <StatusView
        kind='empty'
        message='这一节不存在或已下线'
        actionText='看看其他课程'
        onAction={() => void Taro.redirectTo({ url: '/packages/learning/index' })}
      />
    )
  } else {
    content = (
      <ChapterView
        key={chapter.id}
        course={state.data}
        chapter={chapter}
        onCourseProgress={(progress) => setData((course) => ({ ...course, myProgress: progress }))}
      />
    )
  }
  return <PageRoot className='chapter-page'>{content}</PageRoot>
}

interface ViewProps {
  course: PlayerCourse
  chapter: PlayerChapter
  onCourseProgress: (progress: CourseProgressFieldsFragment) => void
}

function ChapterView({ course, chapter, onCourseProgress }: ViewProps) {
  const session = useSession()
  const progress = useChapterProgress(course.id, chapter, onCourseProgress)
  const { index, previous, next } = neighbourChapters(course.chapters, chapter.id)
  const [mediaFailed, setMediaFailed] = useState(false)
  // Signing in happens here, on the page: the player keeps playing and the place is kept for the
  // account that signs in (switching to 我的 would close this page and the ones below it).
  const [signingIn, setSigningIn] = useState(false)
  const kind = chapter.kind
  const courseProgress = course.myProgress

  let player: ReactNode
  if (kind === 'ARTICLE') {
    player = <ChapterArticle body={chapter.body} completed={progress.completed} saved={progress.saved} onDone={() => void progress.finish(0)} />
  } else if (!chapter.mediaUrl) {
    player = <StatusView kind='empty' message='这一节的内容还在准备中' />
  } else if (kind === 'AUDIO') {
    player = (
      <ChapterAudio
        src={chapter.mediaUrl}
        durationSeconds={chapter.durationSeconds}
        startAt={progress.startAt}
        onTime={progress.track}
        onPlaying={progress.setPlaying}
        onEnded={(seconds) => void progress.finish(seconds)}
        onStopped={progress.freeze}
        onResumed={progress.thaw}
      />
    )
  } else {
    player = (
      <View className='chapter-video'>
        <Video
          id='chapter-video'
          className='chapter-video__player'
          src={chapter.mediaUrl}
          initialTime={progress.startAt}
          controls
          showCenterPlayBtn
          showFullscreenBtn
          showPlayBtn
          enableProgressGesture
          objectFit='contain'
          title={chapter.title}
          onTimeUpdate={(e) => progress.track(e.detail.currentTime, e.detail.duration)}
          onPlay={() => {
            setMediaFailed(false)
            progress.setPlaying(true)
          }}
          onPause={() => progress.setPlaying(false)}
          onEnded={() => void progress.finish()}
          onError={() => {
            setMediaFailed(true)
            progress.setPlaying(false)
          }}
        />
        {mediaFailed && <Text className='chapter-page__warning'>视频没能播放，请检查网络后再点一次播放。</Text>}
      </View>
    )
  }

  const allChaptersDone = courseProgress ? courseProgress.completedChapters >= courseProgress.totalChapters && courseProgress.totalChapters > 0 : false

  return (
    <View className='chapter'>
      <View className='chapter__head'>
        <Text className='chapter__course'>{course.title}</Text>
        <View className='chapter__meta'>
          <Text className='chapter__index'>
            第 {index + 1} 节 / 共 {course.chapters.length} 节
          </Text>
          <Text className={`chapter-kind chapter-kind--${kind.toLowerCase()}`}>
            {chapterKindIcon(kind)} {chapterKindLabel(kind)}
          </Text>
        </View>
        <Text className='chapter__title'>{chapter.title}</Text>
      </View>

      <View className='chapter__player'>{player}</View>

      <View className='chapter__status'>
        {kind !== 'ARTICLE' && progress.completed && <Text className='chapter__done'>✓ 本节已学完</Text>}
        {kind !== 'ARTICLE' && !progress.completed && progress.startAt > 0 && (
          <Text className='chapter__resume'>上次学到 {formatClock(progress.startAt)}，从这里接着学</Text>
        )}
        {session.token && !progress.saved && kind !== 'ARTICLE' && (
          <Text className='chapter__offline'>网络不太好，学习进度先记在手机上，联网后会自动保存。</Text>
        )}
        {!session.token &&
          (signingIn ? (
            <View className='chapter__signin-panel'>
              <SignInPanel title='登录后会记住您学到哪里，学完还能领结业证书' />
            </View>
          ) : (
            <View className='chapter__signin' hoverClass='chapter__signin--hover' onClick={() => setSigningIn(true)}>
              登录后会记住您学到哪里，学完还能领结业证书。去登录 ›
            </View>
          ))}
      </View>

      {courseProgress?.completed ? (
        <View className='chapter__finished'>
          <Text className='chapter__finished-title'>恭喜！您已学完本课程</Text>
          {courseProgress.certificate && (
            <View
              className='big-button big-button--primary chapter__certificate'
              hoverClass='big-button--hover'
              onClick={() => void Taro.navigateTo({ url: `/packages/learning/certificate?id=${encodeURIComponent(courseProgress.certificate!.id)}` })}
            >
              查看结业证书
            </View>
          )}
        </View>
      ) : (
        allChaptersDone &&
        courseProgress?.attendanceRequired &&
        !courseProgress.attended && (
          <View className='chapter__finished chapter__finished--almost'>
            <Text className='chapter__finished-text'>章节都学完了！再到一场线下讲座现场签到，就能领取结业证书。</Text>
          </View>
        )
      )}

      <View className='chapter__nav'>
        {previous ? (
          <View className='big-button chapter__nav-button chapter__previous' hoverClass='big-button--hover' onClick={() => switchChapter(course.id, previous.id)}>
            ‹ 上一节
          </View>
        ) : (
          <View className='chapter__nav-spacer' />
        )}
        {next ? (
          <View
            className='big-button big-button--primary chapter__nav-button chapter__next'
            hoverClass='big-button--hover'
            onClick={() => switchChapter(course.id, next.id)}
          >
            下一节 ›
          </View>
        ) : (
          <View className='big-button chapter__nav-button chapter__back' hoverClass='big-button--hover' onClick={() => backToCourse(course.id)}>
            回到课程
          </View>
        )}
      </View>
    </View>
  )
}

interface ArticleProps {
  body: string | null | undefined
  completed: boolean
  saved: boolean
  onDone: () => void
}

function ChapterArticle({ body, completed, saved, onDone }: ArticleProps) {
  if (isBlankArticle(body)) return <StatusView kind='empty' message='这一节的内容还在准备中' />
  return (
    <View className='chapter-article'>
      <RichText className='chapter-article__body' nodes={articleHtml(body)} userSelect />
      {completed ? (
        <View className='chapter-article__done'>
          <Text className='chapter-article__done-text'>✓ 已读完</Text>
          {!saved && <Text className='chapter__offline'>网络不太好，已记在手机上，联网后会自动保存。</Text>}
        </View>
      ) : (
        <View className='big-button big-button--primary chapter-article__finish' hoverClass='big-button--hover' onClick={onDone}>
          我读完了
        </View>
      )}
    </View>
  )
}
