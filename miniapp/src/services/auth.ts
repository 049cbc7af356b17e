// Signing in and out. The state lives in session.ts; this file talks to the server.
import Taro from '@tarojs/taro'
import { MeDocument, SignInForDevelopmentDocument, SignInWithWechatDocument, type Role } from '../gql/graphql'
import { developmentOpenId, developmentSignInFailure, needsProfile, wechatSignInFailure } from '../utils/signin'
import { request, setSignInAgain } from './graphql'
import { clearSession, saveSession, sessionStore, setSignInPhase, updateSessionUser, type SessionUser } from './session'
import { readStored, writeStored } from './storage'

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; message: string }

/** Mini program builds sign in with WeChat; H5 (a browser) offers the development sign-in. */
export const SIGNS_IN_WITH_WECHAT = process.env.TARO_ENV !== 'h5'

export const PROFILE_PAGE = '/packages/profile/index'

let wechatInFlight: Promise<SignInResult> | null = null

// A session the server ended (role changed, signed out everywhere, expired) is renewed silently.
if (SIGNS_IN_WITH_WECHAT) setSignInAgain(async () => (await signInWithWechat()).ok)

/** `Taro.login` → `signInWithWechat`. Concurrent calls (launch and a tap) share one attempt. */
export function signInWithWechat(): Promise<SignInResult> {
  if (!wechatInFlight) {
    wechatInFlight = wechatSignIn().finally(() => {
      wechatInFlight = null
    })
  }
  return wechatInFlight
}

async function wechatSignIn(): Promise<SignInResult> {
  setSignInPhase('signingIn')
  try {
    const { code } = await Taro.login()
    const { signInWithWechat: payload } = await request(SignInWithWechatDocument, { code })
    saveSession(payload.token, payload.expiresAt, payload.user)
    return { ok: true, user: payload.user }
  } catch (error) {
    const failure = wechatSignInFailure(error)
    setSignInPhase('signedOut', failure.message, failure.unavailable)
    return { ok: false, message: failure.message }
  }
}

/** The roles a demo visitor may try in the H5 体验登录 (an organizer here manages the whole city). */
export type DevelopmentRole = Extract<Role, 'PARENT' | 'LECTURER' | 'ORGANIZER'>

/** H5 体验登录: signs in the account named by what the reader typed, in the role they picked. */
export async function signInForDevelopment(name: string, role: DevelopmentRole = 'PARENT'): Promise<SignInResult> {
  const openId = developmentOpenId(name)
  if (!openId) return { ok: false, message: '请填写姓名或编号' }
  setSignInPhase('signingIn')
  try {
    const { signInForDevelopment: payload } = await request(SignInForDevelopmentDocument, { openId, role })
    saveSession(payload.token, payload.expiresAt, payload.user)
    return { ok: true, user: payload.user }
  } catch (error) {
    const message = developmentSignInFailure(error)
    setSignInPhase('signedOut', message)
    return { ok: false, message }
  }
}

export function signOut(): void {
  clearSession()
}

/** Refreshes the signed-in user from the server (a refused token signs out, see graphql.ts). */
export async function refreshUser(): Promise<SessionUser | null> {
  if (!sessionStore.get().token) return null
  const { me } = await request(MeDocument)
  updateSessionUser(me)
  return me
}

const PROFILE_OFFERED_KEY = 'fel.profileOffered'

/**
 * Opens 完善资料 once for a new account (no name yet); never again on this phone for that user,
 * whatever they chose there (以后再说 included): 我的 keeps a link to it.
 */
export function offerProfileOnce(user: SessionUser): void {
  if (!needsProfile(user)) return
  const offered = readStored<string[]>(PROFILE_OFFERED_KEY) ?? []
  if (offered.includes(user.id)) return
  writeStored(PROFILE_OFFERED_KEY, [...offered, user.id].slice(-20))
  void Taro.navigateTo({ url: `${PROFILE_PAGE}?first=1` })
}

/**
 * At launch: a mini program with no session signs in with WeChat by itself (no typing, no
 * buttons). Opened at the home page, a new account is then offered 完善资料; opened from a
 * message or a shared link, the reader is left where they meant to go.
 */
export function startSession(launchPath: string | undefined): void {
  if (!SIGNS_IN_WITH_WECHAT || sessionStore.get().token) return
  void signInWithWechat().then((result) => {
    if (result.ok && (!launchPath || launchPath.startsWith('pages/index/index'))) offerProfileOnce(result.user)
  })
}
