import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Course } from '../course/course.type';
import type { CertificateDoc, ChapterProgressDoc } from './learning.model';

@ObjectType({ description: "The viewer's place in one chapter" })
export class ChapterProgress {
  @Field(() => ID)
  chapterId!: string;

  @Field(() => Int, { description: 'Where to resume, in seconds' })
  positionSeconds!: number;

  @Field({ description: 'Done; stays done when the chapter is played again' })
  completed!: boolean;

  @Field()
  updatedAt!: Date;
}

export function toChapterProgress(doc: ChapterProgressDoc): ChapterProgress {
  return { chapterId: doc.chapterId.toHexString(), positionSeconds: doc.positionSeconds, completed: doc.completed, updatedAt: doc.updatedAt };
}

@ObjectType({ description: '结业证书: a certificate of completion' })
export class Certificate {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. NP-2026-7K3Q9X' })
  number!: string;

  @Field()
  recipientName!: string;

  @Field()
  courseTitle!: string;

  @Field()
  lecturerName!: string;

  @Field()
  issuedAt!: Date;

  @Field(() => Course)
  course?: Course;

  courseId!: string;
  userId!: string;
}

export function toCertificate(doc: CertificateDoc): Certificate {
  return {
    id: doc._id,
    number: doc.number,
    recipientName: doc.recipientName,
    courseTitle: doc.courseTitle,
    lecturerName: doc.lecturerName,
    issuedAt: doc.issuedAt,
    courseId: doc.courseId.toHexString(),
    userId: doc.userId.toHexString(),
  };
}

@ObjectType({ description: "The viewer's progress through a course's published chapters" })
export class CourseProgress {
  @Field(() => ID)
  courseId!: string;

  @Field(() => Int)
  completedChapters!: number;

  @Field(() => Int)
  totalChapters!: number;

  @Field({ description: 'The course is linked to lectures: one must be attended to complete it' })
  attendanceRequired!: boolean;

  @Field()
  attended!: boolean;

  @Field()
  completed!: boolean;

  @Field(() => ID, { nullable: true, description: 'The chapter to resume: last one touched that is not complete (or the first)' })
  resumeChapterId!: string | null;

  @Field(() => Certificate, { nullable: true })
  certificate!: Certificate | null;
}
