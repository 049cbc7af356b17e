import { Types } from 'mongoose';
import type { Logger } from '../../logger';
import { LectureModel } from '../lecture/lecture.model';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { runPeriodically } from '../shared/periodic';
import { ArchivedSeatCountModel, countSeatClaims, SeatClaimModel } from './booking.model';

/**
 * Seat claims exist so that a hall is never overbooked; once a lecture is over nobody books it again.
 * FerretDB filters anything but an `_id` by decoding the whole collection, so every list of lectures
 * and every booking paid for the claims of every past lecture (11.6k in the demo world against ~1.5k
 * of upcoming ones; the list's seat count took ~450 ms). A day after a lecture ends (room for the
 * reconciler and late door scans), its claims are counted into one `archived_seat_counts` document
 * and deleted. The bookings keep their seat numbers; `seatsLeft` of a past lecture reads the count.
 */
export const ARCHIVE_AFTER_MS = 24 * 3600 * 1000;

export interface ArchiveReport {
  lectures: number;
  claims: number;
}

export async function archivePastSeatClaims(now = new Date()): Promise<ArchiveReport> {
  const past = await LectureModel.find({ endsAt: { $lt: new Date(now.getTime() - ARCHIVE_AFTER_MS) } }, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>();
  if (!past.length) return { lectures: 0, claims: 0 };
  const counts = await countSeatClaims(past.map((lecture) => lecture._id));
  if (!counts.length) return { lectures: 0, claims: 0 };
  // The count first, then the claims: a crash between leaves claims that the next run deletes
  // (its count, already written, is kept: a duplicate is refused), never a lecture with neither.
  try {
    await ArchivedSeatCountModel.insertMany(counts.map((c) => ({ _id: c._id, taken: c.taken, archivedAt: now })), { ordered: false });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  await SeatClaimModel.deleteMany({ lectureId: { $in: counts.map((c) => c._id) } });
  return { lectures: counts.length, claims: counts.reduce((sum, c) => sum + c.taken, 0) };
}

async function archiveAndLog(logger: Logger): Promise<void> {
  const report = await archivePastSeatClaims();
  if (report.lectures) logger.info({ ...report }, 'archived the seat claims of past lectures');
}

/** Once now (a database that has grown a backlog sheds it at start), then every hour. */
export function startSeatArchiver(logger: Logger): { firstRun: Promise<void>; stop: () => void } {
  const firstRun = archiveAndLog(logger).catch((error: Error) => logger.error({ err: error }, 'seat archive failed'));
  return { firstRun, stop: runPeriodically('seat archive', () => archiveAndLog(logger), 3600_000, logger) };
}
