import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { isOrganizer, requireOrganizerFor } from '../../auth/policy';
import { badUserInput, conflict, notFound } from '../../errors';
import { parseObjectId } from '../shared/object-id';
import { requireKnownCounty } from '../county/counties';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { VenueModel, type VenueDoc } from './venue.model';
import { toVenue, type Venue } from './venue.type';
import type { VenueInput, VenuesArgs } from './venue.input';

/** What a lecturer is told when the venue they chose no longer takes lectures. */
export const RETIRED_VENUE_MESSAGE = '该场地已停用';

/**
 * Venues are public places (village halls, schools, ...): anyone may list them, by name. Retired
 * ones are left out unless an organizer asks for them (the lecturer's proposal form must not offer
 * them; the organizers' venue list shows them greyed out).
 */
export async function listVenues(
  { countyCode, type, practiceBase, includeRetired }: VenuesArgs,
  viewer: Viewer | null,
): Promise<Venue[]> {
  const filter: Record<string, unknown> = {};
  if (countyCode) filter.countyCode = countyCode;
  if (type) filter.type = type;
  if (practiceBase != null) filter.isPracticeBase = practiceBase;
  // `$ne: true` rather than `false`: venues written before retiring existed have no such field.
  if (!(includeRetired && isOrganizer(viewer))) filter.retired = { $ne: true };
  const docs = await VenueModel.find(filter).sort({ countyCode: 1, type: 1, name: 1 }).limit(500).lean<VenueDoc[]>();
  return docs.map(toVenue);
}

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** The document's fields from a validated input (class-validator checked lengths, ranges and pairs). */
function venueFields(input: VenueInput): { set: Record<string, unknown>; unset: Record<string, 1> } {
  const set: Record<string, unknown> = {
    name: input.name.trim(),
    type: input.type,
    countyCode: input.countyCode,
    address: input.address.trim(),
    isPracticeBase: input.isPracticeBase,
  };
  const unset: Record<string, 1> = {};
  const optional = {
    township: blankToNull(input.township),
    contactName: blankToNull(input.contactName),
    contactPhone: blankToNull(input.contactPhone),
    practiceBaseYear: input.isPracticeBase ? (input.practiceBaseYear ?? null) : null,
    location: input.latitude != null && input.longitude != null ? { latitude: input.latitude, longitude: input.longitude } : null,
  };
  for (const [field, value] of Object.entries(optional)) {
    if (value === null) unset[field] = 1;
    else set[field] = value;
  }
  return { set, unset };
}

async function loadVenue(id: string): Promise<VenueDoc> {
  const venue = await VenueModel.findById(parseObjectId(id, 'id')).lean<VenueDoc>();
  if (!venue) throw notFound('Venue', id);
  return venue;
}

async function reload(id: Types.ObjectId): Promise<Venue> {
  return toVenue((await VenueModel.findById(id).lean<VenueDoc>())!);
}

const hasLectures = (venueId: Types.ObjectId) => LectureModel.exists({ venueId }).then(Boolean);

export async function createVenue(viewer: Viewer, input: VenueInput): Promise<Venue> {
  requireKnownCounty(input.countyCode, 'input.countyCode');
  requireOrganizerFor(viewer, input.countyCode);
  const { set } = venueFields(input);
  const by = new Types.ObjectId(viewer.userId);
  const created = await VenueModel.create({ ...set, retired: false, createdBy: by, updatedBy: by });
  return toVenue(created.toObject() as VenueDoc);
}

/**
 * Replaces a venue's fields. Lectures copy the venue's type and county (the report groups by them
 * without a join), so once any lecture was proposed there neither may change: the organizer
 * creates a new venue instead and retires this one.
 */
export async function updateVenue(viewer: Viewer, id: string, input: VenueInput): Promise<Venue> {
  const venue = await loadVenue(id);
  requireOrganizerFor(viewer, venue.countyCode);
  requireKnownCounty(input.countyCode, 'input.countyCode');
  requireOrganizerFor(viewer, input.countyCode);
  const moved = {
    'input.type': input.type !== venue.type,
    'input.countyCode': input.countyCode !== venue.countyCode,
  };
  const fixedFields = Object.entries(moved).filter(([, changed]) => changed).map(([field]) => field);
  if (fixedFields.length > 0 && (await hasLectures(venue._id))) {
    const message = 'Lectures were proposed at this venue and keep its type and county; create a new venue and retire this one instead';
    throw conflict(message, { fields: fixedFields.map((field) => ({ field, messages: [message] })) });
  }

  const { set, unset } = venueFields(input);
  set.updatedBy = new Types.ObjectId(viewer.userId);
  await VenueModel.updateOne({ _id: venue._id }, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) });

  if (fixedFields.length > 0) {
    // A proposal racing this change may have copied the old type or county between the check
    // above and the write (the engine has no transactions). It was not there when we looked, so
    // it is ordered after this change: it takes the venue's new values. proposeLecture does the
    // same from its side (settleProposalAtVenue), so whichever of the two reads last fixes it.
    await LectureModel.updateMany(
      { venueId: venue._id, $or: [{ venueType: { $ne: input.type } }, { countyCode: { $ne: input.countyCode } }] },
      { $set: { venueType: input.type, countyCode: input.countyCode } },
    );
  }
  return reload(venue._id);
}

/**
 * Deletes a venue no lecture ever named (a typing mistake, a double entry); one with lectures is
 * retired instead, because its lectures keep pointing at it.
 *
 * The check and the delete cannot be one atomic step on this engine, and a lecturer may be
 * proposing a lecture here in the same millisecond: proposeLecture reads the venue, then inserts
 * the lecture. So both sides write first and look second:
 * - here: mark the venue retired (no new proposals), then look for lectures; one found now was
 *   proposed meanwhile, so the mark is taken back (the document is as it was) and the answer is
 *   CONFLICT; only with none found is the venue deleted;
 * - proposeLecture: insert the lecture, then read the venue again (settleProposalAtVenue); a venue
 *   retired or gone by then makes it remove its own lecture and refuse.
 * Each side's second look comes after its own write, so at least one sees the other's: a lecture
 * that stays was inserted before the mark, so the look here finds it and nothing is deleted. The
 * worst case is both backing off (the proposal refused, the delete CONFLICT) with nothing lost;
 * either may simply retry. What remains: while a refused proposal removes itself, its lecture
 * document exists for a moment (PROPOSED, seen by no one but managers) and may name the deleted
 * venue; and for the few milliseconds of a delete, the venue is missing from the proposal form.
 */
export async function deleteVenue(viewer: Viewer, id: string): Promise<string> {
  const venue = await loadVenue(id);
  requireOrganizerFor(viewer, venue.countyCode);
  const refuse = () => conflict('Lectures were proposed or held at this venue; retire it instead');
  if (await hasLectures(venue._id)) throw refuse();
  // Not through the timestamps: if the mark is taken back, the document must be exactly as it was.
  // The mark is `retired` without `retiredAt`; a real retire (retireVenue) always writes retiredAt.
  await VenueModel.collection.updateOne({ _id: venue._id }, { $set: { retired: true } });
  if (await hasLectures(venue._id)) {
    // Only our own mark is taken back: a retireVenue that landed meanwhile wrote retiredAt, and the
    // venue stays retired as its organizer was told. (Not a compare-and-swap on this engine, but
    // the filter is read right before the write, so the window is the write itself, not the
    // whole look for lectures.)
    const takeBack = venue.retired === undefined ? { $unset: { retired: 1 } } : { $set: { retired: venue.retired } };
    await VenueModel.collection.updateOne({ _id: venue._id, retiredAt: { $exists: false } }, takeBack as never);
    throw refuse();
  }
  await VenueModel.deleteOne({ _id: venue._id });
  return venue._id.toHexString();
}

/** No new proposals here from now on; lectures proposed or held here keep it and keep counting. */
export async function retireVenue(viewer: Viewer, id: string, now = new Date()): Promise<Venue> {
  const venue = await loadVenue(id);
  requireOrganizerFor(viewer, venue.countyCode);
  // retired without retiredAt is a deleteVenue's passing mark, which it may take back: retire for real.
  if (venue.retired === true && venue.retiredAt) return toVenue(venue);
  const by = new Types.ObjectId(viewer.userId);
  await VenueModel.updateOne({ _id: venue._id }, { $set: { retired: true, retiredAt: now, retiredBy: by, updatedBy: by } });
  return reload(venue._id);
}

export async function restoreVenue(viewer: Viewer, id: string): Promise<Venue> {
  const venue = await loadVenue(id);
  requireOrganizerFor(viewer, venue.countyCode);
  if (venue.retired !== true) return toVenue(venue);
  await VenueModel.updateOne(
    { _id: venue._id },
    { $set: { retired: false, updatedBy: new Types.ObjectId(viewer.userId) }, $unset: { retiredAt: 1, retiredBy: 1 } },
  );
  return reload(venue._id);
}

/**
 * proposeLecture's second look at the venue, after inserting the lecture (see deleteVenue for
 * why). The venue gone or retired meanwhile: the lecture is removed again and the proposal
 * refused. Its type or county changed meanwhile: the lecture takes the new ones (updateVenue did
 * not see it, so it counts as proposed after the change). Returns the lecture as it now is.
 */
export async function settleProposalAtVenue(lecture: LectureDoc): Promise<LectureDoc> {
  const venue = await VenueModel.findById(lecture.venueId).lean<VenueDoc>();
  if (!venue || venue.retired === true) {
    await LectureModel.deleteOne({ _id: lecture._id });
    throw badUserInput('input.venueId', venue ? RETIRED_VENUE_MESSAGE : 'input.venueId names no venue');
  }
  if (venue.type === lecture.venueType && venue.countyCode === lecture.countyCode) return lecture;
  await LectureModel.updateOne({ _id: lecture._id }, { $set: { venueType: venue.type, countyCode: venue.countyCode } });
  return { ...lecture, venueType: venue.type, countyCode: venue.countyCode };
}
