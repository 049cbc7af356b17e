import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { createByIdLoader } from '../shared/by-id-loader';
import { ReviewDecisionModel, type ReviewDecisionDoc } from '../review/review.model';
import { toReviewDecision, type ReviewDecision } from '../review/review.type';
import { LectureModel, type LectureDoc } from './lecture.model';
import { toLecture, type Lecture } from './lecture.type';

export const createLectureLoader = () => createByIdLoader<LectureDoc, Lecture>(LectureModel, toLecture);

/** Review decisions per subject, oldest first: one query for a whole list of lectures. */
export const createReviewHistoryLoader = () =>
  new DataLoader<string, ReviewDecision[]>(async (subjectIds) => {
    const docs = await ReviewDecisionModel.find({ subjectId: { $in: subjectIds.map((id) => new Types.ObjectId(id)) } })
      .sort({ decidedAt: 1 })
      .lean<ReviewDecisionDoc[]>();
    const bySubject = new Map<string, ReviewDecision[]>();
    for (const doc of docs) {
      const key = doc.subjectId.toHexString();
      bySubject.set(key, [...(bySubject.get(key) ?? []), toReviewDecision(doc)]);
    }
    return subjectIds.map((id) => bySubject.get(id) ?? []);
  });
