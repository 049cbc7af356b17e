import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { groupBy } from '../shared/group-by';
import { ReviewDecisionModel, type ReviewDecisionDoc } from './review.model';
import { toReviewDecision, type ReviewDecision } from './review.type';

/** Review decisions per subject (course or lecture), oldest first: one query for a whole list. */
export const createReviewHistoryLoader = () =>
  new DataLoader<string, ReviewDecision[]>(async (subjectIds) => {
    const docs = await ReviewDecisionModel.find({ subjectId: { $in: subjectIds.map((id) => new Types.ObjectId(id)) } })
      .sort({ decidedAt: 1 })
      .lean<ReviewDecisionDoc[]>();
    const bySubject = groupBy(docs, (doc) => doc.subjectId.toHexString(), toReviewDecision);
    return subjectIds.map((id) => bySubject.get(id) ?? []);
  });
