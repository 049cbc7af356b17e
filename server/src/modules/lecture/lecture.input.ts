import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayUnique, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { VenueType } from '../venue/venue-type';
import { AgeGroup } from '../user/user-enums';
import { OBJECT_ID_PATTERN } from '../shared/object-id';

export enum LectureOrder {
  START_TIME = 'START_TIME',
  /**
   * For the signed-in parent: lectures in their county for their children's ages first, then in
   * their county, then for their children's ages elsewhere, then the rest; by start time within
   * each. Without a profile (or signed out) this is START_TIME.
   */
  FOR_ME = 'FOR_ME',
}
registerEnumType(LectureOrder, { name: 'LectureOrder' });

export const DEFAULT_PAGE_SIZE = 20;

@InputType({ description: 'Narrows the lecture list; every given condition must hold' })
export class LectureFilter {
  @Field(() => VenueType, { nullable: true })
  venueType?: VenueType;

  @Field(() => ID, { nullable: true, description: 'Administrative code of a county, e.g. 350702' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit administrative code' })
  countyCode?: string;

  @Field({ nullable: true, description: 'Only lectures still to end after this instant (under way or later)' })
  from?: Date;

  @Field({ nullable: true, description: 'Only lectures starting before this instant' })
  to?: Date;

  @Field(() => AgeGroup, { nullable: true, description: 'Only lectures for children of this stage (or for every age)' })
  ageGroup?: AgeGroup;

  @Field({ nullable: true, description: 'Words to find in the title or summary' })
  @IsOptional()
  @MaxLength(50)
  search?: string;
}

@ArgsType()
export class LecturesArgs {
  @Field(() => LectureFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: LectureFilter;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1 to 100; null means 20' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;

  @Field(() => LectureOrder, { defaultValue: LectureOrder.START_TIME })
  orderBy!: LectureOrder;
}

// ---------------------------------------------------------------- proposals and management
// The house rule is that bad input changes nothing, so what a decorator can say it says here;
// rules that need the clock or the database (start in the future, own course, seats taken) are
// checked in lecture-admin.service.ts before its first write.

export const TITLE_MAX = 60;
export const SUMMARY_MAX = 1000;
export const CAPACITY_MAX = 2000;
export const PARTY_SIZE_MAX = 10;
export const CAMPAIGN_TAG_MAX = 20;
export const REASON_MAX = 200;
export const MESSAGE_MAX = 100;
const NOT_BLANK = /\S/;

@InputType({ description: 'A lecture a lecturer proposes; organizers of its county review it before anyone can book' })
export class LectureProposalInput {
  @Field({ description: '1 to 60 characters' })
  @Length(1, TITLE_MAX)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: '1 to 1000 characters' })
  @Length(1, SUMMARY_MAX)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'One of your own courses, which the lecture teaches' })
  @IsOptional()
  // "" is no id: without this it quietly meant "no course".
  @Matches(OBJECT_ID_PATTERN, { message: 'courseId must be a course id' })
  courseId?: string | null;

  @Field(() => ID)
  venueId!: string;

  @Field({ description: 'In the future' })
  startsAt!: Date;

  @Field({ description: 'After startsAt, at most 12 hours later' })
  endsAt!: Date;

  @Field(() => Int, { description: '1 to 2000 seats' })
  @Min(1)
  @Max(CAPACITY_MAX)
  capacity!: number;

  @Field(() => Int, { nullable: true, description: 'Seats one household may book: 1 to 10, not above capacity (default 4)' })
  @IsOptional()
  @Min(1)
  @Max(PARTY_SIZE_MAX)
  maxPartySize?: number | null;

  @Field(() => [AgeGroup], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  audienceAgeGroups?: AgeGroup[] | null;

  @Field(() => String, { nullable: true, description: 'Up to 20 characters, e.g. 家庭教育宣传周' })
  @IsOptional()
  @MaxLength(CAMPAIGN_TAG_MAX)
  campaignTag?: string | null;
}

@ArgsType()
export class ProposeLectureArgs {
  @Field(() => LectureProposalInput)
  @ValidateNested()
  input!: LectureProposalInput;
}

@InputType({
  description:
    'All optional; a PROPOSED/REJECTED lecture may change anything (each change of a PROPOSED one is a new proposalRevision; REJECTED goes back to review); a PUBLISHED one only capacity (not below seats taken), maxPartySize, audienceAgeGroups, campaignTag (title and summary stay as reviewed)',
})
export class LectureUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, TITLE_MAX)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, SUMMARY_MAX)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary?: string | null;

  @Field(() => ID, { nullable: true, description: 'null unlinks the course' })
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'courseId must be a course id' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true })
  venueId?: string | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(CAPACITY_MAX)
  capacity?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(PARTY_SIZE_MAX)
  maxPartySize?: number | null;

  @Field(() => [AgeGroup], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  audienceAgeGroups?: AgeGroup[] | null;

  @Field(() => String, { nullable: true, description: 'null or blank clears it' })
  @IsOptional()
  @MaxLength(CAMPAIGN_TAG_MAX)
  campaignTag?: string | null;
}

@ArgsType()
export class UpdateLectureArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => LectureUpdateInput)
  @ValidateNested()
  input!: LectureUpdateInput;
}

@ArgsType()
export class CancelLectureArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Told to every household booked, 1 to 200 characters' })
  @Length(1, REASON_MAX)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class MessageHouseholdsArgs {
  @Field(() => ID)
  lectureId!: string;

  @Field({ description: '1 to 100 characters' })
  @Length(1, MESSAGE_MAX)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;

  @Field({ description: 'Made once per tap of the send button; a retry with the same key sends nothing twice' })
  @Matches(/^[\w-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, _ or -' })
  idempotencyKey!: string;
}

@ArgsType()
export class CheckInStaffArgs {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => ID, { description: 'The account that will check households in at the door' })
  userId!: string;
}

export enum LectureTime {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(LectureTime, { name: 'LectureTime', description: 'Lectures still to end (soonest first) or over (latest first)' });

@ArgsType()
export class MyLecturesArgs {
  @Field(() => LectureTime)
  when!: LectureTime;
}
