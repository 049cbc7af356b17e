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

export type BookingStatus =
  /** Cancelled by the household */
  | 'CANCELLED'
  /** Checked in at the door */
  | 'CHECKED_IN'
  /** Seats are held */
  | 'CONFIRMED'
  /** Did not come */
  | 'NO_SHOW'
  /** Being decided; asks again in a moment */
  | 'PENDING'
  /** On the waiting list; promoted in order as seats free up */
  | 'WAITLISTED';

export type ChapterInput = {
  /** ARTICLE: required rich text, at most 20000 characters; sanitised */
  body?: string | null | undefined;
  /** VIDEO / AUDIO: required, 1 to 36000 */
  durationSeconds?: number | null | undefined;
  /** Keep the id of an existing chapter so progress carries over; omit for a new one */
  id?: string | null | undefined;
  kind: ChapterKind;
  /** VIDEO / AUDIO: required https URL */
  mediaUrl?: string | null | undefined;
  /** 1 to 60 characters, not blank */
  title: string;
};

export type ChapterKind =
  | 'ARTICLE'
  | 'AUDIO'
  | 'VIDEO';

export type CourseDraftInput = {
  ageGroups?: Array<AgeGroup> | null | undefined;
  /** In order; 0 to 50 (at least 1 to submit) */
  chapters: Array<ChapterInput>;
  /** https URL of the cover image */
  coverUrl?: string | null | undefined;
  /** Omit to create a course; give it to edit (a published course gets a new working revision) */
  id?: string | null | undefined;
  /** 1 to 500 characters, not blank */
  summary: string;
  /** At most 8, each 1 to 12 characters */
  tags?: Array<string> | null | undefined;
  /** 1 to 60 characters, not blank */
  title: string;
};

export type CourseStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'PUBLISHED'
  | 'REJECTED';

export type FeedbackTopic =
  /** 亲子沟通 */
  | 'COMMUNICATION'
  /** 隔代教养 */
  | 'GRANDPARENTING'
  /** 心理健康 */
  | 'MENTAL_HEALTH'
  /** 安全教育 */
  | 'SAFETY'
  /** 手机与屏幕时间 */
  | 'SCREEN_TIME'
  /** 学习习惯 */
  | 'STUDY_HABITS';

/** A lecture a lecturer proposes; organizers of its county review it before anyone can book */
export type LectureProposalInput = {
  audienceAgeGroups?: Array<AgeGroup> | null | undefined;
  /** Up to 20 characters, e.g. 家庭教育宣传周 */
  campaignTag?: string | null | undefined;
  /** 1 to 2000 seats */
  capacity: number;
  /** One of your own courses, which the lecture teaches */
  courseId?: string | null | undefined;
  /** After startsAt, at most 12 hours later */
  endsAt: string;
  /** Seats one household may book: 1 to 10, not above capacity (default 4) */
  maxPartySize?: number | null | undefined;
  /** In the future */
  startsAt: string;
  /** 1 to 1000 characters */
  summary: string;
  /** 1 to 60 characters */
  title: string;
  venueId: string;
};

export type LectureStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'PROPOSED'
  | 'PUBLISHED'
  | 'REJECTED';

/** Lectures still to end (soonest first) or over (latest first) */
export type LectureTime =
  | 'PAST'
  | 'UPCOMING';

/** All optional; a PROPOSED/REJECTED lecture may change anything (each change of a PROPOSED one is a new proposalRevision; REJECTED goes back to review); a PUBLISHED one only capacity (not below seats taken), maxPartySize, audienceAgeGroups, campaignTag (title and summary stay as reviewed) */
export type LectureUpdateInput = {
  audienceAgeGroups?: Array<AgeGroup> | null | undefined;
  /** null or blank clears it */
  campaignTag?: string | null | undefined;
  capacity?: number | null | undefined;
  /** null unlinks the course */
  courseId?: string | null | undefined;
  endsAt?: string | null | undefined;
  maxPartySize?: number | null | undefined;
  startsAt?: string | null | undefined;
  summary?: string | null | undefined;
  title?: string | null | undefined;
  venueId?: string | null | undefined;
};

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

export type CheckInDeskQueryVariables = Exact<{
  lectureId: string;
}>;


export type CheckInDeskQuery = { lecture: { id: string, title: string, startsAt: string, endsAt: string, status: LectureStatus, maxPartySize: number, canCheckIn: boolean, venue: { id: string, name: string } } | null, lectureRoster: { lectureId: string, bookedHouseholds: number, checkedInHouseholds: number, peoplePresent: number, entries: Array<{ bookingId: string, householdName: string, phoneTail: string | null, partySize: number, status: BookingStatus, seatNumbers: Array<number>, checkedInAt: string | null, partyPresent: number | null }>, walkIns: Array<{ id: string, partySize: number, note: string | null, checkedInAt: string }> } };

export type CourseEditorChapterFragment = { id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null };

export type CourseEditorCourseFragment = { id: string, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, revision: number, publishedAt: string | null, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }>, workingRevision: { revision: number, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, rejectionReason: string | null, submittedAt: string | null, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }> } | null, reviewHistory: Array<{ id: string, revision: number, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> };

export type LecturerCourseListQueryVariables = Exact<{ [key: string]: never; }>;


export type LecturerCourseListQuery = { myCourses: Array<{ id: string, status: CourseStatus, title: string, revision: number, publishedAt: string | null, chapters: Array<{ id: string }>, workingRevision: { revision: number, status: CourseStatus, title: string, rejectionReason: string | null, submittedAt: string | null, updatedAt: string, chapters: Array<{ id: string }> } | null, reviewHistory: Array<{ id: string, revision: number, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> }> };

export type CourseEditorQueryVariables = Exact<{
  id: string;
}>;


export type CourseEditorQuery = { course: { id: string, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, revision: number, publishedAt: string | null, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }>, workingRevision: { revision: number, status: CourseStatus, title: string, summary: string, coverUrl: string | null, tags: Array<string>, ageGroups: Array<AgeGroup>, rejectionReason: string | null, submittedAt: string | null, chapters: Array<{ id: string, kind: ChapterKind, title: string, body: string | null, mediaUrl: string | null, durationSeconds: number | null }> } | null, reviewHistory: Array<{ id: string, revision: number, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> } | null };

export type CourseEditorStateFragment = { id: string, status: CourseStatus, chapters: Array<{ id: string }>, workingRevision: { status: CourseStatus, rejectionReason: string | null, chapters: Array<{ id: string }> } | null, reviewHistory: Array<{ id: string, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> };

export type CourseEditorSaveMutationVariables = Exact<{
  input: CourseDraftInput;
}>;


export type CourseEditorSaveMutation = { saveCourseDraft: { id: string, status: CourseStatus, chapters: Array<{ id: string }>, workingRevision: { status: CourseStatus, rejectionReason: string | null, chapters: Array<{ id: string }> } | null, reviewHistory: Array<{ id: string, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> } };

export type CourseEditorSubmitMutationVariables = Exact<{
  id: string;
}>;


export type CourseEditorSubmitMutation = { submitCourseForReview: { id: string, status: CourseStatus, chapters: Array<{ id: string }>, workingRevision: { status: CourseStatus, rejectionReason: string | null, chapters: Array<{ id: string }> } | null, reviewHistory: Array<{ id: string, verdict: ReviewVerdict, reason: string | null, decidedAt: string }> } };

export type LectureFormVenueFragment = { id: string, name: string, address: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } };

export type LectureFormLectureQueryVariables = Exact<{
  id: string;
}>;


export type LectureFormLectureQuery = { lecture: { id: string, title: string, summary: string, status: LectureStatus, startsAt: string, endsAt: string, capacity: number, seatsLeft: number, maxPartySize: number, audienceAgeGroups: Array<AgeGroup>, campaignTag: string | null, rejectionReason: string | null, canManage: boolean, course: { id: string, title: string } | null, venue: { id: string, name: string, address: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } } } | null };

export type LectureFormCoursesQueryVariables = Exact<{ [key: string]: never; }>;


export type LectureFormCoursesQuery = { myCourses: Array<{ id: string, status: CourseStatus, title: string }> };

export type LectureFormVenuesQueryVariables = Exact<{
  countyCode: string;
}>;


export type LectureFormVenuesQuery = { venues: Array<{ id: string, name: string, address: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } }> };

export type LectureFormProposeMutationVariables = Exact<{
  input: LectureProposalInput;
}>;


export type LectureFormProposeMutation = { proposeLecture: { id: string, status: LectureStatus } };

export type LectureFormUpdateMutationVariables = Exact<{
  id: string;
  input: LectureUpdateInput;
}>;


export type LectureFormUpdateMutation = { updateLecture: { id: string, status: LectureStatus } };

export type LecturerMessageTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type LecturerMessageTemplatesQuery = { subscriptionTemplateIds: Array<string> };

export type LecturerMyLecturesQueryVariables = Exact<{
  when: LectureTime;
}>;


export type LecturerMyLecturesQuery = { myLectures: Array<{ id: string, title: string, startsAt: string, endsAt: string, status: LectureStatus, capacity: number, seatsLeft: number, rejectionReason: string | null, cancellationReason: string | null, campaignTag: string | null, venue: { id: string, name: string } }> };

export type LecturerLectureQueryVariables = Exact<{
  id: string;
}>;


export type LecturerLectureQuery = { lecture: { id: string, title: string, summary: string, startsAt: string, endsAt: string, status: LectureStatus, capacity: number, seatsLeft: number, maxPartySize: number, campaignTag: string | null, rejectionReason: string | null, cancellationReason: string | null, canManage: boolean, canCheckIn: boolean, venue: { id: string, name: string, address: string, type: VenueType, county: { code: string, name: string } }, feedbackSummary: { count: number, averageRating: number | null, ratingCounts: Array<number>, understoodYes: number, understoodNo: number, willTryYes: number, willTryNo: number, wantedTopics: Array<{ topic: FeedbackTopic, count: number }>, comments: Array<{ rating: number, comment: string, createdAt: string }> } | null } | null };

export type RosterFieldsFragment = { lectureId: string, bookedHouseholds: number, checkedInHouseholds: number, peoplePresent: number, entries: Array<{ bookingId: string, householdName: string, phoneTail: string | null, partySize: number, status: BookingStatus, seatNumbers: Array<number>, checkedInAt: string | null, partyPresent: number | null }>, walkIns: Array<{ id: string, partySize: number, note: string | null, checkedInAt: string }> };

export type LecturerRosterQueryVariables = Exact<{
  lectureId: string;
  phoneTail?: string | null | undefined;
}>;


export type LecturerRosterQuery = { lectureRoster: { lectureId: string, bookedHouseholds: number, checkedInHouseholds: number, peoplePresent: number, entries: Array<{ bookingId: string, householdName: string, phoneTail: string | null, partySize: number, status: BookingStatus, seatNumbers: Array<number>, checkedInAt: string | null, partyPresent: number | null }>, walkIns: Array<{ id: string, partySize: number, note: string | null, checkedInAt: string }> } };

export type LecturerCancelLectureMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type LecturerCancelLectureMutation = { cancelLecture: { id: string, status: LectureStatus, cancellationReason: string | null } };

export type LecturerMessageHouseholdsMutationVariables = Exact<{
  lectureId: string;
  text: string;
  idempotencyKey: string;
}>;


export type LecturerMessageHouseholdsMutation = { messageHouseholds: { recipients: number } };

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
export const CourseEditorChapterFragmentDoc = new TypedDocumentString(`
    fragment CourseEditorChapter on Chapter {
  id
  kind
  title
  body
  mediaUrl
  durationSeconds
}
    `, {"fragmentName":"CourseEditorChapter"}) as unknown as TypedDocumentString<CourseEditorChapterFragment, unknown>;
export const CourseEditorCourseFragmentDoc = new TypedDocumentString(`
    fragment CourseEditorCourse on Course {
  id
  status
  title
  summary
  coverUrl
  tags
  ageGroups
  revision
  publishedAt
  chapters {
    ...CourseEditorChapter
  }
  workingRevision {
    revision
    status
    title
    summary
    coverUrl
    tags
    ageGroups
    rejectionReason
    submittedAt
    chapters {
      ...CourseEditorChapter
    }
  }
  reviewHistory {
    id
    revision
    verdict
    reason
    decidedAt
  }
}
    fragment CourseEditorChapter on Chapter {
  id
  kind
  title
  body
  mediaUrl
  durationSeconds
}`, {"fragmentName":"CourseEditorCourse"}) as unknown as TypedDocumentString<CourseEditorCourseFragment, unknown>;
export const CourseEditorStateFragmentDoc = new TypedDocumentString(`
    fragment CourseEditorState on Course {
  id
  status
  chapters {
    id
  }
  workingRevision {
    status
    rejectionReason
    chapters {
      id
    }
  }
  reviewHistory {
    id
    verdict
    reason
    decidedAt
  }
}
    `, {"fragmentName":"CourseEditorState"}) as unknown as TypedDocumentString<CourseEditorStateFragment, unknown>;
export const LectureFormVenueFragmentDoc = new TypedDocumentString(`
    fragment LectureFormVenue on Venue {
  id
  name
  address
  type
  isPracticeBase
  county {
    code
    name
  }
}
    `, {"fragmentName":"LectureFormVenue"}) as unknown as TypedDocumentString<LectureFormVenueFragment, unknown>;
export const RosterFieldsFragmentDoc = new TypedDocumentString(`
    fragment RosterFields on Roster {
  lectureId
  bookedHouseholds
  checkedInHouseholds
  peoplePresent
  entries {
    bookingId
    householdName
    phoneTail
    partySize
    status
    seatNumbers
    checkedInAt
    partyPresent
  }
  walkIns {
    id
    partySize
    note
    checkedInAt
  }
}
    `, {"fragmentName":"RosterFields"}) as unknown as TypedDocumentString<RosterFieldsFragment, unknown>;
export const CheckInDeskDocument = new TypedDocumentString(`
    query CheckInDesk($lectureId: ID!) {
  lecture(id: $lectureId) {
    id
    title
    startsAt
    endsAt
    status
    maxPartySize
    canCheckIn
    venue {
      id
      name
    }
  }
  lectureRoster(lectureId: $lectureId) {
    ...RosterFields
  }
}
    fragment RosterFields on Roster {
  lectureId
  bookedHouseholds
  checkedInHouseholds
  peoplePresent
  entries {
    bookingId
    householdName
    phoneTail
    partySize
    status
    seatNumbers
    checkedInAt
    partyPresent
  }
  walkIns {
    id
    partySize
    note
    checkedInAt
  }
}`) as unknown as TypedDocumentString<CheckInDeskQuery, CheckInDeskQueryVariables>;
export const LecturerCourseListDocument = new TypedDocumentString(`
    query LecturerCourseList {
  myCourses {
    id
    status
    title
    revision
    publishedAt
    chapters {
      id
    }
    workingRevision {
      revision
      status
      title
      rejectionReason
      submittedAt
      updatedAt
      chapters {
        id
      }
    }
    reviewHistory {
      id
      revision
      verdict
      reason
      decidedAt
    }
  }
}
    `) as unknown as TypedDocumentString<LecturerCourseListQuery, LecturerCourseListQueryVariables>;
export const CourseEditorDocument = new TypedDocumentString(`
    query CourseEditor($id: ID!) {
  course(id: $id) {
    ...CourseEditorCourse
  }
}
    fragment CourseEditorChapter on Chapter {
  id
  kind
  title
  body
  mediaUrl
  durationSeconds
}
fragment CourseEditorCourse on Course {
  id
  status
  title
  summary
  coverUrl
  tags
  ageGroups
  revision
  publishedAt
  chapters {
    ...CourseEditorChapter
  }
  workingRevision {
    revision
    status
    title
    summary
    coverUrl
    tags
    ageGroups
    rejectionReason
    submittedAt
    chapters {
      ...CourseEditorChapter
    }
  }
  reviewHistory {
    id
    revision
    verdict
    reason
    decidedAt
  }
}`) as unknown as TypedDocumentString<CourseEditorQuery, CourseEditorQueryVariables>;
export const CourseEditorSaveDocument = new TypedDocumentString(`
    mutation CourseEditorSave($input: CourseDraftInput!) {
  saveCourseDraft(input: $input) {
    ...CourseEditorState
  }
}
    fragment CourseEditorState on Course {
  id
  status
  chapters {
    id
  }
  workingRevision {
    status
    rejectionReason
    chapters {
      id
    }
  }
  reviewHistory {
    id
    verdict
    reason
    decidedAt
  }
}`) as unknown as TypedDocumentString<CourseEditorSaveMutation, CourseEditorSaveMutationVariables>;
export const CourseEditorSubmitDocument = new TypedDocumentString(`
    mutation CourseEditorSubmit($id: ID!) {
  submitCourseForReview(id: $id) {
    ...CourseEditorState
  }
}
    fragment CourseEditorState on Course {
  id
  status
  chapters {
    id
  }
  workingRevision {
    status
    rejectionReason
    chapters {
      id
    }
  }
  reviewHistory {
    id
    verdict
    reason
    decidedAt
  }
}`) as unknown as TypedDocumentString<CourseEditorSubmitMutation, CourseEditorSubmitMutationVariables>;
export const LectureFormLectureDocument = new TypedDocumentString(`
    query LectureFormLecture($id: ID!) {
  lecture(id: $id) {
    id
    title
    summary
    status
    startsAt
    endsAt
    capacity
    seatsLeft
    maxPartySize
    audienceAgeGroups
    campaignTag
    rejectionReason
    canManage
    course {
      id
      title
    }
    venue {
      ...LectureFormVenue
    }
  }
}
    fragment LectureFormVenue on Venue {
  id
  name
  address
  type
  isPracticeBase
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<LectureFormLectureQuery, LectureFormLectureQueryVariables>;
export const LectureFormCoursesDocument = new TypedDocumentString(`
    query LectureFormCourses {
  myCourses {
    id
    status
    title
  }
}
    `) as unknown as TypedDocumentString<LectureFormCoursesQuery, LectureFormCoursesQueryVariables>;
export const LectureFormVenuesDocument = new TypedDocumentString(`
    query LectureFormVenues($countyCode: ID!) {
  venues(countyCode: $countyCode) {
    ...LectureFormVenue
  }
}
    fragment LectureFormVenue on Venue {
  id
  name
  address
  type
  isPracticeBase
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<LectureFormVenuesQuery, LectureFormVenuesQueryVariables>;
export const LectureFormProposeDocument = new TypedDocumentString(`
    mutation LectureFormPropose($input: LectureProposalInput!) {
  proposeLecture(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<LectureFormProposeMutation, LectureFormProposeMutationVariables>;
export const LectureFormUpdateDocument = new TypedDocumentString(`
    mutation LectureFormUpdate($id: ID!, $input: LectureUpdateInput!) {
  updateLecture(id: $id, input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<LectureFormUpdateMutation, LectureFormUpdateMutationVariables>;
export const LecturerMessageTemplatesDocument = new TypedDocumentString(`
    query LecturerMessageTemplates {
  subscriptionTemplateIds
}
    `) as unknown as TypedDocumentString<LecturerMessageTemplatesQuery, LecturerMessageTemplatesQueryVariables>;
export const LecturerMyLecturesDocument = new TypedDocumentString(`
    query LecturerMyLectures($when: LectureTime!) {
  myLectures(when: $when) {
    id
    title
    startsAt
    endsAt
    status
    capacity
    seatsLeft
    rejectionReason
    cancellationReason
    campaignTag
    venue {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<LecturerMyLecturesQuery, LecturerMyLecturesQueryVariables>;
export const LecturerLectureDocument = new TypedDocumentString(`
    query LecturerLecture($id: ID!) {
  lecture(id: $id) {
    id
    title
    summary
    startsAt
    endsAt
    status
    capacity
    seatsLeft
    maxPartySize
    campaignTag
    rejectionReason
    cancellationReason
    canManage
    canCheckIn
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
    feedbackSummary {
      count
      averageRating
      ratingCounts
      understoodYes
      understoodNo
      willTryYes
      willTryNo
      wantedTopics {
        topic
        count
      }
      comments {
        rating
        comment
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LecturerLectureQuery, LecturerLectureQueryVariables>;
export const LecturerRosterDocument = new TypedDocumentString(`
    query LecturerRoster($lectureId: ID!, $phoneTail: String) {
  lectureRoster(lectureId: $lectureId, phoneTail: $phoneTail) {
    ...RosterFields
  }
}
    fragment RosterFields on Roster {
  lectureId
  bookedHouseholds
  checkedInHouseholds
  peoplePresent
  entries {
    bookingId
    householdName
    phoneTail
    partySize
    status
    seatNumbers
    checkedInAt
    partyPresent
  }
  walkIns {
    id
    partySize
    note
    checkedInAt
  }
}`) as unknown as TypedDocumentString<LecturerRosterQuery, LecturerRosterQueryVariables>;
export const LecturerCancelLectureDocument = new TypedDocumentString(`
    mutation LecturerCancelLecture($id: ID!, $reason: String!) {
  cancelLecture(id: $id, reason: $reason) {
    id
    status
    cancellationReason
  }
}
    `) as unknown as TypedDocumentString<LecturerCancelLectureMutation, LecturerCancelLectureMutationVariables>;
export const LecturerMessageHouseholdsDocument = new TypedDocumentString(`
    mutation LecturerMessageHouseholds($lectureId: ID!, $text: String!, $idempotencyKey: String!) {
  messageHouseholds(
    lectureId: $lectureId
    text: $text
    idempotencyKey: $idempotencyKey
  ) {
    recipients
  }
}
    `) as unknown as TypedDocumentString<LecturerMessageHouseholdsMutation, LecturerMessageHouseholdsMutationVariables>;