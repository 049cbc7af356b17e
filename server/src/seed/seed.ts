import type { Model } from 'mongoose';
import { CountyModel } from '../modules/county/county.model';
import { COUNTIES } from '../modules/county/counties';
import { CourseModel } from '../modules/course/course.model';
import { ChapterKind } from '../modules/course/course-status';
import { LectureModel } from '../modules/lecture/lecture.model';
import { LecturerModel } from '../modules/lecturer/lecturer.model';
import { VenueModel } from '../modules/venue/venue.model';
import { AgeGroup } from '../modules/user/user-enums';
import { buildDemoWorld, type DemoWorld } from './demo-world';
import { buildDemoCourses, type DemoCourses } from './demo-courses';
import { FIRST_HOUSEHOLD_ID, seedDemoAttendance, type AttendanceReport } from './demo-attendance';
import { UserModel } from '../modules/user/user.model';
import { seedId } from './seed-id';

export { seedId } from './seed-id';

export interface SeedReport {
  counties: number;
  venues: number;
  lecturers: number;
  lectures: number;
  /** Published demo courses (some upcoming lectures are linked to them). */
  courses: number;
  /** The history of the demo lectures: households, bookings, check-ins, feedback, targets. */
  attendance: AttendanceReport;
  /** Documents written by this run; 0 when the world was already there. */
  inserted: number;
}

/**
 * Inserts the documents whose ids are not there yet and leaves existing ones alone, so edits made
 * in the app survive a re-seed. (Upserts with $setOnInsert would say the same in one command, but
 * FerretDB 1.24 stalls on a bulk of ~150 upserts that all match.)
 */
async function insertMissing(model: Model<any>, docs: Array<{ _id: unknown }>): Promise<number> {
  const existing = await model.find({ _id: { $in: docs.map((doc) => doc._id) } }, { _id: 1 }).lean<Array<{ _id: unknown }>>();
  const have = new Set(existing.map((doc) => String(doc._id)));
  const missing = docs.filter((doc) => !have.has(String(doc._id)));
  if (missing.length > 0) await model.insertMany(missing, { ordered: false });
  return missing.length;
}

/** Children's stages a tag speaks to; a lecture with none of these tags is for every age. */
const AGE_GROUPS_BY_TAG: Record<string, AgeGroup[]> = {
  幼小衔接: [AgeGroup.PRESCHOOL, AgeGroup.PRIMARY],
  青春期: [AgeGroup.MIDDLE_SCHOOL, AgeGroup.HIGH_SCHOOL],
  留守儿童: [AgeGroup.PRIMARY, AgeGroup.MIDDLE_SCHOOL],
  隔代教养: [AgeGroup.INFANT, AgeGroup.PRESCHOOL, AgeGroup.PRIMARY],
  网络素养: [AgeGroup.PRIMARY, AgeGroup.MIDDLE_SCHOOL, AgeGroup.HIGH_SCHOOL],
  安全教育: [AgeGroup.PRESCHOOL, AgeGroup.PRIMARY, AgeGroup.MIDDLE_SCHOOL],
  阅读习惯: [AgeGroup.PRESCHOOL, AgeGroup.PRIMARY],
  劳动教育: [AgeGroup.PRIMARY, AgeGroup.MIDDLE_SCHOOL],
};

function audienceOf(tags: string[]): AgeGroup[] {
  const groups = new Set(tags.flatMap((tag) => AGE_GROUPS_BY_TAG[tag] ?? []));
  return Object.values(AgeGroup).filter((group) => groups.has(group));
}

const countyDocument = (c: { code: string; name: string; sortOrder: number }) => ({ _id: c.code, name: c.name, sortOrder: c.sortOrder });

export function demoDocuments(world: DemoWorld, demo: DemoCourses) {
  const venuesByKey = new Map(world.venues.map((venue) => [venue.key, venue]));
  const linkByLecture = new Map(demo.links.map((link) => [link.lectureKey, link]));
  return {
    counties: world.counties.map(countyDocument),
    venues: world.venues.map(({ key, ...venue }) => ({ _id: seedId(key), ...venue })),
    lecturers: world.lecturers.map(({ key, ...lecturer }) => ({ _id: seedId(key), ...lecturer })),
    lectures: world.lectures.map(({ key, venueKey, lecturerKey, ...lecture }) => {
      const venue = venuesByKey.get(venueKey);
      if (!venue) throw new Error(`demo lecture ${key} names unknown venue ${venueKey}`);
      // A lecture linked to a course is given by the course's lecturer (see demo-courses.ts).
      const link = linkByLecture.get(key);
      return {
        _id: seedId(key),
        ...lecture,
        venueId: seedId(venueKey),
        lecturerId: seedId(link?.lecturerKey ?? lecturerKey),
        venueType: venue.type,
        countyCode: venue.countyCode,
        audienceAgeGroups: audienceOf(lecture.tags),
        ...(link ? { courseId: seedId(link.courseKey) } : {}),
      };
    }),
    // Published as if approved once: revision 1 is live and nothing is pending.
    courses: demo.courses.map((course) => ({
      _id: seedId(course.key),
      lecturerId: seedId(course.lecturerKey),
      ...(course.countyCode ? { countyCode: course.countyCode } : {}),
      featured: course.featured,
      live: {
        revision: 1,
        content: {
          title: course.title,
          summary: course.summary,
          tags: course.tags,
          ageGroups: audienceOf(course.tags),
          chapters: course.chapters.map((chapter) => ({
            _id: seedId(chapter.key),
            kind: ChapterKind.ARTICLE,
            title: chapter.title,
            body: chapter.body,
          })),
        },
        publishedAt: course.publishedAt,
      },
      working: null,
      createdAt: course.publishedAt,
      updatedAt: course.publishedAt,
    })),
  };
}

/** Fills the database with the demo world drawn from the report; safe to run again. */
export async function seedDemoWorld(now = new Date()): Promise<SeedReport> {
  const world = buildDemoWorld(now);
  const docs = demoDocuments(world, buildDemoCourses(world, now));
  let inserted = 0;
  inserted += await insertMissing(CountyModel, docs.counties);
  inserted += await insertMissing(VenueModel, docs.venues);
  inserted += await insertMissing(LecturerModel, docs.lecturers);
  // Courses before lectures, so a linked lecture never points at a course that is not there yet.
  inserted += await insertMissing(CourseModel, docs.courses);
  inserted += await insertMissing(LectureModel, docs.lectures);
  // Attendance is planned from the lectures as stored (a re-seed on a later day builds the world
  // with other dates, but the lectures written the first time are the ones that stay).
  const attendance = await seedDemoAttendance(docs.lectures.map((lecture) => lecture._id), now);
  inserted += attendance.inserted;
  return {
    counties: docs.counties.length,
    venues: docs.venues.length,
    lecturers: docs.lecturers.length,
    lectures: docs.lectures.length,
    courses: docs.courses.length,
    attendance,
    inserted,
  };
}

/** The first demo lecture's stable id: there, the database holds the demo world. */
const FIRST_DEMO_LECTURE_ID = seedId('lecture-001');

/**
 * `npm start` seeds the demo world into an empty database (no lectures, courses or venues), and adds
 * to a database seeded by an earlier version (it holds the first demo lecture) what that version did
 * not write: the demo courses, and the demo history (bookings, check-ins, feedback, targets), whose
 * households are written last, so the first one's absence (one lookup by `_id`, the only filter the
 * engine answers without a scan) means "not seeded yet". What is already there is left alone, and a lecture that has bookings of real households gets no
 * demo ones.
 *
 * A database with lectures, courses or venues of its own and no demo lecture is a real one: it gets
 * no demo world, no fake attendance and no demo targets, only the ten counties it lacks (they are
 * Nanping's, not demo data, and every county reference resolves against them).
 */
export async function seedIfEmpty(now = new Date()): Promise<SeedReport | null> {
  const [lectures, courses, venues, demoLecture, history] = await Promise.all([
    LectureModel.exists({}),
    CourseModel.exists({}),
    VenueModel.exists({}),
    LectureModel.exists({ _id: FIRST_DEMO_LECTURE_ID }),
    UserModel.exists({ _id: FIRST_HOUSEHOLD_ID }),
  ]);
  if (!lectures && !courses && !venues) return seedDemoWorld(now);
  if (!demoLecture) {
    await insertMissing(CountyModel, COUNTIES.map(countyDocument));
    return null;
  }
  return courses && history ? null : seedDemoWorld(now);
}
