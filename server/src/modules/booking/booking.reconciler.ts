import { Types } from 'mongoose';
import type { Logger } from '../../logger';
import { runPeriodically } from '../shared/periodic';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { BookingStatus } from './booking-status';
import { BookingCancellationModel, BookingModel, SeatClaimModel, type BookingDoc } from './booking.model';
import { applyCancellation, markConfirmed, promoteWaiting, seatOrQueue, seated } from './booking.service';
import { releaseSeats } from './seat-allocator';
import { OutboxKind, OutboxModel } from '../notification/outbox.model';
import { queueConfirmationMessages } from '../notification/outbox.service';
import { LectureStatus } from '../lecture/lecture-status';
import { cancelBookingsOfCancelledLecture } from '../lecture/lecture-admin.service';
import { noteLectureChanged } from '../outreach/outcome.service';

export interface RepairReport {
  orphanClaimsFreed: number;
  cancellationsCompleted: number;
  pendingDecided: number;
  confirmedFromClaims: number;
  partialClaimsFreed: number;
  messagesQueued: number;
  promoted: number;
  /** Bookings still active on a cancelled lecture (a crash mid-cancellation, or a booking that raced it). */
  cancelledWithLecture: number;
}

/** A crash between confirming and queueing the confirmation would leave the household untold. */
async function queueMissingConfirmations(lectureId: Types.ObjectId): Promise<number> {
  const confirmed = await BookingModel.find({ lectureId, status: BookingStatus.CONFIRMED, cancelledAt: null }).lean<BookingDoc[]>();
  if (confirmed.length === 0) return 0;
  const told = new Set(
    (await OutboxModel.find({ bookingId: { $in: confirmed.map((b) => b._id) }, kind: { $in: [OutboxKind.BOOKING_CONFIRMED, OutboxKind.WAITLIST_PROMOTED] } }, { bookingId: 1 }).lean<Array<{ bookingId: Types.ObjectId }>>())
      .map((o) => o.bookingId.toHexString()),
  );
  const untold = confirmed.filter((b) => !told.has(b._id.toHexString()));
  for (const booking of untold) await queueConfirmationMessages({ id: booking._id, userId: booking.userId }, booking.lectureStartsAt, false);
  return untold.length;
}

/** How long a booking may sit undecided before it is taken for a crash, not a request in flight. */
export const STALE_PENDING_MS = 30_000;

/**
 * Repairs what a crash between two steps of booking or cancelling can leave behind, for one
 * lecture; every repair is itself a step that is safe to repeat or to run from two processes.
 */
export async function reconcileLecture(lecture: LectureDoc, now = new Date()): Promise<RepairReport> {
  const report: RepairReport = {
    orphanClaimsFreed: 0,
    cancellationsCompleted: 0,
    pendingDecided: 0,
    confirmedFromClaims: 0,
    partialClaimsFreed: 0,
    messagesQueued: 0,
    promoted: 0,
    cancelledWithLecture: 0,
  };
  // First, so that nothing below seats a household at a lecture that will not take place.
  if (lecture.status === LectureStatus.CANCELLED) report.cancelledWithLecture = await cancelBookingsOfCancelledLecture(lecture);
  // A cancellation written over by a concurrent confirmation (see BookingCancellationModel): finish it.
  const cancellations = await BookingCancellationModel.find({ lectureId: lecture._id }).lean<Array<{ _id: Types.ObjectId; at: Date }>>();
  if (cancellations.length > 0) {
    const cancelledAt = new Map(cancellations.map((c) => [c._id.toHexString(), c.at]));
    const undone = await BookingModel.find({ lectureId: lecture._id, cancelledAt: null }).lean<BookingDoc[]>();
    for (const booking of undone.filter((b) => cancelledAt.has(b._id.toHexString()))) {
      await applyCancellation(booking, cancelledAt.get(booking._id.toHexString()));
      report.cancellationsCompleted++;
    }
  }
  const bookings = await BookingModel.find({ lectureId: lecture._id }).lean<BookingDoc[]>();
  const byId = new Map(bookings.map((b) => [b._id.toHexString(), b]));
  const claims = await SeatClaimModel.find({ lectureId: lecture._id }, { bookingId: 1 }).lean<Array<{ bookingId: Types.ObjectId }>>();
  const claimsPerBooking = new Map<string, number>();
  for (const claim of claims) {
    const id = claim.bookingId.toHexString();
    claimsPerBooking.set(id, (claimsPerBooking.get(id) ?? 0) + 1);
  }

  // Seats held by a booking that is gone or cancelled. The bookings were read before the claims,
  // so a booking made in between holds claims but is missing from that list: it is read again
  // before its seats are taken away (freeing them would let a second household sit there).
  for (const [bookingId, count] of claimsPerBooking) {
    const booking = byId.get(bookingId) ?? (await BookingModel.findById(bookingId).lean<BookingDoc>());
    if (!booking || booking.cancelledAt || booking.status === BookingStatus.CANCELLED) {
      await releaseSeats(new Types.ObjectId(bookingId));
      report.orphanClaimsFreed += count;
      claimsPerBooking.delete(bookingId);
    }
  }

  for (const booking of bookings) {
    const id = booking._id.toHexString();
    // A cancellation recorded (cancelledAt) but not finished.
    if (booking.cancelledAt && (booking.status !== BookingStatus.CANCELLED || !booking.activeKey.startsWith('cancelled:'))) {
      await BookingModel.updateOne(
        { _id: booking._id },
        { $set: { status: BookingStatus.CANCELLED, activeKey: `cancelled:${id}`, seatNumbers: [] } },
      );
      await noteLectureChanged(lecture._id);
      report.cancellationsCompleted++;
      continue;
    }
    if (booking.cancelledAt) continue;
    const held = claimsPerBooking.get(id) ?? 0;
    const undecided = booking.status === BookingStatus.PENDING || booking.status === BookingStatus.WAITLISTED;
    const stale = now.getTime() - booking.requestedAt.getTime() > STALE_PENDING_MS;
    if (undecided && held === booking.partySize && stale) {
      // Seats were claimed but the confirmation was never written.
      const seats = await SeatClaimModel.find({ bookingId: booking._id }, { seatNumber: 1 }).lean<Array<{ seatNumber: number }>>();
      await markConfirmed(booking, seats.map((s) => s.seatNumber).sort((a, b) => a - b), booking.status === BookingStatus.WAITLISTED);
      report.confirmedFromClaims++;
    } else if (undecided && held > 0 && stale) {
      await releaseSeats(booking._id);
      report.partialClaimsFreed += held;
      if (booking.status === BookingStatus.PENDING) {
        await seatOrQueue(booking, seated(lecture));
        report.pendingDecided++;
      }
    } else if (booking.status === BookingStatus.PENDING && stale) {
      await seatOrQueue(booking, seated(lecture));
      report.pendingDecided++;
    }
  }

  report.messagesQueued = await queueMissingConfirmations(lecture._id);
  report.promoted = await promoteWaiting(seated(lecture));
  return report;
}

const repaired = (report: RepairReport) => Object.values(report).some((n) => n > 0);

/** Every lecture that still has bookings to look after: those that have not ended. */
export async function reconcileAll(logger: Logger, now = new Date()): Promise<void> {
  const lectureIds = await BookingModel.distinct('lectureId', { lectureEndsAt: { $gt: now } });
  for (const lectureId of lectureIds) {
    const lecture = await LectureModel.findById(lectureId).lean<LectureDoc>();
    if (!lecture) continue;
    const report = await reconcileLecture(lecture, now);
    if (repaired(report)) logger.warn({ lectureId: String(lectureId), ...report }, 'reconciled bookings');
  }
}

/** Runs `reconcileAll` every `intervalMs` in the background; returns a stop function. */
export function startReconciler(logger: Logger, intervalMs: number): () => void {
  return runPeriodically('reconciliation', () => reconcileAll(logger), intervalMs, logger);
}
