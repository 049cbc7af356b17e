// The phone's one check-in queue (services/checkin-queue.ts) wired to Taro: kept in storage, sent
// with syncCheckIns, and sent again by itself when the network comes back, while the app runs.
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { CheckInSyncDocument } from '../../packages/lecturer/gql/graphql'
import { createCheckInQueue, entriesOf, type CheckInQueue, type QueuedScan, type SyncReport } from '../../services/checkin-queue'
import { request } from '../../services/graphql'
import { sessionStore } from '../../services/session'
import { createStore } from '../../services/store'
import { readStored, writeStored } from '../../services/storage'
import { useStore } from '../../hooks/useStore'

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

let watching = false

/**
 * From the first check-in screen on, for the rest of the app's run: the network coming back sends
 * what waits (WeChat's network event; in a browser also the window's `online` event, which is what
 * a browser fires reliably).
 */
export function watchNetwork(): void {
  if (watching) return
  watching = true
  const changed = (connected: boolean) => {
    syncStatusStore.set((s) => ({ ...s, online: connected }))
    if (connected) void syncNow()
  }
  Taro.onNetworkStatusChange((res) => changed(res.isConnected))
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', () => changed(true))
    window.addEventListener('offline', () => changed(false))
    changed(navigator.onLine)
  } else {
    Taro.getNetworkType()
      .then((res) => syncStatusStore.set((s) => ({ ...s, online: res.networkType !== 'none' })))
      .catch(() => undefined)
  }
}

/** The queue's entries for one lecture, grouped, following every change. */
export function useLectureQueue(lectureId: string): { pending: QueuedScan[]; refused: QueuedScan[]; answered: QueuedScan[] } {
  const entries = useStore(checkInQueue.store)
  return useMemo(() => group(entries, lectureId), [entries, lectureId])
}

function group(entries: QueuedScan[], lectureId: string) {
  const answered = [...entriesOf(entries, lectureId, 'done'), ...entriesOf(entries, lectureId, 'already')].sort((a, b) =>
    (b.settledAt ?? '').localeCompare(a.settledAt ?? ''),
  )
  return {
    pending: entriesOf(entries, lectureId, 'pending'),
    refused: entriesOf(entries, lectureId, 'refused'),
    answered,
  }
}

/** Every pending scan of the signed-in account, all lectures (for 讲师工作台). */
export function usePendingCount(): number {
  const entries = useStore(checkInQueue.store)
  const userId = useStore(sessionStore).user?.id
  return entries.filter((e) => e.state === 'pending' && e.userId === userId).length
}
