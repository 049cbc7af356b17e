/**
 * `npm test`: installs what the tests need (the engine, Chromium and fonts), builds the server and
 * the mini program where stale, type-checks everything, then runs every suite with jest.
 */
import path from 'node:path';
import { ensureBrowser } from './lib/browser';
import { buildMiniappIfStale, buildServer } from './lib/build';
import { paths } from './lib/paths';
import { run, say } from './lib/run';
import { installFerretDB } from './db/ferretdb';

const bin = (name: string) => path.join(paths.repoRoot, 'node_modules/.bin', name);

async function main(): Promise<void> {
  const jestArgs = process.argv.slice(2);
  await ensureBrowser();
  if (!process.env.MONGODB_URI) await installFerretDB();
  await buildServer();
  await buildMiniappIfStale('weapp');
  await buildMiniappIfStale('h5');
  say('Type-checking the mini program and the tests…');
  await run(bin('tsc'), ['-p', path.join(paths.miniappDir, 'tsconfig.json'), '--noEmit']);
  await run(bin('tsc'), ['-p', path.join(paths.repoRoot, 'tests/tsconfig.json')]);
  say('Running the tests…');
  await run(bin('jest'), ['--ci', ...jestArgs], { cwd: paths.repoRoot });
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
