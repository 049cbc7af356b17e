import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import type { Role } from '../modules/user/user-enums';

/**
 * `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, …)` one of those roles.
 * type-graphql reports a missing viewer as UNAUTHENTICATED and a wrong role as UNAUTHORIZED,
 * which the error formatter turns into FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) return false;
  return roles.length === 0 || roles.includes(context.viewer.role);
};
