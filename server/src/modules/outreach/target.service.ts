import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { requireOrganizerFor } from '../../auth/policy';
import { badUserInputs, forbidden, unauthenticated, type FieldProblem } from '../../errors';
import { isKnownCounty, requireKnownCounty, unknownCountyMessage } from '../county/counties';
import { Role } from '../user/user-enums';
import { VENUE_TYPES, type VenueType } from '../venue/venue-type';
import { OutreachTargetModel, outreachTargetId, type OutreachTargetDoc } from './target.model';
import { LECTURES_TARGET_MAX, PEOPLE_TARGET_MAX, type SetOutreachTargetsInput } from './target.input';

export interface TargetRow {
  year: number;
  /** null: the city as a whole. */
  countyCode: string | null;
  venueType: string;
  lectures: number;
  people: number;
  updatedAt: Date;
}

/** Every target set for the year, city and counties alike (at most 55 rows). */
export async function loadTargets(year: number): Promise<TargetRow[]> {
  const docs = await OutreachTargetModel.find({ year }).lean<OutreachTargetDoc[]>();
  return docs.map((doc) => ({
    year: doc.year,
    countyCode: doc.countyCode ?? null,
    venueType: doc.venueType,
    lectures: doc.lectures,
    people: doc.people,
    updatedAt: doc.updatedAt,
  }));
}

// ------------------------------------------------------------------ reading and setting targets

/** The rows of one scope (a county, or the city's own when null) in VenueType order. */
export async function targetsOf(year: number, countyCode: string | null): Promise<TargetRow[]> {
  const rows = (await loadTargets(year)).filter((row) => row.countyCode === countyCode);
  return rows.sort((a, b) => VENUE_TYPES.indexOf(a.venueType as VenueType) - VENUE_TYPES.indexOf(b.venueType as VenueType));
}

/** City organizers (no county of their own) and admins set targets; county organizers only read theirs. */
export function requireCityOrganizer(viewer: Viewer | null): void {
  if (!viewer) throw unauthenticated();
  const cityWide = viewer.role === Role.ADMIN || (viewer.role === Role.ORGANIZER && viewer.countyCode == null);
  if (!cityWide) throw forbidden('Only the city organizers set targets; county organizers read theirs');
}

/** Scope and county of a read: organizers covering it (a county organizer: their own county only). */
export async function readTargets(viewer: Viewer, year: number, countyCode: string | null | undefined): Promise<TargetRow[]> {
  const scope = countyCode ?? null;
  if (scope !== null) requireKnownCounty(scope, 'countyCode');
  requireOrganizerFor(viewer, scope);
  return targetsOf(year, scope);
}

function checkRange(problems: FieldProblem[], field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) problems.push({ field, messages: [`${field} must be a whole number from 0 to ${max}`] });
}

/**
 * Sets some of a scope's targets for a year (types not listed keep theirs). Everything is checked
 * before the first write; then one upsert per row by its deterministic `_id`, so two organizers
 * saving at once leave one row per type (the later save wins), never two. Returns every target of
 * the scope as it now is.
 */
export async function setTargets(viewer: Viewer, input: SetOutreachTargetsInput, now = new Date()): Promise<TargetRow[]> {
  requireCityOrganizer(viewer);
  const scope = input.countyCode ?? null;
  const problems: FieldProblem[] = [];
  input.targets.forEach((row, i) => {
    checkRange(problems, `input.targets[${i}].lectures`, row.lectures, LECTURES_TARGET_MAX);
    checkRange(problems, `input.targets[${i}].people`, row.people, PEOPLE_TARGET_MAX);
  });
  if (scope !== null && !isKnownCounty(scope)) problems.push({ field: 'input.countyCode', messages: [unknownCountyMessage('input.countyCode')] });
  if (problems.length > 0) throw badUserInputs(problems);

  const updatedBy = new Types.ObjectId(viewer.userId);
  // One by one, not a bulk: the engine stalls on bulks of upserts (see seed.ts), and five is few.
  for (const row of input.targets) {
    await OutreachTargetModel.updateOne(
      { _id: outreachTargetId(input.year, scope, row.venueType) },
      { $set: { year: input.year, countyCode: scope, venueType: row.venueType, lectures: row.lectures, people: row.people, updatedAt: now, updatedBy } },
      { upsert: true },
    );
  }
  return targetsOf(input.year, scope);
}
