// Pure helpers for page parameters: no Taro import, so unit tests can load them in Node.

/**
 * A page parameter decoded, or `undefined` when it is missing or not valid percent-encoding
 * (a shared link cut short, e.g. "%E0%A4%A"): decodeURIComponent throws on those.
 */
export function decodeRouteParam(value: string | undefined | null): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}
