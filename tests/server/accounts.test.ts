import mongoose, { Types } from 'mongoose';
import { startTestServer, type TestServer } from '../helpers/server';
import { signInAs } from '../helpers/roles';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'accounts', seed: false });
});
afterAll(() => server.close());

const ME = `{ me { id role countyCode lecturer { id name } } }`;

describe('lecturer accounts', () => {
  it('a lecturer account gets one lecturer profile of its own, kept across sign-ins', async () => {
    const first = await signInAs(server.url, 'acct-lecturer', 'LECTURER', { countyCode: '350702' });
    expect(first.lecturerId).toMatch(/^[0-9a-f]{24}$/);
    const again = await signInAs(server.url, 'acct-lecturer', 'LECTURER', { countyCode: '350702' });
    expect(again.lecturerId).toBe(first.lecturerId);
    const me = await server.graphql(ME, {}, again.token);
    expect(me.data.me).toMatchObject({ role: 'LECTURER', countyCode: '350702', lecturer: { id: first.lecturerId, name: '讲师' } });
  });

  it('parents and organizers have no lecturer profile', async () => {
    for (const role of ['PARENT', 'ORGANIZER'] as const) {
      const who = await signInAs(server.url, `acct-${role}`, role);
      expect(who.lecturerId).toBeNull();
      expect((await server.graphql(ME, {}, who.token)).data.me.lecturer).toBeNull();
    }
  });

  it('a lecturer who becomes a parent loses lecturer powers but keeps the profile for later', async () => {
    const lecturer = await signInAs(server.url, 'acct-switch', 'LECTURER');
    const parent = await signInAs(server.url, 'acct-switch', 'PARENT');
    expect(parent.lecturerId).toBeNull();
    const back = await signInAs(server.url, 'acct-switch', 'LECTURER');
    expect(back.lecturerId).toBe(lecturer.lecturerId);
  });

  describe('lecturers made by an admin', () => {
    const SET_ROLE = `mutation($userId: ID!, $role: Role!, $countyCode: ID) {
      setUserRole(userId: $userId, role: $role, countyCode: $countyCode) { id role countyCode }
    }`;
    const profileOf = async (lecturerId: string) =>
      mongoose.connection.db!.collection('lecturers').findOne({ _id: new Types.ObjectId(lecturerId) });

    it('get the county they are given, on the account and on the lecturer profile', async () => {
      const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
      const parent = await signInAs(server.url, 'acct-new-lecturer', 'PARENT');
      const result = await server.graphql(SET_ROLE, { userId: parent.userId, role: 'LECTURER', countyCode: '350783' }, admin.token);
      expect(result.errors).toBeUndefined();
      expect(result.data.setUserRole).toEqual({ id: parent.userId, role: 'LECTURER', countyCode: '350783' });
      const user = await mongoose.connection.db!.collection('users').findOne({ _id: new Types.ObjectId(parent.userId) });
      expect(user!.lecturerId).toBeDefined();
      expect((await profileOf(String(user!.lecturerId)))!.countyCode).toBe('350783');
    });

    it('move an existing lecturer profile to the county given; none given leaves it', async () => {
      const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
      const lecturer = await signInAs(server.url, 'acct-moving-lecturer', 'LECTURER');
      expect((await profileOf(lecturer.lecturerId!))!.countyCode ?? null).toBeNull();
      const moved = await server.graphql(SET_ROLE, { userId: lecturer.userId, role: 'LECTURER', countyCode: '350702' }, admin.token);
      expect(moved.data.setUserRole.countyCode).toBe('350702');
      expect((await profileOf(lecturer.lecturerId!))!.countyCode).toBe('350702');
      const again = await signInAs(server.url, 'acct-moving-lecturer', 'LECTURER', { countyCode: '350702' });
      expect(again.lecturerId).toBe(lecturer.lecturerId);

      await server.graphql(SET_ROLE, { userId: lecturer.userId, role: 'LECTURER' }, admin.token);
      expect((await profileOf(lecturer.lecturerId!))!.countyCode).toBe('350702');
    });

    it('other roles than organizer and lecturer hold no county from an admin', async () => {
      const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
      const someone = await signInAs(server.url, 'acct-plain-parent', 'PARENT');
      const result = await server.graphql(SET_ROLE, { userId: someone.userId, role: 'PARENT', countyCode: '350702' }, admin.token);
      expect(result.data.setUserRole.countyCode).toBeNull();
    });
  });

  it('a role given or taken by an admin applies from the next request: the old token ends, a new sign-in has the new role', async () => {
    const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
    const user = await signInAs(server.url, 'acct-promoted', 'PARENT');
    const SET_ROLE = `mutation($u: ID!, $r: Role!, $c: ID) { setUserRole(userId: $u, role: $r, countyCode: $c) { role } }`;
    const DRAFT = `mutation { saveCourseDraft(input: { title: "家风课", summary: "讲家风。", chapters: [] }) { id } }`;
    expect((await server.graphql(DRAFT, {}, user.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await server.graphql(SET_ROLE, { u: user.userId, r: 'LECTURER', c: '350702' }, admin.token);
    expect((await server.graphql(DRAFT, {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const lecturer = await signInAs(server.url, 'acct-promoted', 'LECTURER', { countyCode: '350702' });
    expect((await server.graphql(DRAFT, {}, lecturer.token)).errors).toBeUndefined();

    // And taken away: the week-long token carries no powers of its own (tests/server/sessions.test.ts).
    await server.graphql(SET_ROLE, { u: user.userId, r: 'PARENT' }, admin.token);
    expect((await server.graphql(DRAFT, {}, lecturer.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the county of staff is set by admins only', () => {
  const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id role countyCode displayName } }`;
  const AUDIT = `{ auditEvents(limit: 200) { id countyCode } }`;
  const YANPING = '350702';
  const JIANOU = '350783';
  const stored = async (userId: string) => mongoose.connection.db!.collection('users').findOne({ _id: new Types.ObjectId(userId) });

  it('a county organizer cannot make themselves a city organizer, or move to another county; their log stays their county’s', async () => {
    const organizer = await signInAs(server.url, 'acct-scope-organizer', 'ORGANIZER', { countyCode: YANPING });
    const before = await stored(organizer.userId);
    for (const countyCode of [null, JIANOU]) {
      // With a harmless field beside it: nothing of the request is written.
      const result = await server.graphql(UPDATE_PROFILE, { input: { countyCode, displayName: '想换县的人' } }, organizer.token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'input.countyCode' })]);
      expect(result.data ?? null).toBeNull();
      expect(await stored(organizer.userId)).toEqual(before);
    }
    expect((await server.graphql(ME, {}, organizer.token)).data.me).toMatchObject({ role: 'ORGANIZER', countyCode: YANPING });
    // Another county's event exists, and this organizer still does not see it.
    const jianouParent = await signInAs(server.url, 'acct-scope-jianou-parent', 'PARENT');
    await server.graphql(UPDATE_PROFILE, { input: { countyCode: JIANOU } }, jianouParent.token);
    expect((await server.graphql(`mutation { signOutEverywhere }`, {}, jianouParent.token)).errors).toBeUndefined();
    const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
    const all = (await server.graphql(AUDIT, {}, admin.token)).data.auditEvents as Array<{ countyCode: string | null }>;
    expect(all.some((event) => event.countyCode === JIANOU)).toBe(true);
    const seen = (await server.graphql(AUDIT, {}, organizer.token)).data.auditEvents as Array<{ countyCode: string | null }>;
    expect(seen.every((event) => event.countyCode === YANPING)).toBe(true);
  });

  it('a lecturer cannot move their own county (it decides who reviews their courses), nor can an admin theirs', async () => {
    const lecturer = await signInAs(server.url, 'acct-scope-lecturer', 'LECTURER', { countyCode: YANPING });
    const admin = await signInAs(server.url, 'acct-scope-admin', 'ADMIN');
    for (const who of [lecturer, admin]) {
      const result = await server.graphql(UPDATE_PROFILE, { input: { countyCode: JIANOU } }, who.token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await stored(lecturer.userId))!.countyCode).toBe(YANPING);
    expect((await stored(admin.userId))!.countyCode ?? null).toBeNull();
  });

  it('staff still edit the rest of their profile, and a form sent back with their own county passes', async () => {
    const organizer = await signInAs(server.url, 'acct-scope-editor', 'ORGANIZER', { countyCode: YANPING });
    const result = await server.graphql(UPDATE_PROFILE, { input: { displayName: '延平妇联小陈', countyCode: YANPING } }, organizer.token);
    expect(result.errors).toBeUndefined();
    expect(result.data.updateProfile).toMatchObject({ role: 'ORGANIZER', countyCode: YANPING, displayName: '延平妇联小陈' });
  });

  it('parents pick and clear their home county freely', async () => {
    const parent = await signInAs(server.url, 'acct-scope-parent', 'PARENT');
    for (const countyCode of [YANPING, JIANOU, null]) {
      const result = await server.graphql(UPDATE_PROFILE, { input: { countyCode } }, parent.token);
      expect(result.errors).toBeUndefined();
      expect(result.data.updateProfile.countyCode).toBe(countyCode);
    }
  });
});
