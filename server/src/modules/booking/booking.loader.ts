import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { ACTIVE_STATUSES } from './booking-status';
import { BookingModel, SeatClaimModel, type BookingDoc } from './booking.model';
import { toBooking, type Booking } from './booking.type';

/** Seats taken per lecture: one grouped count for a whole page of lectures. */
export const createSeatsTakenLoader = () =>
  new DataLoader<string, number>(async (lectureIds) => {
    const counts = await SeatClaimModel.aggregate<{ _id: Types.ObjectId; taken: number }>([
      { $match: { lectureId: { $in: lectureIds.map((id) => new Types.ObjectId(id)) } } },
      { $group: { _id: '$lectureId', taken: { $sum: 1 } } },
    ]);
    const byLecture = new Map(counts.map((c) => [c._id.toHexString(), c.taken]));
    return lectureIds.map((id) => byLecture.get(id) ?? 0);
  });

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
