import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { forgetsCachedReferencesOnWrite } from '../shared/reference-cache';

const lecturerSchema = new Schema(
  {
    name: { type: String, required: true },
    /** Professional title shown under the name, e.g. 国家二级心理咨询师. */
    title: { type: String },
    bio: { type: String },
    countyCode: { type: String },
    /** The account that acts as this lecturer, if any (seeded lecturers may have none). */
    userId: { type: Schema.Types.ObjectId },
  },
  { versionKey: false, timestamps: true },
);

export type LecturerDoc = InferSchemaType<typeof lecturerSchema> & { _id: Types.ObjectId };
// Read through a per-process cache (shared/reference-cache.ts); its writes empty it.
forgetsCachedReferencesOnWrite(lecturerSchema);
export const LecturerModel = model('Lecturer', lecturerSchema, 'lecturers');
