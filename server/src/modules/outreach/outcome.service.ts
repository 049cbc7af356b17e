import { Types } from 'mongoose';
import type { Logger } from '../../logger';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel } from '../booking/booking.model';
import { CheckInMethod, CheckInModel } from '../checkin/checkin.model';
import { FeedbackModel } from '../feedback/feedback.model';
import { LectureModel } from '../lecture/lecture.model';
import { isDuplicateKeyError, retryWhileBusy } from '../shared/mongo-errors';
import { runPeriodically } from '../shared/periodic';
import { LectureOutcomeModel, OutreachChangeModel, type LectureOutcomeDoc, type OutreachChangeDoc } from './lecture-outcome.model';

/**
 * Keeps `lecture_outcomes` in step with bookings, check-ins and feedback. Writers append a mark
 * (`noteLectureChanged`); `refreshOutcomes` recomputes the marked lectures from their raw records
 * and deletes exactly the marks it read. Every recomputation reads each raw collection once for
 * the whole batch: the engine decodes a whole collection for any filter, so one scan per
 * collection is the least a batch can cost, and it costs the same for one lecture or a thousand.
 */

/** Booking states that hold seats: what "booked" means in the report. */
export const SEAT_HOLDING = [BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW];
/** Marks read per round of a refresh; a longer backlog is drained in several rounds. */
const MARKS_PER_ROUND = 5000;
/** Tries of a write the engine refused as busy (SQLite's one writer was another's). */
let logger: Pick<Logger, 'error' | 'warn' | 'info'> = {
  error: (...args: unknown[]) => console.error(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  info: () => undefined,
} as unknown as Logger;

/** Where mark failures and job results are logged (the server's logger, set at start). */
export function setOutcomeLogger(value: Logger): void {
  logger = value;
}

const toObjectId = (id: Types.ObjectId | string) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/**
 * Marks a lecture's tallies as changed; call it after any write to its bookings, check-ins or
 * feedback. Never throws: the user's action has happened and must not be reported as failed. A
 * lost mark is logged and repaired by the periodic full check.
 */
export async function noteLectureChanged(lectureId: Types.ObjectId | string): Promise<void> {
  try {
    const mark = { _id: new Types.ObjectId(), lectureId: toObjectId(lectureId), at: new Date() };
    await retryWhileBusy(() => OutreachChangeModel.collection.insertOne(mark));
  } catch (error) {
    logger.error({ err: error, lectureId: String(lectureId) }, 'could not mark a lecture for the outreach report; the periodic check repairs it');
  }
}

interface Tally {
  seatsBooked: number;
  householdsBooked: Set<string>;
  noShowSeats: number;
  peopleCheckedIn: number;
  walkInPeople: number;
  householdIds: Map<string, Types.ObjectId>;
  ratingSum: number;
  ratingCount: number;
}

const emptyTally = (): Tally => ({
  seatsBooked: 0,
  householdsBooked: new Set(),
  noShowSeats: 0,
  peopleCheckedIn: 0,
  walkInPeople: 0,
  householdIds: new Map(),
  ratingSum: 0,
  ratingCount: 0,
});

/** The outcome documents of `lectureIds`, from one read of each raw collection. */
async function computeOutcomes(lectureIds: Types.ObjectId[], computedAt: Date): Promise<LectureOutcomeDoc[]> {
  const ids = { $in: lectureIds };
  const [bookings, arrivals, feedback] = await Promise.all([
    BookingModel.find({ lectureId: ids, status: { $in: SEAT_HOLDING }, cancelledAt: null }, { lectureId: 1, userId: 1, partySize: 1, status: 1 })
      .lean<Array<{ lectureId: Types.ObjectId; userId: Types.ObjectId; partySize: number; status: string }>>(),
    CheckInModel.find({ lectureId: ids }, { lectureId: 1, userId: 1, partySize: 1, method: 1 })
      .lean<Array<{ lectureId: Types.ObjectId; userId?: Types.ObjectId; partySize: number; method: string }>>(),
    FeedbackModel.find({ lectureId: ids }, { lectureId: 1, rating: 1 }).lean<Array<{ lectureId: Types.ObjectId; rating: number }>>(),
  ]);
  const tallies = new Map(lectureIds.map((id) => [id.toHexString(), emptyTally()]));
  const tallyOf = (lectureId: Types.ObjectId) => tallies.get(lectureId.toHexString());

  for (const booking of bookings) {
    const tally = tallyOf(booking.lectureId);
    if (!tally) continue;
    tally.seatsBooked += booking.partySize;
    tally.householdsBooked.add(booking.userId.toHexString());
    if (booking.status === BookingStatus.NO_SHOW) tally.noShowSeats += booking.partySize;
  }
  for (const arrival of arrivals) {
    const tally = tallyOf(arrival.lectureId);
    if (!tally) continue;
    if (arrival.method === CheckInMethod.WALK_IN) {
      tally.walkInPeople += arrival.partySize;
      continue;
    }
    tally.peopleCheckedIn += arrival.partySize;
    if (arrival.userId) tally.householdIds.set(arrival.userId.toHexString(), arrival.userId);
  }
  for (const answer of feedback) {
    const tally = tallyOf(answer.lectureId);
    if (!tally) continue;
    tally.ratingSum += answer.rating;
    tally.ratingCount++;
  }

  return lectureIds.map((id) => {
    const tally = tallies.get(id.toHexString())!;
    return {
      _id: id,
      seatsBooked: tally.seatsBooked,
      householdsBooked: tally.householdsBooked.size,
      noShowSeats: tally.noShowSeats,
      peopleCheckedIn: tally.peopleCheckedIn,
      walkInPeople: tally.walkInPeople,
      householdIds: [...tally.householdIds.values()],
      ratingSum: tally.ratingSum,
      ratingCount: tally.ratingCount,
      computedAt,
    };
  });
}

/**
 * Writes one outcome by `_id` alone (the only filter the engine does not answer by decoding the
 * whole collection). A newer computation already stored wins: the caller skips those, and a new
 * document is inserted, so of two first computations racing the one written first stays until
 * the next mark or the periodic check.
 */
async function writeOutcome(outcome: LectureOutcomeDoc, stored: LectureOutcomeDoc | undefined): Promise<void> {
  if (!stored) {
    try {
      await retryWhileBusy(() => LectureOutcomeModel.collection.insertOne(outcome));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return;
  }
  await retryWhileBusy(() => LectureOutcomeModel.collection.replaceOne({ _id: outcome._id }, outcome));
}

const sameTallies = (a: LectureOutcomeDoc, b: LectureOutcomeDoc | undefined) =>
  !!b &&
  a.seatsBooked === b.seatsBooked &&
  a.householdsBooked === b.householdsBooked &&
  a.noShowSeats === b.noShowSeats &&
  a.peopleCheckedIn === b.peopleCheckedIn &&
  a.walkInPeople === b.walkInPeople &&
  a.ratingSum === b.ratingSum &&
  a.ratingCount === b.ratingCount &&
  a.householdIds.map(String).sort().join() === (b.householdIds ?? []).map(String).sort().join();

/**
 * Writes the outcomes that differ from what is stored, one at a time: a full check usually finds
 * nothing to change, and a burst of writes would compete with households booking (SQLite has one
 * writer at a time).
 */
async function writeOutcomes(outcomes: LectureOutcomeDoc[]): Promise<number> {
  const stored = new Map(
    (await LectureOutcomeModel.find({ _id: { $in: outcomes.map((o) => o._id) } }).lean<LectureOutcomeDoc[]>()).map((doc) => [doc._id.toHexString(), doc]),
  );
  let written = 0;
  for (const outcome of outcomes) {
    const current = stored.get(outcome._id.toHexString());
    // Unchanged, or already computed from a later read of the raw records (a refresh that ran
    // while this slower rebuild was reading): nothing to write.
    if (sameTallies(outcome, current) || (current && current.computedAt > outcome.computedAt)) continue;
    await writeOutcome(outcome, current);
    written++;
  }
  return written;
}

function uniqueIds(ids: Array<Types.ObjectId | string>): Types.ObjectId[] {
  const byHex = new Map<string, Types.ObjectId>();
  for (const id of ids) byHex.set(String(id), toObjectId(id));
  return [...byHex.values()];
}

/**
 * Recomputes the outcomes of `lectureIds` (every lecture when omitted) from their raw records.
 * Returns the number of lectures done.
 */
export async function rebuildOutcomes(lectureIds?: Array<Types.ObjectId | string>): Promise<number> {
  const ids = lectureIds
    ? uniqueIds(lectureIds)
    : (await LectureModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>()).map((lecture) => lecture._id);
  if (ids.length === 0) return 0;
  const computedAt = new Date();
  await writeOutcomes(await computeOutcomes(ids, computedAt));
  return ids.length;
}

/** One round: the marks present now, their lectures recomputed, then exactly those marks deleted. */
async function refreshRound(): Promise<number> {
  // Marks are read before the raw records: whatever a mark announces is already written, so the
  // recomputation below sees it. A mark added after this read stays for the next round.
  const marks = await OutreachChangeModel.find({}, { _id: 1, lectureId: 1 }).limit(MARKS_PER_ROUND).lean<OutreachChangeDoc[]>();
  if (marks.length === 0) return 0;
  await rebuildOutcomes(marks.map((mark) => mark.lectureId));
  await retryWhileBusy(() => OutreachChangeModel.deleteMany({ _id: { $in: marks.map((mark) => mark._id) } }));
  return marks.length;
}

async function drainMarks(): Promise<void> {
  // A backlog longer than one round (after an outage of the drain) takes a few rounds.
  for (let round = 0; round < 20; round++) {
    if ((await refreshRound()) < MARKS_PER_ROUND) return;
  }
}

let running: Promise<void> | null = null;
let following: Promise<void> | null = null;

/**
 * Brings the outcomes of every marked lecture up to date. Single-flight within the process: a
 * caller arriving while a refresh runs waits for it and then for one more run shared by all who
 * arrived meanwhile, because the running one may have read the marks before the caller's own.
 */
export function refreshOutcomes(): Promise<void> {
  if (!running) {
    running = drainMarks().finally(() => {
      running = null;
    });
    return running;
  }
  if (!following) {
    following = running
      .catch(() => undefined)
      .then(() => {
        following = null;
        return refreshOutcomes();
      });
  }
  return following;
}

/** Lectures that have no outcome yet (new since the feature, or lost), recomputed. */
export async function rebuildMissingOutcomes(): Promise<number> {
  const [lectures, outcomes] = await Promise.all([
    LectureModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>(),
    LectureOutcomeModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>(),
  ]);
  const known = new Set(outcomes.map((outcome) => outcome._id.toHexString()));
  return rebuildOutcomes(lectures.map((lecture) => lecture._id).filter((id) => !known.has(id.toHexString())));
}

const DAY = 24 * 3600 * 1000;
/** How far back the periodic full check looks: a year of reports plus a margin. */
export const FULL_CHECK_WINDOW_MS = 400 * DAY;

/** The safety net for lost marks: every lecture that started in the last 400 days (or is still to come). */
export async function rebuildRecentOutcomes(now = new Date()): Promise<number> {
  const recent = await LectureModel.find({ startsAt: { $gte: new Date(now.getTime() - FULL_CHECK_WINDOW_MS) } }, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>();
  return rebuildOutcomes(recent.map((lecture) => lecture._id));
}

export const DRAIN_INTERVAL_MS = 60 * 1000;
export const FULL_CHECK_INTERVAL_MS = 3600 * 1000;

/**
 * The background side: before the server takes requests, outcomes for lectures that have none (so
 * that work never competes with households booking); then a drain of marks every minute (so
 * reports rarely wait for one) and the hourly full check. Resolves to a stop function.
 */
export async function startOutcomeJobs(log: Logger, drainIntervalMs = DRAIN_INTERVAL_MS, fullCheckIntervalMs = FULL_CHECK_INTERVAL_MS): Promise<() => void> {
  setOutcomeLogger(log);
  try {
    const done = await rebuildMissingOutcomes();
    if (done > 0) log.info({ lectures: done }, 'built missing lecture outcomes');
  } catch (error) {
    // The hourly check builds them later; the server is of more use running than not.
    log.error({ err: error }, 'building missing lecture outcomes failed');
  }
  const stopDrain = runPeriodically('outreach outcome refresh', refreshOutcomes, drainIntervalMs, log);
  const stopFullCheck = runPeriodically(
    'outreach outcome full check',
    async () => {
      const done = await rebuildRecentOutcomes();
      log.info({ lectures: done }, 'rechecked lecture outcomes');
    },
    fullCheckIntervalMs,
    log,
  );
  return () => {
    stopDrain();
    stopFullCheck();
  };
}
