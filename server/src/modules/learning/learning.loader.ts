import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel, type BookingDoc } from '../booking/booking.model';
import { groupBy } from '../shared/group-by';
import { CertificateModel, ChapterProgressModel, type CertificateDoc, type ChapterProgressDoc } from './learning.model';
import { toCertificate, type Certificate } from './learning.type';

const objectIds = (ids: readonly string[]) => ids.map((id) => new Types.ObjectId(id));

/**
 * The viewer's learning, per request: one query per relation for a whole page of courses and
 * their chapters (progress by course, check-ins by lecture, certificates by course). Signed out,
 * nothing is asked of the database.
 */
export function createLearningLoaders(userId: string | null) {
  const user = userId ? new Types.ObjectId(userId) : null;
  return {
    /** Progress documents per course id. */
    progress: new DataLoader<string, ChapterProgressDoc[]>(async (courseIds) => {
      if (!user) return courseIds.map(() => []);
      const docs = await ChapterProgressModel.find({ userId: user, courseId: { $in: objectIds(courseIds) } }).lean<ChapterProgressDoc[]>();
      const byCourse = groupBy(docs, (doc) => doc.courseId.toHexString());
      return courseIds.map((id) => byCourse.get(id) ?? []);
    }),

    /** Whether the viewer's household was checked in at each lecture id. */
    checkedIn: new DataLoader<string, boolean>(async (lectureIds) => {
      if (!user) return lectureIds.map(() => false);
      const docs = await BookingModel.find(
        { userId: user, lectureId: { $in: objectIds(lectureIds) }, status: BookingStatus.CHECKED_IN },
        { lectureId: 1 },
      ).lean<BookingDoc[]>();
      const attended = new Set(docs.map((doc) => doc.lectureId.toHexString()));
      return lectureIds.map((id) => attended.has(id));
    }),

    /** The viewer's certificate per course id. */
    certificate: new DataLoader<string, Certificate | null>(async (courseIds) => {
      if (!user) return courseIds.map(() => null);
      const docs = await CertificateModel.find({ userId: user, courseId: { $in: objectIds(courseIds) } }).lean<CertificateDoc[]>();
      const byCourse = new Map(docs.map((doc) => [doc.courseId.toHexString(), toCertificate(doc)]));
      return courseIds.map((id) => byCourse.get(id) ?? null);
    }),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
