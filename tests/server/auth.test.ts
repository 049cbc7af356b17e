import { SignJWT } from 'jose';
import mongoose from 'mongoose';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startTestServer, type TestServer } from '../helpers/server';

const WECHAT = `mutation($code: String!) { signInWithWechat(code: $code) { token expiresAt user { id role } } }`;
const DEV = `mutation($openId: String!, $role: Role, $countyCode: ID) {
  signInForDevelopment(openId: $openId, role: $role, countyCode: $countyCode) { token user { id role countyCode } }
}`;
const ME = `{ me { id role displayName countyCode guardianKind childrenAgeGroups phone } }`;
const UPDATE = `mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { id displayName countyCode guardianKind childrenAgeGroups phone }
}`;

describe('sign-in, sessions and profiles', () => {
  let wechat: FakeWechat;
  let server: TestServer;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startTestServer({
      label: 'auth',
      seed: false,
      config: { wechat: { apiBase: wechat.baseUrl, appId: wechat.appId, appSecret: wechat.appSecret, templates: {} } },
    });
  });
  afterAll(async () => {
    await server.close();
    await wechat.close();
  });

  const users = () => mongoose.connection.db!.collection('users').countDocuments();

  it('signs a new WeChat user in as a parent, and the same user again without a second account', async () => {
    const first = await server.graphql(WECHAT, { code: 'ok:o-grandma-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data.signInWithWechat.user.role).toBe('PARENT');
    expect(Date.parse(first.data.signInWithWechat.expiresAt)).toBeGreaterThan(Date.now());
    const again = await server.graphql(WECHAT, { code: 'ok:o-grandma-1' });
    expect(again.data.signInWithWechat.user.id).toBe(first.data.signInWithWechat.user.id);
    expect(wechat.calls.at(-1)!.query).toMatchObject({ appid: 'wx-test-app', js_code: 'ok:o-grandma-1', grant_type: 'authorization_code' });

    const me = await server.graphql(ME, {}, first.data.signInWithWechat.token);
    expect(me.data.me).toMatchObject({ id: first.data.signInWithWechat.user.id, role: 'PARENT', childrenAgeGroups: [] });
  });

  it('creates one account when the first sign-ins of one user race', async () => {
    const before = await users();
    const results = await Promise.all(Array.from({ length: 8 }, () => server.graphql(WECHAT, { code: 'ok:o-racer' })));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(results.map((r) => r.data.signInWithWechat.user.id)).size).toBe(1);
    expect(await users()).toBe(before + 1);
  });

  it.each([
    ['invalid', 'BAD_USER_INPUT', /code/],
    ['used', 'BAD_USER_INPUT', /code/],
    ['busy', 'INTERNAL_SERVER_ERROR', /busy/],
    ['down', 'INTERNAL_SERVER_ERROR', /WeChat/],
  ])('answers WeChat refusing the code %p with %s, and creates no account', async (code, errorCode, message) => {
    const before = await users();
    const result = await server.graphql(WECHAT, { code });
    expect(result.errors![0].extensions!.code).toBe(errorCode);
    expect(result.errors![0].message).toMatch(message);
    expect(await users()).toBe(before);
  });

  it('refuses requests with a forged, altered or expired token as UNAUTHENTICATED', async () => {
    const { data } = await server.graphql(DEV, { openId: 'token-check' });
    const token: string = data.signInForDevelopment.token;
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
    const wrongKey = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(data.signInForDevelopment.user.id)
      .setIssuer('family-education')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an attacker guessing the secret wrongly!!'));
    const expired = await new SignJWT({ role: 'PARENT' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(data.signInForDevelopment.user.id)
      .setIssuer('family-education')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('development-only-secret-do-not-use-in-production'));
    for (const bad of [`${header}.${forgedPayload}.${signature}`, wrongKey, expired, 'not-a-token']) {
      const result = await server.graphql(ME, {}, bad);
      expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
    const expiredResult = await server.graphql(ME, {}, expired);
    expect(expiredResult.errors![0].message).toMatch(/expired/);
  });

  it('asks anonymous visitors to sign in for their profile', async () => {
    const result = await server.graphql(ME);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('updates the profile, shows the owner the full phone and clears fields given as null', async () => {
    const { data } = await server.graphql(DEV, { openId: 'profile-owner' });
    const token = data.signInForDevelopment.token;
    const input = { displayName: '王奶奶', countyCode: '350721', guardianKind: 'GRANDPARENT', childrenAgeGroups: ['PRIMARY', 'PRESCHOOL'], phone: '13812345678' };
    const updated = await server.graphql(UPDATE, { input }, token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateProfile).toMatchObject(input);
    expect((await server.graphql(ME, {}, token)).data.me.phone).toBe('13812345678');

    const cleared = await server.graphql(UPDATE, { input: { phone: null, childrenAgeGroups: null } }, token);
    expect(cleared.data.updateProfile).toMatchObject({ displayName: '王奶奶', phone: null, childrenAgeGroups: [] });
  });

  it.each([
    [{ phone: '12345' }, 'phone'],
    [{ countyCode: 'Nanping' }, 'countyCode'],
    [{ displayName: '' }, 'displayName'],
    [{ childrenAgeGroups: ['PRIMARY', 'PRIMARY'] }, 'childrenAgeGroups'],
  ])('refuses the profile change %p naming %s, and changes nothing', async (input, field) => {
    const { data } = await server.graphql(DEV, { openId: `bad-profile-${field}` });
    const token = data.signInForDevelopment.token;
    await server.graphql(UPDATE, { input: { displayName: '李爷爷', phone: '13900001111' } }, token);
    const result = await server.graphql(UPDATE, { input }, token);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toContain(`input.${field}`);
    expect((await server.graphql(ME, {}, token)).data.me).toMatchObject({ displayName: '李爷爷', phone: '13900001111' });
  });

  it('development sign-in gives the requested role and county, for trying every part of the app', async () => {
    const organizer = await server.graphql(DEV, { openId: 'county-organizer', role: 'ORGANIZER', countyCode: '350702' });
    expect(organizer.data.signInForDevelopment.user).toMatchObject({ role: 'ORGANIZER', countyCode: '350702' });
    const me = await server.graphql(ME, {}, organizer.data.signInForDevelopment.token);
    expect(me.data.me.role).toBe('ORGANIZER');
  });
});

describe('in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'authprod', seed: false, config: { isProduction: true } });
  });
  afterAll(() => server.close());

  it('has no development sign-in, and says WeChat sign-in is not configured when it is not', async () => {
    const dev = await server.graphql(DEV, { openId: 'someone', role: 'ADMIN' });
    expect(dev.errors![0].extensions!.code).toBe('FORBIDDEN');
    const wechat = await server.graphql(WECHAT, { code: 'ok:someone' });
    expect(wechat.errors![0].extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(wechat.errors![0].message).toMatch(/not configured/);
    expect(await mongoose.connection.db!.collection('users').countDocuments()).toBe(0);
  });
});

describe('roles', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'roles', seed: false });
  });
  afterAll(() => server.close());

  const SET_ROLE = `mutation($userId: ID!, $role: Role!, $countyCode: ID) { setUserRole(userId: $userId, role: $role, countyCode: $countyCode) { id role countyCode } }`;

  it('lets an admin make someone a county organizer, and refuses everyone else with FORBIDDEN', async () => {
    const admin = (await server.graphql(DEV, { openId: 'the-admin', role: 'ADMIN' })).data.signInForDevelopment;
    const parent = (await server.graphql(DEV, { openId: 'future-organizer' })).data.signInForDevelopment;

    const refused = await server.graphql(SET_ROLE, { userId: parent.user.id, role: 'ADMIN' }, parent.token);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.graphql(ME, {}, parent.token)).data.me.role).toBe('PARENT');
    const anonymous = await server.graphql(SET_ROLE, { userId: parent.user.id, role: 'ADMIN' });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const made = await server.graphql(SET_ROLE, { userId: parent.user.id, role: 'ORGANIZER', countyCode: '350781' }, admin.token);
    expect(made.data.setUserRole).toEqual({ id: parent.user.id, role: 'ORGANIZER', countyCode: '350781' });
    const bad = await server.graphql(SET_ROLE, { userId: 'nobody', role: 'LECTURER' }, admin.token);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
