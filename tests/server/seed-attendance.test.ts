/**
 * The demo world's history: what the organizers' dashboard counts. Checked on the raw records, as a
 * user of the data would notice: no overbooked hall, every arrival belongs to a booking that says
 * so, feedback only from those who came, seats claimed exactly as booked, targets in reach, and no
 * twin documents however often the seed runs.
 */
import mongoose, { Types } from 'mongoose';
import { seedDemoWorld, seedIfEmpty, type SeedReport } from '../../server/src/seed/seed';
import { generateOutreachHistory } from '../../server/src/seed/scale';
import { rebuildOutcomes } from '../../server/src/modules/outreach/outcome.service';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 24 * 3600 * 1000;
const beijingYear = (date: Date) => new Date(date.getTime() + 8 * 3600 * 1000).getUTCFullYear();
const COLLECTIONS = ['bookings', 'seat_claims', 'checkins', 'feedback', 'outreach_targets', 'users', 'lecture_outcomes', 'outbox', 'lectures'] as const;

describe('the demo history', () => {
  let server: TestServer;
  let report: SeedReport;
  let seedMs: number;
  const now = new Date();
  const db = () => mongoose.connection.db!;
  const all = (name: string, filter = {}) => db().collection(name).find(filter).toArray() as Promise<any[]>;
  const counts = async () => Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await db().collection(c).countDocuments()] as const)));

  beforeAll(async () => {
    server = await startTestServer({ label: 'seedhistory', seed: false });
    const started = Date.now();
    report = await seedDemoWorld(now);
    seedMs = Date.now() - started;
    console.log(`seedDemoWorld on an empty database: ${seedMs} ms`, JSON.stringify({ ...report.attendance, inserted: report.inserted }), JSON.stringify(await counts()));
  }, 180_000);
  afterAll(() => server.close());

  it('books 40–95 % of every past published lecture, never more seats than the hall has', async () => {
    const lectures = await all('lectures', { status: 'PUBLISHED' });
    const bookings = await all('bookings');
    const seats = new Map<string, number>();
    for (const b of bookings) if (b.status !== 'CANCELLED') seats.set(String(b.lectureId), (seats.get(String(b.lectureId)) ?? 0) + b.partySize);
    const past = lectures.filter((l) => l.endsAt.getTime() <= now.getTime());
    expect(past.length).toBeGreaterThanOrEqual(120);
    for (const lecture of lectures) expect(seats.get(String(lecture._id)) ?? 0).toBeLessThanOrEqual(lecture.capacity);
    const fills = past.map((l) => (seats.get(String(l._id)) ?? 0) / l.capacity);
    for (const fill of fills) {
      expect(fill).toBeGreaterThanOrEqual(0.39);
      expect(fill).toBeLessThanOrEqual(0.951);
    }
    // Past bookings are settled: came, did not come, or cancelled beforehand.
    const pastIds = new Set(past.map((l) => String(l._id)));
    const statuses = new Set(bookings.filter((b) => pastIds.has(String(b.lectureId))).map((b) => b.status));
    expect([...statuses].sort()).toEqual(['CANCELLED', 'CHECKED_IN', 'NO_SHOW']);
    for (const b of bookings) {
      const lecture = lectures.find((l) => String(l._id) === String(b.lectureId))!;
      expect(b.lectureStartsAt).toEqual(lecture.startsAt);
      expect(b.lectureEndsAt).toEqual(lecture.endsAt);
      expect(b.partySize).toBeGreaterThanOrEqual(1);
      expect(b.partySize).toBeLessThanOrEqual(lecture.maxPartySize ?? 4);
      expect(b.requestedAt.getTime()).toBeLessThan(lecture.startsAt.getTime());
      if (b.status === 'CANCELLED') {
        expect(b.activeKey).toBe(`cancelled:${b._id}`);
        expect(b.cancelledAt.getTime()).toBeLessThan(lecture.startsAt.getTime());
      } else {
        expect(b.activeKey).toBe(`${b.lectureId}:${b.userId}`);
      }
    }
  });

  it('shows seats taken at most upcoming lectures, but leaves the soonest one all free', async () => {
    const upcoming = (await all('lectures', { status: 'PUBLISHED' })).filter((l) => l.startsAt.getTime() > now.getTime());
    upcoming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const bookings = (await all('bookings')).filter((b) => b.lectureStartsAt.getTime() > now.getTime());
    expect(new Set(bookings.map((b) => b.status))).toEqual(new Set(['CONFIRMED']));
    const withBookings = new Set(bookings.map((b) => String(b.lectureId)));
    expect(withBookings.has(String(upcoming[0]._id))).toBe(false);
    expect(withBookings.size).toBeGreaterThanOrEqual(upcoming.length / 2);
    // Their confirmations count as sent: nothing is queued for the demo households.
    const outbox = await all('outbox');
    expect(outbox.length).toBe(bookings.length);
    for (const message of outbox) expect(message.state).toBe('SENT');
  });

  it('claims exactly the booked seats: one claim per seat, none for cancelled bookings', async () => {
    const bookings = await all('bookings');
    const claims = await all('seat_claims');
    const byBooking = new Map<string, any[]>();
    for (const claim of claims) {
      expect(claim._id).toBe(`${claim.lectureId}:${claim.seatNumber}`);
      const list = byBooking.get(String(claim.bookingId)) ?? [];
      list.push(claim);
      byBooking.set(String(claim.bookingId), list);
    }
    let seats = 0;
    for (const b of bookings) {
      const mine = (byBooking.get(String(b._id)) ?? []).sort((x, y) => x.seatNumber - y.seatNumber);
      byBooking.delete(String(b._id));
      if (b.status === 'CANCELLED') {
        expect(mine).toHaveLength(0);
        expect(b.seatNumbers).toEqual([]);
        continue;
      }
      seats += b.partySize;
      expect(mine.map((c) => c.seatNumber)).toEqual(b.seatNumbers);
      expect(mine.map((c) => c.bookingSlot).sort()).toEqual(Array.from({ length: b.partySize }, (_, k) => `${b._id}:${k + 1}`).sort());
      for (const claim of mine) expect(String(claim.lectureId)).toBe(String(b.lectureId));
    }
    expect(byBooking.size).toBe(0);
    expect(claims.length).toBe(seats);
  });

  it('has exactly one check-in per CHECKED_IN booking, inside the door window, and walk-ins apart', async () => {
    const lectures = new Map((await all('lectures')).map((l) => [String(l._id), l]));
    const bookings = new Map((await all('bookings')).map((b) => [String(b._id), b]));
    const checkIns = await all('checkins');
    const lecturers = new Map((await all('users', { role: 'LECTURER' })).map((u) => [String(u._id), u]));
    const seen = new Set<string>();
    let walkIns = 0;
    for (const c of checkIns) {
      const lecture = lectures.get(String(c.lectureId))!;
      expect(c.checkedInAt.getTime()).toBeGreaterThanOrEqual(lecture.startsAt.getTime() - 3 * 3600 * 1000);
      expect(c.checkedInAt.getTime()).toBeLessThanOrEqual(lecture.endsAt.getTime() + DAY);
      // Recorded by the account of the lecture's own lecturer.
      expect(String(lecturers.get(String(c.recordedBy))?.lecturerId)).toBe(String(lecture.lecturerId));
      if (c.method === 'WALK_IN') {
        walkIns++;
        expect(c._id).toMatch(new RegExp(`^walkin:${c.lectureId}:`));
        expect(c.bookingId).toBeUndefined();
        continue;
      }
      expect(['QR', 'SHORT_CODE', 'ROSTER']).toContain(c.method);
      const booking = bookings.get(String(c.bookingId))!;
      expect(c._id).toBe(`booking:${booking._id}`);
      expect(booking.status).toBe('CHECKED_IN');
      expect(String(c.userId)).toBe(String(booking.userId));
      expect(c.partySize).toBeGreaterThanOrEqual(1);
      expect(c.partySize).toBeLessThanOrEqual(booking.partySize);
      seen.add(String(booking._id));
    }
    const checkedIn = [...bookings.values()].filter((b) => b.status === 'CHECKED_IN');
    expect(checkedIn.length).toBeGreaterThan(1000);
    expect(seen.size).toBe(checkedIn.length);
    expect(walkIns).toBeGreaterThan(50);
  });

  it('takes feedback only from households that came, mostly 4–5 stars, some words in Chinese', async () => {
    const checkIns = new Map((await all('checkins', { method: { $ne: 'WALK_IN' } })).map((c) => [String(c.bookingId), c]));
    const feedback = await all('feedback');
    expect(feedback.length).toBeGreaterThan(300);
    for (const f of feedback) {
      expect(f._id).toBe(`${f.lectureId}:${f.userId}`);
      const arrival = checkIns.get(String(f.bookingId));
      expect(arrival).toBeDefined();
      expect(String(arrival!.userId)).toBe(String(f.userId));
      expect(f.createdAt.getTime()).toBeGreaterThanOrEqual(arrival!.checkedInAt.getTime());
    }
    const high = feedback.filter((f) => f.rating >= 4).length;
    expect(high / feedback.length).toBeGreaterThan(0.75);
    const comments = feedback.filter((f) => f.comment);
    expect(comments.length).toBeGreaterThan(50);
    for (const f of comments) expect(f.comment).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('brings households back across lectures of their own county', async () => {
    const households = await all('users', { role: 'PARENT' });
    expect(households.length).toBeGreaterThanOrEqual(300);
    for (const h of households) {
      expect(h.displayName).toMatch(/^[\u4e00-\u9fa5]{2,5}$/);
      expect(h.phone).toMatch(/^1\d{10}$/);
    }
    expect(new Set(households.map((h) => h.phone)).size).toBe(households.length);
    const countyOf = new Map(households.map((h) => [String(h._id), h.countyCode]));
    const lectures = new Map((await all('lectures')).map((l) => [String(l._id), l]));
    const checkIns = await all('checkins', { method: { $ne: 'WALK_IN' } });
    for (const c of checkIns) expect(countyOf.get(String(c.userId))).toBe(lectures.get(String(c.lectureId)).countyCode);
    const reached = new Set(checkIns.map((c) => String(c.userId)));
    expect(reached.size).toBeLessThan(checkIns.length / 3);
  });

  it('sets targets for every year with lectures and the next, within reach of what was held', async () => {
    const thisYear = beijingYear(now);
    const targets = await all('outreach_targets');
    const years = [...new Set(targets.map((t) => t.year))].sort();
    expect(years).toEqual(Array.from({ length: thisYear + 2 - 2021 }, (_, i) => 2021 + i));
    for (const year of years) expect(targets.filter((t) => t.year === year && t.countyCode !== null)).toHaveLength(50);
    // The city's own targets: this year only.
    const city = targets.filter((t) => t.countyCode === null);
    expect(city).toHaveLength(5);
    for (const t of city) expect(t.year).toBe(thisYear);
    expect(city.some((t) => t.lectures > 0)).toBe(true);

    // Progress of each county and venue type, from the raw records: 40–130 % where anything was held.
    const lectures = (await all('lectures', { status: 'PUBLISHED' })).filter((l) => l.startsAt.getTime() <= now.getTime());
    const people = new Map<string, number>();
    for (const c of await all('checkins')) people.set(String(c.lectureId), (people.get(String(c.lectureId)) ?? 0) + c.partySize);
    const cells = new Map<string, { lectures: number; people: number }>();
    for (const l of lectures) {
      const key = `${beijingYear(l.startsAt)}:${l.countyCode}:${l.venueType}`;
      const cell = cells.get(key) ?? { lectures: 0, people: 0 };
      cell.lectures++;
      cell.people += people.get(String(l._id)) ?? 0;
      cells.set(key, cell);
    }
    let checked = 0;
    for (const t of targets.filter((t) => t.countyCode !== null && t.year <= thisYear)) {
      const cell = cells.get(`${t.year}:${t.countyCode}:${t.venueType}`);
      if (!cell) {
        expect(t).toMatchObject({ lectures: 0, people: 0 });
        continue;
      }
      checked++;
      expect(cell.lectures / t.lectures).toBeGreaterThanOrEqual(0.4);
      expect(cell.lectures / t.lectures).toBeLessThanOrEqual(1.3);
      if (cell.people > 0) {
        expect(cell.people / t.people).toBeGreaterThanOrEqual(0.4);
        expect(cell.people / t.people).toBeLessThanOrEqual(1.3);
      }
    }
    expect(checked).toBeGreaterThan(50);
    const organizer = await db().collection('users').findOne({ _id: targets[0].updatedBy });
    expect(organizer).toMatchObject({ role: 'ORGANIZER' });
  });

  it('builds the report’s per-lecture outcomes to match the raw records', async () => {
    const lectures = await all('lectures');
    // (Measured for the seed's timing: this part of it is the outreach module's rebuild.)
    const started = Date.now();
    await rebuildOutcomes(lectures.map((l) => l._id));
    console.log(`rebuildOutcomes of the ${lectures.length} demo lectures: ${Date.now() - started} ms (seed total ${seedMs} ms)`);
    const outcomes = new Map((await all('lecture_outcomes')).map((o) => [String(o._id), o]));
    expect(outcomes.size).toBe(lectures.length);
    const checkIns = await all('checkins');
    for (const lecture of lectures.slice(0, 40)) {
      const id = String(lecture._id);
      const mine = checkIns.filter((c) => String(c.lectureId) === id);
      const o = outcomes.get(id)!;
      expect(o.peopleCheckedIn).toBe(mine.filter((c) => c.method !== 'WALK_IN').reduce((s, c) => s + c.partySize, 0));
      expect(o.walkInPeople).toBe(mine.filter((c) => c.method === 'WALK_IN').reduce((s, c) => s + c.partySize, 0));
    }
  });

  it('writes nothing twice: not when run again, nor on a later day, nor by seedIfEmpty', async () => {
    const before = await counts();
    let started = Date.now();
    const again = await seedDemoWorld(now);
    console.log(`seedDemoWorld again (nothing to add): ${Date.now() - started} ms`);
    expect(again.inserted).toBe(0);
    started = Date.now();
    const later = await seedDemoWorld(new Date(now.getTime() + 3 * DAY));
    console.log(`seedDemoWorld three days later: ${Date.now() - started} ms`);
    expect(later.inserted).toBe(0);
    expect(await seedIfEmpty(new Date(now.getTime() + 40 * DAY))).toBeNull();
    expect(await counts()).toEqual(before);

    // Even with the "done" mark gone (the households are written last), every record of the
    // history is found by its stable id and only the households are written again.
    const parents = await db().collection('users').countDocuments({ role: 'PARENT' });
    await db().collection('users').deleteMany({ role: 'PARENT' });
    const redone = await seedDemoWorld(new Date(now.getTime() + 3 * DAY));
    expect(redone.attendance).toMatchObject({ bookings: 0, seatClaims: 0, checkIns: 0, feedback: 0, targets: 0, households: parents });
    expect(await counts()).toEqual(before);
  }, 180_000);

  it('adds the history to a database seeded by an earlier version (lectures, no bookings), sparing real bookings', async () => {
    const before = await counts();
    const past = (await all('lectures', { status: 'PUBLISHED' })).filter((l) => l.endsAt.getTime() < now.getTime())[5];
    // What an earlier version left: the world without any history.
    for (const name of ['bookings', 'seat_claims', 'checkins', 'feedback', 'outreach_targets', 'lecture_outcomes', 'outbox']) await db().collection(name).deleteMany({});
    await db().collection('users').deleteMany({});
    // A real household booked one of the past lectures meanwhile: that lecture keeps its one booking.
    const userId = new Types.ObjectId();
    await db().collection('bookings').insertOne({
      _id: new Types.ObjectId(), lectureId: past._id, userId, partySize: 2, status: 'CHECKED_IN', requestKey: `${userId}:k`,
      activeKey: `${past._id}:${userId}`, seatNumbers: [1, 2], requestedAt: new Date(past.startsAt.getTime() - DAY),
      lectureStartsAt: past.startsAt, lectureEndsAt: past.endsAt,
    });

    const started = Date.now();
    const upgraded = await seedIfEmpty(new Date(now.getTime() + DAY));
    console.log(`seedIfEmpty on an earlier version's database: ${Date.now() - started} ms`);
    expect(upgraded).not.toBeNull();
    expect(upgraded!.inserted).toBeGreaterThan(1000);
    expect(await db().collection('bookings').countDocuments({ lectureId: past._id })).toBe(1);
    const after = await counts();
    expect(after.checkins).toBeLessThan(before.checkins);
    expect(after.checkins).toBeGreaterThan(before.checkins * 0.95);
    expect(after.outreach_targets).toBe(before.outreach_targets);
    expect(after.users).toBe(before.users);
    expect(after.lecture_outcomes).toBe(before.lecture_outcomes);
    expect(await seedIfEmpty()).toBeNull();
  }, 180_000);

  it('multiplies the history for benchmarks, deterministically and only once', async () => {
    const before = await counts();
    const started = Date.now();
    const first = await generateOutreachHistory(2, now);
    console.log(`generateOutreachHistory(2): ${Date.now() - started} ms`, JSON.stringify(first));
    const after = await counts();
    expect(after.lectures - before.lectures).toBe(first.lectures);
    expect(first.lectures).toBeGreaterThanOrEqual(120);
    expect(after.bookings - before.bookings).toBe(first.bookings);
    expect(after.bookings).toBeGreaterThan(before.bookings * 1.8);
    expect(after.lecture_outcomes).toBe(after.lectures);
    // The copies are held in the past, in the years of the demo, and never overbooked.
    const bookings = await all('bookings');
    const seats = new Map<string, number>();
    for (const b of bookings) if (b.status !== 'CANCELLED') seats.set(String(b.lectureId), (seats.get(String(b.lectureId)) ?? 0) + b.partySize);
    for (const lecture of await all('lectures')) {
      expect(seats.get(String(lecture._id)) ?? 0).toBeLessThanOrEqual(lecture.capacity);
      expect(lecture.startsAt.getTime()).toBeGreaterThanOrEqual(new Date('2021-03-01T00:00:00+08:00').getTime());
    }
    const again = await generateOutreachHistory(2, now);
    expect(again).toMatchObject({ inserted: 0, skippedGenerations: 1 });
    expect(await counts()).toEqual(after);
  }, 300_000);
});
