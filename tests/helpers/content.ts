/**
 * Courses, venues and lecture proposals for tests of issue 4's flows, made through the API where
 * the flow is what a test is about, and written directly where it is only the scenery.
 */
import mongoose, { Types } from 'mongoose';
import { postGraphQL } from './graphql';

export const SAVE_COURSE = `mutation($input: CourseDraftInput!) {
  saveCourseDraft(input: $input) { id status revision chapters { id kind title } }
}`;
export const SUBMIT_COURSE = `mutation($id: ID!) { submitCourseForReview(id: $id) { id status } }`;
export const APPROVE_COURSE = `mutation($id: ID!, $note: String) { approveCourse(id: $id, note: $note) { id status } }`;
export const REJECT_COURSE = `mutation($id: ID!, $reason: String!) { rejectCourse(id: $id, reason: $reason) { id status } }`;
export const PROPOSE_LECTURE = `mutation($input: LectureProposalInput!) { proposeLecture(input: $input) { id status } }`;
export const APPROVE_LECTURE = `mutation($id: ID!, $note: String) { approveLecture(id: $id, note: $note) { id status } }`;

/** A course of two chapters (an article and an audio), as a lecturer would write it. */
export function courseDraft(overrides: Record<string, unknown> = {}) {
  return {
    title: '隔代教养的智慧',
    summary: '祖辈带娃的沟通方法与界限。',
    coverUrl: 'https://example.org/cover.jpg',
    tags: ['隔代教养'],
    ageGroups: ['PRIMARY'],
    chapters: [
      { kind: 'ARTICLE', title: '第一讲 听懂孩子', body: '<p>先听，再说。</p>' },
      { kind: 'AUDIO', title: '第二讲 夸奖的方法', mediaUrl: 'https://example.org/praise.mp3', durationSeconds: 600 },
    ],
    ...overrides,
  };
}

async function call(url: string, query: string, variables: Record<string, unknown>, token: string, field: string) {
  const body = await postGraphQL(url, query, variables, token);
  if (body.errors) throw new Error(`${field}: ${JSON.stringify(body.errors)}`);
  return body.data[field];
}

/** A course drafted and sent to review by `lecturerToken`; approved too when `approverToken` is given. */
export async function courseInReview(url: string, lecturerToken: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const course = await call(url, SAVE_COURSE, { input: courseDraft(overrides) }, lecturerToken, 'saveCourseDraft');
  await call(url, SUBMIT_COURSE, { id: course.id }, lecturerToken, 'submitCourseForReview');
  return course.id;
}

export async function publishedCourse(url: string, lecturerToken: string, approverToken: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await courseInReview(url, lecturerToken, overrides);
  await call(url, APPROVE_COURSE, { id }, approverToken, 'approveCourse');
  return id;
}

/** A village venue in a county, written directly (venues are organizers' data, not this flow's). */
export async function insertVenue(countyCode = '350702', type = 'VILLAGE'): Promise<string> {
  const id = new Types.ObjectId();
  await mongoose.connection.db!.collection('venues').insertOne({
    _id: id,
    name: '大横镇村民文化礼堂',
    type,
    countyCode,
    address: '大横镇中心路 1 号',
    isPracticeBase: false,
  });
  return id.toHexString();
}

/** What a lecturer fills in to propose a lecture at `venueId`, starting `startsInMs` from now. */
export function lectureProposal(venueId: string, startsInMs: number, overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + startsInMs);
  return {
    title: '祖辈家长的沟通课',
    summary: '在村里讲给爷爷奶奶听的家庭教育课。',
    venueId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000).toISOString(),
    capacity: 40,
    maxPartySize: 3,
    audienceAgeGroups: ['PRIMARY'],
    campaignTag: '家庭教育宣传周',
    ...overrides,
  };
}

export async function proposedLecture(url: string, lecturerToken: string, venueId: string, startsInMs: number, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await call(url, PROPOSE_LECTURE, { input: lectureProposal(venueId, startsInMs, overrides) }, lecturerToken, 'proposeLecture')).id;
}

export async function publishedLecture(url: string, lecturerToken: string, approverToken: string, venueId: string, startsInMs: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await proposedLecture(url, lecturerToken, venueId, startsInMs, overrides);
  await call(url, APPROVE_LECTURE, { id }, approverToken, 'approveLecture');
  return id;
}
