/**
 * Where the tests' databases live. With MONGODB_URI set the tests run against that server;
 * otherwise the global setup starts FerretDB once and publishes its address here.
 */
import crypto from 'node:crypto';
import mongoose from 'mongoose';

export const ENGINE_URI_ENV = 'TEST_ENGINE_URI';

export interface TestDatabase {
  /** The server's URI as given (a replica-set URI with several hosts works too). */
  uri: string;
  /** A database of the test file's own, passed as `dbName` so credentials keep their authSource. */
  dbName: string;
}

export function testDatabase(label: string): TestDatabase {
  const uri = process.env.MONGODB_URI || process.env[ENGINE_URI_ENV];
  if (!uri) throw new Error('no database engine: run the tests through jest (global setup) or set MONGODB_URI');
  const dbName = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 24)}_${crypto.randomBytes(4).toString('hex')}`;
  return { uri, dbName };
}

/** Drops a test database through a connection of its own (the server that used it may be gone). */
export async function dropTestDatabase({ uri, dbName }: TestDatabase): Promise<void> {
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
