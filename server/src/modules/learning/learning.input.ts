import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_CHAPTER_SECONDS } from '../course/course-status';
import { OBJECT_ID_PATTERN as OBJECT_ID } from '../shared/object-id';


@InputType()
export class ChapterProgressInput {
  @Field(() => ID)
  @Matches(OBJECT_ID, { message: 'courseId must be a course id' })
  courseId!: string;

  @Field(() => ID)
  @Matches(OBJECT_ID, { message: 'chapterId must be a chapter id' })
  chapterId!: string;

  @Field(() => Int, { description: "Where to resume, 0 to the chapter's duration" })
  @Min(0)
  @Max(MAX_CHAPTER_SECONDS)
  positionSeconds!: number;

  @Field(() => Boolean, { nullable: true, description: 'true marks the chapter done; done stays done' })
  @IsOptional()
  completed?: boolean | null;
}

/** Wrapped in args, so validation errors name the field as `input.positionSeconds`. */
@ArgsType()
export class SaveChapterProgressArgs {
  @Field(() => ChapterProgressInput)
  @ValidateNested()
  input!: ChapterProgressInput;
}
