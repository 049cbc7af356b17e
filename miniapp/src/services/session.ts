// The one auth store: who is signed in, and the token every request carries. Storage and state
// only; the sign-in flows that talk to the server are in auth.ts (graphql.ts reads the token
// from here, so this file must not import graphql.ts).
import type { UserFieldsFragment } from '../gql/graphql'
import { createStore } from './store'
import { readStored, writeStored } from './storage'

export type SessionUser = UserFieldsFragment

export interface Session {
  token: string | null
  user: SessionUser | null
  /** signingIn: a sign-in is on its way (weapp signs in by itself at launch). */
  phase: 'signedOut' | 'signingIn' | 'signedIn'
  /** A sentence for the sign-in prompt: why the reader is signed out, or why sign-in failed. */
  notice: string | null
  /** The server cannot sign in with WeChat now (not configured, or WeChat is down). */
  wechatUnavailable: boolean
}

interface Stored {
  token: string
  expiresAt: string
  user: SessionUser
  /** Half way through the session's life: from then on it is refreshed while the app is in use. */
  refreshAfter?: string
}

/** A failed refresh is tried again this much later; the old token works until it expires. */
const REFRESH_RETRY_MS = 10 * 60 * 1000

/** When the session in use is due for a refresh (ms); null: no session. */
let refreshAfterMs: number | null = null

/** Half way from now to the expiry: a week-long session is refreshed after three and a half days. */
export function halfLifeOf(expiresAt: string, now = Date.now()): number {
  const ends = Date.parse(expiresAt)
  return Number.isNaN(ends) ? now : now + Math.max(0, ends - now) / 2
}

/** A session saved before sessions were refreshed carries no refreshAfter: it is refreshed in its last half-week. */
const LEGACY_REFRESH_WINDOW_MS = 3.5 * 24 * 3600 * 1000

function refreshDueOf(stored: Stored, now = Date.now()): number {
  const refreshAfter = Date.parse(stored.refreshAfter ?? '')
  if (!Number.isNaN(refreshAfter)) return refreshAfter
  // Not "now": its issue time is unknown, and trading a fresh token at once re-renders every page
  // that shows the session for nothing.
  const ends = Date.parse(stored.expiresAt ?? '')
  return Number.isNaN(ends) ? now : ends - LEGACY_REFRESH_WINDOW_MS
}

export const SESSION_STORAGE_KEY = 'fel.session'

const SIGNED_OUT: Session = { token: null, user: null, phase: 'signedOut', notice: null, wechatUnavailable: false }

function loadSession(): Session {
  const stored = readStored<Stored>(SESSION_STORAGE_KEY)
  if (!stored || typeof stored.token !== 'string' || !stored.token) return SIGNED_OUT
  // An expired token would only earn an UNAUTHENTICATED answer: start signed out instead.
  if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) return SIGNED_OUT
  refreshAfterMs = refreshDueOf(stored)
  return { ...SIGNED_OUT, token: stored.token, user: stored.user ?? null, phase: 'signedIn' }
}

export const sessionStore = createStore<Session>(loadSession)

export function currentToken(): string | null {
  return sessionStore.get().token
}

/** Keeps a new session, in storage too, so the next launch starts signed in. */
export function saveSession(token: string, expiresAt: string, user: SessionUser): void {
  refreshAfterMs = halfLifeOf(expiresAt)
  writeStored(SESSION_STORAGE_KEY, { token, expiresAt, user, refreshAfter: new Date(refreshAfterMs).toISOString() } satisfies Stored)
  sessionStore.set({ ...SIGNED_OUT, token, user, phase: 'signedIn' })
}

/** The token in use, when it is past half its life and so due to be traded for a fresh one. */
export function tokenDueForRefresh(now = Date.now()): string | null {
  const token = currentToken()
  return token && refreshAfterMs !== null && now >= refreshAfterMs ? token : null
}

/**
 * The answer to a refresh of `oldToken`: kept only if that token is still the one in use (a sign-in
 * or sign-out meanwhile wins). A failed refresh (null) keeps the old token and tries again later.
 */
export function settleRefresh(oldToken: string, fresh: { token: string; expiresAt: string; user: SessionUser } | null, now = Date.now()): void {
  if (currentToken() !== oldToken) return
  if (fresh) saveSession(fresh.token, fresh.expiresAt, fresh.user)
  else refreshAfterMs = now + REFRESH_RETRY_MS
}

/** The profile changed (updateProfile, me): the token stays. */
export function updateSessionUser(user: SessionUser): void {
  const stored = readStored<Stored>(SESSION_STORAGE_KEY)
  if (stored) writeStored(SESSION_STORAGE_KEY, { ...stored, user })
  sessionStore.set((session) => (session.token ? { ...session, user } : session))
}

/** Forgets the token; `notice` tells the reader why (e.g. the server no longer accepts it). */
export function clearSession(notice: string | null = null): void {
  refreshAfterMs = null
  writeStored(SESSION_STORAGE_KEY, null)
  sessionStore.set((session) => ({ ...SIGNED_OUT, notice, wechatUnavailable: session.wechatUnavailable }))
}

/** A token was refused: ask the reader to sign in again. */
export function expireSession(token: string): void {
  // Only the token that was refused: a sign-in that finished meanwhile stays.
  if (sessionStore.get().token !== token) return
  clearSession('登录已过期，请重新登录')
}

export function setSignInPhase(phase: 'signingIn' | 'signedOut', notice: string | null = null, wechatUnavailable = false): void {
  sessionStore.set((session) =>
    session.token ? session : { ...SIGNED_OUT, phase, notice, wechatUnavailable },
  )
}
