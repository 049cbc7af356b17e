import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Chapter, Course } from '../course/course.type';
import { loadRequired } from '../shared/by-id-loader';
import { SaveChapterProgressArgs } from './learning.input';
import { courseProgress, getCertificate, listMyCertificates, listMyLearning, saveChapterProgress } from './learning.service';
import { Certificate, ChapterProgress, CourseProgress, toChapterProgress } from './learning.type';

@Resolver(() => CourseProgress)
export class LearningResolver {
  @Authorized()
  @Mutation(() => CourseProgress, { description: 'Saves where you are in a chapter of a published course; completed: true marks it done' })
  async saveChapterProgress(@Args() { input }: SaveChapterProgressArgs, @Ctx() ctx: Context): Promise<CourseProgress> {
    const course = await saveChapterProgress(ctx.viewer!, input);
    return courseProgress(ctx.viewer!.userId, ctx.loaders, course);
  }

  @Authorized()
  @Query(() => [Course], { description: 'Signed in: courses with progress, recently studied first' })
  myLearning(@Ctx() { viewer, loaders }: Context): Promise<Course[]> {
    return listMyLearning(viewer!, loaders);
  }
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Authorized()
  @Query(() => [Certificate])
  myCertificates(@Ctx() { viewer }: Context): Promise<Certificate[]> {
    return listMyCertificates(viewer!);
  }

  @Authorized()
  @Query(() => Certificate, { nullable: true, description: 'Own certificate; organizers: those of courses in their county (city: all)' })
  certificate(@Arg('id', () => ID) id: string, @Ctx() { viewer }: Context): Promise<Certificate | null> {
    return getCertificate(viewer!, id);
  }

  @FieldResolver(() => Course)
  course(@Root() certificate: Certificate, @Ctx() { loaders }: Context): Promise<Course> {
    return loadRequired(loaders.course, certificate.courseId, 'Course');
  }
}

/** `Course.myProgress`: kept here so the course module does not depend on learning. */
@Resolver(() => Course)
export class CourseProgressResolver {
  @FieldResolver(() => CourseProgress, { nullable: true, description: "Signed-in viewer's progress (null when signed out)" })
  myProgress(@Root() course: Course, @Ctx() { viewer, loaders }: Context): Promise<CourseProgress> | null {
    return viewer ? courseProgress(viewer.userId, loaders, course) : null;
  }
}

@Resolver(() => Chapter)
export class ChapterProgressResolver {
  @FieldResolver(() => ChapterProgress, { nullable: true, description: "The viewer's progress in this chapter; null when signed out or not started" })
  async myProgress(@Root() chapter: Chapter, @Ctx() { viewer, loaders }: Context): Promise<ChapterProgress | null> {
    if (!viewer) return null;
    const docs = await loaders.learning.progress.load(chapter.courseId);
    const doc = docs.find((d) => d.chapterId.toHexString() === chapter.id);
    return doc ? toChapterProgress(doc) : null;
  }
}
