/**
 * The outreach report's numbers computed again, independently of the server's code, from the raw
 * collections (lectures, bookings, check-ins, feedback, targets) with the mongo driver and plain
 * JavaScript: what the reconciliation tests compare every number of the report with.
 */
import mongoose from 'mongoose';

const HOUR = 3600 * 1000;
export const VENUE_TYPES = ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE'];
export const COUNTY_CODES = ['350702', '350703', '350721', '350722', '350723', '350724', '350725', '350781', '350782', '350783'];

export type Figures = Record<string, number | null>;

export interface Raw {
  lectures: any[];
  bookings: any[];
  checkins: any[];
  feedback: any[];
  targets: any[];
}

export async function readRaw(): Promise<Raw> {
  const all = (name: string) => mongoose.connection.db!.collection(name).find().toArray();
  const [lectures, bookings, checkins, feedback, targets] = await Promise.all([all('lectures'), all('bookings'), all('checkins'), all('feedback'), all('outreach_targets')]);
  return { lectures, bookings, checkins, feedback, targets };
}

export const yearOf = (date: Date) => new Date(date.getTime() + 8 * HOUR).getUTCFullYear();
export const monthOf = (date: Date) => new Date(date.getTime() + 8 * HOUR).getUTCMonth() + 1;

export function expectedFigures(raw: Raw, lectures: any[], now: Date, target: { lectures: number | null; people: number | null } | null): Figures {
  const held = lectures.filter((l) => l.startsAt.getTime() <= now.getTime());
  const heldIds = new Set(held.map((l) => String(l._id)));
  const bookings = raw.bookings.filter((b) => heldIds.has(String(b.lectureId)) && ['CONFIRMED', 'CHECKED_IN', 'NO_SHOW'].includes(b.status) && !b.cancelledAt);
  const checkins = raw.checkins.filter((c) => heldIds.has(String(c.lectureId)));
  const booked = checkins.filter((c) => c.method !== 'WALK_IN');
  const ratings = raw.feedback.filter((f) => heldIds.has(String(f.lectureId))).map((f) => f.rating);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const householdsBooked = sum(held.map((l) => new Set(bookings.filter((b) => String(b.lectureId) === String(l._id)).map((b) => String(b.userId))).size));
  const seatsBooked = sum(bookings.map((b) => b.partySize));
  const peopleCheckedIn = sum(booked.map((c) => c.partySize));
  const walkInPeople = sum(checkins.filter((c) => c.method === 'WALK_IN').map((c) => c.partySize));
  const noShowSeats = sum(bookings.filter((b) => b.status === 'NO_SHOW').map((b) => b.partySize));
  const peopleReached = peopleCheckedIn + walkInPeople;
  const lectureTarget = target?.lectures ?? null;
  const peopleTarget = target?.people ?? null;
  return {
    lecturesHeld: held.length,
    lecturesUpcoming: lectures.length - held.length,
    seatsOffered: sum(held.map((l) => l.capacity)),
    seatsBooked,
    householdsBooked,
    peopleCheckedIn,
    walkInPeople,
    peopleReached,
    noShowSeats,
    attendanceRate: seatsBooked ? peopleCheckedIn / seatsBooked : null,
    noShowRate: seatsBooked ? noShowSeats / seatsBooked : null,
    householdsReached: new Set(booked.map((c) => String(c.userId))).size,
    ratingCount: ratings.length,
    averageRating: ratings.length ? sum(ratings) / ratings.length : null,
    lectureTarget,
    peopleTarget,
    lectureProgress: lectureTarget ? held.length / lectureTarget : null,
    peopleProgress: peopleTarget ? peopleReached / peopleTarget : null,
  };
}

/** The contract's target rules, written out again here. */
export function targetOf(raw: Raw, year: number, county: string | null, venueType: string | null): { lectures: number | null; people: number | null } {
  const set = (c: string | null, t: string, key: 'lectures' | 'people'): number | null =>
    raw.targets.find((r) => r.year === year && (r.countyCode ?? null) === c && r.venueType === t)?.[key] ?? null;
  const total = (values: Array<number | null>) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);
  const cityType = (t: string, key: 'lectures' | 'people') => set(null, t, key) ?? total(COUNTY_CODES.map((c) => set(c, t, key)));
  const one = (key: 'lectures' | 'people') => {
    if (county && venueType) return set(county, venueType, key);
    if (county) return total(VENUE_TYPES.map((t) => set(county, t, key)));
    if (venueType) return cityType(venueType, key);
    return total(VENUE_TYPES.map((t) => cityType(t, key)));
  };
  return { lectures: one('lectures'), people: one('people') };
}

export function expectReportToReconcile(report: any, raw: Raw, year: number, county: string | null, now: Date) {
  const inScope = raw.lectures.filter((l) => l.status === 'PUBLISHED' && yearOf(l.startsAt) === year && (!county || l.countyCode === county));
  expect(report.year).toBe(year);
  expect(report.county?.code ?? null).toBe(county);
  expect(report.totals).toEqual(expectedFigures(raw, inScope, now, targetOf(raw, year, county, null)));
  expect(report.byVenueType.map((row: any) => row.venueType)).toEqual(VENUE_TYPES);
  for (const row of report.byVenueType) {
    const expected = expectedFigures(raw, inScope.filter((l) => l.venueType === row.venueType), now, targetOf(raw, year, county, row.venueType));
    expect({ venueType: row.venueType, ...row.figures }).toEqual({ venueType: row.venueType, ...expected });
  }
  expect(report.byCounty.map((row: any) => row.county.code)).toEqual(county ? [county] : COUNTY_CODES);
  for (const row of report.byCounty) {
    const expected = expectedFigures(raw, inScope.filter((l) => l.countyCode === row.county.code), now, targetOf(raw, year, row.county.code, null));
    expect({ county: row.county.code, ...row.figures }).toEqual({ county: row.county.code, ...expected });
  }
  expect(report.byMonth.map((row: any) => row.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  for (const row of report.byMonth) {
    const expected = expectedFigures(raw, inScope.filter((l) => monthOf(l.startsAt) === row.month), now, null);
    expect({ month: row.month, ...row.figures }).toEqual({ month: row.month, ...expected });
  }
}

