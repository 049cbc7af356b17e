// Helpers for pages and the page stack, free of the Taro runtime so unit tests load them in Node.

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

/** The page-stack calls of `Taro` that navigateBackOr uses (Taro itself is passed in: see below). */
export interface PageStack {
  getCurrentPages(): ReadonlyArray<unknown>
  navigateBack(option?: { delta?: number }): Promise<unknown>
  redirectTo(option: { url: string }): Promise<unknown>
}

/**
 * Back to the page that opened this one, or, when this page is the first (opened from a shared
 * link, a notice or a scan), to `url` instead. Pass `Taro`: `navigateBackOr(HOME, Taro)`; taking it
 * as an argument keeps this file free of the Taro runtime, which does not load in Node's tests.
 */
export function navigateBackOr(url: string, pages: PageStack): void {
  if (pages.getCurrentPages().length > 1) void pages.navigateBack()
  else void pages.redirectTo({ url })
}
