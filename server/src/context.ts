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
import { createActorNameLoader } from './modules/audit/audit.loader';
import type { Logger } from './logger';
import type { TicketService } from './modules/booking/ticket';
import type { RateLimiter } from './modules/rate-limit/rate-limiter';
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
    auditActorName: createActorNameLoader(),
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
  /** Per-user and per-address limits on sign-in, booking and check-in, shared by every instance. */
  rateLimiter: RateLimiter;
  /**
   * Decides bookings a few at a time, in the order they arrived (config.bookingConcurrency). Under a
   * storm every request in flight waits on the one engine; taken all at once, each waited behind all
   * the others and every household heard back only at the end. In turn, the first to tap are the
   * first answered, and the engine's work is the same.
   */
  bookingTurn: <T>(decide: () => Promise<T>) => Promise<T>;
}

export interface Context extends Services {
  loaders: Loaders;
  /** Who is asking; null for an anonymous visitor. */
  viewer: Viewer | null;
  /** The caller's address as Express sees it (behind TRUST_PROXY hops); for rate limits and the audit log. */
  clientIp: string;
}

export function createContext(services: Services, viewer: Viewer | null, clientIp = 'unknown'): Context {
  return { ...services, loaders: createLoaders(viewer), viewer, clientIp };
}
