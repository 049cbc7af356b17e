import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../../../services/graphql'
import { appendUniqueById } from '../utils/learning'

/** One page of a cursor-paged connection, flattened. */
export interface CursorPage<T> {
  items: T[]
  totalCount: number
  endCursor: string | null
  hasNextPage: boolean
}

export interface CursorPagesState<T> {
  status: 'loading' | 'ready' | 'error'
  items: T[]
  totalCount: number
  endCursor: string | null
  hasNextPage: boolean
  /** Message of a failed first page. */
  error: string | null
  loadingMore: boolean
  /** Message of a failed next page; what is shown stays. */
  moreError: string | null
}

function loading<T>(): CursorPagesState<T> {
  return { status: 'loading', items: [], totalCount: 0, endCursor: null, hasNextPage: false, error: null, loadingMore: false, moreError: null }
}

/**
 * Any cursor-paged list (the same behaviour as the home page's lecture list, for any query):
 * `fetchPage(after)` asks for one page; a change of `key` (the filters, as a string) starts a new
 * generation, and answers for an older generation are dropped, so a slow reply to an old filter
 * never overwrites the new list. `fetchPage` may change on every render: the latest is used.
 * `enabled` false: nothing is asked (e.g. a section hidden for now).
 */
export function useCursorPages<T extends { id: string }>(
  key: string,
  fetchPage: (after: string | null) => Promise<CursorPage<T>>,
  enabled = true,
) {
  const [state, setState] = useState<CursorPagesState<T>>(loading)
  const stateRef = useRef(state)
  stateRef.current = state
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)
  const busy = useRef(false)

  /** `quietly`: keep the list on screen while asking (pull-down refresh, coming back). */
  const reload = useCallback(
    async (quietly = false) => {
      const gen = ++generation.current
      busy.current = true
      if (!quietly || stateRef.current.status !== 'ready') setState(loading<T>())
      try {
        const page = await fetchRef.current(null)
        if (gen !== generation.current) return
        setState({ ...loading<T>(), status: 'ready', ...page })
      } catch (error) {
        if (gen !== generation.current) return
        // A quiet refresh that fails leaves the list as it was.
        if (quietly && stateRef.current.status === 'ready') return
        setState({ ...loading<T>(), status: 'error', error: messageOf(error) })
      } finally {
        if (gen === generation.current) busy.current = false
      }
    },
    // `key` stands for everything fetchPage closes over (the filters).
    [key],
  )

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (busy.current || current.status !== 'ready' || !current.hasNextPage || !current.endCursor) return
    const gen = generation.current
    busy.current = true
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const page = await fetchRef.current(current.endCursor)
      if (gen !== generation.current) return
      setState((prev) => ({
        ...prev,
        items: appendUniqueById(prev.items, page.items),
        totalCount: page.totalCount,
        endCursor: page.endCursor,
        hasNextPage: page.hasNextPage,
        loadingMore: false,
      }))
    } catch (error) {
      if (gen !== generation.current) return
      setState((prev) => ({ ...prev, loadingMore: false, moreError: messageOf(error) }))
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    if (enabled) void reload()
    else generation.current++ // drop anything still on its way
  }, [reload, enabled])

  return { ...state, reload, loadMore }
}
