import { Types } from 'mongoose';
import type { ApproveArgs, RejectArgs } from '../review/review.input';
import type { Viewer } from '../../auth/token';
import { isOrganizer, isOwnLecturer, organizerCovers, requireLecturerId, requireOrganizerFor } from '../../auth/policy';
import { badUserInput, conflict, forbidden, notFound } from '../../errors';
import { LectureStatus } from '../lecture/lecture-status';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { toLecture, type Lecture } from '../lecture/lecture.type';
import { LecturerModel, type LecturerDoc } from '../lecturer/lecturer.model';
import { beijingTime, thing } from '../notification/delivery.worker';
import { OutboxKind } from '../notification/outbox.model';
import { queueNotice } from '../notification/outbox.service';
import { decideOnce, ReviewSubject, ReviewVerdict, type DecisionTarget, type DecisionToApply } from '../review/review.service';
import type { AuditOrigin } from '../audit/audit.service';
import { literalPattern } from '../shared/literal-pattern';
import { parseObjectId } from '../shared/object-id';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/pagination';
import { Role } from '../user/user-enums';
import { ChapterKind, MEDIA_KINDS, RevisionState } from './course-status';
import type { CourseDraftInput, CoursesArgs } from './course.input';
import { CourseModel, type ChapterDoc, type CourseContent, type CourseDoc, type WorkingRevision } from './course.model';
import { toCourse, type Course, type CourseConnection, type ReviewQueue } from './course.type';
import { isEmptyArticle, sanitizeArticle } from './rich-text';

/** A catalogue filter as the database sees it (paths reach into the live revision). */
export type CourseQuery = Record<string, any>;

/** Where lecturers see a review result. */
export const LECTURER_COURSES_PAGE = 'packages/lecturer/courses';
const DEFAULT_PAGE_SIZE = 20;
const REVIEW_QUEUE_LIMIT = 200;
/** A lecturer's own courses are one list without pages; more than this is not one person's work. */
export const MY_COURSES_LIMIT = 100;

/** Its lecturer, and the organizers of its county, see and manage what is not public. */
export function canManageCourse(viewer: Viewer | null, course: { lecturerId: string; countyCode: string | null }): boolean {
  return isOwnLecturer(viewer, course.lecturerId) || organizerCovers(viewer, course.countyCode);
}

/** Published courses to anyone; drafts, reviews and archived ones to those who manage them. */
export function canViewCourse(viewer: Viewer | null, course: Course): boolean {
  return course.isPublic || canManageCourse(viewer, course);
}

async function findCourse(id: string, field = 'id'): Promise<CourseDoc> {
  const doc = await CourseModel.findById(parseObjectId(id, field)).lean<CourseDoc>();
  if (!doc) throw notFound('Course', id);
  return doc;
}

async function reload(id: Types.ObjectId): Promise<Course> {
  return toCourse((await CourseModel.findById(id).lean<CourseDoc>())!);
}

function requireOwnCourse(viewer: Viewer, doc: CourseDoc): void {
  const lecturerId = requireLecturerId(viewer);
  if (!doc.lecturerId.equals(lecturerId)) throw forbidden('This course belongs to another lecturer');
}

// ---------------------------------------------------------------- editing

/**
 * The stored form of a draft, or the first bad field. Chapters keep the ids they had in this
 * course (so parents' progress carries over an edit); an id the course never had, or one given
 * twice, gets a new id rather than borrowing another chapter's.
 */
function buildContent(input: CourseDraftInput, knownChapterIds: Set<string>): CourseContent {
  const used = new Set<string>();
  const chapters = input.chapters.map((chapter, index): ChapterDoc => {
    const given = chapter.id?.toLowerCase();
    const keep = given && knownChapterIds.has(given) && !used.has(given);
    if (keep) used.add(given);
    const stored: ChapterDoc = { _id: keep ? new Types.ObjectId(given) : new Types.ObjectId(), kind: chapter.kind, title: chapter.title.trim() };
    if (chapter.kind === ChapterKind.ARTICLE) {
      const body = sanitizeArticle(chapter.body ?? '');
      if (isEmptyArticle(body)) {
        throw badUserInput(`input.chapters.${index}.body`, `input.chapters.${index}.body has nothing to show once unsafe content is removed`);
      }
      stored.body = body;
    } else if (MEDIA_KINDS.has(chapter.kind)) {
      // Checked by the input's validators too; kept here so no path stores a chapter that cannot play.
      const mediaUrl = chapter.mediaUrl?.trim();
      if (!mediaUrl) throw badUserInput(`input.chapters.${index}.mediaUrl`, `input.chapters.${index}.mediaUrl is required for a ${chapter.kind} chapter`);
      if (chapter.durationSeconds == null) {
        throw badUserInput(`input.chapters.${index}.durationSeconds`, `input.chapters.${index}.durationSeconds is required for a ${chapter.kind} chapter`);
      }
      stored.mediaUrl = mediaUrl;
      stored.durationSeconds = chapter.durationSeconds;
    }
    return stored;
  });
  const coverUrl = input.coverUrl?.trim();
  return {
    title: input.title.trim(),
    summary: input.summary.trim(),
    coverUrl: coverUrl ? coverUrl : null,
    tags: [...new Set((input.tags ?? []).map((tag) => tag.trim()))],
    ageGroups: [...new Set(input.ageGroups ?? [])],
    chapters,
  };
}

function chapterIdsOf(doc: CourseDoc): Set<string> {
  const ids = new Set<string>();
  for (const revision of [doc.live, doc.working]) {
    for (const chapter of revision?.content.chapters ?? []) ids.add(chapter._id.toHexString());
  }
  return ids;
}

/**
 * The number of the revision an edit writes to. A draft is edited in place; after a rejection or
 * a publication the edit starts a new revision, so each revision is decided at most once.
 */
function nextWorkingRevision(doc: CourseDoc): number {
  if (doc.working?.state === RevisionState.DRAFT) return doc.working.revision;
  return Math.max(doc.working?.revision ?? 0, doc.live?.revision ?? 0) + 1;
}

/** Creates a course (no id) or saves a new draft of one of the viewer's own courses. */
export async function saveCourseDraft(viewer: Viewer, input: CourseDraftInput, now = new Date()): Promise<Course> {
  const lecturerId = requireLecturerId(viewer);

  if (!input.id) {
    const content = buildContent(input, new Set());
    const lecturer = await LecturerModel.findById(lecturerId, { countyCode: 1 }).lean<LecturerDoc>();
    if (!lecturer) throw forbidden('Your lecturer profile was not found');
    const working: WorkingRevision = { revision: 1, content, state: RevisionState.DRAFT, updatedAt: now };
    const created = await CourseModel.create({
      lecturerId: lecturer._id,
      countyCode: lecturer.countyCode ?? undefined,
      featured: false,
      live: null,
      working,
    });
    return reload(created._id);
  }

  const doc = await findCourse(input.id, 'input.id');
  requireOwnCourse(viewer, doc);
  if (doc.archivedAt) throw conflict('This course is archived and can no longer be edited');
  if (doc.working?.state === RevisionState.IN_REVIEW) throw conflict('This course is being reviewed; edit it once the organizer has decided');
  const content = buildContent(input, chapterIdsOf(doc));

  const working: WorkingRevision = { revision: nextWorkingRevision(doc), content, state: RevisionState.DRAFT, updatedAt: now };
  // The state condition narrows (cannot close: the engine has no compare-and-swap) the window
  // in which a submission that raced this save would be overwritten.
  const result = await CourseModel.updateOne({ _id: doc._id, 'working.state': { $ne: RevisionState.IN_REVIEW } }, { $set: { working } });
  if (result.matchedCount === 0) throw conflict('This course was sent to review meanwhile');
  return reload(doc._id);
}

/** Sends the working revision to the organizers (a rejected one comes back as a new revision). */
export async function submitCourseForReview(viewer: Viewer, id: string, now = new Date()): Promise<Course> {
  const doc = await findCourse(id);
  requireOwnCourse(viewer, doc);
  if (doc.archivedAt) throw conflict('This course is archived');
  const working = doc.working;
  if (!working) throw conflict('There are no changes to review: the published revision is current');
  if (working.state === RevisionState.IN_REVIEW) throw conflict('This course is already in review');
  if (working.content.chapters.length === 0) throw conflict('This course has no chapters yet: add at least one chapter before sending it to review');
  // The county that reviews it is the lecturer's current one (an admin may have moved them since
  // the course was created), so it is read from the profile at each submission.
  const lecturer = await LecturerModel.findById(doc.lecturerId, { countyCode: 1 }).lean<LecturerDoc>();
  const county = lecturer ? { countyCode: lecturer.countyCode ?? null } : {};

  const revision = working.state === RevisionState.REJECTED ? nextWorkingRevision(doc) : working.revision;
  await CourseModel.updateOne(
    { _id: doc._id, 'working.revision': working.revision },
    {
      $set: { ...county, 'working.revision': revision, 'working.state': RevisionState.IN_REVIEW, 'working.submittedAt': now, 'working.updatedAt': now },
      $unset: { 'working.rejectionReason': 1 },
    },
  );
  return reload(doc._id);
}

/** Hides a course from the catalogue for good (its lecturer, or an organizer of its county). */
export async function archiveCourse(viewer: Viewer, id: string, now = new Date()): Promise<Course> {
  const doc = await findCourse(id);
  const course = toCourse(doc);
  if (!canManageCourse(viewer, course)) throw forbidden('Only its lecturer or an organizer of its county may archive this course');
  if (!doc.archivedAt) await CourseModel.updateOne({ _id: doc._id }, { $set: { archivedAt: now } });
  return reload(doc._id);
}

// ---------------------------------------------------------------- review

type CourseInReview = CourseDoc & { working: WorkingRevision };

/**
 * The course an organizer decides: in their county (as it is now), in review, and, when the
 * organizer says which revision they looked at, still that revision.
 */
async function courseInReview(viewer: Viewer, id: string, seenRevision: number | null | undefined): Promise<CourseInReview> {
  const doc = await findCourse(id);
  requireOrganizerFor(viewer, doc.countyCode);
  if (doc.archivedAt) throw conflict('This course is archived');
  if (doc.working?.state !== RevisionState.IN_REVIEW) throw conflict('This course has no revision waiting for review');
  if (seenRevision != null && seenRevision !== doc.working.revision) {
    throw conflict(`This course has changed since you opened it (now revision ${doc.working.revision}); open it again to see the changes`, {
      revision: doc.working.revision,
    });
  }
  return doc as CourseInReview;
}

/**
 * How a decision on a course revision is carried out: approving makes the revision live,
 * rejecting sends it back with the reason; either only while the course still waits on it.
 */
function courseTarget(doc: CourseInReview): DecisionTarget {
  const { working } = doc;
  return {
    subject: { subjectType: ReviewSubject.COURSE, subjectId: doc._id, revision: working.revision, countyCode: doc.countyCode },
    async apply(decision: DecisionToApply): Promise<boolean> {
      const approved = decision.verdict === ReviewVerdict.APPROVED;
      const result = await CourseModel.updateOne(
        { _id: doc._id, 'working.revision': decision.revision, 'working.state': RevisionState.IN_REVIEW },
        approved
          ? { $set: { live: { revision: decision.revision, content: working.content, publishedAt: decision.decidedAt }, working: null } }
          : { $set: { 'working.state': RevisionState.REJECTED, 'working.rejectionReason': decision.reason ?? '' } },
      );
      if (result.matchedCount > 0) return true;
      // Not waiting any more: carried out meanwhile by a concurrent request, or moved on.
      const current = await CourseModel.findById(doc._id, { live: 1, working: 1 }).lean<CourseDoc>();
      return approved
        ? current?.live?.revision === decision.revision
        : current?.working?.revision === decision.revision && current.working.state === RevisionState.REJECTED;
    },
    async announce(decision: DecisionToApply): Promise<void> {
      const lecturer = await LecturerModel.findById(doc.lecturerId, { userId: 1 }).lean<LecturerDoc>();
      if (!lecturer?.userId) return; // a seeded lecturer without an account has no one to tell
      const data: Record<string, string> = {
        thing1: thing(working.content.title),
        time2: beijingTime(decision.decidedAt),
        thing3: decision.verdict === ReviewVerdict.APPROVED ? '课程审核通过，已发布' : '课程未通过审核',
      };
      if (decision.reason) data.thing4 = thing(decision.reason);
      await queueNotice(
        { key: `COURSE:${doc._id.toHexString()}:${decision.revision}`, kind: OutboxKind.REVIEW_RESULT, userId: lecturer.userId, page: LECTURER_COURSES_PAGE, data },
        decision.decidedAt,
      );
    },
  };
}

/** Publishes the revision in review (decided once: see decideOnce). */
export async function approveCourse(viewer: Viewer, { id, note, revision }: ApproveArgs, origin: AuditOrigin = { ip: null }, now = new Date()): Promise<Course> {
  const doc = await courseInReview(viewer, id, revision);
  await decideOnce(viewer, courseTarget(doc), ReviewVerdict.APPROVED, note?.trim() || null, now, origin);
  return reload(doc._id);
}

/** Sends the revision in review back to its lecturer with the reason. */
export async function rejectCourse(viewer: Viewer, { id, reason, revision }: RejectArgs, origin: AuditOrigin = { ip: null }, now = new Date()): Promise<Course> {
  const doc = await courseInReview(viewer, id, revision);
  await decideOnce(viewer, courseTarget(doc), ReviewVerdict.REJECTED, reason.trim(), now, origin);
  return reload(doc._id);
}

export async function setCourseFeatured(viewer: Viewer, id: string, featured: boolean): Promise<Course> {
  const doc = await findCourse(id);
  requireOrganizerFor(viewer, doc.countyCode);
  if (doc.featured !== featured) await CourseModel.updateOne({ _id: doc._id }, { $set: { featured } });
  return reload(doc._id);
}

/** Courses and lecture proposals waiting in the organizer's county (a city organizer's: all). */
export async function reviewQueue(viewer: Viewer): Promise<ReviewQueue> {
  if (!isOrganizer(viewer)) throw forbidden('Only organizers review');
  const scope = viewer.role === Role.ADMIN || viewer.countyCode === null ? {} : { countyCode: viewer.countyCode };
  const [courses, lectures] = await Promise.all([
    CourseModel.find({ ...scope, 'working.state': RevisionState.IN_REVIEW, archivedAt: null })
      .sort({ 'working.submittedAt': 1, _id: 1 })
      .limit(REVIEW_QUEUE_LIMIT)
      .lean<CourseDoc[]>(),
    LectureModel.find({ ...scope, status: LectureStatus.PROPOSED }).sort({ proposedAt: 1, _id: 1 }).limit(REVIEW_QUEUE_LIMIT).lean<LectureDoc[]>(),
  ]);
  return { courses: courses.map(toCourse), lectures: lectures.map(toLecture) };
}

// ---------------------------------------------------------------- reading

export async function getCourse(viewer: Viewer | null, id: string): Promise<Course | null> {
  const doc = await CourseModel.findById(parseObjectId(id, 'id')).lean<CourseDoc>();
  if (!doc) return null;
  const course = toCourse(doc);
  return canViewCourse(viewer, course) ? course : null;
}

/** The viewer's own courses in every state, the 100 most recently updated. */
export async function listMyCourses(viewer: Viewer): Promise<Course[]> {
  const lecturerId = requireLecturerId(viewer);
  const docs = await CourseModel.find({ lecturerId: new Types.ObjectId(lecturerId) })
    .sort({ updatedAt: -1, _id: -1 })
    .limit(MY_COURSES_LIMIT)
    .lean<CourseDoc[]>();
  return docs.map(toCourse);
}

export function buildCourseQuery(args: CoursesArgs): CourseQuery {
  // Listed: a revision is live and the course is not archived.
  const conditions: CourseQuery[] = [{ live: { $ne: null } }, { archivedAt: null }];
  const tag = args.tag?.trim();
  if (tag) conditions.push({ 'live.content.tags': tag });
  if (args.ageGroup) {
    // A course for every age (no stages given) suits every stage.
    conditions.push({ $or: [{ 'live.content.ageGroups': args.ageGroup }, { 'live.content.ageGroups': { $size: 0 } }] });
  }
  if (args.featured != null) conditions.push({ featured: args.featured });
  const search = args.search?.trim();
  if (search) {
    const pattern = literalPattern(search);
    conditions.push({ $or: [{ 'live.content.title': pattern }, { 'live.content.summary': pattern }] });
  }
  return { $and: conditions };
}

/** Featured ones are rank 0, the rest rank 1; within a rank, latest published first. */
const rankOf = (featured: boolean) => (featured ? 0 : 1);

/** Everything after the cursor in (featured desc, publishedAt desc, _id desc) order. */
function afterCursor(after: string): CourseQuery {
  const cursor = decodeTimeCursor(after, 'after');
  if (cursor.rank !== 0 && cursor.rank !== 1) throw badUserInput('after', 'after is not a cursor of this list');
  const laterInRank: CourseQuery[] = [
    { 'live.publishedAt': { $lt: cursor.time } },
    { 'live.publishedAt': cursor.time, _id: { $lt: cursor.id } },
  ];
  if (cursor.rank === 0) {
    return { $or: [{ featured: false }, ...laterInRank.map((c) => ({ featured: true, ...c }))] };
  }
  return { featured: false, $or: laterInRank };
}

/** One page of the catalogue in one query (and a count only when the total is asked for). */
export async function listCourses(args: CoursesArgs): Promise<CourseConnection> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const query = buildCourseQuery(args);
  const conditions: CourseQuery[] = [query];
  if (args.after) conditions.push(afterCursor(args.after));
  const docs = await CourseModel.find({ $and: conditions })
    .sort({ featured: -1, 'live.publishedAt': -1, _id: -1 })
    .limit(first + 1)
    .lean<CourseDoc[]>();
  const edges = docs.slice(0, first).map((doc) => ({
    cursor: encodeTimeCursor({ time: doc.live!.publishedAt, id: doc._id, rank: rankOf(doc.featured) }),
    node: toCourse(doc),
  }));
  return { edges, pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null }, query };
}

export function countCourses(query: CourseQuery): Promise<number> {
  return CourseModel.countDocuments(query).exec();
}

/** Linked lectures in the order a parent wants them: upcoming soonest first, then past latest first. */
export function orderLinkedLectures(lectures: Lecture[], now = new Date()): Lecture[] {
  const upcoming = lectures.filter((l) => l.endsAt > now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = lectures.filter((l) => l.endsAt <= now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return [...upcoming, ...past];
}
