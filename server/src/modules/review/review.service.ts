import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { conflict } from '../../errors';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { UserModel, type UserDoc } from '../user/user.model';
import { AuditAction, recordAudit, type AuditOrigin } from '../audit/audit.service';
import { ReviewDecisionModel, ReviewSubject, ReviewVerdict, type ReviewDecisionDoc } from './review.model';
import { toReviewDecision, type ReviewDecision } from './review.type';

export interface ReviewedRevision {
  subjectType: ReviewSubject;
  subjectId: Types.ObjectId;
  revision: number;
  countyCode: string | null | undefined;
}

/** What a subject needs to know of a decision to carry it out. */
export interface DecisionToApply {
  verdict: ReviewVerdict;
  reason: string | null;
  revision: number;
  decidedAt: Date;
}

/** How a course or a lecture carries out a decision on one of its revisions. */
export interface DecisionTarget {
  subject: ReviewedRevision;
  /**
   * Applies the decision if the subject still waits on the decision's revision (the update's
   * filter says so, and its matchedCount tells). Returns whether the subject now carries the
   * decision: applied here, or by a concurrent request that got there first.
   */
  apply(decision: DecisionToApply): Promise<boolean>;
  /** Tells the lecturer; keyed by subject and revision, so telling twice queues one notice. */
  announce(decision: DecisionToApply): Promise<void>;
}

const decisionId = (subject: ReviewedRevision) => `${subject.subjectType}:${subject.subjectId.toHexString()}:${subject.revision}`;

type RecordedDecision = Pick<ReviewDecisionDoc, '_id' | 'subjectType' | 'subjectId' | 'revision' | 'verdict' | 'countyCode' | 'decidedAt' | 'reason'>;

const AUDIT_ACTIONS: Record<ReviewSubject, Record<ReviewVerdict, AuditAction>> = {
  [ReviewSubject.COURSE]: { [ReviewVerdict.APPROVED]: AuditAction.COURSE_APPROVED, [ReviewVerdict.REJECTED]: AuditAction.COURSE_REJECTED },
  [ReviewSubject.LECTURE]: { [ReviewVerdict.APPROVED]: AuditAction.LECTURE_APPROVED, [ReviewVerdict.REJECTED]: AuditAction.LECTURE_REJECTED },
};

/**
 * The decision in the audit log, under the decision's own id: the reviewer's retry after a lost
 * answer (or a failed audit write) finds the event there or fills it in; it is never two.
 */
function auditDecision(viewer: Viewer, { ip, logger }: AuditOrigin, decision: RecordedDecision): Promise<void> {
  const subjectType = decision.subjectType as ReviewSubject;
  return recordAudit({
    id: `review:${decision._id}`,
    action: AUDIT_ACTIONS[subjectType][decision.verdict as ReviewVerdict],
    actor: { viewer, ip },
    subjectType: subjectType === ReviewSubject.COURSE ? 'course' : 'lecture',
    subjectId: decision.subjectId.toHexString(),
    countyCode: decision.countyCode,
    detail: `revision ${decision.revision} ${decision.verdict.toLowerCase()}${decision.reason ? `: ${decision.reason}` : ''}`,
    at: decision.decidedAt,
  }, logger);
}

const toApply = (doc: ReviewDecisionDoc): DecisionToApply => ({
  verdict: doc.verdict as ReviewVerdict,
  reason: doc.reason ?? null,
  revision: doc.revision,
  decidedAt: doc.decidedAt,
});

/**
 * Decides a revision once, for courses and lectures alike. The decision is written before
 * anything else changes, so the trail is complete even if applying it is interrupted, and its
 * `_id` (subject and revision) makes a second decision on the same revision a duplicate, never
 * a silent overwrite. Then:
 * - recorded now: it is applied; if the subject no longer waits on that revision (edited
 *   meanwhile), the decision is withdrawn from the trail (it never took effect, and the lecturer
 *   must not read it in the history) and the answer is CONFLICT;
 * - already on record: if the subject still waits on that revision, the request that recorded it
 *   was interrupted, so the recorded decision (not this one) is applied now; then the same
 *   reviewer with the same verdict (a retry after a lost answer) succeeds, anyone else gets
 *   CONFLICT.
 */
export async function decideOnce(
  viewer: Viewer,
  target: DecisionTarget,
  verdict: ReviewVerdict,
  reason: string | null,
  now = new Date(),
  /** The reviewer's address for the audit log, and the logger that keeps the event if the log fails. */
  origin: AuditOrigin = { ip: null },
): Promise<ReviewDecision> {
  const { subject } = target;
  const reviewer = await UserModel.findById(viewer.userId, { displayName: 1 }).lean<UserDoc>();
  const doc = {
    _id: decisionId(subject),
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
    if (!earlier) throw error;
    const recorded = toApply(earlier);
    if (await target.apply(recorded)) await target.announce(recorded);
    if (earlier.reviewerId.equals(doc.reviewerId) && earlier.verdict === verdict) {
      await auditDecision(viewer, origin, earlier);
      return toReviewDecision(earlier);
    }
    throw conflict('This has already been decided');
  }
  const decision: DecisionToApply = { verdict, reason, revision: subject.revision, decidedAt: now };
  if (!(await target.apply(decision))) {
    // Nobody else can have applied it either: the subject no longer waits on this revision.
    await ReviewDecisionModel.deleteOne({ _id: doc._id, reviewerId: doc.reviewerId, decidedAt: now });
    throw conflict('This has changed since you opened it; open it again to see the changes');
  }
  await target.announce(decision);
  await auditDecision(viewer, origin, doc as ReviewDecisionDoc);
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
