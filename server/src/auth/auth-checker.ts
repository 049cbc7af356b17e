import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import type { Role } from '../modules/user/user-enums';
import { unauthenticated } from '../errors';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, …)` one of those roles.
 * A wrong role is type-graphql's UNAUTHORIZED, which the error formatter turns into FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  // Signed out is always "sign in first", even where a role is required (type-graphql alone
  // would call that a wrong role).
  if (!context.viewer) throw unauthenticated();
  return roles.length === 0 || roles.includes(context.viewer.role);
};
