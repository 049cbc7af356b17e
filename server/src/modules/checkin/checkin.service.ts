import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { canCheckInAt } from '../../auth/policy';
import type { Logger } from '../../logger';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel, type BookingDoc } from '../booking/booking.model';
import { TicketError, TicketService } from '../booking/ticket';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { LectureStatus } from '../lecture/lecture-status';
import { toLecture } from '../lecture/lecture.type';
import { isDuplicateKeyError, retryWhileBusy } from '../shared/mongo-errors';
import { isObjectId } from '../shared/object-id';
import { householdName } from '../user/user.type';
import { beijingClockTime as doorTime } from '../shared/beijing-time';
import { runPeriodically } from '../shared/periodic';
import { noteLectureChanged } from '../outreach/outcome.service';
import { UserModel, type UserDoc } from '../user/user.model';
import { AuditAction, recordAudit } from '../audit/audit.service';
import { bookingCheckInId, CheckInMethod, CheckInModel, type CheckInDoc } from './checkin.model';
import { MAX_PARTY_PRESENT, type CheckInInput, type OfflineScanInput, type WalkInInput } from './checkin.input';
import { CheckInOutcome, type CheckInResult, type Roster, type RosterEntry } from './checkin.type';

const HOUR = 3600 * 1000;
/** The door opens three hours before the start (early arrivals, set-up) ... */
export const CHECK_IN_OPENS_BEFORE_MS = 3 * HOUR;
/** ... and stays open a day after the end, for offline queues synced late and typed-in lists. */
export const CHECK_IN_CLOSES_AFTER_MS = 24 * HOUR;
/** People one walk-in record counts. */
const MAX_WALK_IN = 50;
/** A device clock this far ahead of ours is wrong; its scan time is not believed. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface DoorDeps {
  tickets: TicketService;
  logger: Logger;
  /** Runs after a household checks in at a lecture linked to a course (course completion). */
  onAttended?: (userId: string, courseId: string) => Promise<void>;
  /** The door device's address, for the audit log. */
  clientIp?: string | null;
}

/**
 * Puts an arrival in the audit log under the arrival's own id, so a replayed scan or queue adds
 * nothing. Written by whoever recorded the arrival: their own retry (after a lost answer or a
 * failed audit write) fills a missing event with the right actor; another device's repeat scan,
 * which recorded nothing, writes nothing.
 */
async function auditArrival(deps: DoorDeps, viewer: Viewer, lecture: LectureDoc, recorded: CheckInDoc, detail: string): Promise<void> {
  if (!recorded.recordedBy.equals(viewer.userId)) return;
  await recordAudit({
    id: `checkin:${recorded._id}`,
    action: recorded.method === CheckInMethod.WALK_IN ? AuditAction.WALK_IN : AuditAction.CHECK_IN,
    actor: { viewer, ip: deps.clientIp ?? null },
    subjectType: 'lecture',
    subjectId: lecture._id.toHexString(),
    countyCode: lecture.countyCode,
    detail,
    at: recorded.recordedAt,
  }, deps.logger);
}


/**
 * A refusal at the door: one of our error codes and an English message like every other error,
 * plus `doorMessage`, the Chinese line the door screen shows (also in synced results).
 */
function refuse(code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN', message: string, doorMessage: string, field?: string): GraphQLError {
  const fields = field ? [{ field, messages: [message] }] : undefined;
  return new GraphQLError(message, { extensions: { code, doorMessage, ...(fields ? { fields } : {}) } });
}

function parseId(value: string | null | undefined, field: string, what: string): Types.ObjectId {
  if (!isObjectId(value)) throw refuse('BAD_USER_INPUT', `${field} is not a valid id`, `${what}编号不正确`, field);
  return new Types.ObjectId(value);
}

/**
 * What one request at the door reads, read once: lectures, and for a synced queue every booking
 * of a lecture and its households in two queries, so a queue of hundreds of scans costs its
 * writes and a handful of reads. A single online scan reads just the booking it names.
 */
class DoorReads {
  private readonly lectures = new Map<string, Promise<LectureDoc | null>>();
  private readonly rolls = new Map<string, Promise<LectureRoll>>();

  constructor(
    private readonly tickets: TicketService,
    /** Read whole lectures' bookings up front (a synced queue), not one booking at a time. */
    private readonly wholeLectures: boolean,
  ) {}

  lecture(id: Types.ObjectId): Promise<LectureDoc | null> {
    return cached(this.lectures, id.toHexString(), () => LectureModel.findById(id).lean<LectureDoc>().exec());
  }

  /** Every booking of the lecture, by id and by short code, with their households' names. */
  roll(lecture: LectureDoc): Promise<LectureRoll> {
    const key = lecture._id.toHexString();
    return cached(this.rolls, key, async () => {
      const bookings = await BookingModel.find({ lectureId: lecture._id }).lean<BookingDoc[]>();
      const users = await UserModel.find({ _id: { $in: bookings.map((b) => b.userId) } }, { displayName: 1 }).lean<UserDoc[]>();
      return {
        bookings: new Map(bookings.map((b) => [b._id.toHexString(), b])),
        byShortCode: new Map(bookings.map((b) => [this.tickets.shortCode(b._id.toHexString(), key), b._id])),
        users: new Map(users.map((u) => [u._id.toHexString(), u])),
      };
    });
  }

  async booking(lecture: LectureDoc, id: Types.ObjectId): Promise<BookingDoc | null> {
    if (this.wholeLectures) return (await this.roll(lecture)).bookings.get(id.toHexString()) ?? null;
    return BookingModel.findById(id).lean<BookingDoc>();
  }

  async household(lecture: LectureDoc, userId: Types.ObjectId): Promise<UserDoc | null> {
    if (this.wholeLectures) return (await this.roll(lecture)).users.get(userId.toHexString()) ?? null;
    return UserModel.findById(userId, { displayName: 1 }).lean<UserDoc>();
  }
}

interface LectureRoll {
  bookings: Map<string, BookingDoc>;
  byShortCode: Map<string, Types.ObjectId>;
  users: Map<string, UserDoc>;
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/**
 * The lecture, if the viewer may work its door `now`. Judged by our clock only: a device's clock
 * may say when someone came (see `arrivalTime`), never that the door is open.
 */
async function loadDoorLecture(reads: DoorReads, viewer: Viewer, lectureId: string, field: string, now: Date): Promise<LectureDoc> {
  const id = parseId(lectureId, field, '讲座');
  const lecture = await reads.lecture(id);
  if (!lecture) throw refuse('NOT_FOUND', `Lecture ${lectureId} was not found`, '找不到这场讲座');
  if (!canCheckInAt(viewer, toLecture(lecture))) {
    throw refuse('FORBIDDEN', 'Only the lecturer, assigned staff and organizers may check households in', '您不是这场讲座的讲师或签到人员');
  }
  if (lecture.status === LectureStatus.CANCELLED) throw refuse('CONFLICT', 'This lecture has been cancelled', '讲座已取消');
  if (lecture.status !== LectureStatus.PUBLISHED && lecture.status != null) throw refuse('CONFLICT', 'This lecture is not published', '讲座尚未发布');
  const opens = new Date(lecture.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS);
  if (now < opens) throw refuse('CONFLICT', 'Check-in opens three hours before the lecture', `签到将于开讲前 3 小时（${doorTime(opens)}）开始`);
  if (now.getTime() > lecture.endsAt.getTime() + CHECK_IN_CLOSES_AFTER_MS) throw refuse('CONFLICT', 'Check-in for this lecture has closed', '签到已结束');
  return lecture;
}

/** The booking a QR code or a typed short code names, if it is a ticket of this lecture. */
async function bookingForCode(deps: DoorDeps, reads: DoorReads, lecture: LectureDoc, code: string, field: string, now: Date) {
  const text = code.trim();
  if (TicketService.looksLikeQrCode(text)) {
    try {
      return { bookingId: new Types.ObjectId(await deps.tickets.verify(text, lecture._id.toHexString(), now)), method: CheckInMethod.QR };
    } catch (error) {
      if (!(error instanceof TicketError)) throw error;
      const other = error.message.includes('another lecture');
      throw refuse('BAD_USER_INPUT', error.message, other ? '这不是本场讲座的入场券' : '无效的入场券', field);
    }
  }
  const shortCode = TicketService.normalizeShortCode(text);
  if (!shortCode) throw refuse('BAD_USER_INPUT', `${field} is neither a QR code nor an 8-character ticket code`, '入场券码应为 8 位字母和数字', field);
  const bookingId = (await reads.roll(lecture)).byShortCode.get(shortCode);
  if (!bookingId) throw refuse('BAD_USER_INPUT', `${field} is not a ticket of this lecture`, `${shortCode} 不是本场讲座的入场券码`, field);
  return { bookingId, method: CheckInMethod.SHORT_CODE };
}


interface ArrivalOptions {
  partyPresent?: number | null;
  at: Date;
  clientScanId: string | null;
  method: CheckInMethod;
  partyField: string;
  /**
   * More people than booked are counted as walk-ins rather than refused: for a synced queue, whose
   * household is long inside and whose door screen can no longer be corrected.
   */
  surplusAsWalkIn?: boolean;
}

/**
 * Checks one booked household in. The check-in document's `_id` is the booking's, so the first
 * scan wins and every later one (another device, a replayed queue) hears when it happened.
 */
/**
 * The lectures a request tried to write an arrival for: each gets one mark for the outreach report
 * afterwards (also after a failure part-way, as the write may have landed), and a scan refused
 * before any write marks nothing.
 */
type Touched = Map<string, Types.ObjectId>;

async function markTouched(touched: Touched): Promise<void> {
  for (const lectureId of touched.values()) await noteLectureChanged(lectureId);
}

async function checkInBooking(deps: DoorDeps, reads: DoorReads, viewer: Viewer, lecture: LectureDoc, bookingId: Types.ObjectId, options: ArrivalOptions, touched: Touched): Promise<CheckInResult> {
  const booking = await reads.booking(lecture, bookingId);
  if (!booking || !booking.lectureId.equals(lecture._id)) throw refuse('NOT_FOUND', `Booking ${bookingId.toHexString()} was not found for this lecture`, '找不到这个预约');
  if (booking.cancelledAt || booking.status === BookingStatus.CANCELLED) throw refuse('CONFLICT', 'This booking was cancelled', '该预约已取消');
  if (booking.status === BookingStatus.WAITLISTED || booking.status === BookingStatus.PENDING) {
    throw refuse('CONFLICT', 'This household is on the waiting list and holds no seats', '该家庭在候补名单中，未获得座位，可登记为现场来宾');
  }
  const counted = options.partyPresent ?? booking.partySize;
  const surplus = options.surplusAsWalkIn && counted > booking.partySize ? Math.min(counted - booking.partySize, MAX_WALK_IN) : 0;
  const partyPresent = surplus > 0 ? booking.partySize : counted;
  if (partyPresent < 1 || partyPresent > booking.partySize) {
    throw refuse('BAD_USER_INPUT', `${options.partyField} must be 1 to the ${booking.partySize} seats booked`, `到场人数应为 1 至 ${booking.partySize} 人，多出的请登记为现场来宾`, options.partyField);
  }
  const user = await reads.household(lecture, booking.userId);
  const base = {
    clientScanId: options.clientScanId,
    errorCode: null,
    bookingId: booking._id.toHexString(),
    householdName: householdName(user?.displayName),
    partySize: booking.partySize,
  };

  const arrival = {
    _id: bookingCheckInId(booking._id),
    lectureId: lecture._id,
    bookingId: booking._id,
    userId: booking.userId,
    partySize: partyPresent,
    method: options.method,
    checkedInAt: options.at,
    recordedAt: new Date(),
    recordedBy: new Types.ObjectId(viewer.userId),
    clientScanId: options.clientScanId ?? undefined,
  };
  let recorded: CheckInDoc = arrival as CheckInDoc;
  let outcome = CheckInOutcome.CHECKED_IN;
  touched.set(lecture._id.toHexString(), lecture._id);
  try {
    await retryWhileBusy(() => CheckInModel.create(arrival));
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    recorded = (await CheckInModel.findById(arrival._id).lean<CheckInDoc>())!;
    // The same scan replayed (a retried sync) is still "checked in"; any other scan is a repeat.
    const sameScan = options.clientScanId !== null && recorded.clientScanId === options.clientScanId;
    if (!sameScan) outcome = CheckInOutcome.ALREADY_CHECKED_IN;
  }
  await auditArrival(deps, viewer, lecture, recorded, `booking ${base.bookingId}: ${recorded.partySize} of ${booking.partySize} present (${recorded.method})`);
  // Idempotent, so a crash before it is mended by the next scan or the no-show sweep.
  await retryWhileBusy(() => BookingModel.updateOne({ _id: booking._id, cancelledAt: null }, { $set: { status: BookingStatus.CHECKED_IN } }));
  // Only the scan that checked the household in brings guests; a repeat scan counts nobody.
  const guests = outcome === CheckInOutcome.CHECKED_IN && surplus > 0 && options.clientScanId
    ? await recordWalkInAt(deps, viewer, lecture, { partySize: surplus, note: `${base.householdName}家多来的`, clientScanId: `${options.clientScanId}-extra` }, options.at, touched)
    : null;
  if (lecture.courseId && deps.onAttended) {
    // The household is in, whatever happens to the course's bookkeeping: a failure here is
    // logged (the next progress save completes the course), never shown as a failed scan.
    await deps.onAttended(booking.userId.toHexString(), lecture.courseId.toHexString()).catch((error: unknown) => {
      deps.logger.error({ err: error, bookingId: booking._id.toHexString() }, 'course completion after check-in failed');
    });
  }

  const message =
    outcome === CheckInOutcome.CHECKED_IN
      ? `签到成功：${base.householdName}，${recorded.partySize} 人${guests ? `；多来的 ${guests.partyPresent} 人记为现场来宾` : ''}`
      : `已于 ${doorTime(recorded.checkedInAt)} 签到（${base.householdName}，${recorded.partySize} 人），不重复计数`;
  return { ...base, outcome, message, partyPresent: recorded.partySize, checkedInAt: recorded.checkedInAt };
}

async function recordWalkInAt(deps: DoorDeps, viewer: Viewer, lecture: LectureDoc, walkIn: { partySize: number; note?: string | null; clientScanId: string }, at: Date, touched: Touched): Promise<CheckInResult> {
  const arrival = {
    _id: `walkin:${lecture._id.toHexString()}:${walkIn.clientScanId}`,
    lectureId: lecture._id,
    partySize: walkIn.partySize,
    method: CheckInMethod.WALK_IN,
    checkedInAt: at,
    recordedAt: new Date(),
    recordedBy: new Types.ObjectId(viewer.userId),
    clientScanId: walkIn.clientScanId,
    note: walkIn.note?.trim() || undefined,
  };
  let recorded: CheckInDoc = arrival as CheckInDoc;
  touched.set(lecture._id.toHexString(), lecture._id);
  try {
    await retryWhileBusy(() => CheckInModel.create(arrival));
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    recorded = (await CheckInModel.findById(arrival._id).lean<CheckInDoc>())!;
  }
  await auditArrival(deps, viewer, lecture, recorded, `${recorded.partySize} walk-in guest(s)${recorded.note ? `: ${recorded.note}` : ''}`);
  return {
    clientScanId: walkIn.clientScanId,
    outcome: CheckInOutcome.WALK_IN_RECORDED,
    message: `已登记现场来宾 ${recorded.partySize} 人`,
    errorCode: null,
    bookingId: null,
    householdName: recorded.note ?? null,
    partySize: null,
    partyPresent: recorded.partySize,
    checkedInAt: recorded.checkedInAt,
  };
}

/** Online check-in: a bad ticket is an error with its code. */
export async function checkIn(deps: DoorDeps, viewer: Viewer, input: CheckInInput): Promise<CheckInResult> {
  const at = new Date();
  const reads = new DoorReads(deps.tickets, false);
  const lecture = await loadDoorLecture(reads, viewer, input.lectureId, 'input.lectureId', at);
  const target = await arrivalTarget(deps, reads, lecture, input, 'input', at);
  const touched: Touched = new Map();
  try {
    return await checkInBooking(deps, reads, viewer, lecture, target.bookingId, {
      partyPresent: input.partyPresent,
      at,
      clientScanId: null,
      method: target.method,
      partyField: 'input.partyPresent',
    }, touched);
  } finally {
    // Also after a failure part-way: the check-in may be written even if what follows was not.
    await markTouched(touched);
  }
}

async function arrivalTarget(deps: DoorDeps, reads: DoorReads, lecture: LectureDoc, input: { code?: string | null; bookingId?: string | null }, prefix: string, now: Date) {
  // One or the other (the door app never sends both): a ticket that would be ignored is refused.
  if (input.bookingId != null && input.code != null) throw refuse('BAD_USER_INPUT', `Give ${prefix}.code or ${prefix}.bookingId, not both`, '入场券码和名单只能选一种', `${prefix}.code`);
  if (input.bookingId) return { bookingId: parseId(input.bookingId, `${prefix}.bookingId`, '预约'), method: CheckInMethod.ROSTER };
  if (input.code?.trim()) return bookingForCode(deps, reads, lecture, input.code, `${prefix}.code`, now);
  throw refuse('BAD_USER_INPUT', `Give ${prefix}.code or ${prefix}.bookingId`, '请扫码、输入入场券码或从名单中选择', `${prefix}.code`);
}

export async function recordWalkIn(deps: DoorDeps, viewer: Viewer, input: WalkInInput): Promise<CheckInResult> {
  const at = new Date();
  const lecture = await loadDoorLecture(new DoorReads(deps.tickets, false), viewer, input.lectureId, 'input.lectureId', at);
  const touched: Touched = new Map();
  try {
    return await recordWalkInAt(deps, viewer, lecture, input, at, touched);
  } finally {
    await markTouched(touched);
  }
}

/**
 * When a queued scan's household came in: the device's scan time when it is believable (the door
 * was open and it is not after now), else the moment the scan reached us. Phones in the
 * countryside do lose their clocks; a wrong one costs only the precision of this time.
 */
function arrivalTime(scannedAt: Date, lecture: LectureDoc, now: Date): Date {
  const time = scannedAt instanceof Date ? scannedAt.getTime() : Number.NaN;
  const opens = lecture.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS;
  if (Number.isNaN(time) || time < opens || time > now.getTime() + CLOCK_SKEW_MS) return now;
  return new Date(Math.min(time, now.getTime()));
}

function rejected(clientScanId: string | null, error: unknown, logger: Logger): CheckInResult {
  const base = { clientScanId, outcome: CheckInOutcome.REJECTED, bookingId: null, householdName: null, partySize: null, partyPresent: null, checkedInAt: null };
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    return { ...base, errorCode: error.extensions.code, message: String(error.extensions.doorMessage ?? error.message) };
  }
  logger.error({ err: error, clientScanId }, 'offline scan failed; the device will retry it');
  return { ...base, errorCode: 'INTERNAL_SERVER_ERROR', message: '暂时无法处理，稍后自动重试' };
}

/**
 * Replays a device's offline queue. Each scan is judged on its own and by its own scan time; a bad
 * one is a REJECTED result, never an error for the batch (the device would retry it forever).
 * Scans are applied in the order they were made, so within a batch the first scan of a ticket is
 * the one that counts, whatever order the device sent them in; results keep the order sent.
 */
export async function syncCheckIns(deps: DoorDeps, viewer: Viewer, scans: OfflineScanInput[]): Promise<CheckInResult[]> {
  const now = new Date();
  const reads = new DoorReads(deps.tickets, true);
  const madeAt = (scan: OfflineScanInput) => (scan.scannedAt instanceof Date && !Number.isNaN(scan.scannedAt.getTime()) ? scan.scannedAt.getTime() : now.getTime());
  const order = scans.map((scan, i) => ({ scan, i })).sort((a, b) => madeAt(a.scan) - madeAt(b.scan) || a.i - b.i);
  const results: CheckInResult[] = new Array(scans.length);
  // One mark per lecture the queue wrote an arrival for, after all its scans (not one per scan).
  const touched: Touched = new Map();
  for (const { scan, i } of order) {
    const prefix = `scans.${i}`;
    const clientScanId = typeof scan.clientScanId === 'string' ? scan.clientScanId : null;
    try {
      if (!clientScanId || !/^[\w-]{8,64}$/.test(clientScanId)) {
        throw refuse('BAD_USER_INPUT', `${prefix}.clientScanId must be 8 to 64 letters, digits, _ or -`, '扫码记录编号不正确', `${prefix}.clientScanId`);
      }
      const lecture = await loadDoorLecture(reads, viewer, scan.lectureId, `${prefix}.lectureId`, now);
      const at = arrivalTime(scan.scannedAt, lecture, now);
      if (scan.walkInPartySize != null) {
        if (scan.code != null || scan.bookingId != null) {
          throw refuse('BAD_USER_INPUT', `${prefix}.walkInPartySize is for guests without a ticket: give no code or bookingId with it`, '现场来宾不需要入场券', `${prefix}.walkInPartySize`);
        }
        if (!Number.isInteger(scan.walkInPartySize) || scan.walkInPartySize < 1 || scan.walkInPartySize > MAX_WALK_IN) {
          throw refuse('BAD_USER_INPUT', `${prefix}.walkInPartySize must be 1 to 50`, '现场来宾人数应为 1 至 50 人', `${prefix}.walkInPartySize`);
        }
        results[i] = await recordWalkInAt(deps, viewer, lecture, { partySize: scan.walkInPartySize, clientScanId }, at, touched);
        continue;
      }
      // The online door's bound (CheckInInput.partyPresent): 2^31 people must not become 50 walk-ins.
      if (scan.partyPresent != null && !(Number.isInteger(scan.partyPresent) && scan.partyPresent >= 1 && scan.partyPresent <= MAX_PARTY_PRESENT)) {
        throw refuse('BAD_USER_INPUT', `${prefix}.partyPresent must be 1 to ${MAX_PARTY_PRESENT}`, `到场人数应为 1 至 ${MAX_PARTY_PRESENT} 人`, `${prefix}.partyPresent`);
      }
      if (scan.code && scan.code.length > 2000) throw refuse('BAD_USER_INPUT', `${prefix}.code is too long`, '无效的入场券', `${prefix}.code`);
      const target = await arrivalTarget(deps, reads, lecture, scan, prefix, now);
      results[i] = await checkInBooking(deps, reads, viewer, lecture, target.bookingId, {
        partyPresent: scan.partyPresent,
        at,
        clientScanId,
        method: target.method,
        partyField: `${prefix}.partyPresent`,
        surplusAsWalkIn: true,
      }, touched);
    } catch (error) {
      results[i] = rejected(clientScanId, error, deps.logger);
    }
  }
  await markTouched(touched);
  return results;
}

const ON_ROSTER = [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW];
const HOLDS_SEATS = new Set<string>([BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW]);

/** The door list: three queries whatever its length (bookings, their households, arrivals). */
export async function lectureRoster(viewer: Viewer, lectureId: string, phoneTail: string | null | undefined): Promise<Roster> {
  const id = parseId(lectureId, 'lectureId', '讲座');
  const lecture = await LectureModel.findById(id).lean<LectureDoc>();
  if (!lecture) throw refuse('NOT_FOUND', `Lecture ${lectureId} was not found`, '找不到这场讲座');
  if (!canCheckInAt(viewer, toLecture(lecture))) {
    throw refuse('FORBIDDEN', 'Only the lecturer, assigned staff and organizers may see the door list', '您不是这场讲座的讲师或签到人员');
  }
  const [bookings, arrivals] = await Promise.all([
    BookingModel.find({ lectureId: id, status: { $in: ON_ROSTER }, cancelledAt: null }).sort({ requestedAt: 1, _id: 1 }).lean<BookingDoc[]>(),
    CheckInModel.find({ lectureId: id }).sort({ checkedInAt: 1 }).lean<CheckInDoc[]>(),
  ]);
  const users = new Map(
    (await UserModel.find({ _id: { $in: bookings.map((b) => b.userId) } }, { displayName: 1, phone: 1 }).lean<UserDoc[]>()).map((u) => [u._id.toHexString(), u]),
  );
  const arrivalOf = new Map(arrivals.filter((a) => a.bookingId).map((a) => [a.bookingId!.toHexString(), a]));

  const everyone: RosterEntry[] = bookings.map((booking) => {
    const user = users.get(booking.userId.toHexString()) ?? null;
    const arrival = arrivalOf.get(booking._id.toHexString());
    return {
      bookingId: booking._id.toHexString(),
      householdName: householdName(user?.displayName),
      phoneTail: user?.phone ? user.phone.slice(-4) : null,
      partySize: booking.partySize,
      status: arrival ? BookingStatus.CHECKED_IN : (booking.status as BookingStatus),
      seatNumbers: [...(booking.seatNumbers ?? [])].sort((a, b) => a - b),
      checkedInAt: arrival?.checkedInAt ?? null,
      partyPresent: arrival?.partySize ?? null,
    };
  });
  // Counts come from the households on the list: an arrival whose booking was cancelled in the
  // same moment (a race the engine cannot rule out) is not counted twice or at all.
  const present = everyone.filter((e) => e.checkedInAt !== null);
  const walkIns = arrivals
    .filter((a) => a.method === CheckInMethod.WALK_IN)
    .map((a) => ({ id: a._id, partySize: a.partySize, note: a.note ?? null, checkedInAt: a.checkedInAt }));
  return {
    lectureId: id.toHexString(),
    entries: phoneTail ? everyone.filter((e) => e.phoneTail === phoneTail) : everyone,
    walkIns,
    bookedHouseholds: everyone.filter((e) => HOLDS_SEATS.has(e.status)).length,
    checkedInHouseholds: present.length,
    peoplePresent: present.reduce((sum, e) => sum + (e.partyPresent ?? 0), 0) + walkIns.reduce((sum, w) => sum + w.partySize, 0),
  };
}

/**
 * After a lecture ends, households that held seats and never came become NO_SHOW. A door device
 * may sync while this runs, so whoever has a check-in after the write is put back: a late sync
 * always wins over the sweep.
 */
export async function sweepNoShows(now = new Date()): Promise<{ noShows: number; mended: number }> {
  const due = await BookingModel.find({ status: BookingStatus.CONFIRMED, cancelledAt: null, lectureEndsAt: { $lte: now } }, { _id: 1, lectureId: 1 })
    .limit(1000)
    .lean<Array<{ _id: Types.ObjectId; lectureId: Types.ObjectId }>>();
  if (due.length === 0) return { noShows: 0, mended: 0 };
  const arrivedIds = async (ids: Types.ObjectId[]) =>
    new Set((await CheckInModel.find({ _id: { $in: ids.map(bookingCheckInId) } }, { bookingId: 1 }).lean<CheckInDoc[]>()).map((c) => c.bookingId!.toHexString()));
  const arrived = await arrivedIds(due.map((b) => b._id));
  const absent = due.filter((b) => !arrived.has(b._id.toHexString())).map((b) => b._id);
  const present = due.filter((b) => arrived.has(b._id.toHexString())).map((b) => b._id);
  if (present.length) await BookingModel.updateMany({ _id: { $in: present } }, { $set: { status: BookingStatus.CHECKED_IN } });
  if (absent.length) await BookingModel.updateMany({ _id: { $in: absent }, status: BookingStatus.CONFIRMED, cancelledAt: null }, { $set: { status: BookingStatus.NO_SHOW } });
  const late = [...(await arrivedIds(absent))].map((id) => new Types.ObjectId(id));
  if (late.length) await BookingModel.updateMany({ _id: { $in: late } }, { $set: { status: BookingStatus.CHECKED_IN } });
  for (const lectureId of new Set(due.map((b) => b.lectureId.toHexString()))) await noteLectureChanged(lectureId);
  return { noShows: absent.length - late.length, mended: present.length + late.length };
}

/** Runs `sweepNoShows` every `intervalMs` in the background; returns a stop function. */
export function startNoShowSweeper(logger: Logger, intervalMs: number): () => void {
  return runPeriodically(
    'no-show sweep',
    async () => {
      const report = await sweepNoShows();
      if (report.noShows + report.mended > 0) logger.info(report, 'marked attendance of ended lectures');
    },
    intervalMs,
    logger,
  );
}
