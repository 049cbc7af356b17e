// `npm start`, `npm test` and `npm run bench` enter here. Plain JavaScript on purpose: this runs on a
// fresh clone before `npm install`, when no TypeScript tooling exists yet. It installs the
// dependencies when they are missing or older than package-lock.json, then hands over to
// scripts/<command>.ts.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'node_modules', '.installed-lock-hash');
const [command, ...args] = process.argv.slice(2);

function lockHash() {
  const files = ['package.json', 'package-lock.json', 'server/package.json', 'miniapp/package.json'];
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

function ensureDependencies() {
  const wanted = lockHash();
  const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : null;
  if (installed === wanted) return;
  const fresh = !fs.existsSync(path.join(root, 'node_modules'));
  const npmArgs = fresh ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`› Installing npm dependencies (npm ${npmArgs[0]}; the first time takes a few minutes)…`);
  const result = spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('error: npm could not install the dependencies; see the output above.');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, wanted);
}

if (!['start', 'test', 'bench'].includes(command)) {
  console.error(`usage: node scripts/bootstrap.mjs start|test|bench [args]`);
  process.exit(2);
}
ensureDependencies();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const result = spawnSync(tsx, [path.join(root, 'scripts', `${command}.ts`), ...args], { cwd: root, stdio: 'inherit' });
if (result.error) {
  console.error(`error: could not run scripts/${command}.ts: ${result.error.message}`);
  process.exit(1);
}
// A run ended by a signal (or anything but a clean exit) must never read as success.
process.exit(result.status ?? 1);
