import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReviewSubject, ReviewVerdict, type ReviewDecisionDoc } from './review.model';

registerEnumType(ReviewSubject, { name: 'ReviewSubject' });
registerEnumType(ReviewVerdict, { name: 'ReviewVerdict' });

@ObjectType({ description: "One organizer's decision on a course revision or a lecture proposal: who, when, what, why" })
export class ReviewDecision {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewSubject)
  subjectType!: ReviewSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => Int, { description: 'The course revision, or the proposal revision of a lecture, that was decided' })
  revision!: number;

  @Field(() => ReviewVerdict)
  verdict!: ReviewVerdict;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  reviewerName!: string;

  @Field()
  decidedAt!: Date;
}

export function toReviewDecision(doc: ReviewDecisionDoc): ReviewDecision {
  return {
    id: doc._id,
    subjectType: doc.subjectType as ReviewSubject,
    subjectId: doc.subjectId.toHexString(),
    revision: doc.revision,
    verdict: doc.verdict as ReviewVerdict,
    reason: doc.reason ?? null,
    reviewerName: doc.reviewerName,
    decidedAt: doc.decidedAt,
  };
}
