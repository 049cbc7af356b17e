import crypto from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import { SignJWT, jwtVerify } from 'jose';
import { CROCKFORD_ALPHABET, crockfordCode } from '../shared/crockford';

@ObjectType({ description: 'What a household shows at the door' })
export class Ticket {
  @Field({ description: 'Signed code for the QR image; names the booking and its lecture' })
  code!: string;

  @Field({ description: 'The same ticket as 8 letters and digits to read aloud, e.g. K7Q2-9XMA' })
  shortCode!: string;
}

export interface TicketHolder {
  bookingId: string;
  lectureId: string;
  lectureEndsAt: Date;
}

export class TicketError extends Error {}


/**
 * Check-in codes. The QR code is a JWS over (booking, lecture) with a key of its own, derived from
 * AUTH_SECRET, so a session token can never pass for a ticket or the reverse. The short code is an
 * HMAC of the booking and lecture: unguessable, and different for every lecture.
 */
export class TicketService {
  private readonly key: Uint8Array;

  constructor(authSecret: string) {
    this.key = crypto.createHmac('sha256', authSecret).update('family-education ticket key v1').digest();
  }

  async issue(holder: TicketHolder): Promise<Ticket> {
    const code = await new SignJWT({ lec: holder.lectureId })
      .setProtectedHeader({ alg: 'HS256', typ: 'ticket' })
      .setSubject(holder.bookingId)
      // Good until a day after the lecture, for late check-ins typed in afterwards.
      .setExpirationTime(Math.floor(holder.lectureEndsAt.getTime() / 1000) + 24 * 3600)
      .sign(this.key);
    return { code, shortCode: this.shortCode(holder.bookingId, holder.lectureId) };
  }

  shortCode(bookingId: string, lectureId: string): string {
    const text = crockfordCode(crypto.createHmac('sha256', this.key).update(`${lectureId}:${bookingId}`).digest(), 8);
    return `${text.slice(0, 4)}-${text.slice(4)}`;
  }

  /**
   * A short code as typed at the door, in the form `shortCode` makes, or null if it cannot be
   * one: case, spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.
   */
  static normalizeShortCode(typed: string): string | null {
    const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    if (text.length !== 8 || [...text].some((c) => !CROCKFORD_ALPHABET.includes(c))) return null;
    return `${text.slice(0, 4)}-${text.slice(4)}`;
  }

  /** A QR code is a JWS (three dot-separated parts); anything else is taken for a short code. */
  static looksLikeQrCode(text: string): boolean {
    return text.split('.').length === 3;
  }

  /**
   * The booking a QR code names, if it is genuine and for this lecture. `at` is when it was
   * scanned: a scan queued offline at the door is judged by its scan time, not its sync time.
   */
  async verify(code: string, lectureId: string, at = new Date()): Promise<string> {
    let payload;
    try {
      ({ payload } = await jwtVerify(code, this.key, { algorithms: ['HS256'], typ: 'ticket', currentDate: at }));
    } catch {
      throw new TicketError('This is not a valid ticket');
    }
    if (payload.lec !== lectureId) throw new TicketError('This ticket is for another lecture');
    return payload.sub as string;
  }
}
