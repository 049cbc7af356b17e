import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Lecturer } from '../lecturer/lecturer.type';
import { PageInfo } from '../shared/pagination';
import { Venue } from '../venue/venue.type';
import { cancellationDeadline } from '../booking/booking-rules';
import { DEFAULT_MAX_PARTY_SIZE, type LectureDoc } from './lecture.model';
import { LectureStatus } from './lecture-status';
import { AgeGroup } from '../user/user-enums';
import type { LectureQuery } from './lecture.service';

@ObjectType({ description: 'A family-education public lecture (家庭教育公益大讲堂) at one venue and time' })
export class Lecture {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => Venue)
  venue?: Venue;

  @Field(() => Lecturer)
  lecturer?: Lecturer;

  /** Resolved to `venue` and `lecturer` through loaders. */
  venueId!: string;
  lecturerId!: string;
  /** What the authorization policy asks: whose county it is in, who may check in at the door. */
  countyCode!: string;
  staffUserIds!: string[];
  /** The linked course (resolved to `course`), if any. */
  courseId!: string | null;

  @Field(() => Int, { description: 'Seats in the hall' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats not yet taken' })
  seatsLeft?: number;

  @Field(() => Int, { description: 'Seats one household may book' })
  maxPartySize!: number;

  @Field(() => LectureStatus)
  status!: LectureStatus;

  @Field({ description: 'Bookings can be cancelled until this instant' })
  cancellationDeadline!: Date;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [AgeGroup], { description: "Children's stages the lecture speaks to; empty means every age" })
  audienceAgeGroups!: AgeGroup[];

  @Field(() => String, { nullable: true, description: 'A campaign the lecture belongs to, e.g. 家庭教育宣传周' })
  campaignTag!: string | null;

  @Field(() => String, { nullable: true, description: 'Why review turned the proposal down (while REJECTED)' })
  rejectionReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the lecture was cancelled, as the households were told' })
  cancellationReason!: string | null;

  @Field(() => Int, { description: 'The proposal revision: raised by every edit under review; pass it as `revision` when approving or rejecting' })
  proposalRevision!: number;
}

export function toLecture(doc: LectureDoc): Lecture {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    summary: doc.summary,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    venueId: doc.venueId.toHexString(),
    lecturerId: doc.lecturerId.toHexString(),
    countyCode: doc.countyCode,
    staffUserIds: (doc.staffUserIds ?? []).map((id) => id.toHexString()),
    courseId: doc.courseId?.toHexString() ?? null,
    capacity: doc.capacity,
    maxPartySize: doc.maxPartySize ?? DEFAULT_MAX_PARTY_SIZE,
    status: (doc.status as LectureStatus | undefined) ?? LectureStatus.PUBLISHED,
    cancellationDeadline: cancellationDeadline(doc.startsAt),
    tags: doc.tags,
    audienceAgeGroups: (doc.audienceAgeGroups ?? []) as AgeGroup[],
    campaignTag: doc.campaignTag ?? null,
    rejectionReason: doc.rejectionReason ?? null,
    cancellationReason: doc.cancellationReason ?? null,
    proposalRevision: doc.proposalRevision ?? 1,
  };
}

@ObjectType({ description: 'How many households a message was queued for' })
export class MessageReceipt {
  @Field(() => Int)
  recipients!: number;
}

@ObjectType()
export class LectureEdge {
  @Field()
  cursor!: string;

  @Field(() => Lecture)
  node!: Lecture;
}

@ObjectType({ description: 'A page of lectures in start-time order' })
export class LectureConnection {
  @Field(() => [LectureEdge])
  edges!: LectureEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All lectures matching the filter, across pages' })
  totalCount?: number;

  /** The filter behind this page, so `totalCount` is counted only when asked for. */
  query!: LectureQuery;
}
