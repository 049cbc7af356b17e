import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/**
 * A per-request loader of documents by `_id`: one `$in` query per batch, results in key order,
 * `null` for an id with no document. Keys are strings so ObjectIds and codes cache alike.
 */
export function createByIdLoader<Doc extends { _id: unknown }, Out>(
  model: Model<any>,
  toValue: (doc: Doc) => Out,
): DataLoader<string, Out | null> {
  return new DataLoader<string, Out | null>(async (ids) => {
    const byId = await findByIds(model, toValue, ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Documents by `_id`, in one `$in` query, as values keyed by the id's string. */
export async function findByIds<Doc extends { _id: unknown }, Out>(
  model: Model<any>,
  toValue: (doc: Doc) => Out,
  ids: readonly string[],
): Promise<Map<string, Out>> {
  const docs = (await model.find({ _id: { $in: ids } }).lean()) as unknown as Doc[];
  return new Map(docs.map((doc) => [String(doc._id), toValue(doc)]));
}

/** Loads a relation that must exist; a dangling reference is a data fault, not a client error. */
export async function loadRequired<Out>(loader: DataLoader<string, Out | null>, id: string, what: string): Promise<Out> {
  const value = await loader.load(id);
  if (value === null) throw new Error(`${what} ${id} is referenced but missing`);
  return value;
}
