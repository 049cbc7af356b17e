// The player's link to the phone and the server: records kept in storage, sent with
// saveChapterProgress. The rules themselves are in utils/progress.ts (pure, unit-tested).
//
// A family often shares one phone, so the records are kept per account
// (`fel.learning.progress.<userId>`, and `.guest` while signed out): an account reads and sends
// only its own. What one account could not send stays in its book until that account signs in
// again; nothing of it is shown to, or sent for, anyone else. Guest records are never sent (whose
// are they?), except by a player the reader signs in on (see `progressPorts`).
import { SaveChapterProgressDocument, type ChapterProgressFieldsFragment, type CourseProgressFieldsFragment } from '../gql/graphql'
import { isApiError, request } from '../../../services/graphql'
import { currentToken, sessionStore } from '../../../services/session'
import { readStored, writeStored } from '../../../services/storage'
import { createStore } from '../../../services/store'
import {
  phoneProgressNewer,
  progressInputOf,
  putLocalProgress,
  unsentProgress,
  type LocalProgress,
  type LocalProgressBook,
  type ProgressInput,
  type SaverPorts,
} from '../utils/progress'

const STORAGE_PREFIX = 'fel.learning.progress'
// Before the books were kept per account, one book held everyone's records: whose they are cannot
// be told, so they are dropped rather than shown to (or sent for) the wrong person.
const SHARED_BOOK_KEY = STORAGE_PREFIX

/** The signed-in account progress belongs to; null when signed out. */
export function progressOwner(): string | null {
  const { token, user } = sessionStore.get()
  return token && user ? user.id : null
}

function storageKey(owner: string | null): string {
  return `${STORAGE_PREFIX}.${owner ?? 'guest'}`
}

let sharedBookDropped = false

function bookOf(owner: string | null): LocalProgressBook | null {
  if (!sharedBookDropped) {
    sharedBookDropped = true
    writeStored(SHARED_BOOK_KEY, null)
  }
  return readStored<LocalProgressBook>(storageKey(owner))
}

/**
 * What the course page lays over its data: bumped on every record written (so it reads the book
 * again), and the course progress each save answered with, per course, for the account it was for.
 */
export interface ProgressFeed {
  version: number
  courses: Record<string, { owner: string; at: number; progress: CourseProgressFieldsFragment }>
}

export const progressFeed = createStore<ProgressFeed>(() => ({ version: 0, courses: {} }))

function publishAnswer(owner: string, progress: CourseProgressFieldsFragment): void {
  progressFeed.set((feed) => ({ version: feed.version + 1, courses: { ...feed.courses, [progress.courseId]: { owner, at: Date.now(), progress } } }))
}

/** The phone's record of a chapter for `owner` (default: whoever is signed in now). */
export function localProgressOf(chapterId: string, owner: string | null = progressOwner()): LocalProgress | null {
  return bookOf(owner)?.[chapterId] ?? null
}

export function rememberProgress(record: LocalProgress, owner: string | null = progressOwner()): void {
  writeStored(storageKey(owner), putLocalProgress(bookOf(owner), record))
  progressFeed.set((feed) => ({ ...feed, version: feed.version + 1 }))
}

/** The course progress a save answered with for `owner` after `since` (ms), if any. */
export function answeredCourseProgress(courseId: string, owner: string | null, since: number): CourseProgressFieldsFragment | null {
  const answer = progressFeed.get().courses[courseId]
  return answer && owner && answer.owner === owner && answer.at > since ? answer.progress : null
}

interface CourseWithProgress {
  id: string
  chapters: ReadonlyArray<{ id: string; myProgress?: ChapterProgressFieldsFragment | null }>
  myProgress?: CourseProgressFieldsFragment | null
}

/**
 * A course as the server sent it (asked at `fetchedAt`), with what happened since on this phone laid
 * over it: the signed-in account's newer chapter records (a save still on its way, or unsent) and
 * the course progress a later save answered with.
 */
export function withPhoneProgress<C extends CourseWithProgress>(course: C, fetchedAt: number): C {
  const owner = progressOwner()
  const book = bookOf(owner) ?? {}
  let changed = false
  const chapters = course.chapters.map((chapter) => {
    const local = book[chapter.id]
    const newer = local?.courseId === course.id ? phoneProgressNewer(chapter.myProgress, local, fetchedAt) : null
    if (!newer) return chapter
    changed = true
    const updatedAt = new Date(local!.at).toISOString()
    return { ...chapter, myProgress: { chapterId: chapter.id, updatedAt, ...chapter.myProgress, ...newer } }
  })
  const answered = answeredCourseProgress(course.id, owner, fetchedAt)
  if (!changed && !answered) return course
  return { ...course, chapters, myProgress: answered ?? course.myProgress }
}

/** Sends a record for `owner`; refuses (throws) unless that account is the one signed in. */
async function sendProgress(input: ProgressInput, owner: string | null): Promise<CourseProgressFieldsFragment> {
  // Signed out: nothing is sent; the phone keeps the place and sends it after signing in.
  if (!currentToken() || !owner) throw new Error('signed out')
  if (progressOwner() !== owner) throw new Error('another account is signed in')
  const { saveChapterProgress } = await request(SaveChapterProgressDocument, {
    input: { courseId: input.courseId, chapterId: input.chapterId, positionSeconds: input.positionSeconds, completed: input.completed },
  })
  publishAnswer(owner, saveChapterProgress)
  return saveChapterProgress
}

/**
 * The saver's link for one visit of a chapter, on behalf of the account signed in when it opened.
 * A visit opened signed out is adopted by the account that signs in during it (the reader signed
 * in right there, on the page): its records go to that account from then on. A visit never moves
 * from one account to another: the chapter page opens a new one when the account changes.
 */
export function progressPorts(onSaved?: (progress: CourseProgressFieldsFragment) => void): SaverPorts<CourseProgressFieldsFragment> & { owner(): string | null } {
  let owner = progressOwner()
  const current = () => (owner ??= progressOwner())
  return {
    owner: current,
    send: (input) => sendProgress(input, current()),
    remember: (record) => rememberProgress(record, current()),
    now: () => Date.now(),
    onSaved: onSaved ? (result) => onSaved(result) : undefined,
  }
}

const REFUSED_FOR_GOOD = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT'])

let flushing = false

/**
 * Sends what earlier visits of the signed-in account could not (no network, app closed mid-save),
 * except the chapter open now (its player sends that itself). Quiet; what fails stays for next time.
 */
export async function flushUnsentProgress(exceptChapterId?: string): Promise<void> {
  const owner = progressOwner()
  if (flushing || !owner) return
  flushing = true
  try {
    for (const record of unsentProgress(bookOf(owner))) {
      if (record.chapterId === exceptChapterId) continue
      try {
        await sendProgress(progressInputOf(record), owner)
        // Only if nothing newer was written meanwhile.
        const now = localProgressOf(record.chapterId, owner)
        if (now && now.at === record.at) rememberProgress({ ...record, synced: true }, owner)
      } catch (error) {
        // Refused for good (the course was taken down, say): forget it rather than retry forever.
        if (isApiError(error) && REFUSED_FOR_GOOD.has(error.code)) {
          rememberProgress({ ...record, synced: true }, owner)
          continue
        }
        return // the network is down, or signed out (or in as someone else): the rest next time
      }
    }
  } finally {
    flushing = false
  }
}
