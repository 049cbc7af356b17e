// The player's link to the phone and the server: records kept in storage, sent with
// saveChapterProgress. The rules themselves are in utils/progress.ts (pure, unit-tested).
import { SaveChapterProgressDocument, type CourseProgressFieldsFragment } from '../gql/graphql'
import { isApiError, request } from '../../../services/graphql'
import { currentToken } from '../../../services/session'
import { readStored, writeStored } from '../../../services/storage'
import {
  putLocalProgress,
  unsentProgress,
  type LocalProgress,
  type LocalProgressBook,
  type ProgressInput,
  type SaverPorts,
} from '../utils/progress'

const STORAGE_KEY = 'fel.learning.progress'

export function localProgressOf(chapterId: string): LocalProgress | null {
  return readStored<LocalProgressBook>(STORAGE_KEY)?.[chapterId] ?? null
}

export function rememberProgress(record: LocalProgress): void {
  writeStored(STORAGE_KEY, putLocalProgress(readStored<LocalProgressBook>(STORAGE_KEY), record))
}

export async function sendProgress(input: ProgressInput): Promise<CourseProgressFieldsFragment> {
  // Signed out: nothing is sent; the phone keeps the place and sends it after signing in.
  if (!currentToken()) throw new Error('signed out')
  const { saveChapterProgress } = await request(SaveChapterProgressDocument, {
    input: { courseId: input.courseId, chapterId: input.chapterId, positionSeconds: input.positionSeconds, completed: input.completed },
  })
  return saveChapterProgress
}

export function progressPorts(onSaved?: (progress: CourseProgressFieldsFragment) => void): SaverPorts<CourseProgressFieldsFragment> {
  return {
    send: sendProgress,
    remember: rememberProgress,
    now: () => Date.now(),
    onSaved: onSaved ? (result) => onSaved(result) : undefined,
  }
}

const REFUSED_FOR_GOOD = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT'])

let flushing = false

/**
 * Sends what earlier visits could not (no network, app closed mid-save), except the chapter
 * open now (its player sends that itself). Quiet; what fails stays for next time.
 */
export async function flushUnsentProgress(exceptChapterId?: string): Promise<void> {
  if (flushing || !currentToken()) return
  flushing = true
  try {
    for (const record of unsentProgress(readStored<LocalProgressBook>(STORAGE_KEY))) {
      if (record.chapterId === exceptChapterId) continue
      try {
        await sendProgress(record)
        // Only if nothing newer was written meanwhile.
        const now = localProgressOf(record.chapterId)
        if (now && now.at === record.at) rememberProgress({ ...record, synced: true })
      } catch (error) {
        // Refused for good (the course was taken down, say): forget it rather than retry forever.
        if (isApiError(error) && REFUSED_FOR_GOOD.has(error.code)) {
          rememberProgress({ ...record, synced: true })
          continue
        }
        return // the network is down or we are signed out: try the rest next time
      }
    }
  } finally {
    flushing = false
  }
}
