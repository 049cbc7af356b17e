import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { loadConfig } from '../../server/src/config';
import { TicketService } from '../../server/src/modules/booking/ticket';
import { sweepNoShows } from '../../server/src/modules/checkin/checkin.service';
import { BOOK, CANCEL, insertLecture, newKey, signIn } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';

const TICKET = `query($id: ID!) { booking(id: $id) { status ticket { code shortCode } } }`;
const CHECK_IN = `mutation($input: CheckInInput!) {
  checkIn(input: $input) { outcome message bookingId householdName partySize partyPresent checkedInAt }
}`;
const WALK_IN = `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome message partyPresent } }`;
const SYNC = `mutation($scans: [OfflineScanInput!]!) {
  syncCheckIns(scans: $scans) { clientScanId outcome message errorCode bookingId partyPresent checkedInAt }
}`;
const ROSTER = `query($lectureId: ID!, $phoneTail: String) {
  lectureRoster(lectureId: $lectureId, phoneTail: $phoneTail) {
    bookedHouseholds checkedInHouseholds peoplePresent
    entries { bookingId householdName phoneTail partySize status checkedInAt partyPresent }
    walkIns { partySize note }
  }
}`;
const HOUR = 3600 * 1000;
const db = () => mongoose.connection.db!;

let server: TestServer;
let lecturer: SignedIn;
beforeAll(async () => {
  server = await startTestServer({ label: 'checkin', seed: false });
  lecturer = await signInAs(server.url, 'door-lecturer', 'LECTURER', { countyCode: '350702' });
});
afterAll(() => server.close());

/** A lecture of our lecturer starting within the hour: bookable, and its door is open. */
function lectureSoon(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + HOUR);
  return insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), ...overrides });
}

interface Household {
  token: string;
  bookingId: string;
  code: string;
  shortCode: string;
}

async function household(openId: string, lectureId: string, partySize = 2, profile: Record<string, unknown> = {}): Promise<Household> {
  const token = await signIn(server, openId);
  if (Object.keys(profile).length) {
    const updated = await server.graphql(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, { input: profile }, token);
    expect(updated.errors).toBeUndefined();
  }
  const booked = await server.graphql(BOOK, { input: { lectureId, partySize, idempotencyKey: newKey() } }, token);
  expect(booked.errors).toBeUndefined();
  const read = await server.graphql(TICKET, { id: booked.data.bookLecture.id }, token);
  return { token, bookingId: booked.data.bookLecture.id, code: read.data.booking.ticket?.code, shortCode: read.data.booking.ticket?.shortCode };
}

const arrivals = (lectureId: string) => db().collection('checkins').countDocuments({ lectureId: new Types.ObjectId(lectureId) });
const statusOf = async (bookingId: string) => (await db().collection('bookings').findOne({ _id: new Types.ObjectId(bookingId) }))!.status;

function expectRefused(response: { errors?: Array<{ extensions?: Record<string, any> }> }, code: string, field?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual([field]);
}

describe('door check-in', () => {
  it('checks a household in by its QR code, once: a second scan says when, and counts nothing twice', async () => {
    const lectureId = await lectureSoon();
    const wang = await household('door-wang', lectureId, 3, { displayName: '王奶奶', phone: '13800001234' });

    const first = await server.graphql(CHECK_IN, { input: { lectureId, code: wang.code } }, lecturer.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.checkIn).toMatchObject({ outcome: 'CHECKED_IN', bookingId: wang.bookingId, householdName: '王奶奶', partySize: 3, partyPresent: 3 });
    expect(first.data.checkIn.message).toContain('签到成功');
    expect(await statusOf(wang.bookingId)).toBe('CHECKED_IN');

    // The parent's own view shows it too.
    expect((await server.graphql(TICKET, { id: wang.bookingId }, wang.token)).data.booking.status).toBe('CHECKED_IN');

    // Again by QR, and by the short code typed in lower case without its dash.
    for (const code of [wang.code, wang.shortCode.replace('-', '').toLowerCase()]) {
      const again = await server.graphql(CHECK_IN, { input: { lectureId, code, partyPresent: 1 } }, lecturer.token);
      expect(again.data.checkIn.outcome).toBe('ALREADY_CHECKED_IN');
      expect(again.data.checkIn.message).toMatch(/^已于 \d\d:\d\d 签到/);
      expect(again.data.checkIn.partyPresent).toBe(3); // the first scan's count stands
      expect(again.data.checkIn.checkedInAt).toBe(first.data.checkIn.checkedInAt);
    }
    expect(await arrivals(lectureId)).toBe(1);

    const roster = await server.graphql(ROSTER, { lectureId }, lecturer.token);
    expect(roster.data.lectureRoster).toMatchObject({ bookedHouseholds: 1, checkedInHouseholds: 1, peoplePresent: 3 });
    expect(roster.data.lectureRoster.entries[0]).toMatchObject({ householdName: '王奶奶', phoneTail: '1234', status: 'CHECKED_IN', partyPresent: 3 });
  });

  it('takes fewer people than booked, not more (extra guests are walk-ins)', async () => {
    const lectureId = await lectureSoon();
    const li = await household('door-li', lectureId, 2);
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, code: li.code, partyPresent: 3 } }, lecturer.token), 'BAD_USER_INPUT', 'input.partyPresent');
    expect(await arrivals(lectureId)).toBe(0);
    const ok = await server.graphql(CHECK_IN, { input: { lectureId, code: li.shortCode, partyPresent: 1 } }, lecturer.token);
    expect(ok.data.checkIn).toMatchObject({ outcome: 'CHECKED_IN', partySize: 2, partyPresent: 1 });
  });

  it("refuses another lecture's ticket, forged and garbled codes, and writes nothing", async () => {
    const lectureId = await lectureSoon();
    const otherLecture = await lectureSoon();
    const elsewhere = await household('door-elsewhere', otherLecture);
    const [header, payload] = elsewhere.code.split('.');
    const cases = [
      elsewhere.code, // a genuine ticket of another lecture
      elsewhere.shortCode, // its short code
      `${header}.${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, // forged signature
      'HELLO', // not a code at all
    ];
    for (const code of cases) expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, code } }, lecturer.token), 'BAD_USER_INPUT', 'input.code');
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId } }, lecturer.token), 'BAD_USER_INPUT', 'input.code');
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId: 'nope', code: 'X' } }, lecturer.token), 'BAD_USER_INPUT', 'input.lectureId');
    expect(await arrivals(lectureId)).toBe(0);
    expect(await statusOf(elsewhere.bookingId)).toBe('CONFIRMED');
  });

  it('refuses cancelled and waitlisted bookings, cancelled lectures and a door not yet open', async () => {
    const lectureId = await lectureSoon({ capacity: 2 });
    const seated = await household('door-seated', lectureId, 2);
    const waiting = await household('door-waiting', lectureId, 1);
    expect(waiting.code).toBeUndefined(); // a waitlisted household has no ticket; the roster may still pick it
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, bookingId: waiting.bookingId } }, lecturer.token), 'CONFLICT');

    const later = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!) }); // a week away
    const early = await household('door-early', later, 1);
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId: later, code: early.code } }, lecturer.token), 'CONFLICT');

    const cancellable = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), startsAt: new Date(Date.now() + 2.5 * HOUR), endsAt: new Date(Date.now() + 4 * HOUR) });
    const changedMind = await household('door-changed-mind', cancellable, 1);
    expect((await server.graphql(CANCEL, { id: changedMind.bookingId }, changedMind.token)).errors).toBeUndefined();
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId: cancellable, code: changedMind.code } }, lecturer.token), 'CONFLICT');

    await db().collection('lectures').updateOne({ _id: new Types.ObjectId(lectureId) }, { $set: { status: 'CANCELLED' } });
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, code: seated.code } }, lecturer.token), 'CONFLICT');
    expect(await db().collection('checkins').countDocuments({ lectureId: { $in: [lectureId, later, cancellable].map((id) => new Types.ObjectId(id)) } })).toBe(0);
  });

  it('lets only its lecturer, assigned staff and organizers of its county work the door', async () => {
    const lectureId = await lectureSoon();
    const zhao = await household('door-zhao', lectureId, 1);
    const parent = await signIn(server, 'door-nosy-parent');
    const otherLecturer = await signInAs(server.url, 'door-other-lecturer', 'LECTURER');
    const otherCounty = await signInAs(server.url, 'door-other-county', 'ORGANIZER', { countyCode: '350781' });
    for (const token of [parent, otherLecturer.token, otherCounty.token]) {
      expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, code: zhao.code } }, token), 'FORBIDDEN');
      expectRefused(await server.graphql(ROSTER, { lectureId }, token), 'FORBIDDEN');
    }
    expectRefused(await server.graphql(CHECK_IN, { input: { lectureId, code: zhao.code } }), 'UNAUTHENTICATED');
    expect(await arrivals(lectureId)).toBe(0);

    const volunteer = await signInAs(server.url, 'door-volunteer', 'PARENT');
    await db().collection('lectures').updateOne({ _id: new Types.ObjectId(lectureId) }, { $push: { staffUserIds: new Types.ObjectId(volunteer.userId) } } as never);
    const byStaff = await server.graphql(CHECK_IN, { input: { lectureId, code: zhao.code } }, volunteer.token);
    expect(byStaff.data.checkIn.outcome).toBe('CHECKED_IN');
    const county = await signInAs(server.url, 'door-county', 'ORGANIZER', { countyCode: '350702' });
    expect((await server.graphql(ROSTER, { lectureId }, county.token)).data.lectureRoster.checkedInHouseholds).toBe(1);
  });

  it('finds a household by the last four phone digits, and counts walk-ins once however often they are sent', async () => {
    const lectureId = await lectureSoon();
    await household('door-chen', lectureId, 2, { displayName: '陈爷爷', phone: '13911115678' });
    await household('door-lin', lectureId, 1, { displayName: '林妈妈', phone: '13922229999' });
    const found = await server.graphql(ROSTER, { lectureId, phoneTail: '5678' }, lecturer.token);
    expect(found.data.lectureRoster.entries.map((e: { householdName: string }) => e.householdName)).toEqual(['陈爷爷']);
    expectRefused(await server.graphql(ROSTER, { lectureId, phoneTail: '56' }, lecturer.token), 'BAD_USER_INPUT', 'phoneTail');

    const picked = await server.graphql(CHECK_IN, { input: { lectureId, bookingId: found.data.lectureRoster.entries[0].bookingId } }, lecturer.token);
    expect(picked.data.checkIn).toMatchObject({ outcome: 'CHECKED_IN', householdName: '陈爷爷', partyPresent: 2 });

    const walkIn = { lectureId, partySize: 3, note: '村口来的三位', clientScanId: newKey() };
    for (let i = 0; i < 2; i++) {
      const recorded = await server.graphql(WALK_IN, { input: walkIn }, lecturer.token);
      expect(recorded.data.recordWalkIn).toMatchObject({ outcome: 'WALK_IN_RECORDED', partyPresent: 3 });
    }
    expectRefused(await server.graphql(WALK_IN, { input: { ...walkIn, partySize: 0, clientScanId: newKey() } }, lecturer.token), 'BAD_USER_INPUT', 'input.partySize');
    const roster = await server.graphql(ROSTER, { lectureId }, lecturer.token);
    expect(roster.data.lectureRoster).toMatchObject({ bookedHouseholds: 2, checkedInHouseholds: 1, peoplePresent: 5, walkIns: [{ partySize: 3, note: '村口来的三位' }] });
  });
});

describe('offline check-in', () => {
  it('replays a queue twice, out of order, with a bad ticket: one check-in per valid ticket and a clear report for the bad one', async () => {
    const lectureId = await lectureSoon();
    const a = await household('offline-a', lectureId, 2, { displayName: '赵奶奶' });
    const b = await household('offline-b', lectureId, 1);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60 * 1000).toISOString();
    const queue = [
      { clientScanId: 'scan-0001-a', lectureId, code: a.code, scannedAt: minutesAgo(30) },
      { clientScanId: 'scan-0002-b', lectureId, code: b.shortCode, scannedAt: minutesAgo(25) },
      { clientScanId: 'scan-0003-x', lectureId, code: 'ZZZZ-ZZZZ', scannedAt: minutesAgo(20) },
      { clientScanId: 'scan-0004-a', lectureId, code: a.code, partyPresent: 1, scannedAt: minutesAgo(15) },
      { clientScanId: 'scan-0005-w', lectureId, walkInPartySize: 2, scannedAt: minutesAgo(10) },
    ];

    // Sent newest first: the scan made first still counts.
    const first = await server.graphql(SYNC, { scans: [...queue].reverse() }, lecturer.token);
    expect(first.errors).toBeUndefined();
    type Result = { clientScanId: string; outcome: string; message: string };
    const byScan = (results: Result[]): Record<string, Result> => Object.fromEntries(results.map((r) => [r.clientScanId, r]));
    const once = byScan(first.data.syncCheckIns);
    expect(first.data.syncCheckIns.map((r: { clientScanId: string }) => r.clientScanId)).toEqual([...queue].reverse().map((s) => s.clientScanId));
    expect(once['scan-0001-a']).toMatchObject({ outcome: 'CHECKED_IN', bookingId: a.bookingId, partyPresent: 2, checkedInAt: queue[0].scannedAt });
    expect(once['scan-0002-b']).toMatchObject({ outcome: 'CHECKED_IN', bookingId: b.bookingId });
    expect(once['scan-0003-x']).toMatchObject({ outcome: 'REJECTED', errorCode: 'BAD_USER_INPUT', bookingId: null });
    expect(once['scan-0003-x'].message).toContain('不是本场讲座的入场券码');
    expect(once['scan-0004-a']).toMatchObject({ outcome: 'ALREADY_CHECKED_IN', partyPresent: 2 });
    expect(once['scan-0005-w']).toMatchObject({ outcome: 'WALK_IN_RECORDED', partyPresent: 2 });

    // The device lost the answer and sends the whole queue again, shuffled.
    const again = byScan((await server.graphql(SYNC, { scans: [queue[3], queue[0], queue[4], queue[2], queue[1]] }, lecturer.token)).data.syncCheckIns);
    expect(again['scan-0001-a'].outcome).toBe('CHECKED_IN'); // the same scan replayed is still "done"
    expect(again['scan-0002-b'].outcome).toBe('CHECKED_IN');
    expect(again['scan-0003-x']).toMatchObject({ outcome: 'REJECTED', errorCode: 'BAD_USER_INPUT' });
    expect(again['scan-0004-a'].outcome).toBe('ALREADY_CHECKED_IN');
    expect(again['scan-0005-w'].outcome).toBe('WALK_IN_RECORDED');

    expect(await arrivals(lectureId)).toBe(3); // a, b and one walk-in
    const roster = (await server.graphql(ROSTER, { lectureId }, lecturer.token)).data.lectureRoster;
    expect(roster).toMatchObject({ checkedInHouseholds: 2, peoplePresent: 2 + 1 + 2 });
    expect([await statusOf(a.bookingId), await statusOf(b.bookingId)]).toEqual(['CHECKED_IN', 'CHECKED_IN']);
  });

  it('reports each bad scan on its own without failing the batch', async () => {
    const lectureId = await lectureSoon();
    const good = await household('offline-good', lectureId, 1);
    const notMine = await signInAs(server.url, 'offline-not-mine', 'LECTURER');
    const notMyLecture = await insertLecture({ lecturerId: new Types.ObjectId(notMine.lecturerId!), startsAt: new Date(Date.now() + HOUR) });
    const results = (
      await server.graphql(
        SYNC,
        {
          scans: [
            { clientScanId: 'x', lectureId, code: good.code, scannedAt: new Date().toISOString() },
            { clientScanId: 'bad-lecture-id', lectureId: 'nope', code: good.code, scannedAt: new Date().toISOString() },
            { clientScanId: 'not-my-lecture', lectureId: notMyLecture, code: good.code, scannedAt: new Date().toISOString() },
            { clientScanId: 'too-many-guests', lectureId, walkInPartySize: 500, scannedAt: new Date().toISOString() },
            { clientScanId: 'good-one-00', lectureId, code: good.code, scannedAt: new Date().toISOString() },
          ],
        },
        lecturer.token,
      )
    ).data.syncCheckIns;
    expect(results.map((r: { outcome: string; errorCode: string | null }) => [r.outcome, r.errorCode])).toEqual([
      ['REJECTED', 'BAD_USER_INPUT'],
      ['REJECTED', 'BAD_USER_INPUT'],
      ['REJECTED', 'FORBIDDEN'],
      ['REJECTED', 'BAD_USER_INPUT'],
      ['CHECKED_IN', null],
    ]);
  });

  it('counts the extra people of a synced scan as walk-ins instead of refusing the household, once', async () => {
    const lectureId = await lectureSoon();
    const sun = await household('offline-more', lectureId, 2, { displayName: '孙奶奶' });
    const scan = { clientScanId: 'more-people-01', lectureId, code: sun.code, partyPresent: 4, scannedAt: new Date().toISOString() };
    for (let i = 0; i < 2; i++) {
      const [result] = (await server.graphql(SYNC, { scans: [scan] }, lecturer.token)).data.syncCheckIns;
      expect(result).toMatchObject({ outcome: 'CHECKED_IN', partyPresent: 2 });
      expect(result.message).toBe('签到成功：孙奶奶，2 人；多来的 2 人记为现场来宾');
    }
    const again = (await server.graphql(SYNC, { scans: [{ ...scan, clientScanId: 'more-people-02' }] }, lecturer.token)).data.syncCheckIns[0];
    expect(again.outcome).toBe('ALREADY_CHECKED_IN');
    const roster = (await server.graphql(ROSTER, { lectureId }, lecturer.token)).data.lectureRoster;
    expect(roster).toMatchObject({ checkedInHouseholds: 1, peoplePresent: 4, walkIns: [{ partySize: 2, note: '孙奶奶家多来的' }] });
  });

  it('marks households that never came as no-shows after the lecture, and a late sync still wins', async () => {
    const lectureId = await lectureSoon();
    const came = await household('noshow-came', lectureId, 1);
    const late = await household('noshow-late', lectureId, 1);
    const absent = await household('noshow-absent', lectureId, 1);
    await server.graphql(CHECK_IN, { input: { lectureId, code: came.code } }, lecturer.token);

    const lecture = await db().collection('lectures').findOne({ _id: new Types.ObjectId(lectureId) });
    const afterEnd = new Date(lecture!.endsAt.getTime() + 60 * 1000);
    const report = await sweepNoShows(afterEnd);
    expect(report.noShows).toBeGreaterThanOrEqual(2);
    expect([await statusOf(came.bookingId), await statusOf(late.bookingId), await statusOf(absent.bookingId)]).toEqual(['CHECKED_IN', 'NO_SHOW', 'NO_SHOW']);

    // The door device was offline in the hall; its scan reaches us after the sweep.
    const synced = await server.graphql(SYNC, { scans: [{ clientScanId: 'late-scan-01', lectureId, code: late.code, scannedAt: new Date().toISOString() }] }, lecturer.token);
    expect(synced.data.syncCheckIns[0].outcome).toBe('CHECKED_IN');
    expect(await statusOf(late.bookingId)).toBe('CHECKED_IN');
    expect((await sweepNoShows(afterEnd)).noShows).toBe(0);
    expect(await statusOf(late.bookingId)).toBe('CHECKED_IN');
  });

  it('refuses a queue synced after the door closed, however its scans are dated, and mends a lost device clock', async () => {
    // A lecture that ended two days ago, with a household holding seats (written directly: it
    // could not be booked now), and its ticket made with the server's own key.
    const startsAt = new Date(Date.now() - 50 * HOUR);
    const lectureId = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    const bookingId = new Types.ObjectId();
    await db().collection('bookings').insertOne({
      _id: bookingId, lectureId: new Types.ObjectId(lectureId), userId: new Types.ObjectId(), partySize: 1, status: 'CONFIRMED',
      requestKey: `old:${bookingId}`, activeKey: `old:${bookingId}`, seatNumbers: [1], requestedAt: startsAt, lectureStartsAt: startsAt, lectureEndsAt: new Date(startsAt.getTime() + 2 * HOUR),
    });
    const tickets = new TicketService(loadConfig({}).auth.secret);
    const { code } = await tickets.issue({ bookingId: bookingId.toHexString(), lectureId, lectureEndsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    const late = await server.graphql(SYNC, { scans: [{ clientScanId: 'backdated-01', lectureId, code, scannedAt: new Date(startsAt.getTime() + 10 * 60 * 1000).toISOString() }] }, lecturer.token);
    expect(late.data.syncCheckIns[0]).toMatchObject({ outcome: 'REJECTED', errorCode: 'CONFLICT', message: '签到已结束' });
    expect(await arrivals(lectureId)).toBe(0);

    // A phone whose clock reset to 1970: the scan counts, timed when it reached us.
    const open = await lectureSoon();
    const lost = await household('clock-lost', open, 1);
    const before = Date.now();
    const synced = (await server.graphql(SYNC, { scans: [{ clientScanId: 'clock-lost-1', lectureId: open, code: lost.code, scannedAt: new Date(0).toISOString() }] }, lecturer.token)).data.syncCheckIns[0];
    expect(synced.outcome).toBe('CHECKED_IN');
    expect(new Date(synced.checkedInAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lets a household checked in at the door no longer cancel', async () => {
    const soon = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), startsAt: new Date(Date.now() + 2.5 * HOUR), endsAt: new Date(Date.now() + 4 * HOUR) });
    const early = await household('came-early', soon, 1);
    await server.graphql(CHECK_IN, { input: { lectureId: soon, code: early.code } }, lecturer.token);
    expectRefused(await server.graphql(CANCEL, { id: early.bookingId }, early.token), 'CONFLICT');
    expect(await statusOf(early.bookingId)).toBe('CHECKED_IN');
  });

  it('syncs a long queue with its writes and a fixed number of reads', async () => {
    const lectureId = await lectureSoon({ capacity: 200 });
    const households: Household[] = [];
    for (let i = 0; i < 12; i++) households.push(await household(`bulk-${i}`, lectureId, 1));
    const queue = (list: Household[], tag: string) =>
      list.map((h, i) => ({ clientScanId: `bulk-${tag}-${i}-0000`, lectureId, code: i % 2 ? h.code : h.shortCode, scannedAt: new Date().toISOString() }));
    const small = await server.countRoundTrips(() => server.graphql(SYNC, { scans: queue(households.slice(0, 4), 'a') }, lecturer.token));
    const large = await server.countRoundTrips(() => server.graphql(SYNC, { scans: queue(households.slice(4), 'b') }, lecturer.token));
    // Each new arrival is three writes (the check-in, its audit event, the booking's status); the
    // reads stay fixed, plus one change mark per lecture synced, which tells the outreach report to recount it.
    expect(large - 3 * 8).toBe(small - 3 * 4);
    expect(small - 3 * 4).toBeLessThanOrEqual(5);
  });
});
