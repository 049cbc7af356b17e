import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { canCheckInAt } from '../../auth/policy';
import { Lecture } from '../lecture/lecture.type';
import { CheckInArgs, LectureRosterArgs, SyncCheckInsArgs, WalkInArgs } from './checkin.input';
import { checkIn, lectureRoster, recordWalkIn, syncCheckIns, type DoorDeps } from './checkin.service';
import { CheckInResult, Roster } from './checkin.type';
import { RateLimited } from '../rate-limit/rate-limit.middleware';

const door = (ctx: Context): DoorDeps => ({ tickets: ctx.tickets, logger: ctx.logger, onAttended: ctx.onAttended, clientIp: ctx.clientIp });

/**
 * The door: signed-in callers only; whether they may work this lecture's door (its lecturer,
 * assigned staff, organizers of its county) is decided per lecture by the policy.
 */
@Resolver(() => CheckInResult)
export class CheckInResolver {
  @Authorized()
  @Mutation(() => CheckInResult, { description: "Checks a household in by its ticket (QR text or short code) or a booking from the roster; a repeat scan counts nothing twice" })
  @RateLimited('checkIn')
  checkIn(@Args() { input }: CheckInArgs, @Ctx() ctx: Context): Promise<CheckInResult> {
    return checkIn(door(ctx), ctx.viewer!, input);
  }

  @Authorized()
  @Mutation(() => CheckInResult, { description: 'Counts guests who came without a booking' })
  @RateLimited('checkIn')
  recordWalkIn(@Args() { input }: WalkInArgs, @Ctx() ctx: Context): Promise<CheckInResult> {
    return recordWalkIn(door(ctx), ctx.viewer!, input);
  }

  @Authorized()
  @Mutation(() => [CheckInResult], { description: "Replays a door device's offline queue: one result per scan, in the order sent; a bad scan is a REJECTED result, never an error" })
  // One attempt per call, however many queued scans it carries: the queue was limited as it filled.
  @RateLimited('checkIn')
  syncCheckIns(@Args() { scans }: SyncCheckInsArgs, @Ctx() ctx: Context): Promise<CheckInResult[]> {
    return syncCheckIns(door(ctx), ctx.viewer!, scans);
  }

  @Authorized()
  @Query(() => Roster, { description: "A lecture's door list, for its lecturer, staff and organizers" })
  lectureRoster(@Args() { lectureId, phoneTail }: LectureRosterArgs, @Ctx() ctx: Context): Promise<Roster> {
    return lectureRoster(ctx.viewer!, lectureId, phoneTail);
  }
}

@Resolver(() => Lecture)
export class LectureDoorResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer may check households in (its lecturer, assigned staff, organizers of its county)' })
  canCheckIn(@Root() lecture: Lecture, @Ctx() { viewer }: Context): boolean {
    return canCheckInAt(viewer, lecture);
  }
}
