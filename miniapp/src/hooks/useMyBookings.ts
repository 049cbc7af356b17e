import { useCallback, useEffect, useRef, useState } from 'react'
import { MyBookingsDocument, type BookingTime, type MyBookingsQuery } from '../gql/graphql'
import { messageOf, request } from '../services/graphql'

export type MyBooking = MyBookingsQuery['myBookings']['edges'][number]['node']

export const MY_BOOKINGS_PAGE_SIZE = 10

export interface MyBookingsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: MyBooking[]
  endCursor: string | null
  hasNextPage: boolean
  error: string | null
  loadingMore: boolean
  moreError: string | null
}

const EMPTY: MyBookingsState = {
  status: 'idle',
  items: [],
  endCursor: null,
  hasNextPage: false,
  error: null,
  loadingMore: false,
  moreError: null,
}

/**
 * The signed-in household's bookings, upcoming (soonest first) or past (latest first), a page at a
 * time. Nothing is asked while signed out. Answers for an older question (another segment, another
 * session) are dropped.
 */
export function useMyBookings(when: BookingTime, token: string | null) {
  const [state, setState] = useState<MyBookingsState>(EMPTY)
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const busy = useRef(false)

  /** `quietly`: keep the list on screen while asking (coming back to the tab). */
  const reload = useCallback(
    async (quietly = false) => {
      const gen = ++generation.current
      if (!token) {
        busy.current = false
        setState(EMPTY)
        return
      }
      busy.current = true
      if (!quietly || stateRef.current.status !== 'ready') setState({ ...EMPTY, status: 'loading' })
      try {
        const { myBookings } = await request(MyBookingsDocument, { when, first: MY_BOOKINGS_PAGE_SIZE })
        if (gen !== generation.current) return
        setState({
          ...EMPTY,
          status: 'ready',
          items: myBookings.edges.map((edge) => edge.node),
          endCursor: myBookings.pageInfo.endCursor,
          hasNextPage: myBookings.pageInfo.hasNextPage,
        })
      } catch (error) {
        if (gen !== generation.current) return
        if (quietly && stateRef.current.status === 'ready') return
        setState({ ...EMPTY, status: 'error', error: messageOf(error) })
      } finally {
        if (gen === generation.current) busy.current = false
      }
    },
    [when, token],
  )

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (busy.current || current.status !== 'ready' || !current.hasNextPage || !current.endCursor) return
    const gen = generation.current
    busy.current = true
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const { myBookings } = await request(MyBookingsDocument, { when, first: MY_BOOKINGS_PAGE_SIZE, after: current.endCursor })
      if (gen !== generation.current) return
      setState((prev) => {
        const seen = new Set(prev.items.map((item) => item.id))
        return {
          ...prev,
          items: prev.items.concat(myBookings.edges.map((edge) => edge.node).filter((item) => !seen.has(item.id))),
          endCursor: myBookings.pageInfo.endCursor,
          hasNextPage: myBookings.pageInfo.hasNextPage,
          loadingMore: false,
        }
      })
    } catch (error) {
      if (gen !== generation.current) return
      setState((prev) => ({ ...prev, loadingMore: false, moreError: messageOf(error) }))
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [when])

  useEffect(() => {
    void reload()
  }, [reload])

  return { ...state, reload, loadMore }
}
