// Pure formatting helpers: no Taro, no React, so unit tests can import them directly.

/** The five venue types as the API spells them (mirrors the schema's VenueType enum). */
export const VENUE_TYPES = ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE'] as const
export type VenueTypeValue = (typeof VENUE_TYPES)[number]

const VENUE_TYPE_LABELS: Record<VenueTypeValue, string> = {
  VILLAGE: '进农村',
  COMMUNITY: '进社区',
  SCHOOL: '进学校',
  GOVERNMENT: '进机关',
  ENTERPRISE: '进企业',
}

/** Chinese label of a venue type; an unknown value (newer server) falls back to itself. */
export function venueTypeLabel(type: string): string {
  return VENUE_TYPE_LABELS[type as VenueTypeValue] ?? type
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

// Nanping lives in UTC+8 with no daylight saving. Shifting the instant by 8 hours and
// reading the UTC fields gives Beijing wall-clock time whatever the phone's time zone is
// (a traveller or a phone set to UTC must still see the hall's local time).
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

interface WallClock {
  month: number
  day: number
  weekday: string
  time: string
}

function beijingWallClock(iso: string | Date): WallClock | null {
  const ms = (iso instanceof Date ? iso : new Date(iso)).getTime()
  if (Number.isNaN(ms)) return null
  const d = new Date(ms + BEIJING_OFFSET_MS)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return {
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()],
    time: `${hh}:${mm}`,
  }
}

/** "12月3日 周三" in Beijing time. */
export function formatDate(iso: string | Date): string {
  const w = beijingWallClock(iso)
  return w ? `${w.month}月${w.day}日 ${w.weekday}` : ''
}

/** "09:30" in Beijing time. */
export function formatTime(iso: string | Date): string {
  return beijingWallClock(iso)?.time ?? ''
}

/**
 * "12月3日 周三 09:30–11:00" in Beijing time. A session that runs past midnight
 * (rare, but the data allows it) names both days so nobody comes on the wrong one.
 */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date): string {
  const start = beijingWallClock(startsAt)
  const end = beijingWallClock(endsAt)
  if (!start) return ''
  const startDay = `${start.month}月${start.day}日 ${start.weekday}`
  if (!end) return `${startDay} ${start.time}`
  if (end.month === start.month && end.day === start.day) {
    return `${startDay} ${start.time}–${end.time}`
  }
  return `${startDay} ${start.time} – ${end.month}月${end.day}日 ${end.weekday} ${end.time}`
}

/** "剩余 12 座", or "已满" once nothing is left (never a negative count). */
export function seatsLabel(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩余 ${seatsLeft} 座` : '已满'
}

/** "共 8 场" for the list header. */
export function totalLabel(totalCount: number): string {
  return `共 ${totalCount} 场`
}
