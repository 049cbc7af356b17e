// Pure helpers for signing in: no Taro import, so unit tests can load them in Node.
import { ApiError, errorMessage } from '../services/errors'

export const WECHAT_UNAVAILABLE = '暂时不能用微信登录，您仍可以浏览讲座。请过一会儿再试。'
const WECHAT_FAILED = '微信登录没有成功，请再试一次'

export interface SignInFailure {
  message: string
  /** The server cannot sign anyone in with WeChat now: say so instead of offering a retry loop. */
  unavailable: boolean
}

/**
 * What to tell the reader when WeChat sign-in fails. The server answers INTERNAL_SERVER_ERROR
 * with `retryable` when WeChat sign-in is not configured or WeChat is busy or down.
 */
export function wechatSignInFailure(error: unknown): SignInFailure {
  if (!(error instanceof ApiError)) return { message: WECHAT_FAILED, unavailable: false }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    const said = error.errors[0]?.message ?? ''
    if (error.retryable || /not configured/i.test(said)) return { message: WECHAT_UNAVAILABLE, unavailable: true }
  }
  if (error.code === 'BAD_USER_INPUT') return { message: WECHAT_FAILED, unavailable: false }
  return { message: error.message || errorMessage(error.code), unavailable: false }
}

/** What to tell the reader when the development sign-in (H5 体验登录) fails. */
export function developmentSignInFailure(error: unknown): string {
  if (error instanceof ApiError) {
    // Too many sign-ins from this network is FORBIDDEN too, but passes: say how long to wait.
    if (error.retryAfterSeconds !== null) return error.message
    if (error.code === 'FORBIDDEN') return '体验登录已关闭'
    if (error.code === 'BAD_USER_INPUT') return '请填写姓名或编号'
    return error.message
  }
  return errorMessage('INTERNAL_SERVER_ERROR')
}

const OPEN_ID = /^[\w-]+$/
const MAX_OPEN_ID = 64

/**
 * The development sign-in's id for what the reader typed. The server accepts letters, digits,
 * `_` and `-` only (at most 64): such input is used as is, so the same name signs in the same
 * account; anything else (a Chinese name) becomes `u-` and the hex of its UTF-8 bytes.
 * Returns null for blank input.
 */
export function developmentOpenId(input: string): string | null {
  const name = input.trim()
  if (!name) return null
  if (OPEN_ID.test(name) && name.length <= MAX_OPEN_ID) return name
  let hex = ''
  for (const byte of utf8Bytes(name)) hex += byte.toString(16).padStart(2, '0')
  return `u-${hex}`.slice(0, MAX_OPEN_ID)
}

function utf8Bytes(text: string): number[] {
  // TextEncoder is missing on older mini program base libraries.
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
  }
  return bytes
}

/** A profile with no name yet: the reader has not set it up (a new account). */
export function needsProfile(user: { displayName?: string | null } | null | undefined): boolean {
  return !!user && !user.displayName?.trim()
}
