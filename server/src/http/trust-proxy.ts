import type { Config } from '../config';
import type { Logger } from '../logger';

/**
 * With TRUST_PROXY=0 every request's address is the socket's peer. Behind a load balancer (the city
 * deployment) that is the balancer itself, so each per-IP limit becomes one limit for everyone:
 * sign-in's 300 a minute for the whole city at the booking storm. Nothing can tell at start whether
 * a balancer is in front, so a production start without TRUST_PROXY says so once, loudly.
 */
export function warnIfNoTrustedProxy(config: Config, logger: Logger): void {
  if (!config.isProduction || config.security.trustProxy > 0) return;
  logger.warn(
    { trustProxy: 0 },
    'TRUST_PROXY is 0: the client address is the connecting socket. Behind a load balancer or reverse proxy set TRUST_PROXY to the number of proxy hops, else every per-IP rate limit becomes one limit shared by all users',
  );
}
