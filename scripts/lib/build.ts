/** Builds of the mini program and the server, each redone only when its inputs changed. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './paths';
import { run, say } from './run';

export type MiniappTarget = 'weapp' | 'h5';

const MINIAPP_INPUTS = ['src', 'config', 'babel.config.js', 'package.json', 'tsconfig.json', 'types'];

function hashTree(hash: crypto.Hash, file: string): void {
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) hashTree(hash, path.join(file, name));
  } else {
    hash.update(path.relative(paths.repoRoot, file));
    hash.update(fs.readFileSync(file));
  }
}

function miniappInputsHash(target: MiniappTarget, env: NodeJS.ProcessEnv): string {
  const hash = crypto.createHash('sha256');
  hash.update(target);
  hash.update(env.TARO_APP_API_URL ?? '');
  for (const input of MINIAPP_INPUTS) hashTree(hash, path.join(paths.miniappDir, input));
  hashTree(hash, path.join(paths.repoRoot, 'package-lock.json'));
  return hash.digest('hex');
}

export function miniappOutputDir(target: MiniappTarget): string {
  return path.join(paths.miniappDir, 'dist', target);
}

/** Runs `taro build` unless the output was built from exactly these inputs. */
export async function buildMiniappIfStale(target: MiniappTarget, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const stampFile = path.join(miniappOutputDir(target), '.build-inputs');
  const wanted = miniappInputsHash(target, env);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === wanted) return;
  say(`Building the mini program for ${target} (its sources changed)…`);
  const started = Date.now();
  await run(path.join(paths.repoRoot, 'node_modules/.bin/taro'), ['build', '--type', target], {
    cwd: paths.miniappDir,
    env: { ...env, NODE_ENV: 'production' },
  });
  fs.writeFileSync(stampFile, wanted);
  say(`Built miniapp/dist/${target} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Compiles the server with tsc; incremental, so an unchanged tree costs a second or two. */
export async function buildServer(): Promise<void> {
  say('Compiling the server…');
  await run(path.join(paths.repoRoot, 'node_modules/.bin/tsc'), ['-p', paths.serverDir]);
}
