import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { AgeGroup, GuardianKind, Role } from './user-enums';

const userSchema = new Schema(
  {
    /** WeChat's id of the user within this mini program; the only identity we hold. */
    openId: { type: String, required: true },
    role: { type: String, enum: Object.values(Role), required: true, default: Role.PARENT },
    displayName: { type: String },
    countyCode: { type: String },
    guardianKind: { type: String, enum: Object.values(GuardianKind) },
    childrenAgeGroups: { type: [String], enum: Object.values(AgeGroup), default: [] },
    phone: { type: String },
    /** The lecturer profile a LECTURER account acts as. */
    lecturerId: { type: Schema.Types.ObjectId },
  },
  { versionKey: false, timestamps: true },
);
// One account per WeChat user, even when two first sign-ins race.
userSchema.index({ openId: 1 }, { unique: true });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema, 'users');
