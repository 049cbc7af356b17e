import { registerEnumType } from 'type-graphql';

/** Only published lectures are listed and bookable; a cancelled one stays visible to its bookers. */
export enum LectureStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(LectureStatus, { name: 'LectureStatus' });
