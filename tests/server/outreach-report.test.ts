import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { sweepNoShows } from '../../server/src/modules/checkin/checkin.service';
import { rebuildOutcomes } from '../../server/src/modules/outreach/outcome.service';
import { buildOutreachReport } from '../../server/src/modules/outreach/report.service';
import { BOOK, CANCEL, insertLecture, newKey, signIn } from '../helpers/booking';
import { insertVenue, publishedLecture } from '../helpers/content';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';
import { COUNTY_CODES, VENUE_TYPES, expectReportToReconcile, expectedFigures, readRaw, yearOf, type Figures } from '../helpers/outreach';

/**
 * The outreach report against the raw records: a world made through the API (bookings, waiting
 * lists, cancellations, check-ins, walk-ins, feedback, a cancelled lecture, no-shows), then every
 * number of the report compared with the same number computed here, independently, from the
 * bookings, check-ins, feedback and lectures collections.
 */

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const THIS_YEAR = new Date(Date.now() + 8 * HOUR).getUTCFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const YANPING = '350702';
const SHAOWU = '350781';

const FIGURES = `lecturesHeld lecturesUpcoming seatsOffered seatsBooked householdsBooked peopleCheckedIn walkInPeople peopleReached
  noShowSeats attendanceRate noShowRate householdsReached ratingCount averageRating lectureTarget peopleTarget lectureProgress peopleProgress`;
const REPORT = `query($year: Int!, $countyCode: ID) {
  outreachReport(year: $year, countyCode: $countyCode) {
    year county { code name } generatedAt
    totals { ${FIGURES} }
    byVenueType { venueType figures { ${FIGURES} } }
    byCounty { county { code name } figures { ${FIGURES} } }
    byMonth { month figures { ${FIGURES} } }
  }
}`;
const LECTURES = `query($year: Int!, $countyCode: ID, $venueType: VenueType, $month: Int) {
  outreachLectures(year: $year, countyCode: $countyCode, venueType: $venueType, month: $month) {
    lecture { id title startsAt status venue { id name } lecturer { id name } }
    figures { ${FIGURES} }
  }
}`;
const ATTENDANCE = `query($lectureId: ID!) {
  lectureAttendance(lectureId: $lectureId) {
    lecture { id title }
    entries { bookingId householdName phone partySize status checkedInAt partyPresent }
    walkIns { id partySize checkedInAt note }
    figures { ${FIGURES} }
  }
}`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome partyPresent } }`;
const WALK_IN = `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome partyPresent } }`;
const FEEDBACK = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { id } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const CANCEL_LECTURE = `mutation($id: ID!, $reason: String!) { cancelLecture(id: $id, reason: $reason) { id status } }`;


let server: TestServer;
let city: SignedIn;
let yanpingOrganizer: SignedIn;
let shaowuOrganizer: SignedIn;
let admin: SignedIn;
let lecturerA: SignedIn;
let lecturerB: SignedIn;
let parent: SignedIn;
const db = () => mongoose.connection.db!;

async function ok<T = any>(response: Promise<GraphQLResponse<T>> | GraphQLResponse<T>, field: string): Promise<any> {
  const body = await response;
  if (body.errors) throw new Error(`${field}: ${JSON.stringify(body.errors)}`);
  return (body.data as any)[field];
}

function expectRefused(response: GraphQLResponse, code: string, field?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual([field]);
}

/** A Date at a Beijing wall-clock time. */
const beijing = (year: number, month: number, day: number, hour = 10) => new Date(Date.UTC(year, month - 1, day, hour) - 8 * HOUR);

// ---------------------------------------------------------------------------------------------
// Building the world through the API
// ---------------------------------------------------------------------------------------------

interface Guest {
  party: number;
  cancel?: boolean;
  /** People present at check-in (checked in only when the booking holds seats by then). */
  present?: number;
  rating?: number;
  phone?: string;
  name?: string;
}

interface Plan {
  venueId: string;
  lecturer: SignedIn;
  /** When it took place: the lecture is moved there once its door work is done. */
  heldAt: Date | null;
  capacity: number;
  guests: Guest[];
  walkIns?: number[];
  cancelLecture?: boolean;
}

let openIds = 0;

/** Runs one lecture's life through the API, then moves it to when it took place. */
async function stage(plan: Plan): Promise<string> {
  const lectureId = await publishedLecture(server.url, plan.lecturer.token, city.token, plan.venueId, 2.5 * HOUR, {
    capacity: plan.capacity,
    maxPartySize: Math.min(4, plan.capacity),
    title: `第${++openIds}场家庭教育讲座`,
  });
  const bookings: Array<{ guest: Guest; token: string; id: string }> = [];
  for (const guest of plan.guests) {
    const token = await signIn(server, `outreach-parent-${openIds}-${bookings.length}`);
    if (guest.phone || guest.name) await ok(server.graphql(PROFILE, { input: { phone: guest.phone, displayName: guest.name } }, token), 'updateProfile');
    const booked = await ok(server.graphql(BOOK, { input: { lectureId, partySize: guest.party, idempotencyKey: newKey() } }, token), 'bookLecture');
    bookings.push({ guest, token, id: booked.id });
  }
  for (const booking of bookings.filter((b) => b.guest.cancel)) await ok(server.graphql(CANCEL, { id: booking.id }, booking.token), 'cancelBooking');
  if (plan.cancelLecture) {
    await ok(server.graphql(CANCEL_LECTURE, { id: lectureId, reason: '场地临时维修' }, plan.lecturer.token), 'cancelLecture');
  } else {
    for (const booking of bookings) {
      const { status } = (await db().collection('bookings').findOne({ _id: new Types.ObjectId(booking.id) }))!;
      if (booking.guest.present === undefined || status !== 'CONFIRMED') continue;
      await ok(server.graphql(CHECK_IN, { input: { lectureId, bookingId: booking.id, partyPresent: booking.guest.present } }, plan.lecturer.token), 'checkIn');
      if (booking.guest.rating) await ok(server.graphql(FEEDBACK, { input: { lectureId, rating: booking.guest.rating } }, booking.token), 'submitFeedback');
    }
    for (const [i, partySize] of (plan.walkIns ?? []).entries()) {
      await ok(server.graphql(WALK_IN, { input: { lectureId, partySize, clientScanId: `walk-${lectureId}-${i}`, note: '路过的家长' } }, plan.lecturer.token), 'recordWalkIn');
    }
  }
  if (plan.heldAt) await moveLecture(lectureId, plan.heldAt);
  return lectureId;
}

/** Time passes: the lecture (and its bookings' copies of its times) now took place at `startsAt`. */
async function moveLecture(lectureId: string, startsAt: Date): Promise<void> {
  const id = new Types.ObjectId(lectureId);
  const endsAt = new Date(startsAt.getTime() + 90 * 60 * 1000);
  await db().collection('lectures').updateOne({ _id: id }, { $set: { startsAt, endsAt } });
  await db().collection('bookings').updateMany({ lectureId: id }, { $set: { lectureStartsAt: startsAt, lectureEndsAt: endsAt } });
}

const ADDITIVE = ['lecturesHeld', 'lecturesUpcoming', 'seatsOffered', 'seatsBooked', 'householdsBooked', 'peopleCheckedIn', 'walkInPeople', 'peopleReached', 'noShowSeats', 'ratingCount'];

function sumOf(rows: Array<{ figures: Figures }>): Record<string, number> {
  return Object.fromEntries(ADDITIVE.map((key) => [key, rows.reduce((sum, row) => sum + (row.figures[key] as number), 0)]));
}
const additive = (figures: Figures) => Object.fromEntries(ADDITIVE.map((key) => [key, figures[key]]));

// ---------------------------------------------------------------------------------------------

const staged: Record<string, string> = {};
const venues: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ label: 'outreach-report', seed: false });
  city = await signInAs(server.url, 'outreach-city', 'ORGANIZER');
  admin = await signInAs(server.url, 'outreach-admin', 'ADMIN');
  yanpingOrganizer = await signInAs(server.url, 'outreach-yanping', 'ORGANIZER', { countyCode: YANPING });
  shaowuOrganizer = await signInAs(server.url, 'outreach-shaowu', 'ORGANIZER', { countyCode: SHAOWU });
  lecturerA = await signInAs(server.url, 'outreach-lecturer-a', 'LECTURER', { countyCode: YANPING });
  lecturerB = await signInAs(server.url, 'outreach-lecturer-b', 'LECTURER', { countyCode: SHAOWU });
  parent = await signInAs(server.url, 'outreach-parent', 'PARENT');

  venues.yanpingVillage = await insertVenue(YANPING, 'VILLAGE');
  venues.yanpingSchool = await insertVenue(YANPING, 'SCHOOL');
  venues.shaowuCommunity = await insertVenue(SHAOWU, 'COMMUNITY');
  venues.shaowuEnterprise = await insertVenue(SHAOWU, 'ENTERPRISE');
  venues.jianouGovernment = await insertVenue('350783', 'GOVERNMENT');

  // A full house with a waiting list: a cancellation seats the first waiting household.
  staged.march = await stage({
    venueId: venues.yanpingVillage, lecturer: lecturerA, heldAt: beijing(THIS_YEAR, 3, 15), capacity: 8,
    guests: [
      { party: 3, present: 3, rating: 5, phone: '13800001234', name: '王奶奶' },
      { party: 2, present: 1, rating: 4 },
      { party: 2, cancel: true },
      { party: 1, present: 1 },
      { party: 2, present: 2, rating: 3 }, // waits, then takes the cancelled seats
      { party: 3 }, // waits for good
    ],
    walkIns: [2, 1],
  });
  // Booked, some never came (no-shows after the sweep).
  staged.june = await stage({
    venueId: venues.yanpingSchool, lecturer: lecturerA, heldAt: beijing(THIS_YEAR, 6, 1, 19), capacity: 30,
    guests: [{ party: 2, present: 2, rating: 5 }, { party: 4 }, { party: 1 }, { party: 3, present: 2, rating: 2 }],
    walkIns: [5],
  });
  // The first day of a month, just after midnight Beijing time: the previous evening in UTC.
  staged.july = await stage({
    venueId: venues.shaowuCommunity, lecturer: lecturerB, heldAt: beijing(THIS_YEAR, 7, 1, 0), capacity: 20,
    guests: [{ party: 1, present: 1, rating: 4 }, { party: 2, present: 2 }, { party: 2, cancel: true }],
  });
  staged.septEnterprise = await stage({
    venueId: venues.shaowuEnterprise, lecturer: lecturerB, heldAt: beijing(THIS_YEAR, 9, 20), capacity: 15,
    guests: [{ party: 4, present: 4, rating: 5 }, { party: 1 }],
    walkIns: [3, 3],
  });
  // Held with nobody booked.
  staged.empty = await stage({ venueId: venues.jianouGovernment, lecturer: lecturerA, heldAt: beijing(THIS_YEAR, 9, 21), capacity: 50, guests: [] });
  // Cancelled: its bookings and its seats never count.
  staged.cancelled = await stage({
    venueId: venues.yanpingVillage, lecturer: lecturerA, heldAt: beijing(THIS_YEAR, 4, 10), capacity: 10,
    guests: [{ party: 2 }, { party: 1 }], cancelLecture: true,
  });
  // Last year's, with the previous year's last evening in Beijing.
  staged.lastYear = await stage({
    venueId: venues.yanpingVillage, lecturer: lecturerA, heldAt: beijing(LAST_YEAR, 12, 31, 20), capacity: 12,
    guests: [{ party: 2, present: 2, rating: 4 }, { party: 1 }],
    walkIns: [4],
  });
  // Still to come: counts only as upcoming, whatever is booked.
  staged.upcoming = await stage({ venueId: venues.shaowuCommunity, lecturer: lecturerB, heldAt: null, capacity: 10, guests: [{ party: 2 }, { party: 1 }] });
  await moveLecture(staged.upcoming, new Date(Date.now() + 3 * DAY));
  // Proposed, never approved: not in any figure.
  await insertLecture({ status: 'PROPOSED', startsAt: beijing(THIS_YEAR, 5, 5), countyCode: YANPING, venueType: 'VILLAGE' });

  // After the lectures ended, those who held seats and never came become no-shows.
  await sweepNoShows(new Date());

  // Targets: the city's own for two types, counties' for others (written directly: another feature sets them).
  const target = (countyCode: string | null, venueType: string, lectures: number, people: number) => ({
    _id: `${THIS_YEAR}:${countyCode ?? 'city'}:${venueType}`, year: THIS_YEAR, countyCode, venueType, lectures, people, updatedAt: new Date(), updatedBy: new Types.ObjectId(),
  });
  await db().collection('outreach_targets').insertMany([
    target(null, 'VILLAGE', 10, 400),
    target(null, 'SCHOOL', 0, 0),
    target(YANPING, 'VILLAGE', 4, 100),
    target(YANPING, 'SCHOOL', 2, 50),
    target(SHAOWU, 'COMMUNITY', 3, 60),
    target(SHAOWU, 'ENTERPRISE', 1, 20),
    target('350783', 'COMMUNITY', 2, 30),
  ] as any[]);
}, 180_000);
afterAll(() => server.close());

describe('outreach report reconciles with the raw records', () => {
  it('the world is what the test meant to build', async () => {
    const raw = await readRaw();
    const statuses = raw.bookings.map((b) => b.status);
    for (const status of ['CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'WAITLISTED', 'CONFIRMED']) expect(statuses).toContain(status);
    expect(raw.checkins.some((c) => c.method === 'WALK_IN')).toBe(true);
    expect(raw.feedback.length).toBeGreaterThanOrEqual(6);
    expect(raw.lectures.find((l) => String(l._id) === staged.cancelled).status).toBe('CANCELLED');
  });

  it('every number of the city report of this year and of last year', async () => {
    for (const year of [THIS_YEAR, LAST_YEAR]) {
      const report = await ok(server.graphql(REPORT, { year }, city.token), 'outreachReport');
      const raw = await readRaw();
      expectReportToReconcile(report, raw, year, null, new Date());
    }
    const report = await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    // Spot checks that the independent computation is not vacuous.
    expect(report.totals.lecturesHeld).toBe(5);
    expect(report.totals.lecturesUpcoming).toBe(1);
    expect(report.totals.walkInPeople).toBe(2 + 1 + 5 + 3 + 3);
    expect(report.totals.noShowSeats).toBeGreaterThan(0);
    expect(report.byCounty.map((row: any) => row.county.name)).toContain('延平区');
    // The city's own VILLAGE target stands; SCHOOL's is 0 (no progress); COMMUNITY falls back to the counties' sum.
    const row = (type: string) => report.byVenueType.find((r: any) => r.venueType === type).figures;
    expect(row('VILLAGE')).toMatchObject({ lectureTarget: 10, peopleTarget: 400 });
    expect(row('SCHOOL')).toMatchObject({ lectureTarget: 0, lectureProgress: null });
    expect(row('COMMUNITY')).toMatchObject({ lectureTarget: 5, peopleTarget: 90 });
    expect(row('GOVERNMENT')).toMatchObject({ lectureTarget: null, peopleTarget: null, lectureProgress: null });
  });

  it("every number of a county's report, for its organizer and for the city", async () => {
    for (const [county, who] of [[YANPING, yanpingOrganizer], [SHAOWU, shaowuOrganizer], [YANPING, admin], ['350783', city]] as const) {
      const report = await ok(server.graphql(REPORT, { year: THIS_YEAR, countyCode: county }, who.token), 'outreachReport');
      expectReportToReconcile(report, await readRaw(), THIS_YEAR, county, new Date());
    }
  });

  it('the lectures behind every cell add up to the cell', async () => {
    const report = await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    const all = await ok(server.graphql(LECTURES, { year: THIS_YEAR }, city.token), 'outreachLectures');
    expect(sumOf(all)).toEqual(additive(report.totals));
    expect(all.map((row: any) => row.lecture.startsAt)).toEqual([...all.map((row: any) => row.lecture.startsAt)].sort());
    expect(all.every((row: any) => row.figures.lectureTarget === null && row.lecture.status === 'PUBLISHED')).toBe(true);
    expect(all.find((row: any) => row.lecture.id === staged.march).lecture.venue.id).toBe(venues.yanpingVillage);
    for (const row of report.byVenueType) {
      const lectures = await ok(server.graphql(LECTURES, { year: THIS_YEAR, venueType: row.venueType }, city.token), 'outreachLectures');
      expect(sumOf(lectures)).toEqual(additive(row.figures));
    }
    for (const row of report.byMonth) {
      const lectures = await ok(server.graphql(LECTURES, { year: THIS_YEAR, month: row.month }, city.token), 'outreachLectures');
      expect(sumOf(lectures)).toEqual(additive(row.figures));
    }
    for (const row of report.byCounty) {
      const lectures = await ok(server.graphql(LECTURES, { year: THIS_YEAR, countyCode: row.county.code }, city.token), 'outreachLectures');
      expect(sumOf(lectures)).toEqual(additive(row.figures));
    }
    // A cell of two dimensions: Yanping's village lectures in March.
    const cell = await ok(server.graphql(LECTURES, { year: THIS_YEAR, countyCode: YANPING, venueType: 'VILLAGE', month: 3 }, yanpingOrganizer.token), 'outreachLectures');
    expect(cell.map((row: any) => row.lecture.id)).toEqual([staged.march]);
  });

  it("a lecture's attendance: who came and when, phones masked, its figures as the report counts them", async () => {
    const attendance = await ok(server.graphql(ATTENDANCE, { lectureId: staged.march }, yanpingOrganizer.token), 'lectureAttendance');
    const raw = await readRaw();
    const lecture = raw.lectures.filter((l) => String(l._id) === staged.march);
    expect(attendance.figures).toEqual(expectedFigures(raw, lecture, new Date(), null));
    const seated = raw.bookings.filter((b) => String(b.lectureId) === staged.march && ['CONFIRMED', 'CHECKED_IN', 'NO_SHOW'].includes(b.status));
    expect(attendance.entries.map((e: any) => e.bookingId).sort()).toEqual(seated.map((b) => String(b._id)).sort());
    expect(attendance.entries.some((e: any) => e.status === 'WAITLISTED' || e.status === 'CANCELLED')).toBe(false);
    const wang = attendance.entries.find((e: any) => e.householdName === '王奶奶');
    expect(wang).toMatchObject({ phone: '138****1234', partySize: 3, partyPresent: 3, status: 'CHECKED_IN' });
    expect(JSON.stringify(attendance)).not.toContain('13800001234');
    // Who came first, first; the households that did not come last.
    const times = attendance.entries.map((e: any) => e.checkedInAt);
    const came = times.filter(Boolean);
    expect(came).toEqual([...came].sort());
    expect(times.slice(0, came.length).every(Boolean)).toBe(true);
    expect(attendance.walkIns.map((w: any) => w.partySize).sort()).toEqual([1, 2]);

    // Its own lecturer may look; another lecturer, another county's organizer and a parent may not.
    expect((await ok(server.graphql(ATTENDANCE, { lectureId: staged.march }, lecturerA.token), 'lectureAttendance')).entries.length).toBe(seated.length);
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: staged.march }, lecturerB.token), 'FORBIDDEN');
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: staged.march }, shaowuOrganizer.token), 'FORBIDDEN');
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: staged.march }, parent.token), 'FORBIDDEN');
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: staged.march }), 'UNAUTHENTICATED');
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: 'nope' }, city.token), 'BAD_USER_INPUT', 'lectureId');
    expectRefused(await server.graphql(ATTENDANCE, { lectureId: new Types.ObjectId().toHexString() }, city.token), 'NOT_FOUND');
  });
});

describe('outreach report scope', () => {
  it("a county organizer sees only their county's lectures and numbers", async () => {
    const report = await ok(server.graphql(REPORT, { year: THIS_YEAR, countyCode: YANPING }, yanpingOrganizer.token), 'outreachReport');
    expect(report.byCounty.map((row: any) => row.county.code)).toEqual([YANPING]);
    const lectures = await ok(server.graphql(LECTURES, { year: THIS_YEAR, countyCode: YANPING }, yanpingOrganizer.token), 'outreachLectures');
    const raw = await readRaw();
    const countyOf = new Map(raw.lectures.map((l) => [String(l._id), l.countyCode]));
    expect(lectures.length).toBeGreaterThan(0);
    expect(lectures.every((row: any) => countyOf.get(row.lecture.id) === YANPING)).toBe(true);
    expect(report.totals.lecturesHeld).toBe(raw.lectures.filter((l) => l.countyCode === YANPING && l.status === 'PUBLISHED' && yearOf(l.startsAt) === THIS_YEAR).length);
  });

  it('refuses another county, the whole city, parents, lecturers and anonymous visitors', async () => {
    for (const variables of [{ year: THIS_YEAR, countyCode: SHAOWU }, { year: THIS_YEAR }, { year: THIS_YEAR, countyCode: null }]) {
      expectRefused(await server.graphql(REPORT, variables, yanpingOrganizer.token), 'FORBIDDEN');
      expectRefused(await server.graphql(LECTURES, variables, yanpingOrganizer.token), 'FORBIDDEN');
    }
    for (const who of [parent, lecturerA]) {
      expectRefused(await server.graphql(REPORT, { year: THIS_YEAR }, who.token), 'FORBIDDEN');
      expectRefused(await server.graphql(REPORT, { year: THIS_YEAR, countyCode: YANPING }, who.token), 'FORBIDDEN');
      expectRefused(await server.graphql(LECTURES, { year: THIS_YEAR, countyCode: YANPING }, who.token), 'FORBIDDEN');
    }
    expectRefused(await server.graphql(REPORT, { year: THIS_YEAR }), 'UNAUTHENTICATED');
    expectRefused(await server.graphql(LECTURES, { year: THIS_YEAR }), 'UNAUTHENTICATED');
  });

  it('refuses a year out of range and an unknown county, naming the field', async () => {
    expectRefused(await server.graphql(REPORT, { year: 2020 }, city.token), 'BAD_USER_INPUT', 'year');
    expectRefused(await server.graphql(REPORT, { year: THIS_YEAR + 2 }, city.token), 'BAD_USER_INPUT', 'year');
    expectRefused(await server.graphql(REPORT, { year: THIS_YEAR, countyCode: '999999' }, city.token), 'BAD_USER_INPUT', 'countyCode');
    expectRefused(await server.graphql(REPORT, { year: THIS_YEAR, countyCode: '999999' }, yanpingOrganizer.token), 'BAD_USER_INPUT', 'countyCode');
    expectRefused(await server.graphql(LECTURES, { year: 2020, countyCode: YANPING }, yanpingOrganizer.token), 'BAD_USER_INPUT', 'year');
    expectRefused(await server.graphql(LECTURES, { year: THIS_YEAR, month: 13 }, city.token), 'BAD_USER_INPUT', 'month');
    expectRefused(await server.graphql(LECTURES, { year: THIS_YEAR, month: 0 }, city.token), 'BAD_USER_INPUT', 'month');
    // Not an Int at all: GraphQL itself refuses it.
    const fractional = await server.graphql(REPORT, { year: 2026.5 }, city.token);
    expect(fractional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fractional.data?.outreachReport ?? null).toBeNull();
    // The first and the next year are fine.
    await ok(server.graphql(REPORT, { year: 2021 }, city.token), 'outreachReport');
    const next = await ok(server.graphql(REPORT, { year: THIS_YEAR + 1 }, city.token), 'outreachReport');
    expect(next.totals.lecturesHeld).toBe(0);
  });
});

describe('outreach report freshness and cost', () => {
  it('shows a new check-in, walk-in and feedback at once, and keeps showing it after the marks are drained', async () => {
    // A lecture that started an hour ago: its door is still open.
    const lectureId = await stage({ venueId: venues.jianouGovernment, lecturer: lecturerA, heldAt: null, capacity: 10, guests: [{ party: 2 }, { party: 3 }] });
    await moveLecture(lectureId, new Date(Date.now() - HOUR));
    const before = await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    expectReportToReconcile(before, await readRaw(), THIS_YEAR, null, new Date());

    const bookings = await db().collection('bookings').find({ lectureId: new Types.ObjectId(lectureId) }).toArray();
    await ok(server.graphql(CHECK_IN, { input: { lectureId, bookingId: String(bookings[0]._id), partyPresent: 2 } }, lecturerA.token), 'checkIn');
    const afterCheckIn = await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    expect(afterCheckIn.totals.peopleCheckedIn).toBe(before.totals.peopleCheckedIn + 2);
    expect(afterCheckIn.totals.householdsReached).toBe(before.totals.householdsReached + 1);

    await ok(server.graphql(WALK_IN, { input: { lectureId, partySize: 4, clientScanId: `fresh-walk-in-${lectureId}` } }, lecturerA.token), 'recordWalkIn');
    const household = await signIn(server, `outreach-parent-${openIds}-0`);
    await ok(server.graphql(FEEDBACK, { input: { lectureId, rating: 1 } }, household), 'submitFeedback');
    const after = await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    expect(after.totals.walkInPeople).toBe(before.totals.walkInPeople + 4);
    expect(after.totals.ratingCount).toBe(before.totals.ratingCount + 1);
    expectReportToReconcile(after, await readRaw(), THIS_YEAR, null, new Date());
    expect(await db().collection('outreach_changes').countDocuments()).toBe(0);
  });

  it('shows a cancelled booking once the marks are read (the report counts it as of a later time)', async () => {
    const lectureId = await stage({ venueId: venues.shaowuEnterprise, lecturer: lecturerB, heldAt: null, capacity: 10, guests: [{ party: 2 }, { party: 1 }] });
    const later = new Date(Date.now() + 3 * HOUR); // when this lecture will have been held
    const scope = { year: yearOf(later), countyCode: SHAOWU };
    const before = await buildOutreachReport(scope, later);
    const token = await signIn(server, `outreach-parent-${openIds}-1`);
    const booking = await db().collection('bookings').findOne({ lectureId: new Types.ObjectId(lectureId), partySize: 1 });
    await ok(server.graphql(CANCEL, { id: String(booking!._id) }, token), 'cancelBooking');
    const after = await buildOutreachReport(scope, later);
    expect(after.totals.seatsBooked).toBe(before.totals.seatsBooked - 1);
    expect(after.totals.householdsBooked).toBe(before.totals.householdsBooked - 1);
  });

  it('costs the same handful of database round trips for 5 lectures as for 50', async () => {
    const year = 2022;
    const insertHeld = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        ids.push(await insertLecture({ startsAt: beijing(year, 1 + (i % 12), 1 + (i % 27)), countyCode: COUNTY_CODES[i % 10], venueType: VENUE_TYPES[i % 5], capacity: 20 + i }));
      }
      await rebuildOutcomes(ids);
    };
    const measure = async () => {
      await ok(server.graphql(REPORT, { year }, city.token), 'outreachReport'); // drains any marks
      let report: any;
      const trips = await server.countRoundTrips(async () => (report = await ok(server.graphql(REPORT, { year }, city.token), 'outreachReport')));
      return { trips, report };
    };
    await insertHeld(5);
    const five = await measure();
    expect(five.report.totals.lecturesHeld).toBe(5);
    await insertHeld(45);
    const fifty = await measure();
    expect(fifty.report.totals.lecturesHeld).toBe(50);
    expect(fifty.trips).toBe(five.trips);
    expect(five.trips).toBeLessThanOrEqual(6);

    const started = performance.now();
    const runs = 5;
    for (let i = 0; i < runs; i++) await ok(server.graphql(REPORT, { year: THIS_YEAR }, city.token), 'outreachReport');
    const lectures = await db().collection('lectures').countDocuments();
    const bookings = await db().collection('bookings').countDocuments();
    console.log(`outreachReport: ${((performance.now() - started) / runs).toFixed(1)} ms per report over HTTP (${lectures} lectures, ${bookings} bookings, ${five.trips} round trips)`);
  });
});
