import { ApiError, interpretResponse, type Transport } from '../../../miniapp/src/services/errors';
import {
  bookingRefusalMessage,
  bookingResultTitle,
  bookingStatusLabel,
  bookingStatusTone,
  CANCEL_DEADLINE_RULE,
  canStillCancel,
  cancelRefusalMessage,
  conflictingBookingId,
  existingBookingTitle,
  hasTicket,
  idempotencyKeyFor,
  isActiveBooking,
  newIdempotencyKey,
  outcomeUnknown,
  partySizeLimit,
  seatNumbersLabel,
  stepPartySize,
  waitlistHint,
} from '../../../miniapp/src/utils/booking';

/** The ApiError the request wrapper makes of a GraphQL error answer. */
function serverError(code: string, message: string, extensions: Record<string, unknown> = {}): ApiError {
  const outcome: Transport = { kind: 'response', status: 200, body: { data: null, errors: [{ message, extensions: { code, ...extensions } }] } };
  const result = interpretResponse(outcome);
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
}

describe('status badges', () => {
  it.each([
    ['CONFIRMED', null, '已预约'],
    ['WAITLISTED', 3, '候补第3位'],
    ['WAITLISTED', null, '候补中'],
    ['CANCELLED', null, '已取消'],
    ['CHECKED_IN', null, '已签到'],
    ['NO_SHOW', null, '未到场'],
    ['PENDING', null, '处理中'],
  ] as const)('%s (position %s) reads %s', (status, position, label) => {
    expect(bookingStatusLabel(status, position)).toBe(label);
  });

  it('a status the app does not know yet (newer server) reads as being decided, not blank', () => {
    expect(bookingStatusLabel('SOMETHING_NEW')).toBe('处理中');
  });

  it('gives each status a class modifier', () => {
    expect(bookingStatusTone('CHECKED_IN')).toBe('checked-in');
    expect(bookingStatusTone('NO_SHOW')).toBe('no-show');
    expect(bookingStatusTone('WAITLISTED')).toBe('waitlisted');
  });

  it('knows which bookings hold a place and which have a ticket', () => {
    expect(['CONFIRMED', 'WAITLISTED', 'PENDING'].every(isActiveBooking)).toBe(true);
    expect(['CANCELLED', 'CHECKED_IN', 'NO_SHOW'].some(isActiveBooking)).toBe(false);
    expect(hasTicket('CONFIRMED')).toBe(true);
    expect(hasTicket('CHECKED_IN')).toBe(true);
    expect(hasTicket('WAITLISTED')).toBe(false);
    expect(hasTicket('CANCELLED')).toBe(false);
  });
});

describe('party size', () => {
  it('steps within 1 and the lecture’s maximum', () => {
    expect(stepPartySize(1, -1, 4)).toBe(1);
    expect(stepPartySize(1, 1, 4)).toBe(2);
    expect(stepPartySize(4, 1, 4)).toBe(4);
    expect(stepPartySize(3, -1, 4)).toBe(2);
  });

  it('pulls a value out of range back in (the maximum may have been lowered meanwhile)', () => {
    expect(stepPartySize(6, 0, 4)).toBe(4);
    expect(stepPartySize(0, 0, 4)).toBe(1);
    expect(stepPartySize(-3, 1, 4)).toBe(1);
  });

  it('never lets the limit fall below one seat', () => {
    expect(partySizeLimit(0)).toBe(1);
    expect(partySizeLimit(null)).toBe(1);
    expect(partySizeLimit(undefined)).toBe(1);
    expect(partySizeLimit(5)).toBe(5);
    expect(stepPartySize(1, 1, 0)).toBe(1);
  });
});

describe('what the reader is told', () => {
  it('says the result of booking in one line', () => {
    expect(bookingResultTitle({ status: 'CONFIRMED', partySize: 2 })).toBe('预约成功（2 位）');
    expect(bookingResultTitle({ status: 'WAITLISTED', partySize: 2, waitlistPosition: 4 })).toBe('已进入候补，第 4 位');
    expect(bookingResultTitle({ status: 'PENDING', partySize: 2 })).toBe('正在为您安排座位…');
    expect(existingBookingTitle({ status: 'CONFIRMED', partySize: 3 })).toBe('您已预约（3 位）');
    expect(existingBookingTitle({ status: 'WAITLISTED', partySize: 1, waitlistPosition: 2 })).toBe('您在候补第 2 位（1 位）');
  });

  it('lists seat numbers', () => {
    expect(seatNumbersLabel([12, 13])).toBe('12、13 号');
    expect(seatNumbersLabel([])).toBe('');
  });

  it('warns before booking when the party will wait', () => {
    expect(waitlistHint(10, 2)).toBeNull();
    expect(waitlistHint(2, 2)).toBeNull();
    expect(waitlistHint(1, 2)).toMatch(/只剩 1 个座位，不够 2 位/);
    expect(waitlistHint(0, 1)).toMatch(/座位已满/);
  });

  it('explains the two-hour rule when the server refuses a cancellation for it', () => {
    const refused = serverError('CONFLICT', 'Bookings can be cancelled until two hours before the lecture starts');
    const deadline = '2030-05-01T06:00:00.000Z';
    expect(cancelRefusalMessage(refused, deadline, new Date('2030-05-01T05:00:00Z'))).toBe(CANCEL_DEADLINE_RULE);
    expect(CANCEL_DEADLINE_RULE).toContain('2 小时');
    // The phone's clock may be behind the server's: the server's word decides.
    expect(cancelRefusalMessage(refused, deadline, new Date('2030-04-01T00:00:00Z'))).toBe(CANCEL_DEADLINE_RULE);
    expect(cancelRefusalMessage(serverError('CONFLICT', 'This booking is already cancelled'), deadline, new Date('2030-04-01T00:00:00Z'))).toBe('这个预约已经取消了。');
    expect(cancelRefusalMessage(new ApiError('NETWORK_ERROR'), deadline, new Date())).toBe('网络不太好，请稍后再试');
  });

  it('allows cancelling up to the deadline itself', () => {
    const deadline = '2030-05-01T06:00:00.000Z';
    expect(canStillCancel(deadline, new Date('2030-05-01T06:00:00.000Z'))).toBe(true);
    expect(canStillCancel(deadline, new Date('2030-05-01T06:00:00.001Z'))).toBe(false);
  });

  it('explains refused bookings', () => {
    expect(bookingRefusalMessage(serverError('CONFLICT', 'You already have a booking for this lecture', { bookingId: 'b1' }), 4)).toBe('您已经预约过这场讲座了。');
    expect(bookingRefusalMessage(serverError('CONFLICT', 'This lecture has already started'), 4)).toBe('讲座已经开始，不能再预约了。');
    expect(bookingRefusalMessage(serverError('CONFLICT', 'This lecture has been cancelled'), 4)).toBe('这场讲座已取消。');
    expect(bookingRefusalMessage(serverError('BAD_USER_INPUT', 'input.partySize may be at most 4 for this lecture'), 4)).toBe('每户最多预约 4 位。');
    expect(bookingRefusalMessage(serverError('NOT_FOUND', 'Lecture x was not found'), 4)).toBe('讲座不存在或已下线。');
  });

  it('finds the booking a conflict names', () => {
    expect(conflictingBookingId(serverError('CONFLICT', 'You already have a booking for this lecture', { bookingId: 'b1' }))).toBe('b1');
    expect(conflictingBookingId(serverError('CONFLICT', 'This lecture has already started'))).toBeNull();
    expect(conflictingBookingId(new Error('x'))).toBeNull();
  });
});

describe('idempotency keys', () => {
  let n = 0;
  const fresh = () => `key-${++n}`;

  it('a new tap gets a new key', () => {
    expect(idempotencyKeyFor(null, 'L1', 2, fresh)).toBe('key-1');
    expect(idempotencyKeyFor(null, 'L1', 2, fresh)).toBe('key-2');
  });

  it('a retry of an unanswered attempt reuses its key, unless the party or lecture changed', () => {
    const unanswered = { key: 'first', lectureId: 'L1', partySize: 2 };
    expect(idempotencyKeyFor(unanswered, 'L1', 2, fresh)).toBe('first');
    expect(idempotencyKeyFor(unanswered, 'L1', 3, fresh)).not.toBe('first');
    expect(idempotencyKeyFor(unanswered, 'L2', 2, fresh)).not.toBe('first');
  });

  it('only network failures and server faults leave the outcome unknown', () => {
    expect(outcomeUnknown(new ApiError('NETWORK_ERROR'))).toBe(true);
    expect(outcomeUnknown(new ApiError('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(outcomeUnknown(new ApiError('CONFLICT'))).toBe(false);
    expect(outcomeUnknown(new ApiError('BAD_USER_INPUT'))).toBe(false);
  });

  it('makes keys that differ even within the same millisecond', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey(1_700_000_000_000)));
    expect(keys.size).toBe(1000);
    expect(newIdempotencyKey(0, () => 0)).toBe('0-000000000000000000');
    expect(newIdempotencyKey()).toMatch(/^[0-9a-z]+-[0-9a-z]{18}$/);
  });
});
