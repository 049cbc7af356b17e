import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { BookingResolver } from './modules/booking/booking.resolver';
import { CountyResolver } from './modules/county/county.resolver';
import { LectureConnectionResolver, LectureResolver } from './modules/lecture/lecture.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { UserResolver } from './modules/user/user.resolver';
import { VenueResolver } from './modules/venue/venue.resolver';
import { CheckInResolver, LectureDoorResolver } from './modules/checkin/checkin.resolver';
import { FeedbackResolver, LectureFeedbackResolver } from './modules/feedback/feedback.resolver';
import { CourseConnectionResolver, CourseResolver, LectureCourseResolver } from './modules/course/course.resolver';
import { CertificateResolver, ChapterProgressResolver, CourseProgressResolver, LearningResolver } from './modules/learning/learning.resolver';
import { LectureMessagesResolver } from './modules/lecture/lecture-message';
import { OutreachReportResolver } from './modules/outreach/outreach.resolver';
import { OutreachTargetResolver } from './modules/outreach/target.resolver';
import { authChecker } from './auth/auth-checker';
import { AuditResolver } from './modules/audit/audit.resolver';

// One resolver per line, so features add theirs without touching each other's lines.
export const resolvers = [
  BookingResolver,
  CheckInResolver,
  LectureDoorResolver,
  LectureMessagesResolver,
  CountyResolver,
  CourseResolver,
  CourseConnectionResolver,
  LectureCourseResolver,
  LearningResolver,
  CertificateResolver,
  CourseProgressResolver,
  ChapterProgressResolver,
  FeedbackResolver,
  LectureFeedbackResolver,
  LectureResolver,
  LectureConnectionResolver,
  NotificationResolver,
  OutreachReportResolver,
  UserResolver,
  VenueResolver,
  OutreachTargetResolver,
  AuditResolver,
] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, validate: true });
}
