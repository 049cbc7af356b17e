/**
 * More history for measuring the outreach report: `factor` times the demo world's past lectures,
 * over the same years, each with its bookings, seats, check-ins, walk-ins and feedback, drawn like
 * the demo's own (demo-attendance.ts). Deterministic and safe to run again: copy k of a lecture has
 * the stable id of ("scale", k, lecture), and every record under it the stable id the demo uses.
 *
 * Copy k (1 .. factor-1) is a "generation": its lectures, plus households of its own next to the
 * demo's (so the count of distinct households grows with the data, as it would). A generation's
 * households are written after everything else of it, so the first one's presence means "done".
 */
import { Types } from 'mongoose';
import { LectureModel } from '../modules/lecture/lecture.model';
import { LectureStatus } from '../modules/lecture/lecture-status';
import { rebuildOutcomes } from '../modules/outreach/outcome.service';
import { UserModel } from '../modules/user/user.model';
import { buildDemoCourses } from './demo-courses';
import { buildDemoWorld } from './demo-world';
import { BEIJING_OFFSET_MS, beijingYear, beijingYearBounds } from '../modules/shared/beijing-time';
import {
  buildHouseholds,
  insertAttendance,
  insertHouseholds,
  insertNew,
  KeyedRng,
  lecturerAccountId,
  lecturesWithBookings,
  planPastLecture,
  type AttendanceLecture,
  type DemoHousehold,
} from './demo-attendance';
import { demoDocuments, seedDemoWorld, seedId } from './seed';

const DAY = 24 * 3600 * 1000;
/** The programme's first day, as in demo-world.ts. */
const FIRST_DAY = new Date('2021-03-01T00:00:00+08:00');
export const MAX_FACTOR = 100;

export interface ScaleReport {
  factor: number;
  /** Lectures of the generated generations (not counting the demo world's own). */
  lectures: number;
  bookings: number;
  seatClaims: number;
  checkIns: number;
  feedback: number;
  households: number;
  /** Lecture outcomes rebuilt. */
  outcomes: number;
  /** Documents written by this run. */
  inserted: number;
  /** Generations already there, skipped. */
  skippedGenerations: number;
}

/** The first household of generation k: written last, so its presence means the generation is complete. */
const generationMarker = (households: Map<string, DemoHousehold[]>) => [...households.values()][0][0]._id;

/** Copy k of a past lecture: the same talk at the same venue on another day of the same year (always in the past). */
function copyLecture(lecture: ReturnType<typeof demoDocuments>['lectures'][number], k: number, now: Date) {
  const id = seedId(`scale:${k}:${lecture._id.toHexString()}`);
  const rng = new KeyedRng(`scale-date:${id.toHexString()}`);
  const year = beijingYear(lecture.startsAt);
  const first = Math.max(beijingYearBounds(year).start.getTime(), FIRST_DAY.getTime());
  const last = Math.min(beijingYearBounds(year).end.getTime() - DAY, now.getTime() - 3 * DAY);
  const timeOfDay = (lecture.startsAt.getTime() + BEIJING_OFFSET_MS) % DAY;
  const day = Math.floor((first + rng.float() * Math.max(0, last - first) + BEIJING_OFFSET_MS) / DAY);
  const startsAt = new Date(day * DAY - BEIJING_OFFSET_MS + timeOfDay);
  const endsAt = new Date(startsAt.getTime() + (lecture.endsAt.getTime() - lecture.startsAt.getTime()));
  const { courseId: _course, ...rest } = lecture as typeof lecture & { courseId?: Types.ObjectId };
  return {
    ...rest,
    _id: id,
    startsAt,
    endsAt,
    status: LectureStatus.PUBLISHED,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Adds (factor - 1) generations of history to a database holding the demo world (seeded first if
 * it is not). Returns what was written; a second run writes nothing.
 */
export async function generateOutreachHistory(factor: number, now = new Date()): Promise<ScaleReport> {
  if (!Number.isInteger(factor) || factor < 1 || factor > MAX_FACTOR) throw new Error(`factor must be an integer 1..${MAX_FACTOR}`);
  await seedDemoWorld(now);
  const world = buildDemoWorld(now);
  const past = demoDocuments(world, buildDemoCourses(world, now)).lectures.filter((l) => l.endsAt.getTime() <= now.getTime() - 3 * DAY);
  const base = buildHouseholds(0);

  const report: ScaleReport = { factor, lectures: 0, bookings: 0, seatClaims: 0, checkIns: 0, feedback: 0, households: 0, outcomes: 0, inserted: 0, skippedGenerations: 0 };
  const pending: Array<{ households: DemoHousehold[] }> = [];
  const touched: Types.ObjectId[] = [];
  let booked: Set<string> | null = null;

  for (let k = 1; k < factor; k++) {
    const own = buildHouseholds(k);
    if (await UserModel.exists({ _id: generationMarker(own) })) {
      report.skippedGenerations++;
      continue;
    }
    const lectures = past.map((lecture) => copyLecture(lecture, k, now));
    const added = await insertNew(LectureModel.collection, lectures);
    report.lectures += lectures.length;
    report.inserted += added;
    // Read once, before the first generation writes any: lectures already booked keep what they have.
    booked ??= await lecturesWithBookings();
    const docs = lectures
      .filter((lecture) => !booked!.has(lecture._id.toHexString()))
      .map((lecture) => {
        const pool = [...(base.get(lecture.countyCode) ?? []), ...(own.get(lecture.countyCode) ?? [])];
        return planPastLecture(lecture as AttendanceLecture, pool, lecturerAccountId(lecture.lecturerId), now);
      });
    const counts = await insertAttendance(docs);
    report.bookings += counts.bookings;
    report.seatClaims += counts.seatClaims;
    report.checkIns += counts.checkIns;
    report.feedback += counts.feedback;
    report.inserted += counts.bookings + counts.seatClaims + counts.checkIns + counts.feedback + counts.outbox;
    touched.push(...lectures.map((lecture) => lecture._id));
    pending.push({ households: [...own.values()].flat() });
  }

  if (touched.length > 0) report.outcomes = await rebuildOutcomes(touched);
  // Last: each generation's households, whose first one marks the generation as done.
  for (const { households } of pending) {
    const added = await insertHouseholds(households);
    report.households += added;
    report.inserted += added;
  }
  return report;
}
