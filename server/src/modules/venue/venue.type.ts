import { Field, ID, ObjectType } from 'type-graphql';
import { County } from '../county/county.type';
import type { VenueDoc } from './venue.model';
import { VenueType } from './venue-type';

@ObjectType({ description: 'A place where lectures are held' })
export class Venue {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => VenueType)
  type!: VenueType;

  @Field(() => County)
  county?: County;

  /** Resolved to `county` through the county loader. */
  countyCode!: string;

  @Field()
  address!: string;

  @Field({ description: 'One of the family-education innovation practice bases (家庭教育创新实践基地)' })
  isPracticeBase!: boolean;
}

export function toVenue(doc: VenueDoc): Venue {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    type: doc.type as VenueType,
    countyCode: doc.countyCode,
    address: doc.address,
    isPracticeBase: doc.isPracticeBase,
  };
}
