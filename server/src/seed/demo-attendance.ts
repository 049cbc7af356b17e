/**
 * The demo world's history: households, and what happened at every demo lecture (bookings, seats,
 * arrivals at the door, walk-ins, feedback), plus yearly outreach targets. Without it every number
 * of the organizers' dashboard would be 0.
 *
 * Deterministic: every random choice comes from a PRNG seeded by a stable key (a lecture's id, a
 * household's key), and every document has a stable `_id`, so seeding again writes nothing new.
 *
 * Which lectures get what is decided against an anchor that does not move between runs: the
 * lecture's `createdAt` (when the seed first wrote it), or the seed's clock if that is earlier.
 * A lecture that had ended by then gets a past (bookings CHECKED_IN / NO_SHOW / CANCELLED,
 * check-ins, walk-ins, feedback); one still to come gets a few CONFIRMED bookings. A lecture that
 * already has any booking is left alone altogether: its seats may be taken by real households.
 */
import crypto from 'node:crypto';
import { Types } from 'mongoose';
import { BookingStatus } from '../modules/booking/booking-status';
import { BookingModel, SeatClaimModel } from '../modules/booking/booking.model';
import { CheckInMethod, CheckInModel, bookingCheckInId } from '../modules/checkin/checkin.model';
import { FeedbackTopic } from '../modules/feedback/feedback-topic';
import { FeedbackModel, feedbackId } from '../modules/feedback/feedback.model';
import { DEFAULT_MAX_PARTY_SIZE, LectureModel } from '../modules/lecture/lecture.model';
import { LectureStatus } from '../modules/lecture/lecture-status';
import { LecturerModel } from '../modules/lecturer/lecturer.model';
import { OutboxKind, OutboxModel, OutboxState } from '../modules/notification/outbox.model';
import { rebuildOutcomes } from '../modules/outreach/outcome.service';
import { OutreachTargetModel, outreachTargetId } from '../modules/outreach/target.model';
import { AgeGroup, GuardianKind, Role } from '../modules/user/user-enums';
import { UserModel } from '../modules/user/user.model';
import { VENUE_TYPES } from '../modules/venue/venue-type';
import { isDuplicateKeyError } from '../modules/shared/mongo-errors';
import { beijingYear, beijingYearBounds } from '../modules/shared/beijing-time';
import { COUNTIES, FIRST_OUTREACH_YEAR } from '../modules/county/counties';
import { mulberry32 } from './demo-world';
import { seedId as stableId } from './seed-id';


// ---------------------------------------------------------------------------------------------
// Randomness keyed by stable ids
// ---------------------------------------------------------------------------------------------

export class KeyedRng {
  private readonly next: () => number;
  constructor(key: string) {
    this.next = mulberry32(crypto.createHash('sha1').update(key).digest().readUInt32BE(0));
  }
  float(lo = 0, hi = 1): number {
    return lo + this.next() * (hi - lo);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 00:00 Beijing time on 1 January of `year`. */
const beijingYearStart = (year: number): Date => beijingYearBounds(year).start;
const atSecond = (ms: number) => new Date(Math.round(ms / 1000) * 1000);

// ---------------------------------------------------------------------------------------------
// Households
// ---------------------------------------------------------------------------------------------

/** Households per county: the city seat and the larger cities have more (a few hundred in all). */
const HOUSEHOLDS_PER_COUNTY: Record<string, number> = {
  '350702': 98, '350703': 77, '350721': 63, '350722': 70, '350723': 60,
  '350724': 60, '350725': 60, '350781': 77, '350782': 70, '350783': 77,
};

const SURNAMES = ['陈', '林', '黄', '张', '吴', '刘', '李', '王', '郑', '杨', '许', '叶', '罗', '詹', '游', '江', '邱', '余',
  '范', '蔡', '魏', '谢', '朱', '徐', '周', '翁', '邓', '廖', '肖', '范', '饶', '丁', '傅', '官', '危'];
const MOTHER_NAMES = ['丽华', '秀英', '晓燕', '美玲', '雪梅', '婷婷', '丽娟', '海燕', '春梅', '慧敏', '小红', '静', '芳', '玉兰',
  '淑琴', '燕', '艳', '丽萍', '晓霞', '佳琪', '思雨', '雅琴', '红霞', '梦洁'];
const FATHER_NAMES = ['建华', '志强', '伟', '明', '海峰', '国平', '晓东', '俊杰', '永福', '文斌', '建国', '勇', '军', '鹏', '浩',
  '振华', '金水', '德明'];
const GRANDMOTHER_NAMES = ['桂英', '秀兰', '玉珍', '金花', '凤英', '桂兰', '月娥', '淑贞', '素珍', '来娣'];
const GRANDFATHER_NAMES = ['长生', '福生', '有财', '水根', '金土', '德贵', '老根', '春生'];
const CHILD_NICKNAMES = ['乐乐', '豆豆', '朵朵', '果果', '小宇', '欣欣', '阳阳', '萌萌', '天天', '悦悦', '浩浩', '妞妞', '宝宝', '可可'];
const PHONE_PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '152', '158', '159', '187', '188', '189', '133', '153',
  '180', '181', '177', '199', '166'];
const AGE_GROUPS = Object.values(AgeGroup);

export interface DemoHousehold {
  _id: Types.ObjectId;
  openId: string;
  role: Role;
  displayName: string;
  countyCode: string;
  guardianKind: GuardianKind;
  childrenAgeGroups: AgeGroup[];
  phone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The key of the n-th household of a county; generation > 0 are the extra households of a scaled history. */
function householdKey(countyCode: string, n: number, generation: number): string {
  return generation === 0 ? `household:${countyCode}:${n}` : `household:${countyCode}:g${generation}:${n}`;
}

function makeHousehold(countyCode: string, n: number, generation: number, countyIndex: number): DemoHousehold {
  const key = householdKey(countyCode, n, generation);
  const rng = new KeyedRng(key);
  const surname = rng.pick(SURNAMES);
  const guardianKind = rng.weighted([
    [GuardianKind.PARENT, 70],
    [GuardianKind.GRANDPARENT, 24],
    [GuardianKind.OTHER_RELATIVE, 6],
  ] as const);
  let displayName: string;
  if (guardianKind === GuardianKind.GRANDPARENT) {
    displayName = surname + (rng.chance(0.75) ? rng.pick(GRANDMOTHER_NAMES) : rng.pick(GRANDFATHER_NAMES));
  } else if (rng.chance(0.2)) {
    displayName = rng.pick(CHILD_NICKNAMES) + (rng.chance(0.75) ? '妈妈' : '爸爸');
  } else {
    displayName = surname + (rng.chance(0.72) ? rng.pick(MOTHER_NAMES) : rng.pick(FATHER_NAMES));
  }
  const groups = new Set<AgeGroup>();
  const young = guardianKind === GuardianKind.GRANDPARENT;
  const pool = young ? [AgeGroup.INFANT, AgeGroup.PRESCHOOL, AgeGroup.PRIMARY] : AGE_GROUPS;
  for (let i = rng.int(1, 2); i > 0; i--) groups.add(rng.pick(pool));
  // A serial unique across all demo households makes a unique phone number: the multiplier is
  // coprime with 10^8, so distinct serials give distinct last eight digits.
  const serial = generation * 100_000 + countyIndex * 1000 + n;
  const phone = rng.pick(PHONE_PREFIXES) + String((serial * 7_919_993 + 12_345_678) % 100_000_000).padStart(8, '0');
  const createdAt = beijingYearStart(FIRST_OUTREACH_YEAR);
  return {
    _id: stableId(key),
    openId: `demo-${key.replace(/:/g, '-')}`,
    role: Role.PARENT,
    displayName,
    countyCode,
    guardianKind,
    childrenAgeGroups: AGE_GROUPS.filter((g) => groups.has(g)),
    phone,
    createdAt,
    updatedAt: createdAt,
  };
}

/** The households of one generation, by county (generation 0: the demo world's own). */
export function buildHouseholds(generation = 0): Map<string, DemoHousehold[]> {
  const byCounty = new Map<string, DemoHousehold[]>();
  COUNTIES.forEach((county, countyIndex) => {
    const size = HOUSEHOLDS_PER_COUNTY[county.code] ?? 60;
    byCounty.set(county.code, Array.from({ length: size }, (_, i) => makeHousehold(county.code, i + 1, generation, countyIndex)));
  });
  return byCounty;
}

/** Checked by seedIfEmpty: attendance is written before this household, which is written last. */
export const FIRST_HOUSEHOLD_ID = stableId(householdKey(COUNTIES[0].code, 1, 0));

// ---------------------------------------------------------------------------------------------
// Staff accounts
// ---------------------------------------------------------------------------------------------

/** The account a demo lecturer records arrivals with (the profile itself is not linked to it). */
export const lecturerAccountId = (lecturerId: Types.ObjectId) => stableId(`lecturer-account:${lecturerId.toHexString()}`);
/** The city organizer who set the demo targets. */
export const DEMO_ORGANIZER_ID = stableId('account:city-organizer');

function staffAccounts(lecturers: Array<{ _id: Types.ObjectId; name: string; countyCode?: string | null }>) {
  const createdAt = beijingYearStart(FIRST_OUTREACH_YEAR);
  return [
    {
      _id: DEMO_ORGANIZER_ID,
      openId: 'demo-organizer-city',
      role: Role.ORGANIZER,
      displayName: '南平市妇联家庭和儿童工作部',
      childrenAgeGroups: [],
      createdAt,
      updatedAt: createdAt,
    },
    ...lecturers.map((lecturer) => ({
      _id: lecturerAccountId(lecturer._id),
      openId: `demo-lecturer-${lecturer._id.toHexString()}`,
      role: Role.LECTURER,
      displayName: lecturer.name,
      ...(lecturer.countyCode ? { countyCode: lecturer.countyCode } : {}),
      childrenAgeGroups: [],
      lecturerId: lecturer._id,
      createdAt,
      updatedAt: createdAt,
    })),
  ];
}

// ---------------------------------------------------------------------------------------------
// One lecture's attendance
// ---------------------------------------------------------------------------------------------

export interface AttendanceLecture {
  _id: Types.ObjectId;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  maxPartySize?: number | null;
  status?: string | null;
  countyCode: string;
  venueType: string;
  lecturerId: Types.ObjectId;
  createdAt?: Date | null;
}

export interface AttendanceDocs {
  bookings: Array<Record<string, unknown> & { _id: Types.ObjectId; status: BookingStatus; partySize: number }>;
  seatClaims: Array<Record<string, unknown> & { _id: string }>;
  checkIns: Array<Record<string, unknown> & { _id: string; partySize: number; method: CheckInMethod }>;
  feedback: Array<Record<string, unknown> & { _id: string; rating: number }>;
  outbox: Array<Record<string, unknown> & { _id: string }>;
}

const emptyDocs = (): AttendanceDocs => ({ bookings: [], seatClaims: [], checkIns: [], feedback: [], outbox: [] });

const COMMENTS: Record<'good' | 'fair' | 'poor', string[]> = {
  good: [
    '老师讲得很实在，回去就试试和孩子好好说话。',
    '案例很贴近生活，听完很有收获，希望多办几场。',
    '第一次知道《家庭教育促进法》，原来带娃也要依法。',
    '讲得通俗易懂，我这个当奶奶的也听明白了。',
    '互动环节很好，孩子爸爸也说下次还要来。',
    '讲座时间安排在晚上，下班后能来参加，很方便。',
    '老师很耐心，现场解答了我家孩子玩手机的问题。',
    '很实用的方法，准备和家里人一起商量着改。',
    '听了以后才明白孩子发脾气背后的原因。',
    '感谢妇联把讲座送到村里来！',
  ],
  fair: ['内容不错，就是时间有点短，没来得及提问。', '希望下次能多讲讲青春期的孩子。', '场地有点挤，后排听不太清楚。', '讲得可以，案例可以再多一些。'],
  poor: ['声音太小，后面听不清。', '内容和宣传的不太一样。'],
};
const WALK_IN_NOTES = ['现场报名', '路过旁听', '村干部带来的', '没带手机，现场登记'];

const PARTY_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[1, 26], [2, 40], [3, 24], [4, 8], [5, 1], [6, 1]];

function drawParty(rng: KeyedRng, max: number): number {
  return rng.weighted(PARTY_WEIGHTS.filter(([n]) => n <= max));
}

interface Chosen {
  household: DemoHousehold;
  partySize: number;
}

/** Households for about `targetSeats` seats, each at most once, never more seats than `capacity`. */
function chooseParties(rng: KeyedRng, pool: DemoHousehold[], targetSeats: number, maxParty: number): { chosen: Chosen[]; rest: DemoHousehold[] } {
  const order = rng.shuffled(pool);
  const chosen: Chosen[] = [];
  let seats = 0;
  let i = 0;
  while (seats < targetSeats && i < order.length) {
    const partySize = Math.min(drawParty(rng, maxParty), targetSeats - seats);
    chosen.push({ household: order[i++], partySize });
    seats += partySize;
  }
  // A big hall in a small county: the households there came with more of their family.
  for (let grew = true; seats < targetSeats && grew; ) {
    grew = false;
    for (const entry of chosen) {
      if (seats >= targetSeats) break;
      if (entry.partySize < maxParty) {
        entry.partySize++;
        seats++;
        grew = true;
      }
    }
  }
  return { chosen, rest: order.slice(i) };
}

function bookingBase(lecture: AttendanceLecture, household: DemoHousehold) {
  const lectureHex = lecture._id.toHexString();
  const userHex = household._id.toHexString();
  const id = stableId(`booking:${lectureHex}:${userHex}`);
  return {
    id,
    doc: {
      _id: id,
      lectureId: lecture._id,
      userId: household._id,
      requestKey: `${userHex}:demo-${lectureHex}`,
      activeKey: `${lectureHex}:${userHex}`,
      lectureStartsAt: lecture.startsAt,
      lectureEndsAt: lecture.endsAt,
    },
  };
}

/** Seats 1..n in the order the households asked, and one claim document per seat. */
function seatBookings(lecture: AttendanceLecture, docs: AttendanceDocs, bookings: Array<{ _id: Types.ObjectId; partySize: number; requestedAt: Date; seatNumbers?: number[] }>): void {
  let next = 1;
  const lectureHex = lecture._id.toHexString();
  for (const booking of [...bookings].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())) {
    const seats: number[] = [];
    for (let k = 1; k <= booking.partySize; k++) {
      const seat = next++;
      seats.push(seat);
      docs.seatClaims.push({
        _id: `${lectureHex}:${seat}`,
        lectureId: lecture._id,
        seatNumber: seat,
        bookingId: booking._id,
        bookingSlot: `${booking._id.toHexString()}:${k}`,
        attempt: 'demo-seed',
      });
    }
    booking.seatNumbers = seats;
  }
}

/**
 * A lecture that took place: 40–95 % of its seats booked, most households came (some with fewer
 * people than booked), a few cancelled beforehand, some walk-ins, and feedback from a share of
 * those who came. `until`: nothing is dated after it (feedback trickles in after the lecture).
 */
export function planPastLecture(lecture: AttendanceLecture, pool: DemoHousehold[], recordedBy: Types.ObjectId, until: Date): AttendanceDocs {
  const docs = emptyDocs();
  const lectureHex = lecture._id.toHexString();
  const rng = new KeyedRng(`attendance:${lectureHex}`);
  const capacity = lecture.capacity;
  const maxParty = Math.max(1, Math.min(lecture.maxPartySize ?? DEFAULT_MAX_PARTY_SIZE, capacity));
  const targetSeats = Math.max(1, Math.min(capacity, Math.round(capacity * rng.float(0.4, 0.95))));
  const { chosen, rest } = chooseParties(rng, pool, targetSeats, maxParty);
  const start = lecture.startsAt.getTime();
  const attendRate = rng.float(0.7, 0.93);
  const feedbackRate = rng.float(0.25, 0.55);

  const active = chosen.map(({ household, partySize }) => {
    const base = bookingBase(lecture, household);
    const requestedAt = atSecond(start - rng.float(0.5, 14) * DAY);
    const came = rng.chance(attendRate);
    return {
      ...base.doc,
      partySize,
      status: came ? BookingStatus.CHECKED_IN : BookingStatus.NO_SHOW,
      requestedAt,
      confirmedAt: new Date(requestedAt.getTime() + 1000),
      household,
    };
  });
  seatBookings(lecture, docs, active);

  for (const booking of active) {
    const { household, ...doc } = booking;
    docs.bookings.push(doc as AttendanceDocs['bookings'][number]);
    if (booking.status !== BookingStatus.CHECKED_IN) continue;
    const present = booking.partySize > 1 && rng.chance(0.12) ? rng.int(1, booking.partySize - 1) : booking.partySize;
    const method = rng.weighted([[CheckInMethod.QR, 58], [CheckInMethod.SHORT_CODE, 14], [CheckInMethod.ROSTER, 28]] as const);
    const checkedInAt = atSecond(start + rng.float(-45, 20) * MINUTE);
    docs.checkIns.push({
      _id: bookingCheckInId(booking._id),
      lectureId: lecture._id,
      bookingId: booking._id,
      userId: household._id,
      partySize: present,
      method,
      checkedInAt,
      recordedAt: new Date(checkedInAt.getTime() + (method === CheckInMethod.ROSTER ? rng.int(0, 3000) : rng.int(0, 800))),
      recordedBy,
    });
    if (!rng.chance(feedbackRate)) continue;
    const rating = rng.weighted([[5, 56], [4, 32], [3, 9], [2, 2], [1, 1]] as const);
    const liked = rating >= 4;
    const comment = rng.chance(0.45) ? rng.pick(COMMENTS[liked ? 'good' : rating === 3 ? 'fair' : 'poor']) : undefined;
    const topics = new Set<FeedbackTopic>();
    for (let n = rng.int(0, 2); n > 0; n--) topics.add(rng.pick(Object.values(FeedbackTopic)));
    const createdAt = atSecond(Math.min(lecture.endsAt.getTime() + rng.float(10, 36 * 60) * MINUTE, Math.max(until.getTime(), lecture.endsAt.getTime())));
    docs.feedback.push({
      _id: feedbackId(lectureHex, household._id.toHexString()),
      lectureId: lecture._id,
      userId: household._id,
      bookingId: booking._id,
      rating,
      ...(comment ? { comment } : {}),
      understood: rating >= 3 ? rng.chance(0.93) : rng.chance(0.4),
      willTryAtHome: liked ? rng.chance(0.88) : rng.chance(0.35),
      wantedTopics: Object.values(FeedbackTopic).filter((t) => topics.has(t)),
      createdAt,
    });
  }

  // A few households cancelled beforehand (their seats went back; nobody else here was waiting).
  const cancelling = Math.min(rest.length, Math.round(chosen.length * rng.float(0, 0.08)));
  for (const household of rest.slice(0, cancelling)) {
    const base = bookingBase(lecture, household);
    const requestedAt = atSecond(start - rng.float(3, 14) * DAY);
    const cancelledAt = atSecond(requestedAt.getTime() + rng.float(0.1, 0.9) * (start - HOUR - requestedAt.getTime()));
    docs.bookings.push({
      ...base.doc,
      activeKey: `cancelled:${base.id.toHexString()}`,
      partySize: drawParty(rng, maxParty),
      status: BookingStatus.CANCELLED,
      seatNumbers: [],
      requestedAt,
      confirmedAt: new Date(requestedAt.getTime() + 1000),
      cancelledAt,
    });
  }

  // Walk-ins, more in villages and communities; never more people in the room than seats.
  let room = capacity - docs.checkIns.reduce((sum, c) => sum + c.partySize, 0);
  const walkIns = lecture.venueType === 'VILLAGE' || lecture.venueType === 'COMMUNITY' ? rng.int(0, 4) : rng.int(0, 2);
  for (let i = 1; i <= walkIns && room > 0; i++) {
    const partySize = Math.min(room, rng.int(1, lecture.venueType === 'VILLAGE' ? 6 : 3));
    room -= partySize;
    const checkedInAt = atSecond(start + rng.float(-20, 30) * MINUTE);
    const note = rng.chance(0.6) ? rng.pick(WALK_IN_NOTES) : undefined;
    docs.checkIns.push({
      _id: `walkin:${lectureHex}:demo-${i}`,
      lectureId: lecture._id,
      partySize,
      method: CheckInMethod.WALK_IN,
      checkedInAt,
      recordedAt: checkedInAt,
      recordedBy,
      clientScanId: `demo-${i}`,
      ...(note ? { note } : {}),
    });
  }
  return docs;
}

/**
 * A lecture still to come: most have a few households booked already (5–40 % of the seats), so
 * the home page shows seats taken. Their confirmation counts as sent, so the reconciler does not
 * queue messages to the demo households.
 */
export function planUpcomingLecture(lecture: AttendanceLecture, pool: DemoHousehold[], asOf: Date): AttendanceDocs {
  const docs = emptyDocs();
  const rng = new KeyedRng(`upcoming:${lecture._id.toHexString()}`);
  if (!rng.chance(0.8)) return docs;
  const capacity = lecture.capacity;
  const maxParty = Math.max(1, Math.min(lecture.maxPartySize ?? DEFAULT_MAX_PARTY_SIZE, capacity));
  const targetSeats = Math.max(1, Math.round(capacity * rng.float(0.05, 0.4)));
  const { chosen } = chooseParties(rng, pool, targetSeats, maxParty);
  const bookings = chosen.map(({ household, partySize }) => {
    const requestedAt = atSecond(asOf.getTime() - rng.float(1, 10 * 24) * HOUR);
    return { ...bookingBase(lecture, household).doc, partySize, status: BookingStatus.CONFIRMED, requestedAt, confirmedAt: new Date(requestedAt.getTime() + 1000) };
  });
  seatBookings(lecture, docs, bookings);
  for (const booking of bookings) {
    docs.bookings.push(booking as AttendanceDocs['bookings'][number]);
    docs.outbox.push({
      _id: `${OutboxKind.BOOKING_CONFIRMED}:${booking._id.toHexString()}`,
      kind: OutboxKind.BOOKING_CONFIRMED,
      bookingId: booking._id,
      userId: booking.userId,
      state: OutboxState.SENT,
      dueAt: booking.confirmedAt,
      attempts: 1,
      sentAt: booking.confirmedAt,
      createdAt: booking.confirmedAt,
      updatedAt: booking.confirmedAt,
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// A set of lectures
// ---------------------------------------------------------------------------------------------

export interface AttendancePlan {
  /** Docs per lecture (hex id); lectures that get nothing are absent. */
  byLecture: Map<string, AttendanceDocs>;
  /** People reached (checked in + walk-ins) and lectures held, per `year:county:type`, for targets. */
  cells: Map<string, { lectures: number; people: number }>;
}

export const cellKey = (year: number, countyCode: string, venueType: string) => `${year}:${countyCode}:${venueType}`;

/** The instant a lecture's history is judged against: when it was written, or the clock if earlier. */
function anchorOf(lecture: AttendanceLecture, now: Date): Date {
  return lecture.createdAt && lecture.createdAt.getTime() < now.getTime() ? lecture.createdAt : now;
}

/**
 * What every lecture gets. Pure: the same lectures, pools and clock always give the same plan.
 * `pools(lecture)`: the households that may book it (its county's).
 */
export function planAttendance(lectures: AttendanceLecture[], pools: (lecture: AttendanceLecture) => DemoHousehold[], now: Date): AttendancePlan {
  const byLecture = new Map<string, AttendanceDocs>();
  const cells = new Map<string, { lectures: number; people: number }>();
  const published = lectures.filter((l) => (l.status ?? LectureStatus.PUBLISHED) === LectureStatus.PUBLISHED);
  // The soonest lecture still to come is left without bookings: someone should find it all free.
  const upcoming = published
    .filter((l) => l.startsAt.getTime() > anchorOf(l, now).getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a._id.toHexString().localeCompare(b._id.toHexString()));
  const soonest = upcoming[0]?._id.toHexString();

  for (const lecture of published) {
    const anchor = anchorOf(lecture, now);
    const hex = lecture._id.toHexString();
    let docs: AttendanceDocs | null = null;
    if (lecture.endsAt.getTime() <= anchor.getTime()) {
      docs = planPastLecture(lecture, pools(lecture), lecturerAccountId(lecture.lecturerId), anchor);
    } else if (lecture.startsAt.getTime() > anchor.getTime() && lecture.startsAt.getTime() > now.getTime() && hex !== soonest) {
      docs = planUpcomingLecture(lecture, pools(lecture), anchor);
    }
    if (docs && docs.bookings.length + docs.checkIns.length > 0) byLecture.set(hex, docs);
    if (lecture.startsAt.getTime() <= now.getTime()) {
      const key = cellKey(beijingYear(lecture.startsAt), lecture.countyCode, lecture.venueType);
      const cell = cells.get(key) ?? { lectures: 0, people: 0 };
      cell.lectures++;
      cell.people += (docs?.checkIns ?? []).reduce((sum, c) => sum + c.partySize, 0);
      cells.set(key, cell);
    }
  }
  return { byLecture, cells };
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
/** Round people targets the way a plan would be written: to tens, hundreds for big ones. */
function roundPeople(n: number): number {
  if (n >= 1000) return Math.round(n / 100) * 100;
  if (n >= 100) return Math.round(n / 10) * 10;
  return Math.round(n);
}
/** A target that puts `actual` at 40–130 % of it (0 when nothing was held: no plan for that cell). */
function targetFor(actual: number, rng: KeyedRng, people: boolean): number {
  if (actual <= 0) return 0;
  const target = (people ? roundPeople : Math.round)(actual / rng.float(0.5, 1.2));
  return clamp(target, Math.ceil(actual / 1.3), Math.floor(actual / 0.4));
}

export interface TargetDoc {
  _id: string;
  year: number;
  countyCode: string | null;
  venueType: string;
  lectures: number;
  people: number;
  updatedAt: Date;
  updatedBy: Types.ObjectId;
}

/**
 * Yearly targets for every year with lectures and the next one: per county and venue type, set so
 * that what was held is 40–130 % of them; next year's from the yearly average with some growth;
 * and the city's own targets for the current year only, so that both rules of the report show
 * (a set city target, and the sum of the counties' where none is set).
 */
export function planTargets(cells: AttendancePlan['cells'], firstYear: number, now: Date): TargetDoc[] {
  const thisYear = beijingYear(now);
  const targets: TargetDoc[] = [];
  const setOn = (year: number) => new Date(Math.min(now.getTime(), beijingYearStart(year).getTime() - 20 * DAY));
  const push = (year: number, countyCode: string | null, venueType: string, lectures: number, people: number) =>
    targets.push({ _id: outreachTargetId(year, countyCode, venueType), year, countyCode, venueType, lectures, people, updatedAt: setOn(year), updatedBy: DEMO_ORGANIZER_ID });

  for (let year = firstYear; year <= thisYear; year++) {
    for (const county of COUNTIES) {
      for (const type of VENUE_TYPES) {
        const cell = cells.get(cellKey(year, county.code, type)) ?? { lectures: 0, people: 0 };
        const rng = new KeyedRng(`target:${year}:${county.code}:${type}`);
        push(year, county.code, type, targetFor(cell.lectures, rng, false), targetFor(cell.people, rng, true));
      }
    }
  }
  // Next year: the county's yearly average so far, a little higher.
  const years = Math.max(1, thisYear - firstYear + 1);
  for (const county of COUNTIES) {
    for (const type of VENUE_TYPES) {
      let lectures = 0;
      let people = 0;
      for (let year = firstYear; year <= thisYear; year++) {
        const cell = cells.get(cellKey(year, county.code, type));
        lectures += cell?.lectures ?? 0;
        people += cell?.people ?? 0;
      }
      const rng = new KeyedRng(`target:${thisYear + 1}:${county.code}:${type}`);
      const growth = rng.float(1.0, 1.3);
      push(thisYear + 1, county.code, type, lectures > 0 ? Math.max(1, Math.round((lectures / years) * growth)) : 0, roundPeople((people / years) * growth));
    }
  }
  // The city's own targets for this year: the counties' sum and a little more, still within reach.
  for (const type of VENUE_TYPES) {
    let lectures = 0;
    let people = 0;
    for (const county of COUNTIES) {
      const cell = cells.get(cellKey(thisYear, county.code, type));
      lectures += cell?.lectures ?? 0;
      people += cell?.people ?? 0;
    }
    const rng = new KeyedRng(`target:${thisYear}:city:${type}`);
    push(thisYear, null, type, targetFor(lectures, rng, false), targetFor(people, rng, true));
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

interface RawCollection {
  insertMany(docs: any[], options: { ordered: boolean }): Promise<{ insertedCount: number }>;
}

/** Documents per insert command: big enough to be quick, small enough for the engine. */
export const INSERT_CHUNK = 1000;

/**
 * Inserts the documents, skipping those whose `_id` is already there (the unique index refuses
 * them; the rest of the chunk still goes in). Never an upsert: FerretDB 1.24 stalls on bulks of
 * upserts that match existing documents. Returns the number inserted.
 */
export async function insertNew(collection: RawCollection, docs: unknown[], chunk = INSERT_CHUNK): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += chunk) {
    const slice = docs.slice(i, i + chunk);
    try {
      inserted += (await collection.insertMany(slice, { ordered: false })).insertedCount;
    } catch (error) {
      const e = error as { writeErrors?: Array<{ code?: number }> | { code?: number }; result?: { insertedCount?: number }; insertedCount?: number };
      const writeErrors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
      if (!isDuplicateKeyError(error) || writeErrors.some((w) => w.code !== 11000)) throw error;
      inserted += e.result?.insertedCount ?? e.insertedCount ?? slice.length - writeErrors.length;
    }
  }
  return inserted;
}

/**
 * Writes households with the first one (the marker of "this history is complete") strictly last,
 * after every other one was accepted.
 */
export async function insertHouseholds(households: DemoHousehold[]): Promise<number> {
  const [marker, ...rest] = households;
  return (await insertNew(UserModel.collection, rest)) + (marker ? await insertNew(UserModel.collection, [marker]) : 0);
}

export interface AttendanceCounts {
  bookings: number;
  seatClaims: number;
  checkIns: number;
  feedback: number;
}

/** Writes the docs of the given lectures; bookings last, so a crash before them leaves the lectures "without bookings" and the next run completes them. */
export async function insertAttendance(docs: AttendanceDocs[]): Promise<AttendanceCounts & { outbox: number }> {
  const all = (key: keyof AttendanceDocs): unknown[] => docs.flatMap((d) => d[key] as unknown[]);
  const seatClaims = await insertNew(SeatClaimModel.collection, all('seatClaims'));
  const checkIns = await insertNew(CheckInModel.collection, all('checkIns'));
  const feedback = await insertNew(FeedbackModel.collection, all('feedback'));
  const outbox = await insertNew(OutboxModel.collection, all('outbox'));
  const bookings = await insertNew(BookingModel.collection, all('bookings'));
  return { bookings, seatClaims, checkIns, feedback, outbox };
}

/** The lectures (hex ids) that have at least one booking, from one read of the bookings. */
export async function lecturesWithBookings(): Promise<Set<string>> {
  const rows = await BookingModel.collection.find({}, { projection: { _id: 0, lectureId: 1 } }).toArray();
  return new Set(rows.map((row) => String(row.lectureId)));
}

const LECTURE_FIELDS = { startsAt: 1, endsAt: 1, capacity: 1, maxPartySize: 1, status: 1, countyCode: 1, venueType: 1, lecturerId: 1, createdAt: 1 } as const;

/** The stored lectures among `ids`, with what planning needs. */
export async function loadLectures(ids: Types.ObjectId[]): Promise<AttendanceLecture[]> {
  const wanted = new Set(ids.map((id) => id.toHexString()));
  const rows = await LectureModel.collection.find({}, { projection: LECTURE_FIELDS }).toArray();
  return rows.filter((row) => wanted.has(String(row._id))) as unknown as AttendanceLecture[];
}

export interface AttendanceReport extends AttendanceCounts {
  households: number;
  targets: number;
  /** Lecture outcomes rebuilt for the report. */
  outcomes: number;
  /** Documents written by this run (the counts above are of this run too). */
  inserted: number;
}

const NOTHING: AttendanceReport = { households: 0, bookings: 0, seatClaims: 0, checkIns: 0, feedback: 0, targets: 0, outcomes: 0, inserted: 0 };

/**
 * Seeds the history of the demo lectures `lectureIds` (those stored): lecturer and organizer
 * accounts, attendance of every lecture that has no booking yet, targets, the lecture outcomes the
 * report reads, and last the demo households. The first household's presence therefore means "done"
 * (crash or not, everything else was written before it): then this costs one lookup by `_id`, the
 * only filter the engine answers without decoding a whole collection.
 */
export async function seedDemoAttendance(lectureIds: Types.ObjectId[], now = new Date()): Promise<AttendanceReport> {
  if (await UserModel.exists({ _id: FIRST_HOUSEHOLD_ID })) return { ...NOTHING };
  const lectures = await loadLectures(lectureIds);
  const households = buildHouseholds(0);
  const plan = planAttendance(lectures, (lecture) => households.get(lecture.countyCode) ?? [], now);

  // A lecture with any booking keeps what it has (real households may hold its seats).
  const booked = plan.byLecture.size > 0 ? await lecturesWithBookings() : new Set<string>();
  const todo = [...plan.byLecture].filter(([hex]) => !booked.has(hex)).map(([, docs]) => docs);
  const counts = await insertAttendance(todo);

  const firstYear = Math.min(beijingYear(now), ...lectures.map((l) => beijingYear(l.startsAt)));
  const targets = await insertNew(OutreachTargetModel.collection, planTargets(plan.cells, firstYear, now));

  const lecturerIds = new Set(lectures.map((l) => l.lecturerId.toHexString()));
  const lecturers = (await LecturerModel.collection.find({}, { projection: { name: 1, countyCode: 1 } }).toArray())
    .filter((l) => lecturerIds.has(String(l._id))) as unknown as Array<{ _id: Types.ObjectId; name: string; countyCode?: string }>;
  const staff = await insertNew(UserModel.collection, staffAccounts(lecturers));

  const written = counts.bookings + counts.seatClaims + counts.checkIns + counts.feedback;
  const outcomes = await rebuildOutcomes(lectures.map((l) => l._id)); // also when nothing was written: a seed that crashed before this line heals
  const householdsInserted = await insertHouseholds([...households.values()].flat());

  return {
    households: householdsInserted,
    bookings: counts.bookings,
    seatClaims: counts.seatClaims,
    checkIns: counts.checkIns,
    feedback: counts.feedback,
    targets,
    outcomes,
    inserted: written + counts.outbox + targets + staff + householdsInserted,
  };
}
