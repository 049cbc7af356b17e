// Pure booking logic for the pages: labels, bounds and messages. No Taro import, so unit tests
// can load it in Node.
import type { BookingStatus } from '../gql/graphql'
import { ApiError, messageOf } from '../services/errors'

/** The badge of a booking: 已预约 / 候补第N位 / 已取消 / 已签到 / 未到场 (处理中 while deciding). */
export function bookingStatusLabel(status: BookingStatus | string, waitlistPosition?: number | null): string {
  switch (status) {
    case 'CONFIRMED':
      return '已预约'
    case 'WAITLISTED':
      return waitlistPosition ? `候补第${waitlistPosition}位` : '候补中'
    case 'CANCELLED':
      return '已取消'
    case 'CHECKED_IN':
      return '已签到'
    case 'NO_SHOW':
      return '未到场'
    default:
      return '处理中'
  }
}

/** A class modifier per status, for the badge's colour: booking-status--waitlisted… */
export function bookingStatusTone(status: BookingStatus | string): string {
  return status.toLowerCase().replace(/_/g, '-')
}

/** Still holding seats or a place in the queue (what `Lecture.myBooking` returns). */
export function isActiveBooking(status: BookingStatus | string): boolean {
  return status === 'CONFIRMED' || status === 'WAITLISTED' || status === 'PENDING'
}

/** A ticket exists while seats are held (and after check-in, for the record). */
export function hasTicket(status: BookingStatus | string): boolean {
  return status === 'CONFIRMED' || status === 'CHECKED_IN'
}

/** The largest party a lecture allows, never below 1 (a lecture without a limit set says 1+). */
export function partySizeLimit(maxPartySize: number | null | undefined): number {
  return Math.max(1, Math.floor(maxPartySize ?? 1))
}

/** `value` moved by `step` and kept within 1..max. */
export function stepPartySize(value: number, step: number, maxPartySize: number): number {
  const max = partySizeLimit(maxPartySize)
  return Math.min(max, Math.max(1, Math.round(value) + step))
}

/** The headline right after booking: 预约成功（2 位） or 已进入候补，第 3 位. */
export function bookingResultTitle(booking: { status: BookingStatus | string; partySize: number; waitlistPosition?: number | null }): string {
  if (booking.status === 'CONFIRMED') return `预约成功（${booking.partySize} 位）`
  if (booking.status === 'WAITLISTED') {
    return booking.waitlistPosition ? `已进入候补，第 ${booking.waitlistPosition} 位` : '已进入候补'
  }
  if (booking.status === 'PENDING') return '正在为您安排座位…'
  return bookingStatusLabel(booking.status)
}

/** The line for a booking made earlier: 您已预约（2 位） / 您在候补第 3 位. */
export function existingBookingTitle(booking: { status: BookingStatus | string; partySize: number; waitlistPosition?: number | null }): string {
  if (booking.status === 'CONFIRMED') return `您已预约（${booking.partySize} 位）`
  if (booking.status === 'WAITLISTED') {
    return booking.waitlistPosition ? `您在候补第 ${booking.waitlistPosition} 位（${booking.partySize} 位）` : '您在候补名单中'
  }
  return bookingResultTitle(booking)
}

/** "12、13 号" */
export function seatNumbersLabel(seats: ReadonlyArray<number>): string {
  return seats.length ? `${seats.join('、')} 号` : ''
}

/** A warning under the stepper when the party will not be seated at once. */
export function waitlistHint(seatsLeft: number, partySize: number): string | null {
  if (seatsLeft <= 0) return '座位已满。现在预约会进入候补，有人取消时按先后顺序补上。'
  if (partySize > seatsLeft) return `只剩 ${seatsLeft} 个座位，不够 ${partySize} 位。现在预约会进入候补。`
  return null
}

/** Cancelling is allowed until the lecture's deadline (two hours before it starts). */
export function canStillCancel(cancellationDeadline: string, now: Date): boolean {
  const deadline = Date.parse(cancellationDeadline)
  return Number.isNaN(deadline) || now.getTime() <= deadline
}

export const CANCEL_DEADLINE_RULE = '讲座开始前 2 小时内不能在线取消。如果来不了，请联系主办方。'

function serverSaid(error: ApiError): string {
  return error.errors[0]?.message ?? ''
}

/** Why a cancellation was refused, in plain words; the 2-hour rule is spelled out. */
export function cancelRefusalMessage(error: unknown, cancellationDeadline: string, now: Date): string {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    const said = serverSaid(error)
    if (/two hours/i.test(said) || !canStillCancel(cancellationDeadline, now)) return CANCEL_DEADLINE_RULE
    if (/already cancelled/i.test(said)) return '这个预约已经取消了。'
    if (/taken place/i.test(said)) return '讲座已经举行，不能再取消了。'
  }
  return messageOf(error)
}

/** Why a booking was refused, in plain words. */
export function bookingRefusalMessage(error: unknown, maxPartySize: number): string {
  if (error instanceof ApiError) {
    const said = serverSaid(error)
    if (error.code === 'CONFLICT') {
      if (/already have a booking/i.test(said)) return '您已经预约过这场讲座了。'
      if (/cancelled/i.test(said)) return '这场讲座已取消。'
      if (/started/i.test(said)) return '讲座已经开始，不能再预约了。'
    }
    if (error.code === 'BAD_USER_INPUT' && /partySize/.test(said)) return `每户最多预约 ${partySizeLimit(maxPartySize)} 位。`
    if (error.code === 'NOT_FOUND') return '讲座不存在或已下线。'
    if (error.code === 'UNAUTHENTICATED') return '请先登录，再预约。'
  }
  return messageOf(error)
}

/** The booking the server already has, when a CONFLICT names it. */
export function conflictingBookingId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null
  const id = error.errors[0]?.extensions?.bookingId
  return typeof id === 'string' ? id : null
}

/** A booking attempt whose answer never arrived: retrying it must reuse its key. */
export interface UnansweredAttempt {
  key: string
  lectureId: string
  partySize: number
}

/**
 * The idempotency key for a tap on 预约: the key of an unanswered attempt for the same lecture and
 * party size (the server then returns the first result instead of booking twice), else a new one.
 */
export function idempotencyKeyFor(
  unanswered: UnansweredAttempt | null,
  lectureId: string,
  partySize: number,
  newKey: () => string,
): string {
  if (unanswered && unanswered.lectureId === lectureId && unanswered.partySize === partySize) return unanswered.key
  return newKey()
}

/** Whether an error leaves the outcome unknown (the request may have been carried out). */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.code === 'INTERNAL_SERVER_ERROR')
}

/** A key unique enough for one household's taps: time plus randomness (no crypto in every base library). */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  const noise = Array.from({ length: 3 }, () => Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')).join('')
  return `${now.toString(36)}-${noise}`
}
