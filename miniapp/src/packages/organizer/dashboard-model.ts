// Pure helpers of 五进工作统计 (the outreach dashboard): no Taro, no React, so unit tests import them.

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

/** "12 / 20 场" or, without a target, "12 场（未设目标）". */
export function againstTarget(value: number, target: number | null | undefined, unit: string): string {
  return target == null ? `${value} ${unit}（未设目标）` : `${value} / ${target} ${unit}`
}

/**
 * The words beside a progress bar: "85.3%"; "未设目标" only when no target is set; "目标为 0" for a
 * target of 0 (the server's progress is null then too, but a target of 0 is a target).
 */
export function progressLabel(progress: number | null | undefined, target: number | null | undefined): string {
  if (target == null) return '未设目标'
  if (target === 0) return '目标为 0'
  return percentLabel(progress ?? 0)
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

/**
 * Round steps for a chart's y axis: the smallest 1, 2 or 5 × 10^n that fits `max` in `steps` grid
 * lines, so the axis reads 0 / 50 / 100 / 150 / 200 rather than 0 / 77 / 154 / 231 / 308.
 */
export function niceAxisStep(max: number, steps: number): number {
  const raw = Math.max(1, max) / steps
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)))
  for (const factor of [1, 2, 5, 10]) {
    const step = factor * magnitude
    // Counts: never a step below 1 (no 0.5-person ticks).
    if (step >= raw && step >= 1) return step
  }
  return 10 * magnitude
}

/**
 * The monthly series' values: months still to come in `year` (Beijing calendar) are null, so the
 * line stops at this month instead of dropping to 0.
 */
export function monthValues(rows: Array<{ month: number; value: number }>, year: number, thisYear: number, thisMonth: number): Array<number | null> {
  return rows.map(({ month, value }) => (year > thisYear || (year === thisYear && month > thisMonth) ? null : value))
}

/** What to tell the organizer when sending the exported file to a chat failed (null: they cancelled). */
export function shareFailureMessage(errMsg: string | undefined): string | null {
  const said = errMsg ?? ''
  if (/cancel/i.test(said)) return null
  if (/not support|not supported|no such|undefined|not a function/i.test(said)) return '此微信版本不能发送文件，请升级微信，或在电脑上登录后导出'
  if (/size|too large|exceed/i.test(said)) return '文件太大，发不出去，请在电脑上登录后导出'
  return '发送失败，请再点一次“发送到聊天”，或在电脑上登录后导出'
}
