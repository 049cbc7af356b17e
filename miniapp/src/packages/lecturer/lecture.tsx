import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import LecturerFeedback from '../../components/LecturerFeedback'
import LecturerRoster from '../../components/LecturerRoster'
import LecturerStatusBadge from '../../components/LecturerStatusBadge'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { LecturerCancelLectureDocument, LecturerLectureDocument, LecturerMessageHouseholdsDocument, LecturerRosterDocument, type LecturerLectureQuery, type RosterFieldsFragment } from './gql/graphql'
import { useNow } from '../../hooks/useNow'
import { useSession } from '../../hooks/useStore'
import { doorStillOpen } from '../../components/CheckInSyncBar/door'
import { isApiError, messageOf, request } from '../../services/graphql'
import { formatTimeRange, lecturePhase } from '../../utils/format'
import { decodeRouteParam } from '../../utils/route'
import './lecture.scss'

type ManagedLecture = NonNullable<LecturerLectureQuery['lecture']>

type State =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'notFound' }
  | { status: 'error'; message: string }
  | { status: 'ready'; lecture: ManagedLecture }

const MESSAGE_MAX = 100
const REASON_MAX = 200

/** A key for one message: a retry of the same text reuses it, so nobody is told twice. */
function newIdempotencyKey(): string {
  return `msg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

function useManagedLecture(id: string | undefined) {
  const { token } = useSession()
  const [state, setState] = useState<State>({ status: 'loading' })
  const latest = useRef(0)
  const load = useCallback(
    async (quietly = false) => {
      const call = ++latest.current
      if (!id) return setState({ status: 'notFound' })
      if (!token) return setState({ status: 'signedOut' })
      if (!quietly) setState({ status: 'loading' })
      try {
        const { lecture } = await request(LecturerLectureDocument, { id })
        if (call !== latest.current) return
        setState(lecture ? { status: 'ready', lecture } : { status: 'notFound' })
      } catch (error) {
        if (call !== latest.current) return
        const code = isApiError(error) ? error.code : undefined
        if (code === 'UNAUTHENTICATED') return setState({ status: 'signedOut' })
        if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return setState({ status: 'notFound' })
        setState((current) => (quietly && current.status === 'ready' ? current : { status: 'error', message: messageOf(error) }))
      }
    },
    [id, token],
  )
  useEffect(() => {
    void load()
  }, [load])
  return { state, load }
}

export default function LectureManagePage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id)
  const { state, load } = useManagedLecture(id)

  // Back from 修改 or 签到: the counts and the lecture follow.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void load(true)
    shownBefore.current = true
  })

  let content: ReactNode
  switch (state.status) {
    case 'loading':
      content = <StatusView kind='loading' message='正在加载…' />
      break
    case 'signedOut':
      content = <SignInPanel title='讲师登录后管理讲座' />
      break
    case 'notFound':
      content = <StatusView kind='empty' message='没有找到这场讲座' />
      break
    case 'error':
      content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void load()} />
      break
    default:
      content =
        state.lecture.canManage || state.lecture.canCheckIn ? (
          <Manage lecture={state.lecture} reload={() => load(true)} />
        ) : (
          <StatusView kind='empty' message='这不是您的讲座，不能管理。' />
        )
  }
  return <PageRoot className='lecture-manage'>{content}</PageRoot>
}

function Manage({ lecture, reload }: { lecture: ManagedLecture; reload: () => Promise<void> }) {
  const now = useNow()
  const ended = lecturePhase(lecture.startsAt, lecture.endsAt, now) === 'ended'
  const published = lecture.status === 'PUBLISHED'
  const cancelled = lecture.status === 'CANCELLED'
  const booked = Math.max(0, lecture.capacity - lecture.seatsLeft)
  const [cancelling, setCancelling] = useState(false)

  const openCheckIn = () => void Taro.navigateTo({ url: `/packages/lecturer/checkin?id=${encodeURIComponent(lecture.id)}` })
  const openEdit = () => void Taro.navigateTo({ url: `/packages/lecturer/lecture-edit?id=${encodeURIComponent(lecture.id)}` })

  return (
    <>
      <View className='lecture-manage__hero'>
        <View className='lecture-manage__badges'>
          <LecturerStatusBadge status={lecture.status} />
          {lecture.campaignTag && <Text className='lecture-manage__tag'>{lecture.campaignTag}</Text>}
        </View>
        <Text className='lecture-manage__title'>{lecture.title}</Text>
        <Row label='时间'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Row>
        <Row label='地点'>
          {lecture.venue.name}
          <Text className='lecture-manage__muted'>（{lecture.venue.county.name}）</Text>
        </Row>
        {lecture.venue.address && <Row label='地址'>{lecture.venue.address}</Row>}
        <Row label='预约'>
          <Text className='lecture-manage__seats'>
            已约 {booked} 座 / 共 {lecture.capacity} 座
          </Text>
        </Row>
        {lecture.status === 'REJECTED' && (
          <Text className='lecture-manage__reason'>未通过原因：{lecture.rejectionReason || '未说明'}</Text>
        )}
        {lecture.status === 'PROPOSED' && <Text className='lecture-manage__pending'>已提交，等待妇联审核。审核通过后家长才能预约。</Text>}
        {cancelled && <Text className='lecture-manage__reason'>已取消{lecture.cancellationReason ? `：${lecture.cancellationReason}` : ''}</Text>}
      </View>

      <View className='lecture-manage__actions'>
        {lecture.canCheckIn && published && doorStillOpen(lecture.endsAt, now) && (
          <View className='big-button big-button--primary lecture-manage__checkin' hoverClass='big-button--hover' onClick={openCheckIn}>
            开始签到
          </View>
        )}
        {lecture.canManage && !cancelled && !ended && (
          <View className='big-button lecture-manage__edit' hoverClass='big-button--hover' onClick={openEdit}>
            修改讲座
          </View>
        )}
      </View>

      {lecture.canManage && published && <MessageComposer lectureId={lecture.id} />}

      {published && <RosterSection lectureId={lecture.id} />}

      {lecture.feedbackSummary && lecture.feedbackSummary.count > 0 && <LecturerFeedback summary={lecture.feedbackSummary} />}

      <View className='lecture-manage__section'>
        <Text className='lecture-manage__heading'>讲座介绍</Text>
        <Text className='lecture-manage__paragraph'>{lecture.summary}</Text>
      </View>

      {lecture.canManage && !cancelled && !ended && (
        <CancelPanel lecture={lecture} open={cancelling} onOpen={setCancelling} booked={booked} onCancelled={reload} />
      )}
    </>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='lecture-manage__row'>
      <Text className='lecture-manage__key'>{label}</Text>
      <Text className='lecture-manage__value'>{children}</Text>
    </View>
  )
}

/** The roster, searched on the server by the last four phone digits once four are typed. */
function RosterSection({ lectureId }: { lectureId: string }) {
  const [phoneTail, setPhoneTail] = useState('')
  const [roster, setRoster] = useState<RosterFieldsFragment | null>(null)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const tail = /^\d{4}$/.test(phoneTail) ? phoneTail : ''
  const latest = useRef(0)

  const load = useCallback(async () => {
    const call = ++latest.current
    setSearching(true)
    try {
      const { lectureRoster } = await request(LecturerRosterDocument, { lectureId, phoneTail: tail || null })
      if (call !== latest.current) return
      setRoster(lectureRoster)
      setError(null)
    } catch (e) {
      if (call === latest.current) setError(messageOf(e))
    } finally {
      if (call === latest.current) setSearching(false)
    }
  }, [lectureId, tail])

  useEffect(() => {
    void load()
  }, [load])
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void load()
    shownBefore.current = true
  })

  return <LecturerRoster roster={roster} phoneTail={phoneTail} onPhoneTail={setPhoneTail} searching={searching && !roster} error={error} />
}

/** 给预约家庭发通知: at most 100 characters, through the server's outbox, once per message. */
function MessageComposer({ lectureId }: { lectureId: string }) {
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null)
  const key = useRef(newIdempotencyKey())
  // Set before the confirmation opens (state would come a render too late): a double tap opens one.
  const busy = useRef(false)

  const change = (value: string) => {
    if (value !== text) key.current = newIdempotencyKey() // another message: another send
    setText(value)
    setResult(null)
  }

  const send = async () => {
    if (busy.current) return
    const trimmed = text.trim()
    if (!trimmed) return setResult({ ok: false, message: '请先写下要通知的内容' })
    if (trimmed.length > MESSAGE_MAX) return setResult({ ok: false, message: `最多 ${MESSAGE_MAX} 个字` })
    busy.current = true
    try {
      const { confirm } = await Taro.showModal({
        title: '发送通知',
        content: '通知会发给所有已预约的家庭，确定发送吗？',
        confirmText: '发送',
        cancelText: '再想想',
        confirmColor: '#b8322e',
      })
      if (!confirm) return
      setSending(true)
      const { messageHouseholds } = await request(LecturerMessageHouseholdsDocument, { lectureId, text: trimmed, idempotencyKey: key.current })
      setResult({ ok: true, message: `已通知 ${messageHouseholds.recipients} 户家庭` })
      setText('')
      key.current = newIdempotencyKey()
    } catch (error) {
      // The key stays: sending the same text again cannot notify anyone twice.
      setResult({ ok: false, message: messageOf(error) })
    } finally {
      busy.current = false
      setSending(false)
    }
  }

  return (
    <View className='lecture-manage__section lecture-message'>
      <Text className='lecture-manage__heading'>给预约家庭发通知</Text>
      <Textarea
        className='lecture-message__input'
        value={text}
        maxlength={MESSAGE_MAX}
        placeholder='例如：明天下午降温，请注意保暖；会场在村委会二楼。'
        onInput={(event) => change(event.detail.value)}
      />
      <Text className='lecture-message__count'>
        {text.length}/{MESSAGE_MAX}
      </Text>
      {result && <Text className={`lecture-message__result lecture-message__result--${result.ok ? 'ok' : 'error'}`}>{result.message}</Text>}
      <View
        className={`big-button big-button--primary lecture-message__send${sending ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={() => void send()}
      >
        {sending ? '正在发送…' : '发送通知'}
      </View>
    </View>
  )
}

/** 取消讲座: a reason, then a confirmation; every booking is cancelled and the households told. */
function CancelPanel({
  lecture,
  open,
  onOpen,
  booked,
  onCancelled,
}: {
  lecture: ManagedLecture
  open: boolean
  onOpen: (open: boolean) => void
  booked: number
  onCancelled: () => Promise<void>
}) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  // Set before the confirmation opens, and kept once the lecture is cancelled: a double tap, or a
  // tap while the page catches up, must not cancel again (the server would answer CONFLICT).
  const busy = useRef(false)

  if (!open) {
    return (
      <View className='lecture-manage__cancel-link' hoverClass='lecture-manage__cancel-link--hover' onClick={() => onOpen(true)}>
        取消讲座
      </View>
    )
  }

  const submit = async () => {
    if (busy.current) return
    const trimmed = reason.trim()
    if (!trimmed) return setError('请写明取消的原因，家长会收到')
    if (trimmed.length > REASON_MAX) return setError(`原因最多 ${REASON_MAX} 个字`)
    busy.current = true
    let cancelledNow = false
    try {
      const { confirm } = await Taro.showModal({
        title: '取消讲座',
        content: booked > 0 ? `已预约的家庭（${booked} 座）都会被取消，并收到通知。确定取消吗？` : '确定取消这场讲座吗？',
        confirmText: '确定取消',
        cancelText: '不取消',
        confirmColor: '#b8322e',
      })
      if (!confirm) return
      void Taro.showLoading({ title: '正在取消…', mask: true })
      await request(LecturerCancelLectureDocument, { id: lecture.id, reason: trimmed })
      cancelledNow = true
      void Taro.hideLoading()
      void Taro.showToast({ title: '讲座已取消', icon: 'success' })
      onOpen(false)
      await onCancelled()
    } catch (e) {
      void Taro.hideLoading()
      if (!cancelledNow) setError(messageOf(e))
    } finally {
      if (!cancelledNow) busy.current = false
    }
  }

  return (
    <View className='lecture-manage__section lecture-cancel'>
      <Text className='lecture-manage__heading'>取消讲座</Text>
      <Textarea
        className='lecture-cancel__input'
        value={reason}
        maxlength={REASON_MAX}
        placeholder='取消的原因（会告诉已预约的家庭）'
        onInput={(event) => {
          setReason(event.detail.value)
          setError(null)
        }}
      />
      {error && <Text className='lecture-cancel__error'>{error}</Text>}
      <View className='big-button lecture-cancel__confirm' hoverClass='big-button--hover' onClick={() => void submit()}>
        确定取消讲座
      </View>
      <View className='lecture-manage__cancel-link' hoverClass='lecture-manage__cancel-link--hover' onClick={() => onOpen(false)}>
        不取消了
      </View>
    </View>
  )
}
