import {
  againstTarget,
  barPercent,
  beijingYear,
  chartIndex,
  drillDownUrl,
  exportFailureMessage,
  exportFileName,
  exportUrl,
  outreachYears,
  percentLabel,
  ratingLabel,
  targetsUrl,
} from '../../../miniapp/src/packages/organizer/dashboard-model';

/** Provided by ./device-time-zone-environment: sets the worker's real TZ. */
declare const setDeviceTimeZone: (zone: string) => void;

describe.each(['UTC', 'America/New_York'])('the dashboard year with the device set to %s', (zone) => {
  beforeAll(() => setDeviceTimeZone(zone));

  it('is the Beijing calendar year: New Year comes at midnight in Nanping, not on the phone', () => {
    expect(beijingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('offers next year (targets are set ahead) down to 2021, the first year, newest first', () => {
    expect(outreachYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(outreachYears(new Date('2026-12-31T16:30:00Z'))[0]).toBe(2028);
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
    expect(ratingLabel(null)).toBe('暂无评分');
    expect(againstTarget(21, 27, '场')).toBe('21 / 27 场');
    expect(againstTarget(21, null, '场')).toBe('21 场（未设目标）');
    expect(againstTarget(0, 0, '人')).toBe('0 / 0 人');
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
});
