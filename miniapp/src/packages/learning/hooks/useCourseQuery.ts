import { useCallback, useEffect, useRef, useState } from 'react'
import { isApiError, messageOf } from '../../../services/graphql'
import { useSession } from '../../../hooks/useStore'

export type LoadState<T> =
  | { status: 'loading' }
  /** `fetchedAt`: when the request for `data` was sent (ms), to tell newer progress from older. */
  | { status: 'ready'; data: T; fetchedAt: number }
  | { status: 'notFound' }
  | { status: 'error'; message: string }

/**
 * One thing by id (a course, a certificate): loading, ready, not found (a missing or malformed id,
 * or null from the server) or failed. Asked again when the account changes (progress is the
 * viewer's): quietly when a guest signs in (the content stays, the progress fills in), from scratch
 * when an account signs out or another signs in (what is shown was someone else's).
 * `refresh` asks again keeping what is shown (coming back from a chapter).
 */
export function useCourseQuery<T>(id: string | undefined, fetch: (id: string) => Promise<T | null>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' })
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const latest = useRef(0)
  const session = useSession()
  const viewer = session.token ? session.user?.id ?? session.token : null

  const load = useCallback(
    async (quietly: boolean) => {
      const call = ++latest.current
      if (!id) {
        setState({ status: 'notFound' })
        return
      }
      if (!quietly) setState({ status: 'loading' })
      const fetchedAt = Date.now()
      try {
        const data = await fetchRef.current(id)
        if (call !== latest.current) return
        setState(data ? { status: 'ready', data, fetchedAt } : { status: 'notFound' })
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

  const shownFor = useRef<{ id: typeof id; viewer: string | null } | null>(null)
  useEffect(() => {
    const before = shownFor.current
    shownFor.current = { id, viewer }
    // The first load, another id, or an account signing out / another signing in: from scratch.
    void load(Boolean(before && before.id === id && before.viewer === null))
  }, [load, viewer])

  return {
    state,
    reload: useCallback(() => load(false), [load]),
    refresh: useCallback(() => load(true), [load]),
    /** Replace what is shown (e.g. the progress a save returned). */
    setData: useCallback(
      (update: (data: T) => T) => setState((s) => (s.status === 'ready' ? { ...s, data: update(s.data) } : s)),
      [],
    ),
  }
}
