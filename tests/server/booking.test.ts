import mongoose, { Types } from 'mongoose';
import { BOOK, CANCEL, collectionCounts, insertLecture, newKey, signIn } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';

const MINE = `query($when: BookingTime, $first: Int, $after: String) {
  myBookings(when: $when, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id status lecture { id title } } }
  }
}`;
const SEATS = `query($id: ID!) { lecture(id: $id) { seatsLeft maxPartySize myBooking { id status partySize } } }`;

describe('booking seats for a household', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'booking', seed: false });
  });
  afterAll(() => server.close());

  const book = (token: string, input: Record<string, unknown>) => server.graphql(BOOK, { input: { idempotencyKey: newKey(), ...input } }, token);

  it('confirms two seats, shows them on the lecture, and refuses a second booking of the same household', async () => {
    const lectureId = await insertLecture({ capacity: 10 });
    const token = await signIn(server, 'household-a');
    const result = await book(token, { lectureId, partySize: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.data.bookLecture).toMatchObject({ status: 'CONFIRMED', partySize: 2, waitlistPosition: null });
    expect(result.data.bookLecture.seatNumbers).toHaveLength(2);

    const lecture = await server.graphql(SEATS, { id: lectureId }, token);
    expect(lecture.data.lecture).toMatchObject({ seatsLeft: 8, myBooking: { id: result.data.bookLecture.id, partySize: 2 } });
    const anonymous = await server.graphql(SEATS, { id: lectureId });
    expect(anonymous.data.lecture).toMatchObject({ seatsLeft: 8, myBooking: null });

    const before = await collectionCounts();
    const again = await book(token, { lectureId, partySize: 1 });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', bookingId: result.data.bookLecture.id });
    expect(await collectionCounts()).toEqual(before);
  });

  it('returns the first result for a retried idempotency key and never books twice', async () => {
    const lectureId = await insertLecture();
    const token = await signIn(server, 'household-retry');
    const input = { lectureId, partySize: 3, idempotencyKey: newKey() };
    const first = await server.graphql(BOOK, { input }, token);
    const retried = await server.graphql(BOOK, { input }, token);
    expect(retried.data.bookLecture).toEqual(first.data.bookLecture);
    const reused = await server.graphql(BOOK, { input: { ...input, partySize: 1 } }, token);
    expect(reused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(reused.errors![0].message).toContain('idempotencyKey');
    expect(await mongoose.connection.db!.collection('bookings').countDocuments({ lectureId: new Types.ObjectId(lectureId) })).toBe(1);
  });

  it('answers concurrent retries of one key with one booking', async () => {
    const lectureId = await insertLecture();
    const token = await signIn(server, 'household-impatient');
    const input = { lectureId, partySize: 1, idempotencyKey: newKey() };
    const results = await Promise.all(Array.from({ length: 20 }, () => server.graphql(BOOK, { input }, token)));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(new Set(results.map((r) => r.data.bookLecture.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.data.bookLecture.status))).toEqual(new Set(['CONFIRMED']));
    expect(await mongoose.connection.db!.collection('bookings').countDocuments({ lectureId: new Types.ObjectId(lectureId) })).toBe(1);
    expect(await mongoose.connection.db!.collection('seat_claims').countDocuments({ lectureId: new Types.ObjectId(lectureId) })).toBe(1);
  });

  it('queues households on the waiting list and seats them in order as seats free up', async () => {
    const lectureId = await insertLecture({ capacity: 3 });
    const [a, b, c, d] = await Promise.all(['wl-a', 'wl-b', 'wl-c', 'wl-d'].map((id) => signIn(server, id)));
    const bookingA = (await book(a, { lectureId, partySize: 2 })).data.bookLecture;
    const bookingB = (await book(b, { lectureId, partySize: 2 })).data.bookLecture;
    expect(bookingA.status).toBe('CONFIRMED');
    expect(bookingB).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    // One seat is free: B (two people) does not fit and keeps its place; C (one) is seated.
    const bookingC = (await book(c, { lectureId, partySize: 1 })).data.bookLecture;
    expect(bookingC.status).toBe('CONFIRMED');
    const bookingD = (await book(d, { lectureId, partySize: 1 })).data.bookLecture;
    expect(bookingD).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });

    const cancelled = await server.graphql(CANCEL, { id: bookingA.id }, a);
    expect(cancelled.data.cancelBooking).toMatchObject({ status: 'CANCELLED', seatNumbers: [] });
    const mine = async (token: string) => (await server.graphql(SEATS, { id: lectureId }, token)).data.lecture;
    expect((await mine(b)).myBooking).toMatchObject({ status: 'CONFIRMED' });
    expect((await mine(d)).myBooking).toMatchObject({ status: 'WAITLISTED' });
    expect((await mine(d)).seatsLeft).toBe(0);
    const position = await server.graphql(`query($id: ID!) { booking(id: $id) { waitlistPosition } }`, { id: bookingD.id }, d);
    expect(position.data.booking.waitlistPosition).toBe(1);
  });

  it('never seats more people than the hall holds after its capacity was cut below the seat numbers held', async () => {
    // Seats 9 and 10 were taken while the hall held 10; the lecturer then cut it to 5.
    const lectureId = await insertLecture({ capacity: 5 });
    await mongoose.connection.db!.collection('seat_claims').insertMany(
      [9, 10].map((seat) => ({ _id: `${lectureId}:${seat}`, lectureId: new Types.ObjectId(lectureId), seatNumber: seat, bookingId: new Types.ObjectId(), bookingSlot: `${new Types.ObjectId()}:1`, attempt: 'earlier' })) as never[],
    );
    const four = await book(await signIn(server, 'after-cut-four'), { lectureId, partySize: 4 });
    expect(four.data.bookLecture.status).toBe('WAITLISTED'); // seats 1-4 are free by number, but only 3 places are left
    const three = await book(await signIn(server, 'after-cut-three'), { lectureId, partySize: 3 });
    expect(three.data.bookLecture.status).toBe('CONFIRMED'); // the three places left, as the waiting rule seats whoever fits
    const one = await book(await signIn(server, 'after-cut-one'), { lectureId, partySize: 1 });
    expect(one.data.bookLecture.status).toBe('WAITLISTED'); // and the hall of 5 is full
  });

  it('lists my bookings, upcoming soonest first and past latest first, a page at a time', async () => {
    const token = await signIn(server, 'household-history');
    const day = 24 * 3600 * 1000;
    const soon = await insertLecture({ startsAt: new Date(Date.now() + 2 * day), endsAt: new Date(Date.now() + 2 * day + 3600e3) });
    const later = await insertLecture({ startsAt: new Date(Date.now() + 9 * day), endsAt: new Date(Date.now() + 9 * day + 3600e3) });
    const latest = await insertLecture({ startsAt: new Date(Date.now() + 20 * day), endsAt: new Date(Date.now() + 20 * day + 3600e3) });
    for (const lectureId of [later, latest, soon]) await book(token, { lectureId, partySize: 1 });
    const page1 = await server.graphql(MINE, { when: 'UPCOMING', first: 2 }, token);
    const page2 = await server.graphql(MINE, { when: 'UPCOMING', first: 2, after: page1.data.myBookings.pageInfo.endCursor }, token);
    const ids = [...page1.data.myBookings.edges, ...page2.data.myBookings.edges].map((e: any) => e.node.lecture.id);
    expect(ids).toEqual([soon, later, latest]);
    expect(page2.data.myBookings.pageInfo.hasNextPage).toBe(false);
    expect((await server.graphql(MINE, { when: 'PAST' }, token)).data.myBookings.edges).toEqual([]);
  });
});

describe('bad booking requests are refused and change nothing', () => {
  let server: TestServer;
  let token: string;
  let other: string;
  let lectureId: string;
  beforeAll(async () => {
    server = await startTestServer({ label: 'bookingbad', seed: false });
    token = await signIn(server, 'careful-grandpa');
    other = await signIn(server, 'someone-else');
    lectureId = await insertLecture({ maxPartySize: 3 });
  });
  afterAll(() => server.close());

  async function expectRefused(result: Awaited<ReturnType<TestServer['graphql']>>, code: string, mention?: string) {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions!.code).toBe(code);
    if (mention) expect(result.errors![0].message).toContain(mention);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\n\s+at /);
  }

  it.each([0, -1, 4])('refuses a party of %p', async (partySize) => {
    const before = await collectionCounts();
    await expectRefused(await server.graphql(BOOK, { input: { lectureId, partySize, idempotencyKey: newKey() } }, token), 'BAD_USER_INPUT', 'partySize');
    expect(await collectionCounts()).toEqual(before);
  });

  it('refuses unknown, malformed, draft, cancelled and started lectures', async () => {
    const before = await collectionCounts();
    const attempt = (id: string) => server.graphql(BOOK, { input: { lectureId: id, partySize: 1, idempotencyKey: newKey() } }, token);
    await expectRefused(await attempt(new Types.ObjectId().toHexString()), 'NOT_FOUND');
    await expectRefused(await attempt('not-an-id'), 'BAD_USER_INPUT', 'lectureId');
    await expectRefused(await attempt(await insertLecture({ status: 'DRAFT' })), 'NOT_FOUND');
    await expectRefused(await attempt(await insertLecture({ status: 'CANCELLED' })), 'CONFLICT', 'cancelled');
    await expectRefused(await attempt(await insertLecture({ startsAt: new Date(Date.now() - 60_000) })), 'CONFLICT', 'started');
    expect(await collectionCounts()).toEqual(before);
  });

  it('asks anonymous visitors and forged tokens to sign in', async () => {
    const before = await collectionCounts();
    await expectRefused(await server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }), 'UNAUTHENTICATED');
    await expectRefused(await server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, `${token}x`), 'UNAUTHENTICATED');
    expect(await collectionCounts()).toEqual(before);
  });

  it("refuses cancelling another household's booking, cancelling twice, and cancelling after the deadline", async () => {
    const booked = (await server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, token)).data.bookLecture;
    await expectRefused(await server.graphql(CANCEL, { id: booked.id }, other), 'FORBIDDEN');
    await expectRefused(await server.graphql(`query($id: ID!) { booking(id: $id) { id } }`, { id: booked.id }, other), 'FORBIDDEN');
    expect((await server.graphql(CANCEL, { id: booked.id }, token)).data.cancelBooking.status).toBe('CANCELLED');
    const before = await collectionCounts();
    await expectRefused(await server.graphql(CANCEL, { id: booked.id }, token), 'CONFLICT', 'already cancelled');
    await expectRefused(await server.graphql(CANCEL, { id: new Types.ObjectId().toHexString() }, token), 'NOT_FOUND');

    const soon = await insertLecture({ startsAt: new Date(Date.now() + 3600e3), endsAt: new Date(Date.now() + 2 * 3600e3) });
    const late = (await server.graphql(BOOK, { input: { lectureId: soon, partySize: 1, idempotencyKey: newKey() } }, token)).data.bookLecture;
    await expectRefused(await server.graphql(CANCEL, { id: late.id }, token), 'CONFLICT', 'two hours');
    expect((await server.graphql(`query($id: ID!) { booking(id: $id) { status } }`, { id: late.id }, token)).data.booking.status).toBe('CONFIRMED');
    expect((await collectionCounts()).bookings).toBe(before.bookings + 1);
  });
});
