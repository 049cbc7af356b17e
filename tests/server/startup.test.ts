import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/db/ferretdb';
import { testDatabase } from '../helpers/engine';
import { postGraphQL } from '../helpers/graphql';
import { startServerProcess } from '../helpers/server-process';

const main = path.resolve(__dirname, '../../server/dist/main.js');

describe('starting the server', () => {
  it('exits non-zero within seconds with one clear line when the database is unreachable', async () => {
    expect(fs.existsSync(main)).toBe(true); // `npm test` compiles the server first
    const port = await freePort(); // nothing listens there
    const started = Date.now();
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, MONGODB_URI: `mongodb://127.0.0.1:${port}/nowhere`, PORT: '0' },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: cannot use the database at mongodb://127\\.0\\.0\\.1:${port}/nowhere`));
    expect(stderr + stdout).not.toMatch(/\n\s+at /);
  });
});

describe('the compiled server as `npm start` runs it', () => {
  // Two starts, each allowed up to 60 s by the helper, so its own message shows before jest's.
  it('seeds an empty database once, and a restart on the same data never duplicates', async () => {
    const database = testDatabase('restart');
    const total = async (url: string) => {
      const { data } = await postGraphQL(url, '{ lectures { totalCount } counties { code } }');
      return { lectures: data.lectures.totalCount, counties: data.counties.length };
    };

    const first = await startServerProcess('restart', { database, keep: true });
    const afterFirst = await total(first.url);
    await first.stop();
    const second = await startServerProcess('restart', { database });
    try {
      expect(afterFirst.counties).toBe(10);
      expect(afterFirst.lectures).toBeGreaterThanOrEqual(150);
      expect(await total(second.url)).toEqual(afterFirst);
    } finally {
      await second.stop();
    }
  }, 150_000);
});

describe('stopping the server', () => {
  // Outside jest NODE_ENV is not "test", which changes Apollo's own signal handling: run as deployed.
  it.each(['SIGTERM', 'SIGINT'] as const)('exits cleanly and promptly on %s', async (signal) => {
    const server = await startServerProcess('shutdown', { env: { NODE_ENV: 'development', SEED_IF_EMPTY: 'false' } });
    await fetch(`${server.url}/healthz`);
    const started = Date.now();
    const code = await server.signal(signal);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
