import fs from 'node:fs';
import type { RunningEngine } from '../../scripts/db/ferretdb';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__testEngine as { engine: RunningEngine; dataDir: string } | undefined;
  if (!state) return;
  await state.engine.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
