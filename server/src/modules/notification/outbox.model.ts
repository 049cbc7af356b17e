import { Schema, model, type InferSchemaType } from 'mongoose';

export enum OutboxKind {
  BOOKING_CONFIRMED = 'BOOKING_CONFIRMED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  REMINDER_24H = 'REMINDER_24H',
  REMINDER_2H = 'REMINDER_2H',
  /** To a lecturer: an organizer approved or rejected their course or lecture. */
  REVIEW_RESULT = 'REVIEW_RESULT',
  /** To a household: its lecture was cancelled. */
  LECTURE_CANCELLED = 'LECTURE_CANCELLED',
  /** To a household: a message from the lecturer of a lecture it booked. */
  LECTURER_MESSAGE = 'LECTURER_MESSAGE',
}

/** Kinds whose message is written in full when queued, rather than composed from a booking when sent. */
export const NOTICE_KINDS = [OutboxKind.REVIEW_RESULT, OutboxKind.LECTURE_CANCELLED, OutboxKind.LECTURER_MESSAGE];

export enum OutboxState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** No longer wanted (the booking was cancelled) or given up after the last retry. */
  DROPPED = 'DROPPED',
}

/**
 * One message to a user, written in the same step that makes it due. `_id` is the event
 * (`<kind>:<bookingId>` for booking messages, a key of the notice's own otherwise), so an event is
 * queued once however often its step is retried.
 */
const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: Object.values(OutboxKind), required: true },
    /** Booking messages: composed from the booking when sent, dropped if it no longer holds seats. */
    bookingId: { type: Schema.Types.ObjectId },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** Notices: the page to open and the template's fields, fixed when queued. */
    page: { type: String },
    data: { type: Schema.Types.Mixed },
    state: { type: String, enum: Object.values(OutboxState), required: true, default: OutboxState.PENDING },
    /** Not before this instant: reminders wait for their hour. */
    dueAt: { type: Date, required: true },
    /** Attempts claimed so far; attempt n is claimed by inserting `<_id>#<n>` into outbox_attempts. */
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String },
    sentAt: { type: Date },
  },
  { versionKey: false, timestamps: true },
);
outboxSchema.index({ state: 1, dueAt: 1 });
outboxSchema.index({ bookingId: 1 });

export type OutboxDoc = InferSchemaType<typeof outboxSchema> & { _id: string };
export const OutboxModel = model('Outbox', outboxSchema, 'outbox');

/**
 * The claim of one delivery attempt. Inserting `<event>#<n>` can succeed in one process only, so
 * two workers never send the same attempt; an attempt that crashed mid-send is never re-claimed,
 * so a message is never sent twice (at the price of one possibly lost to a crash).
 */
const attemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const OutboxAttemptModel = model('OutboxAttempt', attemptSchema, 'outbox_attempts');
