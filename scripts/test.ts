/**
 * `npm test`: installs what the tests need (the engine, Chromium and fonts), builds the server and
 * the mini program where stale, type-checks everything, then runs every suite with jest.
 */
import fs from 'node:fs';
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
  const resultsFile = path.join(paths.repoRoot, 'tests/artifacts/jest-results.json');
  fs.rmSync(resultsFile, { force: true });
  try {
    await run(bin('jest'), ['--ci', '--json', `--outputFile=${resultsFile}`, ...jestArgs], { cwd: paths.repoRoot });
  } finally {
    printSummary(resultsFile);
  }
}

/** The closing line CI reads: "tests: N passed, N failed". */
function printSummary(resultsFile: string): void {
  if (!fs.existsSync(resultsFile)) return;
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  console.log(`tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
