// Pure helpers for the course catalogue, course page and chapter player: progress lines, where to
// resume, tags. No Taro, no React, so unit tests load them in Node. The chapter labels (kind,
// length, clock) are shared with the lecturer's editor: utils/courseContent.ts.
import type { ChapterKind } from '../../lecturer/gql/graphql'
import { formatClock } from '../../../utils/courseContent'

// Typed from the schema: a kind added on the server fails the type check here until it has an icon.
const CHAPTER_KIND_ICONS: Record<ChapterKind, string> = {
  ARTICLE: '≡',
  VIDEO: '▶',
  AUDIO: '♪',
}

/** A one-character glyph for the kind badge (no icon font, no images: nothing to download). */
export function chapterKindIcon(kind: string): string {
  return CHAPTER_KIND_ICONS[kind as ChapterKind] ?? '·'
}

export interface ChapterProgressLike {
  positionSeconds: number
  completed: boolean
}

/** Where a chapter stands for the reader: 已学完, 学到 12:30, or nothing when not started. */
export function chapterProgressLabel(kind: string, progress: ChapterProgressLike | null | undefined): string {
  if (!progress) return ''
  if (progress.completed) return '已学完'
  if (kind !== 'ARTICLE' && progress.positionSeconds > 0) return `学到 ${formatClock(progress.positionSeconds)}`
  return ''
}

export interface CourseProgressLike {
  completedChapters: number
  totalChapters: number
  completed: boolean
}

/** The card's progress line: 已学 3/5, 已学完; nothing before the first chapter. */
export function courseProgressLabel(progress: CourseProgressLike | null | undefined, chapterCount: number): string {
  if (!progress) return ''
  if (progress.completed) return '已学完'
  const total = progress.totalChapters || chapterCount
  if (progress.completedChapters <= 0) return total > 0 ? `已学 0/${total}` : ''
  return `已学 ${Math.min(progress.completedChapters, total)}/${total}`
}

/** 0..100, for the thin bar under a card. */
export function progressPercent(done: number, total: number): number {
  if (total <= 0 || done <= 0) return 0
  return Math.min(100, Math.round((done / total) * 100))
}

/** "共 5 节" */
export function chapterCountLabel(count: number): string {
  return `共 ${count} 节`
}

/** "共 8 门课程" for the catalogue header. */
export function courseTotalLabel(count: number): string {
  return `共 ${count} 门课程`
}

/** The chapters before and after `id` (null at the ends; both null for an unknown id). */
export function neighbourChapters<T extends { id: string }>(chapters: ReadonlyArray<T>, id: string): { index: number; previous: T | null; next: T | null } {
  const index = chapters.findIndex((chapter) => chapter.id === id)
  if (index < 0) return { index, previous: null, next: null }
  return { index, previous: chapters[index - 1] ?? null, next: chapters[index + 1] ?? null }
}

/**
 * The chapter 继续学习 opens: the server's resume chapter when it is still in the course, else the
 * first chapter not yet completed, else the first one. Null for a course without chapters.
 */
export function resumeChapterId(
  chapters: ReadonlyArray<{ id: string; myProgress?: { completed: boolean } | null }>,
  serverChoice: string | null | undefined,
): string | null {
  if (serverChoice && chapters.some((chapter) => chapter.id === serverChoice)) return serverChoice
  const open = chapters.find((chapter) => !chapter.myProgress?.completed)
  return (open ?? chapters[0])?.id ?? null
}

/** What the big button on a course page says. */
export function resumeButtonLabel(progress: CourseProgressLike | null | undefined, anyStarted: boolean): string {
  if (progress?.completed) return '再学一遍'
  return anyStarted ? '继续学习' : '开始学习'
}

/** Tags seen on the courses, most frequent first (ties in first-seen order), at most `limit`. */
export function collectTags(courses: ReadonlyArray<{ tags: ReadonlyArray<string> }>, limit = 8): string[] {
  const counts = new Map<string, number>()
  for (const course of courses) {
    for (const raw of course.tags) {
      const tag = raw.trim()
      if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    }
  }
  const order = Array.from(counts.keys())
  return order
    .sort((a, b) => counts.get(b)! - counts.get(a)! || order.indexOf(a) - order.indexOf(b))
    .slice(0, limit)
}

/** Tag chips kept stable while the reader taps: the tags known before, then any new ones. */
export function mergeTags(known: ReadonlyArray<string>, seen: ReadonlyArray<string>, limit = 10): string[] {
  const merged = [...known]
  for (const tag of seen) if (!merged.includes(tag)) merged.push(tag)
  return merged.slice(0, limit)
}

/** Appends a page, never showing a course twice (a course published between pages shifts them). */
export function appendUniqueById<T extends { id: string }>(items: ReadonlyArray<T>, more: ReadonlyArray<T>): T[] {
  const seen = new Set(items.map((item) => item.id))
  return items.concat(more.filter((item) => !seen.has(item.id) && (seen.add(item.id), true)))
}

/**
 * The catalogue's cards with the reader's newest progress laid over them (from 我的学习, asked
 * again on coming back from a course), so the list need not be reloaded and keeps its place.
 */
export function withLearningProgress<T extends { id: string; myProgress?: unknown }>(
  items: ReadonlyArray<T>,
  learning: ReadonlyArray<{ id: string; myProgress?: T['myProgress'] }>,
): T[] {
  if (learning.length === 0) return items as T[]
  const byId = new Map(learning.map((course) => [course.id, course.myProgress]))
  return items.map((item) => (byId.has(item.id) && byId.get(item.id) ? { ...item, myProgress: byId.get(item.id) } : item))
}
