/**
 * Under a rush, bookings are decided a few at a time in arrival order (BOOKING_CONCURRENCY): taken
 * all at once, every request waited on the one engine behind all the others, and every household
 * heard back only when the whole rush was over (npm run bench's storm: median answer at 96 % of it).
 */
import 'reflect-metadata';
import { BOOK, insertLecture, newKey, signIn } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';

/** How many bookings the service is deciding right now, and the most at any moment. */
const mockDecisions = { now: 0, most: 0 };
jest.mock('../../server/src/modules/booking/booking.service', () => {
  const actual = jest.requireActual('../../server/src/modules/booking/booking.service');
  return {
    ...actual,
    bookLecture: async (...args: unknown[]) => {
      mockDecisions.most = Math.max(mockDecisions.most, ++mockDecisions.now);
      try {
        return await actual.bookLecture(...args);
      } finally {
        mockDecisions.now--;
      }
    },
  };
});

const TURNS = 3;
const HOUSEHOLDS = 24;

describe('bookings decided in turn', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'bookingturns', seed: false, config: { bookingConcurrency: TURNS } });
  });
  afterAll(() => server.close());

  it(`decides at most ${TURNS} bookings at once, and all of them in the end`, async () => {
    const lectureId = await insertLecture({ capacity: 10, maxPartySize: 1 });
    const tokens = await Promise.all(Array.from({ length: HOUSEHOLDS }, (_, i) => signIn(server, `turns-${i}`)));

    mockDecisions.most = 0;
    const answers = await Promise.all(
      tokens.map((token) => server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, token)),
    );
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    const statuses = answers.map((answer) => answer.data.bookLecture.status);
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'WAITLISTED')).toHaveLength(HOUSEHOLDS - 10);
    expect(mockDecisions.most).toBe(TURNS);
  });
});
