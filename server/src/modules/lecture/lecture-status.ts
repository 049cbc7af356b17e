import { registerEnumType } from 'type-graphql';

/** Only published lectures are listed and bookable; a cancelled one stays visible to its bookers. */
export enum LectureStatus {
  DRAFT = 'DRAFT',
  /** Proposed by its lecturer, waiting for an organizer's review. */
  PROPOSED = 'PROPOSED',
  PUBLISHED = 'PUBLISHED',
  /** Turned down in review, with a reason; the lecturer may change it and propose it again. */
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

/** Not public: only the lecturer and the organizers of its county see these. */
export const UNPUBLISHED_STATUSES = [LectureStatus.DRAFT, LectureStatus.PROPOSED, LectureStatus.REJECTED];

registerEnumType(LectureStatus, { name: 'LectureStatus' });
