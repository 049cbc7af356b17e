import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { badUserInput, conflict, forbidden, notFound } from '../../errors';
import { groupBy } from '../shared/group-by';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { parseObjectId } from '../shared/object-id';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel, type BookingDoc } from '../booking/booking.model';
import { LectureModel } from '../lecture/lecture.model';
import { COMMENT_MAX, type FeedbackInput } from './feedback.input';
import { FeedbackModel, feedbackId, type FeedbackDoc } from './feedback.model';
import type { FeedbackTopic } from './feedback-topic';
import { noteLectureChanged } from '../outreach/outcome.service';
import { toFeedback, type Feedback, type FeedbackSummary } from './feedback.type';

export const LATEST_COMMENTS = 50;

/**
 * A household that checked in at the lecture rates it, once. Entitlement is the checked-in
 * booking, not a role: whoever came may speak, whoever did not may not.
 */
export async function submitFeedback(viewer: Viewer, input: FeedbackInput, now = new Date()): Promise<Feedback> {
  const lectureId = parseObjectId(input.lectureId, 'input.lectureId');
  const comment = input.comment?.trim() || null;
  if (comment && Array.from(comment).length > COMMENT_MAX) {
    throw badUserInput('input.comment', `input.comment must be at most ${COMMENT_MAX} characters`);
  }
  if (!(await LectureModel.exists({ _id: lectureId }))) throw notFound('Lecture', input.lectureId);
  const userId = new Types.ObjectId(viewer.userId);
  const attended = await BookingModel.findOne({ lectureId, userId, status: BookingStatus.CHECKED_IN, cancelledAt: null }, { _id: 1 }).lean<BookingDoc>();
  if (!attended) throw forbidden('Feedback is for households that attended this lecture: check in at the door first');

  const survey = input.survey ?? {};
  const doc = {
    _id: feedbackId(lectureId.toHexString(), viewer.userId),
    lectureId,
    userId,
    bookingId: attended._id,
    rating: input.rating,
    comment: comment ?? undefined,
    understood: survey.understood ?? undefined,
    willTryAtHome: survey.willTryAtHome ?? undefined,
    wantedTopics: survey.wantedTopics ?? [],
    createdAt: now,
  };
  try {
    await FeedbackModel.create(doc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    throw conflict('You have already given feedback on this lecture');
  }
  await noteLectureChanged(lectureId);
  return toFeedback(doc as FeedbackDoc);
}

/** The viewer's feedback per lecture: one query for a whole list of lectures. */
export async function feedbackOf(userId: string, lectureIds: readonly string[]): Promise<Map<string, Feedback>> {
  const docs = await FeedbackModel.find({ _id: { $in: lectureIds.map((id) => feedbackId(id, userId)) } }).lean<FeedbackDoc[]>();
  return new Map(docs.map((doc) => [doc.lectureId.toHexString(), toFeedback(doc)]));
}

const emptySummary = (): FeedbackSummary => ({
  count: 0,
  averageRating: null,
  ratingCounts: [0, 0, 0, 0, 0],
  understoodYes: 0,
  understoodNo: 0,
  willTryYes: 0,
  willTryNo: 0,
  wantedTopics: [],
  comments: [],
});

/** One combination of answers and how many households gave it. */
interface AnswerGroup {
  _id: { lectureId: Types.ObjectId; rating: number; understood?: boolean | null; willTryAtHome?: boolean | null; wantedTopics?: FeedbackTopic[] | null };
  n: number;
}

/**
 * Summaries for several lectures in two queries whatever their number: one grouping by (lecture,
 * answers), tallied here, and the comments of every lecture in one `$in` query, newest first,
 * cut to the latest 50 per lecture here. A single grouping with a single accumulator, because
 * FerretDB 1.24 computes only the first accumulator of a $group and drops the other fields of a
 * document in $unwind: grouping on the whole wantedTopics array needs neither, and a lecture's
 * households give few distinct combinations. For the same reasons the comments are not cut per
 * lecture by the engine (no $push with $slice to rely on); a lecture's comments are bounded by
 * its seats (at most 2000), and only a lecture's managers ever ask.
 */
export async function summarize(lectureIds: readonly string[]): Promise<FeedbackSummary[]> {
  const ids = lectureIds.map((id) => new Types.ObjectId(id));
  const [answers, comments] = await Promise.all([
    FeedbackModel.aggregate<AnswerGroup>([
      { $match: { lectureId: { $in: ids } } },
      {
        $group: {
          _id: { lectureId: '$lectureId', rating: '$rating', understood: '$understood', willTryAtHome: '$willTryAtHome', wantedTopics: '$wantedTopics' },
          n: { $sum: 1 },
        },
      },
    ]),
    FeedbackModel.find({ lectureId: { $in: ids }, comment: { $exists: true } }, { lectureId: 1, rating: 1, comment: 1, createdAt: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<FeedbackDoc[]>(),
  ]);
  const commentsByLecture = groupBy(comments, (doc) => doc.lectureId.toHexString());

  const summaries = new Map(lectureIds.map((id) => [id, { summary: emptySummary(), ratingSum: 0, topics: new Map<FeedbackTopic, number>() }]));
  for (const { _id: group, n } of answers) {
    const tally = summaries.get(group.lectureId.toHexString())!;
    const { summary } = tally;
    summary.count += n;
    summary.ratingCounts[group.rating - 1] += n;
    tally.ratingSum += group.rating * n;
    if (group.understood === true) summary.understoodYes += n;
    if (group.understood === false) summary.understoodNo += n;
    if (group.willTryAtHome === true) summary.willTryYes += n;
    if (group.willTryAtHome === false) summary.willTryNo += n;
    for (const topic of group.wantedTopics ?? []) tally.topics.set(topic, (tally.topics.get(topic) ?? 0) + n);
  }
  return lectureIds.map((id) => {
    const { summary, ratingSum, topics } = summaries.get(id)!;
    if (summary.count > 0) summary.averageRating = ratingSum / summary.count;
    summary.wantedTopics = [...topics].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    summary.comments = (commentsByLecture.get(id) ?? [])
      .slice(0, LATEST_COMMENTS)
      .map((doc) => ({ rating: doc.rating, comment: doc.comment!, createdAt: doc.createdAt }));
    return summary;
  });
}
