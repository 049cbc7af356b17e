// The door check-in queue. Every check-in (camera scan, typed code, a household picked from the
// roster, a walk-in) is first written to this queue on the phone, then sent with syncCheckIns.
// Village halls often have no signal: a scan must never be lost, never be counted twice, and the
// lecturer must see what is still waiting. One code path serves online and offline alike: online,
// the queue is simply sent at once.
//
// Pure: no Taro import. Storage, the request and the clock come in through `CheckInQueueDeps`, so
// unit tests run it in Node (see tests/miniapp/unit/checkin-queue.test.ts).
import type { CheckInOutcome, CheckInSyncMutation, OfflineScanInput } from '../gql/graphql'
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

/** How long ago (ms) the entry was answered, or scanned if never answered. */
function ageOf(entry: QueuedScan, now: Date): number {
  return now.getTime() - Date.parse(entry.settledAt ?? entry.scannedAt)
}

/**
 * Keeps storage small: pending entries always stay (until answered). Refusals stay until
 * dismissed, but no longer than a few days: nobody reopens a door screen days later to read
 * them, and the check-in window has closed by then. Answered ones are kept for a few days, the
 * latest KEEP_SETTLED of them.
 */
export function pruneSettled(entries: ReadonlyArray<QueuedScan>, now: Date): QueuedScan[] {
  const settled = entries
    .filter((e) => e.state === 'done' || e.state === 'already')
    .filter((e) => ageOf(e, now) < KEEP_SETTLED_MS)
    .sort((a, b) => (b.settledAt ?? '').localeCompare(a.settledAt ?? ''))
    .slice(0, KEEP_SETTLED)
  const kept = new Set(settled.map((e) => e.clientScanId))
  return entries.filter(
    (e) => e.state === 'pending' || (e.state === 'refused' && ageOf(e, now) < KEEP_SETTLED_MS) || kept.has(e.clientScanId),
  )
}

/** Whether `userId` has anything waiting to be sent, any lecture. */
export function hasPending(entries: ReadonlyArray<QueuedScan>, userId: string | null | undefined): boolean {
  return !!userId && entries.some((e) => e.state === 'pending' && e.userId === userId)
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

/**
 * Which scan of the batch a refused request names, if it names one: a field `scans.N…` in the
 * server's field list (BAD_USER_INPUT `extensions.fields`), or `scans[N]` in a message (how a
 * value the schema cannot take is reported). Null when the request as a whole was refused (an old
 * app after a schema change): then no scan is at fault and none may be given up. A schema change
 * makes every scan of the batch invalid alike, so an error naming all of them names none.
 */
export function scanNamedBy(error: unknown, batchSize: number): number | null {
  const e = error as { code?: unknown; errors?: ReadonlyArray<{ message?: unknown; extensions?: { fields?: unknown } }> } | null
  if (e?.code !== 'BAD_USER_INPUT') return null
  const named: number[] = []
  const add = (index: number) => {
    if (index < batchSize && !named.includes(index)) named.push(index)
  }
  const problems = e.errors ?? []
  problems.forEach((problem) => {
    const fields = problem?.extensions?.fields
    if (Array.isArray(fields)) {
      fields.forEach((f: { field?: unknown }) => {
        const match = typeof f?.field === 'string' ? /^scans\.(\d+)(?:\.|$)/.exec(f.field) : null
        if (match) add(Number(match[1]))
      })
    }
    const text = typeof problem?.message === 'string' ? problem.message : ''
    const inMessage = /\bscans\[(\d+)\]/g
    for (let match = inMessage.exec(text); match; match = inMessage.exec(text)) add(Number(match[1]))
  })
  return named.length > 0 && named.length < batchSize ? Math.min(...named) : null
}

/** What the lecturer reads when the server refused the whole request without naming a scan. */
const REQUEST_REFUSED = '服务器暂不接受这批签到，请更新小程序后再同步'

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
  // Old refusals and answers go at the first read too, not only after the next answer arrives.
  const store = createStore<QueuedScan[]>(() => pruneSettled(sanitiseStored(deps.load()), now()))
  let running: Promise<SyncReport> | null = null

  const commit = (update: (entries: QueuedScan[]) => QueuedScan[]) => {
    store.set((entries) => update(entries))
    deps.save(store.get())
  }

  /**
   * Sends `batch`. A request refused for bad input that names one scan (scans.N) refuses that
   * scan on the phone and sends the rest again; refused without naming one, it fails as a whole
   * and every scan stays pending (the scans may be fine: the app may be older than the server).
   */
  async function sendBatch(batch: QueuedScan[]): Promise<number> {
    try {
      const results = await deps.send(batch.map(toScanInput))
      commit((entries) => pruneSettled(applyResults(entries, results, now()), now()))
      const sent = new Set(batch.map((e) => e.clientScanId))
      return results.filter((r) => r.clientScanId && sent.has(r.clientScanId) && !isRetryLater(r)).length
    } catch (error) {
      const named = scanNamedBy(error, batch.length)
      if (named === null) throw error
      const bad = batch[named]
      commit((entries) => refuseLocally(entries, new Set([bad.clientScanId]), '入场信息有误，服务器不接受', 'BAD_USER_INPUT', now()))
      const rest = batch.filter((_, i) => i !== named)
      return 1 + (rest.length > 0 ? await sendBatch(rest) : 0)
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
        const code = e?.code ?? 'INTERNAL_SERVER_ERROR'
        return { status: 'failed', answered, code, message: code === 'BAD_USER_INPUT' ? REQUEST_REFUSED : e?.message ?? '' }
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
