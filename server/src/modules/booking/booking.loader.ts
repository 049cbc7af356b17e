import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { ACTIVE_STATUSES } from './booking-status';
import { ArchivedSeatCountModel, BookingModel, countSeatClaims, type BookingDoc } from './booking.model';
import { toBooking, type Booking } from './booking.type';

export interface SeatsTakenKey {
  lectureId: string;
  /** Whether the lecture has ended: its seat claims may have been archived into one count. */
  ended: boolean;
}

/**
 * Seats taken per lecture: one grouped count of seat claims for a whole page of lectures, and for
 * a page with past lectures also their archived counts (seat-archive.ts), read at the same time.
 */
export const createSeatsTakenLoader = () =>
  new DataLoader<SeatsTakenKey, number, string>(
    async (keys) => {
      const ended = keys.filter((key) => key.ended).map((key) => new Types.ObjectId(key.lectureId));
      const [counts, archived] = await Promise.all([
        countSeatClaims(keys.map((key) => new Types.ObjectId(key.lectureId))),
        ended.length ? ArchivedSeatCountModel.find({ _id: { $in: ended } }).lean<Array<{ _id: Types.ObjectId; taken: number }>>() : [],
      ]);
      const byLecture = new Map(counts.map((c) => [c._id.toHexString(), c.taken]));
      // An archived count is whole; claims left beside it are ones a crashed archive run did not delete yet.
      for (const c of archived) byLecture.set(c._id.toHexString(), c.taken);
      return keys.map((key) => byLecture.get(key.lectureId) ?? 0);
    },
    { cacheKeyFn: (key) => key.lectureId },
  );

/** The viewer's active booking per lecture, for `Lecture.myBooking` on a whole page at once. */
export const createMyBookingLoader = (userId: string | null) =>
  new DataLoader<string, Booking | null>(async (lectureIds) => {
    if (!userId) return lectureIds.map(() => null);
    const docs = await BookingModel.find({
      userId: new Types.ObjectId(userId),
      lectureId: { $in: lectureIds.map((id) => new Types.ObjectId(id)) },
      status: { $in: ACTIVE_STATUSES },
      cancelledAt: null,
    }).lean<BookingDoc[]>();
    const byLecture = new Map(docs.map((doc) => [doc.lectureId.toHexString(), toBooking(doc)]));
    return lectureIds.map((id) => byLecture.get(id) ?? null);
  });
