import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig, redactUri } from './config';
import { connectDatabase, disconnectDatabase } from './db';
import { createLogger } from './logger';
import { seedIfEmpty } from './seed/seed';

/** Starts the server; any failure to start is one clear line on stderr and a non-zero exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  try {
    await connectDatabase(config.mongodbUri);
  } catch (error) {
    console.error(`error: cannot reach the database at ${redactUri(config.mongodbUri)}: ${(error as Error).message}`);
    process.exit(1);
  }

  if (config.seedIfEmpty) {
    const report = await seedIfEmpty();
    if (report) logger.info({ ...report }, 'seeded the demo world into an empty database');
  }

  const app = await createApp(config, logger);
  const port = await app.listen(config.port);
  logger.info({ port, graphql: `/graphql`, health: '/healthz' }, 'server listening');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await disconnectDatabase();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`error: the server could not start: ${error.message}`);
  process.exit(1);
});
