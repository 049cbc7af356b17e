/**
 * Round-trip budgets: the database commands each main screen's request sends, with the operation
 * the mini program sends, may not grow with the page size, and the lecture list stays within 4.
 * The same counts are printed by `npm run bench` (scripts/bench/round-trips.ts).
 */
import { PAGE_SIZES, ROUND_TRIP_BUDGETS, buildScreenWorld, countScreens, type ScreenCount } from '../../scripts/bench/round-trips';
import { COUNTIES } from '../../server/src/modules/county/counties';
import { CountyModel } from '../../server/src/modules/county/county.model';
import { startTestServer, type TestServer } from '../helpers/server';

describe('database round trips per request', () => {
  let server: TestServer;
  let counts: ScreenCount[];
  beforeAll(async () => {
    // Counts do not depend on how much data there is: an empty database with the ten counties.
    server = await startTestServer({ label: 'roundtrips', seed: false });
    await CountyModel.insertMany(COUNTIES.map((c) => ({ _id: c.code, name: c.name, sortOrder: c.sortOrder })));
    counts = await countScreens(server, await buildScreenWorld(server));
    console.log(counts.map((c) => `${c.screen}: ${c.steady[5]} / ${c.steady[50]} (first ${c.first[5]} / ${c.first[50]})`).join('\n'));
  }, 240_000);
  afterAll(() => server.close());

  it('measures every main screen with a real page of 50', () => {
    expect(counts.map((c) => c.screen)).toEqual(Object.keys(ROUND_TRIP_BUDGETS));
    for (const c of counts) if (c.items[50] !== null) expect({ screen: c.screen, items: c.items[50] }).toEqual({ screen: c.screen, items: 50 });
  });

  it('costs the same at a page of 50 as at a page of 5: one query per relation, not per item', () => {
    for (const c of counts) expect({ screen: c.screen, at50: c.steady[50] }).toEqual({ screen: c.screen, at50: c.steady[5] });
  });

  it('keeps each screen within its budget (the lecture list within 4)', () => {
    for (const c of counts) {
      for (const n of PAGE_SIZES) {
        expect({ screen: c.screen, n, withinBudget: c.steady[n] <= ROUND_TRIP_BUDGETS[c.screen] ? true : c.steady[n] })
          .toEqual({ screen: c.screen, n, withinBudget: true });
      }
    }
    expect(ROUND_TRIP_BUDGETS['lecture list (home)']).toBeLessThanOrEqual(4);
  });

  it('asks for the total only when the client asks for it', async () => {
    await server.graphql(`{ lectures(first: 50) { edges { node { id } } } }`);
    const trips = await server.countRoundTrips(() => server.graphql(`{ lectures(first: 50) { edges { node { id } } } }`));
    expect(trips).toBe(1);
  });
});
