import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * What one lecture's raw records add up to, one small document per lecture (`_id` = the lecture's).
 * The engine decodes a whole collection for any filter but `_id` equality, so the report reads
 * these (one per lecture) instead of every booking, check-in and feedback of the year. Only
 * tallies live here: the lecture's own fields (status, time, county, venue type, capacity) are
 * read from the lecture, so editing a lecture never leaves a stale copy behind.
 */
const lectureOutcomeSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    /** Seats of bookings CONFIRMED, CHECKED_IN or NO_SHOW (not cancelled). */
    seatsBooked: { type: Number, required: true },
    householdsBooked: { type: Number, required: true },
    noShowSeats: { type: Number, required: true },
    /** People of booked households who came in (check-ins other than walk-ins). */
    peopleCheckedIn: { type: Number, required: true },
    walkInPeople: { type: Number, required: true },
    /** Distinct households checked in, so a report can count distinct households across lectures. */
    householdIds: { type: [Schema.Types.ObjectId], default: [] },
    ratingSum: { type: Number, required: true },
    ratingCount: { type: Number, required: true },
    /** When the raw records were read: an older computation never overwrites a newer one. */
    computedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type LectureOutcomeDoc = InferSchemaType<typeof lectureOutcomeSchema> & { _id: Types.ObjectId; householdIds: Types.ObjectId[] };
export const LectureOutcomeModel = model('LectureOutcome', lectureOutcomeSchema, 'lecture_outcomes');

/**
 * "This lecture's tallies changed": appended after each write that changes them, and deleted (by
 * `_id`) by the refresh that recomputed the lecture after reading it. Append-only because the
 * engine has no atomic read-modify-write: a mark written while a refresh runs is simply left for
 * the next one, so no change is ever lost between two refreshes.
 */
const outreachChangeSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type OutreachChangeDoc = InferSchemaType<typeof outreachChangeSchema> & { _id: Types.ObjectId; lectureId: Types.ObjectId };
export const OutreachChangeModel = model('OutreachChange', outreachChangeSchema, 'outreach_changes');
