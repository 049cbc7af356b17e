import {
  againstTarget,
  barPercent,
  chartIndex,
  drillDownUrl,
  exportFailureMessage,
  exportFileName,
  exportUrl,
  monthValues,
  niceAxisStep,
  percentLabel,
  progressLabel,
  shareFailureMessage,
  targetsUrl,
} from '../../../miniapp/src/packages/organizer/dashboard-model';
import { beijingMonthNow, beijingYearNow, FIRST_OUTREACH_YEAR, outreachYears, ratingLabel } from '../../../miniapp/src/utils/format';

/** Provided by ./device-time-zone-environment: sets the worker's real TZ. */
declare const setDeviceTimeZone: (zone: string) => void;

describe.each(['UTC', 'America/New_York'])('the dashboard year with the device set to %s', (zone) => {
  beforeAll(() => setDeviceTimeZone(zone));

  it('is the Beijing calendar year: New Year comes at midnight in Nanping, not on the phone', () => {
    expect(beijingYearNow(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYearNow(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(beijingMonthNow(new Date('2026-05-31T16:00:00Z'))).toBe(6);
  });

  it('offers next year (targets are set ahead) down to 2021, the first year, newest first', () => {
    expect(outreachYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(outreachYears(new Date('2026-12-31T16:30:00Z'))[0]).toBe(2028);
    expect(outreachYears().at(-1)).toBe(FIRST_OUTREACH_YEAR);
  });
});

describe('the dashboard links and labels', () => {
  it('opens the lecture list behind a cell with only the filters it has', () => {
    expect(drillDownUrl({ year: 2026 })).toBe('/packages/organizer/cell?year=2026');
    expect(drillDownUrl({ year: 2026, countyCode: '350702', venueType: 'SCHOOL', month: 3 })).toBe(
      '/packages/organizer/cell?year=2026&county=350702&venueType=SCHOOL&month=3',
    );
    expect(drillDownUrl({ year: 2026, countyCode: null, venueType: 'VILLAGE', month: null })).toBe('/packages/organizer/cell?year=2026&venueType=VILLAGE');
    expect(targetsUrl(2026, null)).toBe('/packages/organizer/targets?year=2026');
    expect(targetsUrl(2026, '350702')).toBe('/packages/organizer/targets?year=2026&county=350702');
  });

  it('writes rates, ratings and progress for older eyes', () => {
    expect(percentLabel(0.7837)).toBe('78.4%');
    expect(percentLabel(1)).toBe('100%');
    expect(percentLabel(null)).toBe('—');
    expect(ratingLabel(4.25)).toBe('4.3 分');
    expect(ratingLabel(4)).toBe('4.0 分');
    expect(ratingLabel(4.55)).toBe('4.6 分');
    expect(ratingLabel(4.4, 12)).toBe('4.4 分（12 人评）');
    expect(ratingLabel(null)).toBe('暂无评分');
    expect(ratingLabel(null, 0)).toBe('暂无评分');
    expect(againstTarget(21, 27, '场')).toBe('21 / 27 场');
    expect(againstTarget(21, null, '场')).toBe('21 场（未设目标）');
    expect(againstTarget(0, 0, '人')).toBe('0 / 0 人');
    // A target of 0 is a target (the server's progress is null for it too): not "未设目标".
    expect(progressLabel(null, null)).toBe('未设目标');
    expect(progressLabel(null, 0)).toBe('目标为 0');
    expect(progressLabel(0.853, 20)).toBe('85.3%');
    expect(progressLabel(null, 20)).toBe('0%');
    expect([barPercent(null), barPercent(0.5), barPercent(1.4), barPercent(-1)]).toEqual([0, 50, 100, 0]);
  });

  it('finds the exports beside the GraphQL endpoint, on H5 and on the weapp', () => {
    expect(exportUrl('/graphql', 'lectures', 2026, null)).toBe('/exports/outreach.csv?year=2026');
    expect(exportUrl('https://api.example.cn/graphql', 'summary', 2026, '350702')).toBe(
      'https://api.example.cn/exports/outreach-summary.csv?year=2026&county=350702',
    );
    expect(exportFileName('lectures', 2026, '建阳区')).toBe('五进讲座明细-2026-建阳区.csv');
  });

  it("tells the organizer why an export was refused, in the server's words when short", () => {
    expect(exportFailureMessage(401, '')).toBe('登录已过期，请重新登录后再导出');
    expect(exportFailureMessage(403, '\uFEFF只能导出本县区的数据')).toBe('只能导出本县区的数据');
    expect(exportFailureMessage(403, '')).toBe('没有导出这个范围的权限');
    expect(exportFailureMessage(400, '年份超出范围')).toBe('年份超出范围');
    expect(exportFailureMessage(500, 'Internal Server Error')).toBe('导出失败，请稍后再试');
  });

  it("reads uCharts' answer to a tap: a number, { index }, an array of indexes, or nothing", () => {
    expect(chartIndex(3, 10)).toBe(3);
    expect(chartIndex({ index: 4, group: [] }, 10)).toBe(4);
    expect(chartIndex({ index: [2], group: [0] }, 10)).toBe(2);
    expect(chartIndex({ index: -1, group: [] }, 10)).toBeNull();
    expect(chartIndex(12, 12)).toBeNull();
    expect(chartIndex(undefined, 12)).toBeNull();
  });

  it('steps chart axes in round numbers (1, 2, 5 × 10^n), whole counts only', () => {
    expect([0, 3, 4, 7, 30, 77, 308, 1234].map((max) => niceAxisStep(max, 4))).toEqual([1, 1, 1, 2, 10, 20, 100, 500]);
  });

  it('leaves the months still to come out of the monthly line (null, not 0)', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => ({ month, value: month * 10 }));
    expect(monthValues(rows, 2026, 2026, 5)).toEqual([10, 20, 30, 40, 50, null, null, null, null, null, null, null]);
    expect(monthValues(rows, 2025, 2026, 5)).toEqual(rows.map((row) => row.value));
    expect(monthValues(rows, 2027, 2026, 5).every((value) => value === null)).toBe(true);
  });

  it('says why sending the export to a chat failed, and nothing when the organizer cancelled', () => {
    expect(shareFailureMessage('shareFileMessage:fail cancel')).toBeNull();
    expect(shareFailureMessage('shareFileMessage:fail not supported')).toBe('此微信版本不能发送文件，请升级微信，或在电脑上登录后导出');
    expect(shareFailureMessage('shareFileMessage:fail can only be invoked by user TAP gesture.')).toMatch(/^发送失败/);
  });
});
