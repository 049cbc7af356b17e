// Error vocabulary of the client. Pure (no Taro import) so it can be unit-tested in Node.

/** The server's codes (extensions.code) plus one for failures that never reached it. */
export type ApiErrorCode =
  | 'NETWORK_ERROR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'

// Short, plain sentences: many readers are grandparents; no codes or jargon on screen.
const MESSAGES: Record<ApiErrorCode, string> = {
  NETWORK_ERROR: '网络不太好，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限，请联系工作人员',
  BAD_USER_INPUT: '输入有误，请检查后再试',
  NOT_FOUND: '没有找到',
  CONFLICT: '信息有变化，请刷新后再试',
  INTERNAL_SERVER_ERROR: '服务器开小差了，请稍后再试',
}

const KNOWN_CODES = new Set<string>(Object.keys(MESSAGES))

// An INTERNAL_SERVER_ERROR with `extensions.retryable: true` is a dependency that is down or busy
// for a while (WeChat sign-in, say). The server's own message is English and names the service,
// so it stays in `errors` for the logs; the reader is told plainly that waiting a little helps.
const RETRYABLE_MESSAGE = '服务暂时繁忙，请过一两分钟再试'

/**
 * Whose budget ran out (`extensions.scope`): the reader's own ('user'), or the one everyone behind
 * the same address shares ('ip': a village or carrier network in the booking storm). null: not said
 * (a proxy's own 429).
 */
export type RateLimitScope = 'user' | 'ip'

export interface RateLimit {
  /** Seconds until trying again may work; 0 when not known. */
  retryAfterSeconds: number
  scope: RateLimitScope | null
}

/** A wait in plain words, rounded up: seconds, minutes, then hours (never "1440 分钟"). */
function waitInWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`
  const minutes = Math.ceil(seconds / 60)
  return minutes < 60 ? `${minutes} 分钟` : `${Math.ceil(seconds / 3600)} 小时`
}

// Too many attempts in a short time (FORBIDDEN with `extensions.reason: 'RATE_LIMITED'`, HTTP 429):
// not "no permission", which would send a grandparent to the staff for nothing; say how long to
// wait. Only the reader's own budget is put as theirs: a grandparent who tapped once behind a busy
// village address is told it is busy, not that they tapped too often. The server's messages are
// the same sentences (server/src/errors.ts `rateLimited`): change both together.
export function rateLimitedMessage({ retryAfterSeconds, scope }: RateLimit): string {
  const wait = retryAfterSeconds >= 1 ? ` ${waitInWords(retryAfterSeconds)}后` : '稍后'
  return scope === 'user' ? `您操作得有点快，请${wait}再试` : `现在使用的人比较多，请${wait}再试`
}

/** Friendly Chinese message for a code; anything unknown reads as a server problem. */
export function errorMessage(code: string | undefined | null): string {
  return code && KNOWN_CODES.has(code) ? MESSAGES[code as ApiErrorCode] : MESSAGES.INTERNAL_SERVER_ERROR
}

export interface GraphQLErrorPayload {
  message?: string
  path?: ReadonlyArray<string | number>
  extensions?: { code?: string; [key: string]: unknown }
}

export class ApiError extends Error {
  /** For the program: branch on this, never on the message. */
  readonly code: ApiErrorCode
  /** HTTP status when an answer arrived; 0 when the network failed. */
  readonly status: number
  /** The raw GraphQL errors, for logging and field-level hints (BAD_USER_INPUT lists fields). */
  readonly errors: ReadonlyArray<GraphQLErrorPayload>
  /** The server says trying again later may work (a dependency is briefly unavailable). */
  readonly retryable: boolean
  /** Set when the server refused for too many attempts: seconds until trying again may work. */
  readonly retryAfterSeconds: number | null
  /** With retryAfterSeconds: whose budget ran out (null when the answer did not say). */
  readonly rateLimitScope: RateLimitScope | null

  constructor(
    code: ApiErrorCode,
    status = 0,
    errors: ReadonlyArray<GraphQLErrorPayload> = [],
    retryable = false,
    rateLimit: RateLimit | null = null,
  ) {
    super(rateLimit ? rateLimitedMessage(rateLimit) : retryable ? RETRYABLE_MESSAGE : errorMessage(code))
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.errors = errors
    this.retryable = retryable
    this.retryAfterSeconds = rateLimit ? rateLimit.retryAfterSeconds : null
    this.rateLimitScope = rateLimit ? rateLimit.scope : null
    // Keep instanceof working when compiled down to ES5 classes.
    Object.setPrototypeOf(this, ApiError.prototype)
  }
}

// The server sends only the codes above (its error formatter maps everything else, e.g.
// type-graphql's UNAUTHORIZED, before it leaves), so anything else is a server problem.
function normaliseCode(code: unknown): ApiErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ApiErrorCode) : 'INTERNAL_SERVER_ERROR'
}

/** What the transport handed back: an HTTP answer, or a failure before any answer. */
export type Transport =
  | { kind: 'network'; error?: unknown }
  | { kind: 'response'; status: number; body: unknown }

const GATEWAY_BUSY = new Set([502, 503, 504])

function graphQLErrorsOf(body: unknown): GraphQLErrorPayload[] {
  if (!body || typeof body !== 'object') return []
  const errors = (body as { errors?: unknown }).errors
  return Array.isArray(errors) ? (errors as GraphQLErrorPayload[]) : []
}

/**
 * Turns one transport outcome into either the `data` object or an ApiError.
 * Returns `{ data }` on success so a `null` field (e.g. lecture not found) stays data.
 */
export function interpretResponse<T>(outcome: Transport): { data: T } | { error: ApiError } {
  if (outcome.kind === 'network') return { error: new ApiError('NETWORK_ERROR') }

  const { status, body } = outcome
  const errors = graphQLErrorsOf(body)
  if (errors.length > 0) {
    // The first error decides: GraphQL lists the one that stopped execution first.
    const code = normaliseCode(errors[0].extensions?.code)
    const retryable = code === 'INTERNAL_SERVER_ERROR' && errors[0].extensions?.retryable === true
    if (errors[0].extensions?.reason === 'RATE_LIMITED') {
      const wait = Number(errors[0].extensions.retryAfterSeconds)
      const scope = errors[0].extensions.scope
      return {
        error: new ApiError(code, status, errors, false, {
          retryAfterSeconds: Number.isFinite(wait) && wait > 0 ? wait : 0,
          scope: scope === 'user' || scope === 'ip' ? scope : null,
        }),
      }
    }
    return { error: new ApiError(code, status, errors, retryable) }
  }
  if (status < 200 || status >= 300) {
    // A proxy's own 429 (no GraphQL body): still "too often", without a known wait.
    if (status === 429) return { error: new ApiError('FORBIDDEN', status, [], false, { retryAfterSeconds: 0, scope: null }) }
    if (status === 401) return { error: new ApiError('UNAUTHENTICATED', status) }
    if (status === 403) return { error: new ApiError('FORBIDDEN', status) }
    // Gateways answer 502/503/504 with HTML while the server restarts: waiting a little helps.
    return { error: new ApiError('INTERNAL_SERVER_ERROR', status, [], GATEWAY_BUSY.has(status)) }
  }
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined
  if (data === undefined || data === null) {
    return { error: new ApiError('INTERNAL_SERVER_ERROR', status) }
  }
  return { data: data as T }
}

/** Message to show for anything caught around a request, ApiError or not. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : errorMessage('INTERNAL_SERVER_ERROR')
}

/** Beside a form whose fields carry red hints: one sentence, the same on every form. */
export const FIX_FIELDS = '有几项需要改一下，请看红字提示。'

/**
 * The field paths an answer names, as the server sent them (`input.title`, `input.chapters.2.mediaUrl`):
 * `extensions.fields[].field` of BAD_USER_INPUT, or a single `extensions.field` (a CONFLICT naming
 * the field it is about). The forms turn them into Chinese beside each field; the server's own
 * messages are English and are not shown.
 */
export function fieldNamesOf(errors: ReadonlyArray<GraphQLErrorPayload>): string[] {
  const names: string[] = []
  for (const error of errors) {
    const fields = error.extensions?.fields
    if (Array.isArray(fields)) {
      for (const entry of fields as Array<{ field?: unknown }>) {
        if (typeof entry?.field === 'string' && entry.field) names.push(entry.field)
      }
    } else if (typeof error.extensions?.field === 'string' && error.extensions.field) {
      names.push(error.extensions.field)
    }
  }
  return names
}
