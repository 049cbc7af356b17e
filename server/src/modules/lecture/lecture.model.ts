import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { VENUE_TYPES } from '../venue/venue-type';
import { LectureStatus } from './lecture-status';
import { AgeGroup } from '../user/user-enums';

export const DEFAULT_MAX_PARTY_SIZE = 4;

const lectureSchema = new Schema(
  {
    title: { type: String, required: true },
    summary: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    venueId: { type: Schema.Types.ObjectId, required: true },
    lecturerId: { type: Schema.Types.ObjectId, required: true },
    capacity: { type: Number, required: true, min: 1 },
    /** Seats one household may book at once. */
    maxPartySize: { type: Number, min: 1, default: DEFAULT_MAX_PARTY_SIZE },
    status: { type: String, enum: Object.values(LectureStatus), default: LectureStatus.PUBLISHED },
    tags: { type: [String], default: [] },
    /** Children's stages the lecture speaks to; empty (or absent) means every age. */
    audienceAgeGroups: { type: [String], enum: Object.values(AgeGroup), default: [] },
    // Copied from the venue so that lists filter and reports group without a join: the engine
    // has no $lookup, and a venue's type and county do not change once lectures are held there.
    venueType: { type: String, enum: VENUE_TYPES, required: true },
    countyCode: { type: String, required: true },
    /** The course the lecture teaches, if any: attending it counts toward completing the course. */
    courseId: { type: Schema.Types.ObjectId },
    /** A campaign the lecture belongs to, e.g. 家庭教育宣传周. */
    campaignTag: { type: String },
    /** Counts proposals: each resubmission after a rejection is reviewed as a new revision. */
    proposalRevision: { type: Number, default: 1 },
    proposedAt: { type: Date },
    rejectionReason: { type: String },
    cancellationReason: { type: String },
    cancelledAt: { type: Date },
    /** Accounts the lecturer asked to check households in at the door (volunteers, venue staff). */
    staffUserIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { versionKey: false, timestamps: true },
);
// The list pages by (startsAt, _id); the filters narrow by venue type and county first.
lectureSchema.index({ startsAt: 1, _id: 1 });
lectureSchema.index({ venueType: 1, startsAt: 1 });
lectureSchema.index({ countyCode: 1, startsAt: 1 });
lectureSchema.index({ lecturerId: 1, startsAt: 1 });
lectureSchema.index({ status: 1, proposedAt: 1 });
lectureSchema.index({ courseId: 1 });
// "My lectures" of a volunteer: those whose door they were asked to keep.
lectureSchema.index({ staffUserIds: 1 });

export type LectureDoc = InferSchemaType<typeof lectureSchema> & { _id: Types.ObjectId };
export const LectureModel = model('Lecture', lectureSchema, 'lectures');
