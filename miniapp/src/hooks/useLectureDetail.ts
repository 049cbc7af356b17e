import { useCallback, useEffect, useRef, useState } from 'react'
import { LectureDetailDocument, type LectureDetailQuery } from '../gql/graphql'
import { request, messageOf, isApiError } from '../services/graphql'

export type LectureDetail = NonNullable<LectureDetailQuery['lecture']>

export type LectureDetailState =
  | { status: 'loading' }
  | { status: 'ready'; lecture: LectureDetail }
  | { status: 'notFound' }
  | { status: 'error'; message: string }

/** One lecture by id. A missing or malformed id reads as "not found", not as a failure. */
export function useLectureDetail(id: string | undefined) {
  const [state, setState] = useState<LectureDetailState>({ status: 'loading' })
  const latest = useRef(0)

  const load = useCallback(async () => {
    const call = ++latest.current
    if (!id) {
      setState({ status: 'notFound' })
      return
    }
    setState({ status: 'loading' })
    try {
      const { lecture } = await request(LectureDetailDocument, { id })
      if (call !== latest.current) return
      setState(lecture ? { status: 'ready', lecture } : { status: 'notFound' })
    } catch (error) {
      if (call !== latest.current) return
      // The id is the only input: a server that rejects it (bad ObjectId) means "no such lecture".
      if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) {
        setState({ status: 'notFound' })
      } else {
        setState({ status: 'error', message: messageOf(error) })
      }
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  return { state, reload: load }
}
