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
  auth: {
    /** HMAC key for session tokens; at least 32 bytes. */
    secret: string;
    /** Session lifetime in seconds. */
    tokenTtlSeconds: number;
  };
  wechat: WechatConfig;
}

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

function readAuthSecret(env: NodeJS.ProcessEnv, isProduction: boolean): string {
  const secret = env.AUTH_SECRET;
  if (secret) {
    if (Buffer.byteLength(secret) < 32) throw new Error('AUTH_SECRET must be at least 32 bytes long');
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
    auth: {
      secret: readAuthSecret(env, isProduction),
      tokenTtlSeconds: Number(env.AUTH_TOKEN_TTL_SECONDS || 30 * 24 * 3600),
    },
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
