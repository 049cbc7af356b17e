import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

@InputType()
export class BookLectureInput {
  @Field(() => ID)
  lectureId!: string;

  @Field(() => Int, { description: "Seats for the household, 1 to the lecture's maxPartySize" })
  @Min(1)
  partySize!: number;

  @Field({ description: 'Made once per tap of the book button; a retry with the same key returns the first result' })
  @Matches(/^[\w-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, _ or -' })
  idempotencyKey!: string;
}

@ArgsType()
export class BookLectureArgs {
  @Field(() => BookLectureInput)
  @ValidateNested()
  input!: BookLectureInput;
}

export enum BookingTime {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(BookingTime, { name: 'BookingTime', description: 'Lectures still to end (soonest first) or over (latest first)' });

@ArgsType()
export class MyBookingsArgs {
  @Field(() => BookingTime, { defaultValue: BookingTime.UPCOMING })
  when!: BookingTime;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string;
}
