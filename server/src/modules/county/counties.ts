/**
 * The ten counties (县市区) of Nanping: the one list the code knows. The seed writes it into the
 * counties collection (which the county loader and the `counties` query read), the outreach report
 * lays out its rows by it, and inputs naming a county are checked against it, so a county the
 * city does not have can never be named, whatever a database holds.
 */
import { badUserInput } from '../../errors';

export interface CountyEntry {
  /** National administrative code, the county document's `_id`. */
  code: string;
  name: string;
  /** Display order: districts first, then counties, then county-level cities, as the city lists them. */
  sortOrder: number;
}

export const COUNTIES: readonly CountyEntry[] = [
  { code: '350702', name: '延平区', sortOrder: 1 },
  { code: '350703', name: '建阳区', sortOrder: 2 },
  { code: '350721', name: '顺昌县', sortOrder: 3 },
  { code: '350722', name: '浦城县', sortOrder: 4 },
  { code: '350723', name: '光泽县', sortOrder: 5 },
  { code: '350724', name: '松溪县', sortOrder: 6 },
  { code: '350725', name: '政和县', sortOrder: 7 },
  { code: '350781', name: '邵武市', sortOrder: 8 },
  { code: '350782', name: '武夷山市', sortOrder: 9 },
  { code: '350783', name: '建瓯市', sortOrder: 10 },
];

/** The year the five-venue outreach (五进) began; targets and reports before it mean nothing. */
export const FIRST_OUTREACH_YEAR = 2021;

/** The shape of a county code, for class-validator's @Matches on inputs. */
export const COUNTY_CODE_PATTERN = /^\d{6}$/;
export const COUNTY_CODE_MESSAGE = 'countyCode must be a six-digit administrative code';

const KNOWN = new Set(COUNTIES.map((county) => county.code));

export function isKnownCounty(code: string): boolean {
  return KNOWN.has(code);
}

/** BAD_USER_INPUT on `field` unless `code` is one of the ten counties. */
export function requireKnownCounty(code: string, field: string): void {
  if (!isKnownCounty(code)) throw unknownCounty(field);
}

/** The message for a county code that is well formed but names no county (for collected problems). */
export function unknownCountyMessage(field: string): string {
  return `${field} names no county of Nanping`;
}

const unknownCounty = (field: string) => badUserInput(field, unknownCountyMessage(field));
