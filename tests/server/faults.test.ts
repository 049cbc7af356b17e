/**
 * Faults, each against the compiled server in a child process (compile it first: `npx tsc -p server`):
 * the server killed in the middle of a booking storm, the database engine stopped under a running
 * server, and a polite SIGTERM with a request still arriving. Figures are printed (and written to
 * tests/artifacts/faults.json) for the note; timings are reported, asserted only where the
 * issue asks for "fail fast".
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { startFerretDB, type RunningEngine } from '../../scripts/db/ferretdb';
import { startServerProcess as startRawServerProcess } from '../../scripts/lib/server-process';
import { BOOK, SIGN_IN, insertLecture, newKey } from '../helpers/booking';
import { dropTestDatabase } from '../helpers/engine';
import { postGraphQL, type GraphQLResponse } from '../helpers/graphql';
import { connectedTestDatabase, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';

const figures: Record<string, unknown> = {};
afterAll(() => {
  const dir = path.resolve(__dirname, '../artifacts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'faults.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

/** What must never reach a client: a stack frame, a host:port, the driver's own words. */
const LEAK = /\n\s+at |127\.0\.0\.1|localhost|ECONNREFUSED|ECONNRESET|\d+\.\d+\.\d+\.\d+|:\d{4,5}\b|Mongo\w*Error|Server selection/;

describe('kill -9 in the middle of a booking storm, then a restart on the same data', () => {
  const HOUSEHOLDS = 300;
  const SEATS = 60;
  /** Answers to wait for before killing: the rest of the storm is still in flight. */
  const KILL_AFTER_ANSWERS = 50;

  const database = connectedTestDatabase('faults_kill');

  it('loses no acknowledged booking, makes none twice, never overbooks, and repairs half-done steps', async () => {
    // A short reconciliation interval: the repair of a crashed booking is what is being waited for.
    const env = { SEED_IF_EMPTY: 'false', RECONCILE_INTERVAL_SECONDS: '1' };
    const first = await startServerProcess('faults_kill', { database: database(), keep: true, env });
    let second: ServerProcess | undefined;
    try {
      // Households of one and two people, so a crash can also leave a household half seated.
      const lectureId = await insertLecture({ capacity: SEATS, maxPartySize: 2 });
      const lecture = new Types.ObjectId(lectureId);
      const households: Array<{ openId: string; token: string; userId: string; key: string; partySize: number }> = [];
      for (let i = 0; i < HOUSEHOLDS; i += 25) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(25, HOUSEHOLDS - i) }, (_, j) => postGraphQL(first.url, SIGN_IN, { openId: `kill-${i + j}` })),
        );
        for (const [j, answer] of batch.entries()) {
          const { token, user } = answer.data.signInForDevelopment;
          households.push({ openId: `kill-${i + j}`, token, userId: user.id, key: newKey(), partySize: (i + j) % 3 === 2 ? 2 : 1 });
        }
      }
      const book = (url: string, h: (typeof households)[number]) =>
        postGraphQL(url, BOOK, { input: { lectureId, partySize: h.partySize, idempotencyKey: h.key } }, h.token);

      // The storm; the server is killed once KILL_AFTER_ANSWERS answers are in, mid-flight for the rest.
      const acknowledged = new Map<string, { id: string; status: string }>(); // openId → first answer
      let answered = 0;
      let killed: Promise<number | null> | undefined;
      const outcomes = await Promise.allSettled(
        households.map(async (h) => {
          const answer = await book(first.url, h);
          if (++answered === KILL_AFTER_ANSWERS) killed = first.signal('SIGKILL');
          if (answer.errors) throw new Error(JSON.stringify(answer.errors));
          acknowledged.set(h.openId, answer.data.bookLecture); // an answer that got through is acknowledged
          return answer;
        }),
      );
      if (!killed) throw new Error(`the storm ended before the kill point: ${answered} answers; ${outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok')).slice(0, 5).join(' | ')}`);
      expect(await killed).toBeNull(); // ended by the signal, not by itself
      const lost = households.filter((h) => !acknowledged.has(h.openId));
      const errorsBeforeKill = outcomes.filter((o) => o.status === 'rejected' && !/fetch failed|socket|ECONN|other side closed/i.test(String(o.reason)));
      expect(errorsBeforeKill.map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);

      // What the crash left: bookings written but undecided, seats claimed for bookings not confirmed.
      const db = mongoose.connection.db!;
      const leftBookings = await db.collection('bookings').find({ lectureId: lecture }).toArray();
      const leftClaims = await db.collection('seat_claims').find({ lectureId: lecture }).toArray();
      const confirmedIds = new Set(leftBookings.filter((b) => b.status === 'CONFIRMED').map((b) => b._id.toHexString()));
      const leftByCrash = {
        bookingsWritten: leftBookings.length,
        pending: leftBookings.filter((b) => b.status === 'PENDING').length,
        claimsOfUnconfirmedBookings: leftClaims.filter((c) => !confirmedIds.has(c.bookingId.toHexString())).length,
      };

      // The same data, a new process; every household that got no answer asks again with the SAME key.
      second = await startServerProcess('faults_kill', { database: database(), keep: true, env });
      const retried = await Promise.all(lost.map((h) => book(second!.url, h)));
      expect(retried.filter((r) => r.errors)).toEqual([]);
      lost.forEach((h, i) => acknowledged.set(h.openId, retried[i].data.bookLecture));

      // Reconciliation decides what the crash left undecided and frees what it left half-claimed.
      const settled = await waitFor(
        async () => {
          const bookings = await db.collection('bookings').find({ lectureId: lecture }).toArray();
          const claims = await db.collection('seat_claims').find({ lectureId: lecture }).toArray();
          if (bookings.some((b) => b.status === 'PENDING')) return null;
          const live = new Map(bookings.filter((b) => b.status === 'CONFIRMED' && !b.cancelledAt).map((b) => [b._id.toHexString(), b]));
          // Every claim belongs to a live confirmed booking, and every confirmed booking holds exactly its seats.
          if (!claims.every((c) => live.has(c.bookingId.toHexString()))) return null;
          for (const b of live.values()) {
            const mine = claims.filter((c) => c.bookingId.equals(b._id)).map((c) => c.seatNumber).sort((x, y) => x - y);
            if (mine.length !== b.partySize || JSON.stringify(mine) !== JSON.stringify([...b.seatNumbers].sort((x, y) => x - y))) return null;
          }
          // Seats freed by the repair went to the waiting list: no waiting household would fit now.
          const free = SEATS - claims.length;
          if (bookings.some((b) => b.status === 'WAITLISTED' && b.partySize <= free)) return null;
          return { bookings, claims };
        },
        'reconciliation to repair what the crash left behind',
        120_000,
      );

      const { bookings, claims } = settled;
      // Every acknowledged booking is there, under the id the household was given.
      const byId = new Map(bookings.map((b) => [b._id.toHexString(), b]));
      const missing = [...acknowledged.values()].filter((a) => !byId.has(a.id));
      expect(missing).toEqual([]);
      for (const h of households) expect(byId.get(acknowledged.get(h.openId)!.id)!.userId.toHexString()).toBe(h.userId);
      // One booking per household: none twice, whatever was retried.
      const perHousehold = new Map<string, number>();
      for (const b of bookings) perHousehold.set(b.userId.toHexString(), (perHousehold.get(b.userId.toHexString()) ?? 0) + 1);
      expect([...perHousehold.values()].filter((n) => n > 1)).toEqual([]);
      expect(bookings).toHaveLength(HOUSEHOLDS);
      // Never overbooked: distinct seats within the hall, confirmed parties within capacity.
      const seatNumbers = claims.map((c) => c.seatNumber as number);
      expect(new Set(seatNumbers).size).toBe(seatNumbers.length);
      expect(seatNumbers.every((n) => n >= 1 && n <= SEATS)).toBe(true);
      const confirmed = bookings.filter((b) => b.status === 'CONFIRMED');
      const confirmedSeats = confirmed.reduce((sum, b) => sum + (b.partySize as number), 0);
      expect(confirmedSeats).toBeLessThanOrEqual(SEATS);
      // A late retry of an acknowledged request (same key, after the restart) gets the same booking back.
      const replays = await Promise.all(households.slice(0, 40).map((h) => book(second!.url, h)));
      expect(replays.map((r) => r.data?.bookLecture.id)).toEqual(households.slice(0, 40).map((h) => acknowledged.get(h.openId)!.id));

      const result = {
        households: HOUSEHOLDS,
        seats: SEATS,
        acknowledgedBeforeKill: HOUSEHOLDS - lost.length,
        lostInFlightThenRetried: lost.length,
        retriesAnsweredPending: retried.filter((r) => r.data.bookLecture.status === 'PENDING').length,
        leftByCrash,
        confirmedBookings: confirmed.length,
        confirmedSeats,
        waiting: bookings.filter((b) => b.status === 'WAITLISTED').length,
      };
      figures.killDuringStorm = result;
      console.log(`kill -9 mid storm: ${JSON.stringify(result)}`);
    } finally {
      if (!first.hasExited()) await first.signal('SIGKILL');
      await second?.stop();
    }
  }, 300_000);
});

describe('the database engine stops under a running server, then comes back', () => {
  // An engine of this test's own, so stopping it disturbs no other test; a server given in
  // MONGODB_URI cannot be stopped by a test, so this one needs the embedded engine.
  const withEmbeddedEngine = process.env.MONGODB_URI ? it.skip : it;
  withEmbeddedEngine('answers fast with a clear retryable error and 503, and the same process recovers without a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-faults-engine-'));
    let engine: RunningEngine | undefined = await startFerretDB({ dataDir });
    const port = engine.port;
    const server = await startRawServerProcess({
      MONGODB_URI: engine.uri('faults_outage'),
      SEED_IF_EMPTY: 'false',
      RATE_LIMITS: 'off',
    });
    const LECTURES = '{ lectures(first: 5) { totalCount } }';
    try {
      const household = (await postGraphQL(server.url, SIGN_IN, { openId: 'outage-household' })).data.signInForDevelopment.token as string;
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await postGraphQL(server.url, LECTURES)).data.lectures.totalCount).toBe(0);

      await engine.stop();
      engine = undefined;
      // /healthz first: its ping fails within 2 s and the driver then knows the engine is gone, so
      // the requests below wait for server selection (the slow path) rather than fail on a refused socket.
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.stringify(await health.json())).not.toMatch(LEAK);

      // Anonymous (fails in a resolver) and signed in (fails while reading the viewer's account).
      const timed = async (query: string, token?: string) => {
        const started = Date.now();
        const answer = await postGraphQL(server.url, query, {}, token);
        return { answer, ms: Date.now() - started };
      };
      const outage = [await timed(LECTURES), await timed('{ me { id } }', household), await timed(LECTURES)];
      for (const { answer, ms } of outage) {
        expect(ms).toBeLessThan(8_000); // fail fast: not a hung request, not a 10 s buffer timeout
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors![0]).toMatchObject({
          message: '服务暂时不可用，请稍后再试',
          extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
        });
        expect(JSON.stringify(answer)).not.toMatch(LEAK);
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);

      // The engine comes back on the same data and port; nobody restarts the server.
      engine = await startFerretDB({ dataDir, port });
      const backAt = Date.now();
      await waitFor(async () => (await fetch(`${server.url}/healthz`)).status === 200, '/healthz to answer 200 again', 60_000);
      const recoveredMs = Date.now() - backAt;
      await waitFor(async () => !(await postGraphQL(server.url, LECTURES)).errors, 'queries to work again', 60_000);
      const me = await postGraphQL(server.url, '{ me { id } }', {}, household);
      expect(me.errors).toBeUndefined();
      expect(server.hasExited()).toBe(false); // the same process (same pid) recovered

      const result = {
        failedWithinMs: outage.map((o) => o.ms),
        healthzOkAgainAfterEngineBackMs: recoveredMs,
        serverPid: server.pid,
        restarts: 0,
      };
      figures.databaseOutage = result;
      console.log(`database outage: ${JSON.stringify(result)}`);
    } finally {
      await server.stop();
      await engine?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('SIGTERM with a request in flight', () => {
  it('finishes the request, refuses new connections meanwhile, and exits 0', async () => {
    // Outside jest NODE_ENV is not "test", which changes Apollo's own signal handling: run as deployed.
    const server = await startServerProcess('faults_term', { env: { NODE_ENV: 'development', SEED_IF_EMPTY: 'false' } });
    const { port } = new URL(server.url);
    const body = JSON.stringify({ query: '{ lectures(first: 5) { totalCount } }' });
    const half = Math.floor(body.length / 2);

    // Headers first, with "Expect: 100-continue": the server's "100 Continue" proves it has read
    // them, so the request is in flight (not a connection still waiting in the accept queue).
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/graphql',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      request.on('error', reject);
    });
    await new Promise<void>((resolve) => request.once('continue', resolve));
    request.write(body.slice(0, half));

    const exited = server.signal('SIGTERM');
    // New connections are refused while the request is still open.
    const refusedAt = await waitFor(
      () =>
        new Promise<number | false>((resolve) => {
          const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
          socket.once('connect', () => (socket.destroy(), resolve(false)));
          socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' && Date.now()));
        }),
      'new connections to be refused',
      15_000,
    );
    expect(server.hasExited()).toBe(false);

    request.end(body.slice(half));
    const answer = await response;
    expect(answer.status).toBe(200);
    const parsed = JSON.parse(answer.text) as GraphQLResponse;
    expect(parsed.errors).toBeUndefined();
    expect(parsed.data.lectures.totalCount).toBe(0);
    expect(await exited).toBe(0);
    await dropTestDatabase(server.database);
    figures.sigterm = { inFlightAnswerStatus: answer.status, newConnectionsRefused: refusedAt > 0, exitCode: 0 };
  }, 120_000);
});
