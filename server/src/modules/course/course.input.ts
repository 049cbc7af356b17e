import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AgeGroup } from '../user/user-enums';
import { OBJECT_ID_PATTERN as OBJECT_ID } from '../shared/object-id';
import { ChapterKind, MAX_CHAPTER_SECONDS, MEDIA_KINDS } from './course-status';

const NOT_BLANK = /\S/;
const HTTPS_URL = { protocols: ['https'], require_protocol: true, require_valid_protocol: true };

export const MAX_TITLE = 60;
export const MAX_SUMMARY = 500;
export const MAX_ARTICLE = 20_000;
export const MAX_TAGS = 8;
export const MAX_TAG = 12;
export const MAX_CHAPTERS = 50;

@InputType()
export class ChapterInput {
  @Field(() => ID, { nullable: true, description: 'Keep the id of an existing chapter so progress carries over; omit for a new one' })
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'id must be a chapter id' })
  id?: string | null;

  @Field(() => ChapterKind)
  kind!: ChapterKind;

  @Field({ description: '1 to 60 characters, not blank' })
  @Length(1, MAX_TITLE)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'ARTICLE: required rich text, at most 20000 characters; sanitised' })
  // Checked too when given for another kind (the editor sends null there): nothing unchecked gets in.
  @ValidateIf((chapter: ChapterInput) => chapter.kind === ChapterKind.ARTICLE || (chapter.body != null && chapter.body !== ''))
  // IsDefined, not only IsNotEmpty: type-graphql skips the other checks of a missing field.
  @IsDefined({ message: 'an article needs a body' })
  @IsNotEmpty({ message: 'an article needs a body' })
  @MaxLength(MAX_ARTICLE)
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'VIDEO / AUDIO: required https URL' })
  @ValidateIf((chapter: ChapterInput) => MEDIA_KINDS.has(chapter.kind) || chapter.mediaUrl != null)
  @IsDefined({ message: 'a video or audio chapter needs a media URL' })
  @IsNotEmpty({ message: 'a video or audio chapter needs a media URL' })
  @IsUrl(HTTPS_URL, { message: 'mediaUrl must be an https URL' })
  @MaxLength(1000)
  mediaUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'VIDEO / AUDIO: required, 1 to 36000' })
  @ValidateIf((chapter: ChapterInput) => MEDIA_KINDS.has(chapter.kind) || chapter.durationSeconds != null)
  @IsDefined({ message: 'a video or audio chapter needs its duration' })
  @Min(1)
  @Max(MAX_CHAPTER_SECONDS)
  durationSeconds?: number | null;
}

@InputType()
export class CourseDraftInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create a course; give it to edit (a published course gets a new working revision)' })
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'id must be a course id' })
  id?: string | null;

  @Field({ description: '1 to 60 characters, not blank' })
  @Length(1, MAX_TITLE)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: '1 to 500 characters, not blank' })
  @Length(1, MAX_SUMMARY)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'https URL of the cover image' })
  // An empty field in the editor means "no cover", the same as leaving it out.
  @ValidateIf((course: CourseDraftInput) => course.coverUrl != null && course.coverUrl !== '')
  @IsUrl(HTTPS_URL, { message: 'coverUrl must be an https URL' })
  @MaxLength(1000)
  coverUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 8, each 1 to 12 characters' })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @Length(1, MAX_TAG, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'a tag must not be blank' })
  tags?: string[] | null;

  @Field(() => [AgeGroup], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  ageGroups?: AgeGroup[] | null;

  @Field(() => [ChapterInput], { description: 'In order; 0 to 50 (at least 1 to submit)' })
  @ArrayMaxSize(MAX_CHAPTERS)
  @ValidateNested({ each: true })
  chapters!: ChapterInput[];
}

/** Wrapped in args, so validation errors name the field as `input.chapters.2.mediaUrl`. */
@ArgsType()
export class SaveCourseDraftArgs {
  @Field(() => CourseDraftInput)
  @ValidateNested()
  input!: CourseDraftInput;
}

@ArgsType()
export class SetCourseFeaturedArgs {
  @Field(() => ID)
  id!: string;

  @Field()
  featured!: boolean;
}

@ArgsType()
export class CoursesArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_TAG)
  tag?: string | null;

  @Field(() => AgeGroup, { nullable: true, description: 'Courses for children of this stage (or for every age)' })
  ageGroup?: AgeGroup | null;

  @Field(() => Boolean, { nullable: true, description: 'Only 闽北特色精品课程 (true) or only the others (false)' })
  featured?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title or summary' })
  @IsOptional()
  @MaxLength(50)
  search?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
