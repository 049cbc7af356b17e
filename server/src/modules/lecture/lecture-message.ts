import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { canCheckInAt } from '../../auth/policy';
import { groupBy } from '../shared/group-by';
import { LectureMessageModel, type LectureMessageDoc } from './lecture-message.model';
import { Lecture } from './lecture.type';

@ObjectType({ description: "A lecturer's message to the households of a lecture, in full" })
export class LectureMessage {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field()
  sentAt!: Date;
}

/** Messages shown per lecture: the latest ones; older ones were sent as notices too. */
const SHOWN = 20;

/** The latest messages of each lecture in a batch, in one query. */
export function createLectureMessagesLoader(): DataLoader<string, LectureMessage[]> {
  return new DataLoader(async (lectureIds) => {
    const docs = await LectureMessageModel.find({ lectureId: { $in: lectureIds.map((id) => new Types.ObjectId(id)) } })
      .sort({ sentAt: -1 })
      .lean<LectureMessageDoc[]>();
    const byLecture = groupBy(docs, (doc) => doc.lectureId.toHexString(), (doc): LectureMessage => ({ id: doc._id, text: doc.text, sentAt: doc.sentAt }));
    return lectureIds.map((id) => (byLecture.get(id) ?? []).slice(0, SHOWN));
  });
}

@Resolver(() => Lecture)
export class LectureMessagesResolver {
  @FieldResolver(() => [LectureMessage], {
    description: "The lecturer's messages, latest first: for households booked or waiting, and for those who run the lecture; empty for anyone else",
  })
  async messages(@Root() lecture: Lecture, @Ctx() { viewer, loaders }: Context): Promise<LectureMessage[]> {
    if (!viewer) return [];
    const mayRead = canCheckInAt(viewer, lecture) || (await loaders.myBooking.load(lecture.id)) !== null;
    return mayRead ? loaders.lectureMessages.load(lecture.id) : [];
  }
}
