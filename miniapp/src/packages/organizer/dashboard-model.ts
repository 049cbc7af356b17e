// Pure helpers of 五进工作统计 (the outreach dashboard): no Taro, no React, so unit tests import them.

/** The programme's first year; the server accepts 2021 .. this year + 1 (Beijing calendar). */
export const FIRST_OUTREACH_YEAR = 2021

const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** The calendar year in Beijing at `now`, whatever time zone the phone is set to. */
export function beijingYear(now: Date = new Date()): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear()
}

/** The years the picker offers, newest first: next year (plans are set ahead) down to 2021. */
export function outreachYears(now: Date = new Date()): number[] {
  const years: number[] = []
  for (let year = beijingYear(now) + 1; year >= FIRST_OUTREACH_YEAR; year--) years.push(year)
  return years
}

export interface DrillDown {
  year: number
  countyCode?: string | null
  venueType?: string | null
  month?: number | null
}

/** The lecture list behind a cell (the drill-down page); absent filters are left out. */
export function drillDownUrl({ year, countyCode, venueType, month }: DrillDown): string {
  const params = [`year=${year}`]
  if (countyCode) params.push(`county=${encodeURIComponent(countyCode)}`)
  if (venueType) params.push(`venueType=${encodeURIComponent(venueType)}`)
  if (month) params.push(`month=${month}`)
  return `/packages/organizer/cell?${params.join('&')}`
}

export function targetsUrl(year: number, countyCode: string | null): string {
  return `/packages/organizer/targets?year=${year}${countyCode ? `&county=${encodeURIComponent(countyCode)}` : ''}`
}

/** 0.853 → "85.3%"; null (nothing booked, no target) → "—". One decimal, trailing ".0" dropped. */
export function percentLabel(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) return '—'
  const value = Math.round(rate * 1000) / 10
  return `${value}%`
}

/** 4.25 → "4.3 分"; null → "暂无评分". */
export function ratingLabel(rating: number | null | undefined): string {
  if (rating == null || !Number.isFinite(rating)) return '暂无评分'
  return `${(Math.round(rating * 10) / 10).toFixed(1)} 分`
}

/** "12 / 20 场" or, without a target, "12 场（未设目标）". */
export function againstTarget(value: number, target: number | null | undefined, unit: string): string {
  return target == null ? `${value} ${unit}（未设目标）` : `${value} / ${target} ${unit}`
}

/** A progress bar's fill, 0..100 (beyond the target the bar is simply full). */
export function barPercent(progress: number | null | undefined): number {
  if (progress == null || !Number.isFinite(progress) || progress <= 0) return 0
  return Math.min(100, Math.round(progress * 1000) / 10)
}

/** Where the exports live: beside the GraphQL endpoint the app already talks to. */
export function exportBase(apiUrl: string): string {
  return apiUrl.replace(/\/graphql\/?$/, '')
}

export type ExportKind = 'lectures' | 'summary'

export function exportUrl(apiUrl: string, kind: ExportKind, year: number, countyCode: string | null): string {
  const file = kind === 'lectures' ? 'outreach.csv' : 'outreach-summary.csv'
  return `${exportBase(apiUrl)}/exports/${file}?year=${year}${countyCode ? `&county=${encodeURIComponent(countyCode)}` : ''}`
}

/** The file name a download is saved under, e.g. 五进讲座明细-2026-建阳区.csv. */
export function exportFileName(kind: ExportKind, year: number, scopeName: string): string {
  return `${kind === 'lectures' ? '五进讲座明细' : '五进汇总'}-${year}-${scopeName}.csv`
}

/** What to tell the organizer when the server refuses an export (its body is a Chinese sentence). */
export function exportFailureMessage(status: number, body: string): string {
  const said = body.replace(/^\uFEFF/, '').trim()
  if (status === 401) return '登录已过期，请重新登录后再导出'
  if (status === 403) return said && said.length <= 60 ? said : '没有导出这个范围的权限'
  if (status >= 400 && status < 500) return said && said.length <= 60 ? said : '导出条件有误，请换个年份或地区'
  return '导出失败，请稍后再试'
}

/**
 * Which bar or point a tap on a chart hit: uCharts answers a number, `{ index }` (index a number
 * or, for some charts, an array) or -1.
 */
export function chartIndex(answer: unknown, length: number): number | null {
  let index: unknown = answer
  if (answer && typeof answer === 'object' && 'index' in answer) index = (answer as { index: unknown }).index
  if (Array.isArray(index)) index = index[0]
  return typeof index === 'number' && index >= 0 && index < length ? index : null
}
