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

export type BookLectureInput = {
  /** Made once per tap of the book button; a retry with the same key returns the first result */
  idempotencyKey: string;
  lectureId: string;
  /** Seats for the household, 1 to the lecture's maxPartySize */
  partySize: number;
};

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

/** Lectures still to end (soonest first) or over (latest first) */
export type BookingTime =
  | 'PAST'
  | 'UPCOMING';

export type CheckInOutcome =
  /** The household was checked in earlier, by another scan; nothing counted twice */
  | 'ALREADY_CHECKED_IN'
  /** This scan checked the household in (also when the same scan is replayed) */
  | 'CHECKED_IN'
  /** Not checked in; errorCode and message say why */
  | 'REJECTED'
  /** Guests without a booking were counted */
  | 'WALK_IN_RECORDED';

export type FeedbackInput = {
  /** Up to 500 characters; blank means none */
  comment?: string | null | undefined;
  lectureId: string;
  /** 1 to 5 stars */
  rating: number;
  survey?: SurveyInput | null | undefined;
};

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

/** Who looks after the children */
export type GuardianKind =
  | 'GRANDPARENT'
  | 'OTHER'
  | 'OTHER_RELATIVE'
  | 'PARENT';

/** Narrows the lecture list; every given condition must hold */
export type LectureFilter = {
  /** Only lectures for children of this stage (or for every age) */
  ageGroup?: AgeGroup | null | undefined;
  /** Administrative code of a county, e.g. 350702 */
  countyCode?: string | null | undefined;
  /** Only lectures still to end after this instant (under way or later) */
  from?: string | null | undefined;
  /** Words to find in the title or summary */
  search?: string | null | undefined;
  /** Only lectures starting before this instant */
  to?: string | null | undefined;
  venueType?: VenueType | null | undefined;
};

export type LectureStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'PROPOSED'
  | 'PUBLISHED'
  | 'REJECTED';

export type OfflineScanInput = {
  bookingId?: string | null | undefined;
  /** Unique per scan on the device; replaying it is harmless */
  clientScanId: string;
  code?: string | null | undefined;
  lectureId: string;
  partyPresent?: number | null | undefined;
  /** When the door scanned it, by the device clock */
  scannedAt: string;
  /** A walk-in of this many people, instead of a ticket */
  walkInPartySize?: number | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'LECTURER'
  | 'ORGANIZER'
  | 'PARENT';

/** A short survey, every question optional */
export type SurveyInput = {
  /** 讲的内容听得懂吗 */
  understood?: boolean | null | undefined;
  /** 还想听哪些主题 (<= 3) */
  wantedTopics?: Array<FeedbackTopic> | null | undefined;
  /** 回家会试着用吗 */
  willTryAtHome?: boolean | null | undefined;
};

/** Fields left out stay as they are; null clears a field */
export type UpdateProfileInput = {
  childrenAgeGroups?: Array<AgeGroup> | null | undefined;
  countyCode?: string | null | undefined;
  displayName?: string | null | undefined;
  guardianKind?: GuardianKind | null | undefined;
  /** Mainland mobile number, 11 digits */
  phone?: string | null | undefined;
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

export type UserFieldsFragment = { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role };

export type SignInWithWechatMutationVariables = Exact<{
  code: string;
}>;


export type SignInWithWechatMutation = { signInWithWechat: { token: string, expiresAt: string, user: { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role } } };

export type SignInForDevelopmentMutationVariables = Exact<{
  openId: string;
  role?: Role | null | undefined;
}>;


export type SignInForDevelopmentMutation = { signInForDevelopment: { token: string, expiresAt: string, user: { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role } };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { token: string, expiresAt: string, user: { id: string, displayName: string | null, countyCode: string | null, guardianKind: GuardianKind | null, childrenAgeGroups: Array<AgeGroup>, phone: string | null, role: Role } } };

export type BookingFieldsFragment = { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null };

export type BookLectureMutationVariables = Exact<{
  input: BookLectureInput;
}>;


export type BookLectureMutation = { bookLecture: { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null, lecture: { id: string, seatsLeft: number } } };

export type CancelBookingMutationVariables = Exact<{
  id: string;
}>;


export type CancelBookingMutation = { cancelBooking: { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null, lecture: { id: string, seatsLeft: number } } };

export type MyBookingsQueryVariables = Exact<{
  when: BookingTime;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyBookingsQuery = { myBookings: { pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null, lecture: { id: string, title: string, startsAt: string, endsAt: string, venue: { id: string, name: string, county: { code: string, name: string } } } } }> } };

export type TicketQueryVariables = Exact<{
  id: string;
}>;


export type TicketQuery = { booking: { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null, ticket: { code: string, shortCode: string } | null, lecture: { id: string, title: string, startsAt: string, endsAt: string, cancellationDeadline: string, venue: { id: string, name: string, address: string, county: { code: string, name: string } } } } | null };

export type CheckInSyncMutationVariables = Exact<{
  scans: Array<OfflineScanInput> | OfflineScanInput;
}>;


export type CheckInSyncMutation = { syncCheckIns: Array<{ clientScanId: string | null, outcome: CheckInOutcome, message: string, errorCode: string | null, bookingId: string | null, householdName: string | null, partySize: number | null, partyPresent: number | null, checkedInAt: string | null }> };

export type CountiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountiesQuery = { counties: Array<{ code: string, name: string }> };

export type FeedbackFieldsFragment = { id: string, rating: number, comment: string | null, understood: boolean | null, willTryAtHome: boolean | null, wantedTopics: Array<FeedbackTopic>, createdAt: string };

export type LectureFeedbackQueryVariables = Exact<{
  id: string;
}>;


export type LectureFeedbackQuery = { lecture: { id: string, canGiveFeedback: boolean, myFeedback: { id: string, rating: number, comment: string | null, understood: boolean | null, willTryAtHome: boolean | null, wantedTopics: Array<FeedbackTopic>, createdAt: string } | null } | null };

export type SubmitFeedbackMutationVariables = Exact<{
  input: FeedbackInput;
}>;


export type SubmitFeedbackMutation = { submitFeedback: { id: string, rating: number, comment: string | null, understood: boolean | null, willTryAtHome: boolean | null, wantedTopics: Array<FeedbackTopic>, createdAt: string } };

export type LecturesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: LectureFilter | null | undefined;
}>;


export type LecturesQuery = { lectures: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, title: string, startsAt: string, endsAt: string, seatsLeft: number, venue: { id: string, name: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } } } }> } };

export type LectureDetailQueryVariables = Exact<{
  id: string;
}>;


export type LectureDetailQuery = { subscriptionTemplateIds: Array<string>, lecture: { id: string, title: string, startsAt: string, endsAt: string, status: LectureStatus, capacity: number, seatsLeft: number, maxPartySize: number, cancellationDeadline: string, tags: Array<string>, summary: string, venue: { id: string, name: string, address: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } }, lecturer: { id: string, name: string, title: string | null, bio: string | null }, myBooking: { id: string, status: BookingStatus, partySize: number, seatNumbers: Array<number>, waitlistPosition: number | null, requestedAt: string, cancelledAt: string | null } | null, messages: Array<{ id: string, text: string, sentAt: string }> } | null };

export type MineDoorDutyQueryVariables = Exact<{ [key: string]: never; }>;


export type MineDoorDutyQuery = { myLectures: Array<{ id: string }> };

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
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const BookingFieldsFragmentDoc = new TypedDocumentString(`
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}
    `, {"fragmentName":"BookingFields"}) as unknown as TypedDocumentString<BookingFieldsFragment, unknown>;
export const FeedbackFieldsFragmentDoc = new TypedDocumentString(`
    fragment FeedbackFields on Feedback {
  id
  rating
  comment
  understood
  willTryAtHome
  wantedTopics
  createdAt
}
    `, {"fragmentName":"FeedbackFields"}) as unknown as TypedDocumentString<FeedbackFieldsFragment, unknown>;
export const SignInWithWechatDocument = new TypedDocumentString(`
    mutation SignInWithWechat($code: String!) {
  signInWithWechat(code: $code) {
    token
    expiresAt
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}`) as unknown as TypedDocumentString<SignInWithWechatMutation, SignInWithWechatMutationVariables>;
export const SignInForDevelopmentDocument = new TypedDocumentString(`
    mutation SignInForDevelopment($openId: String!, $role: Role) {
  signInForDevelopment(openId: $openId, role: $role) {
    token
    expiresAt
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}`) as unknown as TypedDocumentString<SignInForDevelopmentMutation, SignInForDevelopmentMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}`) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    token
    expiresAt
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  displayName
  countyCode
  guardianKind
  childrenAgeGroups
  phone
  role
}`) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const BookLectureDocument = new TypedDocumentString(`
    mutation BookLecture($input: BookLectureInput!) {
  bookLecture(input: $input) {
    ...BookingFields
    lecture {
      id
      seatsLeft
    }
  }
}
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}`) as unknown as TypedDocumentString<BookLectureMutation, BookLectureMutationVariables>;
export const CancelBookingDocument = new TypedDocumentString(`
    mutation CancelBooking($id: ID!) {
  cancelBooking(id: $id) {
    ...BookingFields
    lecture {
      id
      seatsLeft
    }
  }
}
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}`) as unknown as TypedDocumentString<CancelBookingMutation, CancelBookingMutationVariables>;
export const MyBookingsDocument = new TypedDocumentString(`
    query MyBookings($when: BookingTime!, $first: Int, $after: String) {
  myBookings(when: $when, first: $first, after: $after) {
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        ...BookingFields
        lecture {
          id
          title
          startsAt
          endsAt
          venue {
            id
            name
            county {
              code
              name
            }
          }
        }
      }
    }
  }
}
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}`) as unknown as TypedDocumentString<MyBookingsQuery, MyBookingsQueryVariables>;
export const TicketDocument = new TypedDocumentString(`
    query Ticket($id: ID!) {
  booking(id: $id) {
    ...BookingFields
    ticket {
      code
      shortCode
    }
    lecture {
      id
      title
      startsAt
      endsAt
      cancellationDeadline
      venue {
        id
        name
        address
        county {
          code
          name
        }
      }
    }
  }
}
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}`) as unknown as TypedDocumentString<TicketQuery, TicketQueryVariables>;
export const CheckInSyncDocument = new TypedDocumentString(`
    mutation CheckInSync($scans: [OfflineScanInput!]!) {
  syncCheckIns(scans: $scans) {
    clientScanId
    outcome
    message
    errorCode
    bookingId
    householdName
    partySize
    partyPresent
    checkedInAt
  }
}
    `) as unknown as TypedDocumentString<CheckInSyncMutation, CheckInSyncMutationVariables>;
export const CountiesDocument = new TypedDocumentString(`
    query Counties {
  counties {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<CountiesQuery, CountiesQueryVariables>;
export const LectureFeedbackDocument = new TypedDocumentString(`
    query LectureFeedback($id: ID!) {
  lecture(id: $id) {
    id
    canGiveFeedback
    myFeedback {
      ...FeedbackFields
    }
  }
}
    fragment FeedbackFields on Feedback {
  id
  rating
  comment
  understood
  willTryAtHome
  wantedTopics
  createdAt
}`) as unknown as TypedDocumentString<LectureFeedbackQuery, LectureFeedbackQueryVariables>;
export const SubmitFeedbackDocument = new TypedDocumentString(`
    mutation SubmitFeedback($input: FeedbackInput!) {
  submitFeedback(input: $input) {
    ...FeedbackFields
  }
}
    fragment FeedbackFields on Feedback {
  id
  rating
  comment
  understood
  willTryAtHome
  wantedTopics
  createdAt
}`) as unknown as TypedDocumentString<SubmitFeedbackMutation, SubmitFeedbackMutationVariables>;
export const LecturesDocument = new TypedDocumentString(`
    query Lectures($first: Int!, $after: String, $filter: LectureFilter) {
  lectures(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        title
        startsAt
        endsAt
        seatsLeft
        venue {
          id
          name
          type
          isPracticeBase
          county {
            code
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LecturesQuery, LecturesQueryVariables>;
export const LectureDetailDocument = new TypedDocumentString(`
    query LectureDetail($id: ID!) {
  lecture(id: $id) {
    id
    title
    startsAt
    endsAt
    status
    capacity
    seatsLeft
    maxPartySize
    cancellationDeadline
    tags
    summary
    venue {
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
    lecturer {
      id
      name
      title
      bio
    }
    myBooking {
      ...BookingFields
    }
    messages {
      id
      text
      sentAt
    }
  }
  subscriptionTemplateIds
}
    fragment BookingFields on Booking {
  id
  status
  partySize
  seatNumbers
  waitlistPosition
  requestedAt
  cancelledAt
}`) as unknown as TypedDocumentString<LectureDetailQuery, LectureDetailQueryVariables>;
export const MineDoorDutyDocument = new TypedDocumentString(`
    query MineDoorDuty {
  myLectures(when: UPCOMING) {
    id
  }
}
    `) as unknown as TypedDocumentString<MineDoorDutyQuery, MineDoorDutyQueryVariables>;