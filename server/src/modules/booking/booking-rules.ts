/**
 * The booking rules a household can be told in one breath (README: "Booking rules").
 * - Up to the lecture's maxPartySize seats per household, one active booking per lecture.
 * - Seats are given in the order requests arrive; when the hall is full, the household joins the
 *   waiting list. While anyone is waiting, new requests queue behind them.
 * - Cancelling is possible until two hours before the start; freed seats go to the waiting list in
 *   order. A household that does not fit in the freed seats keeps its place at the front, and the
 *   next households that do fit are seated meanwhile, so no seat stays empty while someone who fits
 *   is waiting.
 */
export const CANCELLATION_CUTOFF_MS = 2 * 3600 * 1000;

export function cancellationDeadline(lectureStartsAt: Date): Date {
  return new Date(lectureStartsAt.getTime() - CANCELLATION_CUTOFF_MS);
}
