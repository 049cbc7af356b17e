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

  it('a role given or taken by an admin applies from the next request, with the same token', async () => {
    const admin = await signInAs(server.url, 'acct-admin', 'ADMIN');
    const user = await signInAs(server.url, 'acct-promoted', 'PARENT');
    const SET_ROLE = `mutation($u: ID!, $r: Role!, $c: ID) { setUserRole(userId: $u, role: $r, countyCode: $c) { role } }`;
    const DRAFT = `mutation { saveCourseDraft(input: { title: "家风课", summary: "讲家风。", chapters: [] }) { id } }`;
    expect((await server.graphql(DRAFT, {}, user.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await server.graphql(SET_ROLE, { u: user.userId, r: 'LECTURER', c: '350702' }, admin.token);
    expect((await server.graphql(DRAFT, {}, user.token)).errors).toBeUndefined();

    // And taken away: the 30-day token carries no powers of its own.
    await server.graphql(SET_ROLE, { u: user.userId, r: 'PARENT' }, admin.token);
    expect((await server.graphql(DRAFT, {}, user.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
