import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { BOOK, insertLecture, newKey } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';

const COUNTY = '350702';

const SUBMIT = `mutation($input: FeedbackInput!) {
  submitFeedback(input: $input) { id rating comment understood willTryAtHome wantedTopics createdAt }
}`;
const MINE = `query($id: ID!) { lecture(id: $id) { canGiveFeedback myFeedback { rating comment wantedTopics } } }`;
const SUMMARY = `query($id: ID!) {
  lecture(id: $id) {
    feedbackSummary {
      count averageRating ratingCounts understoodYes understoodNo willTryYes willTryNo
      wantedTopics { topic count }
      comments { rating comment createdAt }
    }
  }
}`;

describe('feedback from households that attended', () => {
  let server: TestServer;
  let lecturer: SignedIn;
  let organizer: SignedIn;
  let otherOrganizer: SignedIn;
  let lectureId: string;
  let attendeeA: SignedIn;
  let attendeeB: SignedIn;
  let bookedOnly: SignedIn;
  let stranger: SignedIn;

  const db = () => mongoose.connection.db!;
  const gql = (query: string, variables: Record<string, unknown>, who?: SignedIn) => server.graphql(query, variables, who?.token);
  const feedbackCount = () => db().collection('feedback').countDocuments();

  function expectError(result: GraphQLResponse, code: string, field?: string): void {
    expect(result.data?.submitFeedback ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toContain(field);
  }

  async function book(lecture: string, who: SignedIn) {
    const result = await gql(BOOK, { input: { lectureId: lecture, partySize: 1, idempotencyKey: newKey() } }, who);
    expect(result.errors).toBeUndefined();
    return result.data.bookLecture.id as string;
  }

  /** Stands in for the door: the check-in itself is another module's work. */
  const checkIn = (bookingId: string) =>
    db().collection('bookings').updateOne({ _id: new Types.ObjectId(bookingId) }, { $set: { status: 'CHECKED_IN' } });

  beforeAll(async () => {
    server = await startTestServer({ label: 'feedback', seed: false });
    lecturer = await signInAs(server.url, 'feedback-lecturer', 'LECTURER');
    organizer = await signInAs(server.url, 'feedback-organizer', 'ORGANIZER', { countyCode: COUNTY });
    otherOrganizer = await signInAs(server.url, 'feedback-other-organizer', 'ORGANIZER', { countyCode: '350781' });
    [attendeeA, attendeeB, bookedOnly, stranger] = await Promise.all(
      ['feedback-a', 'feedback-b', 'feedback-booked', 'feedback-stranger'].map((openId) => signInAs(server.url, openId, 'PARENT')),
    );
    lectureId = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), countyCode: COUNTY });
    await checkIn(await book(lectureId, attendeeA));
    await checkIn(await book(lectureId, attendeeB));
    await book(lectureId, bookedOnly);
  });
  afterAll(() => server.close());

  it('is refused to households that did not check in, saying it is for attendees', async () => {
    for (const who of [bookedOnly, stranger, lecturer]) {
      const result = await gql(SUBMIT, { input: { lectureId, rating: 5 } }, who);
      expectError(result, 'FORBIDDEN');
      expect(result.errors![0].message).toMatch(/attended/);
    }
    expectError(await gql(SUBMIT, { input: { lectureId, rating: 5 } }), 'UNAUTHENTICATED');
    expectError(await gql(SUBMIT, { input: { lectureId: new Types.ObjectId().toHexString(), rating: 5 } }, attendeeA), 'NOT_FOUND');
    expect(await feedbackCount()).toBe(0);
    expect((await gql(MINE, { id: lectureId }, bookedOnly)).data.lecture).toEqual({ canGiveFeedback: false, myFeedback: null });
    expect((await gql(MINE, { id: lectureId })).data.lecture).toEqual({ canGiveFeedback: false, myFeedback: null });
  });

  it.each([
    ['no stars', { rating: 0 }, 'input.rating'],
    ['six stars', { rating: 6 }, 'input.rating'],
    ['a comment of 501 characters', { rating: 4, comment: '好'.repeat(501) }, 'input.comment'],
    ['four wanted topics', { rating: 4, survey: { wantedTopics: ['SAFETY', 'SCREEN_TIME', 'COMMUNICATION', 'STUDY_HABITS'] } }, 'input.survey.wantedTopics'],
    ['a topic twice', { rating: 4, survey: { wantedTopics: ['SAFETY', 'SAFETY'] } }, 'input.survey.wantedTopics'],
    ['a malformed lecture id', { rating: 4, lectureId: 'lecture-1' }, 'input.lectureId'],
  ])('refuses %s, naming the field and writing nothing', async (_what, fields, field) => {
    expectError(await gql(SUBMIT, { input: { lectureId, ...fields } }, attendeeA), 'BAD_USER_INPUT', field);
    expect(await feedbackCount()).toBe(0);
  });

  it('takes one feedback per attending household and sums it up for the lecture’s managers only', async () => {
    expect((await gql(MINE, { id: lectureId }, attendeeA)).data.lecture).toEqual({ canGiveFeedback: true, myFeedback: null });

    const first = await gql(
      SUBMIT,
      { input: { lectureId, rating: 5, comment: '  讲得很实在，回家就能用  ', survey: { understood: true, willTryAtHome: true, wantedTopics: ['SCREEN_TIME', 'COMMUNICATION'] } } },
      attendeeA,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.submitFeedback).toMatchObject({ rating: 5, comment: '讲得很实在，回家就能用', understood: true, willTryAtHome: true, wantedTopics: ['SCREEN_TIME', 'COMMUNICATION'] });

    const again = await gql(SUBMIT, { input: { lectureId, rating: 1, comment: '改主意了' } }, attendeeA);
    expectError(again, 'CONFLICT');
    expect(await feedbackCount()).toBe(1);
    expect((await gql(MINE, { id: lectureId }, attendeeA)).data.lecture).toEqual({
      canGiveFeedback: false,
      myFeedback: { rating: 5, comment: '讲得很实在，回家就能用', wantedTopics: ['SCREEN_TIME', 'COMMUNICATION'] },
    });

    const blank = await gql(SUBMIT, { input: { lectureId, rating: 2, comment: '   ', survey: { understood: false, wantedTopics: ['SCREEN_TIME'] } } }, attendeeB);
    expect(blank.data.submitFeedback).toMatchObject({ rating: 2, comment: null, understood: false, willTryAtHome: null });

    const read = await gql(SUMMARY, { id: lectureId }, lecturer);
    expect(read.errors).toBeUndefined();
    const summary = read.data.lecture.feedbackSummary;
    expect(summary).toMatchObject({
      count: 2,
      averageRating: 3.5,
      ratingCounts: [0, 1, 0, 0, 1],
      understoodYes: 1,
      understoodNo: 1,
      willTryYes: 1,
      willTryNo: 0,
      wantedTopics: [
        { topic: 'SCREEN_TIME', count: 2 },
        { topic: 'COMMUNICATION', count: 1 },
      ],
      comments: [{ rating: 5, comment: '讲得很实在，回家就能用' }],
    });
    expect((await gql(SUMMARY, { id: lectureId }, organizer)).data.lecture.feedbackSummary.count).toBe(2);

    // A parent, even one who gave feedback, and another county's organizer see no summary.
    for (const who of [attendeeA, stranger, otherOrganizer, undefined]) {
      expect((await gql(SUMMARY, { id: lectureId }, who)).data.lecture.feedbackSummary).toBeNull();
    }
  });

  it('lists the latest comments first, at most 50', async () => {
    const busy = await insertLecture({ lecturerId: new Types.ObjectId(lecturer.lecturerId!), countyCode: COUNTY });
    const start = Date.now() - 60 * 60 * 1000;
    await db().collection('feedback').insertMany(
      Array.from({ length: 55 }, (_, i) => ({
        _id: `${busy}:${new Types.ObjectId().toHexString()}` as never,
        lectureId: new Types.ObjectId(busy),
        userId: new Types.ObjectId(),
        bookingId: new Types.ObjectId(),
        rating: (i % 5) + 1,
        comment: `第${i}条`,
        wantedTopics: [],
        createdAt: new Date(start + i * 1000),
      })),
    );
    const summary = (await gql(SUMMARY, { id: busy }, lecturer)).data.lecture.feedbackSummary;
    expect(summary.count).toBe(55);
    expect(summary.ratingCounts).toEqual([11, 11, 11, 11, 11]);
    expect(summary.averageRating).toBe(3);
    expect(summary.comments).toHaveLength(50);
    expect(summary.comments[0].comment).toBe('第54条');
    expect(summary.comments[49].comment).toBe('第5条');
  });

  it('answers myFeedback and canGiveFeedback for a whole list in one query each', async () => {
    const extra = await Promise.all(Array.from({ length: 8 }, () => insertLecture({ countyCode: COUNTY })));
    for (const id of extra.slice(0, 3)) await checkIn(await book(id, attendeeA));
    const LIST = `query($first: Int) { lectures(first: $first) { edges { node { id canGiveFeedback myFeedback { rating } } } } }`;
    const trips = async (first: number) => {
      let nodes: any[] = [];
      const count = await server.countRoundTrips(async () => {
        const result = await server.graphql(LIST, { first }, attendeeA.token);
        expect(result.errors).toBeUndefined();
        nodes = result.data.lectures.edges.map((e: any) => e.node);
      });
      expect(nodes).toHaveLength(first);
      return { count, nodes };
    };
    const small = await trips(2);
    const large = await trips(10);
    // The viewer's account, the page, the viewer's bookings, the viewer's feedback.
    expect(large.count).toBe(4);
    expect(small.count).toBe(large.count);
    const byId = new Map(large.nodes.map((n) => [n.id, n]));
    expect(byId.get(lectureId)).toEqual({ id: lectureId, canGiveFeedback: false, myFeedback: { rating: 5 } });
    for (const id of extra.slice(0, 3)) expect(byId.get(id)).toMatchObject({ canGiveFeedback: true, myFeedback: null });
    for (const id of extra.slice(3)) expect(byId.get(id)).toMatchObject({ canGiveFeedback: false, myFeedback: null });
  });

  it('sums up a whole list of lectures in as many round trips for 6 lectures as for 2, comments capped per lecture', async () => {
    const busyLecturer = await signInAs(server.url, 'feedback-busy-lecturer', 'LECTURER');
    const LIST = `{ myLectures(when: UPCOMING) { id feedbackSummary { count comments { comment } } } }`;
    async function lectureWithComments(n: number): Promise<string> {
      const id = await insertLecture({ lecturerId: new Types.ObjectId(busyLecturer.lecturerId!), countyCode: COUNTY });
      const start = Date.now() - 3600_000;
      await db().collection('feedback').insertMany(
        Array.from({ length: n }, (_, i) => ({
          _id: `${id}:${new Types.ObjectId().toHexString()}` as never,
          lectureId: new Types.ObjectId(id),
          userId: new Types.ObjectId(),
          bookingId: new Types.ObjectId(),
          rating: 4,
          comment: `${id}-${i}`,
          wantedTopics: [],
          createdAt: new Date(start + i * 1000),
        })),
      );
      return id;
    }
    const sizes = new Map<string, number>();
    async function trips(): Promise<number> {
      let lectures: any[] = [];
      const count = await server.countRoundTrips(async () => {
        const result = await server.graphql(LIST, {}, busyLecturer.token);
        expect(result.errors).toBeUndefined();
        lectures = result.data.myLectures;
      });
      expect(lectures).toHaveLength(sizes.size);
      for (const lecture of lectures) {
        const n = sizes.get(lecture.id)!;
        expect(lecture.feedbackSummary.count).toBe(n);
        expect(lecture.feedbackSummary.comments).toHaveLength(Math.min(n, 50));
        // Each lecture gets its own comments, newest first.
        expect(lecture.feedbackSummary.comments[0].comment).toBe(`${lecture.id}-${n - 1}`);
      }
      return count;
    }
    for (const n of [3, 52]) sizes.set(await lectureWithComments(n), n);
    const two = await trips();
    for (const n of [1, 4, 2, 5]) sizes.set(await lectureWithComments(n), n);
    const six = await trips();
    // The viewer's account, the lectures, the answers grouped, the comments (fewer than a
    // cursor's first batch of 101).
    expect(two).toBe(4);
    expect(six).toBe(two);
  });
});
