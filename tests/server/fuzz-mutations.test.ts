/**
 * Every mutation of the served schema, fed thousands of generated bad inputs over HTTP by a caller
 * that passes its gate (from tests/helpers/authorization-table.ts). The argument shapes come from
 * the schema's input types: each input is the mutation's valid request (tests/helpers/api-world.ts,
 * the same one the authorization table sends) with one or two positions POISONED by a value no
 * field of that type may take, and up to two more positions replaced by odd-but-maybe-valid NOISE
 * (unicode oddities, operator-looking strings, 0).
 *
 * Poisons come in two depths. Most inputs (all but TYPE_POISON_PERCENT) carry only values the
 * GraphQL type admits, so they get past graphql-js into our resolvers and must be refused by our
 * validation or deeper (class-validator, the services): a well-formed string of 20 001+ characters,
 * a malformed / unknown / wrong-kind id, -1 or 2^31-1, ±1e308, a date in year 1900 or 275760. The
 * rest also carry values graphql-js refuses while coercing the variables ({"$gt": ""} objects, null
 * for non-null, 1.5, 2^31, "NaN" for Int, unknown enum names, malformed dates): a cheap check that
 * those never reach a resolver either.
 *
 * Poisons, by the type of the position (deep | type-level):
 *   ID        malformed ids (unicode, operators, 23/25 hex digits), unknown ObjectIds, real ids of
 *             the wrong kind of thing (a course id as a lecture id, a lecture id as a user id…)
 *   String    longer than any field allows (20 001 .. 30 000 characters); for ticket / login codes
 *             any junk (lone surrogates, NUL, RTL override, zero-width, combining marks, blanks)
 *   Int       -1, -2^31, 2^31-1 | 2^31, 1.5, 1e300, "NaN", "Infinity", true
 *   Float     ±1e308 | "NaN", "Infinity"
 *   DateTime  far away (year 1900, 2999, ±275760) | malformed
 *   any       | {"$gt": ""} / {"$ne": null} / {"$where": …} objects; null where the type is non-null
 *   enum      | unknown names, "", operators; Boolean: "true", 1
 *
 * Asserted for every answer: HTTP status below 500, no INTERNAL_SERVER_ERROR (also none inside a
 * result: syncCheckIns answers each scan with its own errorCode), nothing like a stack or a file
 * path anywhere in the JSON; and after each mutation's batch, every collection of the database is
 * exactly as it was. Printed at the end: inputs per mutation and where each was stopped.
 *
 * FUZZ_RUNS (inputs per mutation) defaults to what keeps this file near three minutes on CI.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { createSchema } from '../../server/src/schema';
import { buildApiWorld, VALID_REQUESTS, type ApiWorld, type Kind } from '../helpers/api-world';
import { CALLERS, TABLE, type Caller, type SignedInCaller } from '../helpers/authorization-table';
import { databaseDump, describeChange } from '../helpers/db-snapshot';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startTestServer, type TestServer } from '../helpers/server';
import { insertCounties } from '../helpers/venues';

// 1000 × 31 mutations = 31 000 inputs: 167 s of fuzzing, 176 s for the file, on the two-core box
// while other jobs kept its load average at 5-7 (161 s of CPU, one core: the test and the
// in-process server share one node thread). Eight in flight measured faster than four (138/s vs 113/s).
const RUNS = Number(process.env.FUZZ_RUNS || 1000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY || 8);
/** Share of inputs that also carry a poison graphql-js refuses before any resolver runs. */
const TYPE_POISON_PERCENT = 15;
/** FUZZ_STRICT=1: one input at a time, the database compared after each (slow; to find the input that wrote). */
const STRICT = process.env.FUZZ_STRICT === '1';
/** FUZZ_ONLY=bookLecture,checkIn: only these mutations. */
const ONLY = process.env.FUZZ_ONLY?.split(',');
jest.setTimeout(20 * 60_000);

let server: TestServer;
let wechat: FakeWechat;
let schema: GraphQLSchema;
let world: ApiWorld;

// ---------------------------------------------------------------- positions, from the schema

type Path = Array<string | number>;
interface Position {
  path: Path;
  type: GraphQLInputType;
  /** What an ID here names, for wrong-kind ids. */
  kind: Kind | null;
  /** A string here is an opaque code (ticket, login): any junk is wrong. */
  opaque: boolean;
  /** Takes well-formed odd values on purpose (see TOLERANT). */
  tolerant: boolean;
}

const KIND_BY_NAME: Record<string, Kind> = {
  lectureId: 'lecture', courseId: 'course', venueId: 'venue', bookingId: 'booking', userId: 'user',
  chapterId: 'chapter', lecturerId: 'lecturer', countyCode: 'county',
};

/** What a bare `id` names: the input type it sits in (ChapterInput, CourseDraftInput) or the mutation. */
function kindOfId(owner: string): Kind | null {
  for (const [word, kind] of [['Chapter', 'chapter'], ['Course', 'course'], ['Lecture', 'lecture'], ['Venue', 'venue'], ['Booking', 'booking']] as const) {
    if (owner.includes(word)) return kind;
  }
  return null;
}

function positionsOf(type: GraphQLInputType, path: Path, name: string, owner: string, depth = 0): Position[] {
  const here: Position = { path, type, kind: name === 'id' ? kindOfId(owner) : (KIND_BY_NAME[name] ?? null), opaque: name === 'code', tolerant: TOLERANT.has(`${owner}.${name}`) };
  const inner = getNullableType(type);
  if (isListType(inner)) return [here, ...positionsOf(inner.ofType as GraphQLInputType, [...path, 0], name, owner, depth + 1)];
  if (isInputObjectType(inner) && depth < 4) {
    return [here, ...Object.values(inner.getFields()).flatMap((f) => positionsOf(f.type, [...path, f.name], f.name, inner.name, depth + 1))];
  }
  return [here];
}

function mutationPositions(field: GraphQLField<unknown, unknown>): Position[] {
  return field.args.flatMap((arg) => positionsOf(arg.type, [arg.name], arg.name, field.name));
}

// ---------------------------------------------------------------- values

const OBJECT_INJECTIONS = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, { $in: [] }];
const ODD_STRINGS = [
  '', ' ', '   \t\n ', '\u3000', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u202Eevil\u202C', '\u200B', '\u200B\u200D\uFEFF',
  '\u0301\u0301\u0301', 'e\u0301', '👨‍👩‍👧‍👦', '𠀀𠀁', 'ﷺ', '\u0085', '\r\n', '$gt', '{"$gt": ""}', '{"$ne": null}', "'; db.dropDatabase(); '",
  '<script>alert(1)</script>', '../../etc/passwd', '%00', 'null', 'undefined', 'NaN', '__proto__', 'constructor',
];
const BAD_IDS = [
  '', ' ', 'zzz', '$gt', '{"$ne": null}', '0', '-1', 'null', '0'.repeat(23), 'f'.repeat(25), 'g'.repeat(24), '\u0000'.repeat(24),
  '６'.repeat(24), 'ObjectId("000000000000000000000000")', '[object Object]', '\ud800', '999999', '35070２',
];
const MALFORMED_DATES = ['', 'now', 'yesterday', '2024-02-30T10:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01', '+275760-09-13T00:00:00.001Z'];
const FAR_DATES = ['1900-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];

/**
 * Positions where the server takes an odd value on purpose, so only malformed values are poison
 * there: an unknown chapter id means a new chapter (course.service buildContent: an id the course
 * never had gets a new id), and a scan time from a wrong device clock counts as now
 * (checkin.service arrivalTime: a real arrival is never refused for the device's clock).
 */
const TOLERANT = new Set(['ChapterInput.id', 'OfflineScanInput.scannedAt']);

// Visible characters: 20 000 spaces would be a blank, which optional fields rightly take as none.
const hugeString = fc.tuple(fc.integer({ min: 20_001, max: 30_000 }), fc.constantFrom('a', '家', '0', '\u200B')).map(([n, ch]) => ch.repeat(n));
const unknownObjectId = fc.constant(null).map(() => new Types.ObjectId().toHexString());
/** Real ids of other kinds of thing (a lecturer profile shares its account's id, so those two count as one kind). */
const kindOtherThan = (kind: Kind | null) => {
  const ids = world.ids;
  const same = new Set(kind === 'user' || kind === 'lecturer' ? [...ids.user, ...ids.lecturer] : kind ? ids[kind] : []);
  return fc.constantFrom(...new Set((Object.keys(ids) as Kind[]).flatMap((k) => ids[k]).filter((id) => !same.has(id))));
};

/**
 * A value of the position's GraphQL type that no field of that type may take: it reaches our
 * resolvers and must be refused there. None for enums, Booleans, lists and input objects (every
 * value their type admits may be valid) and for a tolerant date.
 */
function deepPoison(position: Position): fc.Arbitrary<unknown> | null {
  const named = getNamedType(position.type);
  if (!isScalarType(named) || isListType(getNullableType(position.type))) return null;
  switch (named.name) {
    case 'ID':
      if (position.tolerant) return fc.constantFrom(...BAD_IDS);
      return fc.oneof(fc.constantFrom(...BAD_IDS), unknownObjectId, kindOtherThan(position.kind), fc.constantFrom(...ODD_STRINGS));
    case 'String':
      return position.opaque ? fc.oneof(hugeString, fc.constantFrom(...ODD_STRINGS, ...BAD_IDS)) : hugeString;
    case 'Int':
      return fc.constantFrom(-1, -(2 ** 31), 2 ** 31 - 1);
    case 'Float':
      return fc.constantFrom(1e308, -1e308, Number.MAX_VALUE);
    case 'DateTimeISO':
      return position.tolerant ? null : fc.constantFrom(...FAR_DATES);
    default:
      return null;
  }
}

/** A value graphql-js refuses while coercing the variables, before any resolver runs. */
function typePoison(position: Position): fc.Arbitrary<unknown> {
  const { type } = position;
  const named = getNamedType(type);
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...OBJECT_INJECTIONS)];
  if (isNonNullType(type)) options.push(fc.constant(null));
  if (isListType(getNullableType(type))) return fc.oneof(...options, fc.constant([{ $gt: '' }]));
  if (isInputObjectType(named)) return fc.oneof(...options, fc.constant('an object, not a string'), fc.constant({ $where: '1' }));
  if (isEnumType(named)) {
    const first = named.getValues()[0].name;
    return fc.oneof(...options, fc.constantFrom('HOSPITAL', '', '$gt', first.toLowerCase(), ` ${first}`, 0, true));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return fc.oneof(...options, fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, 1e300, -1e300, 'NaN', 'Infinity', '-Infinity', '12', true, 9007199254740993));
      case 'Float':
        return fc.oneof(...options, fc.constantFrom('NaN', 'Infinity', '1e309', true));
      case 'Boolean':
        return fc.oneof(...options, fc.constantFrom('true', 'false', 1, 0, 'yes'));
      case 'DateTimeISO':
        return fc.oneof(...options, fc.constantFrom(...MALFORMED_DATES), fc.constantFrom(1e15, -1e15, 0, true));
    }
  }
  return fc.oneof(...options);
}

/** An odd value that a field of this type may or may not accept. */
function noise(position: Position): fc.Arbitrary<unknown> {
  const named = getNamedType(position.type);
  if (!isScalarType(named) && !isEnumType(named)) return fc.constant(undefined);
  switch (named.name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...(position.kind ? world.ids[position.kind] : world.ids.lecture)), fc.constantFrom(...ODD_STRINGS));
    case 'String':
      return fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constant('家'.repeat(201)));
    case 'Int':
      return fc.oneof(fc.constantFrom(0, 1, 2, 10_000, 1_000_001), fc.integer());
    case 'Float':
      return fc.oneof(fc.constantFrom(0, -0, 90, -90, 180, -180, 90.0001), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return isEnumType(named) ? fc.constantFrom(...named.getValues().map((v) => v.name)) : fc.constant(undefined);
  }
}

/** Sets `value` at `path` in `target`, making containers on the way where there are none. */
function setAt(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: any = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const wantArray = typeof path[i + 1] === 'number';
    if (node[key] === null || typeof node[key] !== 'object' || Array.isArray(node[key]) !== wantArray) node[key] = wantArray ? [] : {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

/**
 * The base request with 1–2 positions poisoned and up to 2 positions of noise (poisons set last,
 * deepest last). Most inputs take deep poisons only; TYPE_POISON_PERCENT take type-level ones too.
 */
function badInputs(base: Record<string, unknown>, positions: Position[]): fc.Arbitrary<Record<string, unknown>> {
  const leaves = positions.filter((p) => isScalarType(getNamedType(p.type)) || isEnumType(getNamedType(p.type)));
  const deep = positions.flatMap((p) => {
    const value = deepPoison(p);
    return value ? [{ p, value }] : [];
  });
  const pick = <T>(from: T[], min: number, max: number, value: (item: T) => fc.Arbitrary<readonly [Path, unknown]>) =>
    fc.subarray(from, { minLength: min, maxLength: Math.min(max, from.length) }).chain((chosen) => fc.tuple(...chosen.map(value)));
  const deepPoisons = pick(deep, 1, 2, ({ p, value }) => value.map((v) => [p.path, v] as const));
  const anyPoisons = pick(positions, 1, 2, (p) => fc.oneof(deepPoison(p) ?? typePoison(p), typePoison(p)).map((v) => [p.path, v] as const));
  const poisons = deep.length === 0 ? anyPoisons : fc.integer({ min: 0, max: 99 }).chain((n) => (n < TYPE_POISON_PERCENT ? anyPoisons : deepPoisons));
  return fc.tuple(pick(leaves, 0, 2, (p) => noise(p).map((v) => [p.path, v] as const)), poisons).map(([noises, poisoned]) => {
    const variables = structuredClone(base);
    for (const [path, value] of noises) if (value !== undefined) setAt(variables, path, structuredClone(value));
    for (const [path, value] of [...poisoned].sort((a, b) => a[0].length - b[0].length)) setAt(variables, path, structuredClone(value));
    return variables;
  });
}

// ---------------------------------------------------------------- the run

function requestFor(field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const type = getNamedType(field.type);
  // A door result says REJECTED, and why (errorCode), in data rather than as an error.
  const selection = isObjectType(type) ? (type.getFields().errorCode ? ' { __typename outcome errorCode }' : ' { __typename }') : '';
  return `mutation(${definitions}) { ${field.name}(${passed})${selection} }`;
}

/** Who sends a mutation's inputs, where the first caller the table lets through is not the one that reaches deepest. */
const FUZZ_CALLER: Record<string, Caller> = {
  // Only a household may choose its county: a staff caller stops every countyCode at FORBIDDEN.
  updateProfile: 'parent',
};

/** The first caller the table lets through: the owner for a lecturer's things, else an admin, else anyone. */
function gatePasser(field: string): Caller {
  const preference: Caller[] = [...(FUZZ_CALLER[field] ? [FUZZ_CALLER[field]] : []), 'owner', 'admin', 'parent', 'anonymous'];
  const passing = preference.find((caller) => TABLE[field]?.[CALLERS.indexOf(caller)] === 'P');
  if (!passing) throw new Error(`${field}: no caller passes its gate in the authorization table`);
  return passing;
}

/** What a client must never see: a stack frame, a source file, a path on the server. */
const LEAK = /\n\s+at |\bat [\w.<>$]+ \(|\bat \S+:\d+:\d+|\.[jt]s:\d+|node_modules|\/work\/|\/home\/|\/usr\/|stacktrace|mongo(?:ose|db|server)?error|bsonerror|casterror|validationerror:/i;

/**
 * Where an input was stopped:
 *   graphql   by graphql-js / Apollo before any resolver (variable coercion, document validation,
 *             the API limits): BAD_USER_INPUT with neither a path nor a named field
 *   input     by our validation: BAD_USER_INPUT naming the field (class-validator, badUserInput)
 *   deeper    by a service after reading the database: NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED
 *   taken     no error (the database check says whether it wrote)
 *   broken    5xx, INTERNAL_SERVER_ERROR, not JSON
 * A door result's own errorCode counts like an error of the same code.
 */
type Stage = 'graphql' | 'input' | 'deeper' | 'taken' | 'broken';
const STAGES: Stage[] = ['graphql', 'input', 'deeper', 'taken', 'broken'];

interface Answer {
  variables: Record<string, unknown>;
  status: number;
  body: string;
  /** Broke a rule: 5xx, INTERNAL_SERVER_ERROR (at the top or in a result), a stack or path, or not JSON. */
  bad: boolean;
  stage: Stage;
}

function stageOf(json: any): Stage {
  const error = json.errors?.[0];
  const results = Object.values(json.data ?? {}).flat() as Array<{ errorCode?: string | null } | null>;
  const code: string | undefined = error ? error.extensions?.code : results.find((r) => r?.errorCode)?.errorCode ?? undefined;
  if (!code) return 'taken';
  if (code === 'BAD_USER_INPUT') return error && !error.path && !error.extensions?.fields ? 'graphql' : 'input';
  return ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED'].includes(code) ? 'deeper' : 'broken';
}

async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let stage: Stage = 'broken';
  try {
    stage = stageOf(JSON.parse(text));
  } catch {
    // an answer that is not JSON
  }
  if (response.status >= 500) stage = 'broken';
  return { variables, status: response.status, body: text.slice(0, 2000), bad: stage === 'broken' || LEAK.test(text), stage };
}

const short = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));

const figures: Array<{ mutation: string; inputs: number; ms: number; stages: Record<Stage, number> }> = [];

beforeAll(async () => {
  wechat = await startFakeWechat();
  server = await startTestServer({
    label: 'fuzz',
    seed: false,
    config: { wechat: { apiBase: wechat.baseUrl, appId: wechat.appId, appSecret: wechat.appSecret, templates: {} } },
  });
  schema = await createSchema();
  await insertCounties();
  world = await buildApiWorld(server, 'fuzz');
}, 180_000);

afterAll(async () => {
  const inputs = figures.reduce((sum, f) => sum + f.inputs, 0);
  const ms = figures.reduce((sum, f) => sum + f.ms, 0);
  const total = Object.fromEntries(STAGES.map((stage) => [stage, figures.reduce((sum, f) => sum + f.stages[stage], 0)])) as Record<Stage, number>;
  const stages = (counts: Record<Stage, number>) => STAGES.map((stage) => `${stage} ${counts[stage]}`).join(', ');
  // The figures the closing note asks for.
  console.log(
    `fuzz: ${inputs} bad inputs over ${figures.length} mutations in ${(ms / 1000).toFixed(1)} s (${Math.round(inputs / (ms / 1000))}/s)\n` +
      `  stopped by: ${stages(total)} (graphql = before any resolver; input = our validation; deeper = a service)\n` +
      figures.map((f) => `  ${f.mutation}: ${f.inputs} in ${(f.ms / 1000).toFixed(1)} s: ${stages(f.stages)}`).join('\n'),
  );
  await server?.close();
  await wechat?.close();
});

/** Mutations without arguments have nothing to poison (refreshSession, signOutEverywhere). */
const withArguments = (mutation: GraphQLObjectType | null | undefined) =>
  Object.values(mutation?.getFields() ?? {}).filter((f) => f.args.length > 0).map((f) => f.name).sort();
// jest needs the test names before the served schema is built, so they come from the committed
// SDL; the first test fails when it is stale or when a mutation has no valid request.
const MUTATIONS = withArguments(buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8')).getMutationType());

it('every mutation with arguments of the served schema is fuzzed from a valid request', () => {
  expect(withArguments(schema.getMutationType())).toEqual(MUTATIONS);
  expect(MUTATIONS.filter((name) => !(name in VALID_REQUESTS))).toEqual([]);
});

describe.each(MUTATIONS.filter((name) => !ONLY || ONLY.includes(name)))('%s', (name) => {
  it(`answers ${RUNS} bad inputs without a 5xx, an internal error or a stack, and changes nothing`, async () => {
    const field = schema.getMutationType()!.getFields()[name];
    expect(field).toBeDefined();
    const caller = gatePasser(name);
    const token = caller === 'anonymous' ? undefined : world.who[caller as SignedInCaller].token;
    const query = requestFor(field);
    // The request the table shows this caller passes with; made before the database is read.
    const base = await VALID_REQUESTS[name](world, caller);
    const inputs = fc.sample(badInputs(base, mutationPositions(field)), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED || 6) });

    const before = await databaseDump();
    const started = Date.now();
    const answers: Answer[] = [];
    const problems: string[] = [];
    let next = 0;
    if (STRICT) {
      // One at a time, the database compared after each input: names the input that wrote.
      for (const variables of inputs) {
        answers.push(await send(query, variables, token));
        const now = await databaseDump();
        if (now !== before) {
          problems.push(`${short(variables)} changed the database:\n${describeChange(before, now)}`);
          break;
        }
      }
    } else {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < inputs.length) answers.push(await send(query, inputs[next++], token));
        }),
      );
    }
    const stages = Object.fromEntries(STAGES.map((stage) => [stage, answers.filter((a) => a.stage === stage).length])) as Record<Stage, number>;
    figures.push({ mutation: name, inputs: answers.length, ms: Date.now() - started, stages });
    const after = await databaseDump();

    problems.unshift(...answers.filter((a) => a.bad).slice(0, 3).map((a) => `${a.status} ${short(a.variables)}\n    → ${a.body}`));
    if (after !== before && !STRICT) problems.push(`bad input changed the database (FUZZ_STRICT=1 names the input):\n${describeChange(before, after)}`);
    expect(problems).toEqual([]);
  });
});
