/**
 * Every mutation of issue 4, tried by every kind of caller, against the expected allow/deny.
 * "allow" means the call succeeds; "deny" means FORBIDDEN (signed in, wrong person) or
 * UNAUTHENTICATED (signed out), and that the call changed nothing the next caller could see:
 * each call gets fresh scenery, so one caller's success never decides another's outcome.
 * The decision for every field of the API is the table in tests/helpers/authorization-table.ts
 * (tests/server/authorization-table.test.ts); these rows add, for issue 4's mutations, what an
 * allowed call returns and that a refused one wrote nothing.
 */
import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { BOOK, newKey } from '../helpers/booking';
import { courseInReview, insertVenue, proposedLecture, publishedCourse, publishedLecture, SAVE_COURSE, courseDraft } from '../helpers/content';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';
import { insertCounties } from '../helpers/venues';
import { CALLERS, COUNTY, OTHER_COUNTY, type Caller, type SignedInCaller } from '../helpers/authorization-table';
import { databaseDump } from '../helpers/db-snapshot';

const HOUR = 3600 * 1000;

let server: TestServer;
let who: Record<SignedInCaller, SignedIn>;
let venueId: string;
const token = (caller: Caller) => (caller === 'anonymous' ? undefined : who[caller].token);

beforeAll(async () => {
  server = await startTestServer({ label: 'authz', seed: false });
  who = {
    parent: await signInAs(server.url, 'authz-parent', 'PARENT'),
    owner: await signInAs(server.url, 'authz-owner', 'LECTURER', { countyCode: COUNTY }),
    otherLecturer: await signInAs(server.url, 'authz-other-lecturer', 'LECTURER', { countyCode: COUNTY }),
    countyOrganizer: await signInAs(server.url, 'authz-county', 'ORGANIZER', { countyCode: COUNTY }),
    otherCountyOrganizer: await signInAs(server.url, 'authz-other-county', 'ORGANIZER', { countyCode: OTHER_COUNTY }),
    cityOrganizer: await signInAs(server.url, 'authz-city', 'ORGANIZER'),
    admin: await signInAs(server.url, 'authz-admin', 'ADMIN'),
  };
  venueId = await insertVenue(COUNTY);
  await insertCounties();
});
afterAll(() => server.close());

/** Scenery made fresh for each call, by the owner lecturer unless said otherwise. */
const scenery = {
  draftCourse: async () => (await server.graphql(SAVE_COURSE, { input: courseDraft() }, who.owner.token)).data.saveCourseDraft.id as string,
  courseInReview: () => courseInReview(server.url, who.owner.token),
  publishedCourse: () => publishedCourse(server.url, who.owner.token, who.cityOrganizer.token),
  proposedLecture: () => proposedLecture(server.url, who.owner.token, venueId, 7 * 24 * HOUR),
  /** Published, starting within the hour (door open), with one confirmed household. */
  lectureWithHousehold: async () => {
    const lectureId = await publishedLecture(server.url, who.owner.token, who.cityOrganizer.token, venueId, HOUR);
    const household = await signInAs(server.url, `authz-household-${newKey()}`, 'PARENT');
    const booked = await server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, household.token);
    const ticket = await server.graphql(`query($id: ID!) { booking(id: $id) { ticket { code } } }`, { id: booked.data.bookLecture.id }, household.token);
    return { lectureId, bookingId: booked.data.bookLecture.id as string, code: ticket.data.booking.ticket.code as string, household };
  },
};

interface Row {
  mutation: string;
  allowed: Caller[];
  /** Makes the scenery and returns the request; `check` reads an allowed call's outcome. */
  request: (caller: Caller) => Promise<{ query: string; variables: Record<string, unknown>; check?: (data: any) => void }>;
}

const ORGANIZERS: Caller[] = ['countyOrganizer', 'cityOrganizer', 'admin'];
const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');

const TABLE: Row[] = [
  {
    mutation: 'saveCourseDraft (editing a course)',
    allowed: ['owner'],
    request: async () => ({
      query: `mutation($input: CourseDraftInput!) { saveCourseDraft(input: $input) { id title } }`,
      variables: { input: courseDraft({ id: await scenery.draftCourse(), title: '改过的标题' }) },
      check: (data) => expect(data.saveCourseDraft.title).toBe('改过的标题'),
    }),
  },
  {
    mutation: 'saveCourseDraft (a new course)',
    allowed: ['owner', 'otherLecturer'],
    request: async () => ({ query: `mutation($input: CourseDraftInput!) { saveCourseDraft(input: $input) { id status } }`, variables: { input: courseDraft() } }),
  },
  {
    mutation: 'submitCourseForReview',
    allowed: ['owner'],
    request: async () => ({ query: `mutation($id: ID!) { submitCourseForReview(id: $id) { status } }`, variables: { id: await scenery.draftCourse() } }),
  },
  {
    mutation: 'archiveCourse',
    allowed: ['owner', ...ORGANIZERS],
    request: async () => ({ query: `mutation($id: ID!) { archiveCourse(id: $id) { status } }`, variables: { id: await scenery.publishedCourse() } }),
  },
  {
    mutation: 'approveCourse',
    allowed: ORGANIZERS,
    request: async () => ({
      query: `mutation($id: ID!) { approveCourse(id: $id) { status } }`,
      variables: { id: await scenery.courseInReview() },
      check: (data) => expect(data.approveCourse.status).toBe('PUBLISHED'),
    }),
  },
  {
    mutation: 'rejectCourse',
    allowed: ORGANIZERS,
    request: async () => ({ query: `mutation($id: ID!) { rejectCourse(id: $id, reason: "请补充案例") { status } }`, variables: { id: await scenery.courseInReview() } }),
  },
  {
    mutation: 'setCourseFeatured',
    allowed: ORGANIZERS,
    request: async () => ({ query: `mutation($id: ID!) { setCourseFeatured(id: $id, featured: true) { featured } }`, variables: { id: await scenery.publishedCourse() } }),
  },
  {
    mutation: 'saveChapterProgress',
    allowed: SIGNED_IN,
    request: async () => {
      const id = await scenery.publishedCourse();
      const course = await server.graphql(`query($id: ID!) { course(id: $id) { chapters { id } } }`, { id });
      return {
        query: `mutation($input: ChapterProgressInput!) { saveChapterProgress(input: $input) { completedChapters } }`,
        variables: { input: { courseId: id, chapterId: course.data.course.chapters[0].id, positionSeconds: 5, completed: true } },
      };
    },
  },
  {
    mutation: 'proposeLecture',
    allowed: ['owner', 'otherLecturer'],
    request: async () => ({
      query: `mutation($input: LectureProposalInput!) { proposeLecture(input: $input) { status } }`,
      variables: {
        input: {
          title: '新申报的讲座',
          summary: '讲给家长听。',
          venueId,
          startsAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
          endsAt: new Date(Date.now() + 5 * 24 * HOUR + 2 * HOUR).toISOString(),
          capacity: 30,
        },
      },
    }),
  },
  {
    mutation: 'updateLecture',
    allowed: ['owner'],
    request: async () => ({ query: `mutation($id: ID!) { updateLecture(id: $id, input: { title: "改期后的讲座" }) { title } }`, variables: { id: await scenery.proposedLecture() } }),
  },
  {
    mutation: 'cancelLecture',
    allowed: ['owner', ...ORGANIZERS],
    request: async () => ({
      query: `mutation($id: ID!) { cancelLecture(id: $id, reason: "场地临时维修") { status } }`,
      variables: { id: (await scenery.lectureWithHousehold()).lectureId },
      check: (data) => expect(data.cancelLecture.status).toBe('CANCELLED'),
    }),
  },
  {
    mutation: 'approveLecture',
    allowed: ORGANIZERS,
    request: async () => ({ query: `mutation($id: ID!) { approveLecture(id: $id) { status } }`, variables: { id: await scenery.proposedLecture() } }),
  },
  {
    mutation: 'rejectLecture',
    allowed: ORGANIZERS,
    request: async () => ({ query: `mutation($id: ID!) { rejectLecture(id: $id, reason: "时间冲突") { status } }`, variables: { id: await scenery.proposedLecture() } }),
  },
  {
    mutation: 'messageHouseholds',
    allowed: ['owner'],
    request: async () => ({
      query: `mutation($id: ID!, $key: String!) { messageHouseholds(lectureId: $id, text: "请带好入场券", idempotencyKey: $key) { recipients } }`,
      variables: { id: (await scenery.lectureWithHousehold()).lectureId, key: newKey() },
      check: (data) => expect(data.messageHouseholds.recipients).toBe(1),
    }),
  },
  {
    mutation: 'assignCheckInStaff',
    allowed: ['owner'],
    request: async () => ({
      query: `mutation($id: ID!, $userId: ID!) { assignCheckInStaff(lectureId: $id, userId: $userId) { id } }`,
      variables: { id: await scenery.proposedLecture(), userId: who.parent.userId },
    }),
  },
  {
    mutation: 'removeCheckInStaff',
    allowed: ['owner'],
    request: async () => ({
      query: `mutation($id: ID!, $userId: ID!) { removeCheckInStaff(lectureId: $id, userId: $userId) { id } }`,
      variables: { id: await scenery.proposedLecture(), userId: who.parent.userId },
    }),
  },
  {
    mutation: 'checkIn',
    allowed: ['owner', ...ORGANIZERS],
    request: async () => {
      const { lectureId, code } = await scenery.lectureWithHousehold();
      return {
        query: `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }`,
        variables: { input: { lectureId, code } },
        check: (data) => expect(data.checkIn.outcome).toBe('CHECKED_IN'),
      };
    },
  },
  {
    mutation: 'recordWalkIn',
    allowed: ['owner', ...ORGANIZERS],
    request: async () => ({
      query: `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome } }`,
      variables: { input: { lectureId: (await scenery.lectureWithHousehold()).lectureId, partySize: 2, clientScanId: newKey() } },
    }),
  },
  {
    mutation: 'createVenue',
    allowed: ORGANIZERS,
    request: async () => ({
      query: `mutation($input: VenueInput!) { createVenue(input: $input) { id county { code } } }`,
      variables: { input: { name: '新建的村民文化礼堂', type: 'VILLAGE', countyCode: COUNTY, address: '大横镇中心路 2 号', isPracticeBase: false } },
      check: (data) => expect(data.createVenue.county.code).toBe(COUNTY),
    }),
  },
  {
    mutation: 'updateVenue',
    allowed: ORGANIZERS,
    request: async () => ({
      query: `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { name } }`,
      variables: { id: await insertVenue(COUNTY), input: { name: '改名的礼堂', type: 'VILLAGE', countyCode: COUNTY, address: '大横镇中心路 1 号', isPracticeBase: false } },
      check: (data) => expect(data.updateVenue.name).toBe('改名的礼堂'),
    }),
  },
  {
    mutation: 'deleteVenue',
    allowed: ORGANIZERS,
    request: async () => {
      const id = await insertVenue(COUNTY);
      return { query: `mutation($id: ID!) { deleteVenue(id: $id) }`, variables: { id }, check: (data) => expect(data.deleteVenue).toBe(id) };
    },
  },
  {
    mutation: 'retireVenue',
    allowed: ORGANIZERS,
    request: async () => ({
      query: `mutation($id: ID!) { retireVenue(id: $id) { retired } }`,
      variables: { id: await insertVenue(COUNTY) },
      check: (data) => expect(data.retireVenue.retired).toBe(true),
    }),
  },
  {
    mutation: 'restoreVenue',
    allowed: ORGANIZERS,
    request: async () => {
      const id = await insertVenue(COUNTY);
      await mongoose.connection.db!.collection('venues').updateOne({ _id: new Types.ObjectId(id) }, { $set: { retired: true } });
      return { query: `mutation($id: ID!) { restoreVenue(id: $id) { retired } }`, variables: { id }, check: (data) => expect(data.restoreVenue.retired).toBe(false) };
    },
  },
  {
    mutation: 'setOutreachTargets (the county organizer’s own county)',
    allowed: ['cityOrganizer', 'admin'],
    request: async () => ({
      query: `mutation($input: SetOutreachTargetsInput!) { setOutreachTargets(input: $input) { venueType lectures } }`,
      variables: { input: { year: 2024, countyCode: COUNTY, targets: [{ venueType: 'VILLAGE', lectures: 12, people: 600 }] } },
      check: (data) => expect(data.setOutreachTargets).toEqual([{ venueType: 'VILLAGE', lectures: 12 }]),
    }),
  },
  {
    mutation: 'submitFeedback (a lecture the caller did not attend)',
    allowed: [],
    request: async () => ({
      query: `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { rating } }`,
      variables: { input: { lectureId: (await scenery.lectureWithHousehold()).lectureId, rating: 4 } },
    }),
  },
];

describe.each(TABLE)('$mutation', (row) => {
  it.each(CALLERS)('by %s', async (caller) => {
    const { query, variables, check } = await row.request(caller);
    const allowed = row.allowed.includes(caller);
    const before = allowed ? '' : await databaseDump();
    const body = await server.graphql(query, variables, token(caller));
    if (allowed) {
      expect(body.errors).toBeUndefined();
      check?.(body.data);
    } else {
      expect(body.errors?.[0]?.extensions?.code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await databaseDump()).toBe(before);
    }
  });
});

// syncCheckIns never fails a batch for one scan: a scan the caller may not make is a REJECTED
// result with errorCode FORBIDDEN, and nothing is recorded.
describe('syncCheckIns', () => {
  const allowed: Caller[] = ['owner', ...ORGANIZERS];
  it.each(CALLERS)('by %s', async (caller) => {
    const { lectureId, code } = await scenery.lectureWithHousehold();
    const body = await server.graphql(
      `mutation($scans: [OfflineScanInput!]!) { syncCheckIns(scans: $scans) { outcome errorCode } }`,
      { scans: [{ clientScanId: newKey(), lectureId, code, scannedAt: new Date().toISOString() }] },
      token(caller),
    );
    const arrivals = await mongoose.connection.db!.collection('checkins').countDocuments({ lectureId: new Types.ObjectId(lectureId) });
    if (caller === 'anonymous') {
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } else if (allowed.includes(caller)) {
      expect(body.data.syncCheckIns).toEqual([{ outcome: 'CHECKED_IN', errorCode: null }]);
    } else {
      expect(body.data.syncCheckIns).toEqual([{ outcome: 'REJECTED', errorCode: 'FORBIDDEN' }]);
    }
    expect(arrivals).toBe(allowed.includes(caller) ? 1 : 0);
  });
});

it('an attendee may give feedback once', async () => {
  const { lectureId, code, household } = await scenery.lectureWithHousehold();
  await server.graphql(`mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }`, { input: { lectureId, code } }, who.owner.token);
  const FEEDBACK = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { rating } }`;
  expect((await server.graphql(FEEDBACK, { input: { lectureId, rating: 4 } }, household.token)).data.submitFeedback.rating).toBe(4);
  expect((await server.graphql(FEEDBACK, { input: { lectureId, rating: 5 } }, household.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
});
