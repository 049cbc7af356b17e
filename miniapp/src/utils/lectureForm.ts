// Pure state of 申报讲座 / 修改讲座: Beijing date and time <-> instants, what propose and update
// send, and the server's field errors in Chinese. No Taro, so unit tests load it in Node.
import type { AgeGroup, LectureStatus, VenueType } from '../gql/graphql'
import type { LectureProposalInput, LectureUpdateInput } from '../packages/lecturer/gql/graphql'
import { fieldNamesOf, type GraphQLErrorPayload } from '../services/errors'
import { VENUE_TYPES } from './format'

// Nanping is UTC+8 all year. The pickers show Beijing wall-clock time whatever the phone's own
// time zone is (see utils/format.ts), so the instant is built by hand, never with local Date parts.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** "2026-05-20" and "14:30" in Beijing as an ISO instant; null when either is missing or invalid. */
export function beijingInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !t) return null
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const utc = Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MS
  const check = new Date(utc + BEIJING_OFFSET_MS)
  if (check.getUTCDate() !== day) return null // 2月30日
  return new Date(utc).toISOString()
}

/** An instant as the pickers' Beijing "YYYY-MM-DD" and "HH:mm". */
export function beijingParts(value: string | Date): { date: string; time: string } {
  const ms = (value instanceof Date ? value : new Date(value)).getTime()
  if (Number.isNaN(ms)) return { date: '', time: '' }
  const d = new Date(ms + BEIJING_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/** The Beijing date `days` after `now`'s, for the date picker's default and start. */
export function beijingDateAfter(now: Date, days: number): string {
  return beijingParts(new Date(now.getTime() + days * 24 * 60 * 60 * 1000)).date
}

/** Campaign tags offered as chips; anything else can be typed. */
export const CAMPAIGN_TAGS = ['家庭教育宣传周', '寒假', '暑假']
export const MAX_CAMPAIGN_TAG = 20

export interface LectureFormVenue {
  id: string
  name: string
  address: string
  type: VenueType
  isPracticeBase: boolean
  county: { code: string; name: string }
}

export interface LectureFormState {
  title: string
  summary: string
  courseId: string | null
  countyCode: string | null
  venue: LectureFormVenue | null
  date: string
  startTime: string
  endTime: string
  /** As typed (number keyboards still let a reader paste anything). */
  capacity: string
  maxPartySize: string
  audienceAgeGroups: AgeGroup[]
  campaignTag: string
}

export function emptyLectureForm(now: Date = new Date()): LectureFormState {
  return {
    title: '',
    summary: '',
    courseId: null,
    countyCode: null,
    venue: null,
    date: beijingDateAfter(now, 7),
    startTime: '09:30',
    endTime: '11:00',
    capacity: '100',
    maxPartySize: '4',
    audienceAgeGroups: [],
    campaignTag: '',
  }
}

export interface LoadedLecture {
  title: string
  summary: string
  startsAt: string
  endsAt: string
  capacity: number
  maxPartySize: number
  audienceAgeGroups: AgeGroup[]
  campaignTag?: string | null
  course?: { id: string } | null
  venue: LectureFormVenue
}

export function lectureFormOf(lecture: LoadedLecture): LectureFormState {
  const start = beijingParts(lecture.startsAt)
  return {
    title: lecture.title,
    summary: lecture.summary,
    courseId: lecture.course?.id ?? null,
    countyCode: lecture.venue.county.code,
    venue: lecture.venue,
    date: start.date,
    startTime: start.time,
    endTime: beijingParts(lecture.endsAt).time,
    capacity: String(lecture.capacity),
    maxPartySize: String(lecture.maxPartySize),
    audienceAgeGroups: [...lecture.audienceAgeGroups],
    campaignTag: lecture.campaignTag ?? '',
  }
}

/**
 * A published lecture changes only these: its course, venue and time are fixed (households booked
 * around them), and the server keeps the title and summary the organizers approved.
 */
export const EDITABLE_WHEN_PUBLISHED = ['capacity', 'maxPartySize', 'audienceAgeGroups', 'campaignTag'] as const

/** Whether a field may be changed for a lecture in this status (a new proposal: every field). */
export function lectureFieldEditable(status: LectureStatus | null, field: LectureField): boolean {
  if (status === null || status === 'PROPOSED' || status === 'REJECTED' || status === 'DRAFT') return true
  if (status === 'PUBLISHED') return (EDITABLE_WHEN_PUBLISHED as ReadonlyArray<string>).includes(field)
  return false // cancelled: nothing
}

export type LectureField =
  | 'title'
  | 'summary'
  | 'courseId'
  | 'venueId'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
  | 'maxPartySize'
  | 'audienceAgeGroups'
  | 'campaignTag'

export type LectureErrors = Partial<Record<LectureField, string>>

const FIELD_MESSAGES: Record<LectureField, string> = {
  title: '讲座名称请填 1 到 60 个字',
  summary: '讲座简介请填 1 到 1000 个字',
  courseId: '请重新选择关联课程（只能选您自己已发布的课程）',
  venueId: '请重新选择场地',
  startsAt: '开始时间要在现在之后',
  endsAt: '结束时间要晚于开始时间，最长 12 小时',
  capacity: '人数请填 1 到 2000，不能少于已预约的座位，也不能少于每户最多人数',
  maxPartySize: '每户最多人数请填 1 到 10，且不超过总人数',
  audienceAgeGroups: '请重新选择适合的年龄段',
  campaignTag: `活动标签最多 ${MAX_CAMPAIGN_TAG} 个字`,
}

/** `input.capacity` and the like, from a BAD_USER_INPUT answer, in Chinese beside each field. */
export function lectureFieldErrors(errors: ReadonlyArray<GraphQLErrorPayload>): LectureErrors {
  const result: LectureErrors = {}
  for (const field of fieldNamesOf(errors)) {
    const name = field.replace(/^input\./, '').split('.')[0]
    if (name in FIELD_MESSAGES) result[name as LectureField] = FIELD_MESSAGES[name as LectureField]
  }
  return result
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null
}

interface Checked {
  startsAt: string | null
  endsAt: string | null
  capacity: number | null
  maxPartySize: number | null
  errors: LectureErrors
}

/**
 * What must be right before anything is sent: a title, a venue, a date and times that exist, and
 * numbers that are numbers. The rest (future start, 12-hour limit, capacity rules) is the server's
 * to judge; its answer lands beside the field.
 */
function check(form: LectureFormState): Checked {
  const errors: LectureErrors = {}
  if (!form.title.trim()) errors.title = '请填写讲座名称'
  if (!form.venue) errors.venueId = form.countyCode ? '请选择场地' : '请先选择县区，再选择场地'
  const startsAt = beijingInstant(form.date, form.startTime)
  let endsAt = beijingInstant(form.date, form.endTime)
  if (!startsAt) errors.startsAt = '请选择日期和开始时间'
  if (!endsAt) errors.endsAt = '请选择结束时间'
  // Lectures end the same day; an end at or before the start is a slip, not a night session.
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
    errors.endsAt = '结束时间要晚于开始时间'
    endsAt = null
  }
  const capacity = wholeNumber(form.capacity)
  const maxPartySize = wholeNumber(form.maxPartySize)
  if (capacity === null) errors.capacity = '请填写人数（数字）'
  if (maxPartySize === null) errors.maxPartySize = '请填写每户最多几人（数字）'
  return { startsAt, endsAt, capacity, maxPartySize, errors }
}

export function lectureProposalInput(form: LectureFormState): { input: LectureProposalInput } | { errors: LectureErrors } {
  const checked = check(form)
  if (Object.keys(checked.errors).length > 0) return { errors: checked.errors }
  return {
    input: {
      title: form.title.trim(),
      summary: form.summary.trim(),
      courseId: form.courseId,
      venueId: form.venue!.id,
      startsAt: checked.startsAt!,
      endsAt: checked.endsAt!,
      capacity: checked.capacity!,
      maxPartySize: checked.maxPartySize!,
      audienceAgeGroups: form.audienceAgeGroups,
      campaignTag: form.campaignTag.trim() || null,
    },
  }
}

function sameGroups(a: ReadonlyArray<AgeGroup>, b: ReadonlyArray<AgeGroup>): boolean {
  return a.length === b.length && a.every((group) => b.includes(group))
}

/**
 * What updateLecture sends: only what changed, and only what the lecture's status lets change
 * (a published lecture keeps its course, venue and time). `null` clears the course or campaign tag.
 */
export function lectureUpdateInput(
  form: LectureFormState,
  original: LectureFormState,
  status: LectureStatus,
): { input: LectureUpdateInput } | { errors: LectureErrors } {
  const checked = check(form)
  const editable = (field: LectureField) => lectureFieldEditable(status, field)
  const errors = Object.fromEntries(Object.entries(checked.errors).filter(([field]) => editable(field as LectureField))) as LectureErrors
  if (Object.keys(errors).length > 0) return { errors }
  const input: LectureUpdateInput = {}
  if (editable('title') && form.title.trim() !== original.title) input.title = form.title.trim()
  if (editable('summary') && form.summary.trim() !== original.summary) input.summary = form.summary.trim()
  if (editable('courseId') && form.courseId !== original.courseId) input.courseId = form.courseId
  if (editable('venueId') && form.venue?.id !== original.venue?.id) input.venueId = form.venue!.id
  const originalStart = beijingInstant(original.date, original.startTime)
  const originalEnd = beijingInstant(original.date, original.endTime)
  if (editable('startsAt') && checked.startsAt !== originalStart) input.startsAt = checked.startsAt
  if (editable('endsAt') && checked.endsAt !== originalEnd) input.endsAt = checked.endsAt
  if (editable('capacity') && String(checked.capacity) !== original.capacity.trim()) input.capacity = checked.capacity
  if (editable('maxPartySize') && String(checked.maxPartySize) !== original.maxPartySize.trim()) input.maxPartySize = checked.maxPartySize
  if (editable('audienceAgeGroups') && !sameGroups(form.audienceAgeGroups, original.audienceAgeGroups)) input.audienceAgeGroups = form.audienceAgeGroups
  if (editable('campaignTag') && form.campaignTag.trim() !== original.campaignTag.trim()) input.campaignTag = form.campaignTag.trim() || null
  return { input }
}

/**
 * Whether the form holds changes not yet sent: compared with the lecture as loaded, or with the
 * empty form a new proposal started from. As typed (a space added is a change); age groups are a set.
 */
export function lectureFormChanged(form: LectureFormState, start: LectureFormState): boolean {
  return (
    form.title !== start.title ||
    form.summary !== start.summary ||
    form.courseId !== start.courseId ||
    form.countyCode !== start.countyCode ||
    (form.venue?.id ?? null) !== (start.venue?.id ?? null) ||
    form.date !== start.date ||
    form.startTime !== start.startTime ||
    form.endTime !== start.endTime ||
    form.capacity !== start.capacity ||
    form.maxPartySize !== start.maxPartySize ||
    !sameGroups(form.audienceAgeGroups, start.audienceAgeGroups) ||
    form.campaignTag !== start.campaignTag
  )
}

/** Venues for the picker, each once, in the 五进 order and then by name. */
export function sortVenues(venues: ReadonlyArray<LectureFormVenue>): LectureFormVenue[] {
  const byId = new Map<string, LectureFormVenue>()
  for (const venue of venues) if (!byId.has(venue.id)) byId.set(venue.id, venue)
  const order = (type: VenueType) => {
    const index = VENUE_TYPES.indexOf(type)
    return index < 0 ? VENUE_TYPES.length : index
  }
  return [...byId.values()].sort((a, b) => order(a.type) - order(b.type) || a.name.localeCompare(b.name, 'zh-Hans-CN'))
}

const LECTURE_STATUS_LABELS: Record<LectureStatus, string> = {
  DRAFT: '草稿',
  PROPOSED: '审核中',
  PUBLISHED: '已发布',
  REJECTED: '未通过',
  CANCELLED: '已取消',
}

export function lectureStatusLabel(status: string): string {
  return LECTURE_STATUS_LABELS[status as LectureStatus] ?? status
}
