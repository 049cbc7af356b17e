import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { reconcileLecture } from '../../server/src/modules/booking/booking.reconciler';
import { LectureModel, type LectureDoc } from '../../server/src/modules/lecture/lecture.model';
import { insertLecture } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';

/** What a crash between two steps leaves behind, written by hand, then repaired. */
describe('repairing bookings after a crash', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'repair', seed: false });
  });
  afterAll(() => server.close());

  const db = () => mongoose.connection.db!;
  const longAgo = new Date(Date.now() - 10 * 60 * 1000);

  async function booking(lectureId: string, fields: Record<string, unknown>) {
    const id = new Types.ObjectId();
    const lecture = await LectureModel.findById(lectureId).lean<LectureDoc>();
    const userId = new Types.ObjectId();
    await db().collection('bookings').insertOne({
      _id: id,
      lectureId: new Types.ObjectId(lectureId),
      userId,
      partySize: 1,
      status: 'PENDING',
      requestKey: `${userId}:${id}`,
      activeKey: `${lectureId}:${userId}`,
      seatNumbers: [],
      requestedAt: longAgo,
      lectureStartsAt: lecture!.startsAt,
      lectureEndsAt: lecture!.endsAt,
      ...fields,
    });
    return id;
  }
  const claim = (lectureId: string, bookingId: Types.ObjectId, seat: number, k = 1) =>
    db().collection('seat_claims').insertOne({
      _id: `${lectureId}:${seat}` as never,
      lectureId: new Types.ObjectId(lectureId),
      seatNumber: seat,
      bookingId,
      bookingSlot: `${bookingId.toHexString()}:${k}`,
      attempt: 'crashed',
    });
  const statusOf = async (id: Types.ObjectId) => (await db().collection('bookings').findOne({ _id: id }))!.status;
  const reconcile = async (lectureId: string) => reconcileLecture((await LectureModel.findById(lectureId).lean<LectureDoc>())!);

  it('decides a booking left undecided, and confirms one whose seats were claimed but not recorded', async () => {
    const lectureId = await insertLecture({ capacity: 5 });
    const undecided = await booking(lectureId, {});
    const claimedOnly = await booking(lectureId, { partySize: 2 });
    await claim(lectureId, claimedOnly, 4, 1);
    await claim(lectureId, claimedOnly, 5, 2);
    const report = await reconcile(lectureId);
    expect(report).toMatchObject({ pendingDecided: 1, confirmedFromClaims: 1 });
    expect(await statusOf(undecided)).toBe('CONFIRMED');
    expect(await statusOf(claimedOnly)).toBe('CONFIRMED');
    expect((await db().collection('bookings').findOne({ _id: claimedOnly }))!.seatNumbers).toEqual([4, 5]);
    expect(await reconcile(lectureId)).toMatchObject({ pendingDecided: 0, confirmedFromClaims: 0, orphanClaimsFreed: 0 });
  });

  it('frees seats still held by a cancelled booking and gives them to the waiting list', async () => {
    const lectureId = await insertLecture({ capacity: 1 });
    const cancelled = await booking(lectureId, { status: 'CONFIRMED', cancelledAt: longAgo, seatNumbers: [1] });
    await claim(lectureId, cancelled, 1);
    const waiting = await booking(lectureId, { status: 'WAITLISTED' });
    const report = await reconcile(lectureId);
    expect(report).toMatchObject({ orphanClaimsFreed: 1, cancellationsCompleted: 1, promoted: 1 });
    expect(await statusOf(cancelled)).toBe('CANCELLED');
    expect((await db().collection('bookings').findOne({ _id: cancelled }))!.activeKey).toBe(`cancelled:${cancelled.toHexString()}`);
    expect(await statusOf(waiting)).toBe('CONFIRMED');
    expect(await db().collection('seat_claims').countDocuments({ lectureId: new Types.ObjectId(lectureId) })).toBe(1);
  });

  it('releases a half-claimed household and seats it again whole', async () => {
    const lectureId = await insertLecture({ capacity: 4 });
    const half = await booking(lectureId, { partySize: 3 });
    await claim(lectureId, half, 1, 1);
    const report = await reconcile(lectureId);
    expect(report).toMatchObject({ partialClaimsFreed: 1, pendingDecided: 1 });
    expect(await statusOf(half)).toBe('CONFIRMED');
    expect(await db().collection('seat_claims').countDocuments({ bookingId: half })).toBe(3);
  });

  it('leaves a booking still being decided alone', async () => {
    const lectureId = await insertLecture({ capacity: 4 });
    const inFlight = await booking(lectureId, { requestedAt: new Date() });
    expect(await reconcile(lectureId)).toMatchObject({ pendingDecided: 0 });
    expect(await statusOf(inFlight)).toBe('PENDING');
  });
});
