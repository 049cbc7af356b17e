import { Field, ObjectType } from 'type-graphql';
import { Types } from 'mongoose';
import { badUserInput } from '../../errors';

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
}

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.time.getTime(), cursor.id.toHexString()])).toString('base64url');
}

export function decodeTimeCursor(value: string, field: string): TimeCursor {
  try {
    const [time, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const date = new Date(time);
    if (Number.isSafeInteger(time) && !Number.isNaN(date.getTime()) && typeof id === 'string' && /^[0-9a-f]{24}$/.test(id)) {
      return { time: date, id: new Types.ObjectId(id) };
    }
  } catch {
    // fall through: any undecodable cursor is the same mistake
  }
  throw badUserInput(field, `${field} is not a cursor this server issued`);
}
