import { Types } from 'mongoose';
import { notFound } from '../../errors';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { LecturerModel, type LecturerDoc } from '../lecturer/lecturer.model';
import type { UpdateProfileInput } from './user.input';
import { Role } from './user-enums';
import { UserModel, type UserDoc } from './user.model';
import { toUser, type User } from './user.type';

/**
 * The user for a WeChat openid, created on first sign-in as a parent. Two first sign-ins may race;
 * the unique index on openId lets one insert win and the other read what it wrote.
 */
export async function findOrCreateUser(openId: string, defaults: { role?: Role; countyCode?: string } = {}): Promise<User> {
  const existing = await UserModel.findOne({ openId }).lean<UserDoc>();
  if (existing) return toUser(existing);
  try {
    const created = await UserModel.create({ openId, role: defaults.role ?? Role.PARENT, countyCode: defaults.countyCode });
    return toUser(created.toObject() as UserDoc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await UserModel.findOne({ openId }).lean<UserDoc>();
    if (!winner) throw error;
    return toUser(winner);
  }
}

/**
 * Gives a user a role (admins; development sign-in too, so one person can try every part of the
 * app). A lecturer gets a lecturer profile, and a county given here becomes the profile's county
 * as well: it decides which organizers review the lecturer's courses.
 */
export async function setRole(userId: string, role: Role, countyCode: string | null): Promise<User> {
  const doc = await UserModel.findByIdAndUpdate(userId, { $set: { role, countyCode } }, { returnDocument: 'after' }).lean<UserDoc>();
  if (!doc) throw notFound('User', userId);
  if (role === Role.LECTURER) return ensureLecturerProfile(doc, countyCode);
  return toUser(doc);
}

/**
 * A lecturer account acts as a lecturer profile. A new one gets the account's own id as its id,
 * so two racing role changes create one profile, not two. An existing profile takes the county
 * when one is given (none given leaves it as it is).
 */
async function ensureLecturerProfile(user: UserDoc, countyCode: string | null): Promise<User> {
  if (user.lecturerId) {
    if (countyCode) await LecturerModel.updateOne({ _id: user.lecturerId }, { $set: { countyCode } });
    return toUser(user);
  }
  try {
    await LecturerModel.create({ _id: user._id, name: user.displayName ?? '讲师', countyCode: countyCode ?? undefined, userId: user._id });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Created meanwhile (or earlier, before this account lost its link): it still takes the county.
    if (countyCode) await LecturerModel.updateOne({ _id: user._id }, { $set: { countyCode } });
  }
  return linkLecturer(user._id.toHexString(), user._id.toHexString());
}

/** Makes the account act as this lecturer profile (development sign-in may pick a seeded one). */
export async function linkLecturer(userId: string, lecturerId: string): Promise<User> {
  const lecturer = await LecturerModel.findByIdAndUpdate(lecturerId, { $set: { userId: new Types.ObjectId(userId) } }).lean<LecturerDoc>();
  if (!lecturer) throw notFound('Lecturer', lecturerId);
  const doc = await UserModel.findByIdAndUpdate(userId, { $set: { lecturerId: lecturer._id } }, { returnDocument: 'after' }).lean<UserDoc>();
  if (!doc) throw notFound('User', userId);
  return toUser(doc);
}

export async function getUser(userId: string): Promise<User> {
  const doc = await UserModel.findById(new Types.ObjectId(userId)).lean<UserDoc>();
  if (!doc) throw notFound('User', userId);
  return toUser(doc);
}

export async function updateProfile(userId: string, input: UpdateProfileInput): Promise<User> {
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const field of ['displayName', 'countyCode', 'guardianKind', 'childrenAgeGroups', 'phone'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null) {
      if (field === 'childrenAgeGroups') set[field] = [];
      else unset[field] = 1;
    } else {
      set[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  const update: Record<string, unknown> = {};
  if (Object.keys(set).length) update.$set = set;
  if (Object.keys(unset).length) update.$unset = unset;
  if (Object.keys(update).length === 0) return getUser(userId);
  const doc = await UserModel.findByIdAndUpdate(userId, update, { returnDocument: 'after', runValidators: true }).lean<UserDoc>();
  if (!doc) throw notFound('User', userId);
  return toUser(doc);
}
