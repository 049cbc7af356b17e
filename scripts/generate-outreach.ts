/**
 * `npx tsx scripts/generate-outreach.ts --factor 10 [--uri mongodb://host:port/db] [--now 2026-11-28T12:00:00+08:00]`:
 * seeds the demo world (if needed) and multiplies its history `factor` times (more lectures over the
 * same years, with their bookings, check-ins and feedback), for measuring the outreach report on
 * more data. Deterministic; running it again adds nothing. The URI defaults to MONGODB_URI.
 */
import 'reflect-metadata';
import { connectDatabase, disconnectDatabase } from '../server/src/db';
import { generateOutreachHistory, MAX_FACTOR } from '../server/src/seed/scale';
import { say } from './lib/run';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const factor = Number(option('factor') ?? 10);
  if (!Number.isInteger(factor) || factor < 1 || factor > MAX_FACTOR) throw new Error(`--factor must be an integer 1..${MAX_FACTOR}`);
  const uri = option('uri') ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('give --uri mongodb://host:port/database (or set MONGODB_URI)');
  const nowText = option('now');
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${nowText}`);

  await connectDatabase(uri);
  const started = Date.now();
  const report = await generateOutreachHistory(factor, now);
  say(
    `History ×${factor}: ${report.lectures} lectures, ${report.bookings} bookings, ${report.seatClaims} seat claims, ` +
      `${report.checkIns} check-ins, ${report.feedback} feedback, ${report.households} households; ` +
      `${report.outcomes} outcomes rebuilt; ${report.inserted} documents added` +
      (report.skippedGenerations ? ` (${report.skippedGenerations} generations were already there)` : '') +
      ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await disconnectDatabase();
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
