import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { LectureStatus } from '../lecture/lecture-status';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { toLecture, type Lecture } from '../lecture/lecture.type';
import { createByIdLoader } from '../shared/by-id-loader';
import { groupBy } from '../shared/group-by';
import { CourseModel, type CourseDoc } from './course.model';
import { toCourse, type Course } from './course.type';
import { orderLinkedLectures } from './course.service';

export const createCourseLoader = () => createByIdLoader<CourseDoc, Course>(CourseModel, toCourse);

/** Published lectures per course, for a whole page of courses in one query. */
export const createCourseLecturesLoader = () =>
  new DataLoader<string, Lecture[]>(async (courseIds) => {
    const docs = await LectureModel.find({
      courseId: { $in: courseIds.map((id) => new Types.ObjectId(id)) },
      status: LectureStatus.PUBLISHED,
    }).lean<LectureDoc[]>();
    const byCourse = groupBy(docs, (doc) => doc.courseId!.toHexString(), toLecture);
    return courseIds.map((id) => orderLinkedLectures(byCourse.get(id) ?? []));
  });
