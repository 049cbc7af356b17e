import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { canManageLecture } from '../../auth/policy';
import { BookingStatus } from '../booking/booking-status';
import { Lecture } from '../lecture/lecture.type';
import { SubmitFeedbackArgs } from './feedback.input';
import { submitFeedback } from './feedback.service';
import { Feedback, FeedbackSummary } from './feedback.type';

@Resolver(() => Feedback)
export class FeedbackResolver {
  @Authorized()
  @Mutation(() => Feedback, { description: 'Rates a lecture your household checked in at; once per lecture' })
  submitFeedback(@Args() { input }: SubmitFeedbackArgs, @Ctx() { viewer }: Context): Promise<Feedback> {
    return submitFeedback(viewer!, input);
  }
}

/** Feedback as seen from a lecture: each through a loader, so a list costs one query per field. */
@Resolver(() => Lecture)
export class LectureFeedbackResolver {
  @FieldResolver(() => FeedbackSummary, { nullable: true, description: 'Managers only: aggregates and comments' })
  feedbackSummary(@Root() lecture: Lecture, @Ctx() { loaders, viewer }: Context): Promise<FeedbackSummary> | null {
    if (!canManageLecture(viewer, lecture)) return null;
    return loaders.feedbackSummary.load(lecture.id);
  }

  @FieldResolver(() => Feedback, { nullable: true, description: "The viewer's feedback, if given" })
  myFeedback(@Root() lecture: Lecture, @Ctx() { loaders }: Context): Promise<Feedback | null> {
    return loaders.myFeedback.load(lecture.id);
  }

  @FieldResolver(() => Boolean, { description: 'The viewer may give feedback now (attended, not yet given)' })
  async canGiveFeedback(@Root() lecture: Lecture, @Ctx() { loaders, viewer }: Context): Promise<boolean> {
    if (!viewer) return false;
    const [booking, given] = await Promise.all([loaders.myBooking.load(lecture.id), loaders.myFeedback.load(lecture.id)]);
    return booking?.status === BookingStatus.CHECKED_IN && !given;
  }
}
