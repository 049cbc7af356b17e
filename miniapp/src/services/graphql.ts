import Taro from '@tarojs/taro'
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'

/**
 * A generated operation: its text, typed with its result and variables. Structural, because the
 * main package and each sub-package generate documents of their own (see codegen.ts).
 */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string }
import { RefreshSessionDocument, type RefreshSessionMutation } from '../gql/graphql'
import { ApiError, interpretResponse, type Transport } from './errors'
import { currentToken, expireSession, settleRefresh, tokenDueForRefresh } from './session'

export { ApiError, errorMessage, messageOf } from './errors'
export type { ApiErrorCode } from './errors'

// API_URL is a build-time constant (config/index.ts): '/graphql' on H5, absolute on weapp.
const ENDPOINT: string = API_URL

// Slow rural networks: give a request a fair chance before telling the user to retry.
const TIMEOUT_MS = 15000

const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/

/** The operation's own name, so server logs and tests can tell requests apart. */
export function operationNameOf(query: string): string | undefined {
  return OPERATION_NAME.exec(query)?.[1]
}

// Variables are optional only when the operation declares none.
type VariablesArg<V> = [V] extends [Record<string, never>] ? [variables?: V] : [variables: V]

async function send(query: string, variables: unknown, token: string | null): Promise<Transport> {
  const header: Record<string, string> = { 'content-type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  try {
    const res = await Taro.request({
      url: ENDPOINT,
      method: 'POST',
      header,
      data: { query, variables: variables ?? {}, operationName: operationNameOf(query) },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
    return { kind: 'response', status: res.statusCode, body: res.data }
  } catch (error) {
    return { kind: 'network', error }
  }
}

/** Signs in again without the reader (WeChat's silent login); true when a new session was saved. */
type SignInAgain = () => Promise<boolean>

let signInAgain: SignInAgain | null = null

/** auth.ts registers WeChat's silent sign-in here (it imports this file, so not the other way round). */
export function setSignInAgain(signIn: SignInAgain | null): void {
  signInAgain = signIn
}

/**
 * The one way the app talks to the server. Sends the session token when there is one.
 * Resolves with the typed `data`, or rejects with an ApiError whose `message` can be shown as is.
 *
 * A token the server refuses (expired, signed with an old secret, ended because the account's role
 * changed) is forgotten. The mini program signs in again with WeChat by itself, so a household or
 * a newly made lecturer is never asked to; H5 asks the reader. The request is then sent once more,
 * with the new token or without one, so what anyone may read (the lecture list, a lecture) still
 * shows, and what needs a session fails as UNAUTHENTICATED.
 */
export async function request<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TResult> {
  const query = document.toString()
  const token = currentToken()
  let result = interpretResponse<TResult>(await send(query, variables, token))
  if ('error' in result && result.error.code === 'UNAUTHENTICATED' && token) {
    // Only the token that was refused: a sign-in that finished meanwhile is used as it is.
    expireSession(token)
    // No token now: this request, or another of the page's requests refused a moment earlier,
    // ended the session. All of them wait for the one silent sign-in (auth.ts shares a single
    // attempt), so none is resent without a token while it is on its way.
    if (currentToken() === null && signInAgain) await signInAgain()
    result = interpretResponse<TResult>(await send(query, variables, currentToken()))
  }
  if ('error' in result) throw result.error
  if (token) void refreshIfDue()
  return result.data
}

let refreshing = false

/**
 * A session in use is traded for a fresh one once past half its life, in the background, so a
 * household who opens the app every few days is never asked to sign in. A failed refresh keeps
 * the old token, which works until it expires.
 */
async function refreshIfDue(): Promise<void> {
  const token = tokenDueForRefresh()
  if (!token || refreshing) return
  refreshing = true
  try {
    const result = interpretResponse<RefreshSessionMutation>(await send(RefreshSessionDocument.toString(), {}, token))
    settleRefresh(token, 'error' in result ? null : result.data.refreshSession)
  } finally {
    refreshing = false
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
