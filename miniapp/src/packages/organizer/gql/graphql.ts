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

export type OutreachTargetInput = {
  /** Lectures to hold, 0..10000 */
  lectures: number;
  /** People to reach (checked in + walk-ins), 0..1000000 */
  people: number;
  venueType: VenueType;
};

export type ReviewSubject =
  | 'COURSE'
  | 'LECTURE';

export type ReviewVerdict =
  | 'APPROVED'
  | 'REJECTED';

export type SetOutreachTargetsInput = {
  /** null or absent: the city's own targets */
  countyCode?: string | null | undefined;
  /** 1–5 items, each venue type at most once; types not listed keep their targets */
  targets: Array<OutreachTargetInput>;
  year: number;
};

/** A venue as the organizer fills it in; an update replaces every field */
export type VenueInput = {
  /** 1–120 */
  address: string;
  /** ≤ 20 */
  contactName?: string | null | undefined;
  /** Mainland mobile (11 digits starting 1) or landline digits with optional dash, 7–13 chars; blank means none */
  contactPhone?: string | null | undefined;
  /** Six-digit code of one of the ten counties; an organizer's own county unless city-wide */
  countyCode: string;
  isPracticeBase: boolean;
  /** Both or neither; latitude -90..90, longitude -180..180 */
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  /** 1–60 characters after trimming */
  name: string;
  /** Required when isPracticeBase (2000 .. this year); must be absent otherwise */
  practiceBaseYear?: number | null | undefined;
  /** ≤ 30 */
  township?: string | null | undefined;
  type: VenueType;
};

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

export type DashboardFiguresFragment = { lecturesHeld: number, lecturesUpcoming: number, seatsBooked: number, peopleCheckedIn: number, peopleReached: number, householdsReached: number, attendanceRate: number | null, noShowRate: number | null, averageRating: number | null, ratingCount: number, walkInPeople: number, lectureTarget: number | null, peopleTarget: number | null, lectureProgress: number | null, peopleProgress: number | null };

export type DashboardReportQueryVariables = Exact<{
  year: number;
  countyCode?: string | null | undefined;
}>;


export type DashboardReportQuery = { outreachReport: { year: number, generatedAt: string, county: { code: string, name: string } | null, totals: { lecturesHeld: number, lecturesUpcoming: number, seatsBooked: number, peopleCheckedIn: number, peopleReached: number, householdsReached: number, attendanceRate: number | null, noShowRate: number | null, averageRating: number | null, ratingCount: number, walkInPeople: number, lectureTarget: number | null, peopleTarget: number | null, lectureProgress: number | null, peopleProgress: number | null }, byVenueType: Array<{ venueType: VenueType, figures: { lecturesHeld: number, lecturesUpcoming: number, seatsBooked: number, peopleCheckedIn: number, peopleReached: number, householdsReached: number, attendanceRate: number | null, noShowRate: number | null, averageRating: number | null, ratingCount: number, walkInPeople: number, lectureTarget: number | null, peopleTarget: number | null, lectureProgress: number | null, peopleProgress: number | null } }>, byCounty: Array<{ county: { code: string, name: string }, figures: { lecturesHeld: number, lecturesUpcoming: number, seatsBooked: number, peopleCheckedIn: number, peopleReached: number, householdsReached: number, attendanceRate: number | null, noShowRate: number | null, averageRating: number | null, ratingCount: number, walkInPeople: number, lectureTarget: number | null, peopleTarget: number | null, lectureProgress: number | null, peopleProgress: number | null } }>, byMonth: Array<{ month: number, figures: { lecturesHeld: number, peopleReached: number } }> } };

export type OrgPagesFiguresFragment = { lecturesHeld: number, seatsBooked: number, peopleCheckedIn: number, walkInPeople: number, peopleReached: number, ratingCount: number, averageRating: number | null };

export type OrgPagesLectureFragment = { id: string, title: string, startsAt: string, endsAt: string, capacity: number, seatsLeft: number, lecturer: { id: string, name: string }, venue: { id: string, name: string, type: VenueType, county: { code: string, name: string } } };

export type OrgPagesOutreachLecturesQueryVariables = Exact<{
  year: number;
  countyCode?: string | null | undefined;
  venueType?: VenueType | null | undefined;
  month?: number | null | undefined;
}>;


export type OrgPagesOutreachLecturesQuery = { outreachLectures: Array<{ lecture: { id: string, title: string, startsAt: string, endsAt: string, capacity: number, seatsLeft: number, lecturer: { id: string, name: string }, venue: { id: string, name: string, type: VenueType, county: { code: string, name: string } } }, figures: { lecturesHeld: number, seatsBooked: number, peopleCheckedIn: number, walkInPeople: number, peopleReached: number, ratingCount: number, averageRating: number | null } }> };

export type OrgPagesLectureAttendanceQueryVariables = Exact<{
  lectureId: string;
}>;


export type OrgPagesLectureAttendanceQuery = { lectureAttendance: { lecture: { id: string, title: string, startsAt: string, endsAt: string, capacity: number, seatsLeft: number, lecturer: { id: string, name: string }, venue: { id: string, name: string, type: VenueType, county: { code: string, name: string } } }, entries: Array<{ bookingId: string, householdName: string, phone: string | null, partySize: number, status: BookingStatus, checkedInAt: string | null, partyPresent: number | null }>, walkIns: Array<{ id: string, partySize: number, checkedInAt: string, note: string | null }>, figures: { lecturesHeld: number, seatsBooked: number, peopleCheckedIn: number, walkInPeople: number, peopleReached: number, ratingCount: number, averageRating: number | null } } };

export type OrgPagesTargetFragment = { year: number, venueType: VenueType, lectures: number, people: number, updatedAt: string, county: { code: string, name: string } | null };

export type OrgPagesOutreachTargetsQueryVariables = Exact<{
  year: number;
  countyCode?: string | null | undefined;
}>;


export type OrgPagesOutreachTargetsQuery = { outreachTargets: Array<{ year: number, venueType: VenueType, lectures: number, people: number, updatedAt: string, county: { code: string, name: string } | null }> };

export type OrgPagesSetOutreachTargetsMutationVariables = Exact<{
  input: SetOutreachTargetsInput;
}>;


export type OrgPagesSetOutreachTargetsMutation = { setOutreachTargets: Array<{ year: number, venueType: VenueType, lectures: number, people: number, updatedAt: string, county: { code: string, name: string } | null }> };

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

export type OrgPagesVenueFragment = { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } };

export type OrgPagesVenuesQueryVariables = Exact<{
  countyCode?: string | null | undefined;
  type?: VenueType | null | undefined;
}>;


export type OrgPagesVenuesQuery = { venues: Array<{ id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } }> };

export type OrgPagesVenueDetailQueryVariables = Exact<{
  id: string;
}>;


export type OrgPagesVenueDetailQuery = { venue: { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } } | null };

export type OrgPagesCreateVenueMutationVariables = Exact<{
  input: VenueInput;
}>;


export type OrgPagesCreateVenueMutation = { createVenue: { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } } };

export type OrgPagesUpdateVenueMutationVariables = Exact<{
  id: string;
  input: VenueInput;
}>;


export type OrgPagesUpdateVenueMutation = { updateVenue: { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } } };

export type OrgPagesRetireVenueMutationVariables = Exact<{
  id: string;
}>;


export type OrgPagesRetireVenueMutation = { retireVenue: { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } } };

export type OrgPagesRestoreVenueMutationVariables = Exact<{
  id: string;
}>;


export type OrgPagesRestoreVenueMutation = { restoreVenue: { id: string, name: string, type: VenueType, address: string, township: string | null, contactName: string | null, contactPhone: string | null, isPracticeBase: boolean, practiceBaseYear: number | null, retired: boolean, lectureCount: number | null, location: { latitude: number, longitude: number } | null, county: { code: string, name: string } } };

export type OrgPagesDeleteVenueMutationVariables = Exact<{
  id: string;
}>;


export type OrgPagesDeleteVenueMutation = { deleteVenue: string };

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
export const DashboardFiguresFragmentDoc = new TypedDocumentString(`
    fragment DashboardFigures on OutreachFigures {
  lecturesHeld
  lecturesUpcoming
  seatsBooked
  peopleCheckedIn
  peopleReached
  householdsReached
  attendanceRate
  noShowRate
  averageRating
  ratingCount
  walkInPeople
  lectureTarget
  peopleTarget
  lectureProgress
  peopleProgress
}
    `, {"fragmentName":"DashboardFigures"}) as unknown as TypedDocumentString<DashboardFiguresFragment, unknown>;
export const OrgPagesFiguresFragmentDoc = new TypedDocumentString(`
    fragment OrgPagesFigures on OutreachFigures {
  lecturesHeld
  seatsBooked
  peopleCheckedIn
  walkInPeople
  peopleReached
  ratingCount
  averageRating
}
    `, {"fragmentName":"OrgPagesFigures"}) as unknown as TypedDocumentString<OrgPagesFiguresFragment, unknown>;
export const OrgPagesLectureFragmentDoc = new TypedDocumentString(`
    fragment OrgPagesLecture on Lecture {
  id
  title
  startsAt
  endsAt
  capacity
  seatsLeft
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
    `, {"fragmentName":"OrgPagesLecture"}) as unknown as TypedDocumentString<OrgPagesLectureFragment, unknown>;
export const OrgPagesTargetFragmentDoc = new TypedDocumentString(`
    fragment OrgPagesTarget on OutreachTarget {
  year
  venueType
  lectures
  people
  updatedAt
  county {
    code
    name
  }
}
    `, {"fragmentName":"OrgPagesTarget"}) as unknown as TypedDocumentString<OrgPagesTargetFragment, unknown>;
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
export const OrgPagesVenueFragmentDoc = new TypedDocumentString(`
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}
    `, {"fragmentName":"OrgPagesVenue"}) as unknown as TypedDocumentString<OrgPagesVenueFragment, unknown>;
export const DashboardReportDocument = new TypedDocumentString(`
    query DashboardReport($year: Int!, $countyCode: ID) {
  outreachReport(year: $year, countyCode: $countyCode) {
    year
    county {
      code
      name
    }
    totals {
      ...DashboardFigures
    }
    byVenueType {
      venueType
      figures {
        ...DashboardFigures
      }
    }
    byCounty {
      county {
        code
        name
      }
      figures {
        ...DashboardFigures
      }
    }
    byMonth {
      month
      figures {
        lecturesHeld
        peopleReached
      }
    }
    generatedAt
  }
}
    fragment DashboardFigures on OutreachFigures {
  lecturesHeld
  lecturesUpcoming
  seatsBooked
  peopleCheckedIn
  peopleReached
  householdsReached
  attendanceRate
  noShowRate
  averageRating
  ratingCount
  walkInPeople
  lectureTarget
  peopleTarget
  lectureProgress
  peopleProgress
}`) as unknown as TypedDocumentString<DashboardReportQuery, DashboardReportQueryVariables>;
export const OrgPagesOutreachLecturesDocument = new TypedDocumentString(`
    query OrgPagesOutreachLectures($year: Int!, $countyCode: ID, $venueType: VenueType, $month: Int) {
  outreachLectures(
    year: $year
    countyCode: $countyCode
    venueType: $venueType
    month: $month
  ) {
    lecture {
      ...OrgPagesLecture
    }
    figures {
      ...OrgPagesFigures
    }
  }
}
    fragment OrgPagesFigures on OutreachFigures {
  lecturesHeld
  seatsBooked
  peopleCheckedIn
  walkInPeople
  peopleReached
  ratingCount
  averageRating
}
fragment OrgPagesLecture on Lecture {
  id
  title
  startsAt
  endsAt
  capacity
  seatsLeft
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
}`) as unknown as TypedDocumentString<OrgPagesOutreachLecturesQuery, OrgPagesOutreachLecturesQueryVariables>;
export const OrgPagesLectureAttendanceDocument = new TypedDocumentString(`
    query OrgPagesLectureAttendance($lectureId: ID!) {
  lectureAttendance(lectureId: $lectureId) {
    lecture {
      ...OrgPagesLecture
    }
    entries {
      bookingId
      householdName
      phone
      partySize
      status
      checkedInAt
      partyPresent
    }
    walkIns {
      id
      partySize
      checkedInAt
      note
    }
    figures {
      ...OrgPagesFigures
    }
  }
}
    fragment OrgPagesFigures on OutreachFigures {
  lecturesHeld
  seatsBooked
  peopleCheckedIn
  walkInPeople
  peopleReached
  ratingCount
  averageRating
}
fragment OrgPagesLecture on Lecture {
  id
  title
  startsAt
  endsAt
  capacity
  seatsLeft
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
}`) as unknown as TypedDocumentString<OrgPagesLectureAttendanceQuery, OrgPagesLectureAttendanceQueryVariables>;
export const OrgPagesOutreachTargetsDocument = new TypedDocumentString(`
    query OrgPagesOutreachTargets($year: Int!, $countyCode: ID) {
  outreachTargets(year: $year, countyCode: $countyCode) {
    ...OrgPagesTarget
  }
}
    fragment OrgPagesTarget on OutreachTarget {
  year
  venueType
  lectures
  people
  updatedAt
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesOutreachTargetsQuery, OrgPagesOutreachTargetsQueryVariables>;
export const OrgPagesSetOutreachTargetsDocument = new TypedDocumentString(`
    mutation OrgPagesSetOutreachTargets($input: SetOutreachTargetsInput!) {
  setOutreachTargets(input: $input) {
    ...OrgPagesTarget
  }
}
    fragment OrgPagesTarget on OutreachTarget {
  year
  venueType
  lectures
  people
  updatedAt
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesSetOutreachTargetsMutation, OrgPagesSetOutreachTargetsMutationVariables>;
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
export const OrgPagesVenuesDocument = new TypedDocumentString(`
    query OrgPagesVenues($countyCode: ID, $type: VenueType) {
  venues(countyCode: $countyCode, type: $type, includeRetired: true) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesVenuesQuery, OrgPagesVenuesQueryVariables>;
export const OrgPagesVenueDetailDocument = new TypedDocumentString(`
    query OrgPagesVenueDetail($id: ID!) {
  venue(id: $id) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesVenueDetailQuery, OrgPagesVenueDetailQueryVariables>;
export const OrgPagesCreateVenueDocument = new TypedDocumentString(`
    mutation OrgPagesCreateVenue($input: VenueInput!) {
  createVenue(input: $input) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesCreateVenueMutation, OrgPagesCreateVenueMutationVariables>;
export const OrgPagesUpdateVenueDocument = new TypedDocumentString(`
    mutation OrgPagesUpdateVenue($id: ID!, $input: VenueInput!) {
  updateVenue(id: $id, input: $input) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesUpdateVenueMutation, OrgPagesUpdateVenueMutationVariables>;
export const OrgPagesRetireVenueDocument = new TypedDocumentString(`
    mutation OrgPagesRetireVenue($id: ID!) {
  retireVenue(id: $id) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesRetireVenueMutation, OrgPagesRetireVenueMutationVariables>;
export const OrgPagesRestoreVenueDocument = new TypedDocumentString(`
    mutation OrgPagesRestoreVenue($id: ID!) {
  restoreVenue(id: $id) {
    ...OrgPagesVenue
  }
}
    fragment OrgPagesVenue on Venue {
  id
  name
  type
  address
  township
  location {
    latitude
    longitude
  }
  contactName
  contactPhone
  isPracticeBase
  practiceBaseYear
  retired
  lectureCount
  county {
    code
    name
  }
}`) as unknown as TypedDocumentString<OrgPagesRestoreVenueMutation, OrgPagesRestoreVenueMutationVariables>;
export const OrgPagesDeleteVenueDocument = new TypedDocumentString(`
    mutation OrgPagesDeleteVenue($id: ID!) {
  deleteVenue(id: $id)
}
    `) as unknown as TypedDocumentString<OrgPagesDeleteVenueMutation, OrgPagesDeleteVenueMutationVariables>;