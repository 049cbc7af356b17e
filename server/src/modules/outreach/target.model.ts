import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { VENUE_TYPES } from '../venue/venue-type';

/** The city's own targets are stored under this scope key; a county's under its code. */
export const CITY_SCOPE = 'city';

/**
 * One yearly target per (year, scope, venue type). `_id` is `<year>:<scope>:<venueType>`, so setting
 * a target is one upsert by `_id` and two organizers saving at once leave one row, never two.
 */
const outreachTargetSchema = new Schema(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    /** null: the city as a whole. */
    countyCode: { type: String, default: null },
    venueType: { type: String, enum: VENUE_TYPES, required: true },
    lectures: { type: Number, required: true, min: 0 },
    people: { type: Number, required: true, min: 0 },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
outreachTargetSchema.index({ year: 1 });

export type OutreachTargetDoc = InferSchemaType<typeof outreachTargetSchema> & { _id: string; updatedBy: Types.ObjectId };
export const OutreachTargetModel = model('OutreachTarget', outreachTargetSchema, 'outreach_targets');

export const outreachTargetId = (year: number, countyCode: string | null, venueType: string) =>
  `${year}:${countyCode ?? CITY_SCOPE}:${venueType}`;
