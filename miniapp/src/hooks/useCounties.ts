import { useCallback, useEffect, useRef, useState } from 'react'
import { CountiesDocument } from '../gql/graphql'
import type { CountyOption, CountiesStatus } from '../components/CountyPicker'
import { request } from '../services/graphql'

/**
 * The county list for the picker. A failure does not block the lecture list (全市 still works);
 * the picker says the counties failed and retries when tapped, and so does a pull-down refresh.
 * A list that loaded once is kept when a later retry fails.
 */
export function useCounties() {
  const [counties, setCounties] = useState<CountyOption[]>([])
  const [status, setStatus] = useState<CountiesStatus>('loading')
  const latest = useRef(0)

  const load = useCallback(async () => {
    const call = ++latest.current
    setStatus('loading')
    try {
      const data = await request(CountiesDocument)
      if (call !== latest.current) return
      setCounties(data.counties)
      setStatus('ready')
    } catch {
      if (call !== latest.current) return
      setStatus('failed')
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return { counties, status, failed: status === 'failed', retry: load }
}
