import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { Model, MongooseQueryMiddleware, Schema } from 'mongoose';
import { findByIds } from './by-id-loader';

/**
 * Reference data (counties, venues, lecturers) is read on nearly every request and written a few
 * times a day, so each process keeps what it loaded: a list of lectures then costs no round trip
 * for its venues and lecturers (FerretDB scans the whole collection for any `$in`).
 *
 * Freshness: any write through these models empties every reference cache of the process that wrote
 * (a mongoose hook, so no write path can forget it); another process sees the change within the TTL
 * (REFERENCE_CACHE_SECONDS, default 30; 0 turns the cache off). A renamed venue showing its old name
 * for half a minute elsewhere is harmless; nothing that decides anything (booking, check-in,
 * permissions) reads through this cache.
 */
const caches = new Set<LRUCache<string, { value: unknown }>>();
let ttlMs = 30_000;
/** Moves on at every forget, so a read that began before a write does not keep what it read. */
let generation = 0;

/** Set once at start from the config. */
export function setReferenceCacheTtl(seconds: number): void {
  ttlMs = seconds * 1000;
  forgetCachedReferences();
}

export function forgetCachedReferences(): void {
  generation++;
  for (const cache of caches) cache.clear();
}

const QUERY_WRITES: MongooseQueryMiddleware[] = [
  'updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete',
  'replaceOne', 'deleteOne', 'deleteMany',
];

/** For the schema of a cached model, before the model is compiled. */
export function forgetsCachedReferencesOnWrite(schema: Schema): void {
  // Before and after: a read racing the write cannot put the old value back for a whole TTL.
  schema.pre(QUERY_WRITES, () => forgetCachedReferences());
  schema.post(QUERY_WRITES, () => forgetCachedReferences());
  schema.pre('save', () => forgetCachedReferences());
  schema.post('save', () => forgetCachedReferences());
  schema.post('insertMany', () => forgetCachedReferences());
  schema.post('bulkWrite', () => forgetCachedReferences());
}

/**
 * A per-request by-id loader in front of the process's cache: ids the cache holds cost nothing,
 * the rest are loaded in one `$in` and kept. Missing ids are not cached (a new venue shows at once).
 */
export function createCachedByIdLoader<Doc extends { _id: unknown }, Out>(
  model: Model<any>,
  toValue: (doc: Doc) => Out,
  max = 5_000,
): () => DataLoader<string, Out | null> {
  const cache = new LRUCache<string, { value: unknown }>({ max, ttl: 1 });
  caches.add(cache);
  return () =>
    new DataLoader<string, Out | null>(async (ids) => {
      const found = new Map<string, Out>();
      const missing: string[] = [];
      for (const id of ids) {
        const hit = ttlMs > 0 ? cache.get(id) : undefined;
        if (hit) found.set(id, hit.value as Out);
        else missing.push(id);
      }
      if (missing.length) {
        const readAt = generation;
        for (const [id, value] of await findByIds(model, toValue, missing)) {
          found.set(id, value);
          if (ttlMs > 0 && readAt === generation) cache.set(id, { value }, { ttl: ttlMs });
        }
      }
      return ids.map((id) => found.get(id) ?? null);
    });
}
