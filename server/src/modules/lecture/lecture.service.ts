import type { QueryFilter } from 'mongoose';
import { badUserInput } from '../../errors';
import { literalPattern } from '../shared/literal-pattern';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/pagination';
import { LectureModel, type LectureDoc } from './lecture.model';
import { LectureStatus, UNPUBLISHED_STATUSES } from './lecture-status';
import { DEFAULT_PAGE_SIZE, LectureOrder, type LectureFilter, type LecturesArgs } from './lecture.input';
import type { AgeGroup } from '../user/user-enums';
import { toLecture, type LectureConnection } from './lecture.type';

/** A validated filter as the database sees it. */
export type LectureQuery = QueryFilter<LectureDoc>;

export function buildLectureQuery(filter: LectureFilter = {}): LectureQuery {
  // Unpublished and cancelled lectures are not listed (a lecture without a status predates statuses).
  const conditions: LectureQuery[] = [{ status: { $nin: [...UNPUBLISHED_STATUSES, LectureStatus.CANCELLED] } }];
  if (filter.venueType) conditions.push({ venueType: filter.venueType });
  if (filter.countyCode) conditions.push({ countyCode: filter.countyCode });
  if (filter.from && filter.to && filter.to <= filter.from) {
    throw badUserInput('filter.to', 'filter.to must be later than filter.from');
  }
  // "From now" includes a lecture under way: someone running late still finds the address.
  if (filter.from) conditions.push({ endsAt: { $gt: filter.from } });
  if (filter.to) conditions.push({ startsAt: { $lt: filter.to } });
  if (filter.ageGroup) conditions.push(forAgeGroups([filter.ageGroup]));
  const search = filter.search?.trim();
  if (search) {
    const pattern = literalPattern(search);
    conditions.push({ $or: [{ title: pattern }, { summary: pattern }] });
  }
  return { $and: conditions };
}

/** What "for me" ranks by: the parent's county and children's stages. */
export interface AudienceProfile {
  countyCode: string | null;
  childrenAgeGroups: AgeGroup[];
}

function forAgeGroups(groups: AgeGroup[]): LectureQuery {
  return { $or: [{ audienceAgeGroups: { $in: groups } }, { audienceAgeGroups: { $exists: false } }, { audienceAgeGroups: { $size: 0 } }] };
}

/**
 * The tiers of a "for me" list, best first, each a condition the engine can run (it has no $cond
 * to compute a score): county and ages, county only, ages only, the rest.
 */
function forMeTiers(profile: AudienceProfile | null): LectureQuery[] {
  const county: LectureQuery | null = profile?.countyCode ? { countyCode: profile.countyCode } : null;
  const ages = profile?.childrenAgeGroups.length ? forAgeGroups(profile.childrenAgeGroups) : null;
  if (!county && !ages) return [{}];
  const not = (q: LectureQuery): LectureQuery => ({ $nor: [q] });
  if (county && ages) return [{ $and: [county, ages] }, { $and: [county, not(ages)] }, { $and: [not(county), ages] }, { $and: [not(county), not(ages)] }];
  const only = (county ?? ages)!;
  return [only, not(only)];
}

/**
 * One page in (tier, startsAt, _id) order; plain start-time order is the single-tier case. One
 * query per tier the page reaches, and a count only if the total is asked for.
 */
export async function listLectures(
  { filter, first: requested, after, orderBy }: LecturesArgs,
  profile: AudienceProfile | null = null,
): Promise<LectureConnection> {
  const first = requested ?? DEFAULT_PAGE_SIZE;
  const query = buildLectureQuery(filter ?? undefined);
  const tiers = orderBy === LectureOrder.FOR_ME ? forMeTiers(profile) : [{}];
  const cursor = after ? decodeTimeCursor(after, 'after') : null;
  const startTier = cursor?.rank ?? 0;
  if (startTier >= tiers.length) throw badUserInput('after', 'after is not a cursor of this list');

  const found: Array<{ doc: LectureDoc; tier: number }> = [];
  for (let tier = startTier; tier < tiers.length && found.length <= first; tier++) {
    const conditions: LectureQuery[] = [query, tiers[tier]];
    if (cursor && tier === startTier) {
      conditions.push({ $or: [{ startsAt: { $gt: cursor.time } }, { startsAt: cursor.time, _id: { $gt: cursor.id } }] });
    }
    const docs = await LectureModel.find({ $and: conditions })
      .sort({ startsAt: 1, _id: 1 })
      .limit(first + 1 - found.length)
      .lean<LectureDoc[]>();
    found.push(...docs.map((doc) => ({ doc, tier })));
  }

  const ranked = tiers.length > 1;
  const edges = found.slice(0, first).map(({ doc, tier }) => ({
    cursor: encodeTimeCursor({ time: doc.startsAt, id: doc._id, rank: ranked ? tier : undefined }),
    node: toLecture(doc),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: found.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    query,
  };
}

export function countLectures(query: LectureQuery): Promise<number> {
  return LectureModel.countDocuments(query).exec();
}
