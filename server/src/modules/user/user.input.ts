import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { COUNTIES } from '../county/counties';
import { AgeGroup, GuardianKind, Role } from './user-enums';
import { OBJECT_ID_PATTERN } from '../shared/object-id';

/** Inputs name one of the ten counties: a well-formed code the city lacks would be stored as is. */
const COUNTY_CODES = COUNTIES.map((county) => county.code);

@InputType({ description: 'Fields left out stay as they are; null clears a field' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  displayName?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsIn(COUNTY_CODES, { message: 'countyCode must be the code of one of the ten counties of Nanping' })
  countyCode?: string | null;

  @Field(() => GuardianKind, { nullable: true })
  guardianKind?: GuardianKind | null;

  @Field(() => [AgeGroup], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(5)
  childrenAgeGroups?: AgeGroup[] | null;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number, 11 digits' })
  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland mobile number' })
  phone?: string | null;
}

/** Wrapped in args, so validation errors name the field as `input.phone`. */
@ArgsType()
export class UpdateProfileArgs {
  @Field(() => UpdateProfileInput)
  @ValidateNested()
  input!: UpdateProfileInput;
}

@ArgsType()
export class DevelopmentSignInArgs {
  @Field({ description: 'Any stable id; the same id signs in the same user' })
  @Length(1, 64)
  @Matches(/^[\w-]+$/, { message: 'openId may hold letters, digits, _ and - only' })
  openId!: string;

  @Field(() => Role, { nullable: true, description: 'Role of a new user, or the role to switch this user to' })
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(6)
  @IsIn(COUNTY_CODES, { message: 'countyCode must be the code of one of the ten counties of Nanping' })
  countyCode?: string;

  @Field(() => ID, { nullable: true, description: 'With role LECTURER: act as this (seeded) lecturer instead of a new profile' })
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'lecturerId must be a lecturer id' })
  lecturerId?: string;
}

@ArgsType()
export class SetRoleArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'For an organizer: the county they manage (none: the whole city); for a lecturer: their county, whose organizers review their courses' })
  @IsOptional()
  @IsIn(COUNTY_CODES, { message: 'countyCode must be the code of one of the ten counties of Nanping' })
  countyCode?: string;
}

@ArgsType()
export class WechatSignInArgs {
  @Field({ description: 'The code from Taro.login / wx.login' })
  @Length(1, 128)
  code!: string;
}
