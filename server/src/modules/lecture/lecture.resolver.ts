import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loadRequired } from '../shared/by-id-loader';
import { parseObjectId } from '../shared/object-id';
import { Lecturer } from '../lecturer/lecturer.type';
import { Venue } from '../venue/venue.type';
import { Booking } from '../booking/booking.type';
import { LectureOrder, LecturesArgs } from './lecture.input';
import { getUser } from '../user/user.service';
import { countLectures, listLectures } from './lecture.service';
import { Lecture, LectureConnection } from './lecture.type';

@Resolver(() => Lecture)
export class LectureResolver {
  @Query(() => LectureConnection, { description: 'Lectures in start-time order, a page at a time' })
  async lectures(@Args() args: LecturesArgs, @Ctx() { viewer }: Context): Promise<LectureConnection> {
    const profile = args.orderBy === LectureOrder.FOR_ME && viewer ? await getUser(viewer.userId) : null;
    return listLectures(args, profile);
  }

  @Query(() => Lecture, { nullable: true })
  lecture(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Lecture | null> {
    return loaders.lecture.load(parseObjectId(id, 'id').toHexString());
  }

  @FieldResolver(() => Venue)
  venue(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<Venue> {
    return loadRequired(loaders.venue, lecture.venueId, 'Venue');
  }

  @FieldResolver(() => Int)
  async seatsLeft(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<number> {
    return Math.max(0, lecture.capacity - (await loaders.seatsTaken.load(lecture.id)));
  }

  @FieldResolver(() => Booking, { nullable: true, description: "The viewer's active booking for this lecture" })
  myBooking(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<Booking | null> {
    return loaders.myBooking.load(lecture.id);
  }

  @FieldResolver(() => Lecturer)
  lecturer(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<Lecturer> {
    return loadRequired(loaders.lecturer, lecture.lecturerId, 'Lecturer');
  }
}

@Resolver(() => LectureConnection)
export class LectureConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: LectureConnection): Promise<number> {
    return countLectures(connection.query);
  }
}
