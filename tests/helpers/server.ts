/**
 * The real server, in this test process, over HTTP on a free port, against a database of the test
 * file's own on the real engine. In-process so a test can count the engine's round trips.
 */
import 'reflect-metadata';
import path from 'node:path';
import mongoose, { type mongo } from 'mongoose';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db';
import { createLogger } from '../../server/src/logger';
import { seedDemoWorld, type SeedReport } from '../../server/src/seed/seed';
import { countCommands } from '../../scripts/lib/count-commands';
import { testDatabase, type TestDatabase } from './engine';
import { postGraphQL, type GraphQLResponse } from './graphql';

export type { GraphQLResponse };

type CommandStartedEvent = mongo.CommandStartedEvent;

export interface TestServer {
  url: string;
  database: TestDatabase;
  seed?: SeedReport;
  /** POSTs a GraphQL request, with `Authorization: Bearer <token>` when a token is given. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Counts the commands the server sends to the database while `work` runs (those `counted` keeps). */
  countRoundTrips(work: () => Promise<unknown>, counted?: (command: CommandStartedEvent) => boolean): Promise<number>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  label: string;
  seed?: boolean;
  /** Where the H5 build is served from; defaults to the real build. */
  h5Dir?: string;
  /** The clock the demo world is built around. */
  now?: Date;
  /** Settings beyond the defaults, e.g. where the WeChat API is. */
  config?: Partial<Config>;
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const database = testDatabase(options.label);
  await connectDatabase(database.uri, { dbName: database.dbName, monitorCommands: true });
  const seed = options.seed === false ? undefined : await seedDemoWorld(options.now);

  const defaults = loadConfig({});
  const config = {
    ...defaults,
    // Every household of a test comes from 127.0.0.1: limits off unless the test is about them.
    rateLimits: { ...defaults.rateLimits, enabled: false },
    mongodbUri: database.uri,
    mongodbDbName: database.dbName,
    host: '127.0.0.1',
    h5Dir: options.h5Dir ?? process.env.TEST_H5_DIR ?? path.resolve(__dirname, '../../miniapp/dist/h5'),
    ...options.config,
  };
  const app = await createApp(config, createLogger(process.env.TEST_LOG_LEVEL || 'silent'));
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    database,
    seed,
    graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
    countRoundTrips: countCommands,
    async close() {
      await app.close();
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await disconnectDatabase();
    },
  };
}
