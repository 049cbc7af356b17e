import { Field, Int, ObjectType } from 'type-graphql';
import { County } from '../county/county.type';
import { VenueType } from '../venue/venue-type';
import type { TargetRow } from './target.service';

@ObjectType({ description: 'A yearly target of a county (or the city as a whole) for one venue type' })
export class OutreachTarget {
  @Field(() => Int)
  year!: number;

  @Field(() => County, { nullable: true, description: 'null: the city as a whole' })
  county?: County | null;

  /** Resolved to `county` through the county loader; null for the city. */
  countyCode!: string | null;

  @Field(() => VenueType)
  venueType!: VenueType;

  @Field(() => Int, { description: 'Lectures to hold, 0..10000' })
  lectures!: number;

  @Field(() => Int, { description: 'People to reach (checked in + walk-ins), 0..1000000' })
  people!: number;

  @Field()
  updatedAt!: Date;
}

export function toOutreachTarget(row: TargetRow): OutreachTarget {
  return {
    year: row.year,
    countyCode: row.countyCode,
    venueType: row.venueType as VenueType,
    lectures: row.lectures,
    people: row.people,
    updatedAt: row.updatedAt,
  };
}
