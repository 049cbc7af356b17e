/**
 * The compiled server (`server/dist/main.js`) in a child process on a free port, seeding an empty
 * database: the server exactly as `npm start` runs it, for tests and benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export const serverMain = path.resolve(__dirname, '../../server/dist/main.js');

export interface ServerProcess {
  url: string;
  /** The server's process id (fault tests check it is the same process after an outage; RSS sampling). */
  pid: number;
  /** Whether the process has ended (by itself, a signal or a crash). */
  hasExited(): boolean;
  stop(): Promise<void>;
  /** Sends a signal and resolves with the exit code once the process has ended. */
  signal(signal: NodeJS.Signals): Promise<number | null>;
  /** The last error log lines (pino level ≥ 50) the server wrote: what a failing test should show. */
  errorLog(): string[];
}

export async function startServerProcess(
  env: Record<string, string> & { MONGODB_URI: string },
  timeoutMs = 60_000,
  /** Another build's main.js (the bench compares an earlier commit's server with this one). */
  main = serverMain,
): Promise<ServerProcess> {
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: compile the server first (npm test and npm start do)`);
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_IF_EMPTY: 'true',
      ...env,
      // The port is read from the "server listening" line, logged at info.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // stdout carries the JSON log lines; stderr is kept only to explain a failed start.
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const lines = readline.createInterface({ input: child.stdout! });
  const errorLog: string[] = [];
  lines.on('line', (line) => {
    if (!/"level":[56]\d/.test(line)) return;
    errorLog.push(line);
    if (errorLog.length > 20) errorLog.shift();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not listen within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    lines.on('line', (line) => {
      let entry: { msg?: string; port?: number };
      try {
        entry = JSON.parse(line);
      } catch {
        return; // not a log line
      }
      if (entry.msg === 'server listening' && typeof entry.port === 'number') {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stderr}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    errorLog: () => [...errorLog],
    signal(signal) {
      child.kill(signal);
      return exited;
    },
  };
}
