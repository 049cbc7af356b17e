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
 * (`noteLectureChanged`); the drain (`refreshOutcomes`) recomputes the marked lectures from their
 * raw records, writes their outcomes and deletes exactly the marks it read. The drain is the ONLY
 * writer of outcome documents: the full check, the missing-outcome pass and `rebuildOutcomes`
 * only add marks (for lectures whose stored tallies differ or are missing) and then drain, so a
 * slow check that read the raw records long ago can never put old tallies over newer ones.
 * Every recomputation reads each raw collection once for the whole batch: the engine decodes a
 * whole collection for any filter, so one scan per collection is the least a batch can cost, and
 * it costs the same for one lecture or a thousand.
 */

/** Booking states that hold seats: what "booked" means in the report. */
export const SEAT_HOLDING = [BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW];
/** Marks read per round of a refresh; a longer backlog is drained in several rounds. */
const MARKS_PER_ROUND = 5000;
/** Rounds of one background drain (a backlog after an outage of the drain). */
const MAX_ROUNDS = 20;
/**
 * Above this many lectures a read asks for whole collections (projected) and keeps the batch's
 * lectures in JavaScript: the engine evaluates `$in` per document against the whole list, so a
 * list of thousands costs far more than the scan itself.
 */
const IN_FILTER_LIMIT = 200;
/** Marks written per insert by the full check (one insert per chunk, not one per lecture). */
const MARK_CHUNK = 1000;
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

const lectureFilter = (lectureIds: Types.ObjectId[]) => (lectureIds.length > IN_FILTER_LIMIT ? {} : { lectureId: { $in: lectureIds } });

export interface RawBooking {
  lectureId: Types.ObjectId;
  userId: Types.ObjectId;
  partySize: number;
  status: string;
  cancelledAt?: Date | null;
}
export interface RawArrival {
  lectureId: Types.ObjectId;
  userId?: Types.ObjectId | null;
  partySize: number;
  method: string;
}
export interface RawFeedback {
  lectureId: Types.ObjectId;
  rating: number;
}

/**
 * What `lectureIds`' raw records add up to. Records of other lectures are ignored, and so are
 * bookings that hold no seats, so callers may pass wider reads. Exported for the attendance view,
 * which has read one lecture's bookings and arrivals anyway.
 */
export function tallyOutcomes(
  lectureIds: Types.ObjectId[],
  records: { bookings: RawBooking[]; arrivals: RawArrival[]; feedback: RawFeedback[] },
  computedAt: Date,
): LectureOutcomeDoc[] {
  const tallies = new Map(lectureIds.map((id) => [id.toHexString(), emptyTally()]));
  const tallyOf = (lectureId: Types.ObjectId) => tallies.get(lectureId.toHexString());
  const seatHolding = new Set<string>(SEAT_HOLDING);

  for (const booking of records.bookings) {
    const tally = tallyOf(booking.lectureId);
    if (!tally || !seatHolding.has(booking.status) || booking.cancelledAt) continue;
    tally.seatsBooked += booking.partySize;
    tally.householdsBooked.add(booking.userId.toHexString());
    if (booking.status === BookingStatus.NO_SHOW) tally.noShowSeats += booking.partySize;
  }
  for (const arrival of records.arrivals) {
    const tally = tallyOf(arrival.lectureId);
    if (!tally) continue;
    if (arrival.method === CheckInMethod.WALK_IN) {
      tally.walkInPeople += arrival.partySize;
      continue;
    }
    tally.peopleCheckedIn += arrival.partySize;
    if (arrival.userId) tally.householdIds.set(arrival.userId.toHexString(), arrival.userId);
  }
  for (const answer of records.feedback) {
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

/** The outcome documents of `lectureIds`, from one read of each raw collection. */
async function computeOutcomes(lectureIds: Types.ObjectId[], computedAt: Date): Promise<LectureOutcomeDoc[]> {
  const byLecture = lectureFilter(lectureIds);
  const [bookings, arrivals, feedback] = await Promise.all([
    BookingModel.find({ ...byLecture, status: { $in: SEAT_HOLDING }, cancelledAt: null }, { lectureId: 1, userId: 1, partySize: 1, status: 1 }).lean<RawBooking[]>(),
    CheckInModel.find(byLecture, { lectureId: 1, userId: 1, partySize: 1, method: 1 }).lean<RawArrival[]>(),
    FeedbackModel.find(byLecture, { lectureId: 1, rating: 1 }).lean<RawFeedback[]>(),
  ]);
  return tallyOutcomes(lectureIds, { bookings, arrivals, feedback }, computedAt);
}

const sameTallies = (a: LectureOutcomeDoc, b: LectureOutcomeDoc | undefined | null) =>
  !!b &&
  a.seatsBooked === b.seatsBooked &&
  a.householdsBooked === b.householdsBooked &&
  a.noShowSeats === b.noShowSeats &&
  a.peopleCheckedIn === b.peopleCheckedIn &&
  a.walkInPeople === b.walkInPeople &&
  a.ratingSum === b.ratingSum &&
  a.ratingCount === b.ratingCount &&
  a.householdIds.map(String).sort().join() === (b.householdIds ?? []).map(String).sort().join();

const findStored = (id: Types.ObjectId) => LectureOutcomeModel.findById(id).lean<LectureOutcomeDoc>();

/**
 * Writes one outcome (the drain's only write), by `_id` alone, the one filter the engine does not
 * answer by decoding the whole collection. The stored outcome is read again right before: one
 * computed from a later read of the raw records (another process's drain) is never replaced.
 * The window between that read and the write is not closed (the engine has no compare-and-swap);
 * within a process the drain is single-flight, and a mark written after this drain read its marks
 * brings the next round, which recomputes from a fresh read.
 */
async function writeOutcome(outcome: LectureOutcomeDoc, storedBefore: LectureOutcomeDoc | undefined): Promise<boolean> {
  // Unchanged since the round's bulk read: nothing to write (a newer outcome stored since wins anyway).
  if (sameTallies(outcome, storedBefore)) return false;
  // None stored at the bulk read: the insert below fails if one was stored since, and is then
  // compared like a re-read.
  const stored = storedBefore ? await findStored(outcome._id) : null;
  if (stored && (stored.computedAt > outcome.computedAt || sameTallies(outcome, stored))) return false;
  if (!stored) {
    try {
      await retryWhileBusy(() => LectureOutcomeModel.collection.insertOne(outcome));
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Another drain inserted it meanwhile: keep whichever read the raw records later.
      const inserted = await findStored(outcome._id);
      if (inserted && (inserted.computedAt >= outcome.computedAt || sameTallies(outcome, inserted))) return false;
    }
  }
  await retryWhileBusy(() => LectureOutcomeModel.collection.replaceOne({ _id: outcome._id }, outcome));
  return true;
}

function uniqueIds(ids: Array<Types.ObjectId | string>): Types.ObjectId[] {
  const byHex = new Map<string, Types.ObjectId>();
  for (const id of ids) byHex.set(String(id), toObjectId(id));
  return [...byHex.values()];
}

async function storedOutcomes(ids: Types.ObjectId[]): Promise<Map<string, LectureOutcomeDoc>> {
  const filter = ids.length > IN_FILTER_LIMIT ? {} : { _id: { $in: ids } };
  return new Map((await LectureOutcomeModel.find(filter).lean<LectureOutcomeDoc[]>()).map((doc) => [doc._id.toHexString(), doc]));
}

/** One round: the marks present now, their lectures recomputed, then exactly those marks deleted. */
async function refreshRound(): Promise<number> {
  // Marks are read before the raw records: whatever a mark announces is already written, so the
  // recomputation below sees it. A mark added after this read stays for the next round.
  const marks = await OutreachChangeModel.find({}, { _id: 1, lectureId: 1 }).limit(MARKS_PER_ROUND).lean<OutreachChangeDoc[]>();
  if (marks.length === 0) return 0;
  const computedAt = new Date();
  const ids = uniqueIds(marks.map((mark) => mark.lectureId));
  const outcomes = await computeOutcomes(ids, computedAt);
  const stored = await storedOutcomes(ids);
  // One at a time: a burst of writes would compete with households booking (SQLite has one writer).
  for (const outcome of outcomes) await writeOutcome(outcome, stored.get(outcome._id.toHexString()));
  await retryWhileBusy(() => OutreachChangeModel.deleteMany({ _id: { $in: marks.map((mark) => mark._id) } }));
  return marks.length;
}

let running: Promise<number> | null = null;
let following: Promise<number> | null = null;

/**
 * One round of the drain, single-flight within the process: a caller arriving while a round runs
 * waits for it and then for one more round shared by all who arrived meanwhile, because the
 * running one may have read the marks before the caller's own. Resolves to the marks drained.
 */
function drainRound(): Promise<number> {
  if (!running) {
    running = refreshRound().finally(() => {
      running = null;
    });
    return running;
  }
  if (!following) {
    following = running
      .catch(() => 0)
      .then(() => {
        following = null;
        return drainRound();
      });
  }
  return following;
}

/** Rounds until the marks are drained (true) or `maxRounds` ran out with a backlog left (false). */
async function drainMarks(maxRounds: number): Promise<boolean> {
  for (let round = 0; round < maxRounds; round++) {
    if ((await drainRound()) < MARKS_PER_ROUND) return true;
  }
  return false;
}

/** Brings the outcomes of every marked lecture up to date (the background drain). */
export async function refreshOutcomes(): Promise<void> {
  await drainMarks(MAX_ROUNDS);
}

/**
 * What a report does before reading outcomes: at most one round of the drain (a backlog is the
 * background job's), and a failure is logged and the stored outcomes served (the marks stay).
 */
export async function refreshOutcomesForRequest(): Promise<void> {
  try {
    await drainRound();
  } catch (error) {
    logger.error({ err: error }, 'refreshing lecture outcomes before a report failed; serving the stored ones');
  }
}

/** Marks many lectures at once (the checks below), a chunk per insert. */
async function markLectures(ids: Types.ObjectId[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < ids.length; i += MARK_CHUNK) {
    const marks = ids.slice(i, i + MARK_CHUNK).map((lectureId) => ({ _id: new Types.ObjectId(), lectureId, at }));
    await retryWhileBusy(() => OutreachChangeModel.collection.insertMany(marks, { ordered: false }));
  }
}

/** Marks `ids` and drains until their outcomes are written (however many rounds that takes). */
async function markAndDrain(ids: Types.ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  await markLectures(ids);
  await drainMarks(Math.max(MAX_ROUNDS, Math.ceil(ids.length / MARKS_PER_ROUND) + 1));
}

export interface OutcomeCheck {
  /** Lectures checked. */
  lectures: number;
  /** Lectures whose stored outcome differs from their raw records, or is missing. */
  changed: Types.ObjectId[];
  /** Marks the changed lectures and drains; resolves to `lectures` once their outcomes are written. */
  finish(): Promise<number>;
}

/**
 * The first step of a check, exported so a test can put a change between it and `finish`: reads
 * the raw records and the stored outcomes and compares them. Writes nothing.
 */
export async function startOutcomeCheck(lectureIds?: Array<Types.ObjectId | string>): Promise<OutcomeCheck> {
  const ids = lectureIds
    ? uniqueIds(lectureIds)
    : (await LectureModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>()).map((lecture) => lecture._id);
  const computed = ids.length ? await computeOutcomes(ids, new Date()) : [];
  const stored = ids.length ? await storedOutcomes(ids) : new Map<string, LectureOutcomeDoc>();
  const changed = computed.filter((outcome) => !sameTallies(outcome, stored.get(outcome._id.toHexString()))).map((outcome) => outcome._id);
  return {
    lectures: ids.length,
    changed,
    finish: async () => {
      await markAndDrain(changed);
      return ids.length;
    },
  };
}

/**
 * Checks the outcomes of `lectureIds` (every lecture when omitted) against their raw records and
 * has the drain rewrite those that differ or are missing. Returns the number of lectures checked,
 * once their outcomes are written.
 */
export async function rebuildOutcomes(lectureIds?: Array<Types.ObjectId | string>): Promise<number> {
  return (await startOutcomeCheck(lectureIds)).finish();
}

/** Lectures that have no outcome yet (new since the feature, or lost): marked and drained. */
export async function rebuildMissingOutcomes(): Promise<number> {
  const [lectures, outcomes] = await Promise.all([
    LectureModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>(),
    LectureOutcomeModel.find({}, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>(),
  ]);
  const known = new Set(outcomes.map((outcome) => outcome._id.toHexString()));
  const missing = lectures.map((lecture) => lecture._id).filter((id) => !known.has(id.toHexString()));
  await markAndDrain(missing);
  return missing.length;
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
 * The background side, started once the server listens (reports refresh on demand meanwhile):
 * outcomes for lectures that have none, in the background; a drain of marks every minute (so
 * reports rarely wait for one) and the hourly full check. Returns a stop function.
 */
export function startOutcomeJobs(log: Logger, drainIntervalMs = DRAIN_INTERVAL_MS, fullCheckIntervalMs = FULL_CHECK_INTERVAL_MS): () => void {
  setOutcomeLogger(log);
  rebuildMissingOutcomes()
    .then((done) => {
      if (done > 0) log.info({ lectures: done }, 'built missing lecture outcomes');
    })
    // The hourly check builds them later; the server is of more use running than not.
    .catch((error: unknown) => log.error({ err: error }, 'building missing lecture outcomes failed'));
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
