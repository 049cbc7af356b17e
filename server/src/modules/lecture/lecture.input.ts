import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { VenueType } from '../venue/venue-type';
import { AgeGroup } from '../user/user-enums';

export enum LectureOrder {
  START_TIME = 'START_TIME',
  /**
   * For the signed-in parent: lectures in their county for their children's ages first, then in
   * their county, then for their children's ages elsewhere, then the rest; by start time within
   * each. Without a profile (or signed out) this is START_TIME.
   */
  FOR_ME = 'FOR_ME',
}
registerEnumType(LectureOrder, { name: 'LectureOrder' });

export const DEFAULT_PAGE_SIZE = 20;

@InputType({ description: 'Narrows the lecture list; every given condition must hold' })
export class LectureFilter {
  @Field(() => VenueType, { nullable: true })
  venueType?: VenueType;

  @Field(() => ID, { nullable: true, description: 'Administrative code of a county, e.g. 350702' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit administrative code' })
  countyCode?: string;

  @Field({ nullable: true, description: 'Only lectures still to end after this instant (under way or later)' })
  from?: Date;

  @Field({ nullable: true, description: 'Only lectures starting before this instant' })
  to?: Date;

  @Field(() => AgeGroup, { nullable: true, description: 'Only lectures for children of this stage (or for every age)' })
  ageGroup?: AgeGroup;

  @Field({ nullable: true, description: 'Words to find in the title or summary' })
  @IsOptional()
  @MaxLength(50)
  search?: string;
}

@ArgsType()
export class LecturesArgs {
  @Field(() => LectureFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: LectureFilter;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1 to 100; null means 20' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;

  @Field(() => LectureOrder, { defaultValue: LectureOrder.START_TIME })
  orderBy!: LectureOrder;
}
