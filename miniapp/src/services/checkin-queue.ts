// The door check-in queue. Every check-in (camera scan, typed code, a household picked from the
// roster, a walk-in) is first written to this queue on the phone, then sent with syncCheckIns.
// Village halls often have no signal: a scan must never be lost, never be counted twice, and the
// lecturer must see what is still waiting. One code path serves online and offline alike: online,
// the queue is simply sent at once.
//
// Pure: no Taro import. Storage, the request and the clock come in through `CheckInQueueDeps`, so
// unit tests run it in Node (see tests/miniapp/unit/checkin-queue.test.ts).
import type { CheckInOutcome, CheckInSyncMutation, OfflineScanInput } from '../packages/lecturer/gql/graphql'
import { createStore, type Store } from './store'

export type CheckInResult = CheckInSyncMutation['syncCheckIns'][number]

/** pending: not yet answered by the server; done: checked in (or walk-in recorded) now;
 *  already: the server says it was checked in before; refused: the server said no (with why). */
export type ScanState = 'pending' | 'done' | 'already' | 'refused'

export interface QueuedScan {
  /** Unique per scan on this device: the server answers a replay with the first answer. */
  clientScanId: string
  lectureId: string
  /** The account that scanned: only its own scans are sent under its session. */
  userId: string
  /** A ticket: the short code (K7Q2-9XMA) or the QR code's text, normalised. */
  code?: string
  /** Or a booking picked from the roster. */
  bookingId?: string
  /** Or a walk-in of this many people. */
  walkInPartySize?: number
  /** People who came; absent: the booked party. */
  partyPresent?: number
  /** What to call it while pending (the household picked, 现场来宾); codes speak for themselves. */
  label?: string
  scannedAt: string
  state: ScanState
  /** The server's answer once there is one. */
  result?: ScanAnswer
  /** When the answer arrived (pending entries: never). */
  settledAt?: string
}

export interface ScanAnswer {
  outcome: CheckInOutcome
  message: string
  errorCode?: string
  householdName?: string
  partySize?: number
  partyPresent?: number
  checkedInAt?: string
}

/** What the page asks to check in. */
export type ScanRequest =
  | { lectureId: string; code: string; partyPresent?: number }
  | { lectureId: string; bookingId: string; partyPresent?: number; label?: string }
  | { lectureId: string; walkInPartySize: number }

/** At most this many scans per request (the server takes up to 500). */
export const SYNC_BATCH_SIZE = 100

/** Answered scans kept for the 最近签到 list; older ones are dropped first. */
const KEEP_SETTLED = 100
/** Answered scans older than this are dropped however few there are. */
const KEEP_SETTLED_MS = 3 * 24 * 3600 * 1000

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

// ------------------------------------------------------------------ the queue, as pure functions

/** Scans of the same ticket (or booking) for the same lecture share a key; walk-ins never do. */
function dedupeKey(scan: Pick<QueuedScan, 'lectureId' | 'code' | 'bookingId'>): string | null {
  if (scan.code) return `${scan.lectureId}|code|${scan.code}`
  if (scan.bookingId) return `${scan.lectureId}|booking|${scan.bookingId}`
  return null
}

export interface AddOutcome {
  entries: QueuedScan[]
  /** The entry that stands for this scan: the new one, or the pending one it repeats. */
  entry: QueuedScan
  /** The same ticket was already waiting to be sent: nothing was added. */
  duplicate: boolean
}

/**
 * Adds a scan, unless the same ticket (or booking) for the same lecture is already pending on this
 * phone: then the pending entry stands for both, so an impatient second scan offline is not sent
 * twice. A ticket answered before is queued again: only the server knows whether it still holds
 * (it answers 已于 HH:mm 签到 without counting anything twice).
 */
export function addScan(entries: ReadonlyArray<QueuedScan>, request: ScanRequest, userId: string, clientScanId: string, now: Date): AddOutcome {
  const entry: QueuedScan = {
    clientScanId,
    lectureId: request.lectureId,
    userId,
    scannedAt: now.toISOString(),
    state: 'pending',
  }
  if ('code' in request) entry.code = request.code
  if ('bookingId' in request) {
    entry.bookingId = request.bookingId
    if (request.label) entry.label = request.label
  }
  if ('walkInPartySize' in request) {
    entry.walkInPartySize = request.walkInPartySize
    entry.label = '现场来宾'
  } else if (request.partyPresent !== undefined) {
    entry.partyPresent = request.partyPresent
  }

  const key = dedupeKey(entry)
  const pending = key ? entries.find((e) => e.state === 'pending' && e.userId === userId && dedupeKey(e) === key) : undefined
  if (pending) return { entries: [...entries], entry: pending, duplicate: true }
  return { entries: [...entries, entry], entry, duplicate: false }
}

/** The next scans to send for `userId`, oldest first, at most `max`, skipping `skip`. */
export function pendingBatch(
  entries: ReadonlyArray<QueuedScan>,
  userId: string,
  max = SYNC_BATCH_SIZE,
  skip: ReadonlySet<string> = new Set(),
): QueuedScan[] {
  return entries
    .filter((e) => e.state === 'pending' && e.userId === userId && !skip.has(e.clientScanId))
    .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt))
    .slice(0, max)
}

/** The scan as syncCheckIns takes it. */
export function toScanInput(entry: QueuedScan): OfflineScanInput {
  const input: OfflineScanInput = { clientScanId: entry.clientScanId, lectureId: entry.lectureId, scannedAt: entry.scannedAt }
  if (entry.code) input.code = entry.code
  if (entry.bookingId) input.bookingId = entry.bookingId
  if (entry.walkInPartySize !== undefined) input.walkInPartySize = entry.walkInPartySize
  if (entry.partyPresent !== undefined) input.partyPresent = entry.partyPresent
  return input
}

function stateOf(outcome: CheckInOutcome | string): ScanState {
  if (outcome === 'CHECKED_IN' || outcome === 'WALK_IN_RECORDED') return 'done'
  if (outcome === 'ALREADY_CHECKED_IN') return 'already'
  return 'refused'
}

function answerOf(result: CheckInResult): ScanAnswer {
  const answer: ScanAnswer = { outcome: result.outcome, message: result.message }
  if (result.errorCode) answer.errorCode = result.errorCode
  if (result.householdName) answer.householdName = result.householdName
  if (result.partySize != null) answer.partySize = result.partySize
  if (result.partyPresent != null) answer.partyPresent = result.partyPresent
  if (result.checkedInAt) answer.checkedInAt = result.checkedInAt
  return answer
}

/** The server could not judge the scan just now (its own trouble): the scan stays pending. */
export function isRetryLater(result: CheckInResult): boolean {
  return result.outcome === 'REJECTED' && result.errorCode === 'INTERNAL_SERVER_ERROR'
}

/**
 * The server's answers applied to the queue, matched by clientScanId. Only pending entries change:
 * a late answer to a replay (the first answer already arrived, or the entry was dismissed) changes
 * nothing, so applying the same answers twice is harmless. "Try again later" answers leave the
 * scan pending.
 */
export function applyResults(entries: ReadonlyArray<QueuedScan>, results: ReadonlyArray<CheckInResult>, now: Date): QueuedScan[] {
  const byId = new Map<string, CheckInResult>()
  for (const result of results) if (result.clientScanId && !isRetryLater(result)) byId.set(result.clientScanId, result)
  return entries.map((entry) => {
    const result = entry.state === 'pending' ? byId.get(entry.clientScanId) : undefined
    if (!result) return entry
    return { ...entry, state: stateOf(result.outcome), result: answerOf(result), settledAt: now.toISOString() }
  })
}

/** Marks scans refused by the phone itself (the server rejected the request as a whole). */
export function refuseLocally(entries: ReadonlyArray<QueuedScan>, ids: ReadonlySet<string>, message: string, errorCode: string, now: Date): QueuedScan[] {
  return entries.map((entry) =>
    entry.state === 'pending' && ids.has(entry.clientScanId)
      ? { ...entry, state: 'refused' as const, result: { outcome: 'REJECTED' as const, message, errorCode }, settledAt: now.toISOString() }
      : entry,
  )
}

/** Removes an entry the lecturer has read (a refusal); pending ones stay until answered. */
export function dismissScan(entries: ReadonlyArray<QueuedScan>, clientScanId: string): QueuedScan[] {
  return entries.filter((entry) => entry.clientScanId !== clientScanId || entry.state === 'pending')
}

/**
 * Keeps storage small: pending and refused entries always stay (until sent or dismissed);
 * answered ones are kept for a few days, the latest KEEP_SETTLED of them.
 */
export function pruneSettled(entries: ReadonlyArray<QueuedScan>, now: Date): QueuedScan[] {
  const settled = entries
    .filter((e) => e.state === 'done' || e.state === 'already')
    .filter((e) => now.getTime() - Date.parse(e.settledAt ?? e.scannedAt) < KEEP_SETTLED_MS)
    .sort((a, b) => (b.settledAt ?? '').localeCompare(a.settledAt ?? ''))
    .slice(0, KEEP_SETTLED)
  const kept = new Set(settled.map((e) => e.clientScanId))
  return entries.filter((e) => e.state === 'pending' || e.state === 'refused' || kept.has(e.clientScanId))
}

/** Entries of one lecture in one state, oldest first. */
export function entriesOf(entries: ReadonlyArray<QueuedScan>, lectureId: string, state: ScanState): QueuedScan[] {
  return entries.filter((e) => e.lectureId === lectureId && e.state === state)
}

/** Anything that is not a plausible queue entry (an older app's data, a damaged store) is dropped. */
export function sanitiseStored(value: unknown): QueuedScan[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (e): e is QueuedScan =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as QueuedScan).clientScanId === 'string' &&
      typeof (e as QueuedScan).lectureId === 'string' &&
      typeof (e as QueuedScan).userId === 'string' &&
      typeof (e as QueuedScan).scannedAt === 'string' &&
      ['pending', 'done', 'already', 'refused'].includes((e as QueuedScan).state),
  )
}

/** A new id for a scan: the time plus randomness, unique on this device. */
export function newClientScanId(now: Date, random: () => number = Math.random): string {
  const noise = Array.from({ length: 3 }, () => Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')).join('')
  return `scan-${now.getTime().toString(36)}-${noise}`
}

// ------------------------------------------------------------------ sending

/** A failure that says nothing about the scans themselves: try again later, keep them pending. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code !== 'BAD_USER_INPUT'
}

function isNetworkFailure(error: unknown): boolean {
  const e = error as { code?: unknown; retryable?: unknown } | null
  return e?.code === 'NETWORK_ERROR' || e?.retryable === true
}

export type SyncReport =
  /** Nothing was waiting. */
  | { status: 'idle' }
  /** Everything sent was answered. */
  | { status: 'synced'; answered: number }
  /** The network failed (or timed out): what was not answered stays pending. */
  | { status: 'offline'; answered: number }
  /** The server refused the request (signed out, no permission, down): stays pending. */
  | { status: 'failed'; answered: number; code: string; message: string }

export interface CheckInQueueDeps {
  load(): unknown
  save(entries: QueuedScan[]): void
  /** syncCheckIns; rejects with an error carrying `code` (NETWORK_ERROR, UNAUTHENTICATED…). */
  send(scans: OfflineScanInput[]): Promise<ReadonlyArray<CheckInResult>>
  now?(): Date
  newId?(now: Date): string
}

export interface CheckInQueue {
  /** All entries, every lecture; follow it to re-render. */
  store: Store<QueuedScan[]>
  add(request: ScanRequest, userId: string): AddOutcome
  /** Sends what `userId` has pending, in batches; one sync at a time (a second call joins it). */
  sync(userId: string): Promise<SyncReport>
  isSyncing(): boolean
  dismiss(clientScanId: string): void
}

export function createCheckInQueue(deps: CheckInQueueDeps): CheckInQueue {
  const now = () => (deps.now ? deps.now() : new Date())
  const newId = deps.newId ?? ((at: Date) => newClientScanId(at))
  const store = createStore<QueuedScan[]>(() => sanitiseStored(deps.load()))
  let running: Promise<SyncReport> | null = null

  const commit = (update: (entries: QueuedScan[]) => QueuedScan[]) => {
    store.set((entries) => update(entries))
    deps.save(store.get())
  }

  /** Sends `batch`; a request refused as a whole for bad input is split to find the bad scan. */
  async function sendBatch(batch: QueuedScan[]): Promise<number> {
    try {
      const results = await deps.send(batch.map(toScanInput))
      commit((entries) => pruneSettled(applyResults(entries, results, now()), now()))
      const sent = new Set(batch.map((e) => e.clientScanId))
      return results.filter((r) => r.clientScanId && sent.has(r.clientScanId) && !isRetryLater(r)).length
    } catch (error) {
      if (isTransient(error)) throw error
      if (batch.length === 1) {
        const message = (error as { message?: string })?.message || '入场信息有误'
        commit((entries) => refuseLocally(entries, new Set([batch[0].clientScanId]), message, 'BAD_USER_INPUT', now()))
        return 1
      }
      const half = Math.ceil(batch.length / 2)
      return (await sendBatch(batch.slice(0, half))) + (await sendBatch(batch.slice(half)))
    }
  }

  async function run(userId: string): Promise<SyncReport> {
    // Scans added while a batch is on its way are picked up by the next round; each scan is tried
    // once per sync, so an answer that never comes cannot loop forever.
    const tried = new Set<string>()
    let answered = 0
    for (;;) {
      const batch = pendingBatch(store.get(), userId, SYNC_BATCH_SIZE, tried)
      if (batch.length === 0) {
        if (tried.size === 0) return { status: 'idle' }
        const unanswered = store.get().some((e) => e.state === 'pending' && tried.has(e.clientScanId))
        return unanswered
          ? { status: 'failed', answered, code: 'INTERNAL_SERVER_ERROR', message: '服务器暂时无法处理，稍后会自动重试' }
          : { status: 'synced', answered }
      }
      batch.forEach((e) => tried.add(e.clientScanId))
      try {
        answered += await sendBatch(batch)
      } catch (error) {
        if (isNetworkFailure(error)) return { status: 'offline', answered }
        const e = error as { code?: string; message?: string }
        return { status: 'failed', answered, code: e?.code ?? 'INTERNAL_SERVER_ERROR', message: e?.message ?? '' }
      }
    }
  }

  return {
    store,
    add(request, userId) {
      const at = now()
      let outcome: AddOutcome | undefined
      commit((entries) => {
        outcome = addScan(entries, request, userId, newId(at), at)
        return outcome.entries
      })
      return outcome!
    },
    sync(userId) {
      if (!running) {
        running = run(userId).finally(() => {
          running = null
        })
      }
      return running
    },
    isSyncing: () => running !== null,
    dismiss(clientScanId) {
      commit((entries) => dismissScan(entries, clientScanId))
    },
  }
}
