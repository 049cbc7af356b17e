/**
 * The mini program's session refresh (miniapp/src/services/session.ts + graphql.ts), in Node: a
 * session past half its life is traded for a fresh one after a request, once; a failed refresh
 * keeps the old token and waits before trying again; a fresh session is left alone.
 *
 * The "server" is a stand-in answering `Taro.request` (the real refreshSession is tested in
 * tests/server/sessions.test.ts; the silent WeChat sign-in after an ended session in the weapp
 * tests, tests/miniapp/lecturer.test.ts). Here: a page's parallel requests after an ended session
 * all wait for the one silent sign-in.
 */
import type { TypedDocument } from '../../../miniapp/src/services/graphql';

declare global {
  /** A build-time constant of the mini program (config/index.ts), set below. */
  const API_URL: string;
}

const storage = new Map<string, unknown>();
const requests: Array<{ operationName?: string; token: string | null }> = [];
let answerRefresh: (token: string | null) => { statusCode: number; data: unknown } = () => ({ statusCode: 500, data: {} });
/** Answers every other operation; by default a plain success. */
let answerOther: (operationName: string | undefined, token: string | null) => Promise<{ statusCode: number; data: unknown }> = async () => ({
  statusCode: 200,
  data: { data: { ok: true } },
});
let logins = 0;

jest.mock('../../../miniapp/node_modules/@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    request: async (options: { header: Record<string, string>; data: { operationName?: string } }) => {
      const token = options.header.Authorization?.replace(/^Bearer /, '') ?? null;
      requests.push({ operationName: options.data.operationName, token });
      if (options.data.operationName === 'RefreshSession') return answerRefresh(token);
      return answerOther(options.data.operationName, token);
    },
    login: async () => ({ code: `wx-code-${++logins}` }),
  },
}));

// A build-time constant of the mini program (config/index.ts).
(globalThis as any).API_URL = '/graphql';

const DAY = 24 * 3600 * 1000;
const USER = { id: 'u1', displayName: '王奶奶', countyCode: '350702', guardianKind: null, childrenAgeGroups: [], phone: null, role: 'PARENT' };
const PING = { toString: () => 'query Ping { ok }' } as unknown as TypedDocument<{ ok: boolean }, Record<string, never>>;

type Modules = {
  session: typeof import('../../../miniapp/src/services/session');
  graphql: typeof import('../../../miniapp/src/services/graphql');
  auth: typeof import('../../../miniapp/src/services/auth');
};

/** The app as launched with what storage holds now (module state is per launch). */
function launch(): Modules {
  let modules!: Modules;
  jest.isolateModules(() => {
    modules = {
      session: require('../../../miniapp/src/services/session'),
      graphql: require('../../../miniapp/src/services/graphql'),
      // Registers the silent WeChat sign-in with graphql.ts, as the mini program build does.
      auth: require('../../../miniapp/src/services/auth'),
    };
  });
  return modules;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const refreshes = () => requests.filter((r) => r.operationName === 'RefreshSession');

beforeEach(() => {
  storage.clear();
  requests.length = 0;
  logins = 0;
  answerOther = async () => ({ statusCode: 200, data: { data: { ok: true } } });
  jest.useRealTimers();
});

it('leaves a session in the first half of its life alone', async () => {
  const { session, graphql } = launch();
  session.saveSession('token-new', new Date(Date.now() + 7 * DAY).toISOString(), USER as any);
  await graphql.request(PING);
  await flush();
  expect(refreshes()).toHaveLength(0);
  expect(session.tokenDueForRefresh(Date.now() + 3.4 * DAY)).toBeNull();
  expect(session.tokenDueForRefresh(Date.now() + 3.6 * DAY)).toBe('token-new');
});

it('trades a session past half its life for a fresh one after a request, once, and keeps it across launches', async () => {
  const { session } = launch();
  session.saveSession('token-old', new Date(Date.now() + 7 * DAY).toISOString(), USER as any);
  // Four days later the app is opened again.
  jest.useFakeTimers({ now: Date.now() + 4 * DAY, doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
  const later = launch();
  const freshExpiry = new Date(Date.now() + 7 * DAY).toISOString();
  answerRefresh = (token) =>
    token === 'token-old'
      ? { statusCode: 200, data: { data: { refreshSession: { token: 'token-fresh', expiresAt: freshExpiry, user: USER } } } }
      : { statusCode: 200, data: { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] } };

  await Promise.all([later.graphql.request(PING), later.graphql.request(PING)]);
  await flush();
  await flush();
  expect(refreshes()).toEqual([{ operationName: 'RefreshSession', token: 'token-old' }]);
  expect(later.session.currentToken()).toBe('token-fresh');
  expect((storage.get(later.session.SESSION_STORAGE_KEY) as any).expiresAt).toBe(freshExpiry);

  // The next request carries the fresh token and refreshes nothing.
  await later.graphql.request(PING);
  await flush();
  expect(requests.at(-1)).toEqual({ operationName: 'Ping', token: 'token-fresh' });
  expect(refreshes()).toHaveLength(1);
  expect(launch().session.currentToken()).toBe('token-fresh');
});

it('keeps the old token when a refresh fails, and tries again only ten minutes later', async () => {
  const { session } = launch();
  session.saveSession('token-old', new Date(Date.now() + 7 * DAY).toISOString(), USER as any);
  jest.useFakeTimers({ now: Date.now() + 5 * DAY, doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
  const later = launch();
  answerRefresh = () => ({ statusCode: 502, data: 'Bad Gateway' });

  await later.graphql.request(PING);
  await flush();
  expect(refreshes()).toHaveLength(1);
  expect(later.session.currentToken()).toBe('token-old');
  await later.graphql.request(PING);
  await flush();
  expect(refreshes()).toHaveLength(1);
  expect(requests.at(-1)).toEqual({ operationName: 'Ping', token: 'token-old' });

  jest.setSystemTime(Date.now() + 11 * 60 * 1000);
  await later.graphql.request(PING);
  await flush();
  expect(refreshes()).toHaveLength(2);
  expect(later.session.currentToken()).toBe('token-old');
});

it('sends every request of a page, refused together after the session ended, again with the one new session', async () => {
  const { session, graphql, auth } = launch();
  expect(auth.SIGNS_IN_WITH_WECHAT).toBe(true);
  session.saveSession('token-ended', new Date(Date.now() + 7 * DAY).toISOString(), USER as any);
  const UNAUTHENTICATED = { statusCode: 200, data: { errors: [{ message: 'This session was ended', extensions: { code: 'UNAUTHENTICATED' } }] } };
  // An admin has just made this volunteer a lecturer: every token of the account is refused, and
  // so is a request with none (the page's queries need a session). WeChat sign-in is slow.
  let refusedBoth!: () => void;
  const bothRefused = new Promise<void>((resolve) => (refusedBoth = resolve));
  let refused = 0;
  answerOther = async (operationName, token) => {
    if (operationName === 'SignInWithWechat') {
      await bothRefused;
      return { statusCode: 200, data: { data: { signInWithWechat: { token: 'token-lecturer', expiresAt: new Date(Date.now() + 7 * DAY).toISOString(), user: { ...USER, role: 'LECTURER' } } } } };
    }
    if (token !== 'token-lecturer') {
      if (token === 'token-ended' && ++refused === 2) refusedBoth();
      return UNAUTHENTICATED;
    }
    return { statusCode: 200, data: { data: { ok: true } } };
  };

  const answers = await Promise.all([graphql.request(PING), graphql.request(PING)]);
  expect(answers).toEqual([{ ok: true }, { ok: true }]);
  expect(logins).toBe(1);
  expect(requests.filter((r) => r.operationName === 'SignInWithWechat')).toHaveLength(1);
  // Each page request: once with the ended token, once with the new one; never without a token.
  expect(requests.filter((r) => r.operationName === 'Ping').map((r) => r.token)).toEqual(['token-ended', 'token-ended', 'token-lecturer', 'token-lecturer']);
  expect(session.currentToken()).toBe('token-lecturer');
});

it('refreshes a session saved before refreshing existed only in the last half-week of its life', async () => {
  const saveLegacy = (daysLeft: number) =>
    storage.set('fel.session', { token: `legacy-${daysLeft}`, expiresAt: new Date(Date.now() + daysLeft * DAY).toISOString(), user: USER });
  saveLegacy(7);
  const fresh = launch();
  await fresh.graphql.request(PING);
  await flush();
  expect(refreshes()).toHaveLength(0);
  expect(fresh.session.tokenDueForRefresh(Date.now() + 3.4 * DAY)).toBeNull();
  expect(fresh.session.tokenDueForRefresh(Date.now() + 3.6 * DAY)).toBe('legacy-7');

  saveLegacy(2);
  expect(launch().session.tokenDueForRefresh()).toBe('legacy-2');
});
