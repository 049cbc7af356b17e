import { Types } from 'mongoose';
import { unauthenticated } from '../errors';
import { Role } from '../modules/user/user-enums';
import { UserModel, type UserDoc } from '../modules/user/user.model';
import { viewerFromHeader, type TokenService, type Viewer } from './token';

/**
 * Who is asking, as they are now: the token says who they are, the account says what they may
 * do. A role an admin gives or takes away ends the account's sessions at the next request (their
 * tokens carry an epoch the account no longer holds), not when a week-long token runs out; the
 * mini program then asks its reader to sign in again. One read by `_id` per request.
 */
export async function currentViewer(header: string | undefined, tokens: TokenService): Promise<Viewer | null> {
  const claimed = await viewerFromHeader(header, tokens);
  if (!claimed) return null;
  const user = await UserModel.findById(new Types.ObjectId(claimed.userId), { role: 1, countyCode: 1, lecturerId: 1, sessionEpoch: 1 }).lean<UserDoc>();
  if (!user) throw unauthenticated('This account no longer exists; sign in again');
  // A demoted user's stolen or forgotten token must not outlive the demotion by a week.
  if ((user.sessionEpoch ?? null) !== claimed.sessionEpoch) {
    throw unauthenticated('This session was ended (the account\'s role changed, or it signed out everywhere); sign in again');
  }
  const role = user.role as Role;
  return {
    userId: claimed.userId,
    role,
    countyCode: user.countyCode ?? null,
    lecturerId: role === Role.LECTURER ? (user.lecturerId?.toHexString() ?? null) : null,
    sessionEpoch: claimed.sessionEpoch,
  };
}
