// Pure formatting helpers: no Taro, no React, so unit tests can import them directly.
import type { VenueType } from '../gql/graphql'
// Typed from the generated schema types: a venue type added on the server fails the type check
// here until it has a label, and a removed one fails as an excess key.
const VENUE_TYPE_LABELS: Record<VenueType, string> = {
  VILLAGE: '进农村',
  COMMUNITY: '进社区',
  SCHOOL: '进学校',
  GOVERNMENT: '进机关',
  ENTERPRISE: '进企业',
}

/** The five venue types in the order the chips show them (the order of the labels above). */
export const VENUE_TYPES = Object.keys(VENUE_TYPE_LABELS) as VenueType[]

/** Chinese label of a venue type; an unknown value (newer server) falls back to itself. */
export function venueTypeLabel(type: string): string {
  return VENUE_TYPE_LABELS[type as VenueType] ?? type
}

/**
 * "（建瓯市）" after a venue name, or nothing when the name already starts with the county
 * ("建瓯市东峰镇东峰村村民服务中心" needs no "（建瓯市）" after it).
 */
export function countySuffix(venueName: string, countyName: string): string {
  if (!countyName || venueName.trim().startsWith(countyName)) return ''
  return `（${countyName}）`
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

// Nanping lives in UTC+8 with no daylight saving. Shifting the instant by 8 hours and
// reading the UTC fields gives Beijing wall-clock time whatever the phone's time zone is
// (a traveller or a phone set to UTC must still see the hall's local time).
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

interface WallClock {
  year: number
  month: number
  day: number
  weekday: string
  time: string
}

function instantOf(value: string | Date): number {
  return (value instanceof Date ? value : new Date(value)).getTime()
}

function beijingWallClock(value: string | Date): WallClock | null {
  const ms = instantOf(value)
  if (Number.isNaN(ms)) return null
  const d = new Date(ms + BEIJING_OFFSET_MS)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()],
    time: `${hh}:${mm}`,
  }
}

/** The Beijing calendar year of an instant (the year on a wall calendar in Nanping). */
function beijingYear(now: Date): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear()
}

/** The five-venue outreach programme's first year; the server accepts 2021 .. this year + 1. */
export const FIRST_OUTREACH_YEAR = 2021

/** This year on a Nanping wall calendar, whatever time zone the phone is set to. */
export function beijingYearNow(now: Date = new Date()): number {
  return beijingYear(now)
}

/** This month (1–12) on a Nanping wall calendar. */
export function beijingMonthNow(now: Date = new Date()): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCMonth() + 1
}

/**
 * The years the outreach pickers offer: 2021 .. this Beijing year + 1 (plans are set ahead),
 * newest first so the current years sit at the top of the picker.
 */
export function outreachYears(now: Date = new Date()): number[] {
  const years: number[] = []
  for (let year = beijingYear(now) + 1; year >= FIRST_OUTREACH_YEAR; year--) years.push(year)
  return years
}

/**
 * "4.4 分（12 人评）", "4.4 分" without a count, "暂无评分" without ratings (or a count of 0).
 * Half up (4.55 → 4.6): toFixed alone reads 4.55's binary value, just under, and shows 4.5.
 */
export function ratingLabel(average: number | null | undefined, count?: number): string {
  if (average == null || !Number.isFinite(average) || count === 0) return '暂无评分'
  const value = (Math.round(average * 10 + 1e-9) / 10).toFixed(1)
  return count == null ? `${value} 分` : `${value} 分（${count} 人评）`
}

/** "12月3日 周三", or "2025年12月3日 周三" when `withYear`. */
function dayLabel(w: WallClock, withYear: boolean): string {
  return `${withYear ? `${w.year}年` : ''}${w.month}月${w.day}日 ${w.weekday}`
}

function sameDay(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
}

/**
 * "12月3日 周三" in Beijing time; the year is added when it is not the current (Beijing) year,
 * so a lecture from last year opened from an old shared link does not read as coming up.
 */
export function formatDate(value: string | Date, now: Date = new Date()): string {
  const w = beijingWallClock(value)
  return w ? dayLabel(w, w.year !== beijingYear(now)) : ''
}

/** "09:30" in Beijing time. */
export function formatTime(value: string | Date): string {
  return beijingWallClock(value)?.time ?? ''
}

/**
 * "12月3日 周三 09:30–11:00" in Beijing time, with the year when the session is not (wholly) in
 * the current Beijing year. A session that runs past midnight (rare, but the data allows it)
 * names both days so nobody comes on the wrong one.
 */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, now: Date = new Date()): string {
  const start = beijingWallClock(startsAt)
  const end = beijingWallClock(endsAt)
  if (!start) return ''
  const thisYear = beijingYear(now)
  const withYear = start.year !== thisYear || (end !== null && end.year !== thisYear)
  const startDay = dayLabel(start, withYear)
  if (!end) return `${startDay} ${start.time}`
  if (sameDay(start, end)) return `${startDay} ${start.time}–${end.time}`
  return `${startDay} ${start.time} – ${dayLabel(end, withYear)} ${end.time}`
}

/** Where a lecture stands at `now`. Instants, so no time zone is involved. */
export type LecturePhase = 'upcoming' | 'ongoing' | 'ended'

export function lecturePhase(startsAt: string | Date, endsAt: string | Date, now: Date = new Date()): LecturePhase {
  const t = now.getTime()
  if (t >= instantOf(endsAt)) return 'ended'
  if (t >= instantOf(startsAt)) return 'ongoing'
  return 'upcoming'
}

/** The badge for a lecture that is not upcoming: "进行中" or "已结束"; none for an upcoming one. */
export function phaseLabel(phase: LecturePhase): string | null {
  if (phase === 'ended') return '已结束'
  if (phase === 'ongoing') return '进行中'
  return null
}

/** "剩余 12 座", or "已满" once nothing is left (never a negative count). */
export function seatsLabel(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩余 ${seatsLeft} 座` : '已满'
}

/** "共 8 场" for the list header. */
export function totalLabel(totalCount: number): string {
  return `共 ${totalCount} 场`
}
