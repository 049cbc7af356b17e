import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import CheckInQueueList from '../../components/CheckInQueueList'
import CheckInResultCard, { type CheckInNotice } from '../../components/CheckInResultCard'
import CheckInSyncBar from '../../components/CheckInSyncBar'
import { checkInQueue, syncNow, syncStatusStore } from '../../components/CheckInSyncBar/device-queue'
import { formatTypedCode, parsePhoneTail, parseTicketCode } from '../../components/CheckInSyncBar/door'
import { cacheDesk, cachedDesk, useLectureQueue, watchNetwork } from '../../components/CheckInSyncBar/door-queue'
import PageRoot from '../../components/PageRoot'
import PartyStepper from '../../components/PartyStepper'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { CheckInDeskDocument, type CheckInDeskQuery } from './gql/graphql'
import { useSession, useStore } from '../../hooks/useStore'
import type { ScanRequest } from '../../services/checkin-queue'
import { isApiError, messageOf, request } from '../../services/graphql'
import { formatTime, formatTimeRange } from '../../utils/format'
import { decodeRouteParam } from '../../utils/route'
import './checkin.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
/**
 * Households are families: a party present may exceed what was booked (a grandparent came too).
 * For a ticket the phone cannot know the booking offline; the server counts those beyond the
 * booked party as walk-ins. A household picked from the roster is capped at its booking there.
 */
const MAX_PARTY = 10
/** While scans wait, try again this often even if the phone reports no network change. */
const RETRY_MS = 30_000

type Desk = { lecture: NonNullable<CheckInDeskQuery['lecture']>; roster: CheckInDeskQuery['lectureRoster'] }
type RosterEntry = Desk['roster']['entries'][number]

type DeskState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'notFound' }
  | { status: 'forbidden' }
  | { status: 'error'; message: string }
  /** `stale`: shown from the phone's copy (no network); the server has not confirmed it yet. */
  | { status: 'ready'; desk: Desk; stale: boolean }

// The lecture and its roster are kept on the phone (door-queue.ts: per account, forgotten on
// sign-out) so the door screen opens and the phone-tail search works in a hall without signal.
function cachedDeskOf(lectureId: string): Desk | null {
  const desk = cachedDesk<Desk>(lectureId)
  return desk && desk.lecture && desk.roster ? desk : null
}

function useCheckInDesk(lectureId: string | undefined) {
  const { token, user } = useSession()
  const [state, setState] = useState<DeskState>(() => {
    const cached = lectureId ? cachedDeskOf(lectureId) : null
    return cached ? { status: 'ready', desk: cached, stale: true } : { status: 'loading' }
  })
  const latest = useRef(0)

  const load = useCallback(async () => {
    const call = ++latest.current
    if (!lectureId) return setState({ status: 'notFound' })
    if (!token) return setState({ status: 'signedOut' })
    try {
      const data = await request(CheckInDeskDocument, { lectureId })
      if (call !== latest.current) return
      if (!data.lecture) return setState({ status: 'notFound' })
      if (!data.lecture.canCheckIn) return setState({ status: 'forbidden' })
      const desk = { lecture: data.lecture, roster: data.lectureRoster }
      cacheDesk<Desk>(lectureId, desk)
      setState({ status: 'ready', desk, stale: false })
    } catch (error) {
      if (call !== latest.current) return
      const code = isApiError(error) ? error.code : undefined
      if (code === 'UNAUTHENTICATED') return setState({ status: 'signedOut' })
      if (code === 'FORBIDDEN') return setState({ status: 'forbidden' })
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return setState({ status: 'notFound' })
      // No network: keep what the phone has for this account (the queue works without the server).
      const cached = cachedDeskOf(lectureId)
      setState((current) =>
        current.status === 'ready' && cached
          ? { ...current, stale: true }
          : cached
            ? { status: 'ready', desk: cached, stale: true }
            : { status: 'error', message: messageOf(error) },
      )
    }
  }, [lectureId, token, user?.id])

  useEffect(() => {
    void load()
  }, [load])
  return { state, reload: load }
}

export default function CheckInPage() {
  const { params } = useRouter()
  const lectureId = decodeRouteParam(params.id)
  const { state, reload } = useCheckInDesk(lectureId)

  useEffect(() => watchNetwork(), [])

  let content
  switch (state.status) {
    case 'loading':
      content = <StatusView kind='loading' message='正在打开签到…' />
      break
    case 'signedOut':
      content = <SignInPanel title='讲师登录后才能签到' onSignedIn={() => void reload()} />
      break
    case 'notFound':
      content = <StatusView kind='empty' message='没有找到这场讲座' />
      break
    case 'forbidden':
      content = <StatusView kind='empty' message='您不是这场讲座的讲师或签到员，不能为它签到。' />
      break
    case 'error':
      content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      break
    default:
      content = <Desk desk={state.desk} stale={state.stale} reload={reload} />
  }
  return <PageRoot className='checkin'>{content}</PageRoot>
}

function Desk({ desk, stale, reload }: { desk: Desk; stale: boolean; reload: () => Promise<void> }) {
  const { lecture, roster } = desk
  const session = useSession()
  const userId = session.user?.id ?? ''
  const queue = useLectureQueue(lecture.id)
  const entries = useStore(checkInQueue.store)
  const sync = useStore(syncStatusStore)

  const [notice, setNotice] = useState<CheckInNotice | null>(null)
  const [typed, setTyped] = useState('')
  /** null: the booked party (the default); a number once the lecturer changes it. */
  const [partyPresent, setPartyPresent] = useState<number | null>(null)
  const [phoneTail, setPhoneTail] = useState('')
  const [walkInParty, setWalkInParty] = useState(1)

  // Whoever sent the queue (this page, the network coming back, 立即同步), answered scans make
  // the counts out of date: load them again.
  const answers = useRef(sync.answers)
  useEffect(() => {
    if (sync.answers !== answers.current) void reload()
    answers.current = sync.answers
  }, [sync.answers, reload])

  // Opening the page and coming back to it: send what waits, refresh the counts. The door screen
  // stays lit while it is shown.
  const keepScreenOn = (on: boolean) => {
    if (IS_WEAPP) void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
  }
  useEffect(() => {
    void syncNow()
    keepScreenOn(true)
    return () => keepScreenOn(false)
  }, [])
  useDidShow(() => {
    void reload()
    void syncNow()
    keepScreenOn(true)
  })
  useDidHide(() => keepScreenOn(false))

  // The network coming back sends the queue (device-queue); the counts follow here.
  const wasOnline = useRef(sync.online)
  useEffect(() => {
    if (sync.online && wasOnline.current === false) void reload()
    wasOnline.current = sync.online
  }, [sync.online, reload])

  // A phone may report a network that carries nothing (a hall's Wi-Fi): retry now and then.
  const pendingCount = queue.pending.length
  useEffect(() => {
    if (pendingCount === 0) return undefined
    const timer = setInterval(() => void syncNow(), RETRY_MS)
    return () => clearInterval(timer)
  }, [pendingCount])

  const submit = (scan: ScanRequest) => {
    const outcome = checkInQueue.add(scan, userId)
    setNotice({ kind: 'scan', clientScanId: outcome.entry.clientScanId, duplicate: outcome.duplicate })
    setPartyPresent(null) // the next household starts from its own booking again
    // The answer and the counts are at the top: bring them into view (a typed code or a roster
    // pick leaves the page scrolled down).
    void Taro.pageScrollTo({ scrollTop: 0, duration: 150 }).catch(() => undefined)
    void syncNow().then(() => {
      const answered = checkInQueue.store.get().find((e) => e.clientScanId === outcome.entry.clientScanId)
      if (IS_WEAPP && answered) {
        // A buzz the lecturer feels without looking: short for in, long for refused.
        if (answered.state === 'done') void Taro.vibrateShort({ type: 'heavy' }).catch(() => undefined)
        else if (answered.state === 'refused') void Taro.vibrateLong().catch(() => undefined)
      }
    })
  }

  const checkInCode = (text: string) => {
    const parsed = parseTicketCode(text)
    if (!parsed.ok) {
      setNotice({ kind: 'invalid', message: parsed.message })
      return false
    }
    submit({ lectureId: lecture.id, code: parsed.code, ...(partyPresent !== null ? { partyPresent } : {}) })
    return true
  }

  const submitTyped = () => {
    if (checkInCode(typed)) setTyped('')
  }

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      checkInCode(result)
    } catch (error) {
      const cancelled = /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))
      if (!cancelled) void Taro.showToast({ title: '没能打开扫码，请输入入场码', icon: 'none' })
    }
  }

  /** A household picked from the roster, with the people its row says came (its booking at most). */
  const checkInBooking = (entry: RosterEntry, present: number) => {
    submit({
      lectureId: lecture.id,
      bookingId: entry.bookingId,
      label: entry.householdName,
      ...(present < entry.partySize ? { partyPresent: Math.max(1, present) } : {}),
    })
  }

  // Set before the confirmation opens: a double tap must not open two, and so record two walk-ins.
  const confirmingWalkIn = useRef(false)
  const recordWalkIn = async () => {
    if (confirmingWalkIn.current) return
    confirmingWalkIn.current = true
    try {
      const { confirm } = await Taro.showModal({
        title: '登记现场来宾',
        content: `没有预约的现场来宾 ${walkInParty} 人，确定登记吗？`,
        confirmText: '登记',
        cancelText: '不登记',
        confirmColor: '#b8322e',
      })
      if (!confirm) return
      submit({ lectureId: lecture.id, walkInPartySize: walkInParty })
      setWalkInParty(1)
    } catch {
      // the confirmation could not open: nothing recorded
    } finally {
      confirmingWalkIn.current = false
    }
  }

  const tail = parsePhoneTail(phoneTail)
  const matches = useMemo(() => (tail ? roster.entries.filter((e) => e.phoneTail === tail) : []), [tail, roster.entries])
  const pendingBookings = useMemo(
    () => new Set(queue.pending.map((e) => e.bookingId).filter(Boolean) as string[]),
    [queue.pending],
  )
  const noticeEntry = notice?.kind === 'scan' ? entries.find((e) => e.clientScanId === notice.clientScanId) ?? null : null

  return (
    <View className='checkin__desk'>
      <View className='checkin-head'>
        <Text className='checkin-head__title'>{lecture.title}</Text>
        <Text className='checkin-head__line'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
        <Text className='checkin-head__line'>{lecture.venue.name}</Text>
        <View className='checkin-counts'>
          <View className='checkin-counts__cell'>
            <Text className='checkin-counts__label'>已签到</Text>
            <Text className='checkin-counts__value checkin-counts__households'>
              {roster.checkedInHouseholds}
              <Text className='checkin-counts__unit'> 户</Text>
            </Text>
          </View>
          <View className='checkin-counts__cell'>
            <Text className='checkin-counts__label'>到场</Text>
            <Text className='checkin-counts__value checkin-counts__people'>
              {roster.peoplePresent}
              <Text className='checkin-counts__unit'> 人</Text>
            </Text>
          </View>
          <View className='checkin-counts__cell'>
            <Text className='checkin-counts__label'>已预约</Text>
            <Text className='checkin-counts__value checkin-counts__booked'>
              {roster.bookedHouseholds}
              <Text className='checkin-counts__unit'> 户</Text>
            </Text>
          </View>
        </View>
        {stale && <Text className='checkin-head__stale'>网络不通：人数是上次联网时的，签到会先记在手机上。</Text>}
      </View>

      <CheckInSyncBar pending={queue.pending.length} />

      <CheckInResultCard notice={notice} entry={noticeEntry} syncing={sync.syncing} last={sync.last} />

      {IS_WEAPP ? (
        <View className='big-button big-button--primary checkin__scan' hoverClass='big-button--hover' onClick={() => void scan()}>
          扫码签到
        </View>
      ) : (
        <Text className='checkin__no-camera'>网页版不能扫码，请输入入场码或按手机尾号查找。</Text>
      )}

      <View className='checkin-panel'>
        <Text className='checkin-panel__heading'>输入入场码</Text>
        <Input
          className='checkin-code__input'
          value={typed}
          placeholder='例如 K7Q2-9XMA'
          maxlength={2000}
          confirmType='done'
          onInput={(event) => {
            setTyped(formatTypedCode(event.detail.value))
          }}
          onConfirm={submitTyped}
        />
        <View className='big-button big-button--primary checkin-code__submit' hoverClass='big-button--hover' onClick={submitTyped}>
          签到
        </View>
        <Text className='checkin-panel__note'>扫不出来时，请对方念出入场券上的 8 位入场码；也可以粘贴二维码内容。</Text>
      </View>

      <View className='checkin-panel'>
        <Text className='checkin-panel__heading'>到场人数</Text>
        <Text className='checkin-panel__note checkin-party__note'>
          扫码或输入入场码时用：与预约人数不同时再改，只用于下一张券；比预约多来的人会记为现场来宾。
        </Text>
        {partyPresent === null ? (
          <View className='checkin-party'>
            <Text className='checkin-party__default'>按预约人数</Text>
            <View
              className='checkin-party__change'
              hoverClass='checkin-party__change--hover'
              onClick={() => setPartyPresent(1)}
            >
              人数不一样？改一下
            </View>
          </View>
        ) : (
          <View className='checkin-party checkin-party--custom'>
            <PartyStepper
              value={partyPresent}
              maxPartySize={MAX_PARTY}
              onChange={(next) => setPartyPresent((current) => (typeof next === 'function' ? next(current ?? 1) : next))}
            />
            <View className='checkin-party__change' hoverClass='checkin-party__change--hover' onClick={() => setPartyPresent(null)}>
              恢复按预约人数
            </View>
          </View>
        )}
      </View>

      <View className='checkin-panel'>
        <Text className='checkin-panel__heading'>按手机尾号查找</Text>
        <Input
          className='checkin-tail__input'
          type='number'
          value={phoneTail}
          placeholder='手机号后 4 位'
          maxlength={4}
          onInput={(event) => setPhoneTail(event.detail.value)}
        />
        {phoneTail.length > 0 && !tail && <Text className='checkin-panel__note'>请输入 4 位数字</Text>}
        {tail && matches.length === 0 && <Text className='checkin-panel__note checkin-tail__none'>没有尾号为 {tail} 的预约家庭</Text>}
        {matches.map((entry) => (
          <RosterRow
            key={entry.bookingId}
            entry={entry}
            pending={pendingBookings.has(entry.bookingId)}
            onCheckIn={(present) => checkInBooking(entry, present)}
          />
        ))}
      </View>

      <View className='checkin-panel'>
        <Text className='checkin-panel__heading'>登记现场来宾</Text>
        <Text className='checkin-panel__note'>没有预约、到了现场的家庭：登记人数，计入到场人数。</Text>
        <PartyStepper value={walkInParty} maxPartySize={MAX_PARTY} onChange={setWalkInParty} />
        <View className='big-button checkin-walkin__submit' hoverClass='big-button--hover' onClick={() => void recordWalkIn()}>
          登记现场来宾
        </View>
      </View>

      <CheckInQueueList
        pending={queue.pending}
        refused={queue.refused}
        answered={queue.answered}
        othersPending={queue.othersPending}
        onDismiss={checkInQueue.dismiss}
      />
    </View>
  )
}

/**
 * A household found by its phone tail. Those who came are counted on the row itself, 1 to the
 * seats booked: the booking is known here, so more is never offered (more people: a walk-in).
 */
function RosterRow({ entry, pending, onCheckIn }: { entry: RosterEntry; pending: boolean; onCheckIn: (present: number) => void }) {
  const checkedIn = entry.status === 'CHECKED_IN'
  const canCheckIn = !checkedIn && !pending && (entry.status === 'CONFIRMED' || entry.status === 'NO_SHOW')
  const [present, setPresent] = useState(entry.partySize)
  return (
    <View className='checkin-tail__row'>
      <View className='checkin-tail__main'>
        <View className='checkin-tail__body'>
          <Text className='checkin-tail__name'>{entry.householdName}</Text>
          <Text className='checkin-tail__details'>
            尾号 {entry.phoneTail ?? '—'} · 预约 {entry.partySize} 位
          </Text>
        </View>
        {checkedIn ? (
          <Text className='checkin-tail__state'>已于 {entry.checkedInAt ? formatTime(entry.checkedInAt) : ''} 签到</Text>
        ) : pending ? (
          <Text className='checkin-tail__state checkin-tail__state--pending'>待同步</Text>
        ) : canCheckIn ? (
          <View className='checkin-tail__button' hoverClass='checkin-tail__button--hover' onClick={() => onCheckIn(present)}>
            签到
          </View>
        ) : (
          <Text className='checkin-tail__state checkin-tail__state--muted'>{entry.status === 'WAITLISTED' ? '候补，无座位' : ''}</Text>
        )}
      </View>
      {canCheckIn && entry.partySize > 1 && (
        <View className='checkin-tail__party'>
          <Text className='checkin-tail__party-label'>到场人数（最多 {entry.partySize} 位）</Text>
          <PartyStepper value={present} maxPartySize={entry.partySize} onChange={setPresent} />
        </View>
      )}
    </View>
  )
}
