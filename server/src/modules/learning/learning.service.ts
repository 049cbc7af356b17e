import { crockfordCode } from '../shared/crockford';
import { householdName } from '../user/user.type';
import { beijingWallClock } from '../shared/beijing-time';
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { organizerCovers } from '../../auth/policy';
import { badUserInput, notFound } from '../../errors';
import type { Loaders } from '../../context';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel } from '../booking/booking.model';
import { MAX_CHAPTER_SECONDS } from '../course/course-status';
import { CourseModel, type CourseDoc } from '../course/course.model';
import { canViewCourse } from '../course/course.service';
import { toCourse, type Course } from '../course/course.type';
import { LectureStatus } from '../lecture/lecture-status';
import { LectureModel } from '../lecture/lecture.model';
import { LecturerModel, type LecturerDoc } from '../lecturer/lecturer.model';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { UserModel, type UserDoc } from '../user/user.model';
import type { ChapterProgressInput } from './learning.input';
import {
  CertificateModel,
  ChapterProgressModel,
  certificateId,
  progressId,
  type CertificateDoc,
  type ChapterProgressDoc,
} from './learning.model';
import { toCertificate, type Certificate, type CourseProgress } from './learning.type';

const MY_LEARNING_SCAN = 2000;

// ---------------------------------------------------------------- progress

/**
 * Saves where the viewer is in a chapter of a published course. Each save is one upsert of the
 * chapter's own document; `completed` is only ever set to true, so a finished chapter played
 * again stays finished. Finishing a chapter may finish the course.
 */
export async function saveChapterProgress(viewer: Viewer, input: ChapterProgressInput, now = new Date()): Promise<Course> {
  const courseId = new Types.ObjectId(input.courseId);
  const doc = await CourseModel.findById(courseId).lean<CourseDoc>();
  if (!doc?.live || doc.archivedAt) throw notFound('Course', input.courseId);
  const chapter = doc.live.content.chapters.find((c) => c._id.equals(input.chapterId));
  if (!chapter) throw badUserInput('input.chapterId', 'input.chapterId is not a chapter of this course');
  const limit = chapter.durationSeconds ?? MAX_CHAPTER_SECONDS;
  if (input.positionSeconds > limit) throw badUserInput('input.positionSeconds', `input.positionSeconds may be at most ${limit} for this chapter`);

  const userId = new Types.ObjectId(viewer.userId);
  const _id = progressId(viewer.userId, input.courseId, chapter._id.toHexString());
  const update = input.completed
    ? { $set: { positionSeconds: input.positionSeconds, updatedAt: now, completed: true }, $setOnInsert: { userId, courseId, chapterId: chapter._id } }
    : { $set: { positionSeconds: input.positionSeconds, updatedAt: now }, $setOnInsert: { userId, courseId, chapterId: chapter._id, completed: false } };
  try {
    await ChapterProgressModel.updateOne({ _id }, update, { upsert: true });
  } catch (error) {
    // Two saves racing to create the document: the other one inserted it, so update it.
    if (!isDuplicateKeyError(error)) throw error;
    await ChapterProgressModel.updateOne({ _id }, update);
  }

  if (input.completed) await evaluateCompletion(viewer.userId, input.courseId);
  return toCourse(doc);
}

/** The last chapter touched that is not complete, else the first not complete, else the first. */
function resumeChapter(chapterIds: string[], docs: ChapterProgressDoc[]): string | null {
  const done = new Set(docs.filter((d) => d.completed).map((d) => d.chapterId.toHexString()));
  const touched = docs
    .filter((d) => !d.completed && chapterIds.includes(d.chapterId.toHexString()))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  if (touched.length) return touched[0].chapterId.toHexString();
  return chapterIds.find((id) => !done.has(id)) ?? chapterIds[0] ?? null;
}

/** What completing a course depends on, however it was read (the request's loaders or queries). */
export interface CompletionFacts {
  /** The chapters of the live revision. */
  chapterIds: string[];
  /** Chapters the parent finished (any, also of earlier revisions). */
  doneChapterIds: ReadonlySet<string>;
  /** Published lectures linked to the course (cancelled or proposed ones do not count). */
  linkedLectures: number;
  /** Checked in at one of those lectures. */
  checkedIn: boolean;
}

export interface Completion {
  completedChapters: number;
  totalChapters: number;
  attendanceRequired: boolean;
  attended: boolean;
  complete: boolean;
}

/**
 * The one rule of completion, behind both the progress a parent sees and the certificate issued:
 * every chapter of the live revision done and, when published lectures are linked to the course,
 * one of them attended.
 */
export function decideCompletion(facts: CompletionFacts): Completion {
  const completedChapters = facts.chapterIds.filter((id) => facts.doneChapterIds.has(id)).length;
  const attendanceRequired = facts.linkedLectures > 0;
  const attended = attendanceRequired && facts.checkedIn;
  const complete = facts.chapterIds.length > 0 && completedChapters === facts.chapterIds.length && (!attendanceRequired || attended);
  return { completedChapters, totalChapters: facts.chapterIds.length, attendanceRequired, attended, complete };
}

const doneChapters = (docs: ChapterProgressDoc[]) => new Set(docs.filter((d) => d.completed).map((d) => d.chapterId.toHexString()));

/**
 * The viewer's progress in a course, through the request's loaders (batched across a page). A
 * course found complete without a certificate (the rule can come true without a chapter or a
 * check-in: a linked lecture cancelled, say) gets its certificate now, so "completed" never shows
 * without one.
 */
export async function courseProgress(userId: string, loaders: Loaders, course: Course): Promise<CourseProgress> {
  const [docs, lectures, issued] = await Promise.all([
    loaders.learning.progress.load(course.id),
    loaders.courseLectures.load(course.id),
    loaders.learning.certificate.load(course.id),
  ]);
  const checkedIn = lectures.length > 0 && (await loaders.learning.checkedIn.loadMany(lectures.map((l) => l.id))).some((v) => v === true);
  const chapterIds = course.liveChapters.map((c) => c.id);
  const { complete, ...counts } = decideCompletion({ chapterIds, doneChapterIds: doneChapters(docs), linkedLectures: lectures.length, checkedIn });
  const certificate = issued ?? (complete ? await issueIfComplete(userId, course.id) : null);
  return {
    courseId: course.id,
    ...counts,
    // A certificate once issued stands, even if a later revision adds chapters.
    completed: certificate !== null,
    resumeChapterId: resumeChapter(chapterIds, docs),
    certificate,
  };
}

// ---------------------------------------------------------------- completion


/** `NP-<year of issue, Beijing>-<6 Crockford base-32 characters from a hash of the seed>`. */
export function certificateNumber(seed: string, issuedAt: Date): string {
  const code = crockfordCode(createHash('sha256').update(seed).digest(), 6);
  return `NP-${beijingWallClock(issuedAt).getUTCFullYear()}-${code}`;
}

/**
 * Issues the parent's certificate when the course is complete. Called after a chapter is
 * finished and after a check-in at a linked lecture; safe to call any number of times,
 * concurrently too: the certificate's `_id` is per user and course.
 */
export async function evaluateCompletion(userId: string, courseId: string, now = new Date()): Promise<void> {
  await issueIfComplete(userId, courseId, now);
}

/**
 * The parent's certificate of the course: the one issued, or one issued now when the course is
 * complete (decideCompletion, on facts read from the database); null while it is not complete.
 */
export async function issueIfComplete(userId: string, courseId: string, now = new Date()): Promise<Certificate | null> {
  const _id = certificateId(userId, courseId);
  const existing = await CertificateModel.findById(_id).lean<CertificateDoc>();
  if (existing) return toCertificate(existing);
  const course = await CourseModel.findById(courseId).lean<CourseDoc>();
  if (!course?.live) return null;
  const user = new Types.ObjectId(userId);
  const chapterIds = course.live.content.chapters.map((c) => c._id);
  const [progress, lectures] = await Promise.all([
    ChapterProgressModel.find({ userId: user, courseId: course._id, chapterId: { $in: chapterIds }, completed: true }, { chapterId: 1, completed: 1 }).lean<
      ChapterProgressDoc[]
    >(),
    LectureModel.find({ courseId: course._id, status: LectureStatus.PUBLISHED }, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>(),
  ]);
  const checkedIn =
    lectures.length > 0 &&
    !!(await BookingModel.exists({ userId: user, lectureId: { $in: lectures.map((l) => l._id) }, status: BookingStatus.CHECKED_IN }));
  const facts = { chapterIds: chapterIds.map((id) => id.toHexString()), doneChapterIds: doneChapters(progress), linkedLectures: lectures.length, checkedIn };
  if (!decideCompletion(facts).complete) return null;

  const [recipient, lecturer] = await Promise.all([
    UserModel.findById(user, { displayName: 1 }).lean<UserDoc>(),
    LecturerModel.findById(course.lecturerId, { name: 1 }).lean<LecturerDoc>(),
  ]);
  const base = {
    _id,
    userId: user,
    courseId: course._id,
    recipientName: householdName(recipient?.displayName),
    courseTitle: course.live.content.title,
    lecturerName: lecturer?.name ?? '讲师',
    issuedAt: now,
  };
  // Numbers come from a hash, so two certificates could draw the same one (about one in a billion);
  // the unique index catches it and the next seed is tried.
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = { ...base, number: certificateNumber(attempt ? `${_id}#${attempt}` : _id, now) };
    try {
      await CertificateModel.create(doc);
      return toCertificate(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const concurrent = await CertificateModel.findById(_id).lean<CertificateDoc>();
      if (concurrent) return toCertificate(concurrent); // issued meanwhile by a concurrent call
    }
  }
  throw new Error(`no free certificate number for ${_id}`);
}

// ---------------------------------------------------------------- reading

/** Courses the viewer has progress in, most recently studied first (those still visible). */
export async function listMyLearning(viewer: Viewer, loaders: Loaders): Promise<Course[]> {
  const docs = await ChapterProgressModel.find({ userId: new Types.ObjectId(viewer.userId) }, { courseId: 1, updatedAt: 1 })
    .sort({ updatedAt: -1 })
    .limit(MY_LEARNING_SCAN)
    .lean<ChapterProgressDoc[]>();
  const courseIds = [...new Set(docs.map((d) => d.courseId.toHexString()))];
  const courses = await loaders.course.loadMany(courseIds);
  return courses.filter((c): c is Course => !!c && !(c instanceof Error) && canViewCourse(viewer, c));
}

export async function listMyCertificates(viewer: Viewer): Promise<Certificate[]> {
  const docs = await CertificateModel.find({ userId: new Types.ObjectId(viewer.userId) }).sort({ issuedAt: -1 }).lean<CertificateDoc[]>();
  return docs.map(toCertificate);
}

/**
 * The viewer's own certificate; organizers may look up those of courses in their county (a city
 * organizer: any), to verify a paper copy. Anyone else's is not there (null), like a missing one.
 */
export async function getCertificate(viewer: Viewer, id: string): Promise<Certificate | null> {
  const doc = await CertificateModel.findById(id).lean<CertificateDoc>();
  if (!doc) return null;
  if (doc.userId.equals(viewer.userId)) return toCertificate(doc);
  const course = await CourseModel.findById(doc.courseId, { countyCode: 1 }).lean<CourseDoc>();
  return organizerCovers(viewer, course?.countyCode) ? toCertificate(doc) : null;
}
