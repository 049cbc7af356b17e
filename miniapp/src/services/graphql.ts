import Taro from '@tarojs/taro'
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'

/**
 * A generated operation: its text, typed with its result and variables. Structural, because the
 * main package and each sub-package generate documents of their own (see codegen.ts).
 */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string }
import { ApiError, interpretResponse, type Transport } from './errors'
import { currentToken, expireSession } from './session'

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

/**
 * The one way the app talks to the server. Sends the session token when there is one.
 * Resolves with the typed `data`, or rejects with an ApiError whose `message` can be shown as is.
 *
 * A token the server refuses (expired, signed with an old secret) is forgotten and the reader is
 * asked to sign in again; the request is then sent once more without it, so what anyone may read
 * (the lecture list, a lecture) still shows, and what needs a session fails as UNAUTHENTICATED.
 */
export async function request<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TResult> {
  const query = document.toString()
  const token = currentToken()
  let result = interpretResponse<TResult>(await send(query, variables, token))
  if ('error' in result && result.error.code === 'UNAUTHENTICATED' && token) {
    expireSession(token)
    result = interpretResponse<TResult>(await send(query, variables, null))
  }
  if ('error' in result) throw result.error
  return result.data
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
