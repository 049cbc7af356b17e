import { Schema, model, type InferSchemaType } from 'mongoose';

export enum OutboxKind {
  BOOKING_CONFIRMED = 'BOOKING_CONFIRMED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  REMINDER_24H = 'REMINDER_24H',
  REMINDER_2H = 'REMINDER_2H',
}

export enum OutboxState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** No longer wanted (the booking was cancelled) or given up after the last retry. */
  DROPPED = 'DROPPED',
}

/**
 * One message to a household, written in the same step that makes it due. `_id` is the event
 * (`<kind>:<bookingId>`), so an event is queued once however often its step is retried.
 */
const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: Object.values(OutboxKind), required: true },
    bookingId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
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
