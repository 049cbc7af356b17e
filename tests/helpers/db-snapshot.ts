/**
 * The whole test database as one string, to prove that a refused or bad request wrote nothing:
 * take `databaseDump()` before, compare after, and `describeChange` names what moved.
 */
import mongoose from 'mongoose';

/** Every document of every collection, in _id order. */
export async function databaseDump(): Promise<string> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const dump: Record<string, unknown[]> = {};
  for (const name of names) dump[name] = await db.collection(name).find().sort({ _id: 1 }).toArray();
  return JSON.stringify(dump);
}

const short = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));

/** Which documents were added (+), removed (-) or changed (~) between two dumps; the first 20. */
export function describeChange(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, Array<{ _id: unknown }>>;
  const b = JSON.parse(after) as Record<string, Array<{ _id: unknown }>>;
  const lines: string[] = [];
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const old = new Map((a[name] ?? []).map((d) => [JSON.stringify(d._id), JSON.stringify(d)]));
    for (const doc of b[name] ?? []) {
      const key = JSON.stringify(doc._id);
      const text = JSON.stringify(doc);
      if (!old.has(key)) lines.push(`+ ${name} ${short(doc)}`);
      else if (old.get(key) !== text) lines.push(`~ ${name} ${old.get(key)!.slice(0, 600)}\n    → ${short(doc).slice(0, 600)}`);
      old.delete(key);
    }
    for (const text of old.values()) lines.push(`- ${name} ${text.slice(0, 300)}`);
  }
  return lines.slice(0, 20).join('\n');
}
