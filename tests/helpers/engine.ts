/**
 * Where the tests' databases live. With MONGODB_URI set the tests run against that server;
 * otherwise the global setup starts FerretDB once and publishes its address here.
 */
import crypto from 'node:crypto';

export const ENGINE_URI_ENV = 'TEST_ENGINE_URI';

/** A database of its own for one test file, so files never see each other's data. */
export function uniqueDatabaseUri(label: string): string {
  const base = process.env.MONGODB_URI || process.env[ENGINE_URI_ENV];
  if (!base) throw new Error('no database engine: run the tests through jest (global setup) or set MONGODB_URI');
  const url = new URL(base);
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 24)}_${crypto.randomBytes(4).toString('hex')}`;
  url.pathname = `/${name}`;
  return url.toString();
}
