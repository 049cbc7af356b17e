import { useCallback, useEffect, useRef, useState } from 'react'
import { TicketDocument, type TicketQuery } from '../gql/graphql'
import { isApiError, messageOf, request } from '../services/graphql'
import { useSession } from './useStore'

export type TicketBooking = NonNullable<TicketQuery['booking']>

export type TicketState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'ready'; booking: TicketBooking }
  | { status: 'notFound' }
  | { status: 'notYours' }
  | { status: 'error'; message: string }

/**
 * One of the household's bookings with its ticket. Waits while the app is still signing in (a
 * subscribe message opens this page at launch), and loads again once signed in.
 */
export function useTicket(id: string | undefined) {
  const { token, phase } = useSession()
  const [state, setState] = useState<TicketState>({ status: 'loading' })
  const latest = useRef(0)

  const load = useCallback(async () => {
    const call = ++latest.current
    if (!id) return setState({ status: 'notFound' })
    if (!token) return setState(phase === 'signingIn' ? { status: 'loading' } : { status: 'signedOut' })
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }))
    try {
      const { booking } = await request(TicketDocument, { id })
      if (call !== latest.current) return
      setState(booking ? { status: 'ready', booking } : { status: 'notFound' })
    } catch (error) {
      if (call !== latest.current) return
      if (isApiError(error) && error.code === 'FORBIDDEN') setState({ status: 'notYours' })
      else if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) setState({ status: 'notFound' })
      else if (isApiError(error) && error.code === 'UNAUTHENTICATED') setState({ status: 'signedOut' })
      else setState({ status: 'error', message: messageOf(error) })
    }
  }, [id, token, phase])

  useEffect(() => {
    void load()
  }, [load])

  /** Shows a booking the page already has (e.g. just cancelled) without asking again. */
  const replace = useCallback((booking: TicketBooking) => setState({ status: 'ready', booking }), [])

  return { state, reload: load, replace }
}
