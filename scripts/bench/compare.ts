/**
 * Before and after, in one run: `npx tsx scripts/bench/compare.ts <earlier checkout>` starts the
 * earlier checkout's compiled server and this one's, each on its own freshly seeded demo world on one
 * engine, and sends them the same requests in alternation. Medians and the after/before ratio are
 * measured side by side, so the machine's load falls on both alike. For BENCHMARKS.md's
 * "Before and after" rows, e.g.:
 *
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   (cd /tmp/before && npx tsc -p server) && npx tsx scripts/bench/compare.ts /tmp/before
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphqlData } from '../lib/graphql';
import { buildMiniappIfStale, buildServer, miniappOutputDir } from '../lib/build';
import { ensureBrowser } from '../lib/browser';
import { startServerProcess } from '../lib/server-process';
import { startFerretDB } from '../db/ferretdb';
import { launchBenchBrowser, loadHomeCold, SLOW_4G } from './first-screen';
import { FULL_LECTURE_LIST } from './round-trips';
import { median } from './stats';
import { markdownTable } from './report';

const HOME_LIST = `query($first: Int!) { lectures(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  edges { cursor node { id title startsAt endsAt seatsLeft venue { id name type isPracticeBase county { code name } } } } } }`;

async function main(): Promise<void> {
  const earlier = process.argv[2];
  if (!earlier) throw new Error('usage: npx tsx scripts/bench/compare.ts <earlier checkout with server/dist built>');
  const rounds = Number(process.env.BENCH_ROUNDS || 30);
  await buildServer();
  await buildMiniappIfStale('h5');
  await ensureBrowser();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-compare-'));
  const engine = await startFerretDB({ dataDir });
  const env = { RATE_LIMITS: 'off' };
  // Both serve this checkout's H5 build: what differs is the server.
  const before = await startServerProcess(
    { ...env, MONGODB_URI: engine.uri('before'), H5_DIR: miniappOutputDir('h5') }, 180_000, path.resolve(earlier, 'server/dist/main.js'),
  );
  const after = await startServerProcess({ ...env, MONGODB_URI: engine.uri('after') }, 180_000);
  try {
    const post = graphqlData;
    const signIn = async (url: string) =>
      (await post(url, `mutation { signInForDevelopment(openId: "compare-parent", role: PARENT) { token } }`, {})).signInForDevelopment.token;
    const tokens = { before: await signIn(before.url), after: await signIn(after.url) };
    const requests: Record<string, { query: string; variables: Record<string, unknown>; signedIn: boolean }> = {
      'home list, 20 (anonymous)': { query: HOME_LIST, variables: { first: 20 }, signedIn: false },
      'home list, 20 (a parent)': { query: HOME_LIST, variables: { first: 20 }, signedIn: true },
      'list with lecturer and my booking, 20': { query: FULL_LECTURE_LIST, variables: { first: 20 }, signedIn: true },
    };
    const rows: string[][] = [];
    for (const [name, request] of Object.entries(requests)) {
      const samples = { before: [] as number[], after: [] as number[] };
      for (let round = 0; round < rounds + 2; round++) {
        for (const [which, server] of [['before', before], ['after', after]] as const) {
          const started = performance.now();
          await post(server.url, request.query, request.variables, request.signedIn ? tokens[which] : undefined);
          if (round >= 2) samples[which].push(performance.now() - started); // two warm-up rounds
        }
      }
      const [b, a] = [median(samples.before), median(samples.after)];
      rows.push([name, b.toFixed(1), a.toFixed(1), (a / b).toFixed(2)]);
    }
    // The H5 first screen, cold, alternating between the two servers: loopback, then slow 4G.
    const loads = Number(process.env.BENCH_LOADS || 7);
    const browser = await launchBenchBrowser();
    try {
      for (const [label, network] of [['first lecture card, loopback', undefined], ['first lecture card, slow 4G', SLOW_4G]] as const) {
        const samples = { before: [] as number[], after: [] as number[] };
        for (let i = 0; i < loads; i++) {
          for (const [which, server] of [['before', before], ['after', after]] as const) {
            samples[which].push((await loadHomeCold(browser, server.url, { network, timeoutMs: 120_000 })).firstCardMs);
          }
        }
        const [b, a] = [median(samples.before), median(samples.after)];
        rows.push([`${label} (${loads} cold loads)`, b.toFixed(0), a.toFixed(0), (a / b).toFixed(2)]);
      }
    } finally {
      await browser.close();
    }
    console.log(`median of ${rounds} requests each, alternating; load average ${os.loadavg().map((v) => v.toFixed(1)).join(' / ')}`);
    console.log(markdownTable(['request', `before (${path.basename(earlier)}) ms`, 'after ms', 'after / before'], rows));
  } finally {
    await before.stop();
    await after.stop();
    await engine.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
