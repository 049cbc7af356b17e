/**
 * The booking storm: 1,000 households book a 100-seat lecture at the same moment, each for one
 * seat. Every household is signed in first; then all bookLecture requests leave at once over
 * connections opened beforehand, so they reach the server together rather than as fast as TCP
 * handshakes allow. Exactly 100 seats must be confirmed (read from the database) and the other
 * 900 households must be waiting; the figures are wall time and latency.
 *
 * The storm runs on a server and database of its own, empty but for one venue and one lecturer:
 * on FerretDB every booking query but a lookup by `_id` scans the whole bookings collection, and on
 * the demo world's 5,268 bookings a storm round did not finish in 10 minutes (945 of 1,000 still
 * PENDING): that measures the engine's scans (BENCHMARKS.md names them as the biggest gap), not the
 * storm. Each round books a lecture of its own, written straight into the database next week, and
 * removes it afterwards with everything the storm wrote, so every round starts alike.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { say } from '../lib/run';
import { median, percentile } from './stats';
import type { BenchContext, BenchSection, Cell } from './types';

const HOUSEHOLDS = 1000;
const SEATS = 100;
const SIGN_IN_BATCH = 50;
/** A storm on a slow engine takes minutes; a request unanswered after this long counts as an error. */
const REQUEST_TIMEOUT_MS = 30 * 60_000;

const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id status } }`;

interface Answer {
  ms: number;
  status?: string;
  /** The GraphQL error code, or the transport failure. */
  error?: string;
}

interface RoundFigures {
  wallMs: number;
  p50: number;
  p99: number;
  claims: number;
  confirmed: number;
  waiting: number;
  answeredConfirmed: number;
  errors: Answer[];
}

/** POSTs a GraphQL request over the given agent and times it from the write to the last byte. */
function postTimed(agent: http.Agent, url: URL, body: string, token?: string): Promise<Answer & { data?: any }> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request(url, { method: 'POST', agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const ms = elapsed();
        try {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (answer.errors) resolve({ ms, error: String(answer.errors[0]?.extensions?.code ?? answer.errors[0]?.message) });
          else resolve({ ms, data: answer.data });
        } catch {
          resolve({ ms, error: `HTTP ${response.statusCode}, not JSON` });
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve({ ms: elapsed(), error: error.message }));
    request.end(body);
  });
}

/** A bookable lecture next week at a seeded venue, one seat per household. */
async function insertStormLecture(db: Db, round: number): Promise<ObjectId> {
  const venue = await db.collection('venues').findOne({ retired: { $ne: true } }, { sort: { _id: 1 } });
  const lecturer = await db.collection('lecturers').findOne({}, { sort: { _id: 1 } });
  if (!venue || !lecturer) throw new Error('the storm database has no venue or lecturer');
  const now = new Date();
  const startsAt = new Date(now.getTime() + 7 * 24 * 3600_000);
  const { insertedId } = await db.collection('lectures').insertOne({
    title: `抢座压力测试 第${round + 1}轮`,
    summary: '性能测试用讲座：一千户家庭同时预约一百个座位。',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    venueId: venue._id,
    lecturerId: lecturer._id,
    capacity: SEATS,
    maxPartySize: 1,
    status: 'PUBLISHED',
    tags: [],
    audienceAgeGroups: [],
    venueType: venue.type,
    countyCode: venue.countyCode,
    proposalRevision: 1,
    staffUserIds: [],
    createdAt: now,
    updatedAt: now,
  });
  return insertedId;
}

/** Removes the lecture and whatever refers to it or to the storm's households, in every collection. */
async function removeStorm(db: Db, lectureId: ObjectId, openIdPrefix: string): Promise<void> {
  const users = await db.collection('users').find({ openId: { $regex: `^dev:${openIdPrefix}` } }, { projection: { _id: 1 } }).toArray();
  const userIds = users.map((user) => user._id);
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith('system.')) continue;
    await db.collection(name).deleteMany({ $or: [{ lectureId }, { userId: { $in: userIds } }] });
  }
  await db.collection('lectures').deleteOne({ _id: lectureId });
  await db.collection('users').deleteMany({ _id: { $in: userIds } });
}

async function stormRound(ctx: BenchContext, db: Db, round: number, runId: string): Promise<RoundFigures> {
  const lectureId = await insertStormLecture(db, round);
  const openIdPrefix = `bench-storm-${runId}-${round}-`;
  // As many sockets as households, kept open between requests: the storm must not wait for handshakes.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: HOUSEHOLDS });
  const url = new URL(ctx.graphqlUrl);
  try {
    say(`booking storm, round ${round + 1}: signing in ${HOUSEHOLDS} households…`);
    const tokens: string[] = [];
    for (let i = 0; i < HOUSEHOLDS; i += SIGN_IN_BATCH) {
      const batch = Array.from({ length: Math.min(SIGN_IN_BATCH, HOUSEHOLDS - i) }, (_, j) => ctx.signIn(`${openIdPrefix}${i + j}`, 'PARENT'));
      tokens.push(...(await Promise.all(batch)));
    }
    // Opens the connections: a trivial request on each, all at once (no database work).
    const opened = await Promise.all(tokens.map(() => postTimed(agent, url, JSON.stringify({ query: '{ __typename }' }))));
    const refused = opened.filter((answer) => answer.error);
    if (refused.length) throw new Error(`opening the storm's connections failed: ${refused[0].error}`);

    const bodies = tokens.map(() =>
      JSON.stringify({ query: BOOK, variables: { input: { lectureId: lectureId.toHexString(), partySize: 1, idempotencyKey: crypto.randomUUID() } } }),
    );
    say(`booking storm, round ${round + 1}: ${HOUSEHOLDS} bookings at once…`);
    const started = process.hrtime.bigint();
    const answers = await Promise.all(tokens.map((token, i) => postTimed(agent, url, bodies[i], token)));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

    const latencies = answers.map((answer) => answer.ms);
    const bookings = db.collection('bookings');
    return {
      wallMs,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      claims: await db.collection('seat_claims').countDocuments({ lectureId }),
      confirmed: await bookings.countDocuments({ lectureId, status: 'CONFIRMED', cancelledAt: null }),
      waiting: await bookings.countDocuments({ lectureId, status: 'WAITLISTED', cancelledAt: null }),
      answeredConfirmed: answers.filter((answer) => answer.data?.bookLecture.status === 'CONFIRMED').length,
      errors: answers.filter((answer) => answer.error),
    };
  } finally {
    agent.destroy();
    await removeStorm(db, lectureId, openIdPrefix);
  }
}

/** The scenery a lecture needs: a village venue and a lecturer (with the county they are in). */
async function insertScenery(db: Db): Promise<void> {
  const now = new Date();
  await db.collection('counties').insertOne({ _id: '350702' as never, name: '延平区', sortOrder: 1 });
  await db.collection('venues').insertOne({
    name: '大横镇村民文化礼堂', type: 'VILLAGE', countyCode: '350702', address: '大横镇中心路 1 号', isPracticeBase: false, retired: false, createdAt: now, updatedAt: now,
  });
  await db.collection('lecturers').insertOne({ name: '林老师', title: '家庭教育指导师', countyCode: '350702' });
}

export async function benchBookingStorm(ctx: BenchContext): Promise<BenchSection> {
  const rounds = Number(process.env.BENCH_STORM_ROUNDS || (ctx.quick ? 1 : 2));
  const runId = crypto.randomBytes(3).toString('hex');
  const storm = await ctx.startServerOnEmptyDatabase(`bench_storm_${runId}`);
  const client = await new MongoClient(storm.context.mongodbUri).connect();
  const figures: RoundFigures[] = [];
  try {
    await insertScenery(client.db());
    for (let round = 0; round < rounds; round++) figures.push(await stormRound(storm.context, client.db(), round, runId));
  } finally {
    await client.close();
    await storm.stop();
  }

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const row = (label: Cell, f: RoundFigures): Cell[] => [
    label, seconds(f.wallMs), Math.round(f.p50), Math.round(f.p99), `${f.claims} / ${f.confirmed}`, f.waiting, f.errors.length,
  ];
  const rows = figures.map((f, i) => row(i + 1, f));
  if (rounds > 1) {
    const mid = (key: 'wallMs' | 'p50' | 'p99') => median(figures.map((f) => f[key]));
    rows.push(['median', seconds(mid('wallMs')), Math.round(mid('p50')), Math.round(mid('p99')), '', median(figures.map((f) => f.waiting)), median(figures.map((f) => f.errors.length))]);
  }
  const overbooked = figures.filter((f) => f.claims !== SEATS || f.confirmed !== SEATS);
  const errorCodes = new Map<string, number>();
  for (const error of figures.flatMap((f) => f.errors)) errorCodes.set(error.error!, (errorCodes.get(error.error!) ?? 0) + 1);
  return {
    title: `Booking storm: ${HOUSEHOLDS.toLocaleString('en')} households, ${SEATS} seats`,
    description:
      `${HOUSEHOLDS} signed-in households each book one seat of a ${SEATS}-seat lecture at the same moment (all requests sent ` +
      `at once over connections opened beforehand); ${rounds} round${rounds > 1 ? 's' : ''}, each on a fresh lecture, on a server and ` +
      `database of the storm's own (BENCH_STORM_ROUNDS sets the rounds). ` +
      `Confirmed seats are read from the database (seat claims / CONFIRMED bookings) and must be exactly ${SEATS}.`,
    columns: ['round', 'wall s', 'p50 ms', 'p99 ms', 'confirmed (claims / bookings)', 'waiting list', 'errors'],
    rows,
    notes: [
      overbooked.length
        ? `!!! CONFIRMED SEATS ARE NOT ${SEATS} in round ${overbooked.map((f) => figures.indexOf(f) + 1).join(', ')}: ` +
          overbooked.map((f) => `${f.claims} seat claims, ${f.confirmed} confirmed bookings`).join('; ') + ' !!!'
        : `Every round confirmed exactly ${SEATS} seats (claims and bookings agree) and queued the rest.`,
      ...(errorCodes.size ? [`Errors by code: ${[...errorCodes].map(([code, n]) => `${code} × ${n}`).join(', ')}.`] : []),
      ...figures
        .filter((f) => f.answeredConfirmed !== f.confirmed)
        .map((f) => `Round ${figures.indexOf(f) + 1}: ${f.answeredConfirmed} answers said CONFIRMED, the database holds ${f.confirmed}.`),
    ],
  };
}
