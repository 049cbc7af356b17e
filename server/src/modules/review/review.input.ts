import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength, Min } from 'class-validator';

/** A note or reason kept in the audit trail and sent to the lecturer. */
export const MAX_REASON = 200;
const NOT_BLANK = /\S/;
const REVISION_SEEN =
  'The revision you reviewed (Course.workingRevision.revision or Lecture.proposalRevision); when given and it has changed since, CONFLICT and nothing is decided';

/** approveCourse / approveLecture: one shape, so both are decided the same way. */
@ArgsType()
export class ApproveArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Kept in the audit trail and sent to the lecturer; at most 200 characters' })
  @IsOptional()
  @MaxLength(MAX_REASON)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: REVISION_SEEN })
  @IsOptional()
  @Min(1)
  revision?: number | null;
}

/** rejectCourse / rejectLecture. */
@ArgsType()
export class RejectArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What to change, for the lecturer: 1 to 200 characters' })
  @Length(1, MAX_REASON)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: REVISION_SEEN })
  @IsOptional()
  @Min(1)
  revision?: number | null;
}
