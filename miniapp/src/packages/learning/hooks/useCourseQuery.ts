import { useCallback, useEffect, useRef, useState } from 'react'
import { isApiError, messageOf } from '../../../services/graphql'
import { useSession } from '../../../hooks/useStore'

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'notFound' }
  | { status: 'error'; message: string }

/**
 * One thing by id (a course, a certificate): loading, ready, not found (a missing or malformed id,
 * or null from the server) or failed. Asked again on signing in or out (progress is the viewer's).
 * `refresh` asks again keeping what is shown (coming back from a chapter).
 */
export function useCourseQuery<T>(id: string | undefined, fetch: (id: string) => Promise<T | null>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' })
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const latest = useRef(0)
  const { token } = useSession()

  const load = useCallback(
    async (quietly: boolean) => {
      const call = ++latest.current
      if (!id) {
        setState({ status: 'notFound' })
        return
      }
      if (!quietly) setState({ status: 'loading' })
      try {
        const data = await fetchRef.current(id)
        if (call !== latest.current) return
        setState(data ? { status: 'ready', data } : { status: 'notFound' })
      } catch (error) {
        if (call !== latest.current) return
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) {
          setState({ status: 'notFound' })
        } else if (!quietly) {
          setState({ status: 'error', message: messageOf(error) })
        }
      }
    },
    [id],
  )

  const first = useRef(true)
  useEffect(() => {
    void load(!first.current)
    first.current = false
  }, [load, token])

  return {
    state,
    reload: useCallback(() => load(false), [load]),
    refresh: useCallback(() => load(true), [load]),
    /** Replace what is shown (e.g. the progress a save returned). */
    setData: useCallback((update: (data: T) => T) => setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s)), []),
  }
}
