import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export enum ReviewSubject {
  COURSE = 'COURSE',
  LECTURE = 'LECTURE',
}

export enum ReviewVerdict {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * The audit trail of review: one document per decision, never changed. `_id` is
 * `<subject>:<id>:<revision>`, so one revision gets one decision even when two organizers press
 * at the same instant: the engine has no transactions, the unique `_id` decides who was first.
 */
const reviewDecisionSchema = new Schema(
  {
    _id: { type: String, required: true },
    subjectType: { type: String, enum: Object.values(ReviewSubject), required: true },
    subjectId: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    verdict: { type: String, enum: Object.values(ReviewVerdict), required: true },
    reason: { type: String },
    reviewerId: { type: Schema.Types.ObjectId, required: true },
    reviewerName: { type: String, required: true },
    /** The county the subject belongs to, so a county's decisions can be listed. */
    countyCode: { type: String },
    decidedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
reviewDecisionSchema.index({ subjectId: 1, decidedAt: 1 });
reviewDecisionSchema.index({ countyCode: 1, decidedAt: 1 });

export type ReviewDecisionDoc = InferSchemaType<typeof reviewDecisionSchema> & { _id: string; subjectId: Types.ObjectId };
export const ReviewDecisionModel = model('ReviewDecision', reviewDecisionSchema, 'review_decisions');
