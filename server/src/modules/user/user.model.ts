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
    /**
     * Every session token carries the value this had when it was issued; a new random value ends
     * all of them at once (role change, sign out everywhere). A replaced value, not a counter:
     * the engine cannot increment atomically, and two racing changes must both end old sessions.
     */
    sessionEpoch: { type: String },
    /**
     * The latest role change made through setUserRole, written with the new role and epoch in one
     * update, so its audit event (`role:<id>:<epoch>`) can be written again by a retry when the
     * first write of the log failed. Null after a development sign-in changed the role.
     */
    lastRoleChange: {
      type: new Schema(
        {
          epoch: { type: String, required: true },
          at: { type: Date, required: true },
          fromRole: { type: String, required: true },
          fromCountyCode: { type: String },
          toRole: { type: String, required: true },
          toCountyCode: { type: String },
          actorId: { type: Schema.Types.ObjectId, required: true },
          actorRole: { type: String, required: true },
          ip: { type: String },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { versionKey: false, timestamps: true },
);
// One account per WeChat user, even when two first sign-ins race.
userSchema.index({ openId: 1 }, { unique: true });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema, 'users');
