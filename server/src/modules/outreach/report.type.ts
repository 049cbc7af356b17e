import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BookingStatus } from '../booking/booking-status';
import { County } from '../county/county.type';
import { Lecture } from '../lecture/lecture.type';
import { VenueType } from '../venue/venue-type';

@ObjectType({
  description:
    'Figures of a set of lectures: the PUBLISHED lectures of the scope whose start (Beijing time) falls in the year. Held = started by now. Cancelled, proposed and rejected lectures never count.',
})
export class OutreachFigures {
  @Field(() => Int)
  lecturesHeld!: number;

  @Field(() => Int, { description: 'Published, not started yet' })
  lecturesUpcoming!: number;

  @Field(() => Int, { description: 'Capacity of the held lectures' })
  seatsOffered!: number;

  @Field(() => Int, { description: 'Seats of bookings CONFIRMED, CHECKED_IN or NO_SHOW at held lectures' })
  seatsBooked!: number;

  @Field(() => Int, {
    description:
      'Households holding seats (CONFIRMED, CHECKED_IN or NO_SHOW) at held lectures, summed lecture by lecture: a household booked at two lectures counts twice (householdsReached counts distinct households)',
  })
  householdsBooked!: number;

  @Field(() => Int, { description: 'People of booked households who came in (check-ins other than walk-ins)' })
  peopleCheckedIn!: number;

  @Field(() => Int, { description: 'People counted at the door without a booking' })
  walkInPeople!: number;

  @Field(() => Int, { description: 'peopleCheckedIn + walkInPeople' })
  peopleReached!: number;

  @Field(() => Int, { description: 'Seats of NO_SHOW bookings' })
  noShowSeats!: number;

  @Field(() => Float, { nullable: true, description: 'peopleCheckedIn / seatsBooked; null when nothing was booked' })
  attendanceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'noShowSeats / seatsBooked; null when nothing was booked' })
  noShowRate!: number | null;

  @Field(() => Int, { description: 'Distinct booked households checked in at least once in the scope, each counted once however many lectures it came to (walk-ins are anonymous)' })
  householdsReached!: number;

  @Field(() => Int)
  ratingCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of ratings at held lectures; null without any' })
  averageRating!: number | null;

  @Field(() => Int, { nullable: true, description: 'Target of lectures for the cell; null when none is set (months have none)' })
  lectureTarget!: number | null;

  @Field(() => Int, { nullable: true })
  peopleTarget!: number | null;

  @Field(() => Float, { nullable: true, description: 'lecturesHeld / lectureTarget; null without a target or with a target of 0' })
  lectureProgress!: number | null;

  @Field(() => Float, { nullable: true, description: 'peopleReached / peopleTarget' })
  peopleProgress!: number | null;
}

@ObjectType()
export class OutreachVenueTypeRow {
  @Field(() => VenueType)
  venueType!: VenueType;

  @Field(() => OutreachFigures)
  figures!: OutreachFigures;
}

@ObjectType()
export class OutreachCountyRow {
  @Field(() => County)
  county!: County;

  @Field(() => OutreachFigures)
  figures!: OutreachFigures;
}

@ObjectType()
export class OutreachMonthRow {
  @Field(() => Int, { description: '1..12, Beijing time' })
  month!: number;

  @Field(() => OutreachFigures)
  figures!: OutreachFigures;
}

@ObjectType({
  description:
    "Targets: a county's cell uses that county's target for the venue type; a county's total is the sum of its five. The city's target for a venue type is the one set for the city as a whole, or, where none is set, the sum of the counties' targets for that type (null when none of them is set either).",
})
export class OutreachReport {
  @Field(() => Int)
  year!: number;

  @Field(() => County, { nullable: true, description: 'null: the whole city' })
  county!: County | null;

  @Field(() => OutreachFigures)
  totals!: OutreachFigures;

  @Field(() => [OutreachVenueTypeRow], { description: 'Always five, in VenueType order' })
  byVenueType!: OutreachVenueTypeRow[];

  @Field(() => [OutreachCountyRow], { description: "The city: all ten counties in the city's order; a county: that county alone" })
  byCounty!: OutreachCountyRow[];

  @Field(() => [OutreachMonthRow], { description: 'Always twelve' })
  byMonth!: OutreachMonthRow[];

  @Field()
  generatedAt!: Date;
}

@ObjectType()
export class OutreachLecture {
  @Field(() => Lecture)
  lecture!: Lecture;

  @Field(() => OutreachFigures, { description: 'Figures of this one lecture (lecturesHeld 1 or 0; no targets)' })
  figures!: OutreachFigures;
}

@ObjectType()
export class AttendanceEntry {
  @Field(() => ID)
  bookingId!: string;

  @Field()
  householdName!: string;

  @Field(() => String, { nullable: true, description: 'Masked, e.g. 138****5678; null when unknown' })
  phone!: string | null;

  @Field(() => Int)
  partySize!: number;

  @Field(() => BookingStatus)
  status!: BookingStatus;

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Field(() => Int, { nullable: true })
  partyPresent!: number | null;
}

@ObjectType()
export class AttendanceWalkIn {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  partySize!: number;

  @Field()
  checkedInAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class LectureAttendance {
  @Field(() => Lecture)
  lecture!: Lecture;

  @Field(() => [AttendanceEntry], { description: 'Booked households (CONFIRMED, CHECKED_IN, NO_SHOW; not cancelled or waiting), by check-in time then name' })
  entries!: AttendanceEntry[];

  @Field(() => [AttendanceWalkIn])
  walkIns!: AttendanceWalkIn[];

  @Field(() => OutreachFigures)
  figures!: OutreachFigures;
}
