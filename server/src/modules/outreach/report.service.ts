import type { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { isOrganizer, organizerCovers } from '../../auth/policy';
import { badUserInput, forbidden, unauthenticated } from '../../errors';
import { CountyModel, type CountyDoc } from '../county/county.model';
import type { County } from '../county/county.type';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { LectureStatus } from '../lecture/lecture-status';
import { LecturerModel, type LecturerDoc } from '../lecturer/lecturer.model';
import { beijingWallClock, beijingYear, beijingYearBounds } from '../shared/beijing-time';
import { Role } from '../user/user-enums';
import { VenueModel, type VenueDoc } from '../venue/venue.model';
import { VENUE_TYPES, type VenueType } from '../venue/venue-type';
import { COUNTIES, FIRST_OUTREACH_YEAR, isKnownCounty } from '../county/counties';
import { LectureOutcomeModel, type LectureOutcomeDoc } from './lecture-outcome.model';
import { refreshOutcomesForRequest } from './outcome.service';
import { loadTargets, type TargetRow } from './target.service';
import type { OutreachFigures, OutreachReport } from './report.type';

/** The programme's first year: nothing before it was recorded here. */
/** The ten counties of Nanping in the city's order (the table the counties collection is seeded from). */
const COUNTY_CODES = COUNTIES.map((county) => county.code);

export interface OutreachScope {
  year: number;
  countyCode: string | null;
}

/** 1..12, the Beijing calendar month of `date`. */
export const beijingMonth = (date: Date) => beijingWallClock(date).getUTCMonth() + 1;

function readYear(value: unknown, now: Date): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : value;
  const last = beijingYear(now) + 1;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_OUTREACH_YEAR || year > last) {
    throw badUserInput('year', `year must be a whole year from ${FIRST_OUTREACH_YEAR} to ${last}`);
  }
  return year;
}

function readCountyCode(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !isKnownCounty(value.trim())) {
    throw badUserInput('countyCode', 'countyCode must be the code of one of the ten counties of Nanping, or null for the whole city');
  }
  return value.trim();
}

/**
 * Who may see which report. Throws UNAUTHENTICATED (signed out), FORBIDDEN (not an organizer, or
 * a county organizer asking for another county or the whole city) and BAD_USER_INPUT naming
 * `year` or `countyCode`. Shared by the GraphQL queries and the CSV export.
 */
export function resolveOutreachScope(viewer: Viewer | null, year: unknown, countyCode: unknown, now = new Date()): OutreachScope {
  if (!viewer) throw unauthenticated();
  if (!isOrganizer(viewer)) throw forbidden('Only organizers may see the outreach report');
  const scope = { year: readYear(year, now), countyCode: readCountyCode(countyCode) };
  const cityWide = viewer.role === Role.ADMIN || viewer.countyCode === null;
  if (scope.countyCode === null ? !cityWide : !organizerCovers(viewer, scope.countyCode)) {
    throw forbidden(scope.countyCode === null ? 'County organizers see their own county: name it' : "This is another county's report; its own organizers see it");
  }
  return scope;
}

// ---------------------------------------------------------------------------------------------
// Adding up
// ---------------------------------------------------------------------------------------------

type ScopeLecture = Pick<LectureDoc, 'startsAt' | 'endsAt' | 'capacity' | 'venueType' | 'countyCode' | 'title' | 'venueId' | 'lecturerId'> & { _id: Types.ObjectId };

const LECTURE_FIELDS = { startsAt: 1, endsAt: 1, capacity: 1, venueType: 1, countyCode: 1, title: 1, venueId: 1, lecturerId: 1 };

/**
 * The published lectures of the scope's year (and county). Only published lectures count, in the
 * report, the drill-down, the export and a lecture's own figures alike (`countsInReport`). A
 * lecture whose county or venue type is outside the fixed lists (none should exist: lectures are
 * created at venues of those counties and types) is left out explicitly, so the totals are always
 * the sum of the rows shown.
 */
function scopeFilter(scope: OutreachScope) {
  const { start, end } = beijingYearBounds(scope.year);
  return {
    status: LectureStatus.PUBLISHED,
    startsAt: { $gte: start, $lt: end },
    countyCode: scope.countyCode ?? { $in: COUNTY_CODES },
    venueType: { $in: VENUE_TYPES },
  };
}

/** Whether a lecture counts in the report at all: the rule of `scopeFilter`, for one lecture. */
const countsInReport = (lecture: Pick<LectureDoc, 'status' | 'countyCode' | 'venueType'>) =>
  lecture.status === LectureStatus.PUBLISHED && isKnownCounty(lecture.countyCode) && (VENUE_TYPES as readonly string[]).includes(lecture.venueType);

async function loadOutcomes(lectures: ScopeLecture[]): Promise<Map<string, LectureOutcomeDoc>> {
  if (lectures.length === 0) return new Map();
  const docs = await LectureOutcomeModel.find({ _id: { $in: lectures.map((lecture) => lecture._id) } }).lean<LectureOutcomeDoc[]>();
  return new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
}

/** Running sums of one cell of the report. */
class Cell {
  lecturesHeld = 0;
  lecturesUpcoming = 0;
  seatsOffered = 0;
  seatsBooked = 0;
  householdsBooked = 0;
  peopleCheckedIn = 0;
  walkInPeople = 0;
  noShowSeats = 0;
  ratingSum = 0;
  ratingCount = 0;
  readonly households = new Set<string>();

  add(lecture: ScopeLecture, outcome: LectureOutcomeDoc | undefined, now: Date): void {
    if (lecture.startsAt.getTime() > now.getTime()) {
      this.lecturesUpcoming++;
      return;
    }
    this.lecturesHeld++;
    this.seatsOffered += lecture.capacity;
    if (!outcome) return;
    this.seatsBooked += outcome.seatsBooked;
    this.householdsBooked += outcome.householdsBooked;
    this.peopleCheckedIn += outcome.peopleCheckedIn;
    this.walkInPeople += outcome.walkInPeople;
    this.noShowSeats += outcome.noShowSeats;
    this.ratingSum += outcome.ratingSum;
    this.ratingCount += outcome.ratingCount;
    for (const id of outcome.householdIds ?? []) this.households.add(String(id));
  }

  figures(target: { lectures: number | null; people: number | null } = { lectures: null, people: null }): OutreachFigures {
    const peopleReached = this.peopleCheckedIn + this.walkInPeople;
    const ratio = (part: number, whole: number | null) => (whole ? part / whole : null);
    return {
      lecturesHeld: this.lecturesHeld,
      lecturesUpcoming: this.lecturesUpcoming,
      seatsOffered: this.seatsOffered,
      seatsBooked: this.seatsBooked,
      householdsBooked: this.householdsBooked,
      peopleCheckedIn: this.peopleCheckedIn,
      walkInPeople: this.walkInPeople,
      peopleReached,
      noShowSeats: this.noShowSeats,
      attendanceRate: ratio(this.peopleCheckedIn, this.seatsBooked),
      noShowRate: ratio(this.noShowSeats, this.seatsBooked),
      householdsReached: this.households.size,
      ratingCount: this.ratingCount,
      averageRating: ratio(this.ratingSum, this.ratingCount),
      lectureTarget: target.lectures,
      peopleTarget: target.people,
      lectureProgress: ratio(this.lecturesHeld, target.lectures),
      peopleProgress: ratio(peopleReached, target.people),
    };
  }
}

/** Figures of one lecture (no targets): what the drill-down and the export show per row. */
function lectureFigures(lecture: ScopeLecture, outcome: LectureOutcomeDoc | undefined, now: Date): OutreachFigures {
  const cell = new Cell();
  cell.add(lecture, outcome, now);
  return cell.figures();
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

interface CellTarget {
  lectures: number | null;
  people: number | null;
}

/** null when none is set, else the sum of those set. */
function sumSet(values: Array<number | null>): number | null {
  const set = values.filter((value): value is number => value !== null);
  return set.length ? set.reduce((sum, value) => sum + value, 0) : null;
}

function sumTargets(targets: CellTarget[]): CellTarget {
  return { lectures: sumSet(targets.map((t) => t.lectures)), people: sumSet(targets.map((t) => t.people)) };
}

/** The target rules of the contract, over the rows set for a year. */
class Targets {
  private readonly rows: Map<string, TargetRow>;

  constructor(rows: TargetRow[]) {
    this.rows = new Map(rows.map((row) => [`${row.countyCode ?? ''}:${row.venueType}`, row]));
  }

  private set(countyCode: string | null, venueType: string): CellTarget {
    const row = this.rows.get(`${countyCode ?? ''}:${venueType}`);
    return { lectures: row?.lectures ?? null, people: row?.people ?? null };
  }

  countyCell(countyCode: string, venueType: string): CellTarget {
    return this.set(countyCode, venueType);
  }

  countyTotal(countyCode: string): CellTarget {
    return sumTargets(VENUE_TYPES.map((type) => this.countyCell(countyCode, type)));
  }

  /** The city's own target for the type, each half falling back to the counties' sum where unset. */
  cityType(venueType: string): CellTarget {
    const own = this.set(null, venueType);
    const counties = sumTargets(COUNTY_CODES.map((code) => this.countyCell(code, venueType)));
    return { lectures: own.lectures ?? counties.lectures, people: own.people ?? counties.people };
  }

  cityTotal(): CellTarget {
    return sumTargets(VENUE_TYPES.map((type) => this.cityType(type)));
  }
}

/** The counties in the city's order, named as the counties collection names them. */
async function loadCounties(): Promise<County[]> {
  const docs = await CountyModel.find().lean<CountyDoc[]>();
  const names = new Map(docs.map((doc) => [doc._id, doc.name]));
  return COUNTIES.map((county) => ({ code: county.code, name: names.get(county.code) ?? county.name }));
}

// ---------------------------------------------------------------------------------------------
// The report, the drill-down, the export's rows
// ---------------------------------------------------------------------------------------------

/**
 * The report of a scope: a fixed handful of queries whatever the number of lectures (pending
 * marks, the year's lectures, their outcomes, the targets, the counties), added up here.
 */
export async function buildOutreachReport(scope: OutreachScope, now = new Date()): Promise<OutreachReport> {
  await refreshOutcomesForRequest();
  const lectures = await LectureModel.find(scopeFilter(scope), LECTURE_FIELDS).lean<ScopeLecture[]>();
  const held = lectures.filter((lecture) => lecture.startsAt.getTime() <= now.getTime());
  const [outcomes, targetRows, counties] = await Promise.all([loadOutcomes(held), loadTargets(scope.year), loadCounties()]);
  const targets = new Targets(targetRows);

  const total = new Cell();
  const byType = new Map(VENUE_TYPES.map((type) => [type as string, new Cell()]));
  const byCounty = new Map(COUNTY_CODES.map((code) => [code, new Cell()]));
  const byMonth = Array.from({ length: 12 }, () => new Cell());
  for (const lecture of lectures) {
    const outcome = outcomes.get(lecture._id.toHexString());
    // scopeFilter keeps only lectures with a row of each kind, so every cell is found.
    for (const cell of [total, byType.get(lecture.venueType)!, byCounty.get(lecture.countyCode)!, byMonth[beijingMonth(lecture.startsAt) - 1]]) {
      cell.add(lecture, outcome, now);
    }
  }

  const county = scope.countyCode ? counties.find((c) => c.code === scope.countyCode)! : null;
  const shownCounties = county ? [county] : counties;
  return {
    year: scope.year,
    county,
    totals: total.figures(county ? targets.countyTotal(county.code) : targets.cityTotal()),
    byVenueType: VENUE_TYPES.map((venueType) => ({
      venueType,
      figures: byType.get(venueType)!.figures(county ? targets.countyCell(county.code, venueType) : targets.cityType(venueType)),
    })),
    byCounty: shownCounties.map((c) => ({ county: c, figures: byCounty.get(c.code)!.figures(targets.countyTotal(c.code)) })),
    byMonth: byMonth.map((cell, i) => ({ month: i + 1, figures: cell.figures() })),
    generatedAt: now,
  };
}

export interface OutreachLectureFilter {
  venueType?: VenueType | null;
  month?: number | null;
}

export interface ScopedLectureFigures {
  lecture: LectureDoc;
  figures: OutreachFigures;
}

/** The lectures behind a cell (held and upcoming), by start time, each with its own figures. */
export async function listOutreachLectures(scope: OutreachScope, filter: OutreachLectureFilter = {}, now = new Date()): Promise<ScopedLectureFigures[]> {
  const month = filter.month ?? null;
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) throw badUserInput('month', 'month must be 1 to 12');
  await refreshOutcomesForRequest();
  const lectures = (await LectureModel.find(scopeFilter(scope)).sort({ startsAt: 1, _id: 1 }).lean<LectureDoc[]>()).filter(
    (lecture) => (!filter.venueType || lecture.venueType === filter.venueType) && (month === null || beijingMonth(lecture.startsAt) === month),
  );
  const outcomes = await loadOutcomes(lectures.filter((lecture) => lecture.startsAt.getTime() <= now.getTime()));
  return lectures.map((lecture) => ({ lecture, figures: lectureFigures(lecture, outcomes.get(lecture._id.toHexString()), now) }));
}

/**
 * The figures of one lecture as the report counts it, from an outcome the caller computed (the
 * attendance view tallies the raw records it has read anyway). A lecture the report leaves out
 * (cancelled, never published) counts for nothing, as in the report.
 */
export function figuresOfLecture(lecture: LectureDoc, outcome: LectureOutcomeDoc | undefined, now = new Date()): OutreachFigures {
  return countsInReport(lecture) ? lectureFigures(lecture, outcome, now) : new Cell().figures();
}

export interface OutreachLectureRow {
  lectureId: string;
  title: string;
  venueType: VenueType;
  countyCode: string;
  countyName: string;
  venueName: string;
  startsAt: Date;
  endsAt: Date;
  lecturerName: string;
  capacity: number;
  figures: OutreachFigures;
}

/**
 * The lectures of the scope by start time, a batch at a time (the export streams these): the
 * lectures come from a cursor, and each batch costs three queries (outcomes, venues, lecturers).
 */
export async function* outreachLectureBatches(scope: OutreachScope, batchSize = 500, now = new Date()): AsyncGenerator<OutreachLectureRow[]> {
  await refreshOutcomesForRequest();
  const countyNames = new Map((await loadCounties()).map((county) => [county.code, county.name]));
  const cursor = LectureModel.find(scopeFilter(scope), LECTURE_FIELDS).sort({ startsAt: 1, _id: 1 }).lean<ScopeLecture[]>().cursor({ batchSize });
  let batch: ScopeLecture[] = [];
  try {
    for await (const lecture of cursor as AsyncIterable<ScopeLecture>) {
      batch.push(lecture);
      if (batch.length >= batchSize) {
        yield await toRows(batch, countyNames, now);
        batch = [];
      }
    }
    if (batch.length) yield await toRows(batch, countyNames, now);
  } finally {
    await cursor.close();
  }
}

async function toRows(lectures: ScopeLecture[], countyNames: Map<string, string>, now: Date): Promise<OutreachLectureRow[]> {
  const held = lectures.filter((lecture) => lecture.startsAt.getTime() <= now.getTime());
  const [outcomes, venues, lecturers] = await Promise.all([
    loadOutcomes(held),
    VenueModel.find({ _id: { $in: lectures.map((lecture) => lecture.venueId) } }, { name: 1 }).lean<VenueDoc[]>(),
    LecturerModel.find({ _id: { $in: lectures.map((lecture) => lecture.lecturerId) } }, { name: 1 }).lean<LecturerDoc[]>(),
  ]);
  const venueNames = new Map(venues.map((venue) => [venue._id.toHexString(), venue.name]));
  const lecturerNames = new Map(lecturers.map((lecturer) => [lecturer._id.toHexString(), lecturer.name]));
  return lectures.map((lecture) => ({
    lectureId: lecture._id.toHexString(),
    title: lecture.title,
    venueType: lecture.venueType as VenueType,
    countyCode: lecture.countyCode,
    countyName: countyNames.get(lecture.countyCode) ?? lecture.countyCode,
    venueName: venueNames.get(lecture.venueId.toHexString()) ?? '',
    startsAt: lecture.startsAt,
    endsAt: lecture.endsAt,
    lecturerName: lecturerNames.get(lecture.lecturerId.toHexString()) ?? '',
    capacity: lecture.capacity,
    figures: lectureFigures(lecture, outcomes.get(lecture._id.toHexString()), now),
  }));
}
