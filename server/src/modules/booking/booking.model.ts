import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { BookingStatus } from './booking-status';

/**
 * The engine has no transactions and no atomic read-modify-write, so every invariant here is a
 * unique index, which holds across any number of server processes:
 * - `requestKey` (user + idempotency key): a retried request finds the booking it made;
 * - `activeKey` (lecture + user while active, the booking's own id once cancelled): one active
 *   booking per household per lecture;
 * - seat claims (below): one booking per seat, and never more seats than a booking asked for.
 */
const bookingSchema = new Schema(
  {
    lectureId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    partySize: { type: Number, required: true, min: 1 },
    status: { type: String, enum: Object.values(BookingStatus), required: true },
    requestKey: { type: String, required: true },
    activeKey: { type: String, required: true },
    seatNumbers: { type: [Number], default: [] },
    /** Order of the waiting list: first asked, first served. */
    requestedAt: { type: Date, required: true },
    /** Copied from the lecture, so "upcoming" and "past" page without a join. */
    lectureStartsAt: { type: Date, required: true },
    lectureEndsAt: { type: Date, required: true },
    confirmedAt: { type: Date },
    /** Set once, first of all steps of a cancellation: the durable word that it happened. */
    cancelledAt: { type: Date },
  },
  { versionKey: false },
);
bookingSchema.index({ requestKey: 1 }, { unique: true });
bookingSchema.index({ activeKey: 1 }, { unique: true });
bookingSchema.index({ lectureId: 1, status: 1, requestedAt: 1 });
bookingSchema.index({ userId: 1, lectureEndsAt: 1, lectureStartsAt: 1 });

export type BookingDoc = InferSchemaType<typeof bookingSchema> & { _id: Types.ObjectId };
export const BookingModel = model('Booking', bookingSchema, 'bookings');

/**
 * One document per taken seat: `_id` is `<lectureId>:<seat number>`, so two bookings can never
 * hold one seat, and `bookingSlot` is `<bookingId>:<k>` for its k-th seat, so two processes
 * promoting the same booking can never give it more seats than it asked for.
 */
const seatClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    seatNumber: { type: Number, required: true },
    bookingId: { type: Schema.Types.ObjectId, required: true },
    bookingSlot: { type: String, required: true },
    /** Which allocation attempt wrote it, so an attempt that loses a race releases only its own. */
    attempt: { type: String, required: true },
  },
  { versionKey: false },
);
seatClaimSchema.index({ bookingSlot: 1 }, { unique: true });
seatClaimSchema.index({ lectureId: 1 });
seatClaimSchema.index({ bookingId: 1 });

export type SeatClaimDoc = InferSchemaType<typeof seatClaimSchema>;
export const SeatClaimModel = model('SeatClaim', seatClaimSchema, 'seat_claims');

/** Seat claims per lecture, one grouped count for many lectures; lectures with none are absent. */
export function countSeatClaims(lectureIds: Types.ObjectId[]): Promise<Array<{ _id: Types.ObjectId; taken: number }>> {
  return SeatClaimModel.aggregate<{ _id: Types.ObjectId; taken: number }>([
    { $match: { lectureId: { $in: lectureIds } } },
    { $group: { _id: '$lectureId', taken: { $sum: 1 } } },
  ]).exec();
}

/**
 * The durable word that a household cancelled, one per booking (`_id` is the booking's id), written
 * before the booking itself. FerretDB 1.x updates by reading a document and writing all of it back,
 * so a promotion confirming a waiting booking at the moment its household cancels can write the
 * booking back as CONFIRMED, erasing `cancelledAt` (seen under sustained load). An insert under a
 * unique `_id` cannot be undone that way: whoever confirms checks it afterwards, and the reconciler
 * finishes any cancellation it finds unfinished.
 */
const bookingCancellationSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
bookingCancellationSchema.index({ lectureId: 1 });

export const BookingCancellationModel = model('BookingCancellation', bookingCancellationSchema, 'booking_cancellations');

/**
 * How many seats a past lecture's bookings held, written when its seat claims are archived
 * (seat-archive.ts); `_id` is the lecture's id. Written once, never changed.
 */
const archivedSeatCountSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    taken: { type: Number, required: true },
    archivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const ArchivedSeatCountModel = model('ArchivedSeatCount', archivedSeatCountSchema, 'archived_seat_counts');
