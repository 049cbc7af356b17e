// Pure helpers of the organizer's drill-down, targets and venue pages: page parameters, labels, and
// what the forms send and how the server's field errors land beside the fields. No Taro, no React.
import type { BookingStatus, VenueType } from '../../gql/graphql'
import { fieldNamesOf, type GraphQLErrorPayload } from '../../services/errors'
import { FIRST_OUTREACH_YEAR, formatTime, ratingLabel, venueTypeLabel, VENUE_TYPES } from '../../utils/format'

export interface CellParams {
  year: number
  countyCode: string | null
  venueType: VenueType | null
  month: number | null
}

function intParam(value: string | undefined): number | null {
  return value && /^\d{1,4}$/.test(value) ? Number(value) : null
}

/**
 * `year=2026&county=350783&venueType=SCHOOL&month=5` from the dashboard's links; null when the
 * year is missing or a parameter is not what it should be (a link cut short).
 */
export function parseCellParams(params: Record<string, string | undefined>): CellParams | null {
  const year = intParam(params.year)
  if (year === null || year < FIRST_OUTREACH_YEAR || year > 2100) return null
  const county = params.county || null
  if (county !== null && !/^\d{6}$/.test(county)) return null
  const type = params.venueType || null
  if (type !== null && !(VENUE_TYPES as string[]).includes(type)) return null
  let month: number | null = null
  if (params.month) {
    month = intParam(params.month)
    if (month === null || month < 1 || month > 12) return null
  }
  return { year, countyCode: county, venueType: type as VenueType | null, month }
}

/** "2026年 · 建瓯市 · 进学校 · 5月" (全市 without a county; the parts not given are left out). */
export function cellHeading(cell: CellParams, countyName: string | null): string {
  const parts = [`${cell.year}年`, cell.countyCode ? countyName || cell.countyCode : '全市']
  if (cell.venueType) parts.push(venueTypeLabel(cell.venueType))
  if (cell.month) parts.push(`${cell.month}月`)
  return parts.join(' · ')
}

export interface LectureFigures {
  lecturesHeld: number
  seatsBooked: number
  peopleCheckedIn: number
  walkInPeople: number
  averageRating?: number | null
  ratingCount?: number
}

/**
 * The card's figures: "预约 30 座 · 签到 25 人 · 现场 3 人 · 4.6 分（12 人评）". The report counts bookings of
 * held lectures only, so an upcoming lecture's seats come from the lecture (capacity − seats left).
 */
export function figuresLine(figures: LectureFigures, upcomingSeatsBooked: number | null): string {
  const held = figures.lecturesHeld > 0
  const seats = held ? figures.seatsBooked : upcomingSeatsBooked ?? 0
  const parts = [`预约 ${seats} 座`]
  if (held) {
    parts.push(`签到 ${figures.peopleCheckedIn} 人`, `现场 ${figures.walkInPeople} 人`)
    parts.push(ratingLabel(figures.averageRating, figures.ratingCount))
  }
  return parts.join(' · ')
}

/**
 * A phone shown as 138****5678 (a landline 0599-****3456), whatever the server sent (it should mask
 * already). Anything else with seven digits or more is cut the same way: a number is never shown whole.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '未留电话'
  const digits = phone.replace(/[\s\-－—()（）]/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  const landline = /^(0\d{2,3})[\s\-－—]*\d{3,4}[\s\-－—]*(\d{4})$/.exec(phone.trim())
  if (landline && /[\s\-－—]/.test(phone.trim())) return `${landline[1]}-****${landline[2]}`
  if (/^\d{7,}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  const all = phone.replace(/\D/g, '')
  return all.length >= 7 ? `${all.slice(0, 3)}****${all.slice(-4)}` : phone
}

export interface EntryLike {
  status: BookingStatus
  checkedInAt?: string | null
  partySize: number
  partyPresent?: number | null
}

/** 已签到 14:05 到场 3 人 / 未到 / 已预约. */
export function attendanceStatusLabel(entry: EntryLike): string {
  if (entry.status === 'CHECKED_IN') {
    const time = entry.checkedInAt ? ` ${formatTime(entry.checkedInAt)}` : ''
    return `已签到${time} 到场 ${entry.partyPresent ?? entry.partySize} 人`
  }
  if (entry.status === 'NO_SHOW') return '未到'
  if (entry.status === 'CONFIRMED') return '已预约'
  if (entry.status === 'CANCELLED') return '已取消'
  if (entry.status === 'WAITLISTED') return '候补'
  return entry.status
}

// ---------- Targets ----------

export type TargetField = 'lectures' | 'people'

/** As typed, per venue type. */
export type TargetForm = Record<VenueType, { lectures: string; people: string }>

export type TargetErrors = Partial<Record<`${VenueType}.${TargetField}` | 'form', string>>

export interface TargetLike {
  venueType: VenueType
  lectures: number
  people: number
}

export function targetFormOf(targets: ReadonlyArray<TargetLike>): TargetForm {
  const form = {} as TargetForm
  for (const type of VENUE_TYPES) {
    const set = targets.find((target) => target.venueType === type)
    form[type] = set ? { lectures: String(set.lectures), people: String(set.people) } : { lectures: '', people: '' }
  }
  return form
}

/** Whether what is typed differs from what was loaded (spaces aside): leaving would lose it. */
export function targetFormChanged(form: TargetForm, loaded: TargetForm): boolean {
  return VENUE_TYPES.some((type) => form[type].lectures.trim() !== loaded[type].lectures.trim() || form[type].people.trim() !== loaded[type].people.trim())
}

export const TARGET_LIMITS: Record<TargetField, number> = { lectures: 10000, people: 1000000 }
const TARGET_WORDS: Record<TargetField, string> = { lectures: '场次', people: '人数' }

export function targetFieldMessage(field: TargetField): string {
  return `${TARGET_WORDS[field]}请填 0 到 ${TARGET_LIMITS[field]} 的整数`
}

/**
 * The rows to send: those changed from what was loaded. A row is whole (both numbers) or, never set
 * before, left empty; anything else is an error beside its field. Numbers are only read here (a
 * minus sign is kept): their range is the server's to judge, and its answer lands beside the field.
 */
export function targetsInput(
  form: TargetForm,
  loaded: TargetForm,
): { targets: Array<{ venueType: VenueType; lectures: number; people: number }> } | { errors: TargetErrors } {
  const errors: TargetErrors = {}
  const targets: Array<{ venueType: VenueType; lectures: number; people: number }> = []
  for (const type of VENUE_TYPES) {
    const row = form[type]
    const before = loaded[type]
    if (row.lectures.trim() === before.lectures && row.people.trim() === before.people) continue
    const values: Partial<Record<TargetField, number>> = {}
    for (const field of ['lectures', 'people'] as TargetField[]) {
      const text = row[field].trim()
      if (!/^-?\d{1,9}$/.test(text)) {
        errors[`${type}.${field}`] = text ? targetFieldMessage(field) : `请填写${TARGET_WORDS[field]}`
      } else {
        values[field] = Number(text)
      }
    }
    if (values.lectures !== undefined && values.people !== undefined) targets.push({ venueType: type, lectures: values.lectures, people: values.people })
  }
  if (Object.keys(errors).length > 0) return { errors }
  return { targets }
}

/**
 * BAD_USER_INPUT fields `input.targets[1].people` (or class-validator's `input.targets.1.people`)
 * beside that row's field: `sent` is the list the request carried, in order.
 */
export function targetFieldErrors(errors: ReadonlyArray<GraphQLErrorPayload>, sent: ReadonlyArray<{ venueType: VenueType }>): TargetErrors {
  const result: TargetErrors = {}
  for (const name of fieldNamesOf(errors)) {
    const match = /^(?:input\.)?targets(?:\[(\d+)\]|\.(\d+))\.(lectures|people)$/.exec(name)
    if (match) {
      const row = sent[Number(match[1] ?? match[2])]
      const field = match[3] as TargetField
      if (row) result[`${row.venueType}.${field}`] = targetFieldMessage(field)
    } else {
      result.form = /year/.test(name) ? '年份不对，请重新选择' : /county/i.test(name) ? '县区不对，请重新选择' : '请检查填写的目标'
    }
  }
  return result
}

// ---------- Venues ----------

export type VenueField =
  | 'name'
  | 'type'
  | 'countyCode'
  | 'township'
  | 'address'
  | 'location'
  | 'contactName'
  | 'contactPhone'
  | 'practiceBaseYear'

export type VenueErrors = Partial<Record<VenueField, string>>

export interface VenueFormState {
  name: string
  type: VenueType | null
  countyCode: string | null
  township: string
  address: string
  latitude: string
  longitude: string
  contactName: string
  contactPhone: string
  isPracticeBase: boolean
  practiceBaseYear: string
}

export interface VenueLike {
  name: string
  type: VenueType
  address: string
  township?: string | null
  location?: { latitude: number; longitude: number } | null
  contactName?: string | null
  contactPhone?: string | null
  isPracticeBase: boolean
  practiceBaseYear?: number | null
  county: { code: string }
}

export function emptyVenueForm(countyCode: string | null): VenueFormState {
  return {
    name: '',
    type: null,
    countyCode,
    township: '',
    address: '',
    latitude: '',
    longitude: '',
    contactName: '',
    contactPhone: '',
    isPracticeBase: false,
    practiceBaseYear: '',
  }
}

export function venueFormOf(venue: VenueLike): VenueFormState {
  return {
    name: venue.name,
    type: venue.type,
    countyCode: venue.county.code,
    township: venue.township ?? '',
    address: venue.address,
    latitude: venue.location ? String(venue.location.latitude) : '',
    longitude: venue.location ? String(venue.location.longitude) : '',
    contactName: venue.contactName ?? '',
    contactPhone: venue.contactPhone ?? '',
    isPracticeBase: venue.isPracticeBase,
    practiceBaseYear: venue.practiceBaseYear ? String(venue.practiceBaseYear) : '',
  }
}

/** Whether the venue form differs from what it started from (spaces aside): leaving would lose it. */
export function venueFormChanged(form: VenueFormState, start: VenueFormState): boolean {
  return (Object.keys(start) as Array<keyof VenueFormState>).some((key) => {
    const a = form[key]
    const b = start[key]
    return typeof a === 'string' && typeof b === 'string' ? a.trim() !== b.trim() : a !== b
  })
}

export const VENUE_FIELD_MESSAGES: Record<VenueField, string> = {
  name: '场地名称请填 1 到 60 个字',
  type: '请选择场地类型',
  countyCode: '请选择您负责的县区',
  township: '乡镇/街道最多 30 个字',
  address: '地址请填 1 到 120 个字',
  location: '坐标请同时填写纬度（-90 到 90）和经度（-180 到 180），或都不填',
  contactName: '联系人最多 20 个字',
  contactPhone: '请填写 11 位手机号，或带区号的固定电话',
  practiceBaseYear: '请填写命名年份（2000 年到今年）',
}

export interface VenueInputShape {
  name: string
  type: VenueType
  countyCode: string
  township: string | null
  address: string
  latitude: number | null
  longitude: number | null
  contactName: string | null
  contactPhone: string | null
  isPracticeBase: boolean
  practiceBaseYear: number | null
}

function decimal(text: string): number | null {
  const trimmed = text.trim()
  return /^-?\d{1,3}(\.\d{1,10})?$/.test(trimmed) ? Number(trimmed) : null
}

/** What must be there before sending; lengths, phone shapes and ranges are the server's to judge. */
export function venueInput(form: VenueFormState): { input: VenueInputShape } | { errors: VenueErrors } {
  const errors: VenueErrors = {}
  if (!form.name.trim()) errors.name = '请填写场地名称'
  if (!form.type) errors.type = '请选择场地类型'
  if (!form.countyCode) errors.countyCode = '请选择县区'
  if (!form.address.trim()) errors.address = '请填写地址'
  const hasLat = form.latitude.trim() !== ''
  const hasLng = form.longitude.trim() !== ''
  const latitude = hasLat ? decimal(form.latitude) : null
  const longitude = hasLng ? decimal(form.longitude) : null
  if (hasLat !== hasLng || (hasLat && latitude === null) || (hasLng && longitude === null)) errors.location = VENUE_FIELD_MESSAGES.location
  let practiceBaseYear: number | null = null
  if (form.isPracticeBase) {
    const text = form.practiceBaseYear.trim()
    if (!/^\d{4}$/.test(text)) errors.practiceBaseYear = '请填写命名年份，比如 2023'
    else practiceBaseYear = Number(text)
  }
  if (Object.keys(errors).length > 0) return { errors }
  const optional = (text: string) => text.trim() || null
  return {
    input: {
      name: form.name.trim(),
      type: form.type!,
      countyCode: form.countyCode!,
      township: optional(form.township),
      address: form.address.trim(),
      latitude,
      longitude,
      contactName: optional(form.contactName),
      contactPhone: optional(form.contactPhone),
      isPracticeBase: form.isPracticeBase,
      practiceBaseYear,
    },
  }
}

/**
 * `input.name`, `input.latitude`… from a BAD_USER_INPUT (or a CONFLICT naming input.type or
 * input.countyCode: lectures were proposed there) as Chinese beside each field.
 */
export function venueFieldErrors(errors: ReadonlyArray<GraphQLErrorPayload>, conflict = false): VenueErrors {
  const result: VenueErrors = {}
  for (const raw of fieldNamesOf(errors)) {
    let name = raw.replace(/^input\./, '').split('.')[0]
    if (name === 'latitude' || name === 'longitude') name = 'location'
    if (!(name in VENUE_FIELD_MESSAGES)) continue
    result[name as VenueField] =
      conflict && (name === 'type' || name === 'countyCode')
        ? '这个场地已有讲座，类型和县区不能再改（讲座按它们统计）'
        : VENUE_FIELD_MESSAGES[name as VenueField]
  }
  return result
}

/** "实践基地（2023年命名）". */
export function practiceBaseLabel(year: number | null | undefined): string {
  return year ? `实践基地（${year}年命名）` : '实践基地'
}
