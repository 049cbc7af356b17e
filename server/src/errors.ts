import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import mongoose from 'mongoose';
import { isEngineBusyError } from './modules/shared/mongo-errors';
import type { Logger } from './logger';

/** The only codes a client ever sees. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  field: string;
  messages: string[];
}

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', fields: [{ field, messages: [message] }] },
  });
}

/** Every problem with an input at once, so a form can mark all its bad fields in one round. */
export function badUserInputs(problems: FieldProblem[]): GraphQLError {
  const names = problems.map((p) => p.field).join(', ');
  return new GraphQLError(`Invalid value for ${names}: ${problems.flatMap((p) => p.messages).join('; ')}`, {
    extensions: { code: 'BAD_USER_INPUT', fields: problems },
  });
}

/**
 * A failure the client cannot fix but may retry (a dependency is down or busy). Its message is
 * written for the client and so, unlike other INTERNAL_SERVER_ERRORs, is not masked.
 */
export function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } });
}

/** What a household reads while the database cannot be reached; the app offers to try again. */
export const DATABASE_UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试';

/** The engine stayed busy through the service's own retries: nothing was written, try again shortly. */
export const DATABASE_BUSY_MESSAGE = '服务繁忙，请稍后再试';

const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError } = mongoose.mongo;

/**
 * The driver could not reach the engine (refused or dropped connection, no server within
 * `serverSelectionTimeoutMS`, pool cleared, client closed): nothing the client did wrong, and
 * worth retrying in a moment. Its own message names hosts and ports, so it is never sent.
 * Mongoose wraps a failed selection in its own MongooseServerSelectionError (same name).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error instanceof MongoNetworkError || // also MongoNetworkTimeoutError and PoolClearedError
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error.name === 'MongooseServerSelectionError'
  );
}

export function unauthenticated(message = 'Sign in first'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** `field`: the input the caller may not set (named as BAD_USER_INPUT names its fields). */
export function forbidden(message = 'You may not do this', field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...(field ? { fields: [{ field, messages: [message] }] } : {}) } });
}

/** Whose budget ran out: the signed-in user's own, or the one everyone behind the address shares. */
export type RateLimitScope = 'user' | 'ip';

/** A wait in plain words: seconds, then minutes, then hours (never "1440 分钟"); rounded up. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} 分钟` : `${Math.ceil(seconds / 3600)} 小时`;
}

/**
 * Too many attempts in a short time (server/src/modules/rate-limit): FORBIDDEN with a reason a
 * client can branch on, whose budget it was and how long to wait; HTTP 429 and Retry-After for
 * proxies and plain clients. An address's budget is shared by a whole village behind one carrier
 * IP: its message does not tell a grandparent who tapped once that they tapped too often. The
 * mini program builds the same sentences (miniapp/src/services/errors.ts): change both together.
 */
export function rateLimited(retryAfterSeconds: number, scope: RateLimitScope): GraphQLError {
  const wait = waitInWords(retryAfterSeconds);
  const message = scope === 'user' ? `您操作得有点快，请 ${wait}后再试` : `现在使用的人比较多，请 ${wait}后再试`;
  return new GraphQLError(message, {
    extensions: {
      code: 'FORBIDDEN',
      reason: 'RATE_LIMITED',
      scope,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} was not found`, { extensions: { code: 'NOT_FOUND' } });
}

/** The request is well formed but the thing is in the wrong state for it (decided, cancelled, changed meanwhile). */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extensions } });
}

/**
 * Apollo and graphql-js raise their own codes for documents that do not parse or validate; to the
 * client these are all bad input. Anything not in this table and not in our vocabulary is masked.
 */
const FOREIGN_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  UNAUTHORIZED: 'FORBIDDEN',
};

const OUR_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
]);

function validationFields(error: ArgumentValidationError): FieldProblem[] {
  const fields: FieldProblem[] = [];
  const walk = (errors: typeof error.extensions.validationErrors, prefix: string): void => {
    for (const e of errors ?? []) {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      if (e.constraints) fields.push({ field, messages: Object.values(e.constraints) });
      if (e.children?.length) walk(e.children as typeof errors, field);
    }
  };
  walk(error.extensions.validationErrors, '');
  return fields;
}

/**
 * Apollo's `formatError`: every error leaves with one of our codes and no stack trace.
 * Unknown errors are logged in full and reach the client only as a generic message.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // A failure while building the context (reading the viewer's account) arrives wrapped once more.
    const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
    // One of our own errors, answered at the path of the failure.
    const answer = (ours: GraphQLError): GraphQLFormattedError => ({ message: ours.message, path: formatted.path, extensions: { ...ours.extensions } });
    if (isDatabaseUnavailable(cause)) {
      logger.warn({ err: cause, path: formatted.path }, 'database unavailable');
      return answer(serviceUnavailable(DATABASE_UNAVAILABLE_MESSAGE));
    }
    // SQLite's one write lock (FerretDB) still held after the retries a write had (retryWhileBusy),
    // or a write without them: refused, nothing written, so retryable rather than a masked failure.
    if (isEngineBusyError(cause)) {
      logger.warn({ err: cause, path: formatted.path }, 'database busy');
      return answer(serviceUnavailable(DATABASE_BUSY_MESSAGE));
    }

    if (original instanceof ArgumentValidationError) return answer(badUserInputs(validationFields(original)));

    if (original instanceof GraphQLError && original.extensions.retryable) {
      logger.warn({ message: original.message, path: formatted.path }, 'dependency unavailable');
      return { message: original.message, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } };
    }

    const rawCode = String(formatted.extensions?.code ?? '');
    const code = OUR_CODES.has(rawCode) ? (rawCode as ErrorCode) : FOREIGN_CODES[rawCode];
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }

    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
