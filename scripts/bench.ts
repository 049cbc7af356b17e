/**
 * `npm run bench`: timings of the main read paths over HTTP against the compiled server on a fresh
 * embedded engine (or MONGODB_URI). Reports medians and ratios measured in the same run; these
 * machines are shared and noisy, so absolute numbers only compare within one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from './lib/build';
import { startServerProcess } from './lib/server-process';
import { startFerretDB, type RunningEngine } from './db/ferretdb';
import { run, say } from './lib/run';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 40);

const LIST = `query($first: Int, $filter: LectureFilter) { lectures(first: $first, filter: $filter) {
  totalCount pageInfo { endCursor hasNextPage }
  edges { node { id title startsAt seatsLeft venue { name type county { name } } lecturer { name } } } } }`;

// The dashboard's query: every figure of the year, by venue type, county and month.
const FIGURES = 'lecturesHeld seatsBooked peopleCheckedIn walkInPeople householdsReached averageRating lectureTarget lectureProgress';
const REPORT = `query($year: Int!, $countyCode: ID) { outreachReport(year: $year, countyCode: $countyCode) {
  totals { ${FIGURES} } byVenueType { venueType figures { ${FIGURES} } }
  byCounty { county { name } figures { ${FIGURES} } } byMonth { month figures { ${FIGURES} } } } }`;
const SIGN_IN = `mutation($openId: String!, $role: Role) { signInForDevelopment(openId: $openId, role: $role) { token } }`;
const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id status } }`;

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The outreach report as the dashboard asks for it: medians with nothing pending, and with one
 * change pending (a household just booked, so the report first recounts from the raw records).
 */
async function benchOutreach(graphql: string, label: string, rounds: number): Promise<Record<string, number>> {
  const { token } = (await post(graphql, SIGN_IN, { openId: 'bench-city-organizer', role: 'ORGANIZER' })).signInForDevelopment;
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
  const upcoming = (await post(graphql, LIST, { first: 50, filter: { from: new Date().toISOString() } })).lectures.edges
    .map((edge: { node: { id: string; seatsLeft: number } }) => edge.node)
    .filter((lecture: { seatsLeft: number }) => lecture.seatsLeft > 0);
  const report = (countyCode: string | null) => post(graphql, REPORT, { year, countyCode }, token);
  await report(null); // warm-up, and drains whatever the seeding left pending
  const samples: Record<string, number[]> = { city: [], county: [], 'city, a change pending': [] };
  for (let round = 0; round < rounds; round++) {
    samples.city.push(await timed(() => report(null)));
    samples.county.push(await timed(() => report('350702')));
    const lecture = upcoming[round % upcoming.length];
    const parent = (await post(graphql, SIGN_IN, { openId: `bench-${label}-parent-${round}`, role: 'PARENT' })).signInForDevelopment.token;
    await post(graphql, BOOK, { input: { lectureId: lecture.id, partySize: 1, idempotencyKey: `bench-${label}-${round}` } }, parent);
    samples['city, a change pending'].push(await timed(() => report(null)));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** In its own process (tsx, the server's sources), as a person would run it. */
async function generateHistory(uri: string, factor: number): Promise<void> {
  await run('npx', ['tsx', 'scripts/generate-outreach.ts', '--factor', String(factor), '--uri', uri]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  await buildServer();
  let engine: RunningEngine | null = null;
  let dataDir: string | null = null;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-bench-'));
    engine = await startFerretDB({ dataDir });
    uri = engine.uri('bench');
  }
  const server = await startServerProcess({ MONGODB_URI: uri });
  const graphql = `${server.url}/graphql`;
  try {
    const scenarios: Record<string, () => Promise<void>> = {
      'lectures, page of 5': () => post(graphql, LIST, { first: 5 }),
      'lectures, page of 50': () => post(graphql, LIST, { first: 50 }),
      'upcoming village lectures, page of 10': () =>
        post(graphql, LIST, { first: 10, filter: { venueType: 'VILLAGE', from: new Date().toISOString() } }),
      'search 家庭教育, page of 20': () => post(graphql, LIST, { first: 20, filter: { search: '家庭教育' } }),
      'counties': () => post(graphql, '{ counties { code name } }'),
    };
    const medians: Record<string, number> = {};
    // Interleaved rounds, so a burst of load from elsewhere hits every scenario alike.
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
    for (const run of Object.values(scenarios)) await run(); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(scenarios)) {
        const started = process.hrtime.bigint();
        await run();
        samples[name].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    say(`median of ${ROUNDS} requests each, ${engine ? 'embedded FerretDB' : 'MONGODB_URI'}:`);
    for (const [name, values] of Object.entries(samples)) {
      medians[name] = median(values);
      console.log(`  ${name.padEnd(40)} ${medians[name].toFixed(1).padStart(7)} ms`);
    }
    const ratio = medians['lectures, page of 50'] / medians['lectures, page of 5'];
    console.log(`  ratio page of 50 / page of 5: ${ratio.toFixed(2)} (the database round trips are equal: 5 each)`);

    const outreachRounds = Math.max(5, Math.round(ROUNDS / 4));
    const seeded = await benchOutreach(graphql, 'seeded', outreachRounds);
    const factor = Number(process.env.BENCH_OUTREACH_FACTOR || 10);
    say(`Generating ${factor}× the demo history for the outreach report (takes a minute or two)…`);
    await generateHistory(uri, factor);
    const scaled = await benchOutreach(graphql, `x${factor}`, outreachRounds);
    say(`outreachReport for this year, median of ${outreachRounds} requests each (seeded demo world, then ${factor}× its history):`);
    for (const name of Object.keys(seeded)) {
      console.log(`  ${name.padEnd(28)} seeded ${seeded[name].toFixed(1).padStart(7)} ms   ×${factor} ${scaled[name].toFixed(1).padStart(7)} ms   ratio ${(scaled[name] / seeded[name]).toFixed(2)}`);
    }
  } finally {
    await server.stop();
    await engine?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
