import crypto from 'node:crypto';
import type { Types } from 'mongoose';
import { isDuplicateKeyError, isEngineBusyError } from '../shared/mongo-errors';
import { SeatClaimModel } from './booking.model';

export type ClaimOutcome =
  | { kind: 'CLAIMED'; seats: number[] }
  /** Not enough free seats; whatever this attempt had claimed is released. */
  | { kind: 'NO_ROOM' }
  /** Another process is seating this very booking; this attempt backed off and released. */
  | { kind: 'CLAIMED_ELSEWHERE' };

/** Contention is settled by the unique indexes; this only bounds a pathological loop. */
const MAX_ROUNDS = 50;

/**
 * Claims `partySize` seats of a lecture for a booking, one seat-claim document per seat. Insertion
 * order is ordinal order, so whoever writes a booking's first claim owns its seating; a seat taken
 * in between is simply retried with another free seat. Households get a run of adjacent free
 * seats, starting at a random place among them to spread concurrent requests over the hall.
 */
export async function claimSeats(
  lecture: { id: Types.ObjectId; capacity: number },
  booking: { id: Types.ObjectId; partySize: number },
): Promise<ClaimOutcome> {
  const attempt = crypto.randomUUID();
  const mine: number[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const taken = new Set(
      (await SeatClaimModel.find({ lectureId: lecture.id }, { seatNumber: 1 }).lean<Array<{ seatNumber: number }>>()).map((c) => c.seatNumber),
    );
    const free: number[] = [];
    for (let seat = 1; seat <= lecture.capacity; seat++) if (!taken.has(seat)) free.push(seat);
    const need = booking.partySize - mine.length;
    // After a capacity cut, seats numbered above the new capacity are still held and still count.
    const room = lecture.capacity - taken.size;
    if (free.length < need || room < need) {
      await release(booking.id, attempt);
      return { kind: 'NO_ROOM' };
    }
    const start = crypto.randomInt(0, free.length - need + 1);
    const pick = free.slice(start, start + need);
    const docs = pick.map((seat, i) => ({
      _id: `${lecture.id.toHexString()}:${seat}`,
      lectureId: lecture.id,
      seatNumber: seat,
      bookingId: booking.id,
      bookingSlot: `${booking.id.toHexString()}:${mine.length + i + 1}`,
      attempt,
    }));
    try {
      await SeatClaimModel.collection.insertMany(docs as never[], { ordered: true });
      mine.push(...pick);
      return { kind: 'CLAIMED', seats: mine.sort((a, b) => a - b) };
    } catch (error) {
      if (isEngineBusyError(error)) {
        // The engine was busy with another process's write: a round like a lost race, after a
        // short random pause so the processes do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, 10 + crypto.randomInt(40)));
        continue;
      }
      if (!isDuplicateKeyError(error)) throw error;
      const held = await SeatClaimModel.find({ bookingId: booking.id }, { seatNumber: 1, attempt: 1 }).lean<Array<{ seatNumber: number; attempt?: string }>>();
      if (held.some((claim) => claim.attempt !== attempt)) {
        await release(booking.id, attempt);
        return { kind: 'CLAIMED_ELSEWHERE' };
      }
      mine.splice(0, mine.length, ...held.map((claim) => claim.seatNumber));
    }
  }
  await release(booking.id, attempt);
  return { kind: 'NO_ROOM' };
}

async function release(bookingId: Types.ObjectId, attempt: string): Promise<void> {
  await SeatClaimModel.deleteMany({ bookingId, attempt });
}

/** Frees every seat of a booking, whoever claimed it. */
export async function releaseSeats(bookingId: Types.ObjectId): Promise<void> {
  await SeatClaimModel.deleteMany({ bookingId });
}
