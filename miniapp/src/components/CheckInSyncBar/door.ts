// The door screen's own logic, apart from the queue (services/checkin-queue.ts): what a typed
// code means, what the screen shows of the queue, when the door closes, the door lists kept on the
// phone. Only the lecturer sub-package uses it; the queue itself is in the main package (the app
// sends it when it shows), so whatever only the door screen needs stays out of there.
//
// Pure: no Taro import, unit-tested in Node (tests/miniapp/unit/checkin-queue.test.ts).
import type { QueuedScan, SyncReport } from '../../services/checkin-queue'

// ------------------------------------------------------------------ ticket codes

/** Crockford's base32, as the server writes short codes: no I, L, O or U. */
const SHORT_CODE_ALPHABET = /^[0-9A-HJKMNP-TV-Z]{8}$/

export type ParsedCode = { ok: true; code: string } | { ok: false; message: string }

export const SHORT_CODE_HINT = '入场码是 8 位字母和数字，例如 K7Q2-9XMA'

/**
 * What was typed, pasted or scanned, as the server wants it: a short code as `K7Q2-9XMA` (lower
 * case, spaces and a missing or misplaced dash accepted; O read as 0, I and L as 1, as Crockford's
 * alphabet intends), or a QR code's text untouched (it is signed: one changed letter breaks it).
 */
export function parseTicketCode(input: string): ParsedCode {
  const text = (input ?? '').trim()
  if (!text) return { ok: false, message: '请输入入场码' }
  // A QR ticket is a signed token (a JWS: three dot-separated parts), sent exactly as scanned.
  if (isQrText(text)) return { ok: true, code: text }
  const compact = text
    .toUpperCase()
    .replace(/[\s\-－—_·.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (!SHORT_CODE_ALPHABET.test(compact)) return { ok: false, message: SHORT_CODE_HINT }
  return { ok: true, code: `${compact.slice(0, 4)}-${compact.slice(4)}` }
}

/** The server reads three dot-separated parts as a QR ticket, anything else as a short code. */
function isQrText(text: string): boolean {
  return text.split('.').length === 3
}

/** A short code as typed so far, shown back in the box: upper case with the dash in place. */
export function formatTypedCode(input: string): string {
  const text = input ?? ''
  if (text.includes('.')) return text
  const compact = text.toUpperCase().replace(/[\s\-－—_·]/g, '').slice(0, 8)
  return compact.length > 4 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact
}

/** A phone's last four digits, or null when `input` is not four digits. */
export function parsePhoneTail(input: string): string | null {
  const digits = (input ?? '').replace(/\s/g, '')
  return /^\d{4}$/.test(digits) ? digits : null
}

/** What the door screen of one lecture shows from the queue, for the account signed in. */
export interface LectureQueueView {
  /** This account's scans waiting to be sent. */
  pending: QueuedScan[]
  /** This account's scans the server (or the phone) refused, until dismissed. */
  refused: QueuedScan[]
  /** This account's answered scans, newest first. */
  answered: QueuedScan[]
  /**
   * Scans another account made on this phone (a colleague signed in before) that still wait:
   * only that account may send them, so they are shown apart and hold up nothing here.
   */
  othersPending: QueuedScan[]
}

/** One lecture's entries, split by state, this account's apart from other accounts'. */
export function lectureQueueView(entries: ReadonlyArray<QueuedScan>, lectureId: string, userId: string | null | undefined): LectureQueueView {
  const lecture = entries.filter((e) => e.lectureId === lectureId)
  const mine = lecture.filter((e) => !!userId && e.userId === userId)
  return {
    pending: mine.filter((e) => e.state === 'pending'),
    refused: mine.filter((e) => e.state === 'refused'),
    answered: mine
      .filter((e) => e.state === 'done' || e.state === 'already')
      .sort((a, b) => (b.settledAt ?? '').localeCompare(a.settledAt ?? '')),
    othersPending: lecture.filter((e) => e.state === 'pending' && e.userId !== userId),
  }
}

// ------------------------------------------------------------------ the door

/** The server closes a lecture's door a day after its end (offline queues synced late). */
export const CHECK_IN_CLOSES_AFTER_MS = 24 * 3600 * 1000

/** Whether a lecture that has not been cancelled still takes check-ins at `now` (by our clock). */
export function doorStillOpen(endsAt: string, now: Date): boolean {
  const end = Date.parse(endsAt)
  return Number.isNaN(end) || now.getTime() <= end + CHECK_IN_CLOSES_AFTER_MS
}

/**
 * The line under 已记下，待同步 on the answer card: why the scan is still waiting, from the last
 * attempt to send (a network failure, the server asking to try later, a lapsed sign-in).
 */
export function pendingScanNote(options: { duplicate: boolean; syncing: boolean; last: SyncReport | null }): string {
  const { duplicate, syncing, last } = options
  if (duplicate) return '这张券已经在待同步的记录里，不会重复记录。'
  if (syncing) return '正在送到服务器…'
  if (last?.status === 'failed') {
    if (last.code === 'UNAUTHENTICATED') return '登录已过期：重新登录后会自动同步，不会重复计数。'
    const said = (last.message || '服务器暂时没有回应，稍后会再试').replace(/[。.！!，,\s]+$/, '')
    return `${said}。已记在手机上，不会重复计数。`
  }
  return '网络恢复后会自动同步，不会重复计数。'
}

// ------------------------------------------------------------------ the door list kept on the phone

/**
 * The door lists (lecture and roster: names, phone tails) kept on the phone so the door screen
 * opens in a hall without signal. They belong to the account that loaded them: another account
 * signing in on the same phone never sees them, and signing out forgets them.
 */
export interface DeskCache<T> {
  userId: string
  desks: Record<string, { desk: T; savedAt: number }>
}

/** The door list of `lectureId` kept for `userId`, if any. */
export function cachedDeskFor<T>(stored: unknown, userId: string | null | undefined, lectureId: string): T | null {
  if (!userId || !stored || typeof stored !== 'object') return null
  const cache = stored as Partial<DeskCache<T>>
  if (cache.userId !== userId || !cache.desks || typeof cache.desks !== 'object') return null
  return cache.desks[lectureId]?.desk ?? null
}

/** The cache with `desk` kept for `userId`: the latest `size` lectures; another account's are dropped. */
export function withCachedDesk<T>(stored: unknown, userId: string, lectureId: string, desk: T, savedAt: number, size: number): DeskCache<T> {
  const cache = stored && typeof stored === 'object' && (stored as DeskCache<T>).userId === userId ? (stored as DeskCache<T>) : null
  const kept = Object.entries(cache?.desks ?? {})
    .filter(([id, entry]) => id !== lectureId && entry && typeof entry === 'object')
    .sort(([, a], [, b]) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
    .slice(0, Math.max(0, size - 1))
  return { userId, desks: Object.fromEntries([...kept, [lectureId, { desk, savedAt }]]) }
}
