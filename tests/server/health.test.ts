import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db';
import { createLogger } from '../../server/src/logger';
import { startFerretDB } from '../../scripts/db/ferretdb';
import { startTestServer, type TestServer } from '../helpers/server';

describe('GET /healthz', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'health', seed: false });
  });
  afterAll(() => server.close());

  it('answers 200 with the engine it talks to while the database answers', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ ok: true, state: 'connected' });
    if (!process.env.MONGODB_URI) expect(body.database.engine).toBe('FerretDB v1.24.2');
  });
});

describe('GET /healthz when the database goes away', () => {
  // An engine of this file's own, so stopping it disturbs no other test; a server given in
  // MONGODB_URI cannot be stopped by a test, so this one needs the embedded engine.
  const withEmbeddedEngine = process.env.MONGODB_URI ? it.skip : it;
  withEmbeddedEngine('answers 503 and says the database is unavailable', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fel-health-'));
    const engine = await startFerretDB({ dataDir });
    await connectDatabase(engine.uri('health_outage'), { serverSelectionTimeoutMS: 1000 });
    const app = await createApp({ ...loadConfig({}), host: '127.0.0.1' }, createLogger('silent'));
    const port = await app.listen(0);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      await engine.stop();
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe('unavailable');
      expect(body.database.ok).toBe(false);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\d+\.\d+\.\d+\.\d+:\d+/);
    } finally {
      await app.close();
      await disconnectDatabase();
      await engine.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
