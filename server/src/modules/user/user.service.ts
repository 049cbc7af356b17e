import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { Logger } from '../../logger';
import { AuditAction, recordAudit, type AuditActor } from '../audit/audit.service';
import { badUserInput, conflict, forbidden, notFound } from '../../errors';
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
  return (await applyRole(userId, { role, countyCode }, null)).user;
}

/** A fresh session epoch: random, so two racing changes still both end every earlier token. */
const newSessionEpoch = () => randomBytes(12).toString('base64url');

type Placement = { role: Role; countyCode: string | null };

const placementOf = (doc: Pick<UserDoc, 'role' | 'countyCode'>): Placement => ({ role: doc.role as Role, countyCode: doc.countyCode ?? null });

interface RoleChange {
  user: User;
  /** The change the account holds now, when the call asked for what it holds (see applyRole). */
  change: RoleChangeDoc | null;
}

/** What `lastRoleChange` holds on the account (user.model.ts). */
type RoleChangeDoc = NonNullable<UserDoc['lastRoleChange']>;

/** Racing role changes each re-read and try again; more than this many in a row is a fault. */
const ROLE_CHANGE_ATTEMPTS = 5;

/**
 * A change of role or county ends every session of the account (a new session epoch), so a
 * demoted organizer's token stops working at their next request; setting what the account
 * already holds (a retried call) ends nothing.
 *
 * The new role, the new epoch and what the change was (`lastRoleChange`, with who made it) are one
 * write, so the audit event can be written, or written again, from the account itself: a retry
 * after a failed audit write finds the change done and records it then (see setUserRole). The
 * write applies only if the account still holds what was read (no atomic read-modify-write on
 * this engine): of two racing changes, the second re-reads, so each records its true "from".
 */
async function applyRole(userId: string, target: Placement, actor: AuditActor | null): Promise<RoleChange> {
  for (let attempt = 0; attempt < ROLE_CHANGE_ATTEMPTS; attempt++) {
    const before = await UserModel.findById(userId).lean<UserDoc>();
    if (!before) throw notFound('User', userId);
    const from = placementOf(before);
    if (from.role === target.role && from.countyCode === target.countyCode) {
      const last = before.lastRoleChange;
      const current = last && last.toRole === target.role && (last.toCountyCode ?? null) === target.countyCode ? last : null;
      return { user: await withLecturerProfile(before, target), change: current };
    }
    const epoch = newSessionEpoch();
    // Development sign-in changes roles with no actor: no event, and no older change to replay.
    const lastRoleChange = actor
      ? {
          epoch,
          at: new Date(),
          fromRole: from.role,
          fromCountyCode: from.countyCode,
          toRole: target.role,
          toCountyCode: target.countyCode,
          actorId: new Types.ObjectId(actor.viewer.userId),
          actorRole: actor.viewer.role,
          ip: actor.ip,
        }
      : null;
    const doc = await UserModel.findOneAndUpdate(
      // `countyCode: null` matches an account with no county too.
      { _id: before._id, role: from.role, countyCode: from.countyCode },
      { $set: { role: target.role, countyCode: target.countyCode, sessionEpoch: epoch, lastRoleChange } },
      { returnDocument: 'after' },
    ).lean<UserDoc>();
    if (doc) return { user: await withLecturerProfile(doc, target), change: doc.lastRoleChange ?? null };
    // Changed meanwhile (or gone): read it again.
  }
  throw conflict('This account\'s role is being changed by someone else right now; please try again');
}

const withLecturerProfile = (doc: UserDoc, target: Placement): Promise<User> =>
  target.role === Role.LECTURER ? ensureLecturerProfile(doc, target.countyCode) : Promise.resolve(toUser(doc));

/**
 * An admin gives a user a role; the change is in the audit log (and ends the user's sessions).
 * The event is written from what the account holds, under the change's own epoch: the call that
 * made the change writes it, and if that write failed (the admin got a retryable error), the
 * retry, which finds nothing left to change, writes it then. One event per change either way.
 */
export async function setUserRole(actor: AuditActor, userId: string, role: Role, countyCode: string | null, logger?: Logger): Promise<User> {
  const { user, change } = await applyRole(userId, { role, countyCode }, actor);
  if (change) {
    const county = (code: string | null | undefined) => (code ? ` (${code})` : '');
    await recordAudit({
      id: `role:${user.id}:${change.epoch}`,
      action: AuditAction.ROLE_CHANGED,
      // Who made the change, from where and when, even when the event is written by a retry.
      actor: { viewer: { userId: change.actorId.toHexString(), role: change.actorRole as Role, countyCode: null, lecturerId: null }, ip: change.ip ?? null },
      subjectType: 'user',
      subjectId: user.id,
      countyCode: change.toCountyCode ?? change.fromCountyCode ?? null,
      detail: `${change.fromRole}${county(change.fromCountyCode)} → ${change.toRole}${county(change.toCountyCode)}`,
      at: change.at,
    }, logger);
  }
  return user;
}

/** Ends every session of the caller's account: all its tokens are refused from the next request. */
export async function signOutEverywhere(actor: AuditActor, logger?: Logger): Promise<void> {
  const userId = actor.viewer.userId;
  const epoch = newSessionEpoch();
  const doc = await UserModel.findByIdAndUpdate(userId, { $set: { sessionEpoch: epoch } }, { returnDocument: 'after' }).lean<UserDoc>();
  if (!doc) throw notFound('User', userId);
  await recordAudit({
    id: `sessions:${userId}:${epoch}`,
    action: AuditAction.SESSIONS_ENDED,
    actor,
    subjectType: 'user',
    subjectId: userId,
    countyCode: doc.countyCode ?? null,
    detail: 'Signed out everywhere: every session token of the account ended',
  }, logger);
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

/**
 * Development sign-in "as lecturer X": asked before anything is written, so a bad lecturerId (or
 * one given with another role, which would be ignored) leaves no new account behind.
 */
export async function checkLecturerToActAs(lecturerId: string, role: Role | null | undefined): Promise<void> {
  if (role !== Role.LECTURER) throw badUserInput('lecturerId', 'lecturerId is only for role LECTURER');
  if (!(await LecturerModel.exists({ _id: new Types.ObjectId(lecturerId) }))) throw notFound('Lecturer', lecturerId);
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

/**
 * A household's own profile. Staff (lecturers, organizers, admins) cannot move their own county
 * here: for an organizer it is the county they manage (none: the whole city), for a lecturer the
 * one whose organizers review them. Only setUserRole changes it, which ends their sessions and
 * is in the audit log. Parents pick their home county freely.
 */
export async function updateProfile(userId: string, input: UpdateProfileInput): Promise<User> {
  if (input.countyCode !== undefined) {
    const account = await UserModel.findById(userId, { role: 1, countyCode: 1 }).lean<UserDoc>();
    if (!account) throw notFound('User', userId);
    // Setting the county it already has changes nothing (a form sent back as it was).
    if (account.role !== Role.PARENT && (input.countyCode ?? null) !== (account.countyCode ?? null)) {
      throw forbidden('Only an admin can change the county of a lecturer, organizer or admin (setUserRole)', 'input.countyCode');
    }
  }
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
