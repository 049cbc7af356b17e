import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Lecture } from '../lecture/lecture.type';
import { Lecturer } from '../lecturer/lecturer.type';
import { ReviewDecision } from '../review/review.type';
import { PageInfo } from '../shared/pagination';
import { AgeGroup } from '../user/user-enums';
import { ChapterKind, CourseStatus, RevisionState } from './course-status';
import type { ChapterDoc, CourseContent, CourseDoc, WorkingRevision } from './course.model';
import type { CourseQuery } from './course.service';

@ObjectType({ description: 'One part of a course: an article to read, a video to watch or audio to hear' })
export class Chapter {
  @Field(() => ID)
  id!: string;

  @Field(() => ChapterKind)
  kind!: ChapterKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'ARTICLE: sanitised HTML (p, br, strong, em, h3, h4, ul, ol, li, blockquote, img with https src)' })
  body!: string | null;

  @Field(() => String, { nullable: true, description: 'VIDEO / AUDIO: https URL' })
  mediaUrl!: string | null;

  @Field(() => Int, { nullable: true })
  durationSeconds!: number | null;

  /** The course it belongs to: the viewer's progress is loaded per course, not per chapter. */
  courseId!: string;
}

@ObjectType({ description: 'A revision of a course that is not (yet) the live one' })
export class CourseRevision {
  @Field(() => Int)
  revision!: number;

  @Field(() => CourseStatus, { description: 'DRAFT, IN_REVIEW or REJECTED' })
  status!: CourseStatus;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  coverUrl!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [AgeGroup])
  ageGroups!: AgeGroup[];

  @Field(() => [Chapter])
  chapters!: Chapter[];

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'A family-education course (家庭教育课程) of ordered chapters' })
export class Course {
  @Field(() => ID)
  id!: string;

  @Field(() => CourseStatus, { description: "PUBLISHED while a revision is live (even when a newer one is in review); else the working revision's state; ARCHIVED" })
  status!: CourseStatus;

  @Field({ description: 'These fields show the live revision when published, otherwise the working revision' })
  title!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  coverUrl!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [AgeGroup])
  ageGroups!: AgeGroup[];

  @Field({ description: '闽北特色精品课程 (set by organizers)' })
  featured!: boolean;

  @Field(() => [Chapter])
  chapters!: Chapter[];

  @Field(() => Int)
  revision!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Lecturer)
  lecturer?: Lecturer;

  @Field(() => CourseRevision, { nullable: true, description: 'Owner and organizers only: the revision being edited or reviewed when it is not the live one (null otherwise)' })
  workingRevision?: CourseRevision | null;

  @Field(() => [Lecture], { description: 'Published lectures linked to this course, upcoming first' })
  lectures?: Lecture[];

  @Field(() => [ReviewDecision], { description: 'Owner and organizers only' })
  reviewHistory?: ReviewDecision[];

  /** Who owns it and whose organizers review it (the policy's questions). */
  lecturerId!: string;
  countyCode!: string | null;
  /** A revision is live and the course is not archived: parents may see it. */
  isPublic!: boolean;
  /** The working revision, shown through `workingRevision` to its owner and organizers only. */
  pending!: CourseRevision | null;
  /** The live revision's chapters (empty until published): what progress and completion count. */
  liveChapters!: Chapter[];
  updatedAt!: Date;
}

function toChapter(doc: ChapterDoc, courseId: string): Chapter {
  return {
    id: doc._id.toHexString(),
    kind: doc.kind,
    title: doc.title,
    body: doc.body ?? null,
    mediaUrl: doc.mediaUrl ?? null,
    durationSeconds: doc.durationSeconds ?? null,
    courseId,
  };
}

function contentFields(content: CourseContent, courseId: string) {
  return {
    title: content.title,
    summary: content.summary,
    coverUrl: content.coverUrl ?? null,
    tags: content.tags ?? [],
    ageGroups: (content.ageGroups ?? []) as AgeGroup[],
    chapters: (content.chapters ?? []).map((chapter) => toChapter(chapter, courseId)),
  };
}

export function toCourseRevision(working: WorkingRevision, courseId: string): CourseRevision {
  return {
    revision: working.revision,
    status: working.state as unknown as CourseStatus,
    ...contentFields(working.content, courseId),
    rejectionReason: working.rejectionReason ?? null,
    submittedAt: working.submittedAt ?? null,
    updatedAt: working.updatedAt,
  };
}

export function courseStatus(doc: CourseDoc): CourseStatus {
  if (doc.archivedAt) return CourseStatus.ARCHIVED;
  if (doc.live) return CourseStatus.PUBLISHED;
  return (doc.working?.state ?? RevisionState.DRAFT) as unknown as CourseStatus;
}

export function toCourse(doc: CourseDoc): Course {
  const id = doc._id.toHexString();
  const shown = doc.live ?? doc.working;
  if (!shown) throw new Error(`Course ${id} has neither a live nor a working revision`);
  const liveChapters = doc.live ? contentFields(doc.live.content, id).chapters : [];
  return {
    id,
    status: courseStatus(doc),
    ...contentFields(shown.content, id),
    featured: doc.featured ?? false,
    revision: shown.revision,
    publishedAt: doc.live?.publishedAt ?? null,
    lecturerId: doc.lecturerId.toHexString(),
    countyCode: doc.countyCode ?? null,
    isPublic: !!doc.live && !doc.archivedAt,
    pending: doc.working ? toCourseRevision(doc.working, id) : null,
    liveChapters,
    updatedAt: doc.updatedAt,
  };
}

@ObjectType()
export class CourseEdge {
  @Field()
  cursor!: string;

  @Field(() => Course)
  node!: Course;
}

@ObjectType({ description: 'A page of published courses: featured first, then latest published' })
export class CourseConnection {
  @Field(() => [CourseEdge])
  edges!: CourseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All courses matching the filter, across pages' })
  totalCount?: number;

  /** The filter behind this page, so `totalCount` is counted only when asked for. */
  query!: CourseQuery;
}

@ObjectType({ description: "What waits for an organizer's decision, oldest first" })
export class ReviewQueue {
  @Field(() => [Course], { description: "Course revisions in review in the organizer's county (city: all)" })
  courses!: Course[];

  @Field(() => [Lecture], { description: 'Lecture proposals in scope' })
  lectures!: Lecture[];
}
