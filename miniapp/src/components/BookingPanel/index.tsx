import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BookLectureDocument, type BookingFieldsFragment } from '../../gql/graphql'
import type { LectureDetail } from '../../hooks/useLectureDetail'
import { useSession } from '../../hooks/useStore'
import { signInWithWechat, SIGNS_IN_WITH_WECHAT } from '../../services/auth'
import { addToPhoneCalendar, askForMessages, CAN_ADD_TO_CALENDAR, confirmAndCancel, openTicket } from '../../services/booking'
import { isApiError, request } from '../../services/graphql'
import { currentToken } from '../../services/session'
import {
  bookingRefusalMessage,
  bookingResultTitle,
  CANCEL_DEADLINE_RULE,
  canStillCancel,
  conflictingBookingId,
  existingBookingTitle,
  hasTicket,
  idempotencyKeyFor,
  isActiveBooking,
  newIdempotencyKey,
  outcomeUnknown,
  partySizeLimit,
  seatNumbersLabel,
  waitlistHint,
  type UnansweredAttempt,
} from '../../utils/booking'
import PartyStepper from '../PartyStepper'
import SignInPanel from '../SignInPanel'
import './index.scss'

interface Props {
  lecture: LectureDetail
  templateIds: string[]
  /** Loads the lecture again without a spinner: seats left and the booking change. */
  refresh: () => Promise<void>
  now: Date
}

/** How often to ask again about a booking the server is still deciding, and for how long. */
const PENDING_POLL_MS = 1500
const PENDING_POLLS = 8

/**
 * The booking part of the detail page: the party-size stepper and 预约, or — once the household
 * has booked — what it holds, with 查看入场券 and 取消预约.
 */
export default function BookingPanel({ lecture, templateIds, refresh, now }: Props) {
  const session = useSession()
  const [partySize, setPartySize] = useState(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [askSignIn, setAskSignIn] = useState(false)
  // The booking this page just made, to say "预约成功" rather than "您已预约"; and, until the
  // lecture has been loaded again (`before` is the lecture as it was), to show it at all.
  const [made, setMade] = useState<{ booking: BookingFieldsFragment; before: LectureDetail } | null>(null)
  const justBooked = made?.booking ?? null
  const unanswered = useRef<UnansweredAttempt | null>(null)
  // A ref, not the state: a quick double tap arrives before the re-render that would disable it.
  const inFlight = useRef(false)
  const begin = () => {
    if (inFlight.current) return false
    inFlight.current = true
    setBusy(true)
    return true
  }
  const end = () => {
    inFlight.current = false
    setBusy(false)
  }
  const polls = useRef(0)

  const max = partySizeLimit(lecture.maxPartySize)
  const stale = made !== null && made.before === lecture && isActiveBooking(made.booking.status)
  const booking = lecture.myBooking ?? (stale ? made.booking : null)

  // A booking still being decided: look again shortly (the server settles it within seconds).
  useEffect(() => {
    if (booking?.status !== 'PENDING' || polls.current >= PENDING_POLLS) return
    const timer = setTimeout(() => {
      polls.current++
      void refresh()
    }, PENDING_POLL_MS)
    return () => clearTimeout(timer)
  }, [booking, refresh])

  // Signed out elsewhere (or the token expired): forget a result shown for the previous session.
  useEffect(() => {
    if (!session.token) setMade(null)
    else setAskSignIn(false)
  }, [session.token])

  const submit = async () => {
    const key = idempotencyKeyFor(unanswered.current, lecture.id, partySize, () => newIdempotencyKey())
    unanswered.current = { key, lectureId: lecture.id, partySize }
    try {
      const { bookLecture } = await request(BookLectureDocument, {
        input: { lectureId: lecture.id, partySize, idempotencyKey: key },
      })
      unanswered.current = null
      polls.current = 0
      setMade({ booking: bookLecture, before: lecture })
      await refresh()
    } catch (failure) {
      if (!outcomeUnknown(failure)) unanswered.current = null
      if (isApiError(failure) && failure.code === 'UNAUTHENTICATED') {
        setAskSignIn(true)
        setError('登录已过期，请重新登录后再预约。')
      } else if (outcomeUnknown(failure)) {
        setError('网络不太好，预约可能没有完成。请再点一次“预约”，不会重复预约。')
      } else {
        setError(bookingRefusalMessage(failure, max))
        // The household already holds a booking (made on another phone, say): show it.
        if (conflictingBookingId(failure)) void refresh()
      }
    }
  }

  const onBook = async () => {
    if (!begin()) return
    setError(null)
    try {
      // First, inside the tap: WeChat shows the subscription prompt only for a user gesture.
      await askForMessages(templateIds)
      if (!currentToken()) {
        if (!SIGNS_IN_WITH_WECHAT) {
          setAskSignIn(true)
          return
        }
        const signedIn = await signInWithWechat()
        if (!signedIn.ok) {
          setError(signedIn.message)
          return
        }
      }
      await submit()
    } finally {
      end()
    }
  }

  /** H5: signed in from the form under the button; carry on with the booking asked for. */
  const onSignedIn = async () => {
    setAskSignIn(false)
    if (!begin()) return
    try {
      await submit()
    } finally {
      end()
    }
  }

  const onCancel = async () => {
    if (!booking || !begin()) return
    try {
      const cancelled = await confirmAndCancel(booking, lecture.cancellationDeadline)
      if (cancelled) {
        setMade(null)
        await refresh()
      }
    } finally {
      end()
    }
  }

  if (lecture.status === 'CANCELLED') {
    return <Text className='booking-panel__note booking-panel__note--strong'>这场讲座已取消。</Text>
  }

  const started = now.getTime() >= Date.parse(lecture.startsAt)

  if (booking) {
    const fresh = justBooked?.id === booking.id
    const confirmed = booking.status === 'CONFIRMED'
    const cancellable = !started && canStillCancel(lecture.cancellationDeadline, now)
    return (
      <View className={`booking-result booking-result--${booking.status.toLowerCase()}`}>
        <Text className='booking-result__title'>{fresh ? bookingResultTitle(booking) : existingBookingTitle(booking)}</Text>
        {confirmed && booking.seatNumbers.length > 0 && (
          <Text className='booking-result__line'>座位号：{seatNumbersLabel(booking.seatNumbers)}</Text>
        )}
        {booking.status === 'WAITLISTED' && (
          <Text className='booking-result__line'>有人取消时按先后顺序补上，补上后会通知您。</Text>
        )}
        {hasTicket(booking.status) && (
          <View className='big-button big-button--primary booking-result__ticket' hoverClass='big-button--hover' onClick={() => openTicket(booking.id)}>
            查看入场券
          </View>
        )}
        {confirmed && CAN_ADD_TO_CALENDAR && !started && (
          <View className='big-button booking-result__calendar' hoverClass='big-button--hover' onClick={() => void addToPhoneCalendar(lecture)}>
            添加到手机日历
          </View>
        )}
        {cancellable ? (
          <View className='booking-result__cancel' hoverClass='booking-result__cancel--hover' onClick={() => void onCancel()}>
            {booking.status === 'WAITLISTED' ? '取消候补' : '取消预约'}
          </View>
        ) : (
          !started && <Text className='booking-panel__note'>{CANCEL_DEADLINE_RULE}</Text>
        )}
      </View>
    )
  }

  if (started) return null // the page says 进行中 / 已结束; there is nothing left to book

  const hint = waitlistHint(lecture.seatsLeft, partySize)
  return (
    <View className='booking-form'>
      <Text className='booking-form__label'>几位一起来？</Text>
      <PartyStepper value={partySize} maxPartySize={max} onChange={setPartySize} />
      <Text className='booking-form__limit'>每户最多 {max} 位</Text>
      {hint && <Text className='booking-form__hint'>{hint}</Text>}
      {error && <Text className='booking-form__error'>{error}</Text>}
      <View
        className={`big-button big-button--primary booking-form__submit${busy ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={() => void onBook()}
      >
        {busy ? '正在预约…' : hint ? '预约候补' : '预约'}
      </View>
      {askSignIn && (
        <View className='booking-form__sign-in'>
          <SignInPanel title='请先登录，登录后马上为您预约' onSignedIn={() => void onSignedIn()} />
        </View>
      )}
    </View>
  )
}
