/**
 * The audit log (issue 6, item 8): check-ins, walk-ins, review decisions, role changes, the end of
 * sessions and exports are recorded with who (account and role), when, where from and what;
 * a retried action is not recorded twice; organizers read their county's events; nothing in the
 * API can write, change or delete an event.
 */
import mongoose from 'mongoose';
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { createSchema } from '../../server/src/schema';
import { AuditAction, AuditEventModel } from '../../server/src/modules/audit/audit.model';
import { UserModel } from '../../server/src/modules/user/user.model';
import pino from 'pino';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { postGraphQL } from '../helpers/graphql';
import { startTestServer, type TestServer } from '../helpers/server';
import { signInAs, type SignedIn } from '../helpers/roles';
import { BOOK, newKey } from '../helpers/booking';
import { APPROVE_COURSE, REJECT_COURSE, courseInReview, insertVenue, proposedLecture, publishedLecture } from '../helpers/content';

const HOUR = 3600 * 1000;
const YANPING = '350702';
const JIANOU = '350783';
const YEAR = new Date(Date.now() + 8 * HOUR).getUTCFullYear();

const EVENTS = `query($action: AuditAction, $since: DateTimeISO, $before: DateTimeISO, $beforeId: ID, $limit: Int) {
  auditEvents(action: $action, since: $since, before: $before, beforeId: $beforeId, limit: $limit) {
    id action at actorId actorRole actorName subjectType subjectId countyCode detail ip
  }
}`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }`;
const WALK_IN = `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome } }`;
const SYNC = `mutation($scans: [OfflineScanInput!]!) { syncCheckIns(scans: $scans) { clientScanId outcome errorCode } }`;
const REJECT_LECTURE = `mutation($id: ID!, $reason: String!) { rejectLecture(id: $id, reason: $reason) { id status } }`;
const APPROVE_LECTURE = `mutation($id: ID!) { approveLecture(id: $id) { id status } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!, $countyCode: ID) { setUserRole(userId: $userId, role: $role, countyCode: $countyCode) { role } }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

interface Event {
  id: string;
  action: string;
  at: string;
  actorId: string;
  actorRole: string;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  countyCode: string | null;
  detail: string;
  ip: string | null;
}

let server: TestServer;
let admin: SignedIn;
let cityOrganizer: SignedIn;
let yanpingOrganizer: SignedIn;
let jianouOrganizer: SignedIn;
let lecturer: SignedIn;
let jianouLecturer: SignedIn;
let venueId: string;
let lectureId: string;
let bookingIds: string[];
let startedAt: Date;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string, field: string): Promise<T> {
  const result = await server.graphql(query, variables, token);
  if (result.errors) throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
  return result.data[field];
}

const events = (token: string, variables: Record<string, unknown> = {}) => ok<Event[]>(EVENTS, { limit: 200, ...variables }, token, 'auditEvents');
const allEvents = () => events(admin.token);
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, any> }> }) => result.errors?.[0]?.extensions?.code;

async function book(openId: string, partySize: number): Promise<string> {
  const parent = await signInAs(server.url, openId, 'PARENT');
  return (await ok(BOOK, { input: { lectureId, partySize, idempotencyKey: newKey() } }, parent.token, 'bookLecture')).id;
}

/** The recorded event of one kind about one subject (exactly one). */
async function theEvent(action: string, match: (event: Event) => boolean): Promise<Event> {
  const found = (await allEvents()).filter((event) => event.action === action && match(event));
  expect(found).toHaveLength(1);
  return found[0];
}

function expectWho(event: Event, who: SignedIn, role: string, countyCode: string | null): void {
  expect(event.actorId).toBe(who.userId);
  expect(event.actorRole).toBe(role);
  expect(event.countyCode).toBe(countyCode);
  expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
  expect(new Date(event.at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  // Loopback, as Express reports it (IPv4, or IPv4 mapped into IPv6).
  expect(event.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
}

beforeAll(async () => {
  server = await startTestServer({ label: 'audit', seed: false });
  startedAt = new Date();
  admin = await signInAs(server.url, 'audit-admin', 'ADMIN');
  cityOrganizer = await signInAs(server.url, 'audit-city', 'ORGANIZER');
  yanpingOrganizer = await signInAs(server.url, 'audit-yanping', 'ORGANIZER', { countyCode: YANPING });
  jianouOrganizer = await signInAs(server.url, 'audit-jianou', 'ORGANIZER', { countyCode: JIANOU });
  lecturer = await signInAs(server.url, 'audit-lecturer', 'LECTURER', { countyCode: YANPING });
  jianouLecturer = await signInAs(server.url, 'audit-jianou-lecturer', 'LECTURER', { countyCode: JIANOU });
  await ok(UPDATE_PROFILE, { input: { displayName: '延平妇联小林' } }, yanpingOrganizer.token, 'updateProfile');
  await ok(UPDATE_PROFILE, { input: { phone: '13912345678' } }, lecturer.token, 'updateProfile');
  venueId = await insertVenue(YANPING);
  // Starts in an hour: its door is open (from three hours before).
  lectureId = await publishedLecture(server.url, lecturer.token, yanpingOrganizer.token, venueId, HOUR);
  bookingIds = [await book('audit-parent-1', 2), await book('audit-parent-2', 1), await book('audit-parent-3', 3)];
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('what is recorded', () => {
  it('a lecture approval: the organizer, their role, the lecture and its county', async () => {
    const event = await theEvent('LECTURE_APPROVED', (e) => e.subjectId === lectureId);
    expectWho(event, yanpingOrganizer, 'ORGANIZER', YANPING);
    expect(event).toMatchObject({ subjectType: 'lecture', actorName: '延平妇联小林' });
    expect(event.detail).toMatch(/approved/);
  });

  it('a lecture rejection, with its reason', async () => {
    const proposed = await proposedLecture(server.url, lecturer.token, venueId, 48 * HOUR);
    await ok(REJECT_LECTURE, { id: proposed, reason: '场地当天另有安排' }, cityOrganizer.token, 'rejectLecture');
    const event = await theEvent('LECTURE_REJECTED', (e) => e.subjectId === proposed);
    expectWho(event, cityOrganizer, 'ORGANIZER', YANPING);
    expect(event.detail).toMatch(/场地当天另有安排/);
  });

  it('course approvals and rejections', async () => {
    const approved = await courseInReview(server.url, lecturer.token, { title: '家风家教' });
    await ok(APPROVE_COURSE, { id: approved }, yanpingOrganizer.token, 'approveCourse');
    const rejected = await courseInReview(server.url, jianouLecturer.token, { title: '亲子阅读' });
    await ok(REJECT_COURSE, { id: rejected, reason: '音频无法播放' }, jianouOrganizer.token, 'rejectCourse');

    const approval = await theEvent('COURSE_APPROVED', (e) => e.subjectId === approved);
    expectWho(approval, yanpingOrganizer, 'ORGANIZER', YANPING);
    expect(approval.subjectType).toBe('course');
    const rejection = await theEvent('COURSE_REJECTED', (e) => e.subjectId === rejected);
    expectWho(rejection, jianouOrganizer, 'ORGANIZER', JIANOU);
    expect(rejection.detail).toMatch(/音频无法播放/);
  });

  it('a check-in at the door, once however often it is retried', async () => {
    const input = { lectureId, bookingId: bookingIds[0], partyPresent: 2 };
    expect(await ok(CHECK_IN, { input }, lecturer.token, 'checkIn')).toEqual({ outcome: 'CHECKED_IN' });
    // The answer was lost; the lecturer taps again; a colleague's device scans the same ticket.
    expect(await ok(CHECK_IN, { input }, lecturer.token, 'checkIn')).toEqual({ outcome: 'ALREADY_CHECKED_IN' });
    expect(await ok(CHECK_IN, { input }, yanpingOrganizer.token, 'checkIn')).toEqual({ outcome: 'ALREADY_CHECKED_IN' });

    const event = await theEvent('CHECK_IN', (e) => e.detail.includes(bookingIds[0]));
    expectWho(event, lecturer, 'LECTURER', YANPING);
    expect(event).toMatchObject({ subjectType: 'lecture', subjectId: lectureId, actorName: '139****5678' });
    expect(event.detail).toMatch(/2 of 2 present/);
  });

  it('a walk-in, once however often it is retried', async () => {
    const input = { lectureId, partySize: 4, note: '村委会带来的', clientScanId: 'audit-walkin-1' };
    for (let i = 0; i < 2; i++) expect(await ok(WALK_IN, { input }, lecturer.token, 'recordWalkIn')).toEqual({ outcome: 'WALK_IN_RECORDED' });
    const event = await theEvent('WALK_IN', (e) => e.id.endsWith('audit-walkin-1'));
    expectWho(event, lecturer, 'LECTURER', YANPING);
    expect(event.detail).toMatch(/4 walk-in/);
  });

  it('each scan of a synced offline queue, once however often the queue is replayed', async () => {
    const scannedAt = new Date().toISOString();
    const scans = [
      { clientScanId: 'audit-scan-0001', lectureId, bookingId: bookingIds[1], scannedAt },
      { clientScanId: 'audit-scan-0002', lectureId, bookingId: bookingIds[2], partyPresent: 2, scannedAt },
      { clientScanId: 'audit-scan-0003', lectureId, walkInPartySize: 2, scannedAt },
      { clientScanId: 'audit-scan-0004', lectureId, bookingId: '0123456789abcdef01234567', scannedAt }, // no such booking
    ];
    const first = await ok<Array<{ outcome: string }>>(SYNC, { scans }, lecturer.token, 'syncCheckIns');
    expect(first.map((r) => r.outcome)).toEqual(['CHECKED_IN', 'CHECKED_IN', 'WALK_IN_RECORDED', 'REJECTED']);
    const before = await allEvents();
    const replay = await ok<Array<{ outcome: string }>>(SYNC, { scans }, lecturer.token, 'syncCheckIns');
    expect(replay.map((r) => r.outcome)).toEqual(['CHECKED_IN', 'CHECKED_IN', 'WALK_IN_RECORDED', 'REJECTED']);
    expect(await allEvents()).toEqual(before);

    for (const bookingId of bookingIds.slice(1)) expectWho(await theEvent('CHECK_IN', (e) => e.detail.includes(bookingId)), lecturer, 'LECTURER', YANPING);
    expect((await theEvent('CHECK_IN', (e) => e.detail.includes(bookingIds[2]))).detail).toMatch(/2 of 3 present/);
    expectWho(await theEvent('WALK_IN', (e) => e.id.endsWith('audit-scan-0003')), lecturer, 'LECTURER', YANPING);
    // The rejected scan checked nobody in, so nothing is recorded for it.
    expect(before.some((e) => e.detail.includes('0123456789abcdef01234567') || e.id.includes('audit-scan-0004'))).toBe(false);
  });

  it('a role change, with what the account was and became; a repeat of the same change is not one', async () => {
    const parent = await signInAs(server.url, 'audit-promoted', 'PARENT');
    await ok(SET_ROLE, { userId: parent.userId, role: 'ORGANIZER', countyCode: YANPING }, admin.token, 'setUserRole');
    await ok(SET_ROLE, { userId: parent.userId, role: 'ORGANIZER', countyCode: YANPING }, admin.token, 'setUserRole');
    const event = await theEvent('ROLE_CHANGED', (e) => e.subjectId === parent.userId);
    expectWho(event, admin, 'ADMIN', YANPING);
    expect(event).toMatchObject({ subjectType: 'user', detail: `PARENT → ORGANIZER (${YANPING})` });
  });

  it('signing out everywhere', async () => {
    const parent = await signInAs(server.url, 'audit-leaving', 'PARENT');
    await ok(UPDATE_PROFILE, { input: { countyCode: JIANOU } }, parent.token, 'updateProfile');
    expect(await ok(SIGN_OUT_EVERYWHERE, {}, parent.token, 'signOutEverywhere')).toBe(true);
    const event = await theEvent('SESSIONS_ENDED', (e) => e.subjectId === parent.userId);
    expectWho(event, parent, 'PARENT', JIANOU);
    expect(event.subjectType).toBe('user');
  });

  it('each export download, before the file goes out, naming the file, year and county', async () => {
    const download = (token: string, query: string) =>
      fetch(`${server.url}/exports/outreach.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const response = await download(yanpingOrganizer.token, `year=${YEAR}&county=${YANPING}`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    // Refused downloads (another county's figures) are not downloads.
    expect((await download(yanpingOrganizer.token, `year=${YEAR}&county=${JIANOU}`)).status).toBe(403);
    const city = await download(cityOrganizer.token, `year=${YEAR}`);
    expect(city.status).toBe(200);
    await city.arrayBuffer();

    const exports = (await allEvents()).filter((e) => e.action === 'EXPORT_DOWNLOADED');
    expect(exports).toHaveLength(2);
    const county = exports.find((e) => e.actorId === yanpingOrganizer.userId)!;
    expectWho(county, yanpingOrganizer, 'ORGANIZER', YANPING);
    expect(county).toMatchObject({ subjectType: 'export', subjectId: `outreach_${YEAR}_${YANPING}.csv` });
    expect(county.detail).toContain(`五进讲座_${YEAR}_`);
    expect(county.detail).toContain(`year ${YEAR}, county ${YANPING}`);
    const whole = exports.find((e) => e.actorId === cityOrganizer.userId)!;
    expectWho(whole, cityOrganizer, 'ORGANIZER', null);
    expect(whole.detail).toContain(`year ${YEAR}, whole city`);
  });
});

/** What an organizer reads: the same events, without the addresses (admins only). */
const withoutIp = (list: Event[]) => list.map((event) => ({ ...event, ip: null }));

describe('who may read it', () => {
  it('admins and city organizers read every county, newest first; a county organizer only their own', async () => {
    const everything = await allEvents();
    expect(await events(cityOrganizer.token)).toEqual(withoutIp(everything));
    const times = everything.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(everything.map((e) => e.countyCode))).toEqual(new Set([YANPING, JIANOU, null]));

    const yanping = await events(yanpingOrganizer.token);
    expect(yanping.length).toBeGreaterThan(5);
    expect(yanping).toEqual(withoutIp(everything.filter((e) => e.countyCode === YANPING)));
    const jianou = await events(jianouOrganizer.token);
    expect(jianou).toEqual(withoutIp(everything.filter((e) => e.countyCode === JIANOU)));
    expect(jianou.map((e) => e.action).sort()).toEqual(['COURSE_REJECTED', 'SESSIONS_ENDED']);
  });

  it('filters by action and time, and pages with a limit', async () => {
    const everything = await allEvents();
    const checkIns = await events(admin.token, { action: 'CHECK_IN' });
    expect(checkIns).toEqual(everything.filter((e) => e.action === 'CHECK_IN'));
    expect(checkIns).toHaveLength(3);
    const firstTwo = await events(admin.token, { limit: 2 });
    expect(firstTwo).toEqual(everything.slice(0, 2));
    const older = await events(admin.token, { before: everything[4].at });
    expect(older).toEqual(everything.filter((e) => new Date(e.at) < new Date(everything[4].at)));
    const since = await events(admin.token, { since: everything[4].at });
    expect(since).toEqual(everything.filter((e) => new Date(e.at) >= new Date(everything[4].at)));
    for (const limit of [0, 201]) {
      const result = await server.graphql(EVENTS, { limit }, admin.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields[0].field).toBe('limit');
    }
  });

  it('only admins read where an action came from: organizers get no address, not even their own', async () => {
    const everything = await allEvents();
    // A household's own action is in its county's log (signing out everywhere): its address is not.
    const household = everything.find((e) => e.action === 'SESSIONS_ENDED' && e.countyCode === JIANOU)!;
    expect(household.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    for (const organizer of [jianouOrganizer, cityOrganizer]) {
      const seen = await events(organizer.token);
      expect(seen.find((e) => e.id === household.id)).toEqual({ ...household, ip: null });
      expect(seen.every((e) => e.ip === null)).toBe(true);
    }
    expect(everything.every((e) => e.ip !== null)).toBe(true);
  });

  it('pages through events of the same moment without skipping any', async () => {
    // Five events of one millisecond (a synced queue, decisions recorded together), long ago.
    const at = new Date('2020-03-01T02:00:00.000Z');
    const ids = ['tie:a', 'tie:b', 'tie:c', 'tie:d', 'tie:e'];
    for (const id of ids) {
      await AuditEventModel.create({ _id: id, action: AuditAction.CHECK_IN, at, actorId: lecturer.userId, actorRole: 'LECTURER', subjectType: 'lecture', subjectId: lectureId, countyCode: YANPING, detail: id });
    }
    // Nothing is older: paging from just after that moment, two at a time, reads exactly these.
    const seen: string[] = [];
    let page = await events(admin.token, { before: new Date(at.getTime() + 1).toISOString(), limit: 2 });
    while (page.length > 0) {
      seen.push(...page.map((e) => e.id));
      const last = page[page.length - 1];
      page = await events(admin.token, { before: last.at, beforeId: last.id, limit: 2 });
    }
    expect(seen).toEqual([...ids].reverse());
    // The same for a county organizer, whose filter is their county's.
    const county = await events(yanpingOrganizer.token, { since: at, before: at, beforeId: 'tie:c', limit: 200 });
    expect(county.map((e) => e.id)).toEqual(['tie:b', 'tie:a']);
  });

  it('parents and lecturers are FORBIDDEN, anonymous visitors UNAUTHENTICATED', async () => {
    const parent = await signInAs(server.url, 'audit-curious-parent', 'PARENT');
    for (const token of [parent.token, lecturer.token]) {
      const result = await server.graphql(EVENTS, {}, token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    expect(codeOf(await server.graphql(EVENTS))).toBe('UNAUTHENTICATED');
  });
});

describe('insert-only', () => {
  it('no mutation in the schema returns audit events or takes anything audit-like', async () => {
    const schema = await createSchema();
    const auditLike = /audit/i;
    const inputNames = (type: GraphQLInputType, seen = new Set<string>()): string[] => {
      const named = getNamedType(type);
      if (seen.has(named.name)) return [];
      seen.add(named.name);
      if (!isInputObjectType(named)) return [named.name];
      return [named.name, ...Object.values(named.getFields()).flatMap((field) => [field.name, ...inputNames(field.type, seen)])];
    };
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(20);
    const offenders = mutations.filter(
      (field) =>
        auditLike.test(field.name) ||
        auditLike.test(getNamedType(field.type).name) ||
        field.args.some((arg) => auditLike.test(arg.name) || inputNames(arg.type).some((name) => auditLike.test(name))),
    );
    expect(offenders.map((field) => field.name)).toEqual([]);
    // The query that reads it is the only way in.
    const readers = Object.values(schema.getQueryType()!.getFields()).filter((field) => getNamedType(field.type).name === 'AuditEvent');
    expect(readers.map((field) => field.name)).toEqual(['auditEvents']);
  });

  it('what is recorded stays as it was while everything else goes on', async () => {
    const before = await allEvents();
    // Retries of everything recorded, and more of the same by other people.
    await server.graphql(CHECK_IN, { input: { lectureId, bookingId: bookingIds[0] } }, lecturer.token);
    await server.graphql(APPROVE_LECTURE, { id: lectureId }, yanpingOrganizer.token);
    const promoted = await signInAs(server.url, 'audit-promoted', 'ORGANIZER', { countyCode: YANPING });
    await server.graphql(SET_ROLE, { userId: promoted.userId, role: 'PARENT' }, admin.token);
    await server.graphql(UPDATE_PROFILE, { input: { displayName: '改了名字的小林' } }, yanpingOrganizer.token);
    const after = await allEvents();

    // Every earlier event is there, unchanged but for the actor's name, which is read live.
    const byId = new Map(after.map((e) => [e.id, e]));
    for (const event of before) {
      const now = byId.get(event.id);
      expect(now && { ...now, actorName: null }).toEqual({ ...event, actorName: null });
    }
    // The only new event is the one new action (the demotion).
    expect(after.filter((e) => !before.some((b) => b.id === e.id)).map((e) => e.action)).toEqual(['ROLE_CHANGED']);

    // And in the server's own code: the model refuses edits, so no future service can rewrite history.
    const id = before[0].id;
    await expect(AuditEventModel.updateOne({ _id: id }, { $set: { detail: 'rewritten' } })).rejects.toThrow(/insert-only/);
    await expect(AuditEventModel.deleteOne({ _id: id })).rejects.toThrow(/insert-only/);
    await expect(AuditEventModel.findOneAndUpdate({ _id: id }, { $set: { actorRole: 'ADMIN' } })).rejects.toThrow(/insert-only/);
    expect(await mongoose.connection.db!.collection('audit_events').countDocuments()).toBe(after.length);
  });
});

describe('when the log cannot be written', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the action is refused with a retryable error, and the retry records it once', async () => {
    const input = { lectureId, partySize: 1, clientScanId: 'audit-walkin-fault' };
    // One write of the log fails (a full disk, a lost connection): injected on the log alone.
    jest.spyOn(AuditEventModel, 'create').mockRejectedValueOnce(new Error('disk I/O error') as never);
    const failed = await server.graphql(WALK_IN, { input }, lecturer.token);
    expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
    expect(failed.errors![0].extensions!.retryable).toBe(true);
    expect(failed.errors![0].message).toMatch(/audit log/);
    expect((await allEvents()).some((e) => e.id.endsWith('audit-walkin-fault'))).toBe(false);

    expect(await ok(WALK_IN, { input }, lecturer.token, 'recordWalkIn')).toEqual({ outcome: 'WALK_IN_RECORDED' });
    expect(await ok(WALK_IN, { input }, lecturer.token, 'recordWalkIn')).toEqual({ outcome: 'WALK_IN_RECORDED' });
    expect((await allEvents()).filter((e) => e.id.endsWith('audit-walkin-fault'))).toHaveLength(1);
  });

  it('a role change whose event could not be written is recorded by the retry, once, as the admin who made it', async () => {
    const volunteer = await signInAs(server.url, 'audit-role-fault', 'PARENT');
    const args = { userId: volunteer.userId, role: 'LECTURER', countyCode: YANPING };
    jest.spyOn(AuditEventModel, 'create').mockRejectedValueOnce(new Error('disk I/O error') as never);
    const failed = await server.graphql(SET_ROLE, args, admin.token);
    expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
    expect(failed.errors![0].extensions!.retryable).toBe(true);
    // The change itself is done (it ended the volunteer's sessions); its event is missing so far.
    expect(codeOf(await server.graphql(EVENTS, {}, volunteer.token))).toBe('UNAUTHENTICATED');
    expect((await allEvents()).filter((e) => e.subjectId === volunteer.userId)).toEqual([]);

    // The admin retries (and again): the event appears once, as the change that was made.
    for (let i = 0; i < 2; i++) expect(await ok(SET_ROLE, args, admin.token, 'setUserRole')).toEqual({ role: 'LECTURER' });
    const event = await theEvent('ROLE_CHANGED', (e) => e.subjectId === volunteer.userId);
    expectWho(event, admin, 'ADMIN', YANPING);
    expect(event.detail).toBe(`PARENT → LECTURER (${YANPING})`);
  });

  it('two role changes at once each record what the account was before them', async () => {
    const user = await signInAs(server.url, 'audit-role-race', 'PARENT');
    // The first change reads the account, then the second one is made before the first writes.
    const findOneAndUpdate = UserModel.findOneAndUpdate.bind(UserModel);
    let competing: Promise<unknown> | null = null;
    jest.spyOn(UserModel, 'findOneAndUpdate').mockImplementationOnce(((...args: Parameters<typeof UserModel.findOneAndUpdate>) => {
      const query = findOneAndUpdate(...args);
      const exec = query.exec.bind(query);
      query.exec = (async () => {
        competing = ok(SET_ROLE, { userId: user.userId, role: 'ORGANIZER', countyCode: JIANOU }, admin.token, 'setUserRole');
        await competing;
        return exec();
      }) as typeof query.exec;
      return query;
    }) as never);
    await ok(SET_ROLE, { userId: user.userId, role: 'LECTURER', countyCode: YANPING }, admin.token, 'setUserRole');
    expect(competing).not.toBeNull();

    const changes = (await allEvents()).filter((e) => e.action === 'ROLE_CHANGED' && e.subjectId === user.userId).map((e) => e.detail);
    expect(changes.sort()).toEqual([`ORGANIZER (${JIANOU}) → LECTURER (${YANPING})`, `PARENT → ORGANIZER (${JIANOU})`]);
    const me = await signInAs(server.url, 'audit-role-race', 'LECTURER', { countyCode: YANPING });
    expect(me.userId).toBe(user.userId);
  });

  it('a review decision whose event could not be written is refused and logged in full', async () => {
    // The same server on the same database, with a log this test can read.
    const lines: string[] = [];
    const defaults = loadConfig({});
    const config = { ...defaults, rateLimits: { ...defaults.rateLimits, enabled: false }, host: '127.0.0.1' };
    const logged = await createApp(config, pino({ level: 'error' }, { write: (line: string) => void lines.push(line) }));
    const url = `http://127.0.0.1:${await logged.listen(0)}`;
    try {
      const course = await courseInReview(server.url, lecturer.token, { title: '隔代教养' });
      jest.spyOn(AuditEventModel, 'create').mockRejectedValueOnce(new Error('disk I/O error') as never);
      const failed = await postGraphQL(url, APPROVE_COURSE, { id: course }, yanpingOrganizer.token);
      expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
      expect(failed.errors![0].extensions!.retryable).toBe(true);
      // The full event is in the server's log: the trail survives even if no retry comes.
      const entries = lines.map((line) => JSON.parse(line)).filter((entry) => entry.audit);
      expect(entries).toHaveLength(1);
      expect(entries[0].audit).toMatchObject({ _id: expect.stringContaining(course), action: 'COURSE_APPROVED', subjectId: course, actorRole: 'ORGANIZER', countyCode: YANPING });
    } finally {
      await logged.close();
    }
  });

  it('an export is not sent when its download cannot be recorded', async () => {
    const before = (await allEvents()).length;
    jest.spyOn(AuditEventModel, 'create').mockRejectedValueOnce(new Error('disk I/O error') as never);
    const response = await fetch(`${server.url}/exports/outreach.csv?year=${YEAR}&county=${YANPING}`, {
      headers: { authorization: `Bearer ${yanpingOrganizer.token}` },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).not.toContain('讲座');
    expect((await allEvents()).length).toBe(before);
  });
});
