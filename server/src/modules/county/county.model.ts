import { Schema, model, type InferSchemaType } from 'mongoose';
import { forgetsCachedReferencesOnWrite } from '../shared/reference-cache';

/** Administrative divisions of Nanping; `_id` is the national administrative code, e.g. "350702". */
const countySchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    /** Display order: districts first, then counties, then county-level cities, as the city lists them. */
    sortOrder: { type: Number, required: true },
  },
  { versionKey: false },
);

export type CountyDoc = InferSchemaType<typeof countySchema> & { _id: string };
// Read through a per-process cache (shared/reference-cache.ts); its writes empty it.
forgetsCachedReferencesOnWrite(countySchema);
export const CountyModel = model('County', countySchema, 'counties');
