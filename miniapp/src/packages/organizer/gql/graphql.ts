/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgeGroup =
  /** 15–18 岁，高中 */
  | 'HIGH_SCHOOL'
  /** 0–3 岁 */
  | 'INFANT'
  /** 12–15 岁，初中 */
  | 'MIDDLE_SCHOOL'
  /** 3–6 岁，幼儿园 */
  | 'PRESCHOOL'
  /** 6–12 岁，小学 */
  | 'PRIMARY';

export type ChapterKind =
  | 'ARTICLE'
  | 'AUDIO'
  | 'VIDEO';

export type CourseStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PUBLISHED'
  | 'REJECTED';

export type LectureStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'PROPOSED'
  | 'PUBLISHED'
  | 'REJECTED';

export type ReviewSubject =
  | 'COURSE'
  | 'LECTURE';

export type ReviewVerdict =
  | 'APPROVED'
  | 'REJECTED';

/** The five venues of outreach (五进) */
export type VenueType =
  /** 进社区: urban community centres */
  | 'COMMUNITY'
  /** 进企业: companies and industrial parks */
  | 'ENTERPRISE'
  /** 进机关: government offices and public institutions */
  | 'GOVERNMENT'
  /** 进学校: schools, kindergartens, parent schools */
  | 'SCHOOL'
  /** 进农村: village halls, rural family-education stations */
  | 'VILLAGE';

export type ReviewDecisionFieldsFragment = { id: string, subjectType: ReviewSubject, revision: number, verdict: ReviewVerdict, reason: string | null, reviewerName: string, decidedAt: string };

export type ReviewChapterFieldsFragment = { id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null };

export type ReviewQueueItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewQueueItemsQuery = { reviewQueue: { courses: Array<{ id: string, status: CourseStatus, title: string, revision: number, lecturer: { id: string, name: string }, workingRevision: { revision: number, status: CourseStatus, title: string, submittedAt: string | null } | null }>, lectures: Array<{ id: string, proposalRevision: number, title: string, startsAt: string, endsAt: string, lecturer: { id: string, name: string }, venue: { id: string, name: string, type: VenueType, county: { code: string, name: string } } }> } };

export type ReviewCourseDetailQueryVariables = Exact<{
  id: string;
}>;


export type ReviewCourseDetailQuery = { course: { id: string, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, revision: number, publishedAt: string | null, lecturer: { id: string, name: string, title: string | null }, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }>, workingRevision: { revision: number, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, submittedAt: string | null, rejectionReason: string | null, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }> } | null, reviewHistory: Array<{ id: string, subjectType: ReviewSubject, revision: number, verdict: ReviewVerdict, reason: string | null, reviewerName: string, decidedAt: string }> } | null };

export type ReviewLectureDetailQueryVariables = Exact<{
  id: string;
}>;


export type ReviewLectureDetailQuery = { lecture: { id: string, proposalRevision: number, title: string, summary: string, status: LectureStatus, startsAt: string, endsAt: string, capacity: number, maxPartySize: number, audienceAgeGroups: Array<AgeGroup>, campaignTag: string | null, rejectionReason: string | null, lecturer: { id: string, name: string, title: string | null }, venue: { id: string, name: string, address: string, type: VenueType, county: { code: string, name: string } }, course: { id: string, title: string, status: CourseStatus } | null, reviewHistory: Array<{ id: string, subjectType: ReviewSubject, revision: number, verdict: ReviewVerdict, reason: string | null, reviewerName: string, decidedAt: string }> } | null };

export type ReviewApproveCourseMutationVariables = Exact<{
  id: string;
  revision?: number | null | undefined;
}>;


export type ReviewApproveCourseMutation = { approveCourse: { id: string, status: CourseStatus } };

export type ReviewRejectCourseMutationVariables = Exact<{
  id: string;
  reason: string;
  revision?: number | null | undefined;
}>;


export type ReviewRejectCourseMutation = { rejectCourse: { id: string, status: CourseStatus } };

export type ReviewApproveLectureMutationVariables = Exact<{
  id: string;
  revision?: number | null | undefined;
}>;


export type ReviewApproveLectureMutation = { approveLecture: { id: string, status: LectureStatus } };

export type ReviewRejectLectureMutationVariables = Exact<{
  id: string;
  reason: string;
  revision?: number | null | undefined;
}>;


export type ReviewRejectLectureMutation = { rejectLecture: { id: string, status: LectureStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReviewDecisionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReviewDecisionFields on ReviewDecision {
  id
  subjectType
  revision
  verdict
  reason
  reviewerName
  decidedAt
}
    `, {"fragmentName":"ReviewDecisionFields"}) as unknown as TypedDocumentString<ReviewDecisionFieldsFragment, unknown>;
export const ReviewChapterFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReviewChapterFields on Chapter {
  id
  kind
  title
  body
  mediaUrl
  durationSeconds
}
    `, {"fragmentName":"ReviewChapterFields"}) as unknown as TypedDocumentString<ReviewChapterFieldsFragment, unknown>;
export const ReviewQueueItemsDocument = new TypedDocumentString(`
    query ReviewQueueItems {
  reviewQueue {
    courses {
      id
      status
      title
      revision
      lecturer {
        id
        name
      }
      workingRevision {
        revision
        status
        title
        submittedAt
      }
    }
    lectures {
      id
      proposalRevision
      title
      startsAt
      endsAt
      lecturer {
        id
        name
      }
      venue {
        id
        name
        type
        county {
          code
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueItemsQuery, ReviewQueueItemsQueryVariables>;
export const ReviewCourseDetailDocument = new TypedDocumentString(`
    query ReviewCourseDetail($id: ID!) {
  course(id: $id) {
    id
    status
    title
    summary
    coverUrl
    tags
    ageGroups
    revision
    publishedAt
    lecturer {
      id
      name
      title
    }
    chapters {
      ...ReviewChapterFields
    }
    workingRevision {
      revision
      status
      title
      summary
      coverUrl
      tags
      ageGroups
      submittedAt
      rejectionReason
      chapters {
        ...ReviewChapterFields
      }
    }
    reviewHistory {
      ...ReviewDecisionFields
    }
  }
}
    fragment ReviewDecisionFields on ReviewDecision {
  id
  subjectType
  revision
  verdict
  reason
  reviewerName
  decidedAt
}
fragment ReviewChapterFields on Chapter {
  id
  kind
  title
  body
  mediaUrl
  durationSeconds
}`) as unknown as TypedDocumentString<ReviewCourseDetailQuery, ReviewCourseDetailQueryVariables>;
export const ReviewLectureDetailDocument = new TypedDocumentString(`
    query ReviewLectureDetail($id: ID!) {
  lecture(id: $id) {
    id
    proposalRevision
    title
    summary
    status
    startsAt
    endsAt
    capacity
    maxPartySize
    audienceAgeGroups
    campaignTag
    rejectionReason
    lecturer {
      id
      name
      title
    }
    venue {
      id
      name
      address
      type
      county {
        code
        name
      }
    }
    course {
      id
      title
      status
    }
    reviewHistory {
      ...ReviewDecisionFields
    }
  }
}
    fragment ReviewDecisionFields on ReviewDecision {
  id
  subjectType
  revision
  verdict
  reason
  reviewerName
  decidedAt
}`) as unknown as TypedDocumentString<ReviewLectureDetailQuery, ReviewLectureDetailQueryVariables>;
export const ReviewApproveCourseDocument = new TypedDocumentString(`
    mutation ReviewApproveCourse($id: ID!, $revision: Int) {
  approveCourse(id: $id, revision: $revision) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewApproveCourseMutation, ReviewApproveCourseMutationVariables>;
export const ReviewRejectCourseDocument = new TypedDocumentString(`
    mutation ReviewRejectCourse($id: ID!, $reason: String!, $revision: Int) {
  rejectCourse(id: $id, reason: $reason, revision: $revision) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewRejectCourseMutation, ReviewRejectCourseMutationVariables>;
export const ReviewApproveLectureDocument = new TypedDocumentString(`
    mutation ReviewApproveLecture($id: ID!, $revision: Int) {
  approveLecture(id: $id, revision: $revision) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewApproveLectureMutation, ReviewApproveLectureMutationVariables>;
export const ReviewRejectLectureDocument = new TypedDocumentString(`
    mutation ReviewRejectLecture($id: ID!, $reason: String!, $revision: Int) {
  rejectLecture(id: $id, reason: $reason, revision: $revision) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewRejectLectureMutation, ReviewRejectLectureMutationVariables>;