import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';
import { VenueType, VENUE_TYPES } from '../venue/venue-type';
import { beijingYear } from '../shared/beijing-time';
import { COUNTY_CODE_MESSAGE as COUNTY_MESSAGE, COUNTY_CODE_PATTERN as COUNTY_CODE, FIRST_OUTREACH_YEAR } from '../county/counties';

export const LECTURES_TARGET_MAX = 10000;
export const PEOPLE_TARGET_MAX = 1000000;

/** 2021 .. next Beijing year (a city plans the coming year in December). */
function OutreachYear() {
  return ValidateBy({
    name: 'outreachYear',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= FIRST_OUTREACH_YEAR && (value as number) <= beijingYear(new Date()) + 1,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a year from ${FIRST_OUTREACH_YEAR} to ${beijingYear(new Date()) + 1}`,
    },
  });
}

function DistinctVenueTypes() {
  return ValidateBy({
    name: 'distinctVenueTypes',
    validator: {
      validate: (value: unknown) => {
        if (!Array.isArray(value)) return false;
        const types = value.map((row: { venueType?: unknown }) => row?.venueType);
        return new Set(types).size === types.length;
      },
      defaultMessage: () => 'targets may name each venue type at most once',
    },
  });
}

// The rows' numbers (0..10000 lectures, 0..1000000 people) are checked in target.service.ts so that
// the error names the row as `input.targets[2].people`; nested validation here would say `targets.2`.
@InputType()
export class OutreachTargetInput {
  @Field(() => VenueType)
  venueType!: VenueType;

  @Field(() => Int, { description: `Lectures to hold, 0..${LECTURES_TARGET_MAX}` })
  lectures!: number;

  @Field(() => Int, { description: `People to reach (checked in + walk-ins), 0..${PEOPLE_TARGET_MAX}` })
  people!: number;
}

@InputType()
export class SetOutreachTargetsInput {
  @Field(() => Int)
  @OutreachYear()
  year!: number;

  @Field(() => ID, { nullable: true, description: "null or absent: the city's own targets" })
  @IsOptional()
  @Matches(COUNTY_CODE, { message: COUNTY_MESSAGE })
  countyCode?: string | null;

  @Field(() => [OutreachTargetInput], { description: '1–5 items, each venue type at most once; types not listed keep their targets' })
  @ArrayMinSize(1)
  @ArrayMaxSize(VENUE_TYPES.length)
  @DistinctVenueTypes()
  targets!: OutreachTargetInput[];
}

/** Wrapped in args, so validation errors name the field as `input.year`. */
@ArgsType()
export class SetOutreachTargetsArgs {
  @Field(() => SetOutreachTargetsInput)
  @ValidateNested()
  input!: SetOutreachTargetsInput;
}

@ArgsType()
export class OutreachTargetsArgs {
  @Field(() => Int)
  @OutreachYear()
  year!: number;

  @Field(() => ID, { nullable: true, description: 'null: the city as a whole' })
  @IsOptional()
  @Matches(COUNTY_CODE, { message: COUNTY_MESSAGE })
  countyCode?: string | null;
}
