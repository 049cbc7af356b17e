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
});
