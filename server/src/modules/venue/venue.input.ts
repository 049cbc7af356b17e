import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsDefined, IsOptional, Matches, ValidateBy, ValidateIf, ValidateNested, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { beijingYear } from '../shared/beijing-time';
import { COUNTY_CODE_MESSAGE as COUNTY_MESSAGE, COUNTY_CODE_PATTERN as COUNTY_CODE } from '../county/counties';
import { VenueType } from './venue-type';

export const NAME_MAX = 60;
export const TOWNSHIP_MAX = 30;
export const ADDRESS_MAX = 120;
export const CONTACT_NAME_MAX = 20;
/** The first practice bases were named well after this; anything earlier is a typing mistake. */
export const PRACTICE_BASE_FIRST_YEAR = 2000;
/**
 * A mainland mobile (11 digits from 1), or a landline: area code from 0 with an optional dash
 * (0599-8831234, 7–13 characters in all), or a local number of 7–8 digits (8831234). Spaces at
 * either end are allowed (the service stores the number trimmed).
 */
const PHONE = /^\s*(1\d{10}|0\d{2,3}-?\d{7,8}|[2-9]\d{6,7})\s*$/;

const thisBeijingYear = () => beijingYear(new Date());

/** Blank text ("" or spaces) counts as absent, like the other optional text fields. */
const isBlank = (value: unknown) => value == null || (typeof value === 'string' && value.trim() === '');

/**
 * Text whose trimmed length is min..max (the service stores it trimmed). Optional fields pass
 * when absent or blank; a blank one is stored as absent. (type-graphql validates with
 * skipMissingProperties, so an absent value never reaches a validator but IsDefined: fields that
 * may be required depending on others say so with ValidateIf + IsDefined.)
 */
function TrimmedLength(min: number, max: number, options: { optional?: boolean } & ValidationOptions = {}) {
  return ValidateBy(
    {
      name: 'trimmedLength',
      validator: {
        validate: (value: unknown) => {
          if (value == null) return !!options.optional;
          if (typeof value !== 'string') return false;
          const length = value.trim().length;
          return (options.optional && length === 0) || (length >= min && length <= max);
        },
        defaultMessage: (args?: ValidationArguments) =>
          min > 0 && !options.optional
            ? `${args?.property} must be ${min} to ${max} characters (spaces at either end do not count)`
            : `${args?.property} must be at most ${max} characters`,
      },
    },
    options,
  );
}

/** One half of a map pin, in its range (whether both halves are there is IsDefined's question). */
function Coordinate(range: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'coordinate',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= -range && value <= range,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be between -${range} and ${range}`,
      },
    },
    options,
  );
}

/** Required (2000 .. this Beijing year) exactly when the venue is a practice base. */
function PracticeBaseYear(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'practiceBaseYear',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const isBase = (args?.object as VenueInput).isPracticeBase === true;
          if (!isBase) return value == null;
          return Number.isInteger(value) && (value as number) >= PRACTICE_BASE_FIRST_YEAR && (value as number) <= thisBeijingYear();
        },
        defaultMessage: (args?: ValidationArguments) =>
          (args?.object as VenueInput).isPracticeBase === true
            ? `practiceBaseYear must be the year it was named a practice base, ${PRACTICE_BASE_FIRST_YEAR} to ${thisBeijingYear()}`
            : 'practiceBaseYear must be absent unless isPracticeBase',
      },
    },
    options,
  );
}

@InputType({ description: 'A venue as the organizer fills it in; an update replaces every field' })
export class VenueInput {
  @Field({ description: '1–60 characters after trimming' })
  @TrimmedLength(1, NAME_MAX)
  name!: string;

  @Field(() => VenueType)
  type!: VenueType;

  @Field(() => ID, { description: "Six-digit code of one of the ten counties; an organizer's own county unless city-wide" })
  @Matches(COUNTY_CODE, { message: COUNTY_MESSAGE })
  countyCode!: string;

  @Field(() => String, { nullable: true, description: '≤ 30' })
  @TrimmedLength(0, TOWNSHIP_MAX, { optional: true })
  township?: string | null;

  @Field({ description: '1–120' })
  @TrimmedLength(1, ADDRESS_MAX)
  address!: string;

  @Field(() => Float, { nullable: true, description: 'Both or neither; latitude -90..90, longitude -180..180' })
  @ValidateIf((o: VenueInput) => o.latitude != null || o.longitude != null)
  @IsDefined({ message: 'latitude is needed with longitude (give both coordinates or neither)' })
  @Coordinate(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @ValidateIf((o: VenueInput) => o.latitude != null || o.longitude != null)
  @IsDefined({ message: 'longitude is needed with latitude (give both coordinates or neither)' })
  @Coordinate(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: '≤ 20' })
  @TrimmedLength(0, CONTACT_NAME_MAX, { optional: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Mainland mobile (11 digits starting 1) or landline digits with optional dash, 7–13 chars; blank means none' })
  @ValidateIf((o: VenueInput) => !isBlank(o.contactPhone))
  @Matches(PHONE, { message: 'contactPhone must be a mobile number (11 digits from 1) or a landline such as 0599-8831234' })
  contactPhone?: string | null;

  @Field()
  isPracticeBase!: boolean;

  @Field(() => Int, { nullable: true, description: 'Required when isPracticeBase (2000 .. this year); must be absent otherwise' })
  @ValidateIf((o: VenueInput) => o.isPracticeBase === true || o.practiceBaseYear != null)
  @IsDefined({ message: 'practiceBaseYear is needed for a practice base: the year it was named' })
  @PracticeBaseYear()
  practiceBaseYear?: number | null;
}

/** Wrapped in args, so validation errors name the field as `input.name`. */
@ArgsType()
export class CreateVenueArgs {
  @Field(() => VenueInput)
  @ValidateNested()
  input!: VenueInput;
}

@ArgsType()
export class UpdateVenueArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => VenueInput)
  @ValidateNested()
  input!: VenueInput;
}

@ArgsType()
export class VenuesArgs {
  @Field(() => ID, { nullable: true, description: 'Only this county' })
  @IsOptional()
  @Matches(COUNTY_CODE, { message: COUNTY_MESSAGE })
  countyCode?: string | null;

  @Field(() => VenueType, { nullable: true, description: 'Only this one of the five venue types' })
  @IsOptional()
  type?: VenueType | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only practice bases; false: only other venues' })
  practiceBase?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Retired venues too (organizers only; ignored for everyone else)' })
  includeRetired?: boolean | null;
}
