import { VenueModel, type VenueDoc } from './venue.model';
import { toVenue, type Venue } from './venue.type';
import type { VenuesArgs } from './venue.input';

/** Venues are public places (village halls, schools, ...): anyone may list them, by name. */
export async function listVenues({ countyCode, type }: VenuesArgs): Promise<Venue[]> {
  const filter: Record<string, unknown> = {};
  if (countyCode) filter.countyCode = countyCode;
  if (type) filter.type = type;
  const docs = await VenueModel.find(filter).sort({ countyCode: 1, type: 1, name: 1 }).limit(500).lean<VenueDoc[]>();
  return docs.map(toVenue);
}
