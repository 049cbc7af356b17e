import { useCallback, useEffect, useState } from 'react'
import { CountiesDocument } from '../gql/graphql'
import type { CountyOption } from '../components/CountyPicker'
import { request } from '../services/graphql'

/**
 * The county list for the picker. A failure is not shown on its own: the picker
 * still offers 全市 and the list works; `retry` is called with the list's 重试.
 */
export function useCounties() {
  const [counties, setCounties] = useState<CountyOption[]>([])
  const [failed, setFailed] = useState(false)

  const load = useCallback(async () => {
    try {
      const data = await request(CountiesDocument)
      setCounties(data.counties)
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return { counties, failed, retry: load }
}
