import { registerEnumType } from 'type-graphql';

export enum BookingStatus {
  /** Written, seats not yet decided: a moment during booking, or a crash the reconciler repairs. */
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
}

/** A booking in one of these holds the household's one place for the lecture. */
export const ACTIVE_STATUSES = [BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.CHECKED_IN];

registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  valuesConfig: {
    PENDING: { description: 'Being decided; asks again in a moment' },
    CONFIRMED: { description: 'Seats are held' },
    WAITLISTED: { description: 'On the waiting list; promoted in order as seats free up' },
    CANCELLED: { description: 'Cancelled by the household' },
    CHECKED_IN: { description: 'Checked in at the door' },
    NO_SHOW: { description: 'Did not come' },
  },
});
