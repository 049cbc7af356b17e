/**
 * Throughput and latency of the lecture list as a signed-in parent sees it (20 lectures with
 * venue, county, lecturer, seats left and the parent's own booking), against the floor: a plain
 * HTTP handler in its own process running the same database reads with the driver
 * (floor-server.ts). Load comes from a second process (load-client.ts, autocannon) on loopback.
 *
 * The list is the home screen's: upcoming lectures (`filter.from`, fixed for the whole run so
 * every request asks the same question). Without a filter the list starts with the oldest
 * lectures of 2021, where no parent can book, so `myBooking` would be null throughout.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import { paths } from '../lib/paths';
import { say } from '../lib/run';
import type { LoadFigures, LoadSpec } from './load-client';
import { median } from './stats';
import type { BenchContext, BenchSection } from './types';

export const LECTURE_LIST = `query($first: Int!, $filter: LectureFilter) { lectures(first: $first, filter: $filter) {
  totalCount pageInfo { endCursor hasNextPage }
  edges { node { id title startsAt endsAt seatsLeft venue { id name type county { code name } }
    lecturer { id name title } myBooking { id status partySize } } } } }`;
const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id status } }`;

/** The goals. */
const RATIO_GOAL = 0.6;
const P99_GOAL_MS = 100;
const STEADY_RATE = 100;
const MAX_CONNECTIONS = 50;
/** Enough connections to keep offering 100/s even while answers take 200 ms. */
const STEADY_CONNECTIONS = 20;
const ROUNDS = 3;
/** Under 50 connections a slow server's answers queue for long: count them, do not time them out. */
const PEAK_TIMEOUT_SECONDS = 120;
/** At the steady rate a request unanswered after this long is a failure a parent would see. */
const STEADY_TIMEOUT_SECONDS = 10;

/** One endpoint under load: the request autocannon repeats and how its right answer starts. */
interface Target {
  name: string;
  url: string;
  expectedPrefix: string;
}

/** load-client.ts in a process of its own, on one target. */
function runLoad(target: Target, request: { token: string; body: string }, load: Omit<LoadSpec, 'url' | 'token' | 'body' | 'expectedPrefix'>): Promise<LoadFigures> {
  const spec: LoadSpec = { url: target.url, expectedPrefix: target.expectedPrefix, ...request, ...load };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'load-client.ts'), JSON.stringify(spec)], {
      cwd: paths.repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadFigures) : reject(new Error(`load-client exited with ${code}: ${err}`))));
  });
}

interface FloorProcess {
  url: string;
  stop(): Promise<void>;
}

/** floor-server.ts in its own Node process (tsx as a loader), on a free port of loopback. */
async function startFloor(mongodbUri: string): Promise<FloorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'floor-server.ts')], {
    cwd: paths.repoRoot,
    env: { ...process.env, FLOOR_MONGODB_URI: mongodbUri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the floor server did not listen within 30 s:\n${stderr}`)), 30_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const port = /"msg":"floor listening","port":(\d+)/.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the floor server exited (${code}) before listening:\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/lectures`,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function fetchText(url: string, body: string, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** A parent with a booking among the first 20 upcoming lectures (booked now if not yet). */
async function parentWithBooking(ctx: BenchContext, variables: Record<string, unknown>): Promise<string> {
  const token = await ctx.signIn('bench-throughput-parent', 'PARENT');
  type Node = { id: string; seatsLeft: number; myBooking: unknown };
  const nodes: Node[] = (await ctx.post(LECTURE_LIST, variables, token)).lectures.edges.map((edge: { node: Node }) => edge.node);
  if (nodes.some((node) => node.myBooking)) return token;
  const lecture = nodes.find((node) => node.seatsLeft > 0);
  if (!lecture) throw new Error('none of the first 20 upcoming lectures has a seat left to book');
  await ctx.post(BOOK, { input: { lectureId: lecture.id, partySize: 1, idempotencyKey: `bench-throughput-${lecture.id}` } }, token);
  return token;
}

/** Milliseconds as read: a decimal only where it matters. */
const ms = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function benchThroughput(ctx: BenchContext): Promise<BenchSection[]> {
  const seconds = ctx.quick ? 5 : 15;
  const variables = { first: 20, filter: { from: new Date().toISOString() } };
  const request = { body: JSON.stringify({ query: LECTURE_LIST, variables }), token: await parentWithBooking(ctx, variables) };

  const floor = await startFloor(ctx.mongodbUri);
  try {
    // The floor must answer exactly what GraphQL answers, or the comparison means nothing.
    const graphqlText = await fetchText(ctx.graphqlUrl, request.body, request.token);
    const floorText = await fetchText(floor.url, request.body, request.token);
    const answer = JSON.parse(graphqlText);
    if (answer.errors) throw new Error(`the lecture list answered errors: ${JSON.stringify(answer.errors)}`);
    if (!answer.data.lectures.edges.some((edge: { node: { myBooking: unknown } }) => edge.node.myBooking)) {
      throw new Error('the parent has no booking among the listed lectures');
    }
    if (!isDeepStrictEqual(answer, JSON.parse(floorText))) {
      throw new Error(`THE FLOOR ANSWERS DIFFERENTLY FROM GRAPHQL, nothing measured.\nGraphQL: ${graphqlText}\nfloor:   ${floorText}`);
    }
    const expectedPrefix = `{"data":{"lectures":{"totalCount":${answer.data.lectures.totalCount},`;
    const graphql: Target = { name: 'GraphQL (Apollo + type-graphql + mongoose)', url: ctx.graphqlUrl, expectedPrefix };
    const plain: Target = { name: 'floor (node:http + mongodb driver)', url: floor.url, expectedPrefix };
    const targets = [graphql, plain];

    // One request at a time, interleaved: what a lone parent waits, with nothing else queued.
    const alone: Record<string, number[]> = { [graphql.name]: [], [plain.name]: [] };
    for (let i = 0; i < 5; i++) {
      for (const target of targets) alone[target.name].push(await timed(() => fetchText(target.url, request.body, request.token)));
    }

    // A warm-up (JIT, connection pools, the engine's caches) that also sizes the rounds: each
    // completes about `seconds` worth of answers at the rate the warm-up saw, and at least one per
    // connection, so that a server slower than the window (its answers would still be in flight
    // when a timed run ends) is measured all the same, only for longer.
    say(`lecture list: warming up, then ${ROUNDS} rounds per server at ${MAX_CONNECTIONS} connections…`);
    const peakLoad = { connections: MAX_CONNECTIONS, timeoutSeconds: PEAK_TIMEOUT_SECONDS };
    const amount: Record<string, number> = {};
    for (const target of targets) {
      const warmUp = await runLoad(target, request, { ...peakLoad, seconds });
      amount[target.name] = Math.max(MAX_CONNECTIONS, Math.round(warmUp.rps * seconds));
    }

    // Interleaved, so a burst of load from elsewhere on the machine hits both alike.
    const peak: Record<string, LoadFigures[]> = { [graphql.name]: [], [plain.name]: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const figures = await runLoad(target, request, { ...peakLoad, amount: amount[target.name] });
        say(`  round ${round + 1}, ${target.name}: ${figures.rps.toFixed(1)} requests/s`);
        peak[target.name].push(figures);
      }
    }
    say(`lecture list: ${seconds} s per server at ${STEADY_RATE} requests/s…`);
    const steady: Record<string, LoadFigures> = {};
    for (const target of targets) {
      steady[target.name] = await runLoad(target, request, {
        connections: STEADY_CONNECTIONS,
        seconds,
        overallRate: STEADY_RATE,
        timeoutSeconds: STEADY_TIMEOUT_SECONDS,
      });
    }

    const peakMedian = (name: string, key: keyof LoadFigures) => median(peak[name].map((figures) => figures[key]));
    const peakSum = (name: string, key: keyof LoadFigures) => peak[name].reduce((total, figures) => total + figures[key], 0);
    const ratio = peakMedian(graphql.name, 'rps') / peakMedian(plain.name, 'rps');
    const onLoad = steady[graphql.name];
    /** A percentile of no answers is no figure. */
    const latency = (figures: LoadFigures, value: number) => (figures.completed > figures.non2xx ? ms(value) : '—');

    const peakSection: BenchSection = {
      title: `Lecture list: most requests/s at ${MAX_CONNECTIONS} connections`,
      description:
        `A signed-in parent's upcoming lecture list (20 lectures with venue, county, lecturer, seats left, own booking) from ` +
        `autocannon in a second process, ${MAX_CONNECTIONS} connections, ${ROUNDS} rounds per server interleaved, each about ` +
        `${seconds} s of answers; medians. Floor: the same reads with the mongodb driver behind node:http, same JSON ` +
        `(checked equal first). Goal: GraphQL ≥ ${RATIO_GOAL} of the floor's requests/s.`,
      columns: ['server', 'requests/s', 'p50 ms', 'p99 ms', 'alone ms', 'failed'],
      rows: targets.map(({ name }) => [
        name,
        peakMedian(name, 'rps').toFixed(1),
        ms(peakMedian(name, 'p50')),
        ms(peakMedian(name, 'p99')),
        ms(median(alone[name])),
        peakSum(name, 'errors') + peakSum(name, 'non2xx') + peakSum(name, 'wrongBodies'),
      ]),
      notes: [
        `GraphQL / floor requests/s: ${ratio.toFixed(2)} (goal ≥ ${RATIO_GOAL}: ${ratio >= RATIO_GOAL ? 'met' : 'MISSED'}).`,
        `Per round, GraphQL ${peak[graphql.name].map((f) => f.rps.toFixed(1)).join(' / ')} and floor ` +
          `${peak[plain.name].map((f) => f.rps.toFixed(1)).join(' / ')} requests/s ` +
          `(${amount[graphql.name]} and ${amount[plain.name]} requests a round).`,
        '"alone ms": median of 5 requests one at a time; "failed": connection errors, timeouts, non-2xx and answers that were not the list.',
      ],
    };
    const achieved = onLoad.completed / onLoad.seconds;
    const steadySection: BenchSection = {
      title: `Lecture list at a steady ${STEADY_RATE} requests/s`,
      description:
        `The same request offered at ${STEADY_RATE}/s for ${seconds} s (autocannon overallRate over ${STEADY_CONNECTIONS} connections; ` +
        `latencies corrected for coordinated omission, so a server falling behind shows it in the percentiles). ` +
        `Goal: GraphQL p99 under ${P99_GOAL_MS} ms.`,
      columns: ['server', 'sent/s', 'answered/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'errors', 'timeouts', 'non-2xx', 'wrong bodies'],
      rows: targets.map(({ name }) => {
        const f = steady[name];
        return [name, (f.sent / f.seconds).toFixed(1), (f.completed / f.seconds).toFixed(1), latency(f, f.p50), latency(f, f.p99), latency(f, f.p999), f.errors, f.timeouts, f.non2xx, f.wrongBodies];
      }),
      notes: [
        `GraphQL p99 at ${STEADY_RATE} requests/s offered: ${latency(onLoad, onLoad.p99)} ms ` +
          `(goal < ${P99_GOAL_MS} ms: ${onLoad.completed > 0 && onLoad.p99 < P99_GOAL_MS ? 'met' : 'MISSED'}).`,
        ...(achieved < STEADY_RATE * 0.95
          ? [`GraphQL answered only ${achieved.toFixed(1)} of the ${STEADY_RATE} requests/s offered: it cannot sustain that rate here.`]
          : []),
        `Errors include timeouts (a request unanswered after ${STEADY_TIMEOUT_SECONDS} s); answers still in flight at the end are not counted.`,
      ],
    };
    return [peakSection, steadySection];
  } finally {
    await floor.stop();
  }
}
