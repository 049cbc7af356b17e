import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { VENUE_TYPES } from './venue-type';
import { forgetsCachedReferencesOnWrite } from '../shared/reference-cache';

const venueSchema = new Schema(
  {
    name: { type: String, required: true },
    type: { type: String, enum: VENUE_TYPES, required: true },
    countyCode: { type: String, required: true },
    /** 乡镇/街道. */
    township: { type: String },
    address: { type: String, required: true },
    /** WGS-84 degrees, both or neither (a map pin on the organizer's page). */
    location: {
      type: new Schema({ latitude: { type: Number, required: true }, longitude: { type: Number, required: true } }, { _id: false }),
      default: undefined,
    },
    /** The venue's own person to call; organizers in scope see it, nobody else. */
    contactName: { type: String },
    contactPhone: { type: String },
    /** One of the 20 family-education innovation practice bases (家庭教育创新实践基地). */
    isPracticeBase: { type: Boolean, required: true, default: false },
    /** The year it was named a base; set exactly when isPracticeBase. */
    practiceBaseYear: { type: Number },
    /**
     * Retired venues take no new proposals, but stay (lectures held there point at them and copy
     * their type and county for the report). Documents from before retiring existed lack the field.
     */
    retired: { type: Boolean, default: false },
    retiredAt: { type: Date },
    retiredBy: { type: Schema.Types.ObjectId },
    /** Who created and who last changed it (updatedAt is the timestamp's), for the organizers' audit. */
    createdBy: { type: Schema.Types.ObjectId },
    updatedBy: { type: Schema.Types.ObjectId },
  },
  { versionKey: false, timestamps: true },
);
venueSchema.index({ countyCode: 1, type: 1 });

export type VenueDoc = InferSchemaType<typeof venueSchema> & { _id: Types.ObjectId };
// Read through a per-process cache (shared/reference-cache.ts); its writes empty it.
forgetsCachedReferencesOnWrite(venueSchema);
export const VenueModel = model('Venue', venueSchema, 'venues');
