import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { OutboxKind, OutboxModel, OutboxState } from './outbox.model';

const HOUR = 3600 * 1000;

async function enqueue(kind: OutboxKind, booking: { id: Types.ObjectId; userId: Types.ObjectId }, dueAt: Date): Promise<void> {
  try {
    await OutboxModel.create({ _id: `${kind}:${booking.id.toHexString()}`, kind, bookingId: booking.id, userId: booking.userId, dueAt });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // already queued by an earlier try of this step
  }
}

/**
 * Seats were given: tell the household at once, and remind it 24 h and 2 h before the start
 * (reminders already past their hour are not queued).
 */
export async function queueConfirmationMessages(
  booking: { id: Types.ObjectId; userId: Types.ObjectId },
  lectureStartsAt: Date,
  promoted: boolean,
  now = new Date(),
): Promise<void> {
  await enqueue(promoted ? OutboxKind.WAITLIST_PROMOTED : OutboxKind.BOOKING_CONFIRMED, booking, now);
  for (const [kind, before] of [[OutboxKind.REMINDER_24H, 24 * HOUR], [OutboxKind.REMINDER_2H, 2 * HOUR]] as const) {
    const dueAt = new Date(lectureStartsAt.getTime() - before);
    if (dueAt > now) await enqueue(kind, booking, dueAt);
  }
}

/** A cancelled booking wants no more messages. */
export async function dropMessagesFor(bookingId: Types.ObjectId): Promise<void> {
  await OutboxModel.updateMany({ bookingId, state: OutboxState.PENDING }, { $set: { state: OutboxState.DROPPED, lastError: 'booking cancelled' } });
}

export interface Notice {
  /** Unique per event, so retrying the step that queues it queues it once. */
  key: string;
  kind: OutboxKind;
  userId: Types.ObjectId;
  /** Mini program page the message opens. */
  page: string;
  /** The subscribe-message template's fields (thing1, time2, ...). */
  data: Record<string, string>;
}

/** Queues a message written in full now (review results, cancellations, lecturers' messages). */
export async function queueNotice(notice: Notice, now = new Date()): Promise<void> {
  try {
    await OutboxModel.create({ _id: `${notice.kind}:${notice.key}`, kind: notice.kind, userId: notice.userId, page: notice.page, data: notice.data, dueAt: now });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
