import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { reconcileLecture } from '../../server/src/modules/booking/booking.reconciler';
import { LectureModel, type LectureDoc } from '../../server/src/modules/lecture/lecture.model';
import { decideOnce, ReviewSubject, ReviewVerdict } from '../../server/src/modules/review/review.service';
import { LectureStatus } from '../../server/src/modules/lecture/lecture-status';
import { BOOK, CANCEL, insertLecture, newKey } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const COUNTY = '350702'; // 延平区
const OTHER_COUNTY = '350781'; // 邵武市

const LECTURE_FIELDS = `id title summary status startsAt endsAt capacity maxPartySize audienceAgeGroups campaignTag
  rejectionReason cancellationReason canManage proposalRevision venue { id type }
  reviewHistory { subjectType revision verdict reason reviewerName }`;
const PROPOSE = `mutation($input: LectureProposalInput!) { proposeLecture(input: $input) { ${LECTURE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: LectureUpdateInput!) { updateLecture(id: $id, input: $input) { ${LECTURE_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $note: String) { approveLecture(id: $id, note: $note) { ${LECTURE_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectLecture(id: $id, reason: $reason) { ${LECTURE_FIELDS} } }`;
const CANCEL_LECTURE = `mutation($id: ID!, $reason: String!) { cancelLecture(id: $id, reason: $reason) { id status cancellationReason } }`;
const MESSAGE = `mutation($lectureId: ID!, $text: String!, $key: String!) {
  messageHouseholds(lectureId: $lectureId, text: $text, idempotencyKey: $key) { recipients }
}`;
const ASSIGN = `mutation($lectureId: ID!, $userId: ID!) { assignCheckInStaff(lectureId: $lectureId, userId: $userId) { id } }`;
const REMOVE = `mutation($lectureId: ID!, $userId: ID!) { removeCheckInStaff(lectureId: $lectureId, userId: $userId) { id } }`;
const MY_LECTURES = `query($when: LectureTime!) { myLectures(when: $when) { id status } }`;
const ONE = `query($id: ID!) { lecture(id: $id) { ${LECTURE_FIELDS} seatsLeft } }`;
const SEARCH = `query($search: String!) { lectures(filter: { search: $search }) { edges { node { id } } } }`;

describe('lecture proposals: propose, review, edit, cancel, message', () => {
  let server: TestServer;
  let lecturer: SignedIn;
  let otherLecturer: SignedIn;
  let organizer: SignedIn;
  let otherOrganizer: SignedIn;
  let parent: SignedIn;
  let villageHall: string;
  let school: string;

  const db = () => mongoose.connection.db!;
  const gql = (query: string, variables: Record<string, unknown>, who?: SignedIn) => server.graphql(query, variables, who?.token);
  const lectureDoc = (id: string) => db().collection('lectures').findOne({ _id: new Types.ObjectId(id) });
  const countOf = (collection: string, filter: Record<string, unknown> = {}) => db().collection(collection).countDocuments(filter);

  function expectError(result: GraphQLResponse, code: string, field?: string): void {
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toContain(field);
  }

  let seq = 0;
  /** A valid proposal a week ahead, 90 minutes long, with a title no other test uses. */
  function proposal(overrides: Record<string, unknown> = {}) {
    const startsAt = new Date(Date.now() + 7 * DAY + seq * HOUR);
    seq++;
    return {
      title: `好家风伴成长（${seq}）`,
      summary: '从闽北家训故事谈如何在日常生活中培养孩子的好习惯。',
      venueId: villageHall,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 1.5 * HOUR).toISOString(),
      capacity: 40,
      maxPartySize: 3,
      audienceAgeGroups: ['PRIMARY'],
      campaignTag: '家庭教育宣传周',
      ...overrides,
    };
  }

  async function propose(overrides: Record<string, unknown> = {}, who = lecturer) {
    const result = await gql(PROPOSE, { input: proposal(overrides) }, who);
    expect(result.errors).toBeUndefined();
    return result.data.proposeLecture;
  }

  async function book(lectureId: string, who: SignedIn, partySize = 1) {
    const result = await gql(BOOK, { input: { lectureId, partySize, idempotencyKey: newKey() } }, who);
    expect(result.errors).toBeUndefined();
    return result.data.bookLecture;
  }

  let householdSeq = 0;
  const household = () => signInAs(server.url, `proposal-household-${++householdSeq}`, 'PARENT');

  /** A published lecture of `lecturer` at the village hall, written directly. */
  const publishedLecture = (fields: Record<string, unknown> = {}) =>
    insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), venueId: new Types.ObjectId(villageHall), countyCode: COUNTY, ...fields });

  beforeAll(async () => {
    server = await startTestServer({ label: 'proposals', seed: false });
    const venues = db().collection('venues');
    villageHall = (
      await venues.insertOne({ name: '茫荡镇宝山村家长学校', type: 'VILLAGE', countyCode: COUNTY, address: '宝山村村委会二楼', isPracticeBase: true })
    ).insertedId.toHexString();
    school = (await venues.insertOne({ name: '邵武市实验小学', type: 'SCHOOL', countyCode: OTHER_COUNTY, address: '邵武市熙春路', isPracticeBase: false })).insertedId.toHexString();
    lecturer = await signInAs(server.url, 'proposal-lecturer', 'LECTURER');
    otherLecturer = await signInAs(server.url, 'proposal-other-lecturer', 'LECTURER');
    organizer = await signInAs(server.url, 'proposal-organizer', 'ORGANIZER', { countyCode: COUNTY });
    otherOrganizer = await signInAs(server.url, 'proposal-other-organizer', 'ORGANIZER', { countyCode: OTHER_COUNTY });
    parent = await signInAs(server.url, 'proposal-parent', 'PARENT');
  });
  afterAll(() => server.close());

  it('keeps a proposal out of sight and unbookable until the county organizer approves it', async () => {
    const proposed = await propose();
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      canManage: true,
      campaignTag: '家庭教育宣传周',
      maxPartySize: 3,
      audienceAgeGroups: ['PRIMARY'],
      venue: { id: villageHall, type: 'VILLAGE' },
      reviewHistory: [],
    });
    const stored = await lectureDoc(proposed.id);
    expect(stored).toMatchObject({ status: 'PROPOSED', proposalRevision: 1, venueType: 'VILLAGE', countyCode: COUNTY });
    expect(stored!.proposedAt).toBeInstanceOf(Date);

    // Nobody but its managers sees it: not in the list, not by id.
    const listed = async (who?: SignedIn) => (await gql(SEARCH, { search: proposed.title }, who)).data.lectures.edges.map((e: any) => e.node.id);
    expect(await listed()).toEqual([]);
    expect(await listed(parent)).toEqual([]);
    for (const who of [undefined, parent, otherLecturer, otherOrganizer]) {
      expect((await gql(ONE, { id: proposed.id }, who)).data.lecture).toBeNull();
    }
    expect((await gql(ONE, { id: proposed.id }, organizer)).data.lecture).toMatchObject({ id: proposed.id, canManage: true });
    expect((await gql(ONE, { id: proposed.id }, lecturer)).data.lecture).toMatchObject({ id: proposed.id, canManage: true });

    // Nor can it be booked.
    const early = await gql(BOOK, { input: { lectureId: proposed.id, partySize: 1, idempotencyKey: newKey() } }, parent);
    expectError(early, 'NOT_FOUND');
    expect(await countOf('bookings', { lectureId: new Types.ObjectId(proposed.id) })).toBe(0);

    // Another county's organizer, a parent or the lecturer may not approve it; nothing changes.
    expectError(await gql(APPROVE, { id: proposed.id }, otherOrganizer), 'FORBIDDEN');
    expectError(await gql(APPROVE, { id: proposed.id }, parent), 'FORBIDDEN');
    expectError(await gql(APPROVE, { id: proposed.id }, lecturer), 'FORBIDDEN');
    expectError(await gql(APPROVE, { id: proposed.id }), 'UNAUTHENTICATED');
    expect((await lectureDoc(proposed.id))!.status).toBe('PROPOSED');
    expect(await countOf('review_decisions', { subjectId: new Types.ObjectId(proposed.id) })).toBe(0);
    expect(await countOf('outbox', { kind: 'REVIEW_RESULT', _id: { $regex: proposed.id } })).toBe(0);

    const approved = (await gql(APPROVE, { id: proposed.id, note: '内容贴近农村家长' }, organizer)).data.approveLecture;
    expect(approved).toMatchObject({
      status: 'PUBLISHED',
      reviewHistory: [{ subjectType: 'LECTURE', revision: 1, verdict: 'APPROVED', reason: '内容贴近农村家长' }],
    });
    const notice = await db().collection('outbox').findOne({ kind: 'REVIEW_RESULT', userId: new Types.ObjectId(lecturer.userId) });
    expect(notice).toMatchObject({ page: `packages/lecturer/lecture?id=${proposed.id}`, state: 'PENDING' });
    expect(notice!.data.thing1).toBe(proposed.title);

    // Decided once: a second approval is a conflict, the trail keeps one decision.
    expectError(await gql(APPROVE, { id: proposed.id }, organizer), 'CONFLICT');
    expectError(await gql(REJECT, { id: proposed.id, reason: '重复' }, organizer), 'CONFLICT');
    expect(await countOf('review_decisions', { subjectId: new Types.ObjectId(proposed.id) })).toBe(1);

    expect(await listed()).toEqual([proposed.id]);
    const publicView = (await gql(ONE, { id: proposed.id }, parent)).data.lecture;
    expect(publicView).toMatchObject({ status: 'PUBLISHED', canManage: false, reviewHistory: [], seatsLeft: 40 });
    expect((await book(proposed.id, parent, 2)).status).toBe('CONFIRMED');
  });

  it('lets a city organizer or an admin approve in any county', async () => {
    const admin = await signInAs(server.url, 'proposal-admin', 'ADMIN');
    const city = await signInAs(server.url, 'proposal-city-organizer', 'ORGANIZER');
    const inOtherCounty = await propose({ venueId: school });
    expect((await gql(APPROVE, { id: inOtherCounty.id }, city)).data.approveLecture.status).toBe('PUBLISHED');
    const another = await propose({ venueId: school });
    expect((await gql(APPROVE, { id: another.id }, admin)).data.approveLecture.status).toBe('PUBLISHED');
  });

  it('sends a rejected proposal back to review as a new revision once the lecturer edits it', async () => {
    const proposed = await propose();
    expectError(await gql(REJECT, { id: proposed.id, reason: '   ' }, organizer), 'BAD_USER_INPUT', 'reason');
    expectError(await gql(REJECT, { id: proposed.id, reason: '太'.repeat(201) }, organizer), 'BAD_USER_INPUT', 'reason');
    expectError(await gql(REJECT, { id: proposed.id, reason: '时间冲突' }, otherOrganizer), 'FORBIDDEN');
    expect((await lectureDoc(proposed.id))!.status).toBe('PROPOSED');

    const rejected = (await gql(REJECT, { id: proposed.id, reason: '与期中考试时间冲突，请改期' }, organizer)).data.rejectLecture;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '与期中考试时间冲突，请改期' });
    expect((await gql(ONE, { id: proposed.id }, parent)).data.lecture).toBeNull();
    const told = await db().collection('outbox').findOne({ _id: `REVIEW_RESULT:LECTURE:${proposed.id}:1` as never });
    expect(told).toMatchObject({ userId: new Types.ObjectId(lecturer.userId), page: `packages/lecturer/lecture?id=${proposed.id}` });

    // Only its own lecturer edits it.
    expectError(await gql(UPDATE, { id: proposed.id, input: { title: '别人的讲座' } }, otherLecturer), 'FORBIDDEN');
    expectError(await gql(UPDATE, { id: proposed.id, input: { title: '别人的讲座' } }, parent), 'FORBIDDEN');
    expect((await lectureDoc(proposed.id))!.status).toBe('REJECTED');

    const firstProposedAt = (await lectureDoc(proposed.id))!.proposedAt as Date;
    const startsAt = new Date(Date.now() + 14 * DAY);
    const edited = (
      await gql(
        UPDATE,
        { id: proposed.id, input: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(), venueId: school } },
        lecturer,
      )
    ).data.updateLecture;
    expect(edited).toMatchObject({ status: 'PROPOSED', rejectionReason: null, venue: { id: school, type: 'SCHOOL' } });
    expect(new Date(edited.startsAt).getTime()).toBe(startsAt.getTime());
    const stored = await lectureDoc(proposed.id);
    expect(stored).toMatchObject({ proposalRevision: 2, countyCode: OTHER_COUNTY, venueType: 'SCHOOL' });
    expect((stored!.proposedAt as Date).getTime()).toBeGreaterThan(firstProposedAt.getTime());

    // It moved county, so now the other county decides it; the trail keeps both revisions.
    expectError(await gql(APPROVE, { id: proposed.id }, organizer), 'FORBIDDEN');
    const approved = (await gql(APPROVE, { id: proposed.id }, otherOrganizer)).data.approveLecture;
    expect(approved.status).toBe('PUBLISHED');
    expect(approved.reviewHistory.map((d: any) => [d.revision, d.verdict])).toEqual([
      [1, 'REJECTED'],
      [2, 'APPROVED'],
    ]);
    expect(await countOf('outbox', { kind: 'REVIEW_RESULT', userId: new Types.ObjectId(lecturer.userId), _id: { $regex: proposed.id } })).toBe(2);
  });

  it('finishes applying a decision recorded by a request that crashed before changing the lecture', async () => {
    const proposed = await propose();
    // The decision is on record, but the lecture was never changed.
    await db().collection('review_decisions').insertOne({
      _id: `LECTURE:${proposed.id}:1` as never,
      subjectType: 'LECTURE',
      subjectId: new Types.ObjectId(proposed.id),
      revision: 1,
      verdict: 'APPROVED',
      reviewerId: new Types.ObjectId(),
      reviewerName: '延平区妇联',
      countyCode: COUNTY,
      decidedAt: new Date(),
    });
    expectError(await gql(REJECT, { id: proposed.id, reason: '不合适' }, organizer), 'CONFLICT');
    expect((await lectureDoc(proposed.id))!.status).toBe('PUBLISHED');
  });

  describe('a decision lands only on what the organizer saw', () => {
    const APPROVE_SEEN = `mutation($id: ID!, $revision: Int) { approveLecture(id: $id, revision: $revision) { id status proposalRevision title } }`;
    const REJECT_SEEN = `mutation($id: ID!, $reason: String!, $revision: Int) { rejectLecture(id: $id, reason: $reason, revision: $revision) { id status } }`;

    it('raises the proposal revision with every edit under review, and refuses a decision on an older one', async () => {
      const proposed = await propose();
      expect(proposed.proposalRevision).toBe(1);
      const firstProposedAt = ((await lectureDoc(proposed.id))!.proposedAt as Date).getTime();
      // The organizer opens revision 1; meanwhile the lecturer changes the title, then the summary.
      const seen = (await gql(ONE, { id: proposed.id }, organizer)).data.lecture;
      expect(seen.proposalRevision).toBe(1);
      const retitled = (await gql(UPDATE, { id: proposed.id, input: { title: '换了题目的讲座' } }, lecturer)).data.updateLecture;
      expect(retitled).toMatchObject({ status: 'PROPOSED', proposalRevision: 2 });
      const redescribed = (await gql(UPDATE, { id: proposed.id, input: { summary: '换了内容' } }, lecturer)).data.updateLecture;
      expect(redescribed.proposalRevision).toBe(3);
      // The same form sent again changes nothing, so it is not a new revision.
      expect((await gql(UPDATE, { id: proposed.id, input: { summary: '换了内容', capacity: 40 } }, lecturer)).data.updateLecture.proposalRevision).toBe(3);
      const stored = await lectureDoc(proposed.id);
      expect(stored).toMatchObject({ proposalRevision: 3, status: 'PROPOSED' });
      // It keeps its place in the queue: proposedAt stays the first proposal time.
      expect((stored!.proposedAt as Date).getTime()).toBe(firstProposedAt);

      const stale = await gql(APPROVE_SEEN, { id: proposed.id, revision: seen.proposalRevision }, organizer);
      expectError(stale, 'CONFLICT');
      expect(stale.errors![0].message).toContain('changed since you opened it');
      expectError(await gql(REJECT_SEEN, { id: proposed.id, reason: '不行', revision: 2 }, organizer), 'CONFLICT');
      expect((await lectureDoc(proposed.id))!.status).toBe('PROPOSED');
      expect(await countOf('review_decisions', { subjectId: new Types.ObjectId(proposed.id) })).toBe(0);

      const approved = (await gql(APPROVE_SEEN, { id: proposed.id, revision: 3 }, organizer)).data.approveLecture;
      expect(approved).toMatchObject({ status: 'PUBLISHED', proposalRevision: 3, title: '换了题目的讲座' });
      const decision = await db().collection('review_decisions').findOne({ subjectId: new Types.ObjectId(proposed.id) });
      expect(decision).toMatchObject({ _id: `LECTURE:${proposed.id}:3`, revision: 3, verdict: 'APPROVED' });
    });

    it('checks the county of the lecture as it is when deciding, not as it was opened', async () => {
      const proposed = await propose();
      const seen = (await gql(ONE, { id: proposed.id }, organizer)).data.lecture;
      // Moved to the other county while the first organizer had it open.
      expect((await gql(UPDATE, { id: proposed.id, input: { venueId: school } }, lecturer)).data.updateLecture.proposalRevision).toBe(2);
      expectError(await gql(APPROVE_SEEN, { id: proposed.id, revision: seen.proposalRevision }, organizer), 'FORBIDDEN');
      expectError(await gql(APPROVE_SEEN, { id: proposed.id }, organizer), 'FORBIDDEN');
      expect((await lectureDoc(proposed.id))!.status).toBe('PROPOSED');
      expect((await gql(APPROVE_SEEN, { id: proposed.id, revision: 2 }, otherOrganizer)).data.approveLecture.status).toBe('PUBLISHED');
    });

    it('withdraws a decision that could not be applied because the lecture was edited while it was being decided', async () => {
      const proposed = await propose();
      const opened = (await LectureModel.findById(proposed.id).lean<LectureDoc>())!;
      // The lecturer's edit lands between the organizer reading the lecture and the decision being applied.
      expect((await gql(UPDATE, { id: proposed.id, input: { title: '改过的题目' } }, lecturer)).data.updateLecture.proposalRevision).toBe(2);
      let announced = 0;
      const target = {
        subject: { subjectType: ReviewSubject.LECTURE, subjectId: opened._id, revision: opened.proposalRevision ?? 1, countyCode: opened.countyCode },
        apply: async (decision: { revision: number }) =>
          (await LectureModel.updateOne({ _id: opened._id, status: LectureStatus.PROPOSED, proposalRevision: decision.revision }, { $set: { status: LectureStatus.PUBLISHED } }))
            .matchedCount > 0,
        announce: async () => {
          announced++;
        },
      };
      const viewer = { userId: organizer.userId, role: 'ORGANIZER', countyCode: COUNTY, lecturerId: null } as never;
      await expect(decideOnce(viewer, target, ReviewVerdict.APPROVED, null)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(announced).toBe(0);
      expect((await lectureDoc(proposed.id))).toMatchObject({ status: 'PROPOSED', proposalRevision: 2, title: '改过的题目' });
      // It never took effect, so the trail (and the lecturer's history) does not show it.
      expect(await countOf('review_decisions', { subjectId: new Types.ObjectId(proposed.id) })).toBe(0);
      expect((await gql(ONE, { id: proposed.id }, lecturer)).data.lecture.reviewHistory).toEqual([]);
    });

    it('lets the organizer who recorded a decision retry it and get success, the decision applied once', async () => {
      const proposed = await propose();
      await db().collection('review_decisions').insertOne({
        _id: `LECTURE:${proposed.id}:1` as never,
        subjectType: 'LECTURE',
        subjectId: new Types.ObjectId(proposed.id),
        revision: 1,
        verdict: 'REJECTED',
        reason: '请改期',
        reviewerId: new Types.ObjectId(organizer.userId),
        reviewerName: '延平区妇联',
        countyCode: COUNTY,
        decidedAt: new Date(),
      });
      const retried = await gql(REJECT, { id: proposed.id, reason: '请改期' }, organizer);
      expect(retried.errors).toBeUndefined();
      expect(retried.data.rejectLecture).toMatchObject({ status: 'REJECTED', rejectionReason: '请改期' });
      expect(await countOf('outbox', { _id: `REVIEW_RESULT:LECTURE:${proposed.id}:1` })).toBe(1);
    });
  });

  describe('bad input names its field and writes nothing', () => {
    // One base instant for the whole table: two Date.now() calls a millisecond apart made
    // "an end equal to the start" an end 1 ms after it.
    const base = Date.now() + 7 * DAY;
    const later = (ms: number) => new Date(base + ms).toISOString();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an empty title', { title: '' }, 'input.title'],
      ['a blank title', { title: '   ' }, 'input.title'],
      ['a title of 61 characters', { title: '讲'.repeat(61) }, 'input.title'],
      ['an empty summary', { summary: '' }, 'input.summary'],
      ['a summary of 1001 characters', { summary: '讲'.repeat(1001) }, 'input.summary'],
      ['a start in the past', { startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString() }, 'input.startsAt'],
      ['an end before the start', { startsAt: later(2 * HOUR), endsAt: later(HOUR) }, 'input.endsAt'],
      ['an end equal to the start', { startsAt: later(HOUR), endsAt: later(HOUR) }, 'input.endsAt'],
      ['an end 13 hours after the start', { startsAt: later(0), endsAt: later(13 * HOUR) }, 'input.endsAt'],
      ['no seats', { capacity: 0 }, 'input.capacity'],
      ['2001 seats', { capacity: 2001 }, 'input.capacity'],
      ['a party of 0', { maxPartySize: 0 }, 'input.maxPartySize'],
      ['a party of 11', { maxPartySize: 11 }, 'input.maxPartySize'],
      ['a party larger than the hall', { capacity: 3, maxPartySize: 5 }, 'input.maxPartySize'],
      ['a campaign tag of 21 characters', { campaignTag: '宣'.repeat(21) }, 'input.campaignTag'],
      ['a venue that does not exist', { venueId: new Types.ObjectId().toHexString() }, 'input.venueId'],
      ['a malformed venue id', { venueId: 'hall-1' }, 'input.venueId'],
      ['a course that does not exist', { courseId: new Types.ObjectId().toHexString() }, 'input.courseId'],
      ['an audience listed twice', { audienceAgeGroups: ['PRIMARY', 'PRIMARY'] }, 'input.audienceAgeGroups'],
    ];
    it.each(cases)('refuses %s', async (_what, overrides, field) => {
      const before = await countOf('lectures');
      const result = await gql(PROPOSE, { input: proposal(overrides) }, lecturer);
      expect(result.data).toBeNull();
      expectError(result, 'BAD_USER_INPUT', field);
      expect(result.errors![0].message).toContain(field);
      expect(await countOf('lectures')).toBe(before);
    });

    it("refuses another lecturer's course and links the lecturer's own", async () => {
      const courses = db().collection('courses');
      const theirs = (await courses.insertOne({ lecturerId: new Types.ObjectId(otherLecturer.lecturerId!), featured: false })).insertedId;
      const mine = (await courses.insertOne({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), featured: false })).insertedId;
      const before = await countOf('lectures');
      expectError(await gql(PROPOSE, { input: proposal({ courseId: theirs.toHexString() }) }, lecturer), 'BAD_USER_INPUT', 'input.courseId');
      expect(await countOf('lectures')).toBe(before);
      const linked = await propose({ courseId: mine.toHexString() });
      expect((await lectureDoc(linked.id))!.courseId).toEqual(mine);
    });

    it('names every bad field at once', async () => {
      const result = await gql(PROPOSE, { input: proposal({ startsAt: later(0), endsAt: later(20 * HOUR), venueId: new Types.ObjectId().toHexString() }) }, lecturer);
      expect(result.errors![0].extensions!.fields.map((f: any) => f.field).sort()).toEqual(['input.endsAt', 'input.venueId']);
    });

    it('lets only lecturers propose', async () => {
      const before = await countOf('lectures');
      expectError(await gql(PROPOSE, { input: proposal() }, parent), 'FORBIDDEN');
      expectError(await gql(PROPOSE, { input: proposal() }, organizer), 'FORBIDDEN');
      expectError(await gql(PROPOSE, { input: proposal() }), 'UNAUTHENTICATED');
      expect(await countOf('lectures')).toBe(before);
    });

    it('refuses to move a published lecture in time or place, and bad edits, changing nothing', async () => {
      const lectureId = await publishedLecture();
      const before = await lectureDoc(lectureId);
      const edits: Array<[Record<string, unknown>, string]> = [
        [{ startsAt: later(3 * DAY) }, 'input.startsAt'],
        [{ endsAt: later(3 * DAY) }, 'input.endsAt'],
        [{ venueId: school }, 'input.venueId'],
        [{ courseId: new Types.ObjectId().toHexString() }, 'input.courseId'],
        [{ title: '' }, 'input.title'],
        [{ summary: ' ' }, 'input.summary'],
        [{ capacity: 0 }, 'input.capacity'],
        [{ maxPartySize: 11 }, 'input.maxPartySize'],
        [{ maxPartySize: 10, capacity: 8 }, 'input.maxPartySize'],
        [{ campaignTag: '宣'.repeat(21) }, 'input.campaignTag'],
        [{ title: '新标题', venueId: school }, 'input.venueId'],
        // What review approved stays: a published lecture cannot be re-titled or re-described.
        [{ title: '新标题' }, 'input.title'],
        [{ summary: '换了一个说法的简介' }, 'input.summary'],
        [{ title: '新标题', capacity: 50 }, 'input.title'],
      ];
      for (const [input, field] of edits) {
        expectError(await gql(UPDATE, { id: lectureId, input }, lecturer), 'BAD_USER_INPUT', field);
      }
      const retitled = await gql(UPDATE, { id: lectureId, input: { title: '新标题', summary: '新简介' } }, lecturer);
      expect(retitled.errors![0].extensions!.fields).toEqual([
        { field: 'input.title', messages: ['a published lecture keeps the title and summary that were reviewed'] },
        { field: 'input.summary', messages: ['a published lecture keeps the title and summary that were reviewed'] },
      ]);
      expect(await lectureDoc(lectureId)).toEqual(before);

      // The whole form sent back unchanged is not a change; what households did not plan around may change.
      const same = await gql(
        UPDATE,
        {
          id: lectureId,
          input: { title: ` ${before!.title} `, summary: before!.summary, startsAt: before!.startsAt.toISOString(), venueId: villageHall, capacity: 50, maxPartySize: 2, audienceAgeGroups: ['INFANT'], campaignTag: '开学第一课' },
        },
        lecturer,
      );
      expect(same.errors).toBeUndefined();
      expect(same.data.updateLecture).toMatchObject({ title: before!.title, summary: before!.summary, status: 'PUBLISHED', capacity: 50, maxPartySize: 2, audienceAgeGroups: ['INFANT'], campaignTag: '开学第一课' });
    });

    it('refuses edits to a cancelled or ended lecture with CONFLICT', async () => {
      const cancelled = await publishedLecture({ status: 'CANCELLED' });
      expectError(await gql(UPDATE, { id: cancelled, input: { title: '再来一次' } }, lecturer), 'CONFLICT');
      const ended = await publishedLecture({ startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) });
      expectError(await gql(UPDATE, { id: ended, input: { title: '再来一次' } }, lecturer), 'CONFLICT');
    });
  });

  it('keeps capacity at or above the seats booked, and seats the waiting list when it grows', async () => {
    const lectureId = await publishedLecture({ capacity: 4, maxPartySize: 3 });
    const [a, b, c, d] = await Promise.all([household(), household(), household(), household()]);
    expect((await book(lectureId, a, 3)).status).toBe('CONFIRMED');
    expect((await book(lectureId, b, 1)).status).toBe('CONFIRMED');
    const waitingC = await book(lectureId, c, 2);
    const waitingD = await book(lectureId, d, 1);
    expect([waitingC.status, waitingD.status]).toEqual(['WAITLISTED', 'WAITLISTED']);

    const tooSmall = await gql(UPDATE, { id: lectureId, input: { capacity: 3 } }, lecturer);
    expectError(tooSmall, 'BAD_USER_INPUT', 'input.capacity');
    expect(tooSmall.errors![0].message).toContain('4 seats');
    expect((await lectureDoc(lectureId))!.capacity).toBe(4);
    expect((await gql(UPDATE, { id: lectureId, input: { capacity: 4 } }, lecturer)).errors).toBeUndefined();

    const grown = (await gql(UPDATE, { id: lectureId, input: { capacity: 7 } }, lecturer)).data.updateLecture;
    expect(grown.capacity).toBe(7);
    const statusOf = async (id: string) => (await db().collection('bookings').findOne({ _id: new Types.ObjectId(id) }))!.status;
    expect(await statusOf(waitingC.id)).toBe('CONFIRMED');
    expect(await statusOf(waitingD.id)).toBe('CONFIRMED');
    expect(await countOf('seat_claims', { lectureId: new Types.ObjectId(lectureId) })).toBe(7);
    expect(await countOf('outbox', { kind: 'WAITLIST_PROMOTED', bookingId: new Types.ObjectId(waitingC.id) })).toBe(1);
    expect((await gql(ONE, { id: lectureId }, parent)).data.lecture.seatsLeft).toBe(0);
  });

  it('cancels a lecture with every booking, frees the seats and tells each household once', async () => {
    const lectureId = await publishedLecture({ capacity: 3 });
    const [a, b, c, d] = await Promise.all([household(), household(), household(), household()]);
    const bookingA = await book(lectureId, a, 2);
    const bookingB = await book(lectureId, b, 1);
    const bookingC = await book(lectureId, c, 1); // waiting
    const bookingD = await book(lectureId, d, 1); // waiting, then cancels by itself
    expect(bookingC.status).toBe('WAITLISTED');
    expect((await gql(CANCEL, { id: bookingD.id }, d)).data.cancelBooking.status).toBe('CANCELLED');

    for (const who of [parent, a, otherLecturer, otherOrganizer]) {
      expectError(await gql(CANCEL_LECTURE, { id: lectureId, reason: '天气原因' }, who), 'FORBIDDEN');
    }
    expectError(await gql(CANCEL_LECTURE, { id: lectureId, reason: '天气原因' }), 'UNAUTHENTICATED');
    expectError(await gql(CANCEL_LECTURE, { id: lectureId, reason: ' ' }, lecturer), 'BAD_USER_INPUT', 'reason');
    expectError(await gql(CANCEL_LECTURE, { id: lectureId, reason: '因'.repeat(201) }, lecturer), 'BAD_USER_INPUT', 'reason');
    expect((await lectureDoc(lectureId))!.status).toBe('PUBLISHED');
    expect(await countOf('seat_claims', { lectureId: new Types.ObjectId(lectureId) })).toBe(3);

    const cancelled = (await gql(CANCEL_LECTURE, { id: lectureId, reason: '台风预警，讲座延期' }, lecturer)).data.cancelLecture;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: '台风预警，讲座延期' });
    expect((await lectureDoc(lectureId))!.cancelledAt).toBeInstanceOf(Date);

    const bookings = await db().collection('bookings').find({ lectureId: new Types.ObjectId(lectureId) }).toArray();
    expect(bookings.map((bk) => bk.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await countOf('seat_claims', { lectureId: new Types.ObjectId(lectureId) })).toBe(0);

    const notices = await db().collection('outbox').find({ kind: 'LECTURE_CANCELLED', _id: { $regex: `^LECTURE_CANCELLED:${lectureId}:` } as never }).toArray();
    expect(notices.map((n) => n.userId.toHexString()).sort()).toEqual([a.userId, b.userId, c.userId].sort());
    expect(notices.map((n) => n._id).sort()).toEqual([bookingA, bookingB, bookingC].map((bk) => `LECTURE_CANCELLED:${lectureId}:${bk.id}`).sort());
    expect(notices[0]).toMatchObject({ page: `pages/lecture/index?id=${lectureId}`, state: 'PENDING' });
    expect(notices[0].data.thing4).toBe('台风预警，讲座延期');
    // The confirmation and reminders not yet sent are not sent any more.
    expect(await countOf('outbox', { bookingId: new Types.ObjectId(bookingA.id), state: 'PENDING' })).toBe(0);

    // The household sees why; a second cancellation changes nothing.
    expect((await gql(ONE, { id: lectureId }, a)).data.lecture).toMatchObject({ status: 'CANCELLED', cancellationReason: '台风预警，讲座延期' });
    expectError(await gql(CANCEL_LECTURE, { id: lectureId, reason: '再取消' }, lecturer), 'CONFLICT');
    expect(await countOf('outbox', { kind: 'LECTURE_CANCELLED', _id: { $regex: lectureId } })).toBe(3);
    expectError(await gql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, parent), 'CONFLICT');
  });

  it("lets the county's organizer cancel a lecture, but not one that has started", async () => {
    const lectureId = await publishedLecture();
    expect((await gql(CANCEL_LECTURE, { id: lectureId, reason: '场地检修' }, organizer)).data.cancelLecture.status).toBe('CANCELLED');
    const started = await publishedLecture({ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) });
    expectError(await gql(CANCEL_LECTURE, { id: started, reason: '太晚了' }, lecturer), 'CONFLICT');
    expect((await lectureDoc(started))!.status).toBe('PUBLISHED');
  });

  it('finishes a cancellation interrupted by a crash, once, when the reconciler passes', async () => {
    const lectureId = await publishedLecture({ capacity: 5 });
    const [a, b] = await Promise.all([household(), household()]);
    const bookingA = await book(lectureId, a, 2);
    await book(lectureId, b, 1);
    // The crash: the lecture is marked cancelled, its bookings were not reached.
    await db().collection('lectures').updateOne(
      { _id: new Types.ObjectId(lectureId) },
      { $set: { status: 'CANCELLED', cancellationReason: '主讲老师生病', cancelledAt: new Date() } },
    );
    const reconcile = async () => reconcileLecture((await LectureModel.findById(lectureId).lean<LectureDoc>())!);
    expect((await reconcile()).cancelledWithLecture).toBe(2);
    expect(await countOf('bookings', { lectureId: new Types.ObjectId(lectureId), status: { $ne: 'CANCELLED' } })).toBe(0);
    expect(await countOf('seat_claims', { lectureId: new Types.ObjectId(lectureId) })).toBe(0);
    expect(await countOf('outbox', { kind: 'LECTURE_CANCELLED', _id: { $regex: lectureId } })).toBe(2);
    expect((await reconcile()).cancelledWithLecture).toBe(0);
    expect(await countOf('outbox', { kind: 'LECTURE_CANCELLED', _id: { $regex: lectureId } })).toBe(2);
    expect((await gql(`query($id: ID!) { booking(id: $id) { status seatNumbers } }`, { id: bookingA.id }, a)).data.booking).toEqual({ status: 'CANCELLED', seatNumbers: [] });
  });

  it('messages the households booked or waiting once per idempotency key', async () => {
    const lectureId = await publishedLecture({ capacity: 2 });
    const [a, b, c] = await Promise.all([household(), household(), household()]);
    await book(lectureId, a, 2);
    const waiting = await book(lectureId, b, 1);
    expect(waiting.status).toBe('WAITLISTED');
    const gone = await book(lectureId, c, 1);
    await gql(CANCEL, { id: gone.id }, c);

    const messages = () => countOf('outbox', { kind: 'LECTURER_MESSAGE', _id: { $regex: lectureId } });
    expectError(await gql(MESSAGE, { lectureId, text: ' ', key: 'msg-key-0001' }, lecturer), 'BAD_USER_INPUT', 'text');
    expectError(await gql(MESSAGE, { lectureId, text: '请'.repeat(101), key: 'msg-key-0001' }, lecturer), 'BAD_USER_INPUT', 'text');
    expectError(await gql(MESSAGE, { lectureId, text: '请带好笔记本', key: 'k' }, lecturer), 'BAD_USER_INPUT', 'idempotencyKey');
    expectError(await gql(MESSAGE, { lectureId, text: '请带好笔记本', key: 'msg-key-0001' }, otherLecturer), 'FORBIDDEN');
    expectError(await gql(MESSAGE, { lectureId, text: '请带好笔记本', key: 'msg-key-0001' }, organizer), 'FORBIDDEN');
    expectError(await gql(MESSAGE, { lectureId, text: '请带好笔记本', key: 'msg-key-0001' }, a), 'FORBIDDEN');
    expect(await messages()).toBe(0);

    const send = (key: string) => gql(MESSAGE, { lectureId, text: '请带好笔记本，提前十分钟到场', key }, lecturer);
    expect((await send('msg-key-0001')).data.messageHouseholds.recipients).toBe(2);
    expect((await send('msg-key-0001')).data.messageHouseholds.recipients).toBe(2);
    expect(await messages()).toBe(2);
    const queued = await db().collection('outbox').find({ kind: 'LECTURER_MESSAGE', _id: { $regex: lectureId } as never }).toArray();
    expect(queued.map((m) => m.userId.toHexString()).sort()).toEqual([a.userId, b.userId].sort());
    expect(queued[0].data.thing4).toBe('请带好笔记本，提前十分钟到场');
    expect((await send('msg-key-0002')).data.messageHouseholds.recipients).toBe(2);
    expect(await messages()).toBe(4);

    // The notice holds 20 characters and opens the lecture page, where households read it in full.
    const long = '请带好笔记本和孩子的作业本，讲座后有半小时的个别答疑，需要的家长请提前十分钟到场签到。';
    await gql(MESSAGE, { lectureId, text: long, key: 'msg-key-0003' }, lecturer);
    const notice = await db().collection('outbox').findOne({ _id: `LECTURER_MESSAGE:${lectureId}:msg-key-0003:${waiting.id}` as never });
    expect(Array.from(notice!.data.thing4 as string)).toHaveLength(20);
    expect(notice!.page).toBe(`pages/lecture/index?id=${lectureId}`);
    const MESSAGES = `query($id: ID!) { lecture(id: $id) { messages { text sentAt } } }`;
    const read = async (who?: SignedIn) => (await gql(MESSAGES, { id: lectureId }, who)).data.lecture.messages.map((m: { text: string }) => m.text);
    // Latest first; the retried send of msg-key-0001 kept one message.
    expect(await read(b)).toEqual([long, '请带好笔记本，提前十分钟到场', '请带好笔记本，提前十分钟到场']);
    expect(await read(lecturer)).toHaveLength(3);
    expect(await read(c)).toEqual([]); // cancelled: no longer a household of this lecture
    expect(await read(otherLecturer)).toEqual([]);
    expect(await read()).toEqual([]);
  });

  it("lists a lecturer's own lectures in every status and those they staff", async () => {
    const mine = await signInAs(server.url, 'proposal-busy-lecturer', 'LECTURER');
    const helper = await signInAs(server.url, 'proposal-helper-lecturer', 'LECTURER');
    const soon = await propose({ startsAt: new Date(Date.now() + DAY).toISOString(), endsAt: new Date(Date.now() + DAY + HOUR).toISOString() }, mine);
    const later = await propose({ startsAt: new Date(Date.now() + 3 * DAY).toISOString(), endsAt: new Date(Date.now() + 3 * DAY + HOUR).toISOString() }, mine);
    await gql(REJECT, { id: later.id, reason: '请补充内容' }, organizer);
    const cancelled = await propose({ startsAt: new Date(Date.now() + 2 * DAY).toISOString(), endsAt: new Date(Date.now() + 2 * DAY + HOUR).toISOString() }, mine);
    await gql(CANCEL_LECTURE, { id: cancelled.id, reason: '撤回' }, mine);
    const lecturerId = new Types.ObjectId(mine.lecturerId!);
    const venueId = new Types.ObjectId(villageHall);
    const lastMonth = await insertLecture({ lecturerId, venueId, startsAt: new Date(Date.now() - 30 * DAY), endsAt: new Date(Date.now() - 30 * DAY + HOUR) });
    const lastWeek = await insertLecture({ lecturerId, venueId, startsAt: new Date(Date.now() - 7 * DAY), endsAt: new Date(Date.now() - 7 * DAY + HOUR) });
    const underWay = await insertLecture({ lecturerId, venueId, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) });
    const staffed = await publishedLecture({ startsAt: new Date(Date.now() + 2.5 * DAY), endsAt: new Date(Date.now() + 2.5 * DAY + HOUR) });

    const list = async (who: SignedIn, when: string) => (await gql(MY_LECTURES, { when }, who)).data.myLectures.map((l: any) => `${l.id}:${l.status}`);
    expect(await list(mine, 'UPCOMING')).toEqual([
      `${underWay}:PUBLISHED`,
      `${soon.id}:PROPOSED`,
      `${cancelled.id}:CANCELLED`,
      `${later.id}:REJECTED`,
    ]);
    expect(await list(mine, 'PAST')).toEqual([`${lastWeek}:PUBLISHED`, `${lastMonth}:PUBLISHED`]);
    expect(await list(helper, 'UPCOMING')).toEqual([]);

    // Staff: the lecture's own lecturer assigns them; a second assignment changes nothing.
    expectError(await gql(ASSIGN, { lectureId: staffed, userId: helper.userId }, mine), 'FORBIDDEN');
    expectError(await gql(ASSIGN, { lectureId: staffed, userId: helper.userId }, organizer), 'FORBIDDEN');
    expectError(await gql(ASSIGN, { lectureId: staffed, userId: new Types.ObjectId().toHexString() }, lecturer), 'NOT_FOUND');
    expectError(await gql(ASSIGN, { lectureId: staffed, userId: 'nobody' }, lecturer), 'BAD_USER_INPUT', 'userId');
    expect((await gql(ASSIGN, { lectureId: staffed, userId: helper.userId }, lecturer)).errors).toBeUndefined();
    expect((await gql(ASSIGN, { lectureId: staffed, userId: helper.userId }, lecturer)).errors).toBeUndefined();
    expect((await gql(ASSIGN, { lectureId: staffed, userId: parent.userId }, lecturer)).errors).toBeUndefined();
    expect((await lectureDoc(staffed))!.staffUserIds.map(String)).toEqual([helper.userId, parent.userId]);
    expect(await list(helper, 'UPCOMING')).toEqual([`${staffed}:PUBLISHED`]);

    expect((await gql(REMOVE, { lectureId: staffed, userId: helper.userId }, lecturer)).errors).toBeUndefined();
    expect((await lectureDoc(staffed))!.staffUserIds.map(String)).toEqual([parent.userId]);
    expect(await list(helper, 'UPCOMING')).toEqual([]);

    // Staff need not be lecturers: the parent asked to keep the door sees that lecture, and only it.
    expect(await list(parent, 'UPCOMING')).toEqual([`${staffed}:PUBLISHED`]);
    expect(await list(parent, 'PAST')).toEqual([]);
    const volunteer = await signInAs(server.url, 'proposal-volunteer-organizer', 'ORGANIZER', { countyCode: COUNTY });
    expect(await list(volunteer, 'UPCOMING')).toEqual([]);
    expectError(await gql(MY_LECTURES, { when: 'UPCOMING' }), 'UNAUTHENTICATED');
  });

  it('keeps at most 20 check-in staff on a lecture', async () => {
    const lectureId = await publishedLecture();
    const users = Array.from({ length: 21 }, (_, i) => ({ _id: new Types.ObjectId(), openId: `proposal-staff-${i}`, role: 'PARENT', childrenAgeGroups: [] }));
    await db().collection('users').insertMany(users);
    for (const user of users.slice(0, 20)) {
      expect((await gql(ASSIGN, { lectureId, userId: user._id.toHexString() }, lecturer)).errors).toBeUndefined();
    }
    const full = await gql(ASSIGN, { lectureId, userId: users[20]._id.toHexString() }, lecturer);
    expectError(full, 'BAD_USER_INPUT', 'userId');
    expect(full.errors![0].message).toContain('at most 20');
    // Assigning someone already there changes nothing and is not refused.
    expect((await gql(ASSIGN, { lectureId, userId: users[3]._id.toHexString() }, lecturer)).errors).toBeUndefined();
    expect((await lectureDoc(lectureId))!.staffUserIds).toHaveLength(20);
    // A place freed is a place to give.
    expect((await gql(REMOVE, { lectureId, userId: users[0]._id.toHexString() }, lecturer)).errors).toBeUndefined();
    expect((await gql(ASSIGN, { lectureId, userId: users[20]._id.toHexString() }, lecturer)).errors).toBeUndefined();
    expect((await lectureDoc(lectureId))!.staffUserIds.map(String)).toContain(users[20]._id.toHexString());
  });
});
