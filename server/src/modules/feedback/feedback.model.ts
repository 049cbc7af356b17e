import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { FeedbackTopic } from './feedback-topic';

/**
 * One household's word on one lecture. `_id` is `<lectureId>:<userId>`, so a household gives
 * feedback once even when two submissions race: the engine has no transactions, the unique `_id`
 * decides which one was first.
 */
const feedbackSchema = new Schema(
  {
    _id: { type: String, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The checked-in booking that entitled the household to speak. */
    bookingId: { type: Schema.Types.ObjectId, required: true },
    rating: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String },
    understood: { type: Boolean },
    willTryAtHome: { type: Boolean },
    wantedTopics: { type: [String], enum: Object.values(FeedbackTopic), default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// The lecturer's summary: every feedback of a lecture, the latest comments first.
feedbackSchema.index({ lectureId: 1, createdAt: -1 });

export type FeedbackDoc = InferSchemaType<typeof feedbackSchema> & { _id: string; lectureId: Types.ObjectId; userId: Types.ObjectId };
export const FeedbackModel = model('Feedback', feedbackSchema, 'feedback');

export const feedbackId = (lectureId: string, userId: string) => `${lectureId}:${userId}`;
