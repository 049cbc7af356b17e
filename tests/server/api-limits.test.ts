/**
 * Limits on the GraphQL/HTTP surface (issue 6, item 1), against the real server: graphql-armor's
 * depth, cost, alias, directive and token limits; no batching; the body size limit; introspection,
 * field suggestions and the landing page off in production; CORS for configured origins only;
 * helmet's headers on the pages and the API.
 *
 * "Nothing ran" is shown with a sign-in riding in the refused document as its first root field:
 * had the document been executed, that user would exist.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  typeFromAST,
  visit,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createApp, type App } from '../../server/src/app';
import { loadConfig, type SecurityConfig } from '../../server/src/config';
import { limitProblems, queryCost } from '../../server/src/http/graphql-limits';
import { createLogger, type Logger } from '../../server/src/logger';
import pino from 'pino';
import { AuditAction, AuditEventModel } from '../../server/src/modules/audit/audit.model';
import { UserModel } from '../../server/src/modules/user/user.model';
import { createSchema } from '../../server/src/schema';
import { miniProgramOperations } from '../../scripts/lib/miniapp-operations';
import { signInAs } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';

const ALLOWED_ORIGIN = 'https://admin.family-edu.example';
const DEFAULTS = loadConfig({}).security;
/** As in production: introspection (and so the sandbox and field suggestions) off. */
const PRODUCTION_LIKE: SecurityConfig = { ...DEFAULTS, introspection: false, corsOrigins: [ALLOWED_ORIGIN] };

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Node's http module, so Origin and other headers a browser would set go out as given. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The development sign-in stores its users under `dev:<openId>`. */
const userExists = async (openId: string) => (await UserModel.countDocuments({ openId: `dev:${openId}` })) > 0;
const victim = (openId: string, more = '') => `signInForDevelopment(openId: "${openId}") { token${more} }`;

/** Tokens in a document as the parser's limit counts them (punctuation included, commas and comments not). */
function tokenCount(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/**
 * A document of exactly `tokens` tokens: a door device's long offline queue (a list of scans,
 * harmless unauthenticated) fills most of it, repeated `token` selections the rest.
 */
function documentOfTokens(openId: string, tokens: number): string {
  const scan = '{ clientScanId: "s", lectureId: "l", scannedAt: "2026-01-01T00:00:00Z" }';
  const build = (scans: number, extra: number) =>
    `mutation { ${victim(openId, ' token'.repeat(extra))} syncCheckIns(scans: [${Array(scans).fill(scan).join(' ')}]) { clientScanId } }`;
  let scans = 0;
  while (tokenCount(build(scans + 1, 0)) <= tokens) scans++;
  return build(scans, tokens - tokenCount(build(scans, 0)));
}

/** `levels` object fields below a booking: lecture { myBooking { lecture { … leaf } } }. */
function bookingChain(levels: number, leaf: string): string {
  let selection = leaf;
  for (let level = levels - 1; level >= 0; level--) selection = `${level % 2 === 0 ? 'lecture' : 'myBooking'} { ${selection} }`;
  return selection;
}

/**
 * The refused document and the same one just inside the limit, each carrying a sign-in of its own.
 * The test first checks with the server's own rules that `over` breaks exactly this one limit.
 */
interface LimitCase {
  name: string;
  message: RegExp;
  build(openId: string, size: 'over' | 'at'): string;
}

const limits = DEFAULTS.graphql;
const CASES: LimitCase[] = [
  {
    name: 'too deep',
    message: /depth limit of 10 exceeded/,
    // Depth counts the root field and the leaf: levels + 2.
    build: (openId, size) =>
      `mutation { ${victim(openId)} cancelBooking(id: "000000000000000000000000") { ${bookingChain(limits.maxDepth - (size === 'over' ? 1 : 2), 'id')} } }`,
  },
  {
    name: 'too costly',
    message: /Cost limit of 15000 exceeded/,
    // Repeating a field costs nothing to send but is counted by the cost rule at every level.
    build: (openId, size) =>
      `mutation { ${victim(openId)} cancelBooking(id: "000000000000000000000000") { ${bookingChain(7, Array(size === 'over' ? 600 : 550).fill('id').join(' '))} } }`,
  },
  {
    name: 'too many aliases',
    message: /Aliases limit of 15 exceeded/,
    // (__typename is on graphql-armor's allow list: aliases of it are free.)
    build: (openId, size) =>
      `mutation { ${victim(openId, Array.from({ length: limits.maxAliases + (size === 'over' ? 1 : 0) }, (_, i) => ` a${i}: expiresAt`).join(''))} }`,
  },
  {
    name: 'too many directives',
    message: /Directives limit of 20 exceeded/,
    build: (openId, size) =>
      `mutation { ${victim(openId)} ${Array(limits.maxDirectives + (size === 'over' ? 1 : 0)).fill('__typename @include(if: true)').join(' ')} }`,
  },
  {
    name: 'too many tokens',
    message: /contains more th(?:an|at) 2000 tokens/,
    build: (openId, size) => documentOfTokens(openId, limits.maxTokens + (size === 'over' ? 1 : 0)),
  },
];

/** Template literals in the mini program's code that look like GraphQL documents (there should be none). */
function inlineDocuments(): string[] {
  const root = path.resolve(__dirname, '../../miniapp/src');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // gql/ folders are codegen's output of the .graphql files checked above.
      if (entry.isDirectory()) entry.name !== 'gql' && walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(/`\s*((?:query|mutation)\b[^`]*)`/g)) found.push(match[1]);
      }
    }
  };
  walk(root);
  return found;
}

/** Values for required variables other than page sizes: any valid value serves (cost does not read them). */
const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: '000000000000000000000000',
  String: 'x',
  Int: 2026,
  Float: 1,
  Boolean: false,
  DateTimeISO: '2026-01-01T00:00:00.000Z',
};

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type)]));
  }
  if (!(type.name in SCALAR_SAMPLES)) throw new Error(`no sample value for the scalar ${type.name}: add one`);
  return SCALAR_SAMPLES[type.name];
}

/**
 * The variables of an operation as a client sends them: `page` for every variable given to a
 * `first`/`last` argument, a valid value for every other required one.
 */
function variablesFor(schema: GraphQLSchema, source: string, page: number): Record<string, unknown> {
  const operation = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const pageVariables = new Set<string>();
  visit(operation, {
    Argument(argument) {
      if ((argument.name.value === 'first' || argument.name.value === 'last') && argument.value.kind === Kind.VARIABLE) pageVariables.add(argument.value.name.value);
    },
  });
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (pageVariables.has(name)) variables[name] = page;
    else if (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue) variables[name] = sampleValue(typeFromAST(schema, definition.type) as GraphQLInputType);
  }
  return variables;
}

/** What an operation costs with these variables, by the server's own formula. */
function costOf(schema: GraphQLSchema, source: string, variables: Record<string, unknown>): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return queryCost(schema, document, operation, variables);
}

/** The largest page the mini program asks for (PAGE_SIZE and MY_BOOKINGS_PAGE_SIZE: 10), and the server's cap. */
const MINI_PROGRAM_PAGE = 10;
const PAGE_CAP = 100;

/** Lecture cards, one `id` repeated: a page of 10 costs 2 120, a full page of 100 21 200. */
const COSTLY_PAGE = `query($first: Int) { lectures(first: $first) { edges { node { ${Array(60).fill('id').join(' ')} } } } }`;

describe('limits on the GraphQL surface', () => {
  let server: TestServer;
  /** The same database, with introspection on (as outside production), behind one trusted proxy. */
  let open: App;
  let openUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ label: 'api-limits', seed: false, config: { security: PRODUCTION_LIKE } });
    const config = { ...loadConfig({}), host: '127.0.0.1', security: { ...DEFAULTS, introspection: true, trustProxy: 1 } };
    open = await createApp(config, createLogger('silent'));
    openUrl = `http://127.0.0.1:${await open.listen(0)}`;
  });
  afterAll(async () => {
    await open?.close();
    await server?.close();
  });

  it('every operation the mini program sends passes the limits at the defaults, with its real variables and with full pages', async () => {
    const schema = await createSchema();
    const operations = miniProgramOperations();
    expect(operations.length).toBeGreaterThan(40);
    for (const page of [MINI_PROGRAM_PAGE, PAGE_CAP]) {
      const refused = operations
        .map(({ file, name, source }) => ({ file, name, problems: limitProblems(schema, source, DEFAULTS, variablesFor(schema, source, page)) }))
        .filter((operation) => operation.problems.length > 0);
      expect({ page, refused }).toEqual({ page, refused: [] });
    }
    const costs = (page: number) => operations.map(({ name, source }) => ({ name, cost: costOf(schema, source, variablesFor(schema, source, page)) }));
    const costliest = (page: number) => costs(page).reduce((a, b) => (b.cost > a.cost ? b : a));
    console.log(
      `GraphQL cost of the mini program's operations (limit ${limits.maxCost}): at most ${Math.round(costliest(MINI_PROGRAM_PAGE).cost)} ` +
        `(${costliest(MINI_PROGRAM_PAGE).name}) with its pages of ${MINI_PROGRAM_PAGE}; at most ${Math.round(costliest(PAGE_CAP).cost)} ` +
        `(${costliest(PAGE_CAP).name}) with pages of ${PAGE_CAP}`,
    );
    const inline = inlineDocuments().filter((source) => limitProblems(schema, source, DEFAULTS).length > 0);
    expect(inline).toEqual([]);
  });

  describe.each(CASES)('a document $name', ({ name, message, build }) => {
    const openId = (size: string) => `limits-${name.replace(/ /g, '-')}-${size}`;

    it('breaks that limit alone (by the server’s own rules)', async () => {
      const schema = await createSchema();
      const unlimited: SecurityConfig = { ...DEFAULTS, graphql: { maxDepth: 1e6, maxCost: 1e9, maxAliases: 1e6, maxDirectives: 1e6, maxTokens: 1e6 } };
      expect(limitProblems(schema, build('x', 'over'), unlimited)).toEqual([]);
      const problems = limitProblems(schema, build('x', 'over'), DEFAULTS);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
      expect(limitProblems(schema, build('x', 'at'), DEFAULTS)).toEqual([]);
    });

    it('is refused as BAD_USER_INPUT with a clear message and no stack, and nothing runs', async () => {
      const response = await postJson(server.url, { query: build(openId('over'), 'over') });
      expect(response.status).toBe(400);
      const body = JSON.parse(response.text);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).toMatch(message);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(response.text).not.toMatch(/stacktrace|\n\s+at /);
      await expect(userExists(openId('over'))).resolves.toBe(false);
    });

    it('just inside the limit, the same document runs', async () => {
      const response = await postJson(server.url, { query: build(openId('at'), 'at') });
      // Its second root field may fail (no such booking, not signed in): the sign-in ran first.
      const body = JSON.parse(response.text);
      expect((body.errors ?? []).map((error: { extensions: { code: string } }) => error.extensions.code)).not.toContain('BAD_USER_INPUT');
      await expect(userExists(openId('at'))).resolves.toBe(true);
    });
  });

  it('a page size given as a variable counts: `first: $first` = 100 is refused, 10 runs', async () => {
    const schema = await createSchema();
    // By the server's own rules: priced with the variable, as a literal would be.
    expect(limitProblems(schema, COSTLY_PAGE, DEFAULTS, { first: PAGE_CAP })).toEqual([expect.stringMatching(/Cost limit of 15000 exceeded, found 21200\./)]);
    expect(limitProblems(schema, COSTLY_PAGE.replace('$first', String(PAGE_CAP)).replace('($first: Int)', ''), DEFAULTS)).toHaveLength(1);
    expect(limitProblems(schema, COSTLY_PAGE, DEFAULTS, { first: MINI_PROGRAM_PAGE })).toEqual([]);
    // An omitted or null page size costs the default page (20), not 1.
    expect(costOf(schema, COSTLY_PAGE, {})).toBe(costOf(schema, COSTLY_PAGE, { first: 20 }));
    expect(costOf(schema, COSTLY_PAGE, { first: null })).toBe(costOf(schema, COSTLY_PAGE, { first: 20 }));

    const refused = await postJson(server.url, { query: COSTLY_PAGE, variables: { first: PAGE_CAP } });
    expect(refused.status).toBe(400);
    const body = JSON.parse(refused.text);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/Cost limit of 15000 exceeded/);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.text).not.toMatch(/stacktrace|\n\s+at /);

    const allowed = await postJson(server.url, { query: COSTLY_PAGE, variables: { first: MINI_PROGRAM_PAGE } });
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text)).toEqual({ data: { lectures: { edges: [] } } });
    // A page over the largest any field serves is refused by the field's own check, naming it.
    const huge = JSON.parse((await postJson(server.url, { query: 'query($first: Int) { lectures(first: $first) { totalCount } }', variables: { first: 1_000_000 } })).text);
    expect(huge.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'first', messages: expect.any(Array) }] });
    // Variables that do not coerce are refused as before, each problem named.
    const bad = JSON.parse((await postJson(server.url, { query: COSTLY_PAGE, variables: { first: 'many' } })).text);
    expect(bad.errors[0].message).toMatch(/Variable "\$first" got invalid value "many"/);
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a batch (JSON array of operations) is refused with 400 and none of them runs', async () => {
    const response = await postJson(server.url, [
      { query: `mutation { ${victim('batch-1')} }` },
      { query: `mutation { ${victim('batch-2')} }` },
    ]);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text);
    expect(body.errors[0].message).toMatch(/batching/i);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await expect(userExists('batch-1')).resolves.toBe(false);
    await expect(userExists('batch-2')).resolves.toBe(false);
    // The same operation alone runs: the refusal was for the batch.
    expect((await postJson(server.url, { query: `mutation { ${victim('batch-1')} }` })).status).toBe(200);
    await expect(userExists('batch-1')).resolves.toBe(true);
  });

  it('a 200 kB body is refused with 413 and a clear JSON error, and nothing runs', async () => {
    const response = await postJson(server.url, { query: `mutation($pad: String) { ${victim('big-body')} }`, variables: { pad: 'x'.repeat(200_000) } });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(response.text);
    expect(body.errors[0].message).toBe(`Request body too large: at most ${DEFAULTS.bodyLimit}`);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.text).not.toMatch(/stack|node_modules/);
    await expect(userExists('big-body')).resolves.toBe(false);
  });

  it('introspection is refused when off and answered when on', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Lecture") { name } }']) {
      const refused = await postJson(server.url, { query });
      const body = JSON.parse(refused.text);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].message).toMatch(/introspection is not allowed/);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // The full query a sandbox sends passes the limits when introspection is on.
    const allowed = JSON.parse((await postJson(openUrl, { query: getIntrospectionQuery() })).text);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.__schema.types.map((type: { name: string }) => type.name)).toContain('Lecture');
  });

  it('field suggestions ("Did you mean …") are hidden when introspection is off', async () => {
    const query = '{ lecturs(first: 1) { totalCount } }';
    const hidden = JSON.parse((await postJson(server.url, { query })).text);
    expect(hidden.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(hidden.errors[0].message).toMatch(/Cannot query field "lecturs"/);
    expect(hidden.errors[0].message).not.toMatch(/Did you mean|"lectures"/);
    const shown = JSON.parse((await postJson(openUrl, { query })).text);
    expect(shown.errors[0].message).toMatch(/Did you mean .*"lectures"/);
  });

  it('the Apollo landing page (sandbox) is absent when introspection is off', async () => {
    const browserGet = { headers: { accept: 'text/html,application/xhtml+xml' } };
    const off = await request(`${server.url}/graphql`, browserGet);
    expect(off.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expect(off.text).not.toMatch(/<html|apollographql/i);
    const on = await request(`${openUrl}/graphql`, browserGet);
    expect(on.status).toBe(200);
    expect(on.headers['content-type']).toMatch(/text\/html/);
    expect(on.text).toMatch(/apollographql/);
  });

  it('X-Forwarded-For is believed only with a trusted proxy in front (the address the audit log records)', async () => {
    const FORGED = '203.0.113.7';
    const ipRecorded = async (url: string, openId: string) => {
      const { token, userId } = await signInAs(url, openId, 'PARENT');
      const answer = await postJson(url, { query: 'mutation { signOutEverywhere }' }, { authorization: `Bearer ${token}`, 'x-forwarded-for': FORGED });
      expect(JSON.parse(answer.text).data.signOutEverywhere).toBe(true);
      const event = await AuditEventModel.findOne({ subjectId: userId, action: AuditAction.SESSIONS_ENDED }).lean<{ ip?: string }>();
      return event?.ip;
    };
    // No proxy configured (the default): the header is anyone's to forge; the socket's peer counts.
    const direct = await ipRecorded(server.url, 'proxy-none');
    expect(direct).toMatch(/127\.0\.0\.1$/);
    // One trusted hop: the address that proxy saw.
    await expect(ipRecorded(openUrl, 'proxy-one')).resolves.toBe(FORGED);
  });

  it('a production start without TRUST_PROXY warns once that per-IP limits would be one limit for everyone', async () => {
    const warningsAtStart = async (isProduction: boolean, trustProxy: number) => {
      const lines: Array<{ level: number; msg: string }> = [];
      const logger: Logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
      const app = await createApp({ ...loadConfig({}), isProduction, security: { ...DEFAULTS, trustProxy } }, logger);
      await app.close();
      return lines.filter((line) => line.level === 40).map((line) => line.msg);
    };
    const warnings = await warningsAtStart(true, 0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUST_PROXY is 0.*load balancer.*every per-IP rate limit becomes one limit shared by all users/);
    await expect(warningsAtStart(true, 1)).resolves.toEqual([]);
    // On a laptop the socket's peer is the client: nothing to warn about.
    await expect(warningsAtStart(false, 0)).resolves.toEqual([]);
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      request(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });

    it('an allowed origin passes the preflight and may read the answer', async () => {
      const answer = await preflight(ALLOWED_ORIGIN);
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(answer.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(answer.headers['access-control-allow-headers']?.toLowerCase()).toMatch(/authorization/);
      const post = await postJson(server.url, { query: '{ __typename }' }, { origin: ALLOWED_ORIGIN });
      expect(post.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    });

    it('any other origin gets no Access-Control-Allow-Origin, on the preflight or the answer', async () => {
      const answer = await preflight('https://evil.example');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const post = await postJson(server.url, { query: '{ __typename }' }, { origin: 'https://evil.example' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('security headers', () => {
    it('on the H5 page at /: a CSP allowing only its own scripts and its own origin', async () => {
      const page = await request(`${server.url}/`);
      expect(page.status).toBe(200);
      const csp = page.headers['content-security-policy'] ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      expect(csp).toMatch(/connect-src 'self'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'self'/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-powered-by']).toBeUndefined();
    });

    it('on /graphql: a CSP that lets nothing render, and nosniff', async () => {
      const answer = await postJson(server.url, { query: '{ __typename }' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(answer.headers['x-powered-by']).toBeUndefined();
    });
  });
});
