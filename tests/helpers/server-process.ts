/**
 * The compiled server (`server/dist/main.js`, built by `npm test`) in a child process on a free
 * port, seeded into a database of its own. For suites whose environment is not plain Node
 * (the weapp pages run in jsdom), and to test the server exactly as `npm start` runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { uniqueDatabaseUri } from './engine';

export const serverMain = path.resolve(__dirname, '../../server/dist/main.js');

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startServerProcess(label: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!fs.existsSync(serverMain)) throw new Error(`${serverMain} is missing: run the tests with \`npm test\`, which compiles the server`);
  const child: ChildProcess = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      MONGODB_URI: uniqueDatabaseUri(label),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_IF_EMPTY: 'true',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const complete = output.split('\n').slice(0, -1);
      for (const line of complete) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line);
        if (entry.msg === 'server listening') return resolve(entry.port);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
