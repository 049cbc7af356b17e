import mongoose from 'mongoose';
import { sanitizeArticle } from '../../server/src/modules/course/rich-text';
import { seedDemoWorld, seedIfEmpty } from '../../server/src/seed/seed';
import { startTestServer, type TestServer } from '../helpers/server';
import { insertLecture } from '../helpers/booking';

const CATALOGUE = /* GraphQL */ `
  query Catalogue($tag: String, $ageGroup: AgeGroup, $featured: Boolean) {
    courses(tag: $tag, ageGroup: $ageGroup, featured: $featured, first: 50) {
      totalCount
      edges {
        node {
          id status title summary coverUrl tags ageGroups featured publishedAt revision
          lecturer { id name }
          chapters { id kind title body mediaUrl durationSeconds }
          lectures { id startsAt }
        }
      }
    }
  }
`;

interface CatalogueCourse {
  id: string;
  status: string;
  title: string;
  summary: string;
  coverUrl: string | null;
  tags: string[];
  ageGroups: string[];
  featured: boolean;
  publishedAt: string;
  revision: number;
  lecturer: { id: string; name: string };
  chapters: Array<{ id: string; kind: string; title: string; body: string | null; mediaUrl: string | null; durationSeconds: number | null }>;
  lectures: Array<{ id: string; startsAt: string }>;
}

describe('the demo world', () => {
  let server: TestServer;
  const now = new Date();
  beforeAll(async () => {
    server = await startTestServer({ label: 'seed', now });
  });
  afterAll(() => server.close());

  const count = (collection: string, filter = {}) => mongoose.connection.db!.collection(collection).countDocuments(filter);

  async function catalogue(variables: Record<string, unknown> = {}) {
    const result = await server.graphql(CATALOGUE, variables);
    expect(result.errors).toBeUndefined();
    const connection = result.data!.courses as { totalCount: number; edges: Array<{ node: CatalogueCourse }> };
    return { totalCount: connection.totalCount, courses: connection.edges.map((edge) => edge.node) };
  }

  it('holds the report’s world: 10 counties, 20 practice bases among the venues, lectures since 2021', async () => {
    expect(await count('counties')).toBe(10);
    expect(await count('venues', { isPracticeBase: true })).toBe(20);
    // Every base says when it was named, as an organizer filling in the form must.
    const bases = await mongoose.connection.db!.collection('venues').find({ isPracticeBase: true }).toArray();
    expect(bases.every((base) => Number.isInteger(base.practiceBaseYear) && base.practiceBaseYear >= 2021 && base.practiceBaseYear <= 2025)).toBe(true);
    expect(new Set(bases.map((base) => base.practiceBaseYear)).size).toBeGreaterThan(3);
    expect(await count('venues', { isPracticeBase: false, practiceBaseYear: { $exists: true } })).toBe(0);
    expect(await count('venues')).toBeGreaterThanOrEqual(50);
    expect(await count('lecturers')).toBeGreaterThanOrEqual(25);
    expect(await count('lectures')).toBeGreaterThanOrEqual(150);
    expect(await count('lectures', { startsAt: { $lt: new Date('2021-01-01T00:00:00+08:00') } })).toBe(0);
    expect(await count('lectures', { startsAt: { $gt: now } })).toBeGreaterThan(20);
    for (const venueType of ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE']) {
      expect(await count('lectures', { venueType, startsAt: { $gt: now } })).toBeGreaterThan(0);
    }
  });

  it('gives parents a catalogue of 8 published courses, the 3 闽北特色精品课程 first', async () => {
    const { totalCount, courses } = await catalogue();
    expect(totalCount).toBe(8);
    expect(courses).toHaveLength(8);
    expect(courses.filter((c) => c.featured)).toHaveLength(3);
    // Featured first: no featured course after the first ordinary one.
    expect(courses.map((c) => c.featured)).toEqual([true, true, true, false, false, false, false, false]);
    expect((await catalogue({ featured: true })).totalCount).toBe(3);

    const twoYearsAgo = now.getTime() - 2 * 365 * 24 * 3600 * 1000;
    for (const course of courses) {
      expect(course).toMatchObject({ status: 'PUBLISHED', revision: 1, coverUrl: null });
      expect(course.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(course.lecturer.name).toMatch(/[\u4e00-\u9fa5]/);
      expect(new Date(course.publishedAt).getTime()).toBeGreaterThan(twoYearsAgo);
      expect(new Date(course.publishedAt).getTime()).toBeLessThan(now.getTime());
      expect(course.chapters.length).toBeGreaterThanOrEqual(3);
      expect(course.chapters.length).toBeLessThanOrEqual(5);
      for (const chapter of course.chapters) {
        // No media is hosted for the demo: articles only, nothing pointing at a made-up URL.
        expect(chapter).toMatchObject({ kind: 'ARTICLE', mediaUrl: null, durationSeconds: null });
        expect(chapter.body).toBeTruthy();
        // What the server would keep of it, unchanged: the seed writes clean HTML.
        expect(sanitizeArticle(chapter.body!)).toBe(chapter.body);
        const text = chapter.body!.replace(/<[^>]*>/g, '');
        expect(text.length).toBeGreaterThanOrEqual(300);
        expect(text.length).toBeLessThanOrEqual(800);
      }
    }
    // Distinct chapter ids across the catalogue (progress is kept per chapter).
    const chapterIds = courses.flatMap((c) => c.chapters.map((ch) => ch.id));
    expect(new Set(chapterIds).size).toBe(chapterIds.length);
  });

  it('files the courses under tags and age groups a parent filters by', async () => {
    const teen = await catalogue({ tag: '青春期' });
    expect(teen.totalCount).toBeGreaterThan(0);
    for (const course of teen.courses) expect(course.ageGroups).toEqual(expect.arrayContaining(['MIDDLE_SCHOOL', 'HIGH_SCHOOL']));
    expect((await catalogue({ tag: '隔代教养' })).totalCount).toBeGreaterThan(0);
    expect((await catalogue({ tag: '留守儿童' })).totalCount).toBeGreaterThan(0);

    // A grandparent of a toddler does not get the adolescence course, and a parent of a teenager
    // does not get the school-starter one; courses for every age show for both.
    const infant = await catalogue({ ageGroup: 'INFANT' });
    const high = await catalogue({ ageGroup: 'HIGH_SCHOOL' });
    for (const course of teen.courses) expect(infant.courses.map((c) => c.id)).not.toContain(course.id);
    const starter = (await catalogue({ tag: '幼小衔接' })).courses;
    expect(starter.length).toBeGreaterThan(0);
    expect(high.courses.map((c) => c.id)).not.toContain(starter[0].id);
    const everyAge = high.courses.filter((c) => c.ageGroups.length === 0).map((c) => c.id);
    expect(everyAge.length).toBeGreaterThan(0);
    expect(infant.courses.map((c) => c.id)).toEqual(expect.arrayContaining(everyAge));
  });

  it('links 4 or 5 upcoming lectures to existing courses of their own lecturer', async () => {
    const db = mongoose.connection.db!;
    const linked = await db.collection('lectures').find({ courseId: { $exists: true, $ne: null } }).toArray();
    expect(linked.length).toBeGreaterThanOrEqual(4);
    expect(linked.length).toBeLessThanOrEqual(5);
    const courses = await db.collection('courses').find({ _id: { $in: linked.map((l) => l.courseId) } }).toArray();
    const byId = new Map(courses.map((c) => [String(c._id), c]));
    for (const lecture of linked) {
      expect(lecture.startsAt.getTime()).toBeGreaterThan(now.getTime());
      const course = byId.get(String(lecture.courseId));
      expect(course).toBeDefined();
      expect(String(course!.lecturerId)).toBe(String(lecture.lecturerId));
      // The lecture is about the course's topic.
      expect(lecture.tags.some((tag: string) => course!.live.content.tags.includes(tag))).toBe(true);
    }
    // The lecturer's own list orders by these: the seed keeps its dates instead of "now".
    for (const course of courses) expect(course.updatedAt).toEqual(course.live.publishedAt);

    // What a parent sees: the course page lists the lecture to attend.
    const { courses: listed } = await catalogue();
    const shown = listed.flatMap((c) => c.lectures.map((l) => l.id));
    expect(shown.sort()).toEqual(linked.map((l) => String(l._id)).sort());
  });

  it('never duplicates when seeded again, even on a later day', async () => {
    const snapshot = async () => ({
      venues: await count('venues'),
      lectures: await count('lectures'),
      lecturers: await count('lecturers'),
      courses: await count('courses'),
      linked: await count('lectures', { courseId: { $exists: true, $ne: null } }),
    });
    const before = await snapshot();
    expect(before.courses).toBe(8);
    const again = await seedDemoWorld(new Date(now.getTime() + 3 * 24 * 3600 * 1000));
    expect(again.inserted).toBe(0);
    expect(again.courses).toBe(8);
    expect(await seedIfEmpty()).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('adds the demo courses under npm start to a database seeded before there were courses', async () => {
    const db = mongoose.connection.db!;
    const courses = await db.collection('courses').find().toArray();
    await db.collection('courses').deleteMany({});
    const lectures = await count('lectures');
    const report = await seedIfEmpty();
    expect(report).toMatchObject({ courses: 8, inserted: 8 });
    expect(await count('courses')).toBe(courses.length);
    expect(await count('lectures')).toBe(lectures);
  });

  const EVERYTHING = ['lectures', 'courses', 'venues', 'lecturers', 'users', 'bookings', 'seat_claims', 'checkins', 'feedback', 'outreach_targets', 'lecture_outcomes', 'outbox', 'counties'];

  it('gives a real database (lectures of its own, no demo lecture) no demo world and no demo history under npm start', async () => {
    const db = mongoose.connection.db!;
    for (const name of EVERYTHING) await db.collection(name).deleteMany({});
    const own = await insertLecture({ title: '建瓯市家长学校开学第一课', countyCode: '350783' });

    expect(await seedIfEmpty()).toBeNull();
    expect(await seedIfEmpty()).toBeNull();
    const lectures = await db.collection('lectures').find().toArray();
    expect(lectures.map((l) => String(l._id))).toEqual([own]);
    for (const name of ['courses', 'venues', 'lecturers', 'users', 'bookings', 'checkins', 'feedback', 'outreach_targets']) {
      expect({ name, count: await count(name) }).toEqual({ name, count: 0 });
    }
    // Only Nanping's ten counties, which are reference data the venues and reports name.
    expect(await count('counties')).toBe(10);
  });

  it('seeds everything, history included, into an empty database under npm start', async () => {
    const db = mongoose.connection.db!;
    for (const name of EVERYTHING) await db.collection(name).deleteMany({});
    const report = await seedIfEmpty();
    expect(report).not.toBeNull();
    expect(await count('lectures')).toBeGreaterThanOrEqual(150);
    expect(await count('courses')).toBe(8);
    expect(await count('bookings')).toBeGreaterThan(1000);
    expect(await count('outreach_targets')).toBeGreaterThan(0);
    expect(await seedIfEmpty()).toBeNull();
  }, 180_000);
});
