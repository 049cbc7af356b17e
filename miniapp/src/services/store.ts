// A tiny observable value: module-level state that every mounted page follows (session,
// preferences). Pure, so unit tests can use it without Taro.

export interface Store<T> {
  get(): T
  set(next: T | ((current: T) => T)): void
  subscribe(listener: (value: T) => void): () => void
}

/** `load` runs on first read, not at import: storage is read once the platform is up. */
export function createStore<T>(load: () => T): Store<T> {
  let loaded = false
  let value: T
  const listeners = new Set<(value: T) => void>()
  const get = () => {
    if (!loaded) {
      value = load()
      loaded = true
    }
    return value
  }
  return {
    get,
    set(next) {
      const updated = typeof next === 'function' ? (next as (current: T) => T)(get()) : next
      if (Object.is(updated, value)) return
      value = updated
      listeners.forEach((listener) => listener(updated))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
