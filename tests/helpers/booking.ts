import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { postGraphQL } from './graphql';
import type { TestServer } from './server';

/** A lecture written straight into the test's database, bookable unless told otherwise. */
export async function insertLecture(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = new Types.ObjectId();
  const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  await mongoose.connection.db!.collection('lectures').insertOne({
    _id: id,
    title: '隔代教养：爷爷奶奶的新功课',
    summary: '帮助祖辈家长了解孩子的成长规律，学会与孩子和孩子父母沟通。',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000),
    venueId: new Types.ObjectId(),
    lecturerId: new Types.ObjectId(),
    capacity: 30,
    maxPartySize: 4,
    status: 'PUBLISHED',
    tags: [],
    venueType: 'VILLAGE',
    countyCode: '350702',
    ...overrides,
  });
  return id.toHexString();
}

export const SIGN_IN = `mutation($openId: String!) { signInForDevelopment(openId: $openId) { token user { id } } }`;

export const BOOK = `mutation($input: BookLectureInput!) {
  bookLecture(input: $input) { id status partySize seatNumbers waitlistPosition requestedAt }
}`;

export const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status seatNumbers } }`;

/** Signs in a household through the development sign-in and returns its token. */
export async function signIn(server: TestServer, openId: string, url = server.url): Promise<string> {
  const body = await postGraphQL(url, SIGN_IN, { openId });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.signInForDevelopment.token;
}

export function newKey(): string {
  return crypto.randomUUID();
}

export async function collectionCounts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  return {
    bookings: await db.collection('bookings').countDocuments(),
    seat_claims: await db.collection('seat_claims').countDocuments(),
  };
}
