/**
 * The invariant that matters most: a hall is never overbooked, whatever arrives at once, with one
 * server process or several on one database. Figures are printed for the note; timings
 * are reported, never asserted.
 */
import mongoose, { Types } from 'mongoose';
import { BOOK, CANCEL, SIGN_IN, insertLecture, newKey } from '../helpers/booking';
import { postGraphQL } from '../helpers/graphql';
import { connectedTestDatabase, startServerProcess, type ServerProcess } from '../helpers/server-process';

const HOUSEHOLDS = 200;
const SEATS = 30;


function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs the storm against the given servers (requests spread over them) and checks the outcome. */
async function storm(label: string, servers: ServerProcess[]): Promise<void> {
  const urls = servers.map((server) => server.url);
  const lectureId = await insertLecture({ capacity: SEATS, maxPartySize: 1 });
  const lecture = new Types.ObjectId(lectureId);
  const tokens: string[] = [];
  for (let i = 0; i < HOUSEHOLDS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, HOUSEHOLDS - i) }, (_, j) => postGraphQL(urls[(i + j) % urls.length], SIGN_IN, { openId: `${label}-${i + j}` })),
    );
    tokens.push(...batch.map((r) => r.data!.signInForDevelopment.token));
  }

  const latencies: number[] = [];
  const started = Date.now();
  const answers = await Promise.all(
    tokens.map(async (token, i) => {
      const t0 = Date.now();
      const answer = await postGraphQL(urls[i % urls.length], BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, token);
      latencies.push(Date.now() - t0);
      return answer;
    }),
  );
  const wallMs = Date.now() - started;

  // A failed request is masked as "Internal server error": show what the servers logged with it.
  const failed = answers.filter((a) => a.errors);
  expect({ failed, serverErrors: failed.length ? servers.flatMap((server) => server.errorLog()) : [] }).toEqual({ failed: [], serverErrors: [] });
  const statuses = answers.map((a) => a.data.bookLecture.status);
  const confirmed = statuses.filter((s) => s === 'CONFIRMED').length;
  const waiting = statuses.filter((s) => s === 'WAITLISTED').length;

  const db = mongoose.connection.db!;
  const claims = await db.collection('seat_claims').find({ lectureId: lecture }).toArray();
  const seatNumbers = claims.map((c) => c.seatNumber as number);
  // Never overbooked; and with everyone asking for one seat, the hall is full.
  expect(new Set(seatNumbers).size).toBe(seatNumbers.length);
  expect(seatNumbers.every((n) => n >= 1 && n <= SEATS)).toBe(true);
  expect(claims.length).toBe(SEATS);
  expect(await db.collection('bookings').countDocuments({ lectureId: lecture, status: 'CONFIRMED' })).toBe(SEATS);
  expect(confirmed).toBe(SEATS);
  expect(waiting).toBe(HOUSEHOLDS - SEATS);

  // The waiting list holds the rest in the order they asked: positions 1..170 by request time.
  const queue = await db.collection('bookings').find({ lectureId: lecture, status: 'WAITLISTED' }).sort({ requestedAt: 1, _id: 1 }).toArray();
  expect(queue).toHaveLength(HOUSEHOLDS - SEATS);
  const ownerToken = new Map(answers.map((a, i) => [a.data.bookLecture.id as string, tokens[i]]));
  const positions = await Promise.all(
    queue.map((b) => postGraphQL(urls[0], `query($id: ID!) { booking(id: $id) { waitlistPosition } }`, { id: b._id.toHexString() }, ownerToken.get(b._id.toHexString()))),
  );
  expect(positions.map((p) => p.data.booking.waitlistPosition)).toEqual(queue.map((_, i) => i + 1));

  // Five households cancel: the first five waiting take their seats, in order.
  const leaving = answers.filter((a) => a.data.bookLecture.status === 'CONFIRMED').slice(0, 5);
  const cancels = await Promise.all(
    leaving.map((a, i) => postGraphQL(urls[i % urls.length], CANCEL, { id: a.data.bookLecture.id }, ownerToken.get(a.data.bookLecture.id))),
  );
  expect(cancels.filter((c) => c.errors)).toEqual([]);
  const promotedIds = new Set(queue.slice(0, 5).map((b) => b._id.toHexString()));
  const nowConfirmed = await db.collection('bookings').find({ lectureId: lecture, status: 'CONFIRMED', cancelledAt: null }).toArray();
  expect(nowConfirmed).toHaveLength(SEATS);
  for (const id of promotedIds) expect(nowConfirmed.some((b) => b._id.toHexString() === id)).toBe(true);
  expect(await db.collection('seat_claims').countDocuments({ lectureId: lecture })).toBe(SEATS);

  console.log(
    `booking storm (${label}, ${urls.length} server process${urls.length > 1 ? 'es' : ''}): ${HOUSEHOLDS} requests, ` +
      `${confirmed} confirmed seats of ${SEATS}, ${waiting} waiting, wall ${wallMs} ms, ` +
      `p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
  );
}

describe('a storm of concurrent bookings over HTTP against the real engine', () => {
  const database = connectedTestDatabase('storm');

  it(`${HOUSEHOLDS} households, ${SEATS} seats, one server process`, async () => {
    const server = await startServerProcess('storm', { database: database(), keep: true, env: { SEED_IF_EMPTY: 'false' } });
    try {
      await storm('one', [server]);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it(`the same storm split across two server processes sharing one database`, async () => {
    const a = await startServerProcess('storm', { database: database(), keep: true, env: { SEED_IF_EMPTY: 'false' } });
    const b = await startServerProcess('storm', { database: database(), keep: true, env: { SEED_IF_EMPTY: 'false' } });
    try {
      await storm('two', [a, b]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 180_000);
});
