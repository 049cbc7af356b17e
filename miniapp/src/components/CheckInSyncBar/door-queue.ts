// The door screen's and 讲师工作台's view of the phone's check-in queue (device-queue.ts): the
// network watcher that sends it when signal returns, hooks that follow it, and the door lists kept
// on the phone. Imported by the lecturer sub-package only (device-queue.ts is in the main package).
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { useStore } from '../../hooks/useStore'
import { sessionStore } from '../../services/session'
import { readStored, writeStored } from '../../services/storage'
import { checkInQueue, DESK_CACHE_KEY, OLD_DESK_CACHE_KEY, syncNow, syncStatusStore } from './device-queue'
import { cachedDeskFor, lectureQueueView, withCachedDesk, type LectureQueueView } from './door'

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

/** The queue's entries for one lecture, for the account signed in, following every change. */
export function useLectureQueue(lectureId: string): LectureQueueView {
  const entries = useStore(checkInQueue.store)
  const userId = useStore(sessionStore).user?.id
  return useMemo(() => lectureQueueView(entries, lectureId, userId), [entries, lectureId, userId])
}

/** Every pending scan of the signed-in account, all lectures (for 讲师工作台). */
export function usePendingCount(): number {
  const entries = useStore(checkInQueue.store)
  const userId = useStore(sessionStore).user?.id
  return entries.filter((e) => e.state === 'pending' && e.userId === userId).length
}

// ------------------------------------------------------------------ door lists on the phone

const DESK_CACHE_SIZE = 3

/** The door list of `lectureId` the signed-in account kept on this phone, if any. */
export function cachedDesk<T>(lectureId: string): T | null {
  return cachedDeskFor<T>(readStored<unknown>(DESK_CACHE_KEY), sessionStore.get().user?.id, lectureId)
}

/** Keeps the door list for the signed-in account (its last few lectures only). */
export function cacheDesk<T>(lectureId: string, desk: T): void {
  const userId = sessionStore.get().user?.id
  if (!userId) return
  writeStored(DESK_CACHE_KEY, withCachedDesk(readStored<unknown>(DESK_CACHE_KEY), userId, lectureId, desk, Date.now(), DESK_CACHE_SIZE))
  writeStored(OLD_DESK_CACHE_KEY, null)
}
