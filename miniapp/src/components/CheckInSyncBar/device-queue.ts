// The phone's one check-in queue (services/checkin-queue.ts) wired to Taro: kept in storage, sent
// with syncCheckIns, and sent again when the app comes to the front (syncIfPending) or, from a
// door screen on, when the network comes back (door-queue.ts).
//
// The app entry calls syncIfPending() on every show, so this module is in the main package, which
// every first start downloads: keep it small. What only the door screen and 讲师工作台 need is in
// door-queue.ts and door.ts, which only the lecturer sub-package imports.
import { createCheckInQueue, hasPending, type CheckInQueue, type SyncReport } from '../../services/checkin-queue'
import { CheckInSyncDocument } from '../../gql/graphql'
import { request } from '../../services/graphql'
import { sessionStore } from '../../services/session'
import { createStore } from '../../services/store'
import { readStored, writeStored } from '../../services/storage'

const QUEUE_KEY = 'fel.checkinQueue'

export const checkInQueue: CheckInQueue = createCheckInQueue({
  load: () => readStored<unknown>(QUEUE_KEY),
  save: (entries) => writeStored(QUEUE_KEY, entries),
  send: async (scans) => (await request(CheckInSyncDocument, { scans })).syncCheckIns,
})

export interface SyncStatus {
  syncing: boolean
  /** What the last attempt found; null before the first. */
  last: SyncReport | null
  /** The phone says it has no network (null: unknown). */
  online: boolean | null
  /** Goes up whenever the server answered scans: counts shown anywhere are out of date then. */
  answers: number
}

export const syncStatusStore = createStore<SyncStatus>(() => ({ syncing: false, last: null, online: null, answers: 0 }))

/** Sends what the signed-in account has pending. Safe to call any time: syncs run one at a time. */
export async function syncNow(): Promise<SyncReport> {
  const userId = sessionStore.get().user?.id
  if (!userId) return { status: 'idle' }
  syncStatusStore.set((s) => ({ ...s, syncing: true }))
  try {
    const report = await checkInQueue.sync(userId)
    // A network failure says the phone is offline whatever the system reports (a hall's Wi-Fi
    // without internet); an answer says it is online.
    syncStatusStore.set((s) => ({
      ...s,
      last: report.status === 'idle' ? s.last : report,
      online: report.status === 'offline' ? false : report.status === 'idle' ? s.online : true,
      answers: report.status !== 'idle' && report.answered > 0 ? s.answers + 1 : s.answers,
    }))
    return report
  } finally {
    syncStatusStore.set((s) => ({ ...s, syncing: checkInQueue.isSyncing() }))
  }
}

/**
 * Sends the queue if the signed-in account has scans waiting; otherwise does nothing (no request,
 * no 正在同步). For the app coming to the front and pages that show the queue's count: scans made
 * offline before the app was closed go out as soon as there is signal, without opening a door
 * screen. Never throws.
 */
export function syncIfPending(): void {
  const userId = sessionStore.get().user?.id
  if (!hasPending(checkInQueue.store.get(), userId)) return
  syncNow().catch(() => undefined)
}

// An account signing in (the app's WeChat sign-in finishes after it showed, or someone signs in
// again after a lapse) sends what it left waiting; signing out forgets the door lists.
// (Storage is not read here, at import: the session is loaded on its first read.)
let lastToken: string | null | undefined
sessionStore.subscribe((session) => {
  if (session.token === lastToken) return
  lastToken = session.token
  if (session.token) syncIfPending()
  else forgetDesks()
})

// ------------------------------------------------------------------ door lists on the phone

/** The door lists kept per account (door-queue.ts reads and writes them). */
export const DESK_CACHE_KEY = 'fel.checkinDesks'
/** Lists kept by lecture only, before they were kept per account: never read, removed. */
export const OLD_DESK_CACHE_KEY = 'fel.checkinDesk'

/** Names and phone tails of households leave the phone with the account that loaded them. */
export function forgetDesks(): void {
  writeStored(DESK_CACHE_KEY, null)
  writeStored(OLD_DESK_CACHE_KEY, null)
}
