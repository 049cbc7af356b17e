import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { evaluateCompletion } from '../../server/src/modules/learning/learning.service';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';
import { signInAs, type SignedIn } from '../helpers/roles';
import { insertLecture } from '../helpers/booking';

const COUNTY = '350702';

const SAVE = `mutation($input: CourseDraftInput!) { saveCourseDraft(input: $input) { id chapters { id kind title durationSeconds } } }`;
const SUBMIT = `mutation($id: ID!) { submitCourseForReview(id: $id) { id } }`;
const APPROVE = `mutation($id: ID!) { approveCourse(id: $id) { id title chapters { id kind durationSeconds } } }`;
const PROGRESS_FIELDS = `courseId completedChapters totalChapters attendanceRequired attended completed resumeChapterId
  certificate { id number recipientName courseTitle lecturerName issuedAt course { id title } }`;
const SAVE_PROGRESS = `mutation($input: ChapterProgressInput!) { saveChapterProgress(input: $input) { ${PROGRESS_FIELDS} } }`;
const COURSE = `query($id: ID!) { course(id: $id) {
  id myProgress { ${PROGRESS_FIELDS} }
  chapters { id myProgress { chapterId positionSeconds completed updatedAt } }
} }`;

let server: TestServer;
let lecturer: SignedIn;
let organizer: SignedIn;
let parent: SignedIn;

beforeAll(async () => {
  server = await startTestServer({ label: 'learning', seed: false });
  lecturer = await signInAs(server.url, 'learn-lecturer', 'LECTURER', { countyCode: COUNTY });
  organizer = await signInAs(server.url, 'learn-organizer', 'ORGANIZER');
  parent = await signInAs(server.url, 'learn-parent', 'PARENT');
});
afterAll(() => server.close());

const db = () => mongoose.connection.db!;

async function ok(query: string, variables: Record<string, unknown>, who?: SignedIn): Promise<any> {
  const result = await server.graphql(query, variables, who?.token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function expectError(result: GraphQLResponse, code: string, field?: string): void {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  if (field) expect(error.extensions?.fields?.map((f: { field: string }) => f.field)).toContain(field);
}

let serial = 0;
const chapters = [
  { kind: 'ARTICLE', title: '读一读', body: '<p>好好说话</p>' },
  { kind: 'VIDEO', title: '看一看', mediaUrl: 'https://cdn.example.com/v/1.mp4', durationSeconds: 600 },
  { kind: 'AUDIO', title: '听一听', mediaUrl: 'https://cdn.example.com/a/1.mp3', durationSeconds: 300 },
];

function draftInput(extra: Record<string, unknown> = {}) {
  serial++;
  return { title: `学习测试课程 ${serial}`, summary: '祖辈家长也能学会的沟通方法。', tags: ['学习测试'], chapters, ...extra };
}

async function draftCourse(extra: Record<string, unknown> = {}): Promise<any> {
  return (await ok(SAVE, { input: draftInput(extra) }, lecturer)).saveCourseDraft;
}

async function publishedCourse(extra: Record<string, unknown> = {}): Promise<any> {
  const course = await draftCourse(extra);
  await ok(SUBMIT, { id: course.id }, lecturer);
  return (await ok(APPROVE, { id: course.id }, organizer)).approveCourse;
}

async function save(who: SignedIn, courseId: string, chapterId: string, positionSeconds: number, completed?: boolean): Promise<any> {
  return (await ok(SAVE_PROGRESS, { input: { courseId, chapterId, positionSeconds, completed } }, who)).saveChapterProgress;
}

async function finishAll(who: SignedIn, course: any): Promise<any> {
  let progress: any;
  for (const chapter of course.chapters) progress = await save(who, course.id, chapter.id, chapter.durationSeconds ?? 0, true);
  return progress;
}

/** A household's booking at a lecture, checked in at the door (written as the check-in would). */
async function insertCheckedInBooking(userId: string, lectureId: string): Promise<void> {
  const lecture = await db().collection('lectures').findOne({ _id: new Types.ObjectId(lectureId) });
  const id = new Types.ObjectId();
  await db().collection('bookings').insertOne({
    _id: id,
    lectureId: new Types.ObjectId(lectureId),
    userId: new Types.ObjectId(userId),
    partySize: 2,
    status: 'CHECKED_IN',
    requestKey: `${userId}:${id.toHexString()}`,
    activeKey: `${lectureId}:${userId}`,
    seatNumbers: [1, 2],
    requestedAt: new Date(),
    lectureStartsAt: lecture!.startsAt,
    lectureEndsAt: lecture!.endsAt,
    confirmedAt: new Date(),
  });
}

const NUMBER = /^NP-20\d\d-[0-9A-HJKMNP-TV-Z]{6}$/;

describe('chapter progress', () => {
  it('is saved and resumed per chapter', async () => {
    const course = await publishedCourse();
    const [article, video, audio] = course.chapters;
    const fresh = (await ok(COURSE, { id: course.id }, parent)).course;
    expect(fresh.myProgress).toMatchObject({ completedChapters: 0, totalChapters: 3, completed: false, resumeChapterId: article.id, certificate: null });
    expect(fresh.chapters.map((c: any) => c.myProgress)).toEqual([null, null, null]);

    const progress = await save(parent, course.id, video.id, 125);
    expect(progress).toMatchObject({ courseId: course.id, completedChapters: 0, totalChapters: 3, resumeChapterId: video.id, attendanceRequired: false });
    await save(parent, course.id, video.id, 240);

    const again = (await ok(COURSE, { id: course.id }, parent)).course;
    expect(again.chapters[1].myProgress).toMatchObject({ chapterId: video.id, positionSeconds: 240, completed: false });
    expect(again.chapters[0].myProgress).toBeNull();
    expect(again.myProgress.resumeChapterId).toBe(video.id);
    expect(await db().collection('chapter_progress').countDocuments({ courseId: new Types.ObjectId(course.id) })).toBe(1);

    // Someone else's progress is their own; signed out there is none.
    const other = await signInAs(server.url, 'learn-other-parent', 'PARENT');
    expect((await ok(COURSE, { id: course.id }, other)).course.chapters[1].myProgress).toBeNull();
    const anonymous = (await ok(COURSE, { id: course.id })).course;
    expect(anonymous.myProgress).toBeNull();
    expect(anonymous.chapters[1].myProgress).toBeNull();

    // Finishing the video moves the resume point to the next chapter not done.
    const afterVideo = await save(parent, course.id, video.id, 600, true);
    expect(afterVideo).toMatchObject({ completedChapters: 1, resumeChapterId: article.id });
    await save(parent, course.id, audio.id, 30);
    expect((await ok(COURSE, { id: course.id }, parent)).course.myProgress.resumeChapterId).toBe(audio.id);
  });

  it('done stays done when the chapter is played again', async () => {
    const course = await publishedCourse();
    const video = course.chapters[1];
    expect((await save(parent, course.id, video.id, 600, true)).completedChapters).toBe(1);
    const replayed = await save(parent, course.id, video.id, 10, false);
    expect(replayed.completedChapters).toBe(1);
    await save(parent, course.id, video.id, 20);
    const chapter = (await ok(COURSE, { id: course.id }, parent)).course.chapters[1].myProgress;
    expect(chapter).toMatchObject({ positionSeconds: 20, completed: true });
  });

  it('carries over an edit for chapters that kept their id', async () => {
    const course = await publishedCourse();
    const [article, video] = course.chapters;
    await save(parent, course.id, video.id, 300);
    await ok(
      SAVE,
      { input: { ...draftInput(), id: course.id, chapters: [{ ...chapters[1], id: video.id }, { kind: 'ARTICLE', title: '新的一章', body: '<p>新</p>' }] } },
      lecturer,
    );
    await ok(SUBMIT, { id: course.id }, lecturer);
    await ok(APPROVE, { id: course.id }, organizer);
    const after = (await ok(COURSE, { id: course.id }, parent)).course;
    expect(after.chapters[0]).toMatchObject({ id: video.id, myProgress: { positionSeconds: 300 } });
    expect(after.chapters.map((c: any) => c.id)).not.toContain(article.id);
    expect(after.myProgress.totalChapters).toBe(2);
  });

  describe('bad input: a clear code and field, and nothing written', () => {
    let course: any;
    let draft: any;
    beforeAll(async () => {
      course = await publishedCourse();
      draft = await draftCourse();
    });

    async function refused(input: Record<string, unknown>, code: string, field?: string, who: SignedIn | null = parent): Promise<void> {
      const before = await db().collection('chapter_progress').find().sort({ _id: 1 }).toArray();
      const certificates = await db().collection('certificates').countDocuments();
      expectError(await server.graphql(SAVE_PROGRESS, { input }, who?.token ?? undefined), code, field);
      expect(await db().collection('chapter_progress').find().sort({ _id: 1 }).toArray()).toEqual(before);
      expect(await db().collection('certificates').countDocuments()).toBe(certificates);
    }

    it('refuses a course that is not published, or not there', async () => {
      await refused({ courseId: draft.id, chapterId: draft.chapters[0].id, positionSeconds: 0 }, 'NOT_FOUND');
      await refused({ courseId: new Types.ObjectId().toHexString(), chapterId: course.chapters[0].id, positionSeconds: 0 }, 'NOT_FOUND');
      await refused({ courseId: 'x', chapterId: course.chapters[0].id, positionSeconds: 0 }, 'BAD_USER_INPUT', 'input.courseId');
    });

    it('refuses a chapter that is not in the published revision', async () => {
      await refused({ courseId: course.id, chapterId: draft.chapters[0].id, positionSeconds: 0 }, 'BAD_USER_INPUT', 'input.chapterId');
      await refused({ courseId: course.id, chapterId: 'nope', positionSeconds: 0 }, 'BAD_USER_INPUT', 'input.chapterId');
    });

    it('refuses a position outside the chapter', async () => {
      await refused({ courseId: course.id, chapterId: course.chapters[1].id, positionSeconds: 601 }, 'BAD_USER_INPUT', 'input.positionSeconds');
      await refused({ courseId: course.id, chapterId: course.chapters[1].id, positionSeconds: -1 }, 'BAD_USER_INPUT', 'input.positionSeconds');
      await refused({ courseId: course.id, chapterId: course.chapters[0].id, positionSeconds: 36_001 }, 'BAD_USER_INPUT', 'input.positionSeconds');
    });

    it('asks a signed-out caller to sign in', async () => {
      await refused({ courseId: course.id, chapterId: course.chapters[0].id, positionSeconds: 0 }, 'UNAUTHENTICATED', undefined, null);
    });

    it('refuses an archived course', async () => {
      const archived = await publishedCourse();
      await ok(`mutation($id: ID!) { archiveCourse(id: $id) { id } }`, { id: archived.id }, lecturer);
      await refused({ courseId: archived.id, chapterId: archived.chapters[0].id, positionSeconds: 0 }, 'NOT_FOUND');
    });
  });
});

describe('completion and certificates', () => {
  it('completes a course without lectures when every chapter is done, and issues one certificate', async () => {
    const learner = await signInAs(server.url, 'learn-completer', 'PARENT');
    await ok(`mutation { updateProfile(input: { displayName: "王奶奶" }) { id } }`, {}, learner);
    const course = await publishedCourse();
    const [article, video, audio] = course.chapters;
    await save(learner, course.id, article.id, 0, true);
    await save(learner, course.id, video.id, 600, true);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(0);

    const done = await save(learner, course.id, audio.id, 300, true);
    expect(done).toMatchObject({ completedChapters: 3, totalChapters: 3, attendanceRequired: false, attended: false, completed: true });
    expect(done.certificate).toMatchObject({ recipientName: '王奶奶', courseTitle: course.title, lecturerName: '讲师', course: { id: course.id } });
    expect(done.certificate.number).toMatch(NUMBER);
    expect(done.certificate.number.slice(3, 7)).toBe(String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear()));

    // Finishing a chapter again, or evaluating again (also concurrently), issues nothing more.
    const again = await save(learner, course.id, audio.id, 300, true);
    expect(again.certificate).toEqual(done.certificate);
    await Promise.all([evaluateCompletion(learner.userId, course.id), evaluateCompletion(learner.userId, course.id)]);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(1);

    const mine = (await ok(`{ myCertificates { id number courseTitle course { id } } }`, {}, learner)).myCertificates;
    expect(mine).toEqual([{ id: done.certificate.id, number: done.certificate.number, courseTitle: course.title, course: { id: course.id } }]);
    const ONE = `query($id: ID!) { certificate(id: $id) { id number recipientName } }`;
    expect((await ok(ONE, { id: done.certificate.id }, learner)).certificate.number).toBe(done.certificate.number);
    expect((await ok(ONE, { id: done.certificate.id }, organizer)).certificate.recipientName).toBe('王奶奶');
    expect((await ok(ONE, { id: done.certificate.id }, parent)).certificate).toBeNull();
    expectError(await server.graphql(ONE, { id: done.certificate.id }), 'UNAUTHENTICATED');
  });

  it("shows organizers only the certificates of their county's courses (city organizers and admins: all)", async () => {
    const learner = await signInAs(server.url, 'learn-verified', 'PARENT');
    const course = await publishedCourse();
    const { certificate } = await finishAll(learner, course);
    const ONE = `query($id: ID!) { certificate(id: $id) { id courseTitle } }`;
    const county = await signInAs(server.url, 'learn-org-county', 'ORGANIZER', { countyCode: COUNTY });
    const elsewhere = await signInAs(server.url, 'learn-org-elsewhere', 'ORGANIZER', { countyCode: '350783' });
    const admin = await signInAs(server.url, 'learn-admin', 'ADMIN');
    expect((await ok(ONE, { id: certificate.id }, county)).certificate).toEqual({ id: certificate.id, courseTitle: course.title });
    expect((await ok(ONE, { id: certificate.id }, organizer)).certificate.id).toBe(certificate.id);
    expect((await ok(ONE, { id: certificate.id }, admin)).certificate.id).toBe(certificate.id);
    expect((await ok(ONE, { id: certificate.id }, elsewhere)).certificate).toBeNull();
    expect((await ok(ONE, { id: certificate.id }, lecturer)).certificate).toBeNull();
  });

  it('never shows completed without a certificate: a course that became complete when its lecture was cancelled gets one', async () => {
    const learner = await signInAs(server.url, 'learn-cancelled-lecture', 'PARENT');
    const course = await publishedCourse();
    const lectureId = await insertLecture({ courseId: new Types.ObjectId(course.id), countyCode: COUNTY });
    const studied = await finishAll(learner, course);
    expect(studied).toMatchObject({ completedChapters: 3, attendanceRequired: true, attended: false, completed: false, certificate: null });

    // The only linked lecture is cancelled: no attendance is asked for any more, so every chapter done is complete.
    await db().collection('lectures').updateOne({ _id: new Types.ObjectId(lectureId) }, { $set: { status: 'CANCELLED', cancelledAt: new Date() } });
    const progress = (await ok(COURSE, { id: course.id }, learner)).course.myProgress;
    expect(progress).toMatchObject({ attendanceRequired: false, completed: true });
    expect(progress.certificate).toMatchObject({ courseTitle: course.title, course: { id: course.id } });
    expect(progress.certificate.number).toMatch(NUMBER);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(1);
    // Asked again, the same certificate, not another.
    expect((await ok(COURSE, { id: course.id }, learner)).course.myProgress.certificate).toEqual(progress.certificate);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(1);
  });

  it('calls a parent without a name 家长', async () => {
    const learner = await signInAs(server.url, 'learn-nameless', 'PARENT');
    const course = await publishedCourse();
    expect((await finishAll(learner, course)).certificate.recipientName).toBe('家长');
  });

  it('needs a linked lecture attended as well, when the course has one', async () => {
    const learner = await signInAs(server.url, 'learn-attender', 'PARENT');
    const course = await publishedCourse();
    const lectureId = await insertLecture({ courseId: new Types.ObjectId(course.id), countyCode: COUNTY });
    // A proposed (not yet published) lecture does not count as a link.
    await insertLecture({ courseId: new Types.ObjectId(course.id), status: 'PROPOSED' });

    const studied = await finishAll(learner, course);
    expect(studied).toMatchObject({ completedChapters: 3, attendanceRequired: true, attended: false, completed: false, certificate: null });
    await evaluateCompletion(learner.userId, course.id);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(0);

    // The household checks in at the door; the check-in then asks for completion.
    await insertCheckedInBooking(learner.userId, lectureId);
    await evaluateCompletion(learner.userId, course.id);
    const progress = (await ok(COURSE, { id: course.id }, learner)).course.myProgress;
    expect(progress).toMatchObject({ attendanceRequired: true, attended: true, completed: true });
    expect(progress.certificate.number).toMatch(NUMBER);
    expect(await db().collection('certificates').countDocuments({ userId: new Types.ObjectId(learner.userId) })).toBe(1);
  });

  it('a check-in before the chapters are done completes the course with the last chapter', async () => {
    const learner = await signInAs(server.url, 'learn-early-attender', 'PARENT');
    const course = await publishedCourse();
    const lectureId = await insertLecture({ courseId: new Types.ObjectId(course.id), countyCode: COUNTY });
    await insertCheckedInBooking(learner.userId, lectureId);
    await evaluateCompletion(learner.userId, course.id);
    expect((await ok(COURSE, { id: course.id }, learner)).course.myProgress).toMatchObject({ attended: true, completed: false, certificate: null });
    const done = await finishAll(learner, course);
    expect(done).toMatchObject({ completed: true, attended: true });
    expect(done.certificate).not.toBeNull();
  });

  it('lists the courses a parent studies, most recent first', async () => {
    const learner = await signInAs(server.url, 'learn-lister', 'PARENT');
    const first = await publishedCourse();
    const second = await publishedCourse();
    await save(learner, first.id, first.chapters[0].id, 0);
    await save(learner, second.id, second.chapters[1].id, 30);
    await save(learner, first.id, first.chapters[1].id, 60);
    const list = (await ok(`{ myLearning { id myProgress { resumeChapterId } } }`, {}, learner)).myLearning;
    expect(list).toEqual([
      { id: first.id, myProgress: { resumeChapterId: first.chapters[1].id } },
      { id: second.id, myProgress: { resumeChapterId: second.chapters[1].id } },
    ]);
    expectError(await server.graphql(`{ myLearning { id } }`), 'UNAUTHENTICATED');
  });
});

describe('database round trips', () => {
  const PAGE = `query($first: Int) { courses(tag: "往返测试", first: $first) { edges { node {
    id title lecturer { name }
    lectures { id }
    myProgress { completedChapters attended completed certificate { number } }
    chapters { id myProgress { positionSeconds completed } }
  } } } }`;

  it('a catalogue page with lecturer and progress costs the same for 20 courses as for 5', async () => {
    const learner = await signInAs(server.url, 'learn-roundtrips', 'PARENT');
    const others = await Promise.all([1, 2, 3].map((n) => signInAs(server.url, `learn-rt-lecturer-${n}`, 'LECTURER', { countyCode: COUNTY })));
    const courses: any[] = [];
    for (let i = 0; i < 20; i++) {
      const who = i % 4 === 0 ? lecturer : others[i % 3];
      const course = (await ok(SAVE, { input: draftInput({ tags: ['往返测试'] }) }, who)).saveCourseDraft;
      await ok(SUBMIT, { id: course.id }, who);
      courses.push((await ok(APPROVE, { id: course.id }, organizer)).approveCourse);
    }
    // The latest ones (first on the page) have a lecture, progress and a certificate.
    const newest = courses.slice(-3);
    const lectureId = await insertLecture({ courseId: new Types.ObjectId(newest[0].id), countyCode: COUNTY });
    await insertCheckedInBooking(learner.userId, lectureId);
    await save(learner, newest[1].id, newest[1].chapters[1].id, 100);
    await finishAll(learner, newest[2]);

    async function tripsFor(first: number): Promise<number> {
      let nodes: any[] = [];
      // Counted on a repeated request, as the budgets count (tests/server/round-trips.test.ts): the
      // first one also fills the process's cache of lecturers.
      await server.graphql(PAGE, { first }, learner.token);
      const trips = await server.countRoundTrips(async () => {
        const result = await server.graphql(PAGE, { first }, learner.token);
        expect(result.errors).toBeUndefined();
        nodes = result.data.courses.edges.map((e: any) => e.node);
      });
      expect(nodes).toHaveLength(first);
      expect(nodes.find((n) => n.id === newest[2].id).myProgress).toMatchObject({ completed: true, certificate: { number: expect.stringMatching(NUMBER) } });
      expect(nodes.find((n) => n.id === newest[0].id).myProgress).toMatchObject({ attended: true, completed: false });
      return trips;
    }
    const five = await tripsFor(5);
    const twenty = await tripsFor(20);
    // the viewer's account, courses, linked lectures, progress, certificates, check-ins (lecturers cached)
    expect(five).toBeLessThanOrEqual(6);
    expect(twenty).toBe(five);
  });
});
