import { createByIdLoader } from '../shared/by-id-loader';
import { VenueModel, type VenueDoc } from './venue.model';
import { toVenue, type Venue } from './venue.type';

export const createVenueLoader = () => createByIdLoader<VenueDoc, Venue>(VenueModel, toVenue);
