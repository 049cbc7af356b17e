import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * A lecturer's message to the households of a lecture, kept in full: the WeChat notice carries at
 * most 20 characters of it and opens the lecture page, where the whole text is shown. `_id` is
 * `<lectureId>:<idempotencyKey>`, so a retried send keeps one message.
 */
const lectureMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    lectureId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    sentAt: { type: Date, required: true },
    sentBy: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
lectureMessageSchema.index({ lectureId: 1, sentAt: -1 });

export type LectureMessageDoc = InferSchemaType<typeof lectureMessageSchema> & { _id: string; lectureId: Types.ObjectId };
export const LectureMessageModel = model('LectureMessage', lectureMessageSchema, 'lecture_messages');
