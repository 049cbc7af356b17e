/**
 * China keeps one time zone without daylight saving, and everything we show is read there
 * (messages, door screens, certificates), whatever zone the server runs in.
 */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** A Date whose UTC fields read Beijing's wall clock at `date`. */
export function beijingWallClock(date: Date): Date {
  return new Date(date.getTime() + BEIJING_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:mm in Beijing. */
export function beijingClockTime(date: Date): string {
  const b = beijingWallClock(date);
  return `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** 2026年11月28日 14:05 in Beijing. */
export function beijingDateTime(date: Date): string {
  const b = beijingWallClock(date);
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${beijingClockTime(date)}`;
}

/** The calendar year in Beijing at `date` (a lecture at 2026-12-31 20:00Z belongs to 2027). */
export function beijingYear(date: Date): number {
  return beijingWallClock(date).getUTCFullYear();
}

/** The instants a Beijing calendar year covers: `start` inclusive, `end` exclusive. */
export function beijingYearBounds(year: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - BEIJING_OFFSET_MS),
  };
}
