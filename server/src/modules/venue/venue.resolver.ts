import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { loadRequired } from '../shared/by-id-loader';
import { County } from '../county/county.type';
import { Venue } from './venue.type';

@Resolver(() => Venue)
export class VenueResolver {
  @FieldResolver(() => County)
  county(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<County> {
    return loadRequired(loaders.county, venue.countyCode, 'County');
  }
}
