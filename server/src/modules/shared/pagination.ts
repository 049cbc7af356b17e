import { Field, ObjectType } from 'type-graphql';
import { Types } from 'mongoose';
import { badUserInput } from '../../errors';
import { isObjectId } from './object-id';

@ObjectType({ description: 'Where a page of a list ends and whether more follows' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;
}

/** Position in a list ordered by (time, id): opaque to clients, stable under inserts. */
export interface TimeCursor {
  time: Date;
  id: Types.ObjectId;
  /** For lists in tiers (FOR_ME): the tier the position is in. */
  rank?: number;
}

export function encodeTimeCursor(cursor: TimeCursor): string {
  const parts: Array<number | string> = [cursor.time.getTime(), cursor.id.toHexString()];
  if (cursor.rank !== undefined) parts.push(cursor.rank);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeTimeCursor(value: string, field: string): TimeCursor {
  try {
    const [time, id, rank] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const date = new Date(time);
    const rankOk = rank === undefined || (Number.isInteger(rank) && rank >= 0 && rank < 8);
    if (Number.isSafeInteger(time) && !Number.isNaN(date.getTime()) && isObjectId(id) && rankOk) {
      return { time: date, id: new Types.ObjectId(id), rank };
    }
  } catch {
    // fall through: any undecodable cursor is the same mistake
  }
  throw badUserInput(field, `${field} is not a cursor this server issued`);
}
