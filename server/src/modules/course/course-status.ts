import { registerEnumType } from 'type-graphql';

/**
 * What a course shows as: PUBLISHED while a revision is live (even when a newer one is in review),
 * else the state of the revision being worked on; ARCHIVED once archived, whatever came before.
 */
export enum CourseStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  ARCHIVED = 'ARCHIVED',
}

/** The states a working (not yet live) revision can be in. */
export enum RevisionState {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  REJECTED = 'REJECTED',
}

export enum ChapterKind {
  /** Rich text, sanitised on the server. */
  ARTICLE = 'ARTICLE',
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
}

/** Chapters played from a media URL, with a duration. */
export const MEDIA_KINDS: ReadonlySet<ChapterKind> = new Set([ChapterKind.VIDEO, ChapterKind.AUDIO]);

/** The longest media a chapter may have, and the furthest a resume position may be without one. */
export const MAX_CHAPTER_SECONDS = 36_000;

registerEnumType(CourseStatus, { name: 'CourseStatus' });
registerEnumType(ChapterKind, { name: 'ChapterKind' });
