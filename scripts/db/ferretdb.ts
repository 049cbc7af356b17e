/**
 * The embedded default database engine: FerretDB 1.24.2 on SQLite, a real MongoDB-compatible server
 * built from the Go module proxy into `.engine/` and run on loopback with telemetry off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { paths } from '../lib/paths';
import { capture, run, say } from '../lib/run';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
export const ferretdbBinary = path.join(paths.engineDir, 'bin', 'ferretdb');

async function installedVersion(): Promise<string | null> {
  if (!fs.existsSync(ferretdbBinary)) return null;
  const out = await capture(ferretdbBinary, ['--version']);
  return out?.match(/^version:\s*(\S+)/m)?.[1] ?? null;
}

/**
 * Builds FerretDB once; later calls return at once. `go install module@version` is not enough:
 * the module as published lacks `build/version/version.txt`, which FerretDB's own `task` writes,
 * and the binary then panics at start. So the module source is copied, that file written, and
 * the copy built. Newer Go linkers refuse a linkname in a dependency; `-checklinkname=0` allows it.
 */
export async function installFerretDB(): Promise<string> {
  if ((await installedVersion()) === FERRETDB_VERSION) return ferretdbBinary;

  if ((await capture('go', ['version'])) === null) {
    throw new Error(
      'Go is needed to build the embedded database (FerretDB) but `go` was not found on PATH. ' +
        'Install Go 1.24 or newer (https://go.dev/doc/install), or set MONGODB_URI to use an existing MongoDB.',
    );
  }

  say(`Building FerretDB ${FERRETDB_VERSION} into ${path.relative(paths.repoRoot, paths.engineDir)}/ (first time only; takes a few minutes)…`);
  const download = await capture('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`]);
  if (download === null) throw new Error(`go mod download ${MODULE}@${FERRETDB_VERSION} failed; is the Go module proxy reachable?`);
  const moduleDir: string = JSON.parse(download).Dir;

  const sourceDir = path.join(paths.engineDir, 'src');
  fs.rmSync(sourceDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
  fs.cpSync(moduleDir, sourceDir, { recursive: true });
  makeWritable(sourceDir);
  fs.writeFileSync(path.join(sourceDir, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);

  await run('go', ['build', '-trimpath', '-ldflags=-checklinkname=0', '-o', ferretdbBinary, './cmd/ferretdb'], {
    cwd: sourceDir,
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  fs.rmSync(sourceDir, { recursive: true, force: true });

  const version = await installedVersion();
  if (version !== FERRETDB_VERSION) throw new Error(`FerretDB built but reports version ${version ?? 'none'}`);
  say(`FerretDB ${FERRETDB_VERSION} is ready at ${path.relative(paths.repoRoot, ferretdbBinary)}`);
  return ferretdbBinary;
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) makeWritable(full);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningEngine {
  port: number;
  /** A connection string for one database on this engine. */
  uri(database: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where SQLite files live; kept across restarts. */
  dataDir: string;
  port?: number;
  /** Seconds to wait for the engine to answer a ping. */
  readyTimeoutSeconds?: number;
}

/**
 * Starts FerretDB on 127.0.0.1 and resolves once it answers a MongoDB ping. A process left over
 * from an earlier run on the same data (recorded in `ferretdb.pid`) is stopped first: two engines
 * must never write one SQLite folder.
 */
export async function startFerretDB(options: StartOptions): Promise<RunningEngine> {
  const binary = await installFerretDB();
  const port = options.port ?? (await freePort());
  const debugPort = await freePort();
  const stateDir = path.join(options.dataDir, 'state');
  const sqliteDir = path.join(options.dataDir, 'sqlite');
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(sqliteDir, { recursive: true });
  const pidFile = path.join(options.dataDir, 'ferretdb.pid');
  await stopStaleProcess(pidFile);

  const logFile = path.join(options.dataDir, 'ferretdb.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--telemetry=disable',
      `--state-dir=${stateDir}`,
      '--log-level=WARN',
    ],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  fs.writeFileSync(pidFile, String(child.pid));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = (database: string) => `mongodb://127.0.0.1:${port}/${database}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(pidFile, { force: true });
  };

  try {
    await waitUntilReady(child, uri('admin'), options.readyTimeoutSeconds ?? 30, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, uri, stop };
}

async function stopStaleProcess(pidFile: string): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('ferretdb')) return;
  say(`Stopping FerretDB left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  if (await exitedWithin(pid, 5000)) return;
  process.kill(pid, 'SIGKILL');
  if (!(await exitedWithin(pid, 5000))) throw new Error(`FerretDB (pid ${pid}) from an earlier run will not stop; stop it by hand`);
}

async function exitedWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!fs.existsSync(`/proc/${pid}`)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !fs.existsSync(`/proc/${pid}`);
}

async function waitUntilReady(child: ChildProcess, uri: string, timeoutSeconds: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`FerretDB exited at start (${child.exitCode ?? child.signalCode}); see ${logFile}:\n${tail(logFile)}`);
    }
    const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 500 });
    try {
      await connection.asPromise();
      await connection.db!.admin().ping();
      return;
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await connection.close().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not answer within ${timeoutSeconds}s (${lastError}); see ${logFile}`);
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-10).join('\n');
  } catch {
    return '';
  }
}
