import crypto from 'node:crypto';
import { Types } from 'mongoose';

/** A stable id per seed key, so re-seeding finds what it wrote before instead of adding twins. */
export function seedId(key: string): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha1').update(`demo-world:${key}`).digest('hex').slice(0, 24));
}
