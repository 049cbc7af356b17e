import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Lecture } from '../lecture/lecture.type';
import { PageInfo } from '../shared/pagination';
import { BookingStatus } from './booking-status';
import type { BookingDoc } from './booking.model';

@ObjectType({ description: "A household's seats at one lecture, or its place on the waiting list" })
export class Booking {
  @Field(() => ID)
  id!: string;

  @Field(() => Lecture)
  lecture?: Lecture;

  lectureId!: string;
  userId!: string;

  @Field(() => Int, { description: 'Seats for the household' })
  partySize!: number;

  @Field(() => BookingStatus)
  status!: BookingStatus;

  @Field(() => [Int], { description: 'Seat numbers held, for a confirmed booking' })
  seatNumbers!: number[];

  @Field(() => Int, { nullable: true, description: 'Place on the waiting list (1 = next), while waitlisted' })
  waitlistPosition?: number | null;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  lectureStartsAt!: Date;
  lectureEndsAt!: Date;
}

/** A cancellation, even one whose later steps have not run yet, is what the household sees. */
export function toBooking(doc: BookingDoc): Booking {
  return {
    id: doc._id.toHexString(),
    lectureId: doc.lectureId.toHexString(),
    userId: doc.userId.toHexString(),
    partySize: doc.partySize,
    status: doc.cancelledAt ? BookingStatus.CANCELLED : (doc.status as BookingStatus),
    seatNumbers: doc.cancelledAt ? [] : [...(doc.seatNumbers ?? [])].sort((a, b) => a - b),
    requestedAt: doc.requestedAt,
    cancelledAt: doc.cancelledAt ?? null,
    lectureStartsAt: doc.lectureStartsAt,
    lectureEndsAt: doc.lectureEndsAt,
  };
}

@ObjectType()
export class BookingEdge {
  @Field()
  cursor!: string;

  @Field(() => Booking)
  node!: Booking;
}

@ObjectType()
export class BookingConnection {
  @Field(() => [BookingEdge])
  edges!: BookingEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
