/**
 * `npm run bench`: the performance figures of issue 7, printed and written to BENCHMARKS.md.
 * Builds what it measures (server, weapp, H5), starts a fresh embedded engine (or uses MONGODB_URI)
 * and the compiled server seeded with the demo world, then runs each section alone, in an order
 * where no section's data disturbs a later one (the outreach section adds 10× history: last).
 *
 * BENCH_QUICK=1 runs everything briefly (rougher figures); BENCH_ONLY=sizes,round-trips runs some.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMiniappIfStale, buildServer } from './lib/build';
import { graphqlData } from './lib/graphql';
import { paths } from './lib/paths';
import { say } from './lib/run';
import { startServerProcess } from './lib/server-process';
import { startFerretDB, type RunningEngine } from './db/ferretdb';
import { benchFirstScreen } from './bench/first-screen';
import { benchOutreach } from './bench/outreach';
import { machineDescription, sectionMarkdown, writeBenchmarks } from './bench/report';
import { benchRoundTrips } from './bench/round-trips';
import { benchSizes } from './bench/sizes';
import { benchBookingStorm } from './bench/storm';
import { benchThroughput } from './bench/throughput';
import type { BenchContext, BenchSection, Role } from './bench/types';

const SECTIONS: Array<[name: string, run: (ctx: BenchContext) => Promise<BenchSection | BenchSection[]>]> = [
  ['sizes', benchSizes],
  ['round-trips', benchRoundTrips],
  ['throughput', benchThroughput],
  ['first-screen', benchFirstScreen],
  ['storm', benchBookingStorm],
  ['outreach', benchOutreach],
];

/** A URI for database `name` on the same server as `uri` (query options kept). */
function sameServer(uri: string, name: string): string {
  const url = new URL(uri);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const quick = Boolean(process.env.BENCH_QUICK);
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !SECTIONS.some(([known]) => known === name)) ?? [];
  if (unknown.length) throw new Error(`BENCH_ONLY names unknown sections: ${unknown.join(', ')} (known: ${SECTIONS.map(([n]) => n).join(', ')})`);

  await buildServer();
  await buildMiniappIfStale('weapp');
  await buildMiniappIfStale('h5');

  let engine: RunningEngine | null = null;
  let dataDir: string | null = null;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-bench-'));
    engine = await startFerretDB({ dataDir });
    uri = engine.uri('bench');
  }
  // Every household of the bench comes from 127.0.0.1: rate limits would measure themselves.
  say('Starting the server on the demo world (seeding it takes a minute)…');
  const server = await startServerProcess({ MONGODB_URI: uri, RATE_LIMITS: 'off' }, 180_000);
  const rounds = Number(process.env.BENCH_ROUNDS || (quick ? 10 : 40));
  const uriFor = (name: string) => (engine ? engine.uri(name) : sameServer(uri!, name));
  const contextFor = (serverUrl: string, mongodbUri: string): BenchContext => {
    const graphqlUrl = `${serverUrl}/graphql`;
    const post = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphqlData(serverUrl, query, variables, token);
    return {
      graphqlUrl,
      serverUrl,
      mongodbUri,
      uriFor,
      rounds,
      quick,
      post,
      signIn: async (openId: string, role: Role = 'PARENT') =>
        (await post(`mutation($openId: String!, $role: Role) { signInForDevelopment(openId: $openId, role: $role) { token } }`, { openId, role }))
          .signInForDevelopment.token,
      async startServerOnEmptyDatabase(dbName: string) {
        const databaseUri = uriFor(dbName);
        const other = await startServerProcess({ MONGODB_URI: databaseUri, RATE_LIMITS: 'off', SEED_IF_EMPTY: 'false' });
        return { context: contextFor(other.url, databaseUri), stop: () => other.stop() };
      },
    };
  };
  const ctx = contextFor(server.url, uri);

  const sections: BenchSection[] = [];
  try {
    for (const [name, run] of SECTIONS) {
      if (only && !only.includes(name)) continue;
      say(`bench: ${name}…`);
      const started = Date.now();
      const result = await run(ctx);
      for (const section of Array.isArray(result) ? result : [result]) {
        sections.push(section);
        console.log(`\n${sectionMarkdown(section)}\n`);
      }
      say(`bench: ${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await server.stop();
    await engine?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (only) return say('BENCH_ONLY: BENCHMARKS.md left as it was (it holds whole runs only)');
  const file = path.join(paths.repoRoot, 'BENCHMARKS.md');
  writeBenchmarks(file, machineDescription(engine ? 'FerretDB 1.24.2 on SQLite (the embedded default), fresh' : 'MONGODB_URI', loadAtStart), sections);
  say(`Wrote ${path.relative(process.cwd(), file) || file}`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.stack ?? error.message}`);
  process.exit(1);
});
