import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { badUserInput, conflict, forbidden, notFound } from '../../errors';
import { DEFAULT_MAX_PARTY_SIZE, LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { LectureStatus, UNPUBLISHED_STATUSES } from '../lecture/lecture-status';
import { isDuplicateKeyError, retryWhileBusy } from '../shared/mongo-errors';
import { parseObjectId } from '../shared/object-id';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/pagination';
import { BookingStatus } from './booking-status';
import { cancellationDeadline } from './booking-rules';
import { BookingCancellationModel, BookingModel, SeatClaimModel, type BookingDoc } from './booking.model';
import { BookingTime, type BookLectureInput, type MyBookingsArgs } from './booking.input';
import { toBooking, type Booking, type BookingConnection } from './booking.type';
import { claimSeats, releaseSeats } from './seat-allocator';
import { bookingCheckInId, CheckInModel } from '../checkin/checkin.model';
import { dropMessagesFor, queueConfirmationMessages } from '../notification/outbox.service';
import { noteLectureChanged } from '../outreach/outcome.service';

export interface SeatedLecture {
  id: Types.ObjectId;
  capacity: number;
}

export const seated = (lecture: LectureDoc): SeatedLecture => ({ id: lecture._id, capacity: lecture.capacity });

async function loadBookableLecture(lectureId: string): Promise<LectureDoc> {
  const id = parseObjectId(lectureId, 'input.lectureId');
  const lecture = await LectureModel.findById(id).lean<LectureDoc>();
  if (!lecture || UNPUBLISHED_STATUSES.includes(lecture.status as LectureStatus)) throw notFound('Lecture', lectureId);
  if (lecture.status === LectureStatus.CANCELLED) throw conflict('This lecture has been cancelled');
  if (lecture.startsAt.getTime() <= Date.now()) throw conflict('This lecture has already started');
  return lecture;
}

/**
 * Books seats for the viewer's household. Every step is a single write guarded by a unique index,
 * so the outcome is the same with one server process or several, and a retry of the same
 * idempotency key returns the first booking instead of making a second.
 */
export async function bookLecture(viewer: Viewer, input: BookLectureInput, again = false): Promise<Booking> {
  const userId = new Types.ObjectId(viewer.userId);
  const requestKey = `${viewer.userId}:${input.idempotencyKey}`;

  const earlier = await BookingModel.findOne({ requestKey }).lean<BookingDoc>();
  if (earlier) return replay(earlier, input);

  const lecture = await loadBookableLecture(input.lectureId);
  const maxPartySize = lecture.maxPartySize ?? DEFAULT_MAX_PARTY_SIZE;
  if (input.partySize > maxPartySize) {
    throw badUserInput('input.partySize', `input.partySize may be at most ${maxPartySize} for this lecture`);
  }

  let booking: BookingDoc;
  try {
    booking = (
      await BookingModel.create({
        lectureId: lecture._id,
        userId,
        partySize: input.partySize,
        status: BookingStatus.PENDING,
        requestKey,
        activeKey: `${lecture._id.toHexString()}:${viewer.userId}`,
        requestedAt: new Date(),
        lectureStartsAt: lecture.startsAt,
        lectureEndsAt: lecture.endsAt,
      })
    ).toObject() as BookingDoc;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const racing = await BookingModel.findOne({ requestKey }).lean<BookingDoc>();
    if (racing) return replay(racing, input);
    const active = await BookingModel.findOne({ activeKey: `${lecture._id.toHexString()}:${viewer.userId}` }).lean<BookingDoc>();
    // The household cancelled it, but a confirmation racing the cancellation wrote it back (see
    // BookingCancellationModel) and its repair is still under way: finish the repair, book once more.
    const cancelled = active && !again ? await BookingCancellationModel.findById(active._id).lean<{ at: Date }>() : null;
    if (active && cancelled) {
      await applyCancellation(active, cancelled.at);
      return bookLecture(viewer, input, true);
    }
    throw conflict('You already have a booking for this lecture', { bookingId: active?._id.toHexString() });
  }

  await seatOrQueue(booking, seated(lecture));
  return toBooking((await BookingModel.findById(booking._id).lean<BookingDoc>())!);
}

/** The first answer to an idempotency key, once it is decided (a concurrent retry waits for it). */
async function replay(booking: BookingDoc, input: BookLectureInput): Promise<Booking> {
  if (booking.lectureId.toHexString() !== input.lectureId || booking.partySize !== input.partySize) {
    throw badUserInput('input.idempotencyKey', 'input.idempotencyKey was already used for a different booking');
  }
  let current = booking;
  for (let i = 0; current.status === BookingStatus.PENDING && i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = (await BookingModel.findById(booking._id).lean<BookingDoc>()) ?? current;
  }
  return toBooking(current);
}

/** A new booking takes seats unless others are already waiting, then queues behind them. */
export async function seatOrQueue(booking: BookingDoc, lecture: SeatedLecture): Promise<void> {
  const someoneWaiting = await BookingModel.exists({ lectureId: lecture.id, status: BookingStatus.WAITLISTED, cancelledAt: null });
  if (!someoneWaiting) {
    const outcome = await claimSeats(lecture, { id: booking._id, partySize: booking.partySize });
    if (outcome.kind === 'CLAIMED') {
      await markConfirmed(booking, outcome.seats, false);
      return;
    }
  }
  await retryWhileBusy(() => BookingModel.updateOne({ _id: booking._id, status: BookingStatus.PENDING }, { $set: { status: BookingStatus.WAITLISTED } }));
  // Seats may have been freed while this request was deciding: let the queue have them.
  await promoteWaiting(lecture);
}

/**
 * Records the seats and queues the household's confirmation and reminders. The `cancelledAt: null`
 * guard is not atomic on FerretDB: a cancellation landing meanwhile can be written over, so the
 * cancellation's own record is checked afterwards and, if there, the cancellation is applied again.
 */
export async function markConfirmed(booking: BookingDoc, seats: number[], promoted: boolean): Promise<void> {
  await retryWhileBusy(() =>
    BookingModel.updateOne(
      { _id: booking._id, cancelledAt: null },
      { $set: { status: BookingStatus.CONFIRMED, seatNumbers: seats, confirmedAt: new Date() } },
    ),
  );
  const cancelled = await BookingCancellationModel.findById(booking._id).lean<{ at: Date }>();
  if (cancelled) {
    await applyCancellation(booking, cancelled.at);
    return;
  }
  await noteLectureChanged(booking.lectureId);
  await queueConfirmationMessages({ id: booking._id, userId: booking.userId }, booking.lectureStartsAt, promoted);
}

/**
 * Gives free seats to waiting households in the order they asked. One that does not fit keeps
 * its place; later ones that fit are seated. Safe to run from several processes at once: the
 * seat claims decide, and a booking being seated elsewhere is skipped here.
 */
export async function promoteWaiting(lecture: SeatedLecture): Promise<number> {
  let free = lecture.capacity - (await SeatClaimModel.countDocuments({ lectureId: lecture.id }));
  if (free <= 0) return 0;
  const waiting = await BookingModel.find({ lectureId: lecture.id, status: BookingStatus.WAITLISTED, cancelledAt: null })
    .sort({ requestedAt: 1, _id: 1 })
    .lean<BookingDoc[]>();
  let promoted = 0;
  for (const booking of waiting) {
    if (free <= 0) break;
    if (booking.partySize > free) continue;
    const outcome = await claimSeats(lecture, { id: booking._id, partySize: booking.partySize });
    if (outcome.kind === 'CLAIMED') {
      await markConfirmed(booking, outcome.seats, true);
      free -= booking.partySize;
      promoted++;
    } else if (outcome.kind === 'NO_ROOM') {
      free = lecture.capacity - (await SeatClaimModel.countDocuments({ lectureId: lecture.id }));
    }
  }
  return promoted;
}

async function loadOwnBooking(viewer: Viewer, bookingId: string, field: string): Promise<BookingDoc> {
  const booking = await BookingModel.findById(parseObjectId(bookingId, field)).lean<BookingDoc>();
  if (!booking) throw notFound('Booking', bookingId);
  if (booking.userId.toHexString() !== viewer.userId) throw forbidden('This booking belongs to another household');
  return booking;
}

/**
 * The steps of cancelling one booking, in the order that survives a crash: the cancellation is
 * written first (the reconciler finishes whatever follows), then the seats are freed and the
 * household's pending messages dropped. Each step is safe to repeat. Used by a household's own
 * cancellation and by a lecture's.
 */
export async function applyCancellation(booking: { _id: Types.ObjectId; lectureId: Types.ObjectId }, now = new Date()): Promise<void> {
  const bookingId = booking._id;
  try {
    await retryWhileBusy(() => BookingCancellationModel.collection.insertOne({ _id: bookingId, lectureId: booking.lectureId, at: now }));
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // cancelled before: the steps below are safe to repeat
  }
  await retryWhileBusy(() =>
    BookingModel.updateOne(
      { _id: bookingId },
      { $set: { cancelledAt: now, status: BookingStatus.CANCELLED, activeKey: `cancelled:${bookingId.toHexString()}`, seatNumbers: [] } },
    ),
  );
  // Marked right after the write that changes the tallies, so a failure in the steps below
  // (which the reconciler finishes) cannot leave the report without its mark.
  await noteLectureChanged(booking.lectureId);
  await releaseSeats(bookingId);
  await dropMessagesFor(bookingId);
}

/** Cancels before the deadline: the cancellation is written first, then the seats are freed. */
export async function cancelBooking(viewer: Viewer, bookingId: string): Promise<Booking> {
  const booking = await loadOwnBooking(viewer, bookingId, 'id');
  const status = toBooking(booking).status;
  if (status === BookingStatus.CANCELLED) throw conflict('This booking is already cancelled');
  if (status === BookingStatus.CHECKED_IN || status === BookingStatus.NO_SHOW) throw conflict('This lecture has already taken place for this booking');
  if (Date.now() > cancellationDeadline(booking.lectureStartsAt).getTime()) {
    throw conflict('Bookings can be cancelled until two hours before the lecture starts');
  }
  // The door opens before the cancellation deadline: a household already let in has come.
  if (await CheckInModel.exists({ _id: bookingCheckInId(booking._id) })) throw conflict('This household has already been checked in at the door');
  await applyCancellation(booking);
  const lecture = await LectureModel.findById(booking.lectureId).lean<LectureDoc>();
  if (lecture) await promoteWaiting(seated(lecture));
  return toBooking((await BookingModel.findById(booking._id).lean<BookingDoc>())!);
}

export async function getOwnBooking(viewer: Viewer, bookingId: string): Promise<Booking | null> {
  const booking = await BookingModel.findById(parseObjectId(bookingId, 'id')).lean<BookingDoc>();
  if (!booking) return null;
  if (booking.userId.toHexString() !== viewer.userId) throw forbidden('This booking belongs to another household');
  return toBooking(booking);
}

/** 1 for the next household to be seated; counts only those still waiting ahead. */
export async function waitlistPosition(booking: Booking): Promise<number | null> {
  if (booking.status !== BookingStatus.WAITLISTED) return null;
  const ahead = await BookingModel.countDocuments({
    lectureId: new Types.ObjectId(booking.lectureId),
    status: BookingStatus.WAITLISTED,
    cancelledAt: null,
    $or: [{ requestedAt: { $lt: booking.requestedAt } }, { requestedAt: booking.requestedAt, _id: { $lt: new Types.ObjectId(booking.id) } }],
  });
  return ahead + 1;
}

export async function listMyBookings(viewer: Viewer, { when, first: requested, after }: MyBookingsArgs): Promise<BookingConnection> {
  const first = requested ?? 20;
  const upcoming = when === BookingTime.UPCOMING;
  const now = new Date();
  const conditions: Record<string, unknown>[] = [
    { userId: new Types.ObjectId(viewer.userId) },
    // A lecture under way is still "upcoming": its ticket is needed at the door.
    { lectureEndsAt: upcoming ? { $gt: now } : { $lte: now } },
  ];
  if (after) {
    const { time, id } = decodeTimeCursor(after, 'after');
    const beyond = upcoming ? '$gt' : '$lt';
    conditions.push({ $or: [{ lectureStartsAt: { [beyond]: time } }, { lectureStartsAt: time, _id: { [beyond]: id } }] });
  }
  const direction = upcoming ? 1 : -1;
  const docs = await BookingModel.find({ $and: conditions })
    .sort({ lectureStartsAt: direction, _id: direction })
    .limit(first + 1)
    .lean<BookingDoc[]>();
  const edges = docs.slice(0, first).map((doc) => ({ cursor: encodeTimeCursor({ time: doc.lectureStartsAt, id: doc._id }), node: toBooking(doc) }));
  return { edges, pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

