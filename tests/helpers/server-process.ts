import { startServerProcess as start, type ServerProcess } from '../../scripts/lib/server-process';
import { connectDatabase, disconnectDatabase } from '../../server/src/db';
import { dropTestDatabase, testDatabase, type TestDatabase } from './engine';

export type { ServerProcess };

/**
 * The compiled server in a child process, on a database of the test's own (or the one given);
 * stopping it drops that database unless `keep` is set.
 */
export async function startServerProcess(
  label: string,
  options: { database?: TestDatabase; keep?: boolean; env?: Record<string, string> } = {},
): Promise<ServerProcess & { database: TestDatabase }> {
  const database = options.database ?? testDatabase(label);
  // Many households from one loopback address: limits off unless the test is about them.
  const server = await start({ MONGODB_URI: database.uri, MONGODB_DB: database.dbName, RATE_LIMITS: 'off', ...options.env });
  return {
    ...server,
    database,
    async stop() {
      await server.stop();
      if (!options.keep) await dropTestDatabase(database);
    },
  };
}

/**
 * A database for the server processes of one describe block, connected in the test process too (to
 * seed it and read what the servers wrote), and dropped after the block. Returns its getter.
 */
export function connectedTestDatabase(label: string): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = testDatabase(label);
    await connectDatabase(database.uri, { dbName: database.dbName });
  });
  afterAll(async () => {
    await disconnectDatabase();
    if (database) await dropTestDatabase(database);
  });
  return () => database!;
}
