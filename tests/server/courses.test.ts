import mongoose, { Types } from 'mongoose';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';
import { signInAs, type SignedIn } from '../helpers/roles';
import { insertLecture } from '../helpers/booking';

const COUNTY = '350702'; // 延平区
const OTHER_COUNTY = '350783'; // 建瓯市

const COURSE_FIELDS = `
  id status title summary coverUrl tags ageGroups featured revision publishedAt
  chapters { id kind title body mediaUrl durationSeconds }
  lecturer { id name }
  workingRevision { revision status title summary chapters { id kind title body } rejectionReason submittedAt updatedAt }
  reviewHistory { subjectType subjectId revision verdict reason reviewerName decidedAt }`;

const SAVE = `mutation($input: CourseDraftInput!) { saveCourseDraft(input: $input) { ${COURSE_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitCourseForReview(id: $id) { ${COURSE_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $note: String) { approveCourse(id: $id, note: $note) { ${COURSE_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectCourse(id: $id, reason: $reason) { ${COURSE_FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCourse(id: $id) { ${COURSE_FIELDS} } }`;
const FEATURE = `mutation($id: ID!, $featured: Boolean!) { setCourseFeatured(id: $id, featured: $featured) { id featured } }`;
const COURSE = `query($id: ID!) { course(id: $id) { ${COURSE_FIELDS} } }`;
const CATALOGUE = `query($tag: String, $ageGroup: AgeGroup, $featured: Boolean, $search: String, $first: Int, $after: String) {
  courses(tag: $tag, ageGroup: $ageGroup, featured: $featured, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title featured publishedAt } }
  }
}`;
const QUEUE = `{ reviewQueue { courses { id title workingRevision { revision status submittedAt } } lectures { id title status } } }`;

let server: TestServer;
let lecturer: SignedIn;
let otherLecturer: SignedIn;
let parent: SignedIn;
let countyOrganizer: SignedIn;
let otherCountyOrganizer: SignedIn;
let cityOrganizer: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  server = await startTestServer({ label: 'courses', seed: false });
  lecturer = await signInAs(server.url, 'course-lecturer', 'LECTURER', { countyCode: COUNTY });
  otherLecturer = await signInAs(server.url, 'course-lecturer-2', 'LECTURER', { countyCode: COUNTY });
  parent = await signInAs(server.url, 'course-parent', 'PARENT');
  countyOrganizer = await signInAs(server.url, 'course-org-county', 'ORGANIZER', { countyCode: COUNTY });
  otherCountyOrganizer = await signInAs(server.url, 'course-org-other', 'ORGANIZER', { countyCode: OTHER_COUNTY });
  cityOrganizer = await signInAs(server.url, 'course-org-city', 'ORGANIZER');
  admin = await signInAs(server.url, 'course-admin', 'ADMIN');
});
afterAll(() => server.close());

const db = () => mongoose.connection.db!;

/** Runs an operation that must succeed and returns its data. */
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
  expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\n\s+at /);
}

/** Every collection's documents, to show that a refused request wrote nothing anywhere. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const names = (await db().listCollections().toArray()).map((c) => c.name).sort();
  const all: Record<string, unknown[]> = {};
  for (const name of names) all[name] = await db().collection(name).find().sort({ _id: 1 }).toArray();
  return all;
}

let serial = 0;
function draft(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    title: `孩子沉迷手机怎么办 ${serial}`,
    summary: '从亲子沟通入手，帮家长和孩子一起定规矩、守规矩。',
    coverUrl: 'https://cdn.example.com/covers/phone.jpg',
    tags: ['亲子沟通', '屏幕时间'],
    ageGroups: ['PRIMARY'],
    chapters: [
      { kind: 'ARTICLE', title: '为什么孩子放不下手机', body: '<p>手机里的世界<strong>很精彩</strong>。</p>' },
      { kind: 'VIDEO', title: '一起定家庭公约', mediaUrl: 'https://cdn.example.com/v/pact.mp4', durationSeconds: 600 },
      { kind: 'AUDIO', title: '爷爷奶奶怎么说', mediaUrl: 'https://cdn.example.com/a/grand.mp3', durationSeconds: 300 },
    ],
    ...overrides,
  };
}

async function createCourse(overrides: Record<string, unknown> = {}, who: SignedIn = lecturer): Promise<any> {
  return (await ok(SAVE, { input: draft(overrides) }, who)).saveCourseDraft;
}

async function publishCourse(overrides: Record<string, unknown> = {}, who: SignedIn = lecturer): Promise<any> {
  const course = await createCourse(overrides, who);
  await ok(SUBMIT, { id: course.id }, who);
  return (await ok(APPROVE, { id: course.id }, cityOrganizer)).approveCourse;
}

async function courseDoc(id: string) {
  return db().collection('courses').findOne({ _id: new Types.ObjectId(id) });
}

describe('the life of a course', () => {
  it('goes from draft to review to published, visible to parents only once approved', async () => {
    const created = await createCourse();
    expect(created).toMatchObject({ status: 'DRAFT', revision: 1, publishedAt: null, featured: false, lecturer: { id: lecturer.lecturerId } });
    expect(created.chapters.map((c: any) => c.kind)).toEqual(['ARTICLE', 'VIDEO', 'AUDIO']);
    expect(created.workingRevision).toMatchObject({ revision: 1, status: 'DRAFT', submittedAt: null });
    expect((await ok(COURSE, { id: created.id }, parent)).course).toBeNull();
    expect((await ok(COURSE, { id: created.id })).course).toBeNull();

    const submitted = (await ok(SUBMIT, { id: created.id }, lecturer)).submitCourseForReview;
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', revision: 1 });
    expect(submitted.workingRevision.submittedAt).not.toBeNull();
    expect((await ok(QUEUE, {}, countyOrganizer)).reviewQueue.courses.map((c: any) => c.id)).toContain(created.id);
    expect((await ok(COURSE, { id: created.id }, parent)).course).toBeNull();

    const approved = (await ok(APPROVE, { id: created.id, note: '内容扎实' }, countyOrganizer)).approveCourse;
    expect(approved).toMatchObject({ status: 'PUBLISHED', revision: 1, workingRevision: null, title: created.title });
    expect(approved.publishedAt).not.toBeNull();
    expect((await ok(QUEUE, {}, countyOrganizer)).reviewQueue.courses.map((c: any) => c.id)).not.toContain(created.id);

    const seen = (await ok(COURSE, { id: created.id }, parent)).course;
    expect(seen).toMatchObject({ status: 'PUBLISHED', title: created.title, workingRevision: null, reviewHistory: [] });
    expect((await ok(COURSE, { id: created.id })).course.title).toBe(created.title);
    const listed = (await ok(CATALOGUE, { search: created.title })).courses;
    expect(listed.edges.map((e: any) => e.node.id)).toEqual([created.id]);
  });

  it('is rejected with a reason, edited, resubmitted as a new revision and approved; the trail keeps both decisions', async () => {
    const created = await createCourse();
    await ok(SUBMIT, { id: created.id }, lecturer);
    const rejectedAt = Date.now();
    const rejected = (await ok(REJECT, { id: created.id, reason: '  第二章视频声音太小，请重新录制。  ' }, countyOrganizer)).rejectCourse;
    expect(rejected).toMatchObject({ status: 'REJECTED', revision: 1 });
    expect(rejected.workingRevision).toMatchObject({ status: 'REJECTED', rejectionReason: '第二章视频声音太小，请重新录制。' });

    // The lecturer hears about it through the outbox, on the page where they manage courses.
    const notice = await db().collection('outbox').findOne({ _id: `REVIEW_RESULT:COURSE:${created.id}:1` as any });
    expect(notice).toMatchObject({ kind: 'REVIEW_RESULT', state: 'PENDING', page: 'packages/lecturer/courses' });
    expect(String(notice!.userId)).toBe(lecturer.userId);
    expect(notice!.data).toMatchObject({ thing1: created.title, thing3: '课程未通过审核', thing4: '第二章视频声音太小，请重新录制。' });

    const edited = (
      await ok(SAVE, { input: { ...draft({ title: created.title }), id: created.id, chapters: [{ ...draft().chapters[0], id: created.chapters[0].id }, { ...draft().chapters[1], id: created.chapters[1].id, mediaUrl: 'https://cdn.example.com/v/pact-louder.mp4' }] } }, lecturer)
    ).saveCourseDraft;
    expect(edited).toMatchObject({ status: 'DRAFT', revision: 2 });
    expect(edited.workingRevision).toMatchObject({ revision: 2, status: 'DRAFT', rejectionReason: null });
    // Chapters kept their ids, so progress would carry over.
    expect(edited.chapters.map((c: any) => c.id)).toEqual([created.chapters[0].id, created.chapters[1].id]);

    expect((await ok(SUBMIT, { id: created.id }, lecturer)).submitCourseForReview).toMatchObject({ status: 'IN_REVIEW', revision: 2 });
    const approved = (await ok(APPROVE, { id: created.id }, countyOrganizer)).approveCourse;
    expect(approved).toMatchObject({ status: 'PUBLISHED', revision: 2 });
    expect(approved.chapters[1].mediaUrl).toBe('https://cdn.example.com/v/pact-louder.mp4');

    const history = (await ok(COURSE, { id: created.id }, lecturer)).course.reviewHistory;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ subjectType: 'COURSE', subjectId: created.id, revision: 1, verdict: 'REJECTED', reason: '第二章视频声音太小，请重新录制。', reviewerName: `${COUNTY} 妇联` });
    expect(history[1]).toMatchObject({ revision: 2, verdict: 'APPROVED', reason: null });
    expect(new Date(history[0].decidedAt).getTime()).toBeGreaterThanOrEqual(rejectedAt - 1000);
    expect(new Date(history[1].decidedAt).getTime()).toBeGreaterThanOrEqual(new Date(history[0].decidedAt).getTime());
    const approvedNotice = await db().collection('outbox').findOne({ _id: `REVIEW_RESULT:COURSE:${created.id}:2` as any });
    expect(approvedNotice!.data).toMatchObject({ thing3: '课程审核通过，已发布' });
    // Organizers of the county see the trail; parents never do.
    expect((await ok(COURSE, { id: created.id }, countyOrganizer)).course.reviewHistory).toHaveLength(2);
    expect((await ok(COURSE, { id: created.id }, parent)).course.reviewHistory).toEqual([]);
  });

  it('keeps the published revision live for parents while an edit is drafted and reviewed', async () => {
    const published = await publishCourse();
    const before = await courseDoc(published.id);
    const edit = {
      ...draft({ title: '新版：孩子沉迷手机怎么办' }),
      id: published.id,
      chapters: [{ id: published.chapters[0].id, kind: 'ARTICLE', title: '新写的第一章', body: '<p>新内容</p>' }, { kind: 'ARTICLE', title: '新增一章', body: '<p>更多</p>' }],
    };
    const saved = (await ok(SAVE, { input: edit }, lecturer)).saveCourseDraft;
    expect(saved).toMatchObject({ status: 'PUBLISHED', revision: 1, title: published.title });
    expect(saved.workingRevision).toMatchObject({ revision: 2, status: 'DRAFT', title: '新版：孩子沉迷手机怎么办' });
    expect(saved.workingRevision.chapters[0].id).toBe(published.chapters[0].id);
    expect(saved.workingRevision.chapters[1].id).not.toBe(published.chapters[1].id);
    // The live revision in the database is untouched.
    expect((await courseDoc(published.id))!.live).toEqual(before!.live);

    await ok(SUBMIT, { id: published.id }, lecturer);
    const forParent = (await ok(COURSE, { id: published.id }, parent)).course;
    expect(forParent).toMatchObject({ status: 'PUBLISHED', title: published.title, revision: 1, workingRevision: null });
    expect(forParent.chapters).toHaveLength(3);
    expect((await ok(CATALOGUE, { search: published.title })).courses.edges.map((e: any) => e.node.title)).toEqual([published.title]);
    const forOwner = (await ok(COURSE, { id: published.id }, lecturer)).course;
    expect(forOwner).toMatchObject({ status: 'PUBLISHED', workingRevision: { status: 'IN_REVIEW', revision: 2 } });

    // Editing while in review is refused and writes nothing.
    const inReview = await snapshot();
    expectError(await server.graphql(SAVE, { input: edit }, lecturer.token), 'CONFLICT');
    expect(await snapshot()).toEqual(inReview);

    const approved = (await ok(APPROVE, { id: published.id }, countyOrganizer)).approveCourse;
    expect(approved).toMatchObject({ status: 'PUBLISHED', revision: 2, title: '新版：孩子沉迷手机怎么办', workingRevision: null });
    expect((await ok(COURSE, { id: published.id }, parent)).course.chapters.map((c: any) => c.title)).toEqual(['新写的第一章', '新增一章']);
  });

  it('is hidden from parents once archived, by its lecturer or an organizer of its county', async () => {
    const one = await publishCourse();
    const two = await publishCourse();
    expect((await ok(ARCHIVE, { id: one.id }, lecturer)).archiveCourse.status).toBe('ARCHIVED');
    expect((await ok(ARCHIVE, { id: two.id }, countyOrganizer)).archiveCourse.status).toBe('ARCHIVED');
    for (const course of [one, two]) {
      expect((await ok(COURSE, { id: course.id }, parent)).course).toBeNull();
      expect((await ok(CATALOGUE, { search: course.title })).courses.totalCount).toBe(0);
      expect((await ok(COURSE, { id: course.id }, lecturer)).course.status).toBe('ARCHIVED');
    }
    // An archived course is not edited or reviewed any more.
    expectError(await server.graphql(SAVE, { input: { ...draft(), id: one.id } }, lecturer.token), 'CONFLICT');
    expectError(await server.graphql(SUBMIT, { id: one.id }, lecturer.token), 'CONFLICT');
  });

  it('lists at most the 100 most recently updated of a lecturer\'s courses', async () => {
    const prolific = await signInAs(server.url, 'course-lecturer-prolific', 'LECTURER', { countyCode: COUNTY });
    const start = Date.now() - 200 * 60_000;
    const docs = Array.from({ length: 101 }, (_, i) => {
      const at = new Date(start + i * 60_000);
      const content = { title: `第${i}门`, summary: '批量写入', tags: [], ageGroups: [], chapters: [] };
      return {
        _id: new Types.ObjectId(),
        lecturerId: new Types.ObjectId(prolific.lecturerId!),
        countyCode: COUNTY,
        featured: false,
        live: null,
        working: { revision: 1, content, state: 'DRAFT', updatedAt: at },
        createdAt: at,
        updatedAt: at,
      };
    });
    await db().collection('courses').insertMany(docs);
    const list = (await ok(`{ myCourses { id title } }`, {}, prolific)).myCourses;
    expect(list).toHaveLength(100);
    expect(list[0].title).toBe('第100门');
    expect(list[99].title).toBe('第1门');
    expect(list.map((c: any) => c.id)).not.toContain(docs[0]._id.toHexString());
  });

  it('lists the lecturer their own courses in every state, recently updated first', async () => {
    const mine = await signInAs(server.url, 'course-lecturer-mine', 'LECTURER', { countyCode: COUNTY });
    const a = await createCourse({}, mine);
    const b = await publishCourse({}, mine);
    await createCourse({}, otherLecturer);
    const list = (await ok(`{ myCourses { id status } }`, {}, mine)).myCourses;
    expect(list).toEqual([{ id: b.id, status: 'PUBLISHED' }, { id: a.id, status: 'DRAFT' }]);
    expectError(await server.graphql(`{ myCourses { id } }`, {}, parent.token), 'FORBIDDEN');
  });
});

describe('rich text', () => {
  it('keeps formatting and strips scripts, event handlers, frames and javascript: links', async () => {
    const body = [
      '<h3 style="color:red">第一节</h3>',
      '<p onclick="steal()">先<em>听</em>孩子说<script>alert(document.cookie)</script></p>',
      '<a href="javascript:alert(1)">点这里</a>',
      '<img src="javascript:alert(2)"><img src="http://insecure.example.com/a.png" alt="insecure">',
      '<img src="https://cdn.example.com/a.png" alt="家庭" onerror="steal()">',
      '<iframe src="https://evil.example.com">frame text</iframe><style>p { display: none }</style>',
      '<ul><li>一</li><li>二</li></ul><blockquote>好好说话</blockquote>',
    ].join('');
    const course = await createCourse({ chapters: [{ kind: 'ARTICLE', title: '沟通', body }] });
    const stored = course.chapters[0].body as string;
    expect(stored).not.toMatch(/script|alert|onclick|onerror|javascript|iframe|frame text|style|display|insecure/i);
    expect(stored).toContain('<h3>第一节</h3>');
    expect(stored).toContain('<p>先<em>听</em>孩子说</p>');
    expect(stored).toContain('点这里');
    expect(stored).not.toContain('<a');
    expect(stored).toContain('<img src="https://cdn.example.com/a.png" alt="家庭" />');
    expect(stored).toContain('<ul><li>一</li><li>二</li></ul><blockquote>好好说话</blockquote>');
    expect((await courseDoc(course.id))!.working.content.chapters[0].body).toBe(stored);
  });
});

describe('bad input: a clear code and field, and nothing written', () => {
  const longArticle = `<p>${'字'.repeat(20_001)}</p>`;
  const chapter = draft().chapters;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an empty title', { title: '' }, 'input.title'],
    ['a blank title', { title: '    ' }, 'input.title'],
    ['a title of 61 characters', { title: '长'.repeat(61) }, 'input.title'],
    ['an empty summary', { summary: '' }, 'input.summary'],
    ['a summary of 501 characters', { summary: '长'.repeat(501) }, 'input.summary'],
    ['an http cover', { coverUrl: 'http://cdn.example.com/c.jpg' }, 'input.coverUrl'],
    ['nine tags', { tags: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }, 'input.tags'],
    ['a tag of 13 characters', { tags: ['一二三四五六七八九十一二三'] }, 'input.tags'],
    ['51 chapters', { chapters: Array.from({ length: 51 }, () => chapter[0]) }, 'input.chapters'],
    ['a video without a URL', { chapters: [chapter[0], chapter[2], { kind: 'VIDEO', title: '无链接', durationSeconds: 60 }] }, 'input.chapters.2.mediaUrl'],
    ['an audio without a duration', { chapters: [{ kind: 'AUDIO', title: '无时长', mediaUrl: 'https://cdn.example.com/a.mp3' }] }, 'input.chapters.0.durationSeconds'],
    ['a duration over ten hours', { chapters: [{ ...chapter[1], durationSeconds: 36_001 }] }, 'input.chapters.0.durationSeconds'],
    ['a javascript: media URL', { chapters: [{ ...chapter[1], mediaUrl: 'javascript:alert(1)' }] }, 'input.chapters.0.mediaUrl'],
    ['an article without a body', { chapters: [{ kind: 'ARTICLE', title: '空' }] }, 'input.chapters.0.body'],
    ['an article over 20000 characters', { chapters: [{ kind: 'ARTICLE', title: '长文', body: longArticle }] }, 'input.chapters.0.body'],
    ['an article that is only a script', { chapters: [chapter[1], { kind: 'ARTICLE', title: '脚本', body: '<script>alert(1)</script><p> </p>' }] }, 'input.chapters.1.body'],
    ['a blank chapter title', { chapters: [{ ...chapter[0], title: '  ' }] }, 'input.chapters.0.title'],
  ];

  it.each(cases)('refuses %s when creating a course', async (_name, overrides, field) => {
    const before = await snapshot();
    expectError(await server.graphql(SAVE, { input: draft(overrides) }, lecturer.token), 'BAD_USER_INPUT', field);
    expect(await snapshot()).toEqual(before);
  });

  it.each(cases)('refuses %s when editing a course, which stays as it was', async (_name, overrides, field) => {
    const course = await publishCourse();
    const before = await snapshot();
    expectError(await server.graphql(SAVE, { input: { ...draft(overrides), id: course.id } }, lecturer.token), 'BAD_USER_INPUT', field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to send a course without chapters to review: the course is not ready (CONFLICT), no argument was wrong', async () => {
    const course = await createCourse({ chapters: [] });
    expect(course.status).toBe('DRAFT');
    const before = await snapshot();
    const result = await server.graphql(SUBMIT, { id: course.id }, lecturer.token);
    expectError(result, 'CONFLICT');
    expect(result.errors![0].message).toContain('add at least one chapter before sending it to review');
    expect(result.errors![0].extensions?.fields).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an empty reason', ''],
    ['a blank reason', '   '],
    ['a reason of 201 characters', '因'.repeat(201)],
  ])('refuses to reject with %s', async (_name, reason) => {
    const course = await createCourse();
    await ok(SUBMIT, { id: course.id }, lecturer);
    const before = await snapshot();
    expectError(await server.graphql(REJECT, { id: course.id, reason }, countyOrganizer.token), 'BAD_USER_INPUT', 'reason');
    expect(await snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for a course that does not exist and BAD_USER_INPUT for a malformed id', async () => {
    expectError(await server.graphql(SUBMIT, { id: new Types.ObjectId().toHexString() }, lecturer.token), 'NOT_FOUND');
    expectError(await server.graphql(SAVE, { input: { ...draft(), id: new Types.ObjectId().toHexString() } }, lecturer.token), 'NOT_FOUND');
    expectError(await server.graphql(SUBMIT, { id: 'nope' }, lecturer.token), 'BAD_USER_INPUT', 'id');
    expectError(await server.graphql(SAVE, { input: { ...draft(), id: 'nope' } }, lecturer.token), 'BAD_USER_INPUT', 'input.id');
  });

  it('refuses a second decision on the same revision, and deciding a course not in review', async () => {
    const course = await createCourse();
    expectError(await server.graphql(APPROVE, { id: course.id }, countyOrganizer.token), 'CONFLICT');
    await ok(SUBMIT, { id: course.id }, lecturer);
    expectError(await server.graphql(SUBMIT, { id: course.id }, lecturer.token), 'CONFLICT');
    await ok(APPROVE, { id: course.id }, countyOrganizer);
    const before = await snapshot();
    expectError(await server.graphql(APPROVE, { id: course.id }, cityOrganizer.token), 'CONFLICT');
    expectError(await server.graphql(REJECT, { id: course.id, reason: '晚了' }, countyOrganizer.token), 'CONFLICT');
    expectError(await server.graphql(SUBMIT, { id: course.id }, lecturer.token), 'CONFLICT');
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may do what', () => {
  it('a lecturer may not touch another lecturer\'s course', async () => {
    const course = await createCourse();
    const before = await snapshot();
    expectError(await server.graphql(SAVE, { input: { ...draft(), id: course.id } }, otherLecturer.token), 'FORBIDDEN');
    expectError(await server.graphql(SUBMIT, { id: course.id }, otherLecturer.token), 'FORBIDDEN');
    expectError(await server.graphql(ARCHIVE, { id: course.id }, otherLecturer.token), 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    // Nor see it while it is a draft.
    expect((await ok(COURSE, { id: course.id }, otherLecturer)).course).toBeNull();
  });

  it('a parent may not call lecturer or organizer mutations; a signed-out caller is asked to sign in', async () => {
    const course = await createCourse();
    await ok(SUBMIT, { id: course.id }, lecturer);
    const before = await snapshot();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [SAVE, { input: draft() }],
      [SAVE, { input: { ...draft(), id: course.id } }],
      [SUBMIT, { id: course.id }],
      [ARCHIVE, { id: course.id }],
      [APPROVE, { id: course.id }],
      [REJECT, { id: course.id, reason: '不行' }],
      [FEATURE, { id: course.id, featured: true }],
    ];
    for (const [query, variables] of attempts) {
      expectError(await server.graphql(query, variables, parent.token), 'FORBIDDEN');
      expectError(await server.graphql(query, variables), 'UNAUTHENTICATED');
    }
    // Lecturers do not review, even their own course.
    expectError(await server.graphql(APPROVE, { id: course.id }, lecturer.token), 'FORBIDDEN');
    expectError(await server.graphql(QUEUE, {}, lecturer.token), 'FORBIDDEN');
    expectError(await server.graphql(QUEUE, {}, parent.token), 'FORBIDDEN');
    // Organizers do not write courses.
    expectError(await server.graphql(SAVE, { input: draft() }, cityOrganizer.token), 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('organizers review only their county; city organizers and admins review everywhere', async () => {
    const course = await createCourse();
    await ok(SUBMIT, { id: course.id }, lecturer);

    const inQueue = async (who: SignedIn) => (await ok(QUEUE, {}, who)).reviewQueue.courses.some((c: any) => c.id === course.id);
    expect(await inQueue(countyOrganizer)).toBe(true);
    expect(await inQueue(cityOrganizer)).toBe(true);
    expect(await inQueue(admin)).toBe(true);
    expect(await inQueue(otherCountyOrganizer)).toBe(false);

    // The other county's organizer cannot see, approve, reject, feature or archive it.
    expect((await ok(COURSE, { id: course.id }, otherCountyOrganizer)).course).toBeNull();
    const before = await snapshot();
    expectError(await server.graphql(APPROVE, { id: course.id }, otherCountyOrganizer.token), 'FORBIDDEN');
    expectError(await server.graphql(REJECT, { id: course.id, reason: '不行' }, otherCountyOrganizer.token), 'FORBIDDEN');
    expectError(await server.graphql(FEATURE, { id: course.id, featured: true }, otherCountyOrganizer.token), 'FORBIDDEN');
    expectError(await server.graphql(ARCHIVE, { id: course.id }, otherCountyOrganizer.token), 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    // Its own county's organizer sees the revision under review.
    const seen = (await ok(COURSE, { id: course.id }, countyOrganizer)).course;
    expect(seen.workingRevision).toMatchObject({ status: 'IN_REVIEW', revision: 1 });

    const approved = (await ok(APPROVE, { id: course.id }, cityOrganizer)).approveCourse;
    expect(approved.status).toBe('PUBLISHED');
    const decision = await db().collection('review_decisions').findOne({ _id: `COURSE:${course.id}:1` as any });
    expect(decision).toMatchObject({ verdict: 'APPROVED', reviewerName: '市妇联', countyCode: COUNTY });
    expect(String(decision!.reviewerId)).toBe(cityOrganizer.userId);

    const another = await createCourse();
    await ok(SUBMIT, { id: another.id }, lecturer);
    expect((await ok(REJECT, { id: another.id, reason: '请补充案例' }, admin)).rejectCourse.status).toBe('REJECTED');
  });

  it('lists lecture proposals of the organizer\'s county in the queue, oldest first', async () => {
    const now = Date.now();
    const later = await insertLecture({ title: '后提交的讲座', status: 'PROPOSED', proposedAt: new Date(now - 1000), countyCode: COUNTY });
    const earlier = await insertLecture({ title: '先提交的讲座', status: 'PROPOSED', proposedAt: new Date(now - 60_000), countyCode: COUNTY });
    const elsewhere = await insertLecture({ title: '建瓯的讲座', status: 'PROPOSED', proposedAt: new Date(now - 30_000), countyCode: OTHER_COUNTY });
    await insertLecture({ title: '已发布的讲座', status: 'PUBLISHED', countyCode: COUNTY });

    const county = (await ok(QUEUE, {}, countyOrganizer)).reviewQueue.lectures;
    expect(county.map((l: any) => l.id)).toEqual([earlier, later]);
    expect(county[0]).toMatchObject({ title: '先提交的讲座', status: 'PROPOSED' });
    expect((await ok(QUEUE, {}, otherCountyOrganizer)).reviewQueue.lectures.map((l: any) => l.id)).toEqual([elsewhere]);
    expect((await ok(QUEUE, {}, cityOrganizer)).reviewQueue.lectures.map((l: any) => l.id)).toEqual([earlier, elsewhere, later]);
  });

  it('queues courses in review oldest submission first', async () => {
    const first = await createCourse();
    const second = await createCourse();
    await ok(SUBMIT, { id: second.id }, lecturer);
    await ok(SUBMIT, { id: first.id }, lecturer);
    const ids = (await ok(QUEUE, {}, countyOrganizer)).reviewQueue.courses.map((c: any) => c.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });
});

describe('review that cannot be bypassed or stuck', () => {
  const APPROVE_SEEN = `mutation($id: ID!, $revision: Int) { approveCourse(id: $id, revision: $revision) { id status revision workingRevision { revision status } } }`;
  const REJECT_SEEN = `mutation($id: ID!, $reason: String!, $revision: Int) { rejectCourse(id: $id, reason: $reason, revision: $revision) { id status workingRevision { revision status rejectionReason } } }`;

  it('refuses a decision on a revision other than the one the organizer opened, deciding nothing', async () => {
    const published = await publishCourse();
    // The organizer opened revision 1 once; now revision 2 is in review.
    await ok(SAVE, { input: { ...draft({ title: '改过的标题' }), id: published.id } }, lecturer);
    await ok(SUBMIT, { id: published.id }, lecturer);
    const before = await snapshot();
    const stale = await server.graphql(APPROVE_SEEN, { id: published.id, revision: 1 }, countyOrganizer.token);
    expectError(stale, 'CONFLICT');
    expect(stale.errors![0].message).toContain('changed since you opened it');
    expectError(await server.graphql(REJECT_SEEN, { id: published.id, reason: '不行', revision: 1 }, countyOrganizer.token), 'CONFLICT');
    expect(await snapshot()).toEqual(before);
    expectError(await server.graphql(APPROVE_SEEN, { id: published.id, revision: 0 }, countyOrganizer.token), 'BAD_USER_INPUT', 'revision');

    const approved = (await ok(APPROVE_SEEN, { id: published.id, revision: 2 }, countyOrganizer)).approveCourse;
    expect(approved).toMatchObject({ status: 'PUBLISHED', revision: 2, workingRevision: null });

    const another = await createCourse();
    await ok(SUBMIT, { id: another.id }, lecturer);
    const rejected = (await ok(REJECT_SEEN, { id: another.id, reason: '请补充案例', revision: 1 }, countyOrganizer)).rejectCourse;
    expect(rejected.workingRevision).toMatchObject({ revision: 1, status: 'REJECTED', rejectionReason: '请补充案例' });
  });

  /** A decision on record whose request died before it changed the course. */
  async function recordedOnly(courseId: string, verdict: 'APPROVED' | 'REJECTED', reviewer: SignedIn, reason?: string): Promise<void> {
    await db().collection('review_decisions').insertOne({
      _id: `COURSE:${courseId}:1` as never,
      subjectType: 'COURSE',
      subjectId: new Types.ObjectId(courseId),
      revision: 1,
      verdict,
      reason,
      reviewerId: new Types.ObjectId(reviewer.userId),
      reviewerName: '延平区妇联',
      countyCode: COUNTY,
      decidedAt: new Date(),
    });
  }

  it('finishes an approval that was recorded but never applied, and answers the other organizer CONFLICT', async () => {
    const course = await createCourse();
    await ok(SUBMIT, { id: course.id }, lecturer);
    await recordedOnly(course.id, 'APPROVED', countyOrganizer);
    expect((await courseDoc(course.id))!.working.state).toBe('IN_REVIEW');

    expectError(await server.graphql(REJECT, { id: course.id, reason: '不合适' }, cityOrganizer.token), 'CONFLICT');
    const stored = await courseDoc(course.id);
    expect(stored!.working).toBeNull();
    expect(stored!.live.revision).toBe(1);
    expect((await ok(COURSE, { id: course.id }, parent)).course).toMatchObject({ status: 'PUBLISHED' });
    expect(await db().collection('review_decisions').countDocuments({ subjectId: new Types.ObjectId(course.id) })).toBe(1);
    const notice = await db().collection('outbox').findOne({ _id: `REVIEW_RESULT:COURSE:${course.id}:1` as any });
    expect(notice!.data).toMatchObject({ thing3: '课程审核通过，已发布' });
  });

  it('lets the organizer who recorded the decision retry it: the recorded decision is applied and the answer is success', async () => {
    const course = await createCourse();
    await ok(SUBMIT, { id: course.id }, lecturer);
    await recordedOnly(course.id, 'REJECTED', countyOrganizer, '请补充案例');
    const retried = (await ok(REJECT, { id: course.id, reason: '请补充案例' }, countyOrganizer)).rejectCourse;
    expect(retried).toMatchObject({ status: 'REJECTED', workingRevision: { status: 'REJECTED', rejectionReason: '请补充案例' } });
    expect(retried.reviewHistory).toHaveLength(1);
  });

  it('reviews a course in the lecturer\'s current county, read when it is sent to review', async () => {
    const moving = await signInAs(server.url, 'course-lecturer-moving', 'LECTURER');
    const course = await createCourse({}, moving);
    expect((await courseDoc(course.id))!.countyCode ?? null).toBeNull();
    // An admin makes the account a lecturer of the county; the draft goes to that county's organizers.
    const SET_ROLE = `mutation($userId: ID!, $countyCode: ID) { setUserRole(userId: $userId, role: LECTURER, countyCode: $countyCode) { id countyCode } }`;
    expect((await ok(SET_ROLE, { userId: moving.userId, countyCode: COUNTY }, admin)).setUserRole.countyCode).toBe(COUNTY);
    // The change ended the account's sessions (tests/server/sessions.test.ts): it signs in again.
    const moved = await signInAs(server.url, 'course-lecturer-moving', 'LECTURER', { countyCode: COUNTY });
    await ok(SUBMIT, { id: course.id }, moved);
    expect((await courseDoc(course.id))!.countyCode).toBe(COUNTY);
    expect((await ok(QUEUE, {}, countyOrganizer)).reviewQueue.courses.map((c: any) => c.id)).toContain(course.id);
    expect((await ok(QUEUE, {}, otherCountyOrganizer)).reviewQueue.courses.map((c: any) => c.id)).not.toContain(course.id);
    expect((await ok(APPROVE, { id: course.id }, countyOrganizer)).approveCourse.status).toBe('PUBLISHED');
  });

  it('answers reviewQueue with review histories in as many round trips for 8 courses as for 2', async () => {
    const QUEUE_COUNTY = '350721'; // 顺昌县: this test's own county, so the queue holds only its courses
    const queueLecturer = await signInAs(server.url, 'course-queue-lecturer', 'LECTURER', { countyCode: QUEUE_COUNTY });
    const queueOrganizer = await signInAs(server.url, 'course-queue-organizer', 'ORGANIZER', { countyCode: QUEUE_COUNTY });
    const HISTORY_QUEUE = `{ reviewQueue { courses { id title lecturer { name } reviewHistory { revision verdict } } lectures { id } } }`;

    /** A course in review with one rejection behind it, so every history has something in it. */
    async function inReviewAgain(): Promise<void> {
      const course = await createCourse({}, queueLecturer);
      await ok(SUBMIT, { id: course.id }, queueLecturer);
      await ok(REJECT, { id: course.id, reason: '请补充案例' }, queueOrganizer);
      await ok(SAVE, { input: { ...draft(), id: course.id } }, queueLecturer);
      await ok(SUBMIT, { id: course.id }, queueLecturer);
    }

    async function tripsFor(expected: number): Promise<number> {
      let courses: any[] = [];
      const trips = await server.countRoundTrips(async () => {
        const result = await server.graphql(HISTORY_QUEUE, {}, queueOrganizer.token);
        expect(result.errors).toBeUndefined();
        courses = result.data.reviewQueue.courses;
      });
      expect(courses).toHaveLength(expected);
      for (const course of courses) expect(course.reviewHistory).toEqual([{ revision: 1, verdict: 'REJECTED' }]);
      return trips;
    }

    for (let i = 0; i < 2; i++) await inReviewAgain();
    const two = await tripsFor(2);
    for (let i = 0; i < 6; i++) await inReviewAgain();
    const eight = await tripsFor(8);
    // the organizer's account, courses in review, lecture proposals, lecturers, review histories
    expect(two).toBeLessThanOrEqual(5);
    expect(eight).toBe(two);
  });
});

describe('the catalogue', () => {
  let catalogue: { featured: any; recent: any; older: any; forToddlers: any; regexy: any };
  beforeAll(async () => {
    // A lecturer of its own, so every course it publishes carries the tag below.
    const tagged = await signInAs(server.url, 'course-catalogue', 'LECTURER', { countyCode: COUNTY });
    const tags = ['目录测试'];
    const older = await publishCourse({ tags, title: '目录：较早发布' }, tagged);
    const featured = await publishCourse({ tags, title: '目录：精品课程' }, tagged);
    const forToddlers = await publishCourse({ tags, title: '目录：幼儿', ageGroups: ['INFANT'] }, tagged);
    const regexy = await publishCourse({ tags, title: '目录：a.*b 不是正则', ageGroups: [] }, tagged);
    const recent = await publishCourse({ tags, title: '目录：最新发布' }, tagged);
    await ok(FEATURE, { id: featured.id, featured: true }, countyOrganizer);
    catalogue = { featured, recent, older, forToddlers, regexy };
  });

  const titles = (data: any) => data.courses.edges.map((e: any) => e.node.title);

  it('lists featured courses first, then the latest published, a page at a time', async () => {
    const page1 = (await ok(CATALOGUE, { tag: '目录测试', first: 2 })).courses;
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(CATALOGUE, { tag: '目录测试', first: 2, after: page1.pageInfo.endCursor })).courses;
    const page3 = (await ok(CATALOGUE, { tag: '目录测试', first: 2, after: page2.pageInfo.endCursor })).courses;
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect([...titles({ courses: page1 }), ...titles({ courses: page2 }), ...titles({ courses: page3 })]).toEqual([
      '目录：精品课程',
      '目录：最新发布',
      '目录：a.*b 不是正则',
      '目录：幼儿',
      '目录：较早发布',
    ]);
    expect(page1.edges[0].node.featured).toBe(true);
  });

  it('filters by featured, age group (courses for every age included) and tag', async () => {
    expect(titles(await ok(CATALOGUE, { tag: '目录测试', featured: true }))).toEqual(['目录：精品课程']);
    expect(titles(await ok(CATALOGUE, { tag: '目录测试', featured: false }))).not.toContain('目录：精品课程');
    expect(titles(await ok(CATALOGUE, { tag: '目录测试', ageGroup: 'INFANT' }))).toEqual(['目录：a.*b 不是正则', '目录：幼儿']);
    expect(titles(await ok(CATALOGUE, { tag: '不存在的标签' }))).toEqual([]);
  });

  it('searches title and summary literally', async () => {
    expect(titles(await ok(CATALOGUE, { search: 'a.*b' }))).toEqual(['目录：a.*b 不是正则']);
    expect(titles(await ok(CATALOGUE, { search: '.*' }))).toEqual(['目录：a.*b 不是正则']);
    expect(titles(await ok(CATALOGUE, { tag: '目录测试', search: '定规矩' })).length).toBe(5);
  });

  it('refuses a bad page size, a foreign cursor and overlong filters', async () => {
    expectError(await server.graphql(CATALOGUE, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await server.graphql(CATALOGUE, { first: 101 }), 'BAD_USER_INPUT', 'first');
    expectError(await server.graphql(CATALOGUE, { after: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
    expectError(await server.graphql(CATALOGUE, { search: '长'.repeat(51) }), 'BAD_USER_INPUT', 'search');
  });

  it('a featured flag is set by organizers of the course\'s county and can be taken back', async () => {
    const { recent } = catalogue;
    expect((await ok(FEATURE, { id: recent.id, featured: true }, cityOrganizer)).setCourseFeatured.featured).toBe(true);
    expect(titles(await ok(CATALOGUE, { tag: '目录测试', featured: true }))).toEqual(['目录：最新发布', '目录：精品课程']);
    expect((await ok(FEATURE, { id: recent.id, featured: false }, countyOrganizer)).setCourseFeatured.featured).toBe(false);
  });
});

describe('lectures and courses', () => {
  it('a lecture shows its course, and a course its published lectures, upcoming first', async () => {
    const course = await publishCourse();
    const day = 24 * 3600 * 1000;
    const soon = await insertLecture({ courseId: new Types.ObjectId(course.id), startsAt: new Date(Date.now() + day), endsAt: new Date(Date.now() + day + 3600_000) });
    const later = await insertLecture({ courseId: new Types.ObjectId(course.id), startsAt: new Date(Date.now() + 5 * day), endsAt: new Date(Date.now() + 5 * day + 3600_000) });
    const past = await insertLecture({ courseId: new Types.ObjectId(course.id), startsAt: new Date(Date.now() - 5 * day), endsAt: new Date(Date.now() - 5 * day + 3600_000) });
    await insertLecture({ courseId: new Types.ObjectId(course.id), status: 'PROPOSED' });

    const data = await ok(`query($id: ID!) { course(id: $id) { lectures { id } } }`, { id: course.id }, parent);
    expect(data.course.lectures.map((l: any) => l.id)).toEqual([soon, later, past]);
    const lecture = await ok(`query($id: ID!) { lecture(id: $id) { course { id title status } } }`, { id: soon }, parent);
    expect(lecture.lecture.course).toEqual({ id: course.id, title: course.title, status: 'PUBLISHED' });

    // A course parents may not see is not shown through its lecture either.
    const hidden = await createCourse();
    const withDraft = await insertLecture({ courseId: new Types.ObjectId(hidden.id) });
    expect((await ok(`query($id: ID!) { lecture(id: $id) { course { id } } }`, { id: withDraft }, parent)).lecture.course).toBeNull();
    expect((await ok(`query($id: ID!) { lecture(id: $id) { course { id } } }`, { id: withDraft }, lecturer)).lecture.course).toEqual({ id: hidden.id });
  });
});
