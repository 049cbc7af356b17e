import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `intervalMs`: a page left open while a lecture starts or
 * ends turns its badge to 进行中 or 已结束 without a reload.
 */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
