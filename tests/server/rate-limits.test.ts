/**
 * Rate limits on sign-in, booking and check-in, per user and per address, kept in the database so
 * that several server instances enforce one limit. Distinct client addresses are simulated with
 * X-Forwarded-For behind `trustProxy: 1`, as behind a load balancer.
 *
 * Over HTTP the windows are a day long, so a test never waits for one to end; that a window ends
 * exactly on time is shown with the RateLimiter itself on a fake clock, against the same database.
 */
import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import mongoose, { Types } from 'mongoose';
import { DEFAULT_RATE_LIMITS, loadConfig, type RateLimitConfig } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db';
import { dropExpiredRateLimitSlots } from '../../server/src/modules/rate-limit/rate-limit.cleanup';
import { RateLimiter, SLOT_COLLECTION_PREFIX, ipKey, slotCollectionName } from '../../server/src/modules/rate-limit/rate-limiter';
import { interpretResponse } from '../../miniapp/src/services/errors';
import { developmentSignInFailure, wechatSignInFailure } from '../../miniapp/src/utils/signin';
import { BOOK, CANCEL, SIGN_IN, insertLecture, newKey } from '../helpers/booking';
import { dropTestDatabase, testDatabase, type TestDatabase } from '../helpers/engine';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const DAY = 86_400;
const HOUR_MS = 3600_000;

/**
 * Windows are aligned to the epoch, so a day-long one ends at 00:00 UTC. A test run that starts in
 * the last ten minutes before it waits for it to pass: no test straddles a window's end.
 */
async function awayFromTheEndOfADayWindow(): Promise<void> {
  const left = () => DAY * 1000 - (Date.now() % (DAY * 1000));
  await waitFor(() => left() > 10 * 60_000, 'a day window with ten minutes left', 11 * 60_000);
}
const WALK_IN = `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome } }`;
const SYNC = `mutation($scans: [OfflineScanInput!]!) { syncCheckIns(scans: $scans) { outcome } }`;
const DEV_SIGN_IN = `mutation($openId: String!, $role: Role) { signInForDevelopment(openId: $openId, role: $role) { token user { id lecturer { id } } } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

/** A GraphQL POST as a client at `ip` (behind one trusted proxy hop). */
async function post(url: string, query: string, variables: Record<string, unknown>, { ip, token }: { ip: string; token?: string }): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

const isRateLimited = (answer: Answer) => answer.body.errors?.[0]?.extensions?.reason === 'RATE_LIMITED';

/** What a reader is told: their own budget gently, an address's (shared by a village) as busy. */
const MESSAGE = {
  user: /^您操作得有点快，请 \d+ (秒|分钟|小时)后再试$/,
  ip: /^现在使用的人比较多，请 \d+ (秒|分钟|小时)后再试$/,
};

/**
 * Refused for too many attempts by `scope`'s budget: 429 with Retry-After, the wait, and the
 * sentence for that scope, the same one the mini program shows.
 */
function expectRateLimited(answer: Answer, maxWaitSeconds: number, scope: 'user' | 'ip'): void {
  expect(answer.status).toBe(429);
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', scope });
  expect(error.extensions).not.toHaveProperty('http');
  expect(error.message).toMatch(MESSAGE[scope]);
  const wait = error.extensions!.retryAfterSeconds;
  expect(Number.isInteger(wait) && wait >= 1 && wait <= maxWaitSeconds).toBe(true);
  expect(answer.retryAfter).toBe(String(wait));
  // Waits of an hour or more read in hours, never "1440 分钟".
  if (wait > 3540) expect(error.message).toMatch(/ \d+ 小时后再试$/);
  const shown = interpretResponse({ kind: 'response', status: answer.status, body: answer.body });
  expect('error' in shown && shown.error.message).toBe(error.message);
}

/** Inserts and refusals of rate-limit slots while `work` runs, from this process's driver. */
function slotWrites(server: TestServer, work: () => Promise<unknown>): Promise<number> {
  return server.countRoundTrips(work, (event) => {
    const target = event.command[event.commandName];
    return typeof target === 'string' && target.startsWith(SLOT_COLLECTION_PREFIX);
  });
}

async function slotCollections(): Promise<string[]> {
  const all = await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray();
  return all.map((c) => c.name).filter((name) => name.startsWith(SLOT_COLLECTION_PREFIX));
}

const bookingsOf = (userId: string) => mongoose.connection.db!.collection('bookings').countDocuments({ userId: new Types.ObjectId(userId) });

let ipCounter = 0;
/** Setup sign-ins each come from an address of their own, so they never meet the sign-in limit. */
async function signInFresh(url: string, openId: string, role?: string): Promise<{ token: string; userId: string; lecturerId: string | null }> {
  const answer = await post(url, DEV_SIGN_IN, { openId, role }, { ip: `10.250.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  const { token, user } = answer.body.data.signInForDevelopment;
  return { token, userId: user.id, lecturerId: user.lecturer?.id ?? null };
}

const book = (url: string, lectureId: string, who: { token: string }, ip: string) =>
  post(url, BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, { ip, token: who.token });

describe('limits on: one server', () => {
  const limits: RateLimitConfig = {
    enabled: true,
    rules: {
      // Day-long windows (see awayFromTheEndOfADayWindow).
      signIn: { perUser: 0, perIp: 3, windowSeconds: DAY },
      booking: { perUser: 3, perIp: 5, windowSeconds: DAY },
      checkIn: { perUser: 2, perIp: 100, windowSeconds: DAY },
    },
  };
  let server: TestServer;
  beforeAll(async () => {
    await awayFromTheEndOfADayWindow();
    const defaults = loadConfig({});
    server = await startTestServer({ label: 'rate-limits', seed: false, config: { rateLimits: limits, security: { ...defaults.security, trustProxy: 1 } } });
  }, 12 * 60_000);
  afterAll(() => server.close());

  it('a user over their booking limit is refused with a hint, changes nothing, and others book on', async () => {
    const lectures = await Promise.all(Array.from({ length: 6 }, () => insertLecture()));
    const [wang, li, zhao, sun] = await Promise.all(['rl-wang', 'rl-li', 'rl-zhao', 'rl-sun'].map((id) => signInFresh(server.url, id)));
    const village = '10.1.1.1';

    let allowedWrites = 0;
    for (const lectureId of lectures.slice(0, 3)) {
      allowedWrites += await slotWrites(server, async () => {
        const answer = await book(server.url, lectureId, wang, village);
        expect(answer.body.data?.bookLecture.status).toBe('CONFIRMED');
      });
    }
    // The fourth in the window: refused with when to try again, and no booking made.
    let refused!: Answer;
    const firstRefusalWrites = await slotWrites(server, async () => (refused = await book(server.url, lectures[3], wang, village)));
    expectRateLimited(refused, DAY, 'user');
    expect(refused.body.data?.bookLecture ?? null).toBeNull();
    expect(await bookingsOf(wang.userId)).toBe(3);

    // A flood of refused attempts costs the database nothing, and cancelling counts as booking.
    let flood: Answer[] = [];
    const floodWrites = await slotWrites(server, async () => (flood = await Promise.all(Array.from({ length: 20 }, () => book(server.url, lectures[4], wang, village)))));
    for (const answer of flood) expectRateLimited(answer, DAY, 'user');
    const bookingId = (await mongoose.connection.db!.collection('bookings').findOne({ userId: new Types.ObjectId(wang.userId) }))!._id.toHexString();
    const cancel = await post(server.url, CANCEL, { id: bookingId }, { ip: village, token: wang.token });
    expectRateLimited(cancel, DAY, 'user');
    expect((await mongoose.connection.db!.collection('bookings').findOne({ _id: new Types.ObjectId(bookingId) }))!.status).toBe('CONFIRMED');
    expect(await bookingsOf(wang.userId)).toBe(3);

    // Li, behind the same village address, is not held back by Wang (Wang's refusals spent none of
    // the address's budget): the address has had 4 of its 5.
    expect((await book(server.url, lectures[3], li, village)).body.data?.bookLecture.status).toBe('CONFIRMED');
    // Zhao is the village's fifth; Zhao's second is over the address's limit though Zhao's own is
    // not: told the service is busy, not that Zhao tapped too often.
    expect((await book(server.url, lectures[4], zhao, village)).body.data?.bookLecture.status).toBe('CONFIRMED');
    expectRateLimited(await book(server.url, lectures[5], zhao, village), DAY, 'ip');
    expect(await bookingsOf(zhao.userId)).toBe(1);
    // Sun, from another address, books that seat.
    expect((await book(server.url, lectures[5], sun, '10.1.1.2')).body.data?.bookLecture.status).toBe('CONFIRMED');

    console.log(
      `rate limits, database writes: ${allowedWrites / 3} slot inserts per allowed booking (user + address), ` +
        `${firstRefusalWrites} for the first refused, ${floodWrites} for 20 more refused`,
    );
    expect(allowedWrites).toBe(6);
    expect(firstRefusalWrites).toBe(0);
    expect(floodWrites).toBe(0);
  });

  it('sign-in is limited per address; another address signs in', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await post(server.url, SIGN_IN, { openId: `rl-crowd-${i}` }, { ip: '10.2.0.1' });
      expect(answer.body.data?.signInForDevelopment.token).toEqual(expect.any(String));
    }
    const refused = await post(server.url, SIGN_IN, { openId: 'rl-crowd-3' }, { ip: '10.2.0.1' });
    expectRateLimited(refused, DAY, 'ip');
    // The refused sign-in created no account.
    expect(await mongoose.connection.db!.collection('users').countDocuments({ openId: 'dev:rl-crowd-3' })).toBe(0);
    const elsewhere = await post(server.url, SIGN_IN, { openId: 'rl-crowd-3' }, { ip: '10.2.0.2' });
    expect(elsewhere.body.data?.signInForDevelopment.token).toEqual(expect.any(String));

    // What the mini program makes of the real answer: the wait, in words, not a network failure.
    const shown = interpretResponse({ kind: 'response', status: refused.status, body: refused.body });
    expect('error' in shown && shown.error.code).toBe('FORBIDDEN');
    if ('error' in shown) {
      expect(shown.error.message).toMatch(MESSAGE.ip);
      expect(shown.error.retryAfterSeconds).toBe(refused.body.errors![0].extensions!.retryAfterSeconds);
      // The sign-in screens say so too, not "sign-in is switched off".
      expect(developmentSignInFailure(shown.error)).toBe(shown.error.message);
      expect(wechatSignInFailure(shown.error).message).toBe(shown.error.message);
    }
  });

  it('sign-in from IPv6: one budget per /64, so a phone cannot rotate addresses to get more', async () => {
    const network = '2001:db8:7:1';
    for (const [i, host] of ['::a', '::b', ':ffff:1:2:3'].entries()) {
      const answer = await post(server.url, SIGN_IN, { openId: `rl-v6-${i}` }, { ip: `${network}${host}` });
      expect(answer.body.data?.signInForDevelopment.token).toEqual(expect.any(String));
    }
    // A fourth address in the same /64 shares the three sign-ins' budget.
    expectRateLimited(await post(server.url, SIGN_IN, { openId: 'rl-v6-3' }, { ip: `${network}::d` }), DAY, 'ip');
    // The next /64 is another household.
    const next = await post(server.url, SIGN_IN, { openId: 'rl-v6-3' }, { ip: '2001:db8:7:2::a' });
    expect(next.body.data?.signInForDevelopment.token).toEqual(expect.any(String));
  });

  it('check-in: one attempt per call (a synced queue of three scans is one)', async () => {
    const lecturer = await signInFresh(server.url, 'rl-door', 'LECTURER');
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const lectureId = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS) });
    const door = { ip: '10.3.0.1', token: lecturer.token };
    const walkIn = () => post(server.url, WALK_IN, { input: { lectureId, partySize: 1, clientScanId: newKey() } }, door);
    const walkIns = () => mongoose.connection.db!.collection('checkins').countDocuments({ lectureId: new Types.ObjectId(lectureId) });

    const scans = Array.from({ length: 3 }, () => ({ clientScanId: newKey(), lectureId, walkInPartySize: 1, scannedAt: new Date().toISOString() }));
    const sync = await post(server.url, SYNC, { scans }, door);
    expect(sync.body.data?.syncCheckIns.map((r: { outcome: string }) => r.outcome)).toEqual(['WALK_IN_RECORDED', 'WALK_IN_RECORDED', 'WALK_IN_RECORDED']);
    expect((await walkIn()).body.data?.recordWalkIn.outcome).toBe('WALK_IN_RECORDED');
    // The third call is over the lecturer's 2: refused, and it recorded nothing.
    expectRateLimited(await walkIn(), DAY, 'user');
    expect(await walkIns()).toBe(4);
  });

  it('a window ends exactly when it should: refused up to its last millisecond, allowed from the next (fake clock, real database)', async () => {
    const WINDOW_MS = 2 * HOUR_MS;
    // Long ago, so these slots meet no other test's; windows are aligned to the epoch.
    const windowStart = Date.UTC(2020, 2, 1, 4);
    let now = windowStart + 1000;
    const rules = { ...DEFAULT_RATE_LIMITS, booking: { perUser: 2, perIp: 3, windowSeconds: WINDOW_MS / 1000 } };
    const limiter = new RateLimiter({ enabled: true, rules }, () => now);
    const attempt = (userId: string) =>
      limiter.attempt('booking', userId, '10.9.0.1').then(
        () => 'allowed',
        (error: unknown) => {
          if (!(error instanceof GraphQLError)) throw error;
          return `${error.extensions.scope} ${error.extensions.retryAfterSeconds}: ${error.message}`;
        },
      );

    expect(await attempt('u1')).toBe('allowed');
    expect(await attempt('u1')).toBe('allowed');
    expect(await attempt('u1')).toBe('user 7199: 您操作得有点快，请 2 小时后再试');
    // u2 is the address's third; u3 finds the address's budget used up.
    expect(await attempt('u2')).toBe('allowed');
    expect(await attempt('u3')).toBe('ip 7199: 现在使用的人比较多，请 2 小时后再试');
    now = windowStart + WINDOW_MS - 90_000;
    expect(await attempt('u1')).toBe('user 90: 您操作得有点快，请 2 分钟后再试');
    now = windowStart + WINDOW_MS - 1;
    expect(await attempt('u1')).toBe('user 1: 您操作得有点快，请 1 秒后再试');
    expect(await attempt('u3')).toBe('ip 1: 现在使用的人比较多，请 1 秒后再试');

    // The next window: both budgets are whole again.
    now = windowStart + WINDOW_MS;
    expect(await attempt('u1')).toBe('allowed');
    expect(await attempt('u3')).toBe('allowed');
    expect(await attempt('u1')).toBe('allowed');
    expect(await attempt('u1')).toBe('user 7200: 您操作得有点快，请 2 小时后再试');

    // Its slots are in the collections of the hours those windows end, which the cleanup drops.
    const ours = [slotCollectionName(windowStart + WINDOW_MS), slotCollectionName(windowStart + 2 * WINDOW_MS)];
    expect((await dropExpiredRateLimitSlots(windowStart + 2 * WINDOW_MS + HOUR_MS)).sort()).toEqual(ours);
  });

  it('addresses as keys: an IPv6 /64 is one, an IPv4 client on a dual-stack socket is its IPv4 address', () => {
    expect(ipKey('2001:db8:1:2::1')).toBe(ipKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(ipKey('2001:db8:1:2::1')).not.toBe(ipKey('2001:db8:1:3::1'));
    expect(ipKey('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe(ipKey('2001:db8:1:2::1'));
    expect(ipKey('::ffff:10.1.1.1')).toBe('10.1.1.1');
    expect(ipKey('10.1.1.1')).not.toBe(ipKey('10.1.1.2'));
    expect(ipKey('')).toBe('unknown');
  });

  it('the cleanup drops the slots of ended windows only', async () => {
    await signInFresh(server.url, 'rl-cleanup');
    expect((await slotCollections()).length).toBeGreaterThan(0);
    expect(await dropExpiredRateLimitSlots(Date.now())).toEqual([]);
    const live = await slotCollections();
    expect(live.length).toBeGreaterThan(0);
    // A day and more later, every window of this test has ended.
    expect((await dropExpiredRateLimitSlots(Date.now() + 26 * HOUR_MS)).sort()).toEqual(live.sort());
    expect(await slotCollections()).toEqual([]);
  });
});

describe('limits off', () => {
  let server: TestServer;
  beforeAll(async () => {
    const defaults = loadConfig({});
    const tiny = { perUser: 1, perIp: 1, windowSeconds: DAY };
    server = await startTestServer({
      label: 'rate-limits-off',
      seed: false,
      config: { rateLimits: { enabled: false, rules: { signIn: tiny, booking: tiny, checkIn: tiny } }, security: { ...defaults.security, trustProxy: 1 } },
    });
  });
  afterAll(() => server.close());

  it('lets every attempt through and writes no slots', async () => {
    const lectures = await Promise.all(Array.from({ length: 5 }, () => insertLecture()));
    const users = await Promise.all(['off-a', 'off-b', 'off-c'].map((id) => post(server.url, SIGN_IN, { openId: id }, { ip: '10.4.0.1' })));
    expect(users.every((u) => u.body.data?.signInForDevelopment.token)).toBe(true);
    const token = users[0].body.data.signInForDevelopment.token as string;
    for (const lectureId of lectures) {
      expect((await book(server.url, lectureId, { token }, '10.4.0.1')).body.data?.bookLecture.status).toBe('CONFIRMED');
    }
    expect(await slotCollections()).toEqual([]);
  });
});

describe('two server processes on one database', () => {
  const PER_USER = 10;
  const PER_IP = 10;
  const ATTEMPTS = 60;
  let database: TestDatabase;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    await awayFromTheEndOfADayWindow();
    database = testDatabase('rate-limits-two');
    await connectDatabase(database.uri, { dbName: database.dbName });
    const env = {
      SEED_IF_EMPTY: 'false',
      TRUST_PROXY: '1',
      RATE_LIMITS: JSON.stringify({
        booking: { perUser: PER_USER, perIp: 1000, windowSeconds: DAY },
        signIn: { perUser: 0, perIp: PER_IP, windowSeconds: DAY },
      }),
    };
    servers = await Promise.all([0, 1].map(() => startServerProcess('rate-limits-two', { database, keep: true, env })));
  }, 12 * 60_000 + 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await disconnectDatabase();
    await dropTestDatabase(database);
  });

  it('a burst of parallel attempts spread over both: exactly the limit passes in total', async () => {
    const lectures: string[] = [];
    for (let i = 0; i < ATTEMPTS; i++) lectures.push(await insertLecture());
    const signedIn = await post(servers[0].url, SIGN_IN, { openId: 'burst-parent' }, { ip: '10.5.0.1' });
    const parent = { token: signedIn.body.data.signInForDevelopment.token as string, userId: signedIn.body.data.signInForDevelopment.user.id as string };

    const bookings = await Promise.all(lectures.map((lectureId, i) => book(servers[i % 2].url, lectureId, parent, `10.5.1.${i % 50}`)));
    const booked = bookings.filter((a) => a.body.data?.bookLecture.status === 'CONFIRMED').length;
    const limited = bookings.filter(isRateLimited).length;
    const serverErrors = servers.flatMap((server) => server.errorLog());
    expect({ booked, limited, other: ATTEMPTS - booked - limited, serverErrors }).toEqual({ booked: PER_USER, limited: ATTEMPTS - PER_USER, other: 0, serverErrors: [] });
    expect(await bookingsOf(parent.userId)).toBe(PER_USER);
    for (const answer of bookings.filter(isRateLimited)) expectRateLimited(answer, DAY, 'user');

    // Sign-ins from one address, in parallel over both processes.
    const signIns = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => post(servers[i % 2].url, SIGN_IN, { openId: `burst-crowd-${i}` }, { ip: '10.5.2.1' })),
    );
    const signedInCount = signIns.filter((a) => a.body.data?.signInForDevelopment.token).length;
    expect({ signedIn: signedInCount, limited: signIns.filter(isRateLimited).length }).toEqual({ signedIn: PER_IP, limited: ATTEMPTS - PER_IP });

    const slots = await Promise.all((await slotCollections()).map((name) => mongoose.connection.db!.collection(name).countDocuments()));
    console.log(
      `rate limits, two processes: ${ATTEMPTS} parallel bookings by one parent -> ${booked} allowed (limit ${PER_USER}), ${limited} refused; ` +
        `${ATTEMPTS} parallel sign-ins from one address -> ${signedInCount} allowed (limit ${PER_IP}); ` +
        `${slots.reduce((a, b) => a + b, 0)} slot documents in the database`,
    );
  }, 120_000);

  it('a rate limit written wrong stops the start with a clear line', async () => {
    const start = startServerProcess('rate-limits-two', { database, keep: true, env: { SEED_IF_EMPTY: 'false', RATE_LIMITS: '{"booking":{"windowSeconds":0}}' } });
    await expect(start).rejects.toThrow(/rate limit "booking" needs whole numbers .* windowSeconds >= 1/);
  }, 60_000);
});
