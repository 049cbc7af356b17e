/**
 * `npm run bench`: timings of the main read paths over HTTP against the compiled server on a fresh
 * embedded engine (or MONGODB_URI). Reports medians and ratios measured in the same run; these
 * machines are shared and noisy, so absolute numbers only compare within one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from './lib/build';
import { say } from './lib/run';
import { startServerProcess } from './lib/server-process';
import { startFerretDB, type RunningEngine } from './db/ferretdb';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 40);

const LIST = `query($first: Int, $filter: LectureFilter) { lectures(first: $first, filter: $filter) {
  totalCount pageInfo { endCursor hasNextPage }
  edges { node { id title startsAt seatsLeft venue { name type county { name } } lecturer { name } } } } }`;

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
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
