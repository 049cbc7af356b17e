/**
 * Session tokens (issue 6, item 3): they expire, a live one is traded for a fresh one, and every
 * token of an account stops working when its role or county changes or its owner signs out
 * everywhere. The production server refuses to start without a key of its own.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { SignJWT } from 'jose';
import { TokenService } from '../../server/src/auth/token';
import { currentViewer } from '../../server/src/auth/viewer';
import type { Context } from '../../server/src/context';
import { UserResolver } from '../../server/src/modules/user/user.resolver';
import { loadConfig } from '../../server/src/config';
import { Role } from '../../server/src/modules/user/user-enums';
import { startTestServer, type TestServer } from '../helpers/server';
import { signInAs } from '../helpers/roles';
import { startServerProcess } from '../helpers/server-process';

const ME = `{ me { id role countyCode } }`;
const REFRESH = `mutation { refreshSession { token expiresAt user { id role } } }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!, $countyCode: ID) { setUserRole(userId: $userId, role: $role, countyCode: $countyCode) { id role countyCode } }`;
const AUDIT = `{ auditEvents { id } }`;

const DEVELOPMENT_SECRET = loadConfig({}).auth.secret;
const HOUR = 3600 * 1000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'sessions', seed: false });
});

afterAll(async () => {
  await server?.close();
});

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, any> }> }) => result.errors?.[0]?.extensions?.code;

/** A token for `userId` as the server would have issued it at `issuedAt`, carrying the account's current session epoch. */
async function tokenIssuedAt(userId: string, issuedAt: Date, ttlSeconds = 7 * 24 * 3600): Promise<{ token: string; expiresAt: Date }> {
  const user = await mongoose.connection.db!.collection('users').findOne({ _id: new Types.ObjectId(userId) });
  return new TokenService(DEVELOPMENT_SECRET, ttlSeconds).issue(
    { userId, role: user!.role, countyCode: user!.countyCode ?? null, lecturerId: null, sessionEpoch: user!.sessionEpoch ?? null },
    issuedAt,
  );
}

/** The `exp` claim of a token, as a Date (read, not verified). */
const expiryOf = (token: string) => new Date(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000);

describe('expiry and refresh', () => {
  it('refuses an expired token as UNAUTHENTICATED, saying it expired, for reads and for refreshSession alike', async () => {
    const parent = await signInAs(server.url, 'sess-expired', 'PARENT');
    // Issued two hours ago with a one-hour life: expired an hour ago.
    const expired = await tokenIssuedAt(parent.userId, new Date(Date.now() - 2 * HOUR), 3600);
    for (const query of [ME, REFRESH]) {
      const result = await server.graphql(query, {}, expired.token);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.errors![0].message).toMatch(/expired/);
      expect(result.data ?? null).toBeNull();
    }
    // The same account's live token still works: it is the token that expired, not the account.
    expect((await server.graphql(ME, {}, parent.token)).data.me.id).toBe(parent.userId);
  });

  it('trades a live token for one that expires later; the old token keeps working until its own expiry', async () => {
    const parent = await signInAs(server.url, 'sess-refresh', 'PARENT');
    // Three days into a week-long session: past half its life is when the mini program refreshes.
    const old = await tokenIssuedAt(parent.userId, new Date(Date.now() - 72 * HOUR));
    expect((await server.graphql(ME, {}, old.token)).data.me.id).toBe(parent.userId);

    const refreshed = await server.graphql(REFRESH, {}, old.token);
    expect(refreshed.errors).toBeUndefined();
    const fresh = refreshed.data.refreshSession;
    expect(fresh.user).toEqual({ id: parent.userId, role: 'PARENT' });
    expect(fresh.token).not.toBe(old.token);
    // About three days later than the old one (a week from now rather than from three days ago).
    expect(new Date(fresh.expiresAt).getTime() - old.expiresAt.getTime()).toBeGreaterThan(71 * HOUR);
    expect(expiryOf(fresh.token).getTime()).toBe(new Date(fresh.expiresAt).getTime());

    // Both work: a refresh whose answer is lost on a bad network must not sign the household out.
    expect((await server.graphql(ME, {}, fresh.token)).data.me.id).toBe(parent.userId);
    expect((await server.graphql(ME, {}, old.token)).data.me.id).toBe(parent.userId);
  });

  it('refuses to refresh a forged, re-signed or missing token', async () => {
    const parent = await signInAs(server.url, 'sess-forged', 'PARENT');
    const [header, payload, signature] = parent.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 365 * 24 * 3600 })).toString('base64url')}.${signature}`;
    const wrongKey = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('an attacker guessing the secret wrongly!!'));
    for (const bad of [altered, wrongKey, 'not-a-token']) {
      const result = await server.graphql(REFRESH, {}, bad);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
    expect(codeOf(await server.graphql(REFRESH))).toBe('UNAUTHENTICATED');
  });
});

describe('ending sessions', () => {
  it('a role or county change ends every token of that user with a clear message; a fresh sign-in works in the new role', async () => {
    const admin = await signInAs(server.url, 'sess-admin', 'ADMIN');
    const organizer = await signInAs(server.url, 'sess-organizer', 'ORGANIZER', { countyCode: '350702' });
    const refreshed = (await server.graphql(REFRESH, {}, organizer.token)).data.refreshSession.token as string;
    const bystander = await signInAs(server.url, 'sess-bystander', 'ORGANIZER', { countyCode: '350702' });
    expect((await server.graphql(AUDIT, {}, organizer.token)).errors).toBeUndefined();

    const demoted = await server.graphql(SET_ROLE, { userId: organizer.userId, role: 'PARENT' }, admin.token);
    expect(demoted.data.setUserRole).toEqual({ id: organizer.userId, role: 'PARENT', countyCode: null });

    for (const token of [organizer.token, refreshed]) {
      for (const query of [ME, AUDIT, REFRESH]) {
        const result = await server.graphql(query, {}, token);
        expect(codeOf(result)).toBe('UNAUTHENTICATED');
        expect(result.errors![0].message).toMatch(/session was ended.*role changed/);
      }
    }
    // Others keep theirs.
    expect((await server.graphql(AUDIT, {}, bystander.token)).errors).toBeUndefined();
    expect((await server.graphql(ME, {}, admin.token)).data.me.role).toBe('ADMIN');

    // Signing in again gives a token for what the account is now.
    const again = await signInAs(server.url, 'sess-organizer', 'PARENT');
    expect((await server.graphql(ME, {}, again.token)).data.me).toEqual({ id: organizer.userId, role: 'PARENT', countyCode: null });
    expect(codeOf(await server.graphql(AUDIT, {}, again.token))).toBe('FORBIDDEN');

    // Promoted to another county's organizer: the parent token ends too, the new one works there.
    await server.graphql(SET_ROLE, { userId: organizer.userId, role: 'ORGANIZER', countyCode: '350783' }, admin.token);
    expect(codeOf(await server.graphql(ME, {}, again.token))).toBe('UNAUTHENTICATED');
    const promoted = await signInAs(server.url, 'sess-organizer', 'ORGANIZER', { countyCode: '350783' });
    expect((await server.graphql(ME, {}, promoted.token)).data.me).toEqual({ id: organizer.userId, role: 'ORGANIZER', countyCode: '350783' });

    // Only the county changes: still a change of what the token may do, so it ends as well.
    await server.graphql(SET_ROLE, { userId: organizer.userId, role: 'ORGANIZER', countyCode: '350702' }, admin.token);
    expect(codeOf(await server.graphql(ME, {}, promoted.token))).toBe('UNAUTHENTICATED');
  });

  it('setting the role an account already holds (a retried call) ends nothing', async () => {
    const admin = await signInAs(server.url, 'sess-admin', 'ADMIN');
    const lecturer = await signInAs(server.url, 'sess-same-role', 'LECTURER', { countyCode: '350702' });
    const result = await server.graphql(SET_ROLE, { userId: lecturer.userId, role: 'LECTURER', countyCode: '350702' }, admin.token);
    expect(result.errors).toBeUndefined();
    expect((await server.graphql(ME, {}, lecturer.token)).data.me.role).toBe('LECTURER');
  });

  it('signOutEverywhere ends every token of the account, the caller’s own included, and no one else’s', async () => {
    const phone = await signInAs(server.url, 'sess-everywhere', 'PARENT');
    const browser = await signInAs(server.url, 'sess-everywhere', 'PARENT');
    const older = await tokenIssuedAt(phone.userId, new Date(Date.now() - 24 * HOUR));
    const neighbour = await signInAs(server.url, 'sess-neighbour', 'PARENT');
    for (const token of [phone.token, browser.token, older.token]) expect((await server.graphql(ME, {}, token)).errors).toBeUndefined();

    const ended = await server.graphql(SIGN_OUT_EVERYWHERE, {}, browser.token);
    expect(ended.errors).toBeUndefined();
    expect(ended.data.signOutEverywhere).toBe(true);

    for (const token of [phone.token, browser.token, older.token]) {
      const result = await server.graphql(ME, {}, token);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.errors![0].message).toMatch(/signed out everywhere/);
      expect(codeOf(await server.graphql(REFRESH, {}, token))).toBe('UNAUTHENTICATED');
    }
    expect((await server.graphql(ME, {}, neighbour.token)).data.me.id).toBe(neighbour.userId);
    // Signing in again works, and the account is the same one.
    const back = await signInAs(server.url, 'sess-everywhere', 'PARENT');
    expect((await server.graphql(ME, {}, back.token)).data.me.id).toBe(phone.userId);
    // Anonymous callers have no sessions to end.
    expect(codeOf(await server.graphql(SIGN_OUT_EVERYWHERE))).toBe('UNAUTHENTICATED');
  });

  it('a refresh under way when the sessions end does not hand out a token of the new session', async () => {
    const parent = await signInAs(server.url, 'sess-refresh-race', 'PARENT');
    const thief = await signInAs(server.url, 'sess-refresh-race', 'PARENT');
    const tokens = new TokenService(DEVELOPMENT_SECRET, 7 * 24 * 3600);
    // The refresh's context checked the thief's token while it was still live...
    const viewer = await currentViewer(`Bearer ${thief.token}`, tokens);
    // ...and before it signs the new token, the household signs out everywhere.
    expect((await server.graphql(SIGN_OUT_EVERYWHERE, {}, parent.token)).errors).toBeUndefined();
    const refresh = new UserResolver().refreshSession({ viewer, tokens } as unknown as Context);
    await expect(refresh).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/session was ended/) });
    // A refresh begun and finished within one session still works.
    const back = await signInAs(server.url, 'sess-refresh-race', 'PARENT');
    const fresh = await new UserResolver().refreshSession({ viewer: await currentViewer(`Bearer ${back.token}`, tokens), tokens } as unknown as Context);
    expect((await server.graphql(ME, {}, fresh.token)).data.me.id).toBe(parent.userId);
  });

  it('the tokens of a removed account stop working', async () => {
    const parent = await signInAs(server.url, 'sess-removed', 'PARENT');
    await mongoose.connection.db!.collection('users').deleteOne({ _id: new Types.ObjectId(parent.userId) });
    const result = await server.graphql(REFRESH, {}, parent.token);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toMatch(/no longer exists/);
  });
});

describe('the signing key in production', () => {
  const main = path.resolve(__dirname, '../../server/dist/main.js');

  /** Starts the compiled server as deployed; resolves with its exit code and what it wrote. */
  function runProduction(env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string; stdout: string }> {
    const { AUTH_SECRET: _inherited, ...inherited } = process.env;
    const child = spawn(process.execPath, [main], {
      // No database is needed: the configuration is read before anything else.
      env: { ...inherited, NODE_ENV: 'production', PORT: '0', MONGODB_URI: 'mongodb://127.0.0.1:1/never-reached', ...env } as NodeJS.ProcessEnv,
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
  }

  it.each([
    ['no AUTH_SECRET', {}, /^error: the server could not start: AUTH_SECRET must be set in production$/],
    ['the development key', { AUTH_SECRET: DEVELOPMENT_SECRET }, /^error: the server could not start: AUTH_SECRET is the development key; set a secret of your own in production$/],
    ['a short key', { AUTH_SECRET: 'too-short' }, /^error: the server could not start: AUTH_SECRET must be at least 32 bytes long$/],
  ])('refuses to start with %s: one clear line, exit code not 0', async (_name, env, line) => {
    expect(fs.existsSync(main)).toBe(true); // compile the server first: npx tsc -p server
    const { code, stderr, stdout } = await runProduction(env);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(line);
    expect(stderr + stdout).not.toMatch(/\n\s+at /);
  });

  it('starts in production with a key of its own, and its tokens are not the development key’s', async () => {
    const secret = 'a-production-secret-of-at-least-32-bytes-long';
    const app = await startServerProcess('sessions-production', { env: { NODE_ENV: 'production', AUTH_SECRET: secret, SEED_IF_EMPTY: 'false' } });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      // A token signed with the development key (an attacker reading this repository) is refused.
      const forged = await new TokenService(DEVELOPMENT_SECRET, 3600).issue({ userId: new Types.ObjectId().toHexString(), role: Role.ADMIN, countyCode: null, lecturerId: null });
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${forged.token}` },
        body: JSON.stringify({ query: ME }),
      });
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/not valid/);
    } finally {
      await app.stop();
    }
  }, 90_000);
});
