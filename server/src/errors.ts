import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
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

export function unauthenticated(message = 'Sign in first'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'You may not do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
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

    if (original instanceof ArgumentValidationError) {
      const fields = validationFields(original);
      const names = fields.map((f) => f.field).join(', ');
      return {
        message: `Invalid value for ${names}: ${fields.flatMap((f) => f.messages).join('; ')}`,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }

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
