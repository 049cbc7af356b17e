import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { FeedbackTopic } from './feedback-topic';
import type { FeedbackDoc } from './feedback.model';

@ObjectType({ description: "A household's rating and survey answers for a lecture it attended" })
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Boolean, { nullable: true })
  understood!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  willTryAtHome!: boolean | null;

  @Field(() => [FeedbackTopic])
  wantedTopics!: FeedbackTopic[];

  @Field()
  createdAt!: Date;
}

export function toFeedback(doc: FeedbackDoc): Feedback {
  return {
    id: doc._id,
    rating: doc.rating,
    comment: doc.comment ?? null,
    understood: doc.understood ?? null,
    willTryAtHome: doc.willTryAtHome ?? null,
    wantedTopics: (doc.wantedTopics ?? []) as FeedbackTopic[],
    createdAt: doc.createdAt,
  };
}

@ObjectType()
export class TopicCount {
  @Field(() => FeedbackTopic)
  topic!: FeedbackTopic;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class FeedbackComment {
  @Field(() => Int)
  rating!: number;

  @Field()
  comment!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: "What a lecture's households said, in sum" })
export class FeedbackSummary {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'null while nobody has rated' })
  averageRating!: number | null;

  @Field(() => [Int], { description: 'ratingCounts[0] is the number of 1-star ratings ... [4] of 5-star' })
  ratingCounts!: number[];

  @Field(() => Int)
  understoodYes!: number;

  @Field(() => Int)
  understoodNo!: number;

  @Field(() => Int)
  willTryYes!: number;

  @Field(() => Int)
  willTryNo!: number;

  @Field(() => [TopicCount], { description: 'Most wanted first' })
  wantedTopics!: TopicCount[];

  @Field(() => [FeedbackComment], { description: 'Latest first, up to 50' })
  comments!: FeedbackComment[];
}
