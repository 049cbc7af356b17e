import { Schema, model, type Types } from 'mongoose';

/**
 * A parent's place in one chapter. `_id` is `<userId>:<courseId>:<chapterId>`, so a chapter has
 * one progress document per parent however often (or concurrently) the player saves.
 */
const chapterProgressSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    chapterId: { type: Schema.Types.ObjectId, required: true },
    /** Where to resume, in seconds (articles: how far the parent scrolled, as the player reports it). */
    positionSeconds: { type: Number, required: true, min: 0 },
    /** Only ever set to true: a finished chapter stays finished when it is played again. */
    completed: { type: Boolean, required: true, default: false },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
chapterProgressSchema.index({ userId: 1, courseId: 1 });
chapterProgressSchema.index({ userId: 1, updatedAt: -1 });

export interface ChapterProgressDoc {
  _id: string;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  chapterId: Types.ObjectId;
  positionSeconds: number;
  completed: boolean;
  updatedAt: Date;
}

export const ChapterProgressModel = model('ChapterProgress', chapterProgressSchema, 'chapter_progress');

export const progressId = (userId: string, courseId: string, chapterId: string) => `${userId}:${courseId}:${chapterId}`;

/**
 * A certificate of completion (结业证书). `_id` is `<userId>:<courseId>`, so it is issued once even
 * when a chapter's completion and a check-in at a linked lecture finish the course at the same time.
 * What it says (names, title) is copied when issued, as on paper.
 */
const certificateSchema = new Schema(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    recipientName: { type: String, required: true },
    courseTitle: { type: String, required: true },
    lecturerName: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
certificateSchema.index({ number: 1 }, { unique: true });
certificateSchema.index({ userId: 1, issuedAt: -1 });

export interface CertificateDoc {
  _id: string;
  number: string;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  recipientName: string;
  courseTitle: string;
  lecturerName: string;
  issuedAt: Date;
}

export const CertificateModel = model('Certificate', certificateSchema, 'certificates');

export const certificateId = (userId: string, courseId: string) => `${userId}:${courseId}`;
