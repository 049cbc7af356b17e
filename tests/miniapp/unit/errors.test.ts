import {
  ApiError,
  errorMessage,
  interpretResponse,
  messageOf,
  type ApiErrorCode,
  type Transport,
} from '../../../miniapp/src/services/errors';

/** The error an outcome turns into; fails the test if it turned into data. */
function errorOf(outcome: Transport): ApiError {
  const result = interpretResponse(outcome);
  if (!('error' in result)) throw new Error(`expected an error, got data ${JSON.stringify(result.data)}`);
  return result.error;
}

const graphQLError = (code: unknown, extra: Record<string, unknown> = {}, message = 'Something the server said'): Transport => ({
  kind: 'response',
  status: 200,
  body: { data: null, errors: [{ message, extensions: { code, ...extra } }] },
});

// What the reader sees for each code the server sends: plain Chinese, never the server's English.
const MESSAGES: Array<[ApiErrorCode, string]> = [
  ['UNAUTHENTICATED', '请先登录'],
  ['FORBIDDEN', '没有权限，请联系工作人员'],
  ['BAD_USER_INPUT', '输入有误，请检查后再试'],
  ['NOT_FOUND', '没有找到'],
  ['CONFLICT', '信息有变化，请刷新后再试'],
  ['INTERNAL_SERVER_ERROR', '服务器开小差了，请稍后再试'],
];

const RETRY_LATER = '服务暂时繁忙，请过一两分钟再试';

describe('every server code becomes its Chinese message', () => {
  it.each(MESSAGES)('%s → %s', (code, message) => {
    const error = errorOf(graphQLError(code));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(200);
    expect(errorMessage(code)).toBe(message);
    expect(messageOf(error)).toBe(message);
  });

  it('keeps the raw errors for logs and field hints', () => {
    const body = {
      data: null,
      errors: [{ message: 'Invalid value for first', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', messages: ['too big'] }] } }],
    };
    const error = errorOf({ kind: 'response', status: 200, body });
    expect(error.errors).toEqual(body.errors);
  });

  it('the first error decides', () => {
    const error = errorOf({
      kind: 'response',
      status: 200,
      body: { errors: [{ message: 'a', extensions: { code: 'NOT_FOUND' } }, { message: 'b', extensions: { code: 'FORBIDDEN' } }] },
    });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('an error whose answer came with an HTTP error status still reads by its code', () => {
    const error = errorOf({ kind: 'response', status: 401, body: { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.status).toBe(401);
    expect(error.message).toBe('请先登录');
  });
});

describe('codes the server never sends read as a server problem', () => {
  it.each([['UNAUTHORIZED'], ['GRAPHQL_VALIDATION_FAILED'], ['SOMETHING_NEW'], [undefined], [42]])('%s', (code) => {
    const error = errorOf(graphQLError(code));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('服务器开小差了，请稍后再试');
  });

  it('an error without extensions too', () => {
    const error = errorOf({ kind: 'response', status: 200, body: { errors: [{ message: 'boom' }] } });
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('errorMessage of an unknown or missing code', () => {
    expect(errorMessage('NOPE')).toBe('服务器开小差了，请稍后再试');
    expect(errorMessage(undefined)).toBe('服务器开小差了，请稍后再试');
    expect(errorMessage(null)).toBe('服务器开小差了，请稍后再试');
  });
});

describe('a retryable server error (a dependency briefly down)', () => {
  it('tells the reader to try again in a minute, in Chinese, not the server’s English', () => {
    const error = errorOf(graphQLError('INTERNAL_SERVER_ERROR', { retryable: true }, 'WeChat is busy; please try again in a minute'));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(RETRY_LATER);
    expect(error.errors[0].message).toBe('WeChat is busy; please try again in a minute');
  });

  it('only counts for INTERNAL_SERVER_ERROR, and only when it is literally true', () => {
    expect(errorOf(graphQLError('CONFLICT', { retryable: true })).message).toBe('信息有变化，请刷新后再试');
    expect(errorOf(graphQLError('INTERNAL_SERVER_ERROR', { retryable: 'yes' })).retryable).toBe(false);
  });
});

describe('too many attempts (RATE_LIMITED, HTTP 429)', () => {
  const refused = (retryAfterSeconds: unknown, scope?: unknown): Transport => ({
    kind: 'response',
    status: 429,
    body: { errors: [{ message: 'server text', extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds, ...(scope === undefined ? {} : { scope }) } }] },
  });

  it('the reader’s own budget: gently, theirs, with the wait', () => {
    const error = errorOf(refused(42, 'user'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('您操作得有点快，请 42 秒后再试');
    expect(error.retryAfterSeconds).toBe(42);
    expect(error.rateLimitScope).toBe('user');
    expect(messageOf(error)).toBe(error.message);
  });

  it('the address’s budget (a whole village behind one IP): busy, not the reader’s fault', () => {
    const error = errorOf(refused(42, 'ip'));
    expect(error.message).toBe('现在使用的人比较多，请 42 秒后再试');
    expect(error.message).not.toMatch(/您|频繁/);
    expect(error.rateLimitScope).toBe('ip');
  });

  it.each([
    [1, '1 秒'],
    [59, '59 秒'],
    [60, '1 分钟'],
    [61, '2 分钟'],
    [3540, '59 分钟'],
    [3541, '1 小时'],
    [3600, '1 小时'],
    [3601, '2 小时'],
    [86_400, '24 小时'],
  ])('%d s reads as %s (rounded up, never "1440 分钟")', (seconds, words) => {
    expect(errorOf(refused(seconds, 'user')).message).toBe(`您操作得有点快，请 ${words}后再试`);
    expect(errorOf(refused(seconds, 'ip')).message).toBe(`现在使用的人比较多，请 ${words}后再试`);
  });

  it('no wait or no scope said (an older server, a proxy’s own 429): no number, and not the reader’s fault', () => {
    expect(errorOf(refused(undefined, 'user')).message).toBe('您操作得有点快，请稍后再试');
    expect(errorOf(refused(5)).message).toBe('现在使用的人比较多，请 5 秒后再试');
    expect(errorOf(refused(5, 'somebody')).rateLimitScope).toBeNull();
    const proxy = errorOf({ kind: 'response', status: 429, body: '<html>Too Many Requests</html>' });
    expect(proxy.code).toBe('FORBIDDEN');
    expect(proxy.message).toBe('现在使用的人比较多，请稍后再试');
    expect(proxy.retryAfterSeconds).toBe(0);
  });

  it('another FORBIDDEN is still “no permission”', () => {
    const error = errorOf(graphQLError('FORBIDDEN', { reason: 'SOMETHING_ELSE' }));
    expect(error.message).toBe('没有权限，请联系工作人员');
    expect(error.retryAfterSeconds).toBeNull();
    expect(error.rateLimitScope).toBeNull();
  });
});

describe('failures outside GraphQL', () => {
  it('no answer at all (offline, timeout, DNS) is a network problem', () => {
    const error = errorOf({ kind: 'network', error: new Error('request:fail timeout') });
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
    expect(error.message).toBe('网络不太好，请稍后再试');
  });

  it.each([502, 503, 504])('HTTP %d with a gateway’s HTML page says try again shortly', (status) => {
    const error = errorOf({ kind: 'response', status, body: '<html><body>502 Bad Gateway</body></html>' });
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(RETRY_LATER);
  });

  it('HTTP 500 without GraphQL errors is a server problem', () => {
    const error = errorOf({ kind: 'response', status: 500, body: 'Internal Server Error' });
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('服务器开小差了，请稍后再试');
  });

  it('HTTP 401 and 403 without a body mean sign in and no permission', () => {
    expect(errorOf({ kind: 'response', status: 401, body: '' }).message).toBe('请先登录');
    expect(errorOf({ kind: 'response', status: 403, body: undefined }).message).toBe('没有权限，请联系工作人员');
  });

  it.each([
    ['a string that is not JSON', 'not json at all'],
    ['null', null],
    ['an empty object', {}],
    ['data: null without errors', { data: null }],
    ['errors that are not a list', { errors: 'oops' }],
  ])('a malformed 200 body (%s) is a server problem, not a crash', (_what, body) => {
    const error = errorOf({ kind: 'response', status: 200, body });
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('服务器开小差了，请稍后再试');
  });
});

describe('success', () => {
  it('hands back data, a null field included (a lecture that does not exist)', () => {
    expect(interpretResponse({ kind: 'response', status: 200, body: { data: { lecture: null } } })).toEqual({ data: { lecture: null } });
  });
});

describe('messageOf anything caught', () => {
  it('a plain Error or a thrown string reads as a server problem, never its own text', () => {
    expect(messageOf(new TypeError('Cannot read properties of undefined'))).toBe('服务器开小差了，请稍后再试');
    expect(messageOf('boom')).toBe('服务器开小差了，请稍后再试');
  });

  it('an ApiError keeps instanceof and its name', () => {
    const error = new ApiError('NOT_FOUND', 200);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe('ApiError');
  });
});
