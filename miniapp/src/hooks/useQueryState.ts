import { useCallback, useEffect, useReducer, useRef, type DependencyList } from 'react'
import { useDidShow } from '@tarojs/taro'
import { ApiError, messageOf } from '../services/errors'

/** One query's answer as a page shows it. */
export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'notFound' }
  | { status: 'error'; message: string }

export type QueryAction<T> =
  /** A request goes out; a quiet one keeps what is shown. */
  | { type: 'start'; quietly: boolean }
  /** The answer; null (nothing under that id) reads as not found. */
  | { type: 'answer'; data: T | null | undefined }
  /** The request failed: `notFound` when the error means "no such thing". */
  | { type: 'fail'; quietly: boolean; notFound: boolean; message: string }

/**
 * Pure: what the page shows next. A quiet request that fails keeps shown data on screen (coming
 * back to a page offline should not wipe it); "no such thing" is said even then, since what is
 * shown is gone.
 */
export function queryReducer<T>(state: QueryState<T>, action: QueryAction<T>): QueryState<T> {
  switch (action.type) {
    case 'start':
      return action.quietly ? state : { status: 'loading' }
    case 'answer':
      return action.data == null ? { status: 'notFound' } : { status: 'ready', data: action.data }
    case 'fail':
      if (action.notFound) return { status: 'notFound' }
      if (action.quietly && state.status === 'ready') return state
      return { status: 'error', message: action.message }
  }
}

/** Error codes that mean the id names nothing (deleted, or not an id at all). */
export function meansNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
}

export interface QueryOptions {
  /** Show NOT_FOUND / BAD_USER_INPUT errors as "not found" instead of an error with 重试. */
  notFoundOnMissing?: boolean
  /** The words for a failure; `messageOf` by default. */
  errorMessage?: (error: unknown) => string
  /** Ask again quietly each time the page shows again (back from another page). */
  refreshOnShow?: boolean
}

/** What a query that can never be "not found" (a list) shows. */
export type LoadedState<T> = Exclude<QueryState<T>, { status: 'notFound' }>

export interface QueryResult<S> {
  state: S
  /** Ask from scratch, the spinner first (重试). */
  reload: () => Promise<void>
  /** Ask quietly, keeping what is shown. */
  refresh: () => Promise<void>
}

/**
 * Loads one query into loading / ready / notFound / error. Asks from scratch on mount and whenever
 * `deps` change; only the latest request's answer is shown (a slow answer for an earlier segment or
 * id never overwrites a newer one). `reload` starts from the spinner (重试); `refresh` asks quietly,
 * keeping the shown data (pull-down, back from an editor). Both resolve when the answer is in.
 * A fetch that never answers null (a list), without `notFoundOnMissing`, is never "not found".
 */
export function useQueryState<T extends {}>(
  fetch: () => Promise<T>,
  deps: DependencyList,
  options?: QueryOptions & { notFoundOnMissing?: false },
): QueryResult<LoadedState<T>>
export function useQueryState<T>(fetch: () => Promise<T | null | undefined>, deps: DependencyList, options?: QueryOptions): QueryResult<QueryState<T>>
export function useQueryState<T>(fetch: () => Promise<T | null | undefined>, deps: DependencyList, options: QueryOptions = {}): QueryResult<QueryState<T>> {
  const [state, dispatch] = useReducer(queryReducer as (state: QueryState<T>, action: QueryAction<T>) => QueryState<T>, { status: 'loading' })
  // The latest fetch and options, so `load` stays stable and `deps` alone decide when to ask again.
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const optionsRef = useRef(options)
  optionsRef.current = options
  const latest = useRef(0)

  const load = useCallback(async (quietly: boolean) => {
    const call = ++latest.current
    dispatch({ type: 'start', quietly })
    try {
      const data = await fetchRef.current()
      if (call === latest.current) dispatch({ type: 'answer', data })
    } catch (error) {
      if (call !== latest.current) return
      const { notFoundOnMissing, errorMessage = messageOf } = optionsRef.current
      dispatch({ type: 'fail', quietly, notFound: Boolean(notFoundOnMissing) && meansNotFound(error), message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void load(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to ask again
  }, deps)

  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current && optionsRef.current.refreshOnShow) void load(true)
    shownBefore.current = true
  })

  return {
    state,
    reload: useCallback(() => load(false), [load]),
    refresh: useCallback(() => load(true), [load]),
  }
}
