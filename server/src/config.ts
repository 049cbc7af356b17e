import path from 'node:path';

/** Everything the server reads from its environment, with the defaults a developer expects. */
export interface Config {
  port: number;
  host: string;
  mongodbUri: string;
  /** Overrides the database named in the URI (tests give each file its own). */
  mongodbDbName?: string;
  /** Production hides development-only conveniences; it never changes error masking. */
  isProduction: boolean;
  logLevel: string;
  /** Folder holding the H5 build of the mini program, served at `/`. */
  h5Dir: string;
  /** Fill an empty database with the demo world at start (`npm start` turns this on). */
  seedIfEmpty: boolean;
  /** How often due messages (confirmations, reminders) are sent. */
  deliveryIntervalMs: number;
  /** How often crashed bookings are repaired and freed seats given to the waiting list. */
  reconcileIntervalMs: number;
  /** Bookings one process decides at once; more wait their turn in arrival order. */
  bookingConcurrency: number;
  /** How long a process may show a venue, lecturer or county another process changed (0: no cache). */
  referenceCacheSeconds: number;
  auth: {
    /** HMAC key for session tokens; at least 32 bytes. */
    secret: string;
    /** Session lifetime in seconds; `refreshSession` trades a live token for a fresh one. */
    tokenTtlSeconds: number;
  };
  wechat: WechatConfig;
  security: SecurityConfig;
  rateLimits: RateLimitConfig;
}

/** What an outsider can make the server do, and who may call it from a browser. */
export interface SecurityConfig {
  /** GraphQL introspection and Apollo's sandbox page: on outside production unless turned off. */
  introspection: boolean;
  /** Browser origins allowed to call the API (CORS); the H5 app is served same-origin and needs none. */
  corsOrigins: string[];
  /**
   * Express "trust proxy": the hops in front that set X-Forwarded-For (0: none, the socket's address
   * is the client). Behind a load balancer it must be set, else every request has the balancer's
   * address and each per-IP limit becomes one limit for the whole city (a warning at start says so).
   */
  trustProxy: number;
  /** Largest request body, e.g. "100kb". */
  bodyLimit: string;
  graphql: {
    maxDepth: number;
    /** server/src/http/graphql-limits.ts `queryCost`: `first`/`last` count with the request's variables. */
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
  };
}

export type RateLimitedAction = 'signIn' | 'booking' | 'checkIn';

export interface RateLimitRule {
  /**
   * Attempts one signed-in user may make per window; 0: no per-user limit. A signed-out caller has
   * no user, so only the address counts (for signIn: every first sign-in).
   */
  perUser: number;
  /** Attempts from one IP address (an IPv6 /64) per window; generous, since a village may share one carrier IP. */
  perIp: number;
  windowSeconds: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  rules: Record<RateLimitedAction, RateLimitRule>;
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitedAction, RateLimitRule> = {
  // perUser applies only to callers already signed in: `refreshSession`, and a signed-in caller
  // signing in again (signInWithWechat / signInForDevelopment sent with a live token). A sign-in
  // without a token has no user yet and counts against its address (perIp) alone.
  signIn: { perUser: 20, perIp: 300, windowSeconds: 60 },
  booking: { perUser: 30, perIp: 600, windowSeconds: 60 },
  // A lecturer at the door of a big hall scans a household every few seconds, and syncs a queue.
  checkIn: { perUser: 300, perIp: 1200, windowSeconds: 60 },
};

export interface WechatConfig {
  /** WeChat's HTTP API; tests point it at a local fake. */
  apiBase: string;
  /** Unset outside a real deployment: WeChat sign-in then answers that it is not configured. */
  appId?: string;
  appSecret?: string;
  /** Subscribe-message template ids, from the mini program's admin console. */
  templates: { booking?: string; reminder?: string; notice?: string };
}

/** Good enough for a laptop, refused in production, where AUTH_SECRET must be set. */
const DEVELOPMENT_AUTH_SECRET = 'development-only-secret-do-not-use-in-production';

const repoRoot = path.resolve(__dirname, '../..');

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function readBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function readPositiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** `RATE_LIMITS=off` turns limiting off; `RATE_LIMITS={"booking":{"perUser":10}}` overrides rules. */
function readRateLimits(raw: string | undefined): RateLimitConfig {
  if (raw === 'off') return { enabled: false, rules: DEFAULT_RATE_LIMITS };
  if (raw === undefined || raw === '' || raw === 'on') return { enabled: true, rules: DEFAULT_RATE_LIMITS };
  let overrides: Partial<Record<RateLimitedAction, Partial<RateLimitRule>>>;
  try {
    overrides = JSON.parse(raw);
  } catch {
    throw new Error(`RATE_LIMITS must be "off", "on" or a JSON object of rules, got "${raw}"`);
  }
  const rules = { ...DEFAULT_RATE_LIMITS };
  for (const [action, rule] of Object.entries(overrides)) {
    if (!(action in rules)) throw new Error(`RATE_LIMITS names an unknown action "${action}"`);
    rules[action as RateLimitedAction] = { ...rules[action as RateLimitedAction], ...rule };
  }
  return { enabled: true, rules };
}

function readAuthSecret(env: NodeJS.ProcessEnv, isProduction: boolean): string {
  const secret = env.AUTH_SECRET;
  if (secret) {
    if (Buffer.byteLength(secret) < 32) throw new Error('AUTH_SECRET must be at least 32 bytes long');
    // The development key is in this public source: anyone could sign themselves an admin token.
    if (isProduction && secret === DEVELOPMENT_AUTH_SECRET) throw new Error('AUTH_SECRET is the development key; set a secret of your own in production');
    return secret;
  }
  if (isProduction) throw new Error('AUTH_SECRET must be set in production');
  return DEVELOPMENT_AUTH_SECRET;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  return {
    port: readPort(env.PORT),
    host: env.HOST || '0.0.0.0',
    // Without MONGODB_URI: the embedded engine as `npm start` runs it.
    mongodbUri: env.MONGODB_URI || 'mongodb://127.0.0.1:27027/family_education',
    mongodbDbName: env.MONGODB_DB || undefined,
    isProduction,
    logLevel: env.LOG_LEVEL || 'info',
    h5Dir: env.H5_DIR || path.join(repoRoot, 'miniapp/dist/h5'),
    seedIfEmpty: env.SEED_IF_EMPTY === 'true',
    reconcileIntervalMs: Number(env.RECONCILE_INTERVAL_SECONDS || 60) * 1000,
    bookingConcurrency: Math.max(1, readPositiveInteger('BOOKING_CONCURRENCY', env.BOOKING_CONCURRENCY, 16)),
    referenceCacheSeconds: readPositiveInteger('REFERENCE_CACHE_SECONDS', env.REFERENCE_CACHE_SECONDS, 30),
    auth: {
      secret: readAuthSecret(env, isProduction),
      // A week: the mini program refreshes a session in use, so only an idle phone signs in again.
      tokenTtlSeconds: readPositiveInteger('AUTH_TOKEN_TTL_SECONDS', env.AUTH_TOKEN_TTL_SECONDS, 7 * 24 * 3600),
    },
    security: {
      introspection: readBoolean('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, !isProduction),
      corsOrigins: (env.CORS_ORIGINS || '').split(',').map((origin) => origin.trim()).filter(Boolean),
      trustProxy: readPositiveInteger('TRUST_PROXY', env.TRUST_PROXY, 0),
      bodyLimit: env.BODY_LIMIT || '100kb',
      // graphql-armor's depth, alias and directive measures, and its cost formula priced with the
      // request's variables (a list costs its `first`/`last` times, `first: $first` included). The
      // mini program's own operations reach depth 8 and no aliases or directives; with their real
      // variables (pages of 10) they cost at most ~1 300, and even with full pages (100, the most
      // the API gives) at most ~13 300, MyBookings (tests/server/api-limits.test.ts checks each).
      graphql: {
        maxDepth: readPositiveInteger('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 10),
        maxCost: readPositiveInteger('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 15000),
        maxAliases: readPositiveInteger('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 15),
        maxDirectives: readPositiveInteger('GRAPHQL_MAX_DIRECTIVES', env.GRAPHQL_MAX_DIRECTIVES, 20),
        maxTokens: readPositiveInteger('GRAPHQL_MAX_TOKENS', env.GRAPHQL_MAX_TOKENS, 2000),
      },
    },
    rateLimits: readRateLimits(env.RATE_LIMITS),
    wechat: {
      apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
      appId: env.WECHAT_APP_ID || undefined,
      appSecret: env.WECHAT_APP_SECRET || undefined,
      templates: {
        booking: env.WECHAT_TEMPLATE_BOOKING || undefined,
        reminder: env.WECHAT_TEMPLATE_REMINDER || undefined,
        notice: env.WECHAT_TEMPLATE_NOTICE || undefined,
      },
    },
    deliveryIntervalMs: Number(env.DELIVERY_INTERVAL_SECONDS || 15) * 1000,
  };
}

/** The URI with any password replaced, safe to print in logs and error lines. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
