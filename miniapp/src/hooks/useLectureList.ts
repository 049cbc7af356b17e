import { useCallback, useEffect, useRef, useState } from 'react'
import { LecturesDocument, type LectureFilter, type VenueType } from '../gql/graphql'
import type { LectureSummary } from '../components/LectureCard'
import { request, messageOf } from '../services/graphql'

export const PAGE_SIZE = 10

export interface LectureListState {
  status: 'loading' | 'ready' | 'error'
  items: LectureSummary[]
  totalCount: number
  endCursor: string | null
  hasNextPage: boolean
  /** Message of a failed first page. */
  error: string | null
  loadingMore: boolean
  /** Message of a failed next page; the items already shown stay. */
  moreError: string | null
}

const LOADING: LectureListState = {
  status: 'loading',
  items: [],
  totalCount: 0,
  endCursor: null,
  hasNextPage: false,
  error: null,
  loadingMore: false,
  moreError: null,
}

function appendUnique(items: LectureSummary[], more: LectureSummary[]): LectureSummary[] {
  // A lecture published between two pages can shift the window by one: never show it twice.
  const seen = new Set(items.map((item) => item.id))
  return items.concat(more.filter((item) => !seen.has(item.id)))
}

/**
 * Upcoming lectures for a venue type and county, paged by cursor.
 * Every filter change starts a new "generation"; answers that arrive for an older
 * generation are dropped, so a slow reply to an old chip never overwrites the new list.
 */
export function useLectureList(venueType: VenueType | null, countyCode: string | null) {
  const [state, setState] = useState<LectureListState>(LOADING)
  const stateRef = useRef(state)
  stateRef.current = state

  const generation = useRef(0)
  const busy = useRef(false)
  // The filter of the current generation, "from" included, so every page asks the same question.
  const filterRef = useRef<LectureFilter>({})

  const reload = useCallback(async () => {
    const gen = ++generation.current
    const filter: LectureFilter = { from: new Date().toISOString() }
    if (venueType) filter.venueType = venueType
    if (countyCode) filter.countyCode = countyCode
    filterRef.current = filter
    busy.current = true
    setState(LOADING)
    try {
      const { lectures } = await request(LecturesDocument, { first: PAGE_SIZE, filter })
      if (gen !== generation.current) return
      setState({
        ...LOADING,
        status: 'ready',
        items: lectures.edges.map((edge) => edge.node),
        totalCount: lectures.totalCount,
        endCursor: lectures.pageInfo.endCursor,
        hasNextPage: lectures.pageInfo.hasNextPage,
      })
    } catch (error) {
      if (gen !== generation.current) return
      setState({ ...LOADING, status: 'error', error: messageOf(error) })
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [venueType, countyCode])

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (busy.current || current.status !== 'ready' || !current.hasNextPage || !current.endCursor) return
    const gen = generation.current
    busy.current = true
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const { lectures } = await request(LecturesDocument, {
        first: PAGE_SIZE,
        after: current.endCursor,
        filter: filterRef.current,
      })
      if (gen !== generation.current) return
      setState((prev) => ({
        ...prev,
        items: appendUnique(prev.items, lectures.edges.map((edge) => edge.node)),
        totalCount: lectures.totalCount,
        endCursor: lectures.pageInfo.endCursor,
        hasNextPage: lectures.pageInfo.hasNextPage,
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
    void reload()
  }, [reload])

  return { ...state, reload, loadMore }
}
