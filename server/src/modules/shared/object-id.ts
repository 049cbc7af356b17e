import { Types } from 'mongoose';
import { badUserInput } from '../../errors';

/** A 24-hex-digit ObjectId as clients send it; the one definition for validators and services. */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/i;

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}

/** Reads a client-supplied id; a malformed one is the client's mistake, named by its field. */
export function parseObjectId(value: string, field: string): Types.ObjectId {
  if (!isObjectId(value)) throw badUserInput(field, `${field} is not a valid id`);
  return new Types.ObjectId(value);
}
