import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loadRequired } from '../shared/by-id-loader';
import { Lecture } from '../lecture/lecture.type';
import { BookLectureArgs, MyBookingsArgs } from './booking.input';
import { bookLecture, cancelBooking, getOwnBooking, listMyBookings, waitlistPosition } from './booking.service';
import { Booking, BookingConnection } from './booking.type';
import { BookingStatus } from './booking-status';
import { Ticket } from './ticket';
import { RateLimited } from '../rate-limit/rate-limit.middleware';

@Resolver(() => Booking)
export class BookingResolver {
  @Authorized()
  @Mutation(() => Booking, { description: 'Books seats for your household, or puts it on the waiting list when the hall is full' })
  @RateLimited('booking')
  bookLecture(@Args() { input }: BookLectureArgs, @Ctx() { viewer, bookingTurn }: Context): Promise<Booking> {
    return bookingTurn(() => bookLecture(viewer!, input));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Cancels your booking, until two hours before the lecture; freed seats go to the waiting list' })
  @RateLimited('booking')
  cancelBooking(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Booking> {
    return cancelBooking(viewer!, id);
  }

  @Authorized()
  @Query(() => Booking, { nullable: true, description: 'One of your bookings' })
  booking(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Booking | null> {
    return getOwnBooking(viewer!, id);
  }

  @Authorized()
  @Query(() => BookingConnection, { description: 'Your bookings: upcoming soonest first, past latest first' })
  myBookings(@Args() args: MyBookingsArgs, @Ctx() { viewer }: Context): Promise<BookingConnection> {
    return listMyBookings(viewer!, args);
  }

  @FieldResolver(() => Lecture)
  lecture(@Root() booking: Booking, @Ctx() { loaders }: Context): Promise<Lecture> {
    return loadRequired(loaders.lecture, booking.lectureId, 'Lecture');
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The check-in code, while seats are held' })
  ticket(@Root() booking: Booking, @Ctx() { tickets }: Context): Promise<Ticket> | null {
    if (booking.status !== BookingStatus.CONFIRMED && booking.status !== BookingStatus.CHECKED_IN) return null;
    return tickets.issue({ bookingId: booking.id, lectureId: booking.lectureId, lectureEndsAt: booking.lectureEndsAt });
  }

  @FieldResolver(() => Int, { nullable: true })
  waitlistPosition(@Root() booking: Booking): Promise<number | null> {
    return waitlistPosition(booking);
  }
}
