/**
 * Database round trips per GraphQL request for each main screen, with the exact operation the mini
 * program sends (read from its .graphql files), at page sizes 5 and 50. Shared by the budget test
 * (tests/server/round-trips.test.ts), which fails when a count grows, and by `npm run bench`.
 *
 * A count is deterministic: the same request against the same data sends the same commands. It is
 * taken on the second of two identical requests, so a per-process cache that is filled once (the ten
 * counties) counts as it costs in steady use; the first request's count is reported beside it.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { countCommands } from '../lib/count-commands';
import { postGraphQL } from '../lib/graphql';
import { paths } from '../lib/paths';
import { miniProgramOperation } from '../lib/miniapp-operations';
import type { BenchContext, BenchSection } from './types';

export interface RoundTripServer {
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: any; errors?: unknown }>;
  /** Database commands sent while `work` runs. */
  countRoundTrips(work: () => Promise<unknown>): Promise<number>;
}

export const PAGE_SIZES = [5, 50] as const;

/**
 * Budgets: the most commands a screen may send, whatever the page size. Each is today's count; the
 * counts before issue 7 (demo world, a signed-in parent) were 6, 8, 8, 5, 6 and 6: the venues,
 * lecturers and counties are now served from a per-process cache (shared/reference-cache.ts).
 */
export const ROUND_TRIP_BUDGETS: Record<string, number> = {
  'lecture list (home)': 4,
  'lecture list with lecturer and my booking': 4,
  'lecture detail': 5,
  'my bookings': 3,
  'course page': 5,
  'five-venue dashboard': 5,
};

/**
 * The lecture list the performance issue names: items with lecturer, venue, seats left and the
 * viewer's booking (the home page asks for less, and for the total).
 */
export const FULL_LECTURE_LIST = `query FullLectureList($first: Int!) {
  lectures(first: $first) {
    pageInfo { endCursor hasNextPage }
    edges { node {
      id title startsAt endsAt seatsLeft
      venue { id name type county { code name } }
      lecturer { id name title }
      myBooking { id status partySize }
    } }
  }
}`;

interface ScreenWorld {
  parent: string;
  organizer: string;
  /** A lecture the parent booked, shown on the detail page. */
  lectureId: string;
  /** Published courses with 5 and with 50 chapters. */
  courseWith: Record<number, string>;
  year: number;
}

interface Screen {
  name: string;
  operation: string;
  /** What varies with n: a page size, or the size of what the screen shows. */
  scale: string;
  request(world: ScreenWorld, n: number): { variables: Record<string, unknown>; token: string };
}

const SCREENS: Screen[] = [
  { name: 'lecture list (home)', operation: 'Lectures', scale: 'page size', request: (w, n) => ({ variables: { first: n }, token: w.parent }) },
  { name: 'lecture list with lecturer and my booking', operation: FULL_LECTURE_LIST, scale: 'page size', request: (w, n) => ({ variables: { first: n }, token: w.parent }) },
  { name: 'lecture detail', operation: 'LectureDetail', scale: '(one lecture)', request: (w) => ({ variables: { id: w.lectureId }, token: w.parent }) },
  { name: 'my bookings', operation: 'MyBookings', scale: 'page size', request: (w, n) => ({ variables: { when: 'UPCOMING', first: n }, token: w.parent }) },
  { name: 'course page', operation: 'CourseDetail', scale: 'chapters', request: (w, n) => ({ variables: { id: w.courseWith[n] }, token: w.parent }) },
  { name: 'five-venue dashboard', operation: 'DashboardReport', scale: '(one year)', request: (w) => ({ variables: { year: w.year, countyCode: null }, token: w.organizer }) },
];

async function data(server: RoundTripServer, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const body = await server.graphql(query, variables, token);
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const SIGN_IN = `mutation($openId: String!, $role: Role) { signInForDevelopment(openId: $openId, role: $role) { token } }`;
const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id } }`;
const SAVE_COURSE = `mutation($input: CourseDraftInput!) { saveCourseDraft(input: $input) { id } }`;

async function signIn(server: RoundTripServer, role: string, label: string): Promise<string> {
  const openId = `rt-${label}-${crypto.randomBytes(4).toString('hex')}`;
  return (await data(server, SIGN_IN, { openId, role })).signInForDevelopment.token;
}

/** A course of `chapters` article chapters, written, sent to review and approved through the API. */
async function publishedCourse(server: RoundTripServer, lecturer: string, organizer: string, chapters: number): Promise<string> {
  const input = {
    title: `${chapters} 讲家庭教育`,
    summary: '每天一讲，陪孩子一起成长。',
    tags: ['家庭教育'],
    ageGroups: ['PRIMARY'],
    chapters: Array.from({ length: chapters }, (_, i) => ({ kind: 'ARTICLE', title: `第 ${i + 1} 讲`, body: '<p>先听，再说。</p>' })),
  };
  const { id } = (await data(server, SAVE_COURSE, { input }, lecturer)).saveCourseDraft;
  await data(server, `mutation($id: ID!) { submitCourseForReview(id: $id) { id } }`, { id }, lecturer);
  await data(server, `mutation($id: ID!) { approveCourse(id: $id) { id } }`, { id }, organizer);
  return id;
}

/**
 * A parent who booked a seat at each of 50 upcoming lectures (so 已预约 and 我的 have a page of 50
 * to show), and courses of 5 and 50 chapters. On any database with the ten counties: what is
 * missing (a venue, lectures) is made through the API. Counts do not depend on how much else the
 * database holds, so the test builds this on an empty one.
 */
export async function buildScreenWorld(server: RoundTripServer): Promise<ScreenWorld> {
  const [parent, organizer, lecturer] = await Promise.all([
    signIn(server, 'PARENT', 'parent'),
    signIn(server, 'ORGANIZER', 'organizer'),
    signIn(server, 'LECTURER', 'lecturer'),
  ]);
  // Lectures still to start (the default list also shows those under way, which take no booking);
  // the lecturer proposes more until 50 are open.
  const from = new Date(Date.now() + 3600e3).toISOString();
  const upcoming = async (): Promise<Array<{ id: string; seatsLeft: number; venue: { id: string } }>> =>
    (await data(server, `query($from: DateTimeISO) { lectures(first: 60, filter: { from: $from }) { edges { node { id seatsLeft venue { id } } } } }`, { from }))
      .lectures.edges.map((e: any) => e.node);
  let open = (await upcoming()).filter((l) => l.seatsLeft > 0);
  const venueId = open[0]?.venue.id ?? (await data(server, `mutation($input: VenueInput!) { createVenue(input: $input) { id } }`, {
    input: { name: '大横镇村民文化礼堂', type: 'VILLAGE', countyCode: '350702', address: '大横镇中心路 1 号', isPracticeBase: false },
  }, organizer)).createVenue.id;
  for (let i = open.length; i < 50; i++) {
    const startsAt = new Date(Date.now() + (10 + i) * 24 * 3600e3);
    const input = {
      title: `祖辈家长的沟通课（第 ${i + 1} 场）`, summary: '在村里讲给爷爷奶奶听的家庭教育课。', venueId,
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60e3).toISOString(),
      capacity: 40, maxPartySize: 3, audienceAgeGroups: ['PRIMARY'],
    };
    const { id } = (await data(server, `mutation($input: LectureProposalInput!) { proposeLecture(input: $input) { id } }`, { input }, lecturer)).proposeLecture;
    await data(server, `mutation($id: ID!) { approveLecture(id: $id) { id } }`, { id }, organizer);
  }
  open = (await upcoming()).filter((l) => l.seatsLeft > 0);
  for (let i = 0; i < 50; i += 10) {
    await Promise.all(open.slice(i, i + 10).map(({ id: lectureId }) =>
      data(server, BOOK, { input: { lectureId, partySize: 1, idempotencyKey: crypto.randomUUID() } }, parent)));
  }
  const courseWith: Record<number, string> = {};
  for (const n of PAGE_SIZES) courseWith[n] = await publishedCourse(server, lecturer, organizer, n);
  return { parent, organizer, lectureId: open[0].id, courseWith, year: new Date(Date.now() + 8 * 3600e3).getUTCFullYear() };
}

export interface ScreenCount {
  screen: string;
  scale: string;
  /** n → commands of a repeated request (steady use). */
  steady: Record<number, number>;
  /** n → commands of the first request. */
  first: Record<number, number>;
  /** How many items the page of n actually held (a page of 50 must really hold 50). */
  items: Record<number, number | null>;
}

function itemsIn(result: any): number | null {
  const root = Object.values(result ?? {})[0] as any;
  if (root?.edges) return root.edges.length;
  if (root?.chapters) return root.chapters.length;
  return null;
}

export async function countScreens(server: RoundTripServer, world: ScreenWorld): Promise<ScreenCount[]> {
  const counts: ScreenCount[] = [];
  for (const screen of SCREENS) {
    const document = screen.operation.includes('{') ? screen.operation : miniProgramOperation(screen.operation);
    const count: ScreenCount = { screen: screen.name, scale: screen.scale, steady: {}, first: {}, items: {} };
    for (const n of PAGE_SIZES) {
      const { variables, token } = screen.request(world, n);
      let result: any;
      const ask = async () => (result = await data(server, document, variables, token));
      count.first[n] = await server.countRoundTrips(ask);
      count.steady[n] = await server.countRoundTrips(ask);
      count.items[n] = itemsIn(result);
    }
    counts.push(count);
  }
  return counts;
}

export function roundTripSection(counts: ScreenCount[]): BenchSection {
  return {
    title: 'Database round trips per request',
    description:
      'Commands each main screen’s request sends to the database (the operation the mini program sends, as a signed-in parent; ' +
      'the dashboard as a city organizer), at page sizes 5 and 50, on a database of their own (counts do not depend on how much ' +
      'else it holds). Each count is of a repeated request; the first request also fills the per-process cache of counties, ' +
      'venues and lecturers, and the dashboard’s first recounts the lectures with changes pending. Budget: independent of page ' +
      'size; at most 4 for the lecture list. Enforced by tests/server/round-trips.test.ts.',
    columns: ['screen', 'what varies', 'n = 5', 'n = 50', 'first request (5 / 50)', 'budget'],
    rows: counts.map((c) => [c.screen, c.scale, c.steady[5], c.steady[50], `${c.first[5]} / ${c.first[50]}`, ROUND_TRIP_BUDGETS[c.screen]]),
  };
}

/**
 * The bench's section: the server in this process (so its commands can be counted) on an empty
 * database of the bench engine with the ten counties, as the budget test does.
 */
export async function benchRoundTrips(ctx: BenchContext): Promise<BenchSection> {
  // The compiled server (npm run bench builds it): tsx runs TypeScript without the decorator
  // metadata type-graphql reads, so the schema cannot be built from the sources here.
  const dist = (module: string) => require(path.join(paths.serverDir, 'dist', module));
  require('reflect-metadata');
  const mongoose = require('mongoose') as typeof import('mongoose');
  const { connectDatabase, disconnectDatabase } = dist('db') as typeof import('../../server/src/db');
  const { createApp } = dist('app') as typeof import('../../server/src/app');
  const { loadConfig } = dist('config') as typeof import('../../server/src/config');
  const { createLogger } = dist('logger') as typeof import('../../server/src/logger');
  const { COUNTIES } = dist('modules/county/counties') as typeof import('../../server/src/modules/county/counties');
  const { CountyModel } = dist('modules/county/county.model') as typeof import('../../server/src/modules/county/county.model');

  const uri = ctx.uriFor('bench_round_trips');
  await connectDatabase(uri, { monitorCommands: true });
  try {
    await mongoose.connection.db!.dropDatabase();
    await connectDatabase(uri, { monitorCommands: true }); // indexes again, on the emptied database
    await CountyModel.insertMany(COUNTIES.map((c) => ({ _id: c.code, name: c.name, sortOrder: c.sortOrder })));
    const defaults = loadConfig({});
    const app = await createApp({ ...defaults, rateLimits: { ...defaults.rateLimits, enabled: false }, mongodbUri: uri, host: '127.0.0.1' }, createLogger('silent'));
    const url = `http://127.0.0.1:${await app.listen(0)}`;
    try {
      const server: RoundTripServer = {
        graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
        countRoundTrips: (work) => countCommands(work),
      };
      return roundTripSection(await countScreens(server, await buildScreenWorld(server)));
    } finally {
      await app.close();
    }
  } finally {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
  }
}
