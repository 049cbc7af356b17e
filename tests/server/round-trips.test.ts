import { startTestServer, type TestServer } from '../helpers/server';

const PAGE = `query($first: Int) {
  lectures(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title venue { name type county { code name } } lecturer { name title } } }
  }
}`;

describe('database round trips per request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'roundtrips' });
  });
  afterAll(() => server.close());

  async function roundTripsFor(first: number): Promise<number> {
    let count = 0;
    const trips = await server.countRoundTrips(async () => {
      const result = await server.graphql(PAGE, { first });
      expect(result.errors).toBeUndefined();
      count = result.data.lectures.edges.length;
    });
    expect(count).toBe(first);
    return trips;
  }

  it('costs the same for a page of 50 lectures as for a page of 5: one query per relation', async () => {
    const five = await roundTripsFor(5);
    const fifty = await roundTripsFor(50);
    // lectures page, totalCount, venues, lecturers, counties
    expect(five).toBe(5);
    expect(fifty).toBe(five);
  });

  it('asks for the total only when the client asks for it', async () => {
    const trips = await server.countRoundTrips(() => server.graphql(`{ lectures(first: 50) { edges { node { id } } } }`));
    expect(trips).toBe(1);
  });
});
