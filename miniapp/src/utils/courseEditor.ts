// Pure state of the course editor (编辑课程): the form, the chapter list operations, what a save
// sends, and the server's field errors placed beside their fields. No Taro, so unit tests load it.
import type { AgeGroup } from '../gql/graphql'
import type { ChapterKind, CourseDraftInput, CourseStatus } from '../packages/lecturer/gql/graphql'
import { fieldNamesOf, type GraphQLErrorPayload } from '../services/errors'
import { formatDuration, hasRichFormatting, paragraphsHtmlToText, parseDuration, textToParagraphsHtml } from './courseContent'

export interface ChapterDraft {
  /** Stable key for the list and for errors, whatever the chapter's position. */
  key: string
  /** The server's id of an existing chapter: sent back so learners' progress carries over. */
  id: string | null
  kind: ChapterKind
  title: string
  /** ARTICLE: plain text, paragraphs separated by a blank line. */
  text: string
  /** ARTICLE loaded with headings, lists or bold that the text box cannot keep. */
  hadFormatting: boolean
  mediaUrl: string
  /** VIDEO/AUDIO: as typed, "12:30". */
  duration: string
}

export interface CourseForm {
  title: string
  summary: string
  coverUrl: string
  tags: string[]
  ageGroups: AgeGroup[]
  chapters: ChapterDraft[]
}

export const MAX_TAGS = 8
export const MAX_TAG_LENGTH = 12
export const MAX_CHAPTERS = 50

let keys = 0
function newKey(): string {
  keys += 1
  return `c${keys}-${Date.now().toString(36)}`
}

export function emptyCourseForm(): CourseForm {
  return { title: '', summary: '', coverUrl: '', tags: [], ageGroups: [], chapters: [] }
}

export function newChapter(kind: ChapterKind): ChapterDraft {
  return { key: newKey(), id: null, kind, title: '', text: '', hadFormatting: false, mediaUrl: '', duration: '' }
}

interface LoadedChapter {
  id: string
  kind: ChapterKind
  title: string
  body?: string | null
  mediaUrl?: string | null
  durationSeconds?: number | null
}

interface LoadedContent {
  title: string
  summary: string
  coverUrl?: string | null
  tags: string[]
  ageGroups: AgeGroup[]
  chapters: LoadedChapter[]
}

export interface LoadedCourse extends LoadedContent {
  status: CourseStatus
  workingRevision?: (LoadedContent & { status: CourseStatus }) | null
}

/**
 * The form for a course as loaded: the revision being edited when there is one (a draft, or an
 * edit of a published course), else the course's own fields (a published course with no edit yet).
 */
export function courseFormOf(course: LoadedCourse): CourseForm {
  const content: LoadedContent = course.workingRevision ?? course
  return {
    title: content.title,
    summary: content.summary,
    coverUrl: content.coverUrl ?? '',
    tags: [...content.tags],
    ageGroups: [...content.ageGroups],
    chapters: content.chapters.map((chapter) => ({
      key: newKey(),
      id: chapter.id,
      kind: chapter.kind,
      title: chapter.title,
      text: chapter.kind === 'ARTICLE' ? paragraphsHtmlToText(chapter.body) : '',
      hadFormatting: chapter.kind === 'ARTICLE' && hasRichFormatting(chapter.body),
      mediaUrl: chapter.mediaUrl ?? '',
      duration: formatDuration(chapter.durationSeconds),
    })),
  }
}

/** The list with the chapter at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveChapter<T>(list: ReadonlyArray<T>, index: number, delta: -1 | 1): T[] {
  const target = index + delta
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list]
  const next = [...list]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

/** The same strings in the same order. */
function sameList(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

/**
 * Whether the form holds changes not yet saved: compared with the course as loaded or last saved.
 * A chapter's key and server id are bookkeeping (a save hands out ids), not something typed; the
 * age groups are a set; chapters and tags keep their order (moving a chapter is a change).
 */
export function courseFormChanged(form: CourseForm, saved: CourseForm): boolean {
  if (form.title !== saved.title || form.summary !== saved.summary || form.coverUrl !== saved.coverUrl) return true
  if (!sameList(form.tags, saved.tags)) return true
  if (form.ageGroups.length !== saved.ageGroups.length || form.ageGroups.some((group) => !saved.ageGroups.includes(group))) return true
  if (form.chapters.length !== saved.chapters.length) return true
  return form.chapters.some((chapter, index) => {
    const before = saved.chapters[index]
    return (
      chapter.kind !== before.kind ||
      chapter.title !== before.title ||
      chapter.text !== before.text ||
      chapter.mediaUrl !== before.mediaUrl ||
      chapter.duration !== before.duration
    )
  })
}

/**
 * A tag added from the box: trimmed, at most 12 characters, not twice, at most eight. Returns the
 * new list, or a sentence saying why not.
 */
export function addTag(tags: ReadonlyArray<string>, typed: string): { tags: string[] } | { problem: string } {
  const tag = typed.trim().replace(/\s+/g, ' ')
  if (!tag) return { problem: '请先输入标签' }
  if (tag.length > MAX_TAG_LENGTH) return { problem: `每个标签最多 ${MAX_TAG_LENGTH} 个字` }
  if (tags.includes(tag)) return { problem: '这个标签已经有了' }
  if (tags.length >= MAX_TAGS) return { problem: `标签最多 ${MAX_TAGS} 个` }
  return { tags: [...tags, tag] }
}

// ------------------------------------------------------------------ errors

export type CourseField = 'title' | 'summary' | 'coverUrl' | 'tags' | 'ageGroups' | 'chapters'
export type ChapterField = 'kind' | 'title' | 'body' | 'mediaUrl' | 'durationSeconds' | 'id'

export interface CourseErrors {
  course: Partial<Record<CourseField, string>>
  /** By chapter key. */
  chapters: Record<string, Partial<Record<ChapterField, string>>>
}

export const NO_ERRORS: CourseErrors = { course: {}, chapters: {} }

export function hasErrors(errors: CourseErrors): boolean {
  return Object.keys(errors.course).length > 0 || Object.values(errors.chapters).some((fields) => Object.keys(fields).length > 0)
}

const COURSE_MESSAGES: Record<CourseField, string> = {
  title: '课程名称请填 1 到 60 个字',
  summary: '课程简介请填 1 到 500 个字',
  coverUrl: '封面图片地址要以 https:// 开头，或者空着不填',
  tags: `标签最多 ${MAX_TAGS} 个，每个 1 到 ${MAX_TAG_LENGTH} 个字`,
  ageGroups: '请重新选择适合的年龄段',
  chapters: `章节最多 ${MAX_CHAPTERS} 章；提交审核至少要有一章`,
}

function chapterMessage(field: ChapterField, kind: ChapterKind | undefined): string {
  const media = kind === 'AUDIO' ? '音频' : '视频'
  switch (field) {
    case 'title':
      return '章节标题请填 1 到 60 个字'
    case 'body':
      return '正文不能空着，最多 20000 字'
    case 'mediaUrl':
      return `请填写${media}地址，要以 https:// 开头`
    case 'durationSeconds':
      return '请按“分:秒”填写时长，比如 12:30（最长 10 小时）'
    case 'kind':
      return '请删除这一章，重新添加'
    case 'id':
      return '这一章在服务器上找不到了，请删除后重新添加'
  }
}

const CHAPTER_FIELD = /^chapters\.(\d+)(?:\.(\w+))?/

/**
 * The fields a BAD_USER_INPUT answer names (`extensions.fields[].field`, e.g. `input.title` or
 * `input.chapters.2.mediaUrl`), each with a Chinese sentence. `sent` is the chapter list as it was
 * sent (the index in the path is its position then), so the message lands on the right chapter
 * even if the lecturer has moved it since. The server's own messages are English: not shown.
 */
export function courseFieldErrors(
  errors: ReadonlyArray<GraphQLErrorPayload>,
  sent: ReadonlyArray<Pick<ChapterDraft, 'key' | 'kind'>>,
): CourseErrors {
  const result: CourseErrors = { course: {}, chapters: {} }
  for (const named of fieldNamesOf(errors)) {
    const path = named.replace(/^input\./, '')
    const chapterMatch = CHAPTER_FIELD.exec(path)
    if (chapterMatch) {
      const chapter = sent[Number(chapterMatch[1])]
      const field = chapterMatch[2] as ChapterField | undefined
      if (chapter && field && isChapterField(field)) {
        result.chapters[chapter.key] = { ...result.chapters[chapter.key], [field]: chapterMessage(field, chapter.kind) }
        continue
      }
      result.course.chapters = COURSE_MESSAGES.chapters
      continue
    }
    const top = path.split('.')[0]
    if (top in COURSE_MESSAGES) result.course[top as CourseField] = COURSE_MESSAGES[top as CourseField]
  }
  return result
}

function isChapterField(field: string): field is ChapterField {
  return ['kind', 'title', 'body', 'mediaUrl', 'durationSeconds', 'id'].includes(field)
}

/**
 * What the course editor sends to saveCourseDraft, or the problems found before sending: a name is
 * needed (the server needs one even for a draft) and a duration must be readable. Everything else
 * is the server's to judge, and its answer lands beside the field.
 */
export function courseDraftInput(id: string | null, form: CourseForm): { input: CourseDraftInput } | { errors: CourseErrors } {
  const errors: CourseErrors = { course: {}, chapters: {} }
  if (!form.title.trim()) errors.course.title = '请填写课程名称'
  const chapters = form.chapters.map((chapter) => {
    const media = chapter.kind !== 'ARTICLE'
    const seconds = media ? parseDuration(chapter.duration) : null
    if (seconds === undefined) {
      errors.chapters[chapter.key] = { durationSeconds: chapterMessage('durationSeconds', chapter.kind) }
    }
    return {
      ...(chapter.id ? { id: chapter.id } : {}),
      kind: chapter.kind,
      title: chapter.title.trim(),
      body: media ? null : textToParagraphsHtml(chapter.text),
      mediaUrl: media ? chapter.mediaUrl.trim() || null : null,
      durationSeconds: seconds ?? null,
    }
  })
  if (hasErrors(errors)) return { errors }
  return {
    input: {
      ...(id ? { id } : {}),
      title: form.title.trim(),
      summary: form.summary.trim(),
      coverUrl: form.coverUrl.trim() || null,
      tags: form.tags,
      ageGroups: form.ageGroups,
      chapters,
    },
  }
}
