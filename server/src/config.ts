import path from 'node:path';

/** Everything the server reads from its environment, with the defaults a developer expects. */
export interface Config {
  port: number;
  host: string;
  mongodbUri: string;
  /** Production hides development-only conveniences; it never changes error masking. */
  isProduction: boolean;
  logLevel: string;
  /** Folder holding the H5 build of the mini program, served at `/`. */
  h5Dir: string;
  /** Fill an empty database with the demo world at start (`npm start` turns this on). */
  seedIfEmpty: boolean;
}

const repoRoot = path.resolve(__dirname, '../..');

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readPort(env.PORT),
    host: env.HOST || '0.0.0.0',
    mongodbUri: env.MONGODB_URI || 'mongodb://127.0.0.1:27017/family_education',
    isProduction: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
    h5Dir: env.H5_DIR || path.join(repoRoot, 'miniapp/dist/h5'),
    seedIfEmpty: env.SEED_IF_EMPTY === 'true',
  };
}

/** The URI with any password replaced, safe to print in logs and error lines. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
