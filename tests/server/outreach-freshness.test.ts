import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { noteLectureChanged, rebuildOutcomes, rebuildRecentOutcomes, refreshOutcomes, startOutcomeCheck } from '../../server/src/modules/outreach/outcome.service';
import { COUNTY_CODES, VENUE_TYPES, expectReportToReconcile, readRaw, yearOf } from '../helpers/outreach';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The per-lecture outcomes at scale and when marks go missing: a world about ten times the demo
 * data (generated straight into the collections, as an import would), reconciled number by number
 * with the raw records; what a report costs with and without pending changes; and the periodic
 * full check repairing a change whose mark was lost.
 */

const HOUR = 3600 * 1000;
const LECTURES = Number(process.env.OUTREACH_LECTURES ?? 1600);
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
const REPORT = `query($year: Int!, $countyCode: ID) {
  outreachReport(year: $year, countyCode: $countyCode) {
    year county { code }
    totals { ...F } byVenueType { venueType figures { ...F } } byCounty { county { code } figures { ...F } } byMonth { month figures { ...F } }
  }
}
fragment F on OutreachFigures {
  lecturesHeld lecturesUpcoming seatsOffered seatsBooked householdsBooked peopleCheckedIn walkInPeople peopleReached
  noShowSeats attendanceRate noShowRate householdsReached ratingCount averageRating lectureTarget peopleTarget lectureProgress peopleProgress
}`;

let server: TestServer;
let city: SignedIn;
const db = () => mongoose.connection.db!;

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function insertInChunks(name: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 2000) await db().collection(name).insertMany(docs.slice(i, i + 2000) as any[]);
}

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
};

let recentLecture: Types.ObjectId;

beforeAll(async () => {
  server = await startTestServer({ label: 'outreach-freshness', seed: false });
  city = await signInAs(server.url, 'freshness-city', 'ORGANIZER');

  const next = random(20260528);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const lectures: any[] = [];
  const bookings: any[] = [];
  const checkins: any[] = [];
  const feedback: any[] = [];
  const households = Array.from({ length: 3000 }, () => new Types.ObjectId());
  const now = Date.now();
  for (let i = 0; i < LECTURES; i++) {
    const year = YEARS[i % YEARS.length];
    const startsAt = new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28), Math.floor(next() * 24)) - 8 * HOUR);
    if (startsAt.getTime() > now - HOUR && startsAt.getTime() < now + HOUR) continue; // nothing on the edge of "held"
    const _id = new Types.ObjectId();
    const status = next() < 0.05 ? 'CANCELLED' : next() < 0.03 ? 'PROPOSED' : 'PUBLISHED';
    const capacity = 20 + Math.floor(next() * 60);
    lectures.push({
      _id, title: `讲座${i}`, summary: '家庭教育', startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), venueId: new Types.ObjectId(), lecturerId: new Types.ObjectId(),
      capacity, maxPartySize: 4, status, tags: [], venueType: pick(VENUE_TYPES), countyCode: pick(COUNTY_CODES),
    });
    const guests = new Set<Types.ObjectId>();
    while (guests.size < 4 + Math.floor(next() * 12)) guests.add(pick(households));
    for (const userId of guests) {
      const bookingId = new Types.ObjectId();
      const partySize = 1 + Math.floor(next() * 3);
      const roll = next();
      const bookingStatus = roll < 0.1 ? 'CANCELLED' : roll < 0.15 ? 'WAITLISTED' : roll < 0.3 ? 'NO_SHOW' : roll < 0.35 ? 'CONFIRMED' : 'CHECKED_IN';
      bookings.push({
        _id: bookingId, lectureId: _id, userId, partySize, status: bookingStatus, requestKey: `gen:${bookingId}`, activeKey: `gen:${bookingId}`, seatNumbers: [],
        requestedAt: startsAt, lectureStartsAt: startsAt, lectureEndsAt: new Date(startsAt.getTime() + 2 * HOUR),
        ...(bookingStatus === 'CANCELLED' ? { cancelledAt: startsAt } : {}),
      });
      if (bookingStatus !== 'CHECKED_IN') continue;
      checkins.push({ _id: `booking:${bookingId}`, lectureId: _id, bookingId, userId, partySize: 1 + Math.floor(next() * partySize), method: pick(['QR', 'SHORT_CODE', 'ROSTER']), checkedInAt: startsAt, recordedAt: startsAt, recordedBy: new Types.ObjectId() });
      if (next() < 0.5) feedback.push({ _id: `${_id}:${userId}`, lectureId: _id, userId, bookingId, rating: 1 + Math.floor(next() * 5), wantedTopics: [], createdAt: startsAt });
    }
    for (let w = Math.floor(next() * 3); w > 0; w--) {
      checkins.push({ _id: `walkin:${_id}:${w}`, lectureId: _id, partySize: 1 + Math.floor(next() * 5), method: 'WALK_IN', checkedInAt: startsAt, recordedAt: startsAt, recordedBy: new Types.ObjectId(), clientScanId: String(w) });
    }
  }
  recentLecture = lectures.find((l) => l.status === 'PUBLISHED' && l.startsAt.getTime() < now && l.startsAt.getTime() > now - 300 * 24 * HOUR)._id;
  const inserted = await timed(async () => {
    await insertInChunks('lectures', lectures);
    await insertInChunks('bookings', bookings);
    await insertInChunks('checkins', checkins);
    await insertInChunks('feedback', feedback);
  });
  console.log(`inserted the generated world in ${inserted.ms.toFixed(0)} ms`);

  const rebuild = await timed(() => rebuildOutcomes());
  console.log(`rebuildOutcomes of ${rebuild.value} lectures (${bookings.length} bookings, ${checkins.length} check-ins, ${feedback.length} feedback): ${rebuild.ms.toFixed(0)} ms`);
}, 300_000);
afterAll(() => server.close());

describe('outreach outcomes at ten times the demo data', () => {
  it('every number of every year reconciles with the raw records', async () => {
    const raw = await readRaw();
    for (const year of YEARS) {
      const report = await server.graphql(REPORT, { year }, city.token);
      expect(report.errors).toBeUndefined();
      expectReportToReconcile(report.data.outreachReport, raw, year, null, new Date());
    }
    const county = await server.graphql(REPORT, { year: 2024, countyCode: '350782' }, city.token);
    expectReportToReconcile(county.data.outreachReport, raw, 2024, '350782', new Date());
  }, 120_000);

  it('what a report costs, with nothing pending and after a change', async () => {
    const report = () => server.graphql(REPORT, { year: 2025 }, city.token);
    await report();
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++) quiet.push((await timed(report)).ms);
    await noteLectureChanged(recentLecture);
    const afterChange = await timed(report);
    expect(await db().collection('outreach_changes').countDocuments()).toBe(0);
    quiet.sort((a, b) => a - b);
    console.log(
      `outreachReport at ${LECTURES} lectures: ${quiet[2].toFixed(0)} ms median with no pending change, ` +
        `${afterChange.ms.toFixed(0)} ms when a change is pending (one scan of bookings, check-ins and feedback)`,
    );
  }, 120_000);

  it('a change whose mark was lost shows after the periodic full check', async () => {
    const year = new Date(Date.now() + 8 * HOUR).getUTCFullYear();
    const lecture = (await db().collection('lectures').findOne({ _id: recentLecture }))!;
    const reportYear = new Date(lecture.startsAt.getTime() + 8 * HOUR).getUTCFullYear();
    const before = (await server.graphql(REPORT, { year: reportYear }, city.token)).data.outreachReport.totals;
    // A walk-in recorded without its mark (a crash between the two writes).
    await db().collection('checkins').insertOne({ _id: `walkin:${recentLecture}:lost-mark` as any, lectureId: recentLecture, partySize: 7, method: 'WALK_IN', checkedInAt: new Date(), recordedAt: new Date(), recordedBy: new Types.ObjectId() });
    const unmarked = (await server.graphql(REPORT, { year: reportYear }, city.token)).data.outreachReport.totals;
    expect(unmarked.walkInPeople).toBe(before.walkInPeople);
    await rebuildRecentOutcomes();
    const repaired = (await server.graphql(REPORT, { year: reportYear }, city.token)).data.outreachReport;
    expect(repaired.totals.walkInPeople).toBe(before.walkInPeople + 7);
    expectReportToReconcile(repaired, await readRaw(), reportYear, null, new Date());
    expect(reportYear === year || reportYear === year - 1).toBe(true);
  }, 120_000);

  it('concurrent refreshes share the work and lose no mark written meanwhile', async () => {
    const lecture = (await db().collection('lectures').findOne({ status: 'PUBLISHED', startsAt: { $lt: new Date() } }))!;
    await db().collection('checkins').insertOne({ _id: `walkin:${lecture._id}:concurrent` as any, lectureId: lecture._id, partySize: 3, method: 'WALK_IN', checkedInAt: new Date(), recordedAt: new Date(), recordedBy: new Types.ObjectId() });
    const first = refreshOutcomes();
    await noteLectureChanged(lecture._id); // written while the first refresh may already have read the marks
    const second = refreshOutcomes();
    const third = refreshOutcomes();
    await Promise.all([first, second, third]);
    expect(await db().collection('outreach_changes').countDocuments()).toBe(0);
    const outcome = (await db().collection('lecture_outcomes').findOne({ _id: lecture._id }))!;
    const walkIns = await db().collection('checkins').find({ lectureId: lecture._id, method: 'WALK_IN' }).toArray();
    expect(outcome.walkInPeople).toBe(walkIns.reduce((sum, c) => sum + c.partySize, 0));
  }, 120_000);
  it('a full check computed from an old read never puts its tallies over a newer outcome', async () => {
    const lecture = (await db().collection('lectures').findOne({ status: 'PUBLISHED', startsAt: { $lt: new Date() }, _id: { $ne: recentLecture } }, { sort: { startsAt: -1 } }))!;
    const walkIn = (tag: string, partySize: number) =>
      db().collection('checkins').insertOne({ _id: `walkin:${lecture._id}:${tag}` as any, lectureId: lecture._id, partySize, method: 'WALK_IN', checkedInAt: new Date(), recordedAt: new Date(), recordedBy: new Types.ObjectId() });
    // A walk-in whose mark was lost: the check finds the lecture's stored tallies out of date.
    await walkIn('check-lost-mark', 7);
    const check = await startOutcomeCheck([lecture._id]);
    expect(check.changed.map(String)).toEqual([String(lecture._id)]);
    // While the check is between its read and its write, another arrival is recorded and drained.
    await walkIn('check-meanwhile', 3);
    await noteLectureChanged(lecture._id);
    await refreshOutcomes();
    await check.finish();

    const walkIns = await db().collection('checkins').find({ lectureId: lecture._id, method: 'WALK_IN' }).toArray();
    const outcome = (await db().collection('lecture_outcomes').findOne({ _id: lecture._id }))!;
    expect(outcome.walkInPeople).toBe(walkIns.reduce((sum, c) => sum + c.partySize, 0));
    expect(await db().collection('outreach_changes').countDocuments()).toBe(0);
    const year = yearOf(lecture.startsAt);
    const report = await server.graphql(REPORT, { year }, city.token);
    expect(report.errors).toBeUndefined();
    expectReportToReconcile(report.data.outreachReport, await readRaw(), year, null, new Date());
  }, 120_000);

  it('a report whose refresh fails serves the stored outcomes and keeps the marks for later', async () => {
    const lecture = (await db().collection('lectures').findOne({ status: 'PUBLISHED', startsAt: { $lt: new Date() } }, { sort: { startsAt: -1 } }))!;
    const year = yearOf(lecture.startsAt);
    const before = (await server.graphql(REPORT, { year }, city.token)).data.outreachReport.totals;
    // A mark the drain cannot read (a lecture id that is not one) makes every refresh fail.
    await db().collection('outreach_changes').insertOne({ _id: new Types.ObjectId(), lectureId: 'not-a-lecture' as any, at: new Date() });
    await db().collection('checkins').insertOne({ _id: `walkin:${lecture._id}:refresh-fails` as any, lectureId: lecture._id, partySize: 5, method: 'WALK_IN', checkedInAt: new Date(), recordedAt: new Date(), recordedBy: new Types.ObjectId() });
    await noteLectureChanged(lecture._id);
    const stale = await server.graphql(REPORT, { year }, city.token);
    expect(stale.errors).toBeUndefined();
    expect(stale.data.outreachReport.totals.walkInPeople).toBe(before.walkInPeople);
    expect(await db().collection('outreach_changes').countDocuments()).toBe(2);
    // Once the broken mark is gone, the next report picks the change up.
    await db().collection('outreach_changes').deleteOne({ lectureId: 'not-a-lecture' as any });
    const fresh = await server.graphql(REPORT, { year }, city.token);
    expect(fresh.data.outreachReport.totals.walkInPeople).toBe(before.walkInPeople + 5);
    expectReportToReconcile(fresh.data.outreachReport, await readRaw(), year, null, new Date());
  }, 120_000);
});
