import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { canManageLecture, requireLecturerId, requireOrganizerFor } from '../../auth/policy';
import { badUserInput, badUserInputs, conflict, forbidden, notFound, type FieldProblem } from '../../errors';
import { isObjectId, parseObjectId } from '../shared/object-id';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { VenueModel, type VenueDoc } from '../venue/venue.model';
import { RETIRED_VENUE_MESSAGE, settleProposalAtVenue } from '../venue/venue.service';
import { CourseModel } from '../course/course.model';
import { UserModel } from '../user/user.model';
import { Role } from '../user/user-enums';
import { LecturerModel, type LecturerDoc } from '../lecturer/lecturer.model';
import { BookingStatus, ACTIVE_STATUSES } from '../booking/booking-status';
import { BookingModel, SeatClaimModel, type BookingDoc } from '../booking/booking.model';
import { applyCancellation, promoteWaiting, seated } from '../booking/booking.service';
import { OutboxKind } from '../notification/outbox.model';
import { queueNotice } from '../notification/outbox.service';
import { beijingTime, thing } from '../notification/delivery.worker';
import { decideOnce, ReviewSubject, ReviewVerdict, type DecisionTarget, type DecisionToApply } from '../review/review.service';
import type { AuditOrigin } from '../audit/audit.service';
import { LectureMessageModel } from './lecture-message.model';
import { DEFAULT_MAX_PARTY_SIZE, LectureModel, type LectureDoc } from './lecture.model';
import { LectureStatus } from './lecture-status';
import { LectureTime, type LectureProposalInput, type LectureUpdateInput } from './lecture.input';
import { toLecture, type Lecture } from './lecture.type';

const HOUR = 3600 * 1000;
/** A lecture is an afternoon or a day, never longer: a longer span is a typing mistake. */
export const MAX_LECTURE_SPAN_MS = 12 * HOUR;
/** Enough for any lecturer's season; the list has no pages. */
const MY_LECTURES_LIMIT = 200;
/** Enough hands for the biggest hall's door; the lecture document holds them all. */
export const MAX_CHECK_IN_STAFF = 20;

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, messages: [message] });
  }
  has(field: string): boolean {
    return this.list.some((p) => p.field === field);
  }
  id(value: string, field: string): Types.ObjectId | null {
    if (isObjectId(value)) return new Types.ObjectId(value);
    this.add(field, `${field} is not a valid id`);
    return null;
  }
  throwIfAny(): void {
    if (this.list.length) throw badUserInputs(this.list);
  }
}

async function loadLecture(id: string, field: string): Promise<LectureDoc> {
  const lecture = await LectureModel.findById(parseObjectId(id, field)).lean<LectureDoc>();
  if (!lecture) throw notFound('Lecture', id);
  return lecture;
}

async function reload(id: Types.ObjectId): Promise<Lecture> {
  return toLecture((await LectureModel.findById(id).lean<LectureDoc>())!);
}

function requireOwnLecture(viewer: Viewer, lecture: LectureDoc): void {
  const lecturerId = requireLecturerId(viewer);
  if (lecture.lecturerId.toHexString() !== lecturerId) throw forbidden('This lecture belongs to another lecturer');
}

const hasEnded = (lecture: LectureDoc, now: Date) => lecture.endsAt.getTime() <= now.getTime();
const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** The rules of a lecture's time that need the clock; fields are named after the input's. */
function checkTimes(problems: Problems, startsAt: Date, endsAt: Date, now: Date, startsAtGiven: boolean): void {
  if (startsAtGiven && startsAt.getTime() <= now.getTime()) problems.add('input.startsAt', 'input.startsAt must be in the future');
  if (endsAt.getTime() <= startsAt.getTime()) problems.add('input.endsAt', 'input.endsAt must be after input.startsAt');
  else if (endsAt.getTime() - startsAt.getTime() > MAX_LECTURE_SPAN_MS) {
    problems.add('input.endsAt', 'input.endsAt must be at most 12 hours after input.startsAt');
  }
}

/** A retired venue takes no new lectures; a lecture already there may keep it (`currentVenueId`). */
async function findVenue(problems: Problems, venueId: string, currentVenueId?: Types.ObjectId): Promise<VenueDoc | null> {
  const id = problems.id(venueId, 'input.venueId');
  if (!id) return null;
  const venue = await VenueModel.findById(id).lean<VenueDoc>();
  if (!venue) problems.add('input.venueId', 'input.venueId names no venue');
  else if (venue.retired === true && !currentVenueId?.equals(venue._id)) problems.add('input.venueId', RETIRED_VENUE_MESSAGE);
  return venue;
}

/** A lecture may teach only one of its own lecturer's courses (an archived one no longer counts). */
async function checkOwnCourse(problems: Problems, courseId: string, lecturerId: Types.ObjectId): Promise<Types.ObjectId | null> {
  const id = problems.id(courseId, 'input.courseId');
  if (!id) return null;
  const own = await CourseModel.exists({ _id: id, lecturerId, archivedAt: null });
  if (!own) problems.add('input.courseId', 'input.courseId must be one of your own courses');
  return id;
}

/** A lecturer proposes a lecture; nobody can see or book it until an organizer of its county approves. */
export async function proposeLecture(viewer: Viewer, input: LectureProposalInput, now = new Date()): Promise<Lecture> {
  const lecturerId = new Types.ObjectId(requireLecturerId(viewer));
  const problems = new Problems();
  checkTimes(problems, input.startsAt, input.endsAt, now, true);
  const maxPartySize = input.maxPartySize ?? Math.min(DEFAULT_MAX_PARTY_SIZE, input.capacity);
  if (maxPartySize > input.capacity) problems.add('input.maxPartySize', 'input.maxPartySize may not exceed input.capacity');
  const venue = await findVenue(problems, input.venueId);
  const courseId = input.courseId ? await checkOwnCourse(problems, input.courseId, lecturerId) : null;
  problems.throwIfAny();

  const created = await LectureModel.create({
    title: input.title.trim(),
    summary: input.summary.trim(),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    venueId: venue!._id,
    venueType: venue!.type,
    countyCode: venue!.countyCode,
    lecturerId,
    courseId: courseId ?? undefined,
    capacity: input.capacity,
    maxPartySize,
    audienceAgeGroups: input.audienceAgeGroups ?? [],
    campaignTag: blankToNull(input.campaignTag) ?? undefined,
    tags: [],
    status: LectureStatus.PROPOSED,
    proposalRevision: 1,
    proposedAt: now,
    staffUserIds: [],
  });
  // The venue may have been retired, deleted or moved since it was read above (see deleteVenue).
  return toLecture(await settleProposalAtVenue(created.toObject() as LectureDoc));
}

/** What a published lecture may still change: nothing households planned their day around. */
const FIXED_ONCE_PUBLISHED = ['courseId', 'venueId', 'startsAt', 'endsAt'] as const;
/** What the organizers approved: a published lecture keeps it, so review cannot be bypassed by an edit. */
const REVIEWED_ONCE_PUBLISHED = ['title', 'summary'] as const;

function sameValue(current: unknown, given: unknown): boolean {
  if (current instanceof Date && given instanceof Date) return current.getTime() === given.getTime();
  if (current instanceof Types.ObjectId) return current.toHexString() === String(given);
  if (Array.isArray(current) && Array.isArray(given)) return current.length === given.length && current.every((v, i) => sameValue(v, given[i]));
  return (current ?? null) === (given ?? null);
}

/** Whether an update would change anything a reviewer saw (a form sent back unchanged does not). */
function changesLecture(lecture: LectureDoc, set: Record<string, unknown>, unset: Record<string, 1>): boolean {
  const current = lecture as unknown as Record<string, unknown>;
  return Object.entries(set).some(([field, value]) => !sameValue(current[field], value)) || Object.keys(unset).some((field) => current[field] != null);
}

/**
 * The lecturer changes their own lecture. Under review or turned down, anything may change: each
 * change of a lecture under review is a new proposal revision (so an organizer's decision on what
 * they saw cannot land on something else), and a rejected one goes back to review as a new
 * revision. Once published, only what households did not plan around and what review did not
 * approve: not the time, place or course, nor the title and summary. A client that sends the
 * whole form with unchanged fixed fields is not refused.
 */
export async function updateLecture(viewer: Viewer, id: string, input: LectureUpdateInput, now = new Date()): Promise<Lecture> {
  const lecture = await loadLecture(id, 'id');
  requireOwnLecture(viewer, lecture);
  const status = (lecture.status as LectureStatus | undefined) ?? LectureStatus.PUBLISHED;
  if (status === LectureStatus.CANCELLED) throw conflict('This lecture has been cancelled');
  if (hasEnded(lecture, now)) throw conflict('This lecture is over');
  const published = status === LectureStatus.PUBLISHED;

  const problems = new Problems();
  if (published) {
    for (const field of FIXED_ONCE_PUBLISHED) {
      const given = input[field];
      if (given !== undefined && !sameValue(lecture[field], given)) {
        problems.add(`input.${field}`, `input.${field} cannot change once the lecture is published; cancel it and propose a new one`);
      }
    }
    for (const field of REVIEWED_ONCE_PUBLISHED) {
      const given = input[field];
      if (given != null && given.trim() !== lecture[field]) problems.add(`input.${field}`, 'a published lecture keeps the title and summary that were reviewed');
    }
  }

  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  if (input.title != null) set.title = input.title.trim();
  if (input.summary != null) set.summary = input.summary.trim();
  if (input.audienceAgeGroups !== undefined) set.audienceAgeGroups = input.audienceAgeGroups ?? [];
  if (input.campaignTag !== undefined) {
    const tag = blankToNull(input.campaignTag);
    if (tag) set.campaignTag = tag;
    else unset.campaignTag = 1;
  }
  if (input.capacity != null) set.capacity = input.capacity;
  if (input.maxPartySize != null) set.maxPartySize = input.maxPartySize;

  const capacity = input.capacity ?? lecture.capacity;
  const maxPartySize = input.maxPartySize ?? lecture.maxPartySize ?? DEFAULT_MAX_PARTY_SIZE;
  if (maxPartySize > capacity) {
    problems.add(input.maxPartySize != null ? 'input.maxPartySize' : 'input.capacity', 'input.maxPartySize may not exceed input.capacity');
  }
  if (input.capacity != null && input.capacity < lecture.capacity) {
    const taken = await SeatClaimModel.countDocuments({ lectureId: lecture._id });
    if (input.capacity < taken) problems.add('input.capacity', `input.capacity may not be below the ${taken} seats already booked`);
  }

  if (!published) {
    if (input.startsAt != null) set.startsAt = input.startsAt;
    if (input.endsAt != null) set.endsAt = input.endsAt;
    if (input.startsAt != null || input.endsAt != null) {
      checkTimes(problems, input.startsAt ?? lecture.startsAt, input.endsAt ?? lecture.endsAt, now, input.startsAt != null);
    }
    if (input.venueId != null) {
      const venue = await findVenue(problems, input.venueId, lecture.venueId);
      if (venue) Object.assign(set, { venueId: venue._id, venueType: venue.type, countyCode: venue.countyCode });
    }
    if (input.courseId === null) unset.courseId = 1;
    else if (input.courseId !== undefined) set.courseId = await checkOwnCourse(problems, input.courseId, lecture.lecturerId);
  }
  problems.throwIfAny();

  const revision = lecture.proposalRevision ?? 1;
  if (status === LectureStatus.REJECTED) {
    // Changed after a rejection: a new revision, reviewed afresh (and decided once, by its own key),
    // and back in the queue as a new proposal.
    Object.assign(set, { status: LectureStatus.PROPOSED, proposalRevision: revision + 1, proposedAt: now });
    unset.rejectionReason = 1;
  } else if (status === LectureStatus.PROPOSED && changesLecture(lecture, set, unset)) {
    // Changed under review: a new revision, so a decision on the one an organizer opened is
    // refused rather than applied to this. It keeps its place in the queue (proposedAt stays the
    // first proposal time of this round), so editing is not punished with a longer wait.
    set.proposalRevision = revision + 1;
  }
  const update: Record<string, unknown> = {};
  if (Object.keys(set).length) update.$set = set;
  if (Object.keys(unset).length) update.$unset = unset;
  if (Object.keys(update).length) {
    // Only the lecture as it was read: if it was decided (or edited) meanwhile, this edit would
    // land on something else, e.g. change a lecture just approved. The engine has no
    // compare-and-swap, so this narrows the window rather than closing it.
    const asRead: Record<string, unknown> = { _id: lecture._id };
    if (lecture.status) asRead.status = lecture.status;
    if (lecture.proposalRevision != null) asRead.proposalRevision = lecture.proposalRevision;
    const result = await LectureModel.updateOne(asRead, update);
    if (result.matchedCount === 0) throw conflict('This lecture was reviewed or changed meanwhile; open it again');
  }

  const updated = (await LectureModel.findById(lecture._id).lean<LectureDoc>())!;
  // More seats: the waiting list, in order, takes them now rather than at the next cancellation.
  if (published && updated.capacity > lecture.capacity) await promoteWaiting(seated(updated));
  return toLecture(updated);
}

/** The lecturer's account, which review results are sent to (a seeded lecturer may have none). */
async function lecturerAccount(lecturerId: Types.ObjectId): Promise<Types.ObjectId | null> {
  const lecturer = await LecturerModel.findById(lecturerId, { userId: 1 }).lean<LecturerDoc>();
  return lecturer?.userId ?? null;
}

/**
 * How a decision on a proposal revision is carried out: approving publishes the lecture, rejecting
 * turns it down with the reason; either only while the lecture still waits on that revision in
 * the county whose organizer decided (an edit raises the revision, a move changes the county).
 */
function lectureTarget(lecture: LectureDoc): DecisionTarget {
  const revision = lecture.proposalRevision ?? 1;
  const id = lecture._id.toHexString();
  return {
    subject: { subjectType: ReviewSubject.LECTURE, subjectId: lecture._id, revision, countyCode: lecture.countyCode },
    async apply(decision: DecisionToApply): Promise<boolean> {
      const approved = decision.verdict === ReviewVerdict.APPROVED;
      const decided = approved ? LectureStatus.PUBLISHED : LectureStatus.REJECTED;
      const result = await LectureModel.updateOne(
        { _id: lecture._id, status: LectureStatus.PROPOSED, proposalRevision: decision.revision, countyCode: lecture.countyCode },
        approved ? { $set: { status: decided }, $unset: { rejectionReason: 1 } } : { $set: { status: decided, rejectionReason: decision.reason ?? '' } },
      );
      if (result.matchedCount > 0) return true;
      // Not waiting any more: carried out meanwhile by a concurrent request, or edited.
      const current = await LectureModel.findById(lecture._id, { status: 1, proposalRevision: 1 }).lean<LectureDoc>();
      return (current?.proposalRevision ?? 1) === decision.revision && current?.status === decided;
    },
    async announce(decision: DecisionToApply): Promise<void> {
      const userId = await lecturerAccount(lecture.lecturerId);
      if (!userId) return;
      const approved = decision.verdict === ReviewVerdict.APPROVED;
      await queueNotice({
        key: `LECTURE:${id}:${decision.revision}`,
        kind: OutboxKind.REVIEW_RESULT,
        userId,
        page: `packages/lecturer/lecture?id=${id}`,
        data: {
          thing1: thing(lecture.title),
          time2: beijingTime(lecture.startsAt),
          thing3: approved ? '讲座已通过审核，开放预约' : '讲座未通过审核',
          thing4: thing(decision.reason || (approved ? '请按时开讲' : '请修改后重新提交')),
        },
      });
    },
  };
}

/**
 * An organizer of the lecture's county (or the city) decides its proposal, decided once per
 * proposal revision (see decideOnce). The county is the lecture's as it is now, and when the
 * organizer says which revision they looked at, a lecture edited since is CONFLICT.
 */
async function decide(
  viewer: Viewer,
  id: string,
  verdict: ReviewVerdict,
  reason: string | null,
  seenRevision: number | null | undefined,
  origin: AuditOrigin,
  now = new Date(),
): Promise<Lecture> {
  const lecture = await loadLecture(id, 'id');
  requireOrganizerFor(viewer, lecture.countyCode);
  if (lecture.status !== LectureStatus.PROPOSED) throw conflict('Only a lecture waiting for review can be approved or rejected');
  const revision = lecture.proposalRevision ?? 1;
  if (seenRevision != null && seenRevision !== revision) {
    throw conflict(`This lecture has changed since you opened it (now revision ${revision}); open it again to see the changes`, { revision });
  }
  if (verdict === ReviewVerdict.APPROVED && lecture.startsAt.getTime() <= now.getTime()) {
    throw conflict('This lecture was due to start already; the lecturer must choose a new time first');
  }
  await decideOnce(viewer, lectureTarget(lecture), verdict, reason, now, origin);
  return reload(lecture._id);
}

export const approveLecture = (viewer: Viewer, id: string, note: string | null | undefined, revision?: number | null, origin: AuditOrigin = { ip: null }) =>
  decide(viewer, id, ReviewVerdict.APPROVED, blankToNull(note), revision, origin);

export const rejectLecture = (viewer: Viewer, id: string, reason: string, revision?: number | null, origin: AuditOrigin = { ip: null }) =>
  decide(viewer, id, ReviewVerdict.REJECTED, reason.trim(), revision, origin);

/**
 * Cancels the bookings of a cancelled lecture and tells each household, once. Each household is
 * told before its booking is cancelled, so a crash in between leaves a booking still active,
 * which the reconciler finds and finishes; the notice's key stops it from being queued twice.
 * Returns the number of bookings cancelled.
 */
export async function cancelBookingsOfCancelledLecture(lecture: LectureDoc): Promise<number> {
  const active = await BookingModel.find({ lectureId: lecture._id, status: { $in: ACTIVE_STATUSES }, cancelledAt: null }).lean<BookingDoc[]>();
  const lectureId = lecture._id.toHexString();
  for (const booking of active) {
    await queueNotice({
      key: `${lectureId}:${booking._id.toHexString()}`,
      kind: OutboxKind.LECTURE_CANCELLED,
      userId: booking.userId,
      page: `pages/lecture/index?id=${lectureId}`,
      data: {
        thing1: thing(lecture.title),
        time2: beijingTime(lecture.startsAt),
        thing3: '讲座已取消，预约自动取消',
        thing4: thing(lecture.cancellationReason ?? '主讲老师取消了讲座'),
      },
    });
    await applyCancellation(booking); // marks the lecture for the outreach report
  }
  return active.length;
}

/**
 * Its lecturer or an organizer in scope cancels a lecture before it starts. The lecture is marked
 * cancelled first (no new booking can be made from then on), then every booking is cancelled and
 * its household told. A booking that slips in meanwhile, or a crash part-way, is finished by the
 * reconciler.
 */
export async function cancelLecture(viewer: Viewer, id: string, reason: string, now = new Date()): Promise<Lecture> {
  const lecture = await loadLecture(id, 'id');
  if (!canManageLecture(viewer, { lecturerId: lecture.lecturerId.toHexString(), countyCode: lecture.countyCode })) {
    throw forbidden('Only its lecturer or an organizer of its county may cancel this lecture');
  }
  if (lecture.status === LectureStatus.CANCELLED) {
    // A retry after a lost answer: finish what the first try may have left, then say so.
    await cancelBookingsOfCancelledLecture(lecture);
    throw conflict('This lecture is already cancelled');
  }
  if (lecture.startsAt.getTime() <= now.getTime()) throw conflict('This lecture has already started');
  await LectureModel.updateOne(
    { _id: lecture._id },
    { $set: { status: LectureStatus.CANCELLED, cancellationReason: reason.trim(), cancelledAt: now } },
  );
  const cancelled = (await LectureModel.findById(lecture._id).lean<LectureDoc>())!;
  await cancelBookingsOfCancelledLecture(cancelled);
  return toLecture(cancelled);
}

/**
 * The lecturer's message to every household holding seats or waiting, through the outbox. Each
 * notice is keyed by the lecture, the client's idempotency key and the booking, so a retried send
 * queues nothing twice.
 */
export async function messageHouseholds(viewer: Viewer, lectureId: string, text: string, idempotencyKey: string): Promise<number> {
  const lecture = await loadLecture(lectureId, 'lectureId');
  requireOwnLecture(viewer, lecture);
  const bookings = await BookingModel.find(
    { lectureId: lecture._id, status: { $in: [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED] }, cancelledAt: null },
    { userId: 1 },
  ).lean<Array<Pick<BookingDoc, '_id' | 'userId'>>>();
  const id = lecture._id.toHexString();
  const now = new Date();
  // Kept in full first (the notice holds 20 characters and opens the lecture page, which shows it).
  try {
    await LectureMessageModel.create({ _id: `${id}:${idempotencyKey}`, lectureId: lecture._id, text: text.trim(), sentAt: now, sentBy: new Types.ObjectId(viewer.userId) });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  for (const booking of bookings) {
    await queueNotice(
      {
        key: `${id}:${idempotencyKey}:${booking._id.toHexString()}`,
        kind: OutboxKind.LECTURER_MESSAGE,
        userId: booking.userId,
        page: `pages/lecture/index?id=${id}`,
        data: { thing1: thing(lecture.title), time2: beijingTime(lecture.startsAt), thing3: '主讲老师留言', thing4: thing(text.trim()) },
      },
      now,
    );
  }
  return bookings.length;
}

/**
 * The lecturer asks someone (a volunteer, the venue's staff) to check households in at the door;
 * at most 20 per lecture, so the list stays one a lecturer can read and the document small.
 */
export async function assignCheckInStaff(viewer: Viewer, lectureId: string, userId: string): Promise<Lecture> {
  const lecture = await loadLecture(lectureId, 'lectureId');
  requireOwnLecture(viewer, lecture);
  const staffId = parseObjectId(userId, 'userId');
  const staff = lecture.staffUserIds ?? [];
  if (staff.some((id) => id.equals(staffId))) return toLecture(lecture);
  const full = () => badUserInput('userId', `A lecture may have at most ${MAX_CHECK_IN_STAFF} check-in staff; remove someone first`);
  if (staff.length >= MAX_CHECK_IN_STAFF) throw full();
  if (!(await UserModel.exists({ _id: staffId }))) throw notFound('User', userId);
  // Only while a place is free (the last place's index is unset), so two assignments racing for
  // the last place do not make 21.
  const result = await LectureModel.updateOne(
    { _id: lecture._id, [`staffUserIds.${MAX_CHECK_IN_STAFF - 1}`]: { $exists: false } },
    { $addToSet: { staffUserIds: staffId } },
  );
  if (result.matchedCount === 0) throw full();
  return reload(lecture._id);
}

/** Takes the door away from someone; removing one who is not staff changes nothing. */
export async function removeCheckInStaff(viewer: Viewer, lectureId: string, userId: string): Promise<Lecture> {
  const lecture = await loadLecture(lectureId, 'lectureId');
  requireOwnLecture(viewer, lecture);
  const staffId = parseObjectId(userId, 'userId');
  // Matched only while they are staff: removing anyone else (an unknown id too) writes nothing,
  // not even updatedAt.
  await LectureModel.updateOne({ _id: lecture._id, staffUserIds: staffId }, { $pull: { staffUserIds: staffId } });
  return reload(lecture._id);
}

/**
 * The lectures whose door the viewer was asked to keep (any account may be staff: a volunteer, a
 * parent, the venue's caretaker) and, for a lecturer, their own in every status: upcoming (not
 * yet ended) soonest first, past latest first.
 */
export async function myLectures(viewer: Viewer, when: LectureTime, now = new Date()): Promise<Lecture[]> {
  const mine: Array<Record<string, Types.ObjectId>> = [{ staffUserIds: new Types.ObjectId(viewer.userId) }];
  if (viewer.role === Role.LECTURER && viewer.lecturerId) mine.push({ lecturerId: new Types.ObjectId(viewer.lecturerId) });
  const upcoming = when === LectureTime.UPCOMING;
  const docs = await LectureModel.find({
    $or: mine,
    endsAt: upcoming ? { $gt: now } : { $lte: now },
  })
    .sort(upcoming ? { startsAt: 1, _id: 1 } : { startsAt: -1, _id: -1 })
    .limit(MY_LECTURES_LIMIT)
    .lean<LectureDoc[]>();
  return docs.map(toLecture);
}

