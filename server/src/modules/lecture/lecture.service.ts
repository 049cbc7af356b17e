import type { QueryFilter } from 'mongoose';
import { badUserInput } from '../../errors';
import { decodeTimeCursor, encodeTimeCursor } from '../shared/pagination';
import { LectureModel, type LectureDoc } from './lecture.model';
import { LectureStatus } from './lecture-status';
import { DEFAULT_PAGE_SIZE, type LectureFilter, type LecturesArgs } from './lecture.input';
import { toLecture, type LectureConnection } from './lecture.type';

/** A validated filter as the database sees it. */
export type LectureQuery = QueryFilter<LectureDoc>;

/** Escapes user text so it is matched literally, never as a pattern. */
function literalPattern(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

export function buildLectureQuery(filter: LectureFilter = {}): LectureQuery {
  // Drafts and cancelled lectures are not listed (a lecture without a status predates statuses).
  const conditions: LectureQuery[] = [{ status: { $nin: [LectureStatus.DRAFT, LectureStatus.CANCELLED] } }];
  if (filter.venueType) conditions.push({ venueType: filter.venueType });
  if (filter.countyCode) conditions.push({ countyCode: filter.countyCode });
  if (filter.from && filter.to && filter.to <= filter.from) {
    throw badUserInput('filter.to', 'filter.to must be later than filter.from');
  }
  // "From now" includes a lecture under way: someone running late still finds the address.
  if (filter.from) conditions.push({ endsAt: { $gt: filter.from } });
  if (filter.to) conditions.push({ startsAt: { $lt: filter.to } });
  const search = filter.search?.trim();
  if (search) {
    const pattern = literalPattern(search);
    conditions.push({ $or: [{ title: pattern }, { summary: pattern }] });
  }
  return { $and: conditions };
}

/** One page in (startsAt, _id) order: one query for the page, a second only if the total is asked. */
export async function listLectures({ filter, first: requested, after }: LecturesArgs): Promise<LectureConnection> {
  const first = requested ?? DEFAULT_PAGE_SIZE;
  const query = buildLectureQuery(filter ?? undefined);
  const conditions: LectureQuery[] = [query];
  if (after) {
    const { time, id } = decodeTimeCursor(after, 'after');
    conditions.push({ $or: [{ startsAt: { $gt: time } }, { startsAt: time, _id: { $gt: id } }] });
  }
  const docs = await LectureModel.find({ $and: conditions })
    .sort({ startsAt: 1, _id: 1 })
    .limit(first + 1)
    .lean<LectureDoc[]>();

  const page = docs.slice(0, first);
  const edges = page.map((doc) => ({ cursor: encodeTimeCursor({ time: doc.startsAt, id: doc._id }), node: toLecture(doc) }));
  return {
    edges,
    pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    query,
  };
}

export function countLectures(query: LectureQuery): Promise<number> {
  return LectureModel.countDocuments(query).exec();
}
