import { spawn, type SpawnOptions } from 'node:child_process';

/** Prints a step the way every script here does, so a newcomer can follow along. */
export function say(message: string): void {
  process.stdout.write(`› ${message}\n`);
}

/** Runs a command to completion, inheriting the terminal; rejects with a one-line reason. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Runs a command and returns its stdout; `null` when it cannot run or fails. */
export function capture(command: string, args: string[], options: SpawnOptions = {}): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code === 0 ? out : null));
  });
}
