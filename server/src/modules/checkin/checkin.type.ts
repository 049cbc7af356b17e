import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BookingStatus } from '../booking/booking-status';

export enum CheckInOutcome {
  CHECKED_IN = 'CHECKED_IN',
  ALREADY_CHECKED_IN = 'ALREADY_CHECKED_IN',
  WALK_IN_RECORDED = 'WALK_IN_RECORDED',
  REJECTED = 'REJECTED',
}
registerEnumType(CheckInOutcome, {
  name: 'CheckInOutcome',
  valuesConfig: {
    CHECKED_IN: { description: 'This scan checked the household in (also when the same scan is replayed)' },
    ALREADY_CHECKED_IN: { description: 'The household was checked in earlier, by another scan; nothing counted twice' },
    WALK_IN_RECORDED: { description: 'Guests without a booking were counted' },
    REJECTED: { description: 'Not checked in; errorCode and message say why' },
  },
});

@ObjectType({ description: 'What the door screen shows after a scan, a typed code or a walk-in' })
export class CheckInResult {
  @Field(() => String, { nullable: true })
  clientScanId!: string | null;

  @Field(() => CheckInOutcome)
  outcome!: CheckInOutcome;

  @Field({ description: 'For the door screen, in Chinese, e.g. 已于 14:05 签到' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'REJECTED only: BAD_USER_INPUT, NOT_FOUND, CONFLICT or FORBIDDEN (final), INTERNAL_SERVER_ERROR (try again later)' })
  errorCode!: string | null;

  @Field(() => ID, { nullable: true })
  bookingId!: string | null;

  @Field(() => String, { nullable: true })
  householdName!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats the household booked' })
  partySize!: number | null;

  @Field(() => Int, { nullable: true, description: 'People who came in' })
  partyPresent!: number | null;

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;
}

@ObjectType({ description: 'A booked household on the door list' })
export class RosterEntry {
  @Field(() => ID)
  bookingId!: string;

  @Field({ description: "The household's display name, or 家长" })
  householdName!: string;

  @Field(() => String, { nullable: true, description: 'Last four digits of the phone, to find a household without its ticket' })
  phoneTail!: string | null;

  @Field(() => Int)
  partySize!: number;

  @Field(() => BookingStatus)
  status!: BookingStatus;

  @Field(() => [Int])
  seatNumbers!: number[];

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Field(() => Int, { nullable: true })
  partyPresent!: number | null;
}

@ObjectType({ description: 'Guests counted at the door without a booking' })
export class WalkIn {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  partySize!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  checkedInAt!: Date;
}

@ObjectType({ description: "A lecture's door list and counts" })
export class Roster {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => [RosterEntry], { description: 'Confirmed, waitlisted, checked-in and no-show households, by name' })
  entries!: RosterEntry[];

  @Field(() => [WalkIn])
  walkIns!: WalkIn[];

  @Field(() => Int, { description: 'Households holding seats (confirmed or checked in or no-show)' })
  bookedHouseholds!: number;

  @Field(() => Int)
  checkedInHouseholds!: number;

  @Field(() => Int, { description: 'People present: parties checked in plus walk-ins' })
  peoplePresent!: number;
}
