import { Types } from 'mongoose';
import { badUserInput } from '../../errors';

/** Reads a client-supplied id; a malformed one is the client's mistake, named by its field. */
export function parseObjectId(value: string, field: string): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(value)) throw badUserInput(field, `${field} is not a valid id`);
  return new Types.ObjectId(value);
}
