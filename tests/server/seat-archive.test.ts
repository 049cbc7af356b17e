/**
 * Past lectures' seat claims are archived into one count each: the claims collection (scanned by
 * every list and every booking on the embedded engine) keeps only what can still be booked, and
 * every lecture shows the same seats left as before.
 */
import mongoose, { Types } from 'mongoose';
import { ArchivedSeatCountModel, SeatClaimModel } from '../../server/src/modules/booking/booking.model';
import { ARCHIVE_AFTER_MS, archivePastSeatClaims } from '../../server/src/modules/booking/seat-archive';
import { insertLecture } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';


describe('archiving the seat claims of past lectures', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'seatarchive' });
  }, 120_000);
  afterAll(() => server.close());

  async function seatsLeft(ids: string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const id of ids) {
      const body = await server.graphql(`query($id: ID!) { lecture(id: $id) { seatsLeft } }`, { id });
      expect(body.errors).toBeUndefined();
      out[id] = body.data.lecture.seatsLeft;
    }
    return out;
  }

  it('moves only lectures over for a day into counts, keeps every seatsLeft, and can run again', async () => {
    const now = new Date();
    const lectures = await mongoose.connection.db!.collection('lectures').find({}, { projection: { endsAt: 1 } }).toArray();
    const cutoff = now.getTime() - ARCHIVE_AFTER_MS;
    const claimsPer = new Map<string, number>();
    for (const claim of await SeatClaimModel.find({}, { lectureId: 1 }).lean()) {
      claimsPer.set(String(claim.lectureId), (claimsPer.get(String(claim.lectureId)) ?? 0) + 1);
    }
    const past = lectures.filter((l) => l.endsAt.getTime() < cutoff && claimsPer.has(String(l._id))).map((l) => String(l._id));
    const current = lectures.filter((l) => l.endsAt.getTime() >= cutoff && claimsPer.has(String(l._id))).map((l) => String(l._id));
    expect(past.length).toBeGreaterThan(10);
    expect(current.length).toBeGreaterThan(5);
    const sample = [...past.slice(0, 8), ...current.slice(0, 8)];
    const before = await seatsLeft(sample);
    const claimsBefore = await SeatClaimModel.countDocuments({});

    const report = await archivePastSeatClaims(now);
    const pastClaims = past.reduce((sum, id) => sum + claimsPer.get(id)!, 0);
    expect(report).toEqual({ lectures: past.length, claims: pastClaims });
    expect(await SeatClaimModel.countDocuments({})).toBe(claimsBefore - pastClaims);
    expect(await SeatClaimModel.countDocuments({ lectureId: { $in: past.map((id) => new Types.ObjectId(id)) } })).toBe(0);
    const archived = await ArchivedSeatCountModel.find({}).lean();
    expect(new Map(archived.map((a) => [String(a._id), a.taken]))).toEqual(new Map(past.map((id) => [id, claimsPer.get(id)])));
    // Every lecture shows what it showed before: past ones from their count, the rest from claims.
    expect(await seatsLeft(sample)).toEqual(before);

    expect(await archivePastSeatClaims(now)).toEqual({ lectures: 0, claims: 0 });
    expect(await SeatClaimModel.countDocuments({})).toBe(claimsBefore - pastClaims);
  });

  it('finishes a run that crashed between writing the count and deleting the claims', async () => {
    const endsAt = new Date(Date.now() - ARCHIVE_AFTER_MS - 3600e3);
    const lectureId = new Types.ObjectId(await insertLecture({ startsAt: new Date(endsAt.getTime() - 5400e3), endsAt, capacity: 30 }));
    const claims = Array.from({ length: 6 }, (_, i) => ({
      _id: `${lectureId.toHexString()}:${i + 1}`, lectureId, seatNumber: i + 1, bookingId: new Types.ObjectId(), bookingSlot: `${i}:1`, attempt: 'a',
    }));
    await SeatClaimModel.collection.insertMany(claims as never[]);
    // The crashed run wrote the count of all six and deleted two claims before it stopped.
    await ArchivedSeatCountModel.create({ _id: lectureId, taken: 6, archivedAt: new Date() });
    await SeatClaimModel.deleteMany({ _id: { $in: [claims[0]._id, claims[1]._id] } });
    expect((await seatsLeft([lectureId.toHexString()]))[lectureId.toHexString()]).toBe(24);

    expect((await archivePastSeatClaims()).lectures).toBeGreaterThanOrEqual(1);
    expect(await SeatClaimModel.countDocuments({ lectureId })).toBe(0);
    expect((await ArchivedSeatCountModel.findById(lectureId).lean())!.taken).toBe(6);
    expect((await seatsLeft([lectureId.toHexString()]))[lectureId.toHexString()]).toBe(24);
  });
});
