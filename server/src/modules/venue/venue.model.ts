import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { VENUE_TYPES } from './venue-type';

const venueSchema = new Schema(
  {
    name: { type: String, required: true },
    type: { type: String, enum: VENUE_TYPES, required: true },
    countyCode: { type: String, required: true },
    address: { type: String, required: true },
    /** One of the 20 family-education innovation practice bases (家庭教育创新实践基地). */
    isPracticeBase: { type: Boolean, required: true, default: false },
  },
  { versionKey: false, timestamps: true },
);
venueSchema.index({ countyCode: 1, type: 1 });

export type VenueDoc = InferSchemaType<typeof venueSchema> & { _id: Types.ObjectId };
export const VenueModel = model('Venue', venueSchema, 'venues');
