import { useRef, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import BookingPanel from '../../components/BookingPanel'
import FeedbackPanel from '../../components/FeedbackPanel'
import PageRoot from '../../components/PageRoot'
import StatusView from '../../components/StatusView'
import { useLectureDetail, type LectureDetail } from '../../hooks/useLectureDetail'
import { useNow } from '../../hooks/useNow'
import { useSession } from '../../hooks/useStore'
import { formatDate, formatTime, formatTimeRange, lecturePhase, phaseLabel, seatsLabel, venueTypeLabel } from '../../utils/format'
import { decodeRouteParam } from '../../utils/route'
import './index.scss'

function goHome() {
  // Opened from a shared link there is no page to go back to: fall back to the home tab.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: '/pages/index/index' })
}

export default function LecturePage() {
  const { params } = useRouter()
  // A malformed id (a link cut short) reads as "not found", like an unknown one.
  const id = decodeRouteParam(params.id)
  const { state, reload, refresh } = useLectureDetail(id)

  // Back from the ticket page (where the booking may have been cancelled): bring seats up to date.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void refresh()
    shownBefore.current = true
  })

  let content: ReactNode
  if (state.status === 'loading') content = <StatusView kind='loading' message='正在加载…' />
  else if (state.status === 'notFound') {
    content = <StatusView kind='empty' message='讲座不存在或已下线' actionText='返回首页' onAction={goHome} />
  } else if (state.status === 'error') {
    content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  } else {
    content = <LectureDetailView lecture={state.lecture} templateIds={state.templateIds} refresh={refresh} />
  }
  return <PageRoot className='lecture-page'>{content}</PageRoot>
}

function openHomeTab() {
  void Taro.switchTab({ url: '/pages/index/index' })
}

interface DetailProps {
  lecture: LectureDetail
  templateIds: string[]
  refresh: () => Promise<void>
}

function LectureDetailView({ lecture, templateIds, refresh }: DetailProps) {
  const { venue, lecturer } = lecture
  const now = useNow()
  const phase = lecturePhase(lecture.startsAt, lecture.endsAt, now)
  const phaseText = phaseLabel(phase)
  const ended = phase === 'ended'
  // Feedback is for households that attended: asked about only once they may have.
  const { token } = useSession()
  const mayHaveAttended = Boolean(token) && (lecture.myBooking?.status === 'CHECKED_IN' || phase !== 'upcoming')
  return (
    <View className='lecture-detail'>
      <View className='lecture-detail__hero'>
        <View className='lecture-detail__badges'>
          <Text className='lecture-detail__badge'>{venueTypeLabel(venue.type)}</Text>
          {venue.isPracticeBase && (
            <Text className='lecture-detail__badge lecture-detail__badge--base'>实践基地</Text>
          )}
          {phaseText && (
            <Text className={`lecture-detail__badge lecture-detail__phase lecture-detail__phase--${phase}`}>
              {phaseText}
            </Text>
          )}
        </View>
        <Text className='lecture-detail__title'>{lecture.title}</Text>
      </View>

      <Section heading='时间'>
        <Text className='lecture-detail__strong lecture-detail__time'>
          {formatTimeRange(lecture.startsAt, lecture.endsAt, now)}
        </Text>
      </Section>

      <Section heading='地点'>
        <View className='lecture-detail__venue'>
          <Text className='lecture-detail__strong'>{venue.name}</Text>
          <Text className='lecture-detail__line'>{venue.address}</Text>
          <Text className='lecture-detail__line lecture-detail__muted'>
            {venue.county.name} · {venueTypeLabel(venue.type)}
          </Text>
        </View>
      </Section>

      <Section heading='名额'>
        <View className='lecture-detail__seats'>
          <Text className='lecture-detail__line'>共 {lecture.capacity} 座</Text>
          {!ended && (
            <Text
              className={`lecture-detail__seats-left${lecture.seatsLeft <= 0 ? ' lecture-detail__seats-left--full' : ''}`}
            >
              {seatsLabel(lecture.seatsLeft)}
            </Text>
          )}
        </View>
      </Section>

      {lecture.messages.length > 0 && (
        <Section heading='讲师通知'>
          {lecture.messages.map((message) => (
            <View key={message.id} className='lecture-detail__message'>
              <Text className='lecture-detail__paragraph'>{message.text}</Text>
              <Text className='lecture-detail__line lecture-detail__muted'>
                {formatDate(message.sentAt, now)} {formatTime(message.sentAt)}
              </Text>
            </View>
          ))}
        </Section>
      )}

      <BookingPanel lecture={lecture} templateIds={templateIds} refresh={refresh} now={now} />

      <FeedbackPanel lectureId={lecture.id} enabled={mayHaveAttended} />

      <Section heading='主讲人'>
        <View className='lecture-detail__lecturer'>
          <Text className='lecture-detail__strong'>{lecturer.name}</Text>
          {lecturer.title && <Text className='lecture-detail__line lecture-detail__muted'>{lecturer.title}</Text>}
          {lecturer.bio && <Text className='lecture-detail__paragraph'>{lecturer.bio}</Text>}
        </View>
      </Section>

      {lecture.tags.length > 0 && (
        <Section heading='主题'>
          <View className='lecture-detail__tags'>
            {lecture.tags.map((tag) => (
              <Text key={tag} className='lecture-detail__tag'>
                {tag}
              </Text>
            ))}
          </View>
        </Section>
      )}

      <Section heading='讲座简介'>
        <Text className='lecture-detail__paragraph lecture-detail__summary'>{lecture.summary}</Text>
      </Section>

      {ended && (
        <View className='lecture-detail__ended'>
          <Text className='lecture-detail__note'>这场讲座已经结束了。</Text>
          <View className='big-button big-button--primary' hoverClass='big-button--hover' onClick={openHomeTab}>
            看看近期讲座
          </View>
        </View>
      )}
    </View>
  )
}

function Section({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <View className='lecture-detail__section'>
      <Text className='lecture-detail__heading'>{heading}</Text>
      {children}
    </View>
  )
}
