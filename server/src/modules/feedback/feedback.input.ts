import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { FeedbackTopic } from './feedback-topic';

export const COMMENT_MAX = 500;
export const WANTED_TOPICS_MAX = 3;

@InputType({ description: 'A short survey, every question optional' })
export class SurveyInput {
  @Field(() => Boolean, { nullable: true, description: '讲的内容听得懂吗' })
  understood?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '回家会试着用吗' })
  willTryAtHome?: boolean | null;

  @Field(() => [FeedbackTopic], { nullable: true, description: '还想听哪些主题 (<= 3)' })
  @IsOptional()
  @ArrayMaxSize(WANTED_TOPICS_MAX)
  @ArrayUnique()
  wantedTopics?: FeedbackTopic[] | null;
}

@InputType()
export class FeedbackInput {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => Int, { description: '1 to 5 stars' })
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters; blank means none' })
  comment?: string | null;

  @Field(() => SurveyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  survey?: SurveyInput | null;
}

@ArgsType()
export class SubmitFeedbackArgs {
  @Field(() => FeedbackInput)
  @ValidateNested()
  input!: FeedbackInput;
}
