import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from '../errors';
import { Role } from '../modules/user/user-enums';

/** Who is asking, as the session token says. */
export interface Viewer {
  userId: string;
  role: Role;
  /** For an organizer: the county they manage; none means the whole city. */
  countyCode: string | null;
  /** For a lecturer: the lecturer profile the account acts as. */
  lecturerId: string | null;
  /**
   * The session epoch the caller's token carries (see SessionClaims), once the context has checked
   * it against the account: refreshSession renews only that session, never a newer one.
   */
  sessionEpoch?: string | null;
}

/** What a session token says: who, plus the account's session epoch when it was issued. */
export interface SessionClaims extends Viewer {
  /**
   * The account's `sessionEpoch` at issue; a token whose epoch is no longer the account's (its
   * role changed, or its owner signed out everywhere) is refused. Null: issued before any change.
   */
  sessionEpoch: string | null;
}

const ISSUER = 'family-education';
const ROLES = new Set<string>(Object.values(Role));

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(viewer: Viewer & { sessionEpoch?: string | null }, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ role: viewer.role, county: viewer.countyCode, lec: viewer.lecturerId, sep: viewer.sessionEpoch ?? null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(viewer.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** A forged, altered or expired token is UNAUTHENTICATED, never a guess at who it was. */
  async verify(token: string): Promise<SessionClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || !ROLES.has(payload.role as string)) throw new Error('malformed claims');
      return {
        userId: payload.sub,
        role: payload.role as Role,
        countyCode: (payload.county as string | null) ?? null,
        lecturerId: (payload.lec as string | null) ?? null,
        sessionEpoch: typeof payload.sep === 'string' ? payload.sep : null,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Your session has expired; sign in again');
      throw unauthenticated('The session token is not valid; sign in again');
    }
  }
}

/** Reads `Authorization: Bearer <token>`; no header means an anonymous visitor. */
export async function viewerFromHeader(header: string | undefined, tokens: TokenService): Promise<SessionClaims | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  return tokens.verify(match[1]);
}
