import { useCallback, useEffect, useRef, useState } from 'react'
import { LectureDetailDocument, type LectureDetailQuery } from '../gql/graphql'
import { request, messageOf, isApiError } from '../services/graphql'
import { useSession } from './useStore'

export type LectureDetail = NonNullable<LectureDetailQuery['lecture']>

export type LectureDetailState =
  | { status: 'loading' }
  | { status: 'ready'; lecture: LectureDetail; templateIds: string[] }
  | { status: 'notFound' }
  | { status: 'error'; message: string }

/**
 * One lecture by id, with the viewer's booking. A missing or malformed id reads as "not found",
 * not as a failure. Signing in or out loads it again (the booking is the viewer's).
 */
export function useLectureDetail(id: string | undefined) {
  const [state, setState] = useState<LectureDetailState>({ status: 'loading' })
  const latest = useRef(0)
  const ready = useRef(false)
  const { token } = useSession()

  /** `quietly`: keep showing what is there while asking (after booking, cancelling, signing in). */
  const load = useCallback(
    async (quietly = false) => {
      const call = ++latest.current
      if (!id) {
        setState({ status: 'notFound' })
        return
      }
      if (!(quietly && ready.current)) setState({ status: 'loading' })
      try {
        const { lecture, subscriptionTemplateIds } = await request(LectureDetailDocument, { id })
        if (call !== latest.current) return
        ready.current = Boolean(lecture)
        setState(lecture ? { status: 'ready', lecture, templateIds: subscriptionTemplateIds } : { status: 'notFound' })
      } catch (error) {
        if (call !== latest.current) return
        // After a quiet reload fails, what is shown stays (a booking result must not vanish).
        if (quietly && ready.current) return
        ready.current = false
        // The id is the only input: a server that rejects it (bad ObjectId) means "no such lecture".
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) {
          setState({ status: 'notFound' })
        } else {
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

  const reload = useCallback(() => load(false), [load])
  const refresh = useCallback(() => load(true), [load])
  return { state, reload, refresh }
}
