/**
 * Clients that accept gzip get it: the H5 app's scripts (most of the first load on a rural mobile
 * network) and large GraphQL answers; a client that does not ask gets the bytes as they are.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server';

function get(url: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; encoding?: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: body ? 'POST' : 'GET', headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode!, encoding: response.headers['content-encoding'], bytes }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('compression', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startTestServer({ label: 'compression', seed: false });
    const h5Dir = process.env.TEST_H5_DIR ?? path.resolve(__dirname, '../../miniapp/dist/h5');
    script = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8').match(/<script[^>]+src="\/?([^"]+\.js)"/)![1];
  });
  afterAll(() => server.close());

  it('sends the H5 app’s scripts gzipped to a client that accepts gzip, at under a third of their size', async () => {
    const plain = await get(`${server.url}/${script}`);
    const gzipped = await get(`${server.url}/${script}`, { 'accept-encoding': 'gzip' });
    expect(plain).toMatchObject({ status: 200, encoding: undefined });
    expect(gzipped).toMatchObject({ status: 200, encoding: 'gzip' });
    expect(gzipped.bytes).toBeLessThan(plain.bytes / 3);
  });

  it('gzips a large GraphQL answer, and leaves a small one as it is', async () => {
    const headers = { 'content-type': 'application/json', 'accept-encoding': 'gzip' };
    const large = await get(`${server.url}/graphql`, headers, JSON.stringify({ query: '{ __schema { types { name description } } }' }));
    const small = await get(`${server.url}/graphql`, headers, JSON.stringify({ query: '{ __typename }' }));
    expect(large).toMatchObject({ status: 200, encoding: 'gzip' });
    expect(small).toMatchObject({ status: 200, encoding: undefined });
  });
});
