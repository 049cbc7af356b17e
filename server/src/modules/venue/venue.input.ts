import { ArgsType, Field, ID } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import { VenueType } from './venue-type';

@ArgsType()
export class VenuesArgs {
  @Field(() => ID, { nullable: true, description: 'Only this county' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit administrative code' })
  countyCode?: string | null;

  @Field(() => VenueType, { nullable: true, description: 'Only this one of the five venue types' })
  @IsOptional()
  type?: VenueType | null;
}
