import { createMethodMiddlewareDecorator } from 'type-graphql';
import type { RateLimitedAction } from '../../config';
import type { Context } from '../../context';

/**
 * Counts one attempt at `action` per call, by the signed-in user and the caller's address, before
 * the arguments are validated (bad input counts too). type-graphql runs `@Authorized()` before any
 * middleware, so an anonymous call to a signed-in mutation is refused without touching the limits.
 */
export function RateLimited(action: RateLimitedAction): MethodDecorator {
  return createMethodMiddlewareDecorator<Context>(async ({ context }, next) => {
    await context.rateLimiter.attempt(action, context.viewer?.userId ?? null, context.clientIp);
    return next();
  });
}
