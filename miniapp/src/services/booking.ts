// Booking actions shared by the detail and ticket pages: asking for messages, cancelling with a
// confirmation, and adding a lecture to the phone's calendar.
import Taro from '@tarojs/taro'
import { CancelBookingDocument, type CancelBookingMutation } from '../gql/graphql'
import { cancelRefusalMessage } from '../utils/booking'
import { request } from './graphql'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** The ticket page of a booking (the path the server's subscribe messages open too). */
export function openTicket(bookingId: string): void {
  void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(bookingId)}` })
}

/**
 * Asks WeChat to let the server send these subscribe messages (a household's confirmation and
 * reminders; a lecturer's review results). Must be called straight from the tap (before any
 * await): WeChat shows the prompt only for a user gesture. A refusal or an error changes nothing.
 */
export async function askForMessages(templateIds: ReadonlyArray<string>): Promise<void> {
  if (!IS_WEAPP || templateIds.length === 0) return
  try {
    // entityIds is Alipay's field; Taro's type wants one of the two.
    await Taro.requestSubscribeMessage({ tmplIds: [...templateIds] } as Taro.requestSubscribeMessage.Option)
  } catch {
    // refused, or not supported on this WeChat: the booking itself does not depend on it
  }
}

export type CancelledBooking = CancelBookingMutation['cancelBooking']

/**
 * Asks "are you sure?", then cancels. Resolves with the cancelled booking, or null when the reader
 * changed their mind or the server refused (the reason has been shown, the 2-hour rule spelled out).
 */
export async function confirmAndCancel(
  booking: { id: string; status: string },
  cancellationDeadline: string,
): Promise<CancelledBooking | null> {
  const waitlisted = booking.status === 'WAITLISTED'
  const { confirm } = await Taro.showModal({
    title: waitlisted ? '取消候补' : '取消预约',
    content: waitlisted ? '确定不再候补这场讲座了吗？' : '确定要取消吗？取消后座位会让给其他家庭。',
    confirmText: '确定取消',
    cancelText: '不取消',
    confirmColor: '#b8322e',
  })
  if (!confirm) return null
  void Taro.showLoading({ title: '正在取消…', mask: true })
  try {
    const { cancelBooking } = await request(CancelBookingDocument, { id: booking.id })
    void Taro.hideLoading()
    void Taro.showToast({ title: '已取消', icon: 'success' })
    return cancelBooking
  } catch (error) {
    void Taro.hideLoading()
    await Taro.showModal({
      title: '没能取消',
      content: cancelRefusalMessage(error, cancellationDeadline, new Date()),
      showCancel: false,
      confirmText: '知道了',
    })
    return null
  }
}

/** Only the mini program can write to the phone's calendar (base library 2.15+). */
export const CAN_ADD_TO_CALENDAR = IS_WEAPP

export interface CalendarLecture {
  title: string
  startsAt: string
  endsAt: string
  venue: { name: string; address: string }
}

/** Adds the lecture to the phone's calendar with a reminder an hour before. */
export async function addToPhoneCalendar(lecture: CalendarLecture): Promise<void> {
  if (!CAN_ADD_TO_CALENDAR) return
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)
  try {
    await Taro.addPhoneCalendar({
      title: `家庭教育讲座：${lecture.title}`,
      startTime: seconds(lecture.startsAt),
      // WeChat takes seconds here as for startTime; Taro's type says string by mistake.
      endTime: seconds(lecture.endsAt) as unknown as string,
      location: `${lecture.venue.name} ${lecture.venue.address}`,
      description: '家庭教育大讲堂。入场时请出示入场券。',
      alarm: true,
      alarmOffset: 3600,
    })
    void Taro.showToast({ title: '已加到日历', icon: 'success' })
  } catch (error) {
    const cancelled = /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))
    if (!cancelled) void Taro.showToast({ title: '没能加到日历', icon: 'none' })
  }
}
