import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig, redactUri } from './config';
import { connectDatabase, disconnectDatabase } from './db';
import { createLogger } from './logger';
import { startReconciler } from './modules/booking/booking.reconciler';
import { startSeatArchiver } from './modules/booking/seat-archive';
import { startNoShowSweeper } from './modules/checkin/checkin.service';
import { startDeliveryWorker } from './modules/notification/delivery.worker';
import { startOutcomeJobs } from './modules/outreach/outcome.service';
import { startRateLimitCleanup } from './modules/rate-limit/rate-limit.cleanup';
import { seedIfEmpty } from './seed/seed';

/** Starts the server; any failure to start is one clear line on stderr and a non-zero exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  try {
    await connectDatabase(config.mongodbUri, { dbName: config.mongodbDbName });
  } catch (error) {
    console.error(`error: cannot use the database at ${redactUri(config.mongodbUri)}: ${(error as Error).message}`);
    process.exit(1);
  }

  if (config.seedIfEmpty) {
    const report = await seedIfEmpty();
    if (report) logger.info({ ...report }, 'seeded what the demo world was missing');
  }

  // Before the port opens, so no request pays for a backlog of past lectures' seat claims.
  const seatArchiver = startSeatArchiver(logger);
  await seatArchiver.firstRun;

  const app = await createApp(config, logger);
  const stopReconciler = startReconciler(logger, config.reconcileIntervalMs);
  const stopNoShowSweeper = startNoShowSweeper(logger, config.reconcileIntervalMs);
  const stopRateLimitCleanup = startRateLimitCleanup(logger);
  const stopDelivery = startDeliveryWorker(
    { wechat: app.services.wechat, templates: config.wechat.templates, logger },
    config.deliveryIntervalMs,
  );
  const port = await app.listen(config.port);
  logger.info({ port, graphql: `/graphql`, health: '/healthz' }, 'server listening');
  // The outreach report's per-lecture outcomes, started once the port is open (a big first build of
  // missing ones must not keep it closed; reports refresh on demand meanwhile): missing ones built
  // in the background, marks drained every minute, an hourly full check.
  const stopOutcomeJobs = startOutcomeJobs(logger);

  // Ctrl+C reaches us twice (from the terminal and forwarded by `npm start`): shut down once.
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    // Whatever hangs, the process ends: a supervisor waiting on it must not wait forever.
    setTimeout(() => process.exit(1), 15_000).unref();
    stopReconciler();
    seatArchiver.stop();
    stopNoShowSweeper();
    stopRateLimitCleanup();
    stopOutcomeJobs();
    stopDelivery();
    await app.close();
    await disconnectDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`error: the server could not start: ${error.message}`);
  process.exit(1);
});
