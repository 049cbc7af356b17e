import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loadRequired } from '../shared/by-id-loader';
import { County } from '../county/county.type';
import { Venue } from './venue.type';
import { VenuesArgs } from './venue.input';
import { listVenues } from './venue.service';

@Resolver(() => Venue)
export class VenueResolver {
  @Query(() => [Venue], { description: 'Venues of the five-venue outreach, by county, type and name (for proposing a lecture)' })
  venues(@Args() args: VenuesArgs): Promise<Venue[]> {
    return listVenues(args);
  }

  @FieldResolver(() => County)
  county(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<County> {
    return loadRequired(loaders.county, venue.countyCode, 'County');
  }
}
