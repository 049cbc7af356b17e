import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { UserModel, type UserDoc } from '../user/user.model';
import { ReviewDecisionModel, ReviewSubject, ReviewVerdict, type ReviewDecisionDoc } from './review.model';
import { toReviewDecision, type ReviewDecision } from './review.type';

export interface ReviewedRevision {
  subjectType: ReviewSubject;
  subjectId: Types.ObjectId;
  revision: number;
  countyCode: string | null | undefined;
}

/**
 * Writes the decision before anything else changes, so the trail is complete even if applying it
 * is interrupted, and a second decision on the same revision is CONFLICT, not a silent overwrite.
 * The caller applies the decision afterwards (a repeated apply is harmless).
 */
export async function recordDecision(
  viewer: Viewer,
  subject: ReviewedRevision,
  verdict: ReviewVerdict,
  reason: string | null,
  now = new Date(),
): Promise<ReviewDecision> {
  const reviewer = await UserModel.findById(viewer.userId, { displayName: 1 }).lean<UserDoc>();
  const doc = {
    _id: `${subject.subjectType}:${subject.subjectId.toHexString()}:${subject.revision}`,
    subjectType: subject.subjectType,
    subjectId: subject.subjectId,
    revision: subject.revision,
    verdict,
    reason: reason ?? undefined,
    reviewerId: new Types.ObjectId(viewer.userId),
    reviewerName: reviewer?.displayName ?? (viewer.countyCode ? `${viewer.countyCode} 妇联` : '市妇联'),
    countyCode: subject.countyCode ?? undefined,
    decidedAt: now,
  };
  try {
    await ReviewDecisionModel.create(doc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const earlier = await ReviewDecisionModel.findById(doc._id).lean<ReviewDecisionDoc>();
    // The same organizer retrying the same verdict (say, after a lost answer) finishes applying it.
    if (earlier && earlier.reviewerId.equals(doc.reviewerId) && earlier.verdict === verdict) return toReviewDecision(earlier);
    throw new GraphQLError('This has already been decided', { extensions: { code: 'CONFLICT' } });
  }
  return toReviewDecision(doc as ReviewDecisionDoc);
}

/** Every decision on one course or lecture, oldest first. */
export async function decisionsFor(subjectId: string | Types.ObjectId): Promise<ReviewDecision[]> {
  const docs = await ReviewDecisionModel.find({ subjectId: new Types.ObjectId(String(subjectId)) })
    .sort({ decidedAt: 1 })
    .lean<ReviewDecisionDoc[]>();
  return docs.map(toReviewDecision);
}

export { ReviewSubject, ReviewVerdict };
