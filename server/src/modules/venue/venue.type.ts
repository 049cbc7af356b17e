import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { County } from '../county/county.type';
import type { VenueDoc } from './venue.model';
import { VenueType } from './venue-type';

@ObjectType({ description: 'A point on the map (WGS-84 degrees)' })
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

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

  @Field(() => String, { nullable: true, description: '乡镇/街道' })
  township!: string | null;

  @Field()
  address!: string;

  @Field(() => GeoPoint, { nullable: true })
  location!: GeoPoint | null;

  @Field({ description: 'One of the family-education innovation practice bases (家庭教育创新实践基地)' })
  isPracticeBase!: boolean;

  @Field(() => Int, { nullable: true, description: 'The year it was named a practice base; null unless isPracticeBase' })
  practiceBaseYear!: number | null;

  @Field({ description: 'Retired venues take no new lecture proposals; lectures already held there keep counting' })
  retired!: boolean;

  // contactName, contactPhone and lectureCount are fields of VenueResolver only (organizers in
  // scope see them): no property here, so no code path hands them out by accident.

  /** The contact as stored; read only through the scoped field resolvers. */
  contact!: { name: string | null; phone: string | null };
}

export function toVenue(doc: VenueDoc): Venue {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    type: doc.type as VenueType,
    countyCode: doc.countyCode,
    township: doc.township ?? null,
    address: doc.address,
    location: doc.location ? { latitude: doc.location.latitude, longitude: doc.location.longitude } : null,
    isPracticeBase: doc.isPracticeBase,
    practiceBaseYear: doc.isPracticeBase ? (doc.practiceBaseYear ?? null) : null,
    retired: doc.retired === true,
    contact: { name: doc.contactName ?? null, phone: doc.contactPhone ?? null },
  };
}
