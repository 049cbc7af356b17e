import mongoose from 'mongoose';
import { seedId } from '../../server/src/seed/seed';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';

const LIST = `query($filter: LectureFilter, $first: Int, $after: String) {
  lectures(filter: $filter, first: $first, after: $after) { totalCount edges { node { id } } }
}`;

/** Every collection's document count: bad input must leave all of them as they were. */
async function snapshotCounts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await db.collection(name).countDocuments();
  return counts;
}

function expectBadInput(result: GraphQLResponse, field: string): void {
  expect(result.data?.lectures ?? result.data?.lecture ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toContain(field);
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|\n\s+at /);
}

describe('bad input is refused with BAD_USER_INPUT naming the argument, and changes nothing', () => {
  let server: TestServer;
  let before: Record<string, number>;
  beforeAll(async () => {
    server = await startTestServer({ label: 'badinput' });
    before = await snapshotCounts();
  });
  afterAll(async () => {
    expect(await snapshotCounts()).toEqual(before);
    await server.close();
  });

  it.each([0, -1, 101])('refuses first = %p', async (first) => {
    const result = await server.graphql(LIST, { first });
    expectBadInput(result, 'first');
    expect(result.errors![0].extensions!.fields).toEqual([{ field: 'first', messages: expect.any(Array) }]);
  });

  it('refuses an unknown venue type, passed as a variable or written inline', async () => {
    expectBadInput(await server.graphql(LIST, { filter: { venueType: 'HOSPITAL' } }), 'venueType');
    const inline = await server.graphql(`{ lectures(filter: { venueType: HOSPITAL }) { totalCount } }`);
    expect(inline.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(inline.errors![0].message).toContain('HOSPITAL');
  });

  it.each([
    'garbage',
    'eyJ4IjoxfQ',
    Buffer.from('[1,"zz"]').toString('base64url'),
    Buffer.from(`[9000000000000000,"${'a'.repeat(24)}"]`).toString('base64url'), // beyond any Date
  ])(
    'refuses the malformed cursor %p',
    async (after) => {
      expectBadInput(await server.graphql(LIST, { first: 5, after }), 'after');
    },
  );

  it.each(['abc', '12345', 'zzzzzzzzzzzzzzzzzzzzzzzz', '{"$gt":""}'])('refuses the malformed id %p', async (id) => {
    expectBadInput(await server.graphql(`query($id: ID!) { lecture(id: $id) { id } }`, { id }), 'id');
  });

  it('refuses a date range that ends before it starts, and a malformed date', async () => {
    expectBadInput(
      await server.graphql(LIST, { filter: { from: '2025-05-01T00:00:00Z', to: '2025-04-01T00:00:00Z' } }),
      'filter.to',
    );
    expectBadInput(await server.graphql(LIST, { filter: { from: 'yesterday' } }), 'from');
  });

  it('refuses a county code that is not an administrative code, and an over-long search', async () => {
    expectBadInput(await server.graphql(LIST, { filter: { countyCode: 'NP-1' } }), 'countyCode');
    expectBadInput(await server.graphql(LIST, { filter: { search: '家'.repeat(51) } }), 'search');
  });

  it('answers a request that is not JSON with a 400 and no stack', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('BAD_USER_INPUT');
    expect(body).not.toMatch(/\n\s+at |stack/i);
  });
});

describe('an unexpected failure', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'fault', seed: false });
  });
  afterAll(() => server.close());

  it('reaches the client as INTERNAL_SERVER_ERROR with a generic message and no stack', async () => {
    // A lecture whose venue is gone: a data fault the client cannot have caused.
    const id = seedId('orphan-lecture');
    await mongoose.connection.db!.collection('lectures').insertOne({
      _id: id,
      title: '孤立的讲座',
      summary: '场地记录已删除',
      startsAt: new Date('2030-01-01T01:00:00Z'),
      endsAt: new Date('2030-01-01T02:30:00Z'),
      venueId: seedId('missing-venue'),
      lecturerId: seedId('missing-lecturer'),
      capacity: 50,
      tags: [],
      venueType: 'VILLAGE',
      countyCode: '350702',
    });
    const result = await server.graphql(`query($id: ID!) { lecture(id: $id) { title venue { name } } }`, {
      id: id.toHexString(),
    });
    expect(result.errors![0]).toEqual({
      message: 'Internal server error',
      path: ['lecture', 'venue'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/missing|stack/);
  });
});
