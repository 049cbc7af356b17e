import { useEffect, useState } from 'react'
import type { Store } from '../services/store'
import { sessionStore, type Session } from '../services/session'
import { largeTextStore } from '../services/preferences'

/** The store's value, re-rendering when it changes (on every page that shows it). */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get)
  useEffect(() => {
    setValue(store.get()) // it may have changed between render and subscription
    return store.subscribe(setValue)
  }, [store])
  return value
}

export function useSession(): Session {
  return useStore(sessionStore)
}

export function useLargeText(): boolean {
  return useStore(largeTextStore)
}
