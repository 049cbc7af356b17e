/**
 * One world and ONE valid request per mutation, shared by the authorization table
 * (tests/server/authorization-table.test.ts: every caller, the gate's decision) and the mutation
 * fuzzer (tests/server/fuzz-mutations.test.ts: poisons this request). A new mutation needs a row in
 * TABLE (tests/helpers/authorization-table.ts) and a builder in VALID_REQUESTS; both files fail
 * until it has them.
 *
 * A builder returns the mutation's variables for `caller`, with every optional field filled (more
 * positions for the fuzzer to poison). Where one caller's success would change the next caller's
 * outcome (a course approved once is no longer in review) it makes fresh scenery each time.
 */
import mongoose, { Types } from 'mongoose';
import { BOOK, newKey } from './booking';
import { courseDraft, courseInReview, insertVenue, lectureProposal, proposedLecture, publishedCourse, publishedLecture, SAVE_COURSE } from './content';
import { signInAs, type SignedIn } from './roles';
import type { TestServer } from './server';
import { beijingYearNow } from './venues';
import { COUNTY, OTHER_COUNTY, type Caller, type SignedInCaller } from './authorization-table';

const HOUR = 3600 * 1000;

export type Kind = 'lecture' | 'course' | 'venue' | 'booking' | 'user' | 'chapter' | 'lecturer' | 'county';

export interface ApiWorld {
  server: TestServer;
  who: Record<SignedInCaller, SignedIn>;
  /** A lecturer who is none of the callers: hosts the lectures callers attend (submitFeedback). */
  host: SignedIn;
  venueId: string;
  proposedLectureId: string;
  /** Published, door open (starts within the hour), booked by the parent. */
  doorOpenLectureId: string;
  parentBookingId: string;
  draftCourseId: string;
  publishedCourseId: string;
  chapterId: string;
  certificateId: string;
  /** Every id the world and the builders made, by kind (the fuzzer's "wrong kind of id"). */
  ids: Record<Kind, string[]>;
  /** A GraphQL call that must succeed. */
  gql(query: string, variables: Record<string, unknown>, token?: string): Promise<any>;
  /** Signs the caller in (again: signOutEverywhere ends its sessions). */
  signIn(caller: SignedInCaller): Promise<SignedIn>;
}

const ROLES: Record<SignedInCaller, ['PARENT' | 'LECTURER' | 'ORGANIZER' | 'ADMIN', string?]> = {
  parent: ['PARENT'],
  owner: ['LECTURER', COUNTY],
  otherLecturer: ['LECTURER', COUNTY],
  countyOrganizer: ['ORGANIZER', COUNTY],
  otherCountyOrganizer: ['ORGANIZER', OTHER_COUNTY],
  cityOrganizer: ['ORGANIZER'],
  admin: ['ADMIN'],
};

/** The callers of the table and the scenery every builder points into. Counties must be in the database. */
export async function buildApiWorld(server: TestServer, prefix: string): Promise<ApiWorld> {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const body = await server.graphql(query, variables, token);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const signIn = (caller: SignedInCaller) => {
    const [role, countyCode] = ROLES[caller];
    return signInAs(server.url, `${prefix}-${caller}`, role, countyCode ? { countyCode } : {});
  };
  const who = {} as Record<SignedInCaller, SignedIn>;
  for (const caller of Object.keys(ROLES) as SignedInCaller[]) who[caller] = await signIn(caller);
  const host = await signInAs(server.url, `${prefix}-host`, 'LECTURER', { countyCode: COUNTY });

  const venueId = await insertVenue(COUNTY);
  const proposedLectureId = await proposedLecture(server.url, who.owner.token, venueId, 7 * 24 * HOUR);
  const doorOpenLectureId = await publishedLecture(server.url, who.owner.token, who.cityOrganizer.token, venueId, HOUR);
  const parentBookingId = (await gql(BOOK, { input: { lectureId: doorOpenLectureId, partySize: 1, idempotencyKey: newKey() } }, who.parent.token)).bookLecture.id;
  const draftCourseId = (await gql(SAVE_COURSE, { input: courseDraft() }, who.owner.token)).saveCourseDraft.id;
  // A course without lectures: studying every chapter earns the parent a certificate.
  const publishedCourseId = await publishedCourse(server.url, who.owner.token, who.cityOrganizer.token);
  const chapters = (await gql(`query($id: ID!) { course(id: $id) { chapters { id } } }`, { id: publishedCourseId })).course.chapters as Array<{ id: string }>;
  for (const chapter of chapters) {
    await gql(
      `mutation($input: ChapterProgressInput!) { saveChapterProgress(input: $input) { completed } }`,
      { input: { courseId: publishedCourseId, chapterId: chapter.id, positionSeconds: 0, completed: true } },
      who.parent.token,
    );
  }
  const certificateId = (await gql(`{ myCertificates { id } }`, {}, who.parent.token)).myCertificates[0].id;

  return {
    server,
    who,
    host,
    venueId,
    proposedLectureId,
    doorOpenLectureId,
    parentBookingId,
    draftCourseId,
    publishedCourseId,
    chapterId: chapters[0].id,
    certificateId,
    ids: {
      lecture: [proposedLectureId, doorOpenLectureId],
      course: [draftCourseId, publishedCourseId],
      venue: [venueId],
      booking: [parentBookingId],
      user: [...Object.values(who).map((w) => w.userId), host.userId],
      chapter: chapters.map((c) => c.id),
      lecturer: [who.owner.lecturerId!, who.otherLecturer.lecturerId!, host.lecturerId!],
      county: [COUNTY, OTHER_COUNTY],
    },
    gql,
    signIn,
  };
}

// ---------------------------------------------------------------- fresh scenery

const remember = <T extends string>(world: ApiWorld, kind: Kind, id: T): T => {
  world.ids[kind].push(id);
  return id;
};

/** A published lecture of the owner, door open, with a fresh household booked and not yet come. */
async function householdAtDoor(world: ApiWorld) {
  const { server, who } = world;
  const lectureId = remember(world, 'lecture', await publishedLecture(server.url, who.owner.token, who.cityOrganizer.token, world.venueId, HOUR));
  const household = await signInAs(server.url, `household-${newKey()}`, 'PARENT');
  const bookingId = remember(world, 'booking', (await world.gql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, household.token)).bookLecture.id as string);
  const code = (await world.gql(`query($id: ID!) { booking(id: $id) { ticket { code } } }`, { id: bookingId }, household.token)).booking.ticket.code as string;
  return { lectureId, bookingId, code };
}

/** A published lecture of `host`, door open, that the caller booked and was checked in at. */
async function attendedBy(world: ApiWorld, caller: SignedInCaller): Promise<string> {
  const { server, who, host } = world;
  const lectureId = remember(world, 'lecture', await publishedLecture(server.url, host.token, who.cityOrganizer.token, world.venueId, HOUR));
  const booked = await world.gql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, who[caller].token);
  await world.gql(`mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }`, { input: { lectureId, bookingId: booked.bookLecture.id } }, host.token);
  return lectureId;
}

const freshVenue = async (world: ApiWorld) => remember(world, 'venue', await insertVenue(COUNTY));
const freshProposal = async (world: ApiWorld) => remember(world, 'lecture', await proposedLecture(world.server.url, world.who.owner.token, world.venueId, 7 * 24 * HOUR));
const freshCourseInReview = async (world: ApiWorld) => remember(world, 'course', await courseInReview(world.server.url, world.who.owner.token));
const freshDraft = async (world: ApiWorld) => remember(world, 'course', (await world.gql(SAVE_COURSE, { input: courseDraft() }, world.who.owner.token)).saveCourseDraft.id as string);

const venueInput = (name = '新建的村民文化礼堂') => ({
  name, type: 'VILLAGE', countyCode: COUNTY, address: '大横镇中心路 2 号', isPracticeBase: false,
  township: '大横镇', contactName: '李主任', contactPhone: '13800138000', latitude: 26.6, longitude: 118.1,
});

type Variables = Record<string, unknown>;

/**
 * A request per mutation that reaches past its gate for the callers the table lets through, and
 * that a caller who passes would have taken: the fuzzer's poisons are then the only thing wrong.
 */
export const VALID_REQUESTS: Record<string, (world: ApiWorld, caller: Caller) => Promise<Variables> | Variables> = {
  approveCourse: async (w) => ({ id: await freshCourseInReview(w), note: '内容扎实' }),
  approveLecture: async (w) => ({ id: await freshProposal(w), note: '同意' }),
  archiveCourse: async (w) => ({ id: remember(w, 'course', await publishedCourse(w.server.url, w.who.owner.token, w.who.cityOrganizer.token)) }),
  assignCheckInStaff: (w) => ({ lectureId: w.proposedLectureId, userId: w.who.parent.userId }),
  bookLecture: (w) => ({ input: { lectureId: w.doorOpenLectureId, partySize: 1, idempotencyKey: newKey() } }),
  cancelBooking: async (w) => {
    const lectureId = remember(w, 'lecture', await publishedLecture(w.server.url, w.host.token, w.who.cityOrganizer.token, w.venueId, 7 * 24 * HOUR));
    return { id: remember(w, 'booking', (await w.gql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, w.who.parent.token)).bookLecture.id as string) };
  },
  cancelLecture: async (w) => ({
    id: remember(w, 'lecture', await publishedLecture(w.server.url, w.who.owner.token, w.who.cityOrganizer.token, w.venueId, 7 * 24 * HOUR)),
    reason: '场地临时维修',
  }),
  checkIn: async (w) => {
    const { lectureId, code } = await householdAtDoor(w);
    return { input: { lectureId, code, partyPresent: 1 } };
  },
  createVenue: () => ({ input: venueInput() }),
  deleteVenue: async (w) => ({ id: await freshVenue(w) }),
  messageHouseholds: (w) => ({ lectureId: w.doorOpenLectureId, text: '请带好入场券', idempotencyKey: newKey() }),
  // A lecture may name one of the lecturer's own courses (the world's course is the owner's).
  proposeLecture: (w, caller) => ({ input: { ...lectureProposal(w.venueId, 5 * 24 * HOUR), ...(caller === 'owner' ? { courseId: w.publishedCourseId } : {}) } }),
  recordWalkIn: (w) => ({ input: { lectureId: w.doorOpenLectureId, partySize: 2, clientScanId: newKey(), note: '王奶奶带孙子' } }),
  refreshSession: () => ({}),
  rejectCourse: async (w) => ({ id: await freshCourseInReview(w), reason: '请补充案例' }),
  rejectLecture: async (w) => ({ id: await freshProposal(w), reason: '时间冲突' }),
  removeCheckInStaff: (w) => ({ lectureId: w.proposedLectureId, userId: w.who.parent.userId }),
  restoreVenue: async (w) => {
    const id = await freshVenue(w);
    await mongoose.connection.db!.collection('venues').updateOne({ _id: new Types.ObjectId(id) }, { $set: { retired: true } });
    return { id };
  },
  retireVenue: async (w) => ({ id: await freshVenue(w) }),
  saveChapterProgress: (w) => ({ input: { courseId: w.publishedCourseId, chapterId: w.chapterId, positionSeconds: 5, completed: true } }),
  saveCourseDraft: async (w) => ({ input: courseDraft({ id: await freshDraft(w), title: '改过的标题' }) }),
  setCourseFeatured: (w) => ({ id: w.publishedCourseId, featured: true }),
  setOutreachTargets: () => ({ input: { year: beijingYearNow(), countyCode: COUNTY, targets: [{ venueType: 'VILLAGE', lectures: 12, people: 600 }] } }),
  setUserRole: async (w) => ({ userId: remember(w, 'user', (await signInAs(w.server.url, `promoted-${newKey()}`, 'PARENT')).userId), role: 'LECTURER', countyCode: COUNTY }),
  signInForDevelopment: () => ({ openId: `newcomer-${newKey()}`, role: 'PARENT' }),
  signInWithWechat: () => ({ code: `ok:wechat-${newKey()}` }),
  signOutEverywhere: () => ({}),
  submitCourseForReview: async (w) => ({ id: await freshDraft(w) }),
  submitFeedback: async (w, caller) => ({
    input: {
      lectureId: caller === 'anonymous' ? w.doorOpenLectureId : await attendedBy(w, caller),
      rating: 4,
      comment: '很有收获',
      survey: { understood: true, willTryAtHome: true, wantedTopics: ['SAFETY'] },
    },
  }),
  syncCheckIns: async (w) => {
    const { lectureId, code } = await householdAtDoor(w);
    return { scans: [{ clientScanId: newKey(), lectureId, code, scannedAt: new Date().toISOString(), partyPresent: 1 }] };
  },
  updateLecture: (w) => ({ id: w.proposedLectureId, input: { title: '改过标题的讲座', capacity: 50 } }),
  // Only a household chooses its county here; staff are moved by setUserRole (FORBIDDEN naming input.countyCode).
  updateProfile: (_w, caller) => ({
    input: { displayName: '王奶奶', phone: '13800138000', guardianKind: 'GRANDPARENT', childrenAgeGroups: ['PRIMARY'], ...(caller === 'parent' ? { countyCode: COUNTY } : {}) },
  }),
  updateVenue: async (w) => ({ id: await freshVenue(w), input: venueInput('改名的礼堂') }),
};

