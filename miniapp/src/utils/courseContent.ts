// Pure helpers for courses: labels, status badges, the article text <-> paragraphs HTML round
// trip, and chapter durations. One set of chapter labels (kind, length, clock) for everyone who
// reads a course: parents in the learning package, lecturers in the editor, organizers reviewing.
// No Taro, so unit tests load them in Node.
import type { ChapterKind, CourseStatus, ReviewVerdict } from '../packages/lecturer/gql/graphql'
// Typed from the schema: a kind added on the server fails the type check here until it has a label.
const CHAPTER_KIND_LABELS: Record<ChapterKind, string> = {
  ARTICLE: '图文',
  VIDEO: '视频',
  AUDIO: '音频',
}

/** The kinds in the order the 添加章节 buttons show them. */
export const CHAPTER_KINDS = Object.keys(CHAPTER_KIND_LABELS) as ChapterKind[]

export function chapterKindLabel(kind: string): string {
  return CHAPTER_KIND_LABELS[kind as ChapterKind] ?? kind
}

const STATUS_LABELS: Record<CourseStatus, string> = {
  DRAFT: '草稿',
  IN_REVIEW: '审核中',
  PUBLISHED: '已发布',
  REJECTED: '未通过',
  ARCHIVED: '已归档',
}

export function courseStatusLabel(status: string): string {
  return STATUS_LABELS[status as CourseStatus] ?? status
}

/** A badge: its words and a modifier for its colour (course-badge--draft, --review …). */
export interface CourseBadge {
  label: string
  tone: 'draft' | 'review' | 'published' | 'rejected' | 'archived'
}

const TONES: Record<CourseStatus, CourseBadge['tone']> = {
  DRAFT: 'draft',
  IN_REVIEW: 'review',
  PUBLISHED: 'published',
  REJECTED: 'rejected',
  ARCHIVED: 'archived',
}

export interface CourseStateInput {
  status: CourseStatus
  workingRevision?: { status: CourseStatus; rejectionReason?: string | null } | null
  reviewHistory?: ReadonlyArray<{ verdict: ReviewVerdict; reason?: string | null; decidedAt: string }> | null
}

export interface CourseState {
  /** Where the course stands: 草稿 / 审核中 / 已发布 / 未通过 / 已归档. */
  badge: CourseBadge
  /** A published course being changed: 有修改待审核 / 有修改未提交 / 修改未通过. */
  change: CourseBadge | null
  /** Why the organizer sent it (or its change) back, when that is the current state. */
  rejectionReason: string | null
}

/** The latest rejection's reason in the audit trail (whatever order it arrives in). */
function latestRejection(history: CourseStateInput['reviewHistory']): string | null {
  let latest: { reason?: string | null; decidedAt: string } | null = null
  for (const decision of history ?? []) {
    if (decision.verdict !== 'REJECTED') continue
    if (!latest || Date.parse(decision.decidedAt) >= Date.parse(latest.decidedAt)) latest = decision
  }
  return latest?.reason?.trim() || null
}

/**
 * The badges of a course in 我的课程 and on the review page. A published course stays 已发布 while
 * an edit of it is in the works (parents still see the live version); the edit's own state is a
 * second badge. The reason comes from the working revision, or else from the audit trail.
 */
export function courseState(course: CourseStateInput): CourseState {
  const working = course.workingRevision ?? null
  const badge: CourseBadge = { label: courseStatusLabel(course.status), tone: TONES[course.status] ?? 'draft' }
  if (course.status === 'PUBLISHED' && working && working.status !== 'PUBLISHED') {
    const change: CourseBadge =
      working.status === 'IN_REVIEW'
        ? { label: '有修改待审核', tone: 'review' }
        : working.status === 'REJECTED'
          ? { label: '修改未通过', tone: 'rejected' }
          : { label: '有修改未提交', tone: 'draft' }
    const rejectionReason = working.status === 'REJECTED' ? working.rejectionReason?.trim() || latestRejection(course.reviewHistory) : null
    return { badge, change, rejectionReason }
  }
  const rejectionReason = course.status === 'REJECTED' ? working?.rejectionReason?.trim() || latestRejection(course.reviewHistory) : null
  return { badge, change: null, rejectionReason }
}

// ------------------------------------------------------------------ article text <-> HTML

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char])
}

/**
 * What a lecturer typed in the plain text box, as the article's HTML: paragraphs are separated
 * by a blank line and become <p>; a single line break inside one stays a <br>. Everything typed is
 * text (a "<b>" shows as typed), so nothing needs the server's sanitiser to be safe.
 */
export function textToParagraphsHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map(escapeHtml)
        .join('<br/>'),
    )
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase()
    if (lower in ENTITIES) return ENTITIES[lower]
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

// Tags that end a block: each becomes a paragraph of its own in the text box.
const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|div|ul|ol)\s*>/gi
const BLOCK_START = /<(p|h[1-6]|li|blockquote|div|ul|ol)(\s[^>]*)?>/gi

/**
 * The article's HTML back as the text the box shows: one paragraph per block, separated by a blank
 * line; <br> is a line break. Other tags (bold, images) are dropped, see `hasRichFormatting`.
 */
export function paragraphsHtmlToText(html: string | null | undefined): string {
  if (!html) return ''
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK_END, '\n\n')
    .replace(BLOCK_START, '\n\n')
    .replace(/<[^>]*>/g, '')
  return unescapeHtml(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n')
}

/**
 * The article has formatting the plain text box cannot keep (headings, lists, bold, images): the
 * editor says so before the lecturer saves it as plain paragraphs.
 */
export function hasRichFormatting(html: string | null | undefined): boolean {
  if (!html) return false
  const tags = html.match(/<\/?\s*([a-z][a-z0-9]*)/gi) ?? []
  return tags.some((tag) => !/^<\/?\s*(p|br)$/i.test(tag))
}

// ------------------------------------------------------------------ durations

/** The longest chapter the server takes: 10 hours. */
export const MAX_DURATION_SECONDS = 36000

/**
 * "12:30" (minutes:seconds) as seconds. Older readers type with a Chinese keyboard, so a full-width
 * colon, "12分30秒", "45分" and a bare "45" (minutes) are understood too, as is "1:02:03". Empty
 * is `null` (no duration given); anything else unreadable, out of range or zero is `undefined`.
 */
export function parseDuration(input: string): number | null | undefined {
  const text = input
    .trim()
    .replace(/[：﹕]/g, ':')
    .replace(/\s+/g, '')
    .replace(/小时|时/g, 'h')
    .replace(/分钟|分/g, 'm')
    .replace(/秒钟|秒/g, 's')
  if (!text) return null
  const total = secondsOf(text)
  return total !== undefined && total >= 1 && total <= MAX_DURATION_SECONDS ? total : undefined
}

function secondsOf(text: string): number | undefined {
  let match: RegExpExecArray | null
  // A bare number is minutes: "45" is a 45-minute talk, not 45 seconds.
  if ((match = /^(\d{1,4})$/.exec(text))) return Number(match[1]) * 60
  if ((match = /^(\d{1,4}):(\d{1,2})$/.exec(text))) {
    const [minutes, seconds] = [Number(match[1]), Number(match[2])]
    return seconds < 60 ? minutes * 60 + seconds : undefined
  }
  if ((match = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text))) {
    const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return minutes < 60 && seconds < 60 ? hours * 3600 + minutes * 60 + seconds : undefined
  }
  // With units: "1h5m", "12m30s", "12m30" (the 秒 left off), "90s".
  if ((match = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,5})s?)?$/.exec(text))) {
    const [, h, m, s] = match
    if (h === undefined && m === undefined && !text.endsWith('s')) return undefined
    if (s !== undefined && s !== '' && (h !== undefined || m !== undefined) && Number(s) >= 60) return undefined
    if (h !== undefined && m !== undefined && Number(m) >= 60) return undefined
    return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)
  }
  return undefined
}

/** Seconds as the box shows them, "12:30" (minutes:seconds, minutes past 59 too: "90:00"). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return ''
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** "12分30秒", "45分钟", "1小时5分": a chapter's length for reading (course page, review page). */
export function durationLabel(seconds: number | null | undefined): string {
  if (!seconds || seconds < 0) return ''
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = Math.round(seconds % 60)
  if (hours > 0) return `${hours}小时${minutes > 0 ? `${minutes}分` : ''}`
  if (minutes > 0) return rest > 0 ? `${minutes}分${rest}秒` : `${minutes}分钟`
  return `${rest}秒`
}

/** "5:07", "12:30", "1:02:03": a clock reading, as on a radio (the player). Negative or missing reads 0:00. */
export function formatClock(totalSeconds: number | null | undefined): string {
  const s = Math.max(0, Math.floor(Number(totalSeconds) || 0))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = String(s % 60).padStart(2, '0')
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
  return `${minutes}:${seconds}`
}
