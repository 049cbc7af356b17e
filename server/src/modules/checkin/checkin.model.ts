import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export enum CheckInMethod {
  /** The household's QR code, scanned. */
  QR = 'QR',
  /** The 8-character code, read aloud and typed. */
  SHORT_CODE = 'SHORT_CODE',
  /** Picked from the roster (by the last digits of the phone). */
  ROSTER = 'ROSTER',
  /** Came without a booking. */
  WALK_IN = 'WALK_IN',
}

/**
 * One arrival at the door. `_id` decides what counts once, however many devices scan and however
 * often an offline queue is replayed: `booking:<bookingId>` for a booked household (its first
 * scan wins), `walkin:<lectureId>:<clientScanId>` for a walk-in (a replayed record is the same one).
 * The engine has no transactions; this unique `_id` is the whole guarantee.
 */
const checkInSchema = new Schema(
  {
    _id: { type: String, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    bookingId: { type: Schema.Types.ObjectId },
    /** The household, for a booking. */
    userId: { type: Schema.Types.ObjectId },
    /** People who came in. */
    partySize: { type: Number, required: true, min: 1 },
    method: { type: String, enum: Object.values(CheckInMethod), required: true },
    /** When they came in: the device's scan time for an offline scan, else when it reached us. */
    checkedInAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    /** The scan on the device that recorded it, so the same device replaying it hears "done". */
    clientScanId: { type: String },
    note: { type: String },
  },
  { versionKey: false },
);
checkInSchema.index({ lectureId: 1, checkedInAt: 1 });

export type CheckInDoc = InferSchemaType<typeof checkInSchema> & { _id: string };
export const CheckInModel = model('CheckIn', checkInSchema, 'checkins');

export const bookingCheckInId = (bookingId: Types.ObjectId | string) => `booking:${String(bookingId)}`;
