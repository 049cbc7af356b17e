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

export type ChapterProgressInput = {
  chapterId: string;
  /** true marks the chapter done; done stays done */
  completed?: boolean | null | undefined;
  courseId: string;
  /** Where to resume, 0 to the chapter's duration */
  positionSeconds: number;
};

export type CourseStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PUBLISHED'
  | 'REJECTED';

export type CourseCardFieldsFragment = { id: string, title: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, featured: boolean, lecturer: { id: string, name: string }, chapters: Array<{ id: string }>, myProgress: { completedChapters: number, totalChapters: number, completed: boolean, resumeChapterId: string | null } | null };

export type CoursesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  tag?: string | null | undefined;
  ageGroup?: AgeGroup | null | undefined;
  featured?: boolean | null | undefined;
}>;


export type CoursesQuery = { courses: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, title: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, featured: boolean, lecturer: { id: string, name: string }, chapters: Array<{ id: string }>, myProgress: { completedChapters: number, totalChapters: number, completed: boolean, resumeChapterId: string | null } | null } }> } };

export type MyLearningQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLearningQuery = { myLearning: Array<{ id: string, title: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, featured: boolean, lecturer: { id: string, name: string }, chapters: Array<{ id: string }>, myProgress: { completedChapters: number, totalChapters: number, completed: boolean, resumeChapterId: string | null } | null }> };

export type CourseProgressFieldsFragment = { courseId: string, completedChapters: number, totalChapters: number, attendanceRequired: boolean, attended: boolean, completed: boolean, resumeChapterId: string | null, certificate: { id: string, number: string } | null };

export type ChapterProgressFieldsFragment = { chapterId: string, positionSeconds: number, completed: boolean, updatedAt: string };

export type CourseDetailQueryVariables = Exact<{
  id: string;
}>;


export type CourseDetailQuery = { course: { id: string, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, featured: boolean, lecturer: { id: string, name: string, title: string | null, bio: string | null }, chapters: Array<{ id: string, kind: ChapterKind, title: string, durationSeconds: number | null, myProgress: { chapterId: string, positionSeconds: number, completed: boolean, updatedAt: string } | null }>, lectures: Array<{ id: string, title: string, startsAt: string, endsAt: string, venue: { id: string, name: string } }>, myProgress: { courseId: string, completedChapters: number, totalChapters: number, attendanceRequired: boolean, attended: boolean, completed: boolean, resumeChapterId: string | null, certificate: { id: string, number: string } | null } | null } | null };

export type ChapterPlayerQueryVariables = Exact<{
  courseId: string;
}>;


export type ChapterPlayerQuery = { course: { id: string, title: string, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null, myProgress: { chapterId: string, positionSeconds: number, completed: boolean, updatedAt: string } | null }>, myProgress: { courseId: string, completedChapters: number, totalChapters: number, attendanceRequired: boolean, attended: boolean, completed: boolean, resumeChapterId: string | null, certificate: { id: string, number: string } | null } | null } | null };

export type SaveChapterProgressMutationVariables = Exact<{
  input: ChapterProgressInput;
}>;


export type SaveChapterProgressMutation = { saveChapterProgress: { courseId: string, completedChapters: number, totalChapters: number, attendanceRequired: boolean, attended: boolean, completed: boolean, resumeChapterId: string | null, certificate: { id: string, number: string } | null } };

export type CertificateFieldsFragment = { id: string, number: string, recipientName: string, courseTitle: string, lecturerName: string, issuedAt: string, course: { id: string } };

export type MyCertificatesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCertificatesQuery = { myCertificates: Array<{ id: string, number: string, recipientName: string, courseTitle: string, lecturerName: string, issuedAt: string, course: { id: string } }> };

export type CertificateDetailQueryVariables = Exact<{
  id: string;
}>;


export type CertificateDetailQuery = { certificate: { id: string, number: string, recipientName: string, courseTitle: string, lecturerName: string, issuedAt: string, course: { id: string } } | null };

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
export const CourseCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment CourseCardFields on Course {
  id
  title
  coverUrl
  tags
  ageGroups
  featured
  lecturer {
    id
    name
  }
  chapters {
    id
  }
  myProgress {
    completedChapters
    totalChapters
    completed
    resumeChapterId
  }
}
    `, {"fragmentName":"CourseCardFields"}) as unknown as TypedDocumentString<CourseCardFieldsFragment, unknown>;
export const CourseProgressFieldsFragmentDoc = new TypedDocumentString(`
    fragment CourseProgressFields on CourseProgress {
  courseId
  completedChapters
  totalChapters
  attendanceRequired
  attended
  completed
  resumeChapterId
  certificate {
    id
    number
  }
}
    `, {"fragmentName":"CourseProgressFields"}) as unknown as TypedDocumentString<CourseProgressFieldsFragment, unknown>;
export const ChapterProgressFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChapterProgressFields on ChapterProgress {
  chapterId
  positionSeconds
  completed
  updatedAt
}
    `, {"fragmentName":"ChapterProgressFields"}) as unknown as TypedDocumentString<ChapterProgressFieldsFragment, unknown>;
export const CertificateFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificateFields on Certificate {
  id
  number
  recipientName
  courseTitle
  lecturerName
  issuedAt
  course {
    id
  }
}
    `, {"fragmentName":"CertificateFields"}) as unknown as TypedDocumentString<CertificateFieldsFragment, unknown>;
export const CoursesDocument = new TypedDocumentString(`
    query Courses($first: Int!, $after: String, $tag: String, $ageGroup: AgeGroup, $featured: Boolean) {
  courses(
    first: $first
    after: $after
    tag: $tag
    ageGroup: $ageGroup
    featured: $featured
  ) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        ...CourseCardFields
      }
    }
  }
}
    fragment CourseCardFields on Course {
  id
  title
  coverUrl
  tags
  ageGroups
  featured
  lecturer {
    id
    name
  }
  chapters {
    id
  }
  myProgress {
    completedChapters
    totalChapters
    completed
    resumeChapterId
  }
}`) as unknown as TypedDocumentString<CoursesQuery, CoursesQueryVariables>;
export const MyLearningDocument = new TypedDocumentString(`
    query MyLearning {
  myLearning {
    ...CourseCardFields
  }
}
    fragment CourseCardFields on Course {
  id
  title
  coverUrl
  tags
  ageGroups
  featured
  lecturer {
    id
    name
  }
  chapters {
    id
  }
  myProgress {
    completedChapters
    totalChapters
    completed
    resumeChapterId
  }
}`) as unknown as TypedDocumentString<MyLearningQuery, MyLearningQueryVariables>;
export const CourseDetailDocument = new TypedDocumentString(`
    query CourseDetail($id: ID!) {
  course(id: $id) {
    id
    status
    title
    summary
    coverUrl
    tags
    ageGroups
    featured
    lecturer {
      id
      name
      title
      bio
    }
    chapters {
      id
      kind
      title
      durationSeconds
      myProgress {
        ...ChapterProgressFields
      }
    }
    lectures {
      id
      title
      startsAt
      endsAt
      venue {
        id
        name
      }
    }
    myProgress {
      ...CourseProgressFields
    }
  }
}
    fragment CourseProgressFields on CourseProgress {
  courseId
  completedChapters
  totalChapters
  attendanceRequired
  attended
  completed
  resumeChapterId
  certificate {
    id
    number
  }
}
fragment ChapterProgressFields on ChapterProgress {
  chapterId
  positionSeconds
  completed
  updatedAt
}`) as unknown as TypedDocumentString<CourseDetailQuery, CourseDetailQueryVariables>;
export const ChapterPlayerDocument = new TypedDocumentString(`
    query ChapterPlayer($courseId: ID!) {
  course(id: $courseId) {
    id
    title
    chapters {
      id
      kind
      title
      body
      mediaUrl
      durationSeconds
      myProgress {
        ...ChapterProgressFields
      }
    }
    myProgress {
      ...CourseProgressFields
    }
  }
}
    fragment CourseProgressFields on CourseProgress {
  courseId
  completedChapters
  totalChapters
  attendanceRequired
  attended
  completed
  resumeChapterId
  certificate {
    id
    number
  }
}
fragment ChapterProgressFields on ChapterProgress {
  chapterId
  positionSeconds
  completed
  updatedAt
}`) as unknown as TypedDocumentString<ChapterPlayerQuery, ChapterPlayerQueryVariables>;
export const SaveChapterProgressDocument = new TypedDocumentString(`
    mutation SaveChapterProgress($input: ChapterProgressInput!) {
  saveChapterProgress(input: $input) {
    ...CourseProgressFields
  }
}
    fragment CourseProgressFields on CourseProgress {
  courseId
  completedChapters
  totalChapters
  attendanceRequired
  attended
  completed
  resumeChapterId
  certificate {
    id
    number
  }
}`) as unknown as TypedDocumentString<SaveChapterProgressMutation, SaveChapterProgressMutationVariables>;
export const MyCertificatesDocument = new TypedDocumentString(`
    query MyCertificates {
  myCertificates {
    ...CertificateFields
  }
}
    fragment CertificateFields on Certificate {
  id
  number
  recipientName
  courseTitle
  lecturerName
  issuedAt
  course {
    id
  }
}`) as unknown as TypedDocumentString<MyCertificatesQuery, MyCertificatesQueryVariables>;
export const CertificateDetailDocument = new TypedDocumentString(`
    query CertificateDetail($id: ID!) {
  certificate(id: $id) {
    ...CertificateFields
  }
}
    fragment CertificateFields on Certificate {
  id
  number
  recipientName
  courseTitle
  lecturerName
  issuedAt
  course {
    id
  }
}`) as unknown as TypedDocumentString<CertificateDetailQuery, CertificateDetailQueryVariables>;