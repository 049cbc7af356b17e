import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDB } from '../../scripts/db/ferretdb';
import { ENGINE_URI_ENV } from './engine';

/** Starts one FerretDB for the whole run on fresh, throw-away data (unless MONGODB_URI is given). */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-test-engine-'));
  const engine = await startFerretDB({ dataDir });
  process.env[ENGINE_URI_ENV] = engine.uri('admin');
  (globalThis as Record<string, unknown>).__testEngine = { engine, dataDir };
}
