import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApproveArgs, RejectArgs } from '../review/review.input';
import type { Context } from '../../context';
import { canManageLecture } from '../../auth/policy';
import { Role } from '../user/user-enums';
import { ReviewDecision } from '../review/review.type';
import { loadRequired } from '../shared/by-id-loader';
import { parseObjectId } from '../shared/object-id';
import { Lecturer } from '../lecturer/lecturer.type';
import { Venue } from '../venue/venue.type';
import { Booking } from '../booking/booking.type';
import {
  CancelLectureArgs,
  CheckInStaffArgs,
  LectureOrder,
  LecturesArgs,
  MessageHouseholdsArgs,
  MyLecturesArgs,
  ProposeLectureArgs,
  UpdateLectureArgs,
} from './lecture.input';
import { getUser } from '../user/user.service';
import { countLectures, listLectures } from './lecture.service';
import * as admin from './lecture-admin.service';
import { UNPUBLISHED_STATUSES } from './lecture-status';
import { Lecture, LectureConnection, MessageReceipt } from './lecture.type';

@Resolver(() => Lecture)
export class LectureResolver {
  @Query(() => LectureConnection, { description: 'Lectures in start-time order, a page at a time' })
  async lectures(@Args() args: LecturesArgs, @Ctx() { viewer }: Context): Promise<LectureConnection> {
    const profile = args.orderBy === LectureOrder.FOR_ME && viewer ? await getUser(viewer.userId) : null;
    return listLectures(args, profile);
  }

  @Query(() => Lecture, { nullable: true, description: 'null when there is none, or when it is not public and the viewer may not manage it' })
  async lecture(@Arg('id', () => ID) id: string, @Ctx() { loaders, viewer }: Context): Promise<Lecture | null> {
    const lecture = await loaders.lecture.load(parseObjectId(id, 'id').toHexString());
    if (lecture && UNPUBLISHED_STATUSES.includes(lecture.status) && !canManageLecture(viewer, lecture)) return null;
    return lecture;
  }

  @Authorized()
  @Query(() => [Lecture], { description: 'Signed in: lectures you were asked to staff at the door, and a lecturer\'s own in every status' })
  myLectures(@Args() { when }: MyLecturesArgs, @Ctx() { viewer }: Context): Promise<Lecture[]> {
    return admin.myLectures(viewer!, when);
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Lecture, { description: 'Proposes a lecture; it is bookable once an organizer of its county approves it' })
  proposeLecture(@Args() { input }: ProposeLectureArgs, @Ctx() { viewer }: Context): Promise<Lecture> {
    return admin.proposeLecture(viewer!, input);
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Lecture, { description: 'Changes your own lecture; a rejected one goes back to review' })
  updateLecture(@Args() { id, input }: UpdateLectureArgs, @Ctx() { viewer }: Context): Promise<Lecture> {
    return admin.updateLecture(viewer!, id, input);
  }

  @Authorized(Role.LECTURER, Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Lecture, { description: 'Cancels the lecture and every booking; each household is told why' })
  cancelLecture(@Args() { id, reason }: CancelLectureArgs, @Ctx() { viewer }: Context): Promise<Lecture> {
    return admin.cancelLecture(viewer!, id, reason);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Lecture, { description: 'Publishes a proposed lecture of your county' })
  approveLecture(@Args() { id, note, revision }: ApproveArgs, @Ctx() { viewer, clientIp, logger }: Context): Promise<Lecture> {
    return admin.approveLecture(viewer!, id, note, revision, { ip: clientIp, logger });
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Lecture, { description: 'Turns down a proposed lecture of your county, with the reason' })
  rejectLecture(@Args() { id, reason, revision }: RejectArgs, @Ctx() { viewer, clientIp, logger }: Context): Promise<Lecture> {
    return admin.rejectLecture(viewer!, id, reason, revision, { ip: clientIp, logger });
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => MessageReceipt, { description: 'Sends a message to every household booked or waiting for your lecture' })
  async messageHouseholds(@Args() { lectureId, text, idempotencyKey }: MessageHouseholdsArgs, @Ctx() { viewer }: Context): Promise<MessageReceipt> {
    return { recipients: await admin.messageHouseholds(viewer!, lectureId, text, idempotencyKey) };
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Lecture, { description: 'Lets this account check households in at the door of your lecture' })
  assignCheckInStaff(@Args() { lectureId, userId }: CheckInStaffArgs, @Ctx() { viewer }: Context): Promise<Lecture> {
    return admin.assignCheckInStaff(viewer!, lectureId, userId);
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Lecture)
  removeCheckInStaff(@Args() { lectureId, userId }: CheckInStaffArgs, @Ctx() { viewer }: Context): Promise<Lecture> {
    return admin.removeCheckInStaff(viewer!, lectureId, userId);
  }

  @FieldResolver(() => Boolean, { description: 'Viewer is its lecturer (or an organizer in scope): may edit, cancel, message, see roster and feedback' })
  canManage(@Root() lecture: Lecture, @Ctx() { viewer }: Context): boolean {
    return canManageLecture(viewer, lecture);
  }

  @FieldResolver(() => [ReviewDecision], { description: 'Managers only' })
  async reviewHistory(@Root() lecture: Lecture, @Ctx() { loaders, viewer }: Context): Promise<ReviewDecision[]> {
    if (!canManageLecture(viewer, lecture)) return [];
    return loaders.reviewHistory.load(lecture.id);
  }

  @FieldResolver(() => Venue)
  venue(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<Venue> {
    return loadRequired(loaders.venue, lecture.venueId, 'Venue');
  }

  @FieldResolver(() => Int)
  async seatsLeft(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<number> {
    const taken = await loaders.seatsTaken.load({ lectureId: lecture.id, ended: lecture.endsAt.getTime() <= Date.now() });
    return Math.max(0, lecture.capacity - taken);
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
