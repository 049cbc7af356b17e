import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { createCachedByIdLoader } from '../shared/reference-cache';
import { LectureModel } from '../lecture/lecture.model';
import { VenueModel, type VenueDoc } from './venue.model';
import { toVenue, type Venue } from './venue.type';

/** Cached per process: reference data (shared/reference-cache.ts). */
export const createVenueLoader = createCachedByIdLoader<VenueDoc, Venue>(VenueModel, toVenue);

/**
 * Lectures ever proposed or held per venue, for the organizers' venue list. FerretDB filters
 * nothing but `_id` in SQLite, so any query on `venueId` decodes the whole lectures collection:
 * one grouped count per request for every venue on the page, never one per venue.
 */
export const createVenueLectureCountLoader = () =>
  new DataLoader<string, number>(async (venueIds) => {
    const counts = await LectureModel.aggregate<{ _id: Types.ObjectId; lectures: number }>([
      { $match: { venueId: { $in: venueIds.map((id) => new Types.ObjectId(id)) } } },
      // One accumulator: the engine computes only the first of a $group's.
      { $group: { _id: '$venueId', lectures: { $sum: 1 } } },
    ]);
    const byVenue = new Map(counts.map((c) => [c._id.toHexString(), c.lectures]));
    return venueIds.map((id) => byVenue.get(id) ?? 0);
  });
