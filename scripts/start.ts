/**
 * `npm start`: the main job on a fresh clone. Starts the embedded engine (unless MONGODB_URI is
 * set), seeds an empty database once, builds what is stale, serves everything and prints the URLs.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildMiniappIfStale, buildServer } from './lib/build';
import { paths } from './lib/paths';
import { say } from './lib/run';
import { startFerretDB, type RunningEngine } from './db/ferretdb';

const DATABASE = 'family_education';

async function main(): Promise<void> {
  const port = process.env.PORT || '4000';
  let engine: RunningEngine | null = null;
  let uri = process.env.MONGODB_URI;
  if (uri) {
    say('Using the database in MONGODB_URI');
  } else {
    const enginePort = Number(process.env.FERRETDB_PORT || 27027);
    say(`Starting the embedded database (FerretDB on SQLite, 127.0.0.1:${enginePort}, data in .data/ferretdb)…`);
    engine = await startFerretDB({ dataDir: path.join(paths.dataDir, 'ferretdb'), port: enginePort });
    uri = engine.uri(DATABASE);
  }
  const stopEngine = async () => {
    await engine?.stop();
    engine = null;
  };

  try {
    await buildServer();
    await buildMiniappIfStale('h5');
    await buildMiniappIfStale('weapp');
  } catch (error) {
    await stopEngine();
    throw error;
  }

  const server = spawn(process.execPath, [path.join(paths.serverDir, 'dist/main.js')], {
    stdio: 'inherit',
    // The server seeds the demo world itself, only into a database without lectures.
    env: { ...process.env, MONGODB_URI: uri, PORT: port, SEED_IF_EMPTY: process.env.SEED_IF_EMPTY ?? 'true' },
  });
  const forward = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  server.on('exit', async (code) => {
    await stopEngine();
    process.exit(code ?? 0);
  });

  say(`家庭教育大讲堂 is starting:
    mini program (H5)  http://localhost:${port}/
    GraphQL            http://localhost:${port}/graphql
    health             http://localhost:${port}/healthz
    weapp build        ${path.relative(paths.repoRoot, path.join(paths.miniappDir, 'dist/weapp'))}/ (open the repository folder in WeChat DevTools)
  Press Ctrl+C to stop.`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
