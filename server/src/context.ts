import type { TokenService, Viewer } from './auth/token';
import { createMyBookingLoader, createSeatsTakenLoader } from './modules/booking/booking.loader';
import { createCountyLoader } from './modules/county/county.loader';
import { createLectureLoader } from './modules/lecture/lecture.loader';
import { createLectureMessagesLoader } from './modules/lecture/lecture-message';
import { createCourseLecturesLoader, createCourseLoader } from './modules/course/course.loader';
import { createLearningLoaders } from './modules/learning/learning.loader';
import { createReviewHistoryLoader } from './modules/review/review.loader';
import { createFeedbackSummaryLoader, createMyFeedbackLoader } from './modules/feedback/feedback.loader';
import { createLecturerLoader } from './modules/lecturer/lecturer.loader';
import { createVenueLectureCountLoader, createVenueLoader } from './modules/venue/venue.loader';
import type { Logger } from './logger';
import type { TicketService } from './modules/booking/ticket';
import type { MessageTemplates } from './modules/notification/delivery.worker';
import type { WechatClient } from './wechat/wechat.client';

/** Fresh per request: loaders cache only within one request, so no user sees another's data. */
export function createLoaders(viewer: Viewer | null) {
  return {
    county: createCountyLoader(),
    course: createCourseLoader(),
    courseLectures: createCourseLecturesLoader(),
    learning: createLearningLoaders(viewer?.userId ?? null),
    feedbackSummary: createFeedbackSummaryLoader(),
    myFeedback: createMyFeedbackLoader(viewer?.userId ?? null),
    myBooking: createMyBookingLoader(viewer?.userId ?? null),
    seatsTaken: createSeatsTakenLoader(),
    lecture: createLectureLoader(),
    lectureMessages: createLectureMessagesLoader(),
    reviewHistory: createReviewHistoryLoader(),
    lecturer: createLecturerLoader(),
    venue: createVenueLoader(),
    venueLectureCount: createVenueLectureCountLoader(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Built once per process and shared by every request. */
export interface Services {
  logger: Logger;
  tokens: TokenService;
  tickets: TicketService;
  messageTemplates: MessageTemplates;
  wechat: WechatClient;
  isProduction: boolean;
  /** Runs after a household checks in at a lecture linked to a course (course completion). */
  onAttended?: (userId: string, courseId: string) => Promise<void>;
}

export interface Context extends Services {
  loaders: Loaders;
  /** Who is asking; null for an anonymous visitor. */
  viewer: Viewer | null;
}

export function createContext(services: Services, viewer: Viewer | null): Context {
  return { ...services, loaders: createLoaders(viewer), viewer };
}
