import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { organizerCovers } from '../../auth/policy';
import { loadRequired } from '../shared/by-id-loader';
import { parseObjectId } from '../shared/object-id';
import { Role } from '../user/user-enums';
import { County } from '../county/county.type';
import { Venue } from './venue.type';
import { CreateVenueArgs, UpdateVenueArgs, VenuesArgs } from './venue.input';
import * as venues from './venue.service';

@Resolver(() => Venue)
export class VenueResolver {
  @Query(() => [Venue], {
    description: 'Venues of the five-venue outreach, by county, type and name (for proposing a lecture). Retired venues only when includeRetired (organizers); practiceBase filters bases',
  })
  venues(@Args() args: VenuesArgs, @Ctx() { viewer }: Context): Promise<Venue[]> {
    return venues.listVenues(args, viewer);
  }

  @Query(() => Venue, { nullable: true, description: 'null when there is none' })
  venue(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Venue | null> {
    return loaders.venue.load(parseObjectId(id, 'id').toHexString());
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Venue, { description: 'ORGANIZER/ADMIN covering input.countyCode' })
  createVenue(@Args() { input }: CreateVenueArgs, @Ctx() { viewer }: Context): Promise<Venue> {
    return venues.createVenue(viewer!, input);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Venue, {
    description: 'Type and county cannot change once a lecture was proposed there (CONFLICT, field input.type / input.countyCode): lectures copy them for the report',
  })
  updateVenue(@Args() { id, input }: UpdateVenueArgs, @Ctx() { viewer }: Context): Promise<Venue> {
    return venues.updateVenue(viewer!, id, input);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => ID, { description: 'Only a venue no lecture ever used (CONFLICT otherwise: retire it instead). Returns the deleted id' })
  deleteVenue(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<string> {
    return venues.deleteVenue(viewer!, id);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Venue, { description: 'No new lecture proposals at this venue; its lectures stay and keep counting' })
  retireVenue(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Venue> {
    return venues.retireVenue(viewer!, id);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Venue, { description: 'Takes proposals again' })
  restoreVenue(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Venue> {
    return venues.restoreVenue(viewer!, id);
  }

  @FieldResolver(() => County)
  county(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<County> {
    return loadRequired(loaders.county, venue.countyCode, 'County');
  }

  // The venue's own contact person is for the organizers who arrange lectures there, not for
  // every parent browsing lectures.
  @FieldResolver(() => String, { nullable: true, description: 'Organizers in scope see it; null for everyone else' })
  contactName(@Root() venue: Venue, @Ctx() { viewer }: Context): string | null {
    return organizerCovers(viewer, venue.countyCode) ? venue.contact.name : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Organizers in scope see it; null for everyone else' })
  contactPhone(@Root() venue: Venue, @Ctx() { viewer }: Context): string | null {
    return organizerCovers(viewer, venue.countyCode) ? venue.contact.phone : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Lectures ever proposed or held here (organizers in scope; null for others)' })
  async lectureCount(@Root() venue: Venue, @Ctx() { viewer, loaders }: Context): Promise<number | null> {
    return organizerCovers(viewer, venue.countyCode) ? loaders.venueLectureCount.load(venue.id) : null;
  }
}
