import DataLoader from 'dataloader';
import { feedbackOf, summarize } from './feedback.service';
import type { Feedback, FeedbackSummary } from './feedback.type';

/** The viewer's own feedback per lecture, for `Lecture.myFeedback` on a whole list at once. */
export const createMyFeedbackLoader = (userId: string | null) =>
  new DataLoader<string, Feedback | null>(async (lectureIds) => {
    if (!userId) return lectureIds.map(() => null);
    const found = await feedbackOf(userId, lectureIds);
    return lectureIds.map((id) => found.get(id) ?? null);
  });

/** Managers' summaries: the counts of a whole list of lectures in two groupings. */
export const createFeedbackSummaryLoader = () => new DataLoader<string, FeedbackSummary>((lectureIds) => summarize(lectureIds));
