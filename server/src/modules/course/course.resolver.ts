import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApproveArgs, RejectArgs } from '../review/review.input';
import type { Context } from '../../context';
import { Lecture } from '../lecture/lecture.type';
import { Lecturer } from '../lecturer/lecturer.type';
import { ReviewDecision } from '../review/review.type';
import { loadRequired } from '../shared/by-id-loader';
import { Role } from '../user/user-enums';
import { CoursesArgs, SaveCourseDraftArgs, SetCourseFeaturedArgs } from './course.input';
import {
  approveCourse,
  archiveCourse,
  canManageCourse,
  canViewCourse,
  countCourses,
  getCourse,
  listCourses,
  listMyCourses,
  rejectCourse,
  reviewQueue,
  saveCourseDraft,
  setCourseFeatured,
  submitCourseForReview,
} from './course.service';
import { Course, CourseConnection, CourseRevision, ReviewQueue } from './course.type';

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CourseConnection, { description: 'Published courses: featured first, then latest published' })
  courses(@Args() args: CoursesArgs): Promise<CourseConnection> {
    return listCourses(args);
  }

  @Query(() => Course, { nullable: true, description: 'Published courses to anyone; other states to the owner and organizers in scope' })
  course(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Course | null> {
    return getCourse(viewer, id);
  }

  @Authorized(Role.LECTURER)
  @Query(() => [Course], { description: 'LECTURER: own courses, the 100 most recently updated first' })
  myCourses(@Ctx() { viewer }: Context): Promise<Course[]> {
    return listMyCourses(viewer!);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Query(() => ReviewQueue, { description: 'ORGANIZER / ADMIN' })
  reviewQueue(@Ctx() { viewer }: Context): Promise<ReviewQueue> {
    return reviewQueue(viewer!);
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Course, { description: 'Creates a course (no id) or saves a draft of your own; a published course gets a new working revision' })
  saveCourseDraft(@Args() { input }: SaveCourseDraftArgs, @Ctx() { viewer }: Context): Promise<Course> {
    return saveCourseDraft(viewer!, input);
  }

  @Authorized(Role.LECTURER)
  @Mutation(() => Course, { description: 'Sends your draft (or rejected) revision to the organizers' })
  submitCourseForReview(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Course> {
    return submitCourseForReview(viewer!, id);
  }

  @Authorized(Role.LECTURER, Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Course, { description: 'Its lecturer, or an organizer in scope: hides the course from the catalogue' })
  archiveCourse(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Course> {
    return archiveCourse(viewer!, id);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Course, { description: 'Publishes the revision in review' })
  approveCourse(@Args() args: ApproveArgs, @Ctx() { viewer, clientIp, logger }: Context): Promise<Course> {
    return approveCourse(viewer!, args, { ip: clientIp, logger });
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Course, { description: 'Sends the revision in review back to its lecturer with a reason' })
  rejectCourse(@Args() args: RejectArgs, @Ctx() { viewer, clientIp, logger }: Context): Promise<Course> {
    return rejectCourse(viewer!, args, { ip: clientIp, logger });
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => Course, { description: 'Marks a course as 闽北特色精品课程 (listed first)' })
  setCourseFeatured(@Args() { id, featured }: SetCourseFeaturedArgs, @Ctx() { viewer }: Context): Promise<Course> {
    return setCourseFeatured(viewer!, id, featured);
  }

  @FieldResolver(() => Lecturer)
  lecturer(@Root() course: Course, @Ctx() { loaders }: Context): Promise<Lecturer> {
    return loadRequired(loaders.lecturer, course.lecturerId, 'Lecturer');
  }

  @FieldResolver(() => CourseRevision, { nullable: true })
  workingRevision(@Root() course: Course, @Ctx() { viewer }: Context): CourseRevision | null {
    return canManageCourse(viewer, course) ? course.pending : null;
  }

  @FieldResolver(() => [Lecture])
  lectures(@Root() course: Course, @Ctx() { loaders }: Context): Promise<Lecture[]> {
    return loaders.courseLectures.load(course.id);
  }

  @FieldResolver(() => [ReviewDecision])
  async reviewHistory(@Root() course: Course, @Ctx() { loaders, viewer }: Context): Promise<ReviewDecision[]> {
    return canManageCourse(viewer, course) ? loaders.reviewHistory.load(course.id) : [];
  }
}

@Resolver(() => CourseConnection)
export class CourseConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: CourseConnection): Promise<number> {
    return countCourses(connection.query);
  }
}

/** `Lecture.course`: kept here so the lecture module does not depend on courses. */
@Resolver(() => Lecture)
export class LectureCourseResolver {
  @FieldResolver(() => Course, { nullable: true, description: 'The course this lecture teaches, when the viewer may see it' })
  async course(@Root() lecture: Lecture, @Ctx() { loaders, viewer }: Context): Promise<Course | null> {
    if (!lecture.courseId) return null;
    const course = await loaders.course.load(lecture.courseId);
    return course && canViewCourse(viewer, course) ? course : null;
  }
}
