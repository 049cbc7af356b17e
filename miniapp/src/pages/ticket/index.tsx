import { useRef, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import BookingBadge from '../../components/BookingBadge'
import PageRoot from '../../components/PageRoot'
import QrCode from '../../components/QrCode'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useNow } from '../../hooks/useNow'
import { useTicket, type TicketBooking } from '../../hooks/useTicket'
import { addToPhoneCalendar, CAN_ADD_TO_CALENDAR, confirmAndCancel } from '../../services/booking'
import { CANCEL_DEADLINE_RULE, canStillCancel, hasTicket, seatNumbersLabel } from '../../utils/booking'
import { formatTimeRange, lecturePhase } from '../../utils/format'
import { decodeRouteParam } from '../../utils/route'
import './index.scss'

function openMineTab() {
  void Taro.switchTab({ url: '/pages/mine/index' })
}

export default function TicketPage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id)
  const { state, reload, replace } = useTicket(id)

  let content: ReactNode
  switch (state.status) {
    case 'loading':
      content = <StatusView kind='loading' message='正在加载入场券…' />
      break
    case 'signedOut':
      content = <SignInPanel title='登录后查看您的入场券' />
      break
    case 'notFound':
      content = <StatusView kind='empty' message='没有找到这张入场券' actionText='看我的预约' onAction={openMineTab} />
      break
    case 'notYours':
      content = <StatusView kind='empty' message='这张入场券不是您的预约' actionText='看我的预约' onAction={openMineTab} />
      break
    case 'error':
      content = <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      break
    default:
      content = <TicketView booking={state.booking} onChanged={replace} />
  }
  return <PageRoot className='ticket-page'>{content}</PageRoot>
}

function TicketView({ booking, onChanged }: { booking: TicketBooking; onChanged: (booking: TicketBooking) => void }) {
  const { lecture } = booking
  const now = useNow()
  const busy = useRef(false) // a ref: a double tap comes before any re-render
  const started = lecturePhase(lecture.startsAt, lecture.endsAt, now) !== 'upcoming'
  const active = booking.status === 'CONFIRMED' || booking.status === 'WAITLISTED'
  const cancellable = active && !started && canStillCancel(lecture.cancellationDeadline, now)

  const cancel = async () => {
    if (busy.current) return
    busy.current = true
    try {
      const cancelled = await confirmAndCancel(booking, lecture.cancellationDeadline)
      if (cancelled) onChanged({ ...booking, ...cancelled, lecture, ticket: null })
    } finally {
      busy.current = false
    }
  }

  return (
    <View className='ticket'>
      <View className='ticket__card'>
        <View className='ticket__status'>
          <BookingBadge status={booking.status} waitlistPosition={booking.waitlistPosition} />
          <Text className='ticket__party'>{booking.partySize} 位</Text>
        </View>
        <Text className='ticket__title'>{lecture.title}</Text>

        <TicketCode booking={booking} />

        <View className='ticket__rows'>
          <Row label='时间'>
            <Text className='ticket__value ticket__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Text>
            <Text className='ticket__muted'>北京时间</Text>
          </Row>
          <Row label='地点'>
            <Text className='ticket__value ticket__venue'>{lecture.venue.name}</Text>
            <Text className='ticket__muted ticket__address'>{lecture.venue.address}</Text>
          </Row>
          <Row label='人数'>
            <Text className='ticket__value ticket__seats'>
              {booking.partySize} 位{booking.seatNumbers.length > 0 ? `，座位 ${seatNumbersLabel(booking.seatNumbers)}` : ''}
            </Text>
          </Row>
        </View>
      </View>

      {booking.status === 'CONFIRMED' && CAN_ADD_TO_CALENDAR && !started && (
        <View className='big-button ticket__calendar' hoverClass='big-button--hover' onClick={() => void addToPhoneCalendar(lecture)}>
          添加到手机日历
        </View>
      )}
      {cancellable && (
        <View className='ticket__cancel' hoverClass='ticket__cancel--hover' onClick={() => void cancel()}>
          {booking.status === 'WAITLISTED' ? '取消候补' : '取消预约'}
        </View>
      )}
      {active && !started && !cancellable && <Text className='ticket__note'>{CANCEL_DEADLINE_RULE}</Text>}
    </View>
  )
}

/** The QR code and the short code to read aloud; or why there is none. */
function TicketCode({ booking }: { booking: TicketBooking }) {
  if (booking.ticket && hasTicket(booking.status)) {
    return (
      <View className='ticket__code'>
        <Text className='ticket__code-hint'>入场时请出示此码</Text>
        <QrCode text={booking.ticket.code} />
        <Text className='ticket__short-label'>扫不出来时，请念出入场码：</Text>
        <Text className='ticket__short-code'>{booking.ticket.shortCode}</Text>
      </View>
    )
  }
  let message = '这次预约已取消，入场券已作废。'
  if (booking.status === 'WAITLISTED') message = `您在候补第 ${booking.waitlistPosition ?? '?'} 位。补上座位后，这里会显示入场券，并会通知您。`
  else if (booking.status === 'PENDING') message = '正在为您安排座位，请稍后再看。'
  else if (booking.status === 'NO_SHOW') message = '这场讲座您没有到场。'
  return (
    <View className='ticket__no-code'>
      <Text className='ticket__no-code-text'>{message}</Text>
    </View>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='ticket__row'>
      <Text className='ticket__label'>{label}</Text>
      <View className='ticket__row-body'>{children}</View>
    </View>
  )
}
