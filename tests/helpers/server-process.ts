import { startServerProcess as start, type ServerProcess } from '../../scripts/lib/server-process';
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
