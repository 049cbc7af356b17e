import { Schema, model, type Types } from 'mongoose';
import { AgeGroup } from '../user/user-enums';
import { ChapterKind, RevisionState } from './course-status';

/** Chapter ids stay the same across revisions, so a parent's progress carries over an edit. */
const chapterSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: Object.values(ChapterKind), required: true },
    title: { type: String, required: true },
    /** ARTICLE: sanitised HTML. */
    body: { type: String },
    /** VIDEO / AUDIO. */
    mediaUrl: { type: String },
    durationSeconds: { type: Number },
  },
  { versionKey: false },
);

const contentSchema = new Schema(
  {
    title: { type: String, required: true },
    summary: { type: String, required: true },
    coverUrl: { type: String },
    tags: { type: [String], default: [] },
    /** Children's stages the course speaks to; empty means every age. */
    ageGroups: { type: [String], enum: Object.values(AgeGroup), default: [] },
    chapters: { type: [chapterSchema], default: [] },
  },
  { _id: false, versionKey: false },
);

const liveSchema = new Schema(
  {
    revision: { type: Number, required: true },
    content: { type: contentSchema, required: true },
    publishedAt: { type: Date, required: true },
  },
  { _id: false, versionKey: false },
);

const workingSchema = new Schema(
  {
    revision: { type: Number, required: true },
    content: { type: contentSchema, required: true },
    state: { type: String, enum: Object.values(RevisionState), required: true },
    rejectionReason: { type: String },
    submittedAt: { type: Date },
    updatedAt: { type: Date, required: true },
  },
  { _id: false, versionKey: false },
);

/**
 * A course and its two revisions: `live` is what parents see (null until first approved) and
 * `working` the one being edited or reviewed (null when nothing is pending). Editing a published
 * course writes a new working revision and leaves the live one as it is until the new one is
 * approved. Each revision sent to review has a number of its own, so the audit trail's one
 * decision per revision (a unique `_id` in review_decisions) never collides.
 */
const courseSchema = new Schema(
  {
    lecturerId: { type: Schema.Types.ObjectId, required: true },
    /** Copied from the lecturer profile when the course is created: whose organizers review it. */
    countyCode: { type: String },
    /** 闽北特色精品课程, set by organizers; listed first. */
    featured: { type: Boolean, required: true, default: false },
    archivedAt: { type: Date },
    live: { type: liveSchema, default: null },
    working: { type: workingSchema, default: null },
  },
  { versionKey: false, timestamps: true },
);
// The catalogue: featured first, then latest published, paged by _id within one instant.
courseSchema.index({ featured: -1, 'live.publishedAt': -1, _id: -1 });
courseSchema.index({ lecturerId: 1, updatedAt: -1 });
courseSchema.index({ 'working.state': 1, 'working.submittedAt': 1 });

export interface ChapterDoc {
  _id: Types.ObjectId;
  kind: ChapterKind;
  title: string;
  body?: string | null;
  mediaUrl?: string | null;
  durationSeconds?: number | null;
}

export interface CourseContent {
  title: string;
  summary: string;
  coverUrl?: string | null;
  tags: string[];
  ageGroups: AgeGroup[];
  chapters: ChapterDoc[];
}

export interface LiveRevision {
  revision: number;
  content: CourseContent;
  publishedAt: Date;
}

export interface WorkingRevision {
  revision: number;
  content: CourseContent;
  state: RevisionState;
  rejectionReason?: string | null;
  submittedAt?: Date | null;
  updatedAt: Date;
}

export interface CourseDoc {
  _id: Types.ObjectId;
  lecturerId: Types.ObjectId;
  countyCode?: string | null;
  featured: boolean;
  archivedAt?: Date | null;
  live?: LiveRevision | null;
  working?: WorkingRevision | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CourseModel = model('Course', courseSchema, 'courses');
