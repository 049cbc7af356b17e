/**
 * The authorization table of the WHOLE API. Every Query and Mutation field of the schema the server
 * serves is called by every kind of caller, with arguments that reach past the gate (real ids from
 * this file's world; a mutation's request is the one the fuzzer poisons, tests/helpers/api-world.ts),
 * and the outcome is compared with the explicit table in tests/helpers/authorization-table.ts. A
 * field the schema has and the table lacks fails ("new field X has no authorization decision"), and
 * so does a row for a field the schema no longer has: adding an operation means deciding who may call it.
 * Outcomes there: P passed the gate, N answered none (null / NOT_FOUND), F FORBIDDEN, U UNAUTHENTICATED;
 * a result that carries its own errorCode (syncCheckIns' per-scan results) is judged by it.
 * tests/server/authorization.test.ts proves, for issue 4's mutations, that a refused call changes
 * nothing; this file is about the decision itself, for every field.
 */
import 'reflect-metadata';
import { Types } from 'mongoose';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../server/src/schema';
import { buildApiWorld, VALID_REQUESTS, type ApiWorld } from '../helpers/api-world';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startTestServer, type TestServer } from '../helpers/server';
import { beijingYearNow, insertCounties } from '../helpers/venues';
import { CALLERS, COUNTY, TABLE, type Caller, type Outcome } from '../helpers/authorization-table';

let server: TestServer;
let wechat: FakeWechat;
let schema: GraphQLSchema;
let world: ApiWorld;

beforeAll(async () => {
  wechat = await startFakeWechat();
  server = await startTestServer({
    label: 'authz-table',
    seed: false,
    config: { wechat: { apiBase: wechat.baseUrl, appId: wechat.appId, appSecret: wechat.appSecret, templates: {} } },
  });
  schema = await createSchema();
  await insertCounties();
  world = await buildApiWorld(server, 'table');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await wechat?.close();
});

/** Arguments of the queries that reach past the gate; mutations take theirs from VALID_REQUESTS. */
const QUERY_ARGS: Record<string, () => Record<string, unknown>> = {
  auditEvents: () => ({}),
  booking: () => ({ id: world.parentBookingId }),
  certificate: () => ({ id: world.certificateId }),
  counties: () => ({}),
  course: () => ({ id: world.draftCourseId }),
  courses: () => ({}),
  lecture: () => ({ id: world.proposedLectureId }),
  lectureAttendance: () => ({ lectureId: world.doorOpenLectureId }),
  lectureRoster: () => ({ lectureId: world.doorOpenLectureId }),
  lectures: () => ({}),
  me: () => ({}),
  myBookings: () => ({}),
  myCertificates: () => ({}),
  myCourses: () => ({}),
  myLearning: () => ({}),
  myLectures: () => ({ when: 'UPCOMING' }),
  outreachLectures: () => ({ year: beijingYearNow(), countyCode: COUNTY }),
  outreachReport: () => ({ year: beijingYearNow(), countyCode: COUNTY }),
  outreachTargets: () => ({ year: beijingYearNow(), countyCode: COUNTY }),
  reviewQueue: () => ({}),
  subscriptionTemplateIds: () => ({}),
  // Venues are public but an unknown one is none: the row shows no caller is refused.
  venue: () => ({ id: new Types.ObjectId().toHexString() }),
  venues: () => ({}),
};

const argumentsFor = (name: string, caller: Caller) => (name in QUERY_ARGS ? QUERY_ARGS[name]() : VALID_REQUESTS[name](world, caller));

/** Every Query and Mutation field the server serves, as "Query.x" / "Mutation.y" → field. */
function servedFields(): Map<string, { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> {
  const fields = new Map<string, { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }>();
  for (const [operation, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) fields.set(field.name, { operation, field });
  }
  return fields;
}

/**
 * The request for a field, its arguments as variables typed from the schema. A result that reports
 * its own refusal (the door's CheckInResult: REJECTED with an errorCode in data) selects that too.
 */
function requestFor(name: string, variables: Record<string, unknown>): string {
  const served = servedFields().get(name);
  if (!served) throw new Error(`${name} is in the table but not in the schema`);
  const args = served.field.args.filter((arg) => arg.name in variables);
  const definitions = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const type = getNamedType(served.field.type);
  const selection = isObjectType(type) ? (type.getFields().errorCode ? ' { __typename outcome errorCode }' : ' { __typename }') : '';
  return `${served.operation}${definitions ? `(${definitions})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
}

type Body = { data?: any; errors?: Array<{ path?: unknown[]; extensions?: Record<string, any> }> };

/** The code that decided the answer: the first top-level error's, else the first result's own errorCode. */
function decidingCode(name: string, body: Body): string | null {
  if (body.errors?.length) return String(body.errors[0].extensions?.code ?? '');
  const first = [body.data?.[name]].flat()[0];
  return first && typeof first === 'object' && 'errorCode' in first ? first.errorCode : null;
}

function classify(name: string, body: Body): Outcome {
  const code = decidingCode(name, body);
  if (code === null) return body.data?.[name] === null ? 'N' : 'P';
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'U';
    case 'FORBIDDEN':
      return 'F';
    case 'NOT_FOUND':
      return 'N';
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      return 'P';
    default:
      throw new Error(`${name}: an answer that is no decision: ${JSON.stringify(body)}`);
  }
}

it('every Query and Mutation field has a row in the table and a request, and every row a field', () => {
  const served = [...servedFields().keys()];
  const problems = [
    ...served.filter((name) => !(name in TABLE)).map((name) => `new field ${name} has no authorization decision`),
    ...served.filter((name) => !(name in QUERY_ARGS) && !(name in VALID_REQUESTS)).map((name) => `new field ${name} has no valid request (tests/helpers/api-world.ts)`),
    ...Object.keys(TABLE).filter((name) => !served.includes(name)).map((name) => `the table decides ${name}, which the schema lacks`),
  ];
  expect(problems).toEqual([]);
});

describe.each(Object.keys(TABLE))('%s', (name) => {
  it.each(CALLERS.map((caller, column) => [caller, column] as const))('by %s', async (caller, column) => {
    const variables = await argumentsFor(name, caller);
    const token = caller === 'anonymous' ? undefined : world.who[caller].token;
    const body = await server.graphql(requestFor(name, variables), variables, token);
    const outcome = classify(name, body);
    // Ending every session of the caller: sign in again for the rows after this one.
    if (name === 'signOutEverywhere' && caller !== 'anonymous') world.who[caller] = await world.signIn(caller);
    expect({ field: name, caller, outcome }).toEqual({ field: name, caller, outcome: TABLE[name][column] });
    // The shared request is valid: a caller who passes is not stopped by its own input (the fuzzer
    // poisons this request, so a bad field in it would hide every poison behind the first refusal).
    if (outcome === 'P') expect({ field: name, caller, code: decidingCode(name, body) }).not.toEqual({ field: name, caller, code: 'BAD_USER_INPUT' });
  });
});
