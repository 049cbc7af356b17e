/**
 * Issue 4's whole path over HTTP, as its people live it: a lecturer drafts a course and proposes a
 * lecture of it, the county's organizer approves both, a grandmother books, is checked in at the
 * door (a second scan changes nothing), studies the chapters, rates the lecture and gets her
 * certificate.
 */
import 'reflect-metadata';
import mongoose from 'mongoose';
import { BOOK, newKey } from '../helpers/booking';
import {
  APPROVE_COURSE,
  APPROVE_LECTURE,
  courseDraft,
  insertVenue,
  lectureProposal,
  PROPOSE_LECTURE,
  SAVE_COURSE,
  SUBMIT_COURSE,
} from '../helpers/content';
import { signInAs } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'journey', seed: false });
});
afterAll(() => server.close());

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const body = await server.graphql(query, variables, token);
  expect(body.errors).toBeUndefined();
  return body.data;
}

it('a course and a lecture go from draft to certificate', async () => {
  const lecturer = await signInAs(server.url, 'journey-lecturer', 'LECTURER', { countyCode: '350722' });
  const organizer = await signInAs(server.url, 'journey-organizer', 'ORGANIZER', { countyCode: '350722' });
  const grandma = await signInAs(server.url, 'journey-grandma', 'PARENT');
  await ok(`mutation { updateProfile(input: { displayName: "刘奶奶" }) { id } }`, {}, grandma.token);
  const venueId = await insertVenue('350722', 'VILLAGE');

  // The lecturer drafts a course and sends it to review.
  const draft = (await ok(SAVE_COURSE, { input: courseDraft() }, lecturer.token)).saveCourseDraft;
  expect(draft.status).toBe('DRAFT');
  await ok(SUBMIT_COURSE, { id: draft.id }, lecturer.token);

  // ... and proposes a lecture of it, starting within the hour.
  const proposal = lectureProposal(venueId, 50 * 60 * 1000, { courseId: draft.id });
  const lectureId = (await ok(PROPOSE_LECTURE, { input: proposal }, lecturer.token)).proposeLecture.id;

  // Parents see neither yet.
  expect((await ok(`query($id: ID!) { course(id: $id) { id } }`, { id: draft.id }, grandma.token)).course).toBeNull();
  expect((await ok(`query($id: ID!) { lecture(id: $id) { id } }`, { id: lectureId }, grandma.token)).lecture).toBeNull();

  // The county's organizer finds both in the queue and approves them.
  const queue = (await ok(`{ reviewQueue { courses { id } lectures { id } } }`, {}, organizer.token)).reviewQueue;
  expect(queue.courses.map((c: { id: string }) => c.id)).toContain(draft.id);
  expect(queue.lectures.map((l: { id: string }) => l.id)).toContain(lectureId);
  expect((await ok(APPROVE_COURSE, { id: draft.id, note: '内容扎实' }, organizer.token)).approveCourse.status).toBe('PUBLISHED');
  expect((await ok(APPROVE_LECTURE, { id: lectureId }, organizer.token)).approveLecture.status).toBe('PUBLISHED');
  const trail = (await ok(`query($id: ID!) { course(id: $id) { reviewHistory { verdict reason reviewerName decidedAt } } }`, { id: draft.id }, lecturer.token)).course.reviewHistory;
  expect(trail).toEqual([expect.objectContaining({ verdict: 'APPROVED', reason: '内容扎实' })]);

  // The lecturer is told, through the outbox.
  const notices = await mongoose.connection.db!.collection('outbox').find({ kind: 'REVIEW_RESULT', userId: new mongoose.Types.ObjectId(lecturer.userId) }).toArray();
  expect(notices).toHaveLength(2);

  // The grandmother books two seats and shows her ticket at the door.
  const booking = (await ok(BOOK, { input: { lectureId, partySize: 2, idempotencyKey: newKey() } }, grandma.token)).bookLecture;
  expect(booking.status).toBe('CONFIRMED');
  const ticket = (await ok(`query($id: ID!) { booking(id: $id) { ticket { code } } }`, { id: booking.id }, grandma.token)).booking.ticket;
  const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome message partyPresent } }`;
  const scanned = (await ok(CHECK_IN, { input: { lectureId, code: ticket.code } }, lecturer.token)).checkIn;
  expect(scanned).toMatchObject({ outcome: 'CHECKED_IN', partyPresent: 2 });
  const rescanned = (await ok(CHECK_IN, { input: { lectureId, code: ticket.code } }, lecturer.token)).checkIn;
  expect(rescanned.outcome).toBe('ALREADY_CHECKED_IN');
  const roster = (await ok(`query($id: ID!) { lectureRoster(lectureId: $id) { checkedInHouseholds peoplePresent } }`, { id: lectureId }, lecturer.token)).lectureRoster;
  expect(roster).toEqual({ checkedInHouseholds: 1, peoplePresent: 2 });

  // She rates the lecture; the lecturer reads it.
  const FEEDBACK = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { rating } }`;
  await ok(FEEDBACK, { input: { lectureId, rating: 5, comment: '讲得很实在', survey: { understood: true, willTryAtHome: true, wantedTopics: ['COMMUNICATION'] } } }, grandma.token);
  const summary = (await ok(`query($id: ID!) { lecture(id: $id) { feedbackSummary { count averageRating comments { comment } } } }`, { id: lectureId }, lecturer.token)).lecture.feedbackSummary;
  expect(summary).toMatchObject({ count: 1, averageRating: 5, comments: [{ comment: '讲得很实在' }] });

  // She studies both chapters; attending the lecture was the other half of the course.
  const course = (await ok(`query($id: ID!) { course(id: $id) { chapters { id } myProgress { attendanceRequired attended completed } } }`, { id: draft.id }, grandma.token)).course;
  expect(course.myProgress).toMatchObject({ attendanceRequired: true, attended: true, completed: false });
  const SAVE_PROGRESS = `mutation($input: ChapterProgressInput!) { saveChapterProgress(input: $input) { completedChapters completed certificate { number recipientName courseTitle } } }`;
  let progress;
  for (const chapter of course.chapters) {
    progress = (await ok(SAVE_PROGRESS, { input: { courseId: draft.id, chapterId: chapter.id, positionSeconds: 0, completed: true } }, grandma.token)).saveChapterProgress;
  }
  expect(progress).toMatchObject({ completedChapters: 2, completed: true, certificate: { recipientName: '刘奶奶', courseTitle: '隔代教养的智慧' } });
  const certificates = (await ok(`{ myCertificates { number course { id } } }`, {}, grandma.token)).myCertificates;
  expect(certificates).toEqual([{ number: progress.certificate.number, course: { id: draft.id } }]);
});
