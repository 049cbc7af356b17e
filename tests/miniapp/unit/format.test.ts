import {
  VENUE_TYPES,
  countySuffix,
  formatDate,
  formatTime,
  formatTimeRange,
  lecturePhase,
  phaseLabel,
  seatsLabel,
  totalLabel,
  venueTypeLabel,
} from '../../../miniapp/src/utils/format';
import { decodeRouteParam } from '../../../miniapp/src/utils/route';

/** Provided by ./device-time-zone-environment: sets the worker's real TZ. */
declare const setDeviceTimeZone: (zone: string) => void;

// Whatever the phone is set to, the hall is in Nanping (UTC+8). Each zone's offset on a winter day
// is checked first, so a zone that silently failed to apply cannot make the suite pass vacuously.
const DEVICE_ZONES = [
  { zone: 'UTC', winterOffsetMinutes: 0 },
  { zone: 'America/New_York', winterOffsetMinutes: 300 },
];

// "Now" for the tests: Saturday 28 November 2026, noon in Beijing.
const NOW = new Date('2026-11-28T04:00:00Z');

describe.each(DEVICE_ZONES)('with the device set to $zone', ({ zone, winterOffsetMinutes }) => {
  beforeAll(() => setDeviceTimeZone(zone));

  it('really runs in that time zone', () => {
    expect(new Date('2026-12-03T01:30:00Z').getTimezoneOffset()).toBe(winterOffsetMinutes);
  });

  describe('dates and times are Beijing wall-clock time', () => {
    it('formats the day, weekday and time', () => {
      expect(formatDate('2026-12-03T01:30:00Z', NOW)).toBe('12月3日 周四');
      expect(formatTime('2026-12-03T01:30:00Z')).toBe('09:30');
    });

    it('a lecture at 00:30 in Beijing is on the Beijing day (the previous day in UTC and New York)', () => {
      expect(formatDate('2026-12-02T16:30:00Z', NOW)).toBe('12月3日 周四');
      expect(formatTime('2026-12-02T16:30:00Z')).toBe('00:30');
    });

    it('the day turns at Beijing midnight', () => {
      expect(formatDate('2026-12-03T15:59:00Z', NOW)).toBe('12月3日 周四');
      expect(formatTime('2026-12-03T15:59:00Z')).toBe('23:59');
      expect(formatDate('2026-12-03T16:00:00Z', NOW)).toBe('12月4日 周五');
      expect(formatTime('2026-12-03T16:00:00Z')).toBe('00:00');
    });

    it('names every weekday', () => {
      // 29 Nov 2026 (Beijing) is a Sunday; 10:00 Beijing is 02:00 UTC.
      const week = Array.from({ length: 7 }, (_, i) => formatDate(new Date(Date.UTC(2026, 10, 29 + i, 2)), NOW));
      expect(week).toEqual([
        '11月29日 周日',
        '11月30日 周一',
        '12月1日 周二',
        '12月2日 周三',
        '12月3日 周四',
        '12月4日 周五',
        '12月5日 周六',
      ]);
    });

    it('accepts Date objects as well as ISO strings', () => {
      expect(formatDate(new Date('2026-12-03T01:30:00Z'), NOW)).toBe('12月3日 周四');
    });

    it('says nothing for an invalid date rather than "NaN月NaN日"', () => {
      expect(formatDate('not a date', NOW)).toBe('');
      expect(formatTime('not a date')).toBe('');
      expect(formatTimeRange('not a date', '2026-12-03T03:00:00Z', NOW)).toBe('');
    });
  });

  describe('time ranges', () => {
    it('one day: "12月3日 周四 09:30–11:00"', () => {
      expect(formatTimeRange('2026-12-03T01:30:00Z', '2026-12-03T03:00:00Z', NOW)).toBe('12月3日 周四 09:30–11:00');
    });

    it('a session past Beijing midnight names both days', () => {
      expect(formatTimeRange('2026-12-03T14:00:00Z', '2026-12-03T17:00:00Z', NOW)).toBe(
        '12月3日 周四 22:00 – 12月4日 周五 01:00',
      );
    });

    it('a morning session in Beijing stays on one day although it spans two UTC days', () => {
      // 07:00–09:00 Beijing is 23:00–01:00 UTC: the Beijing day decides, not the device's.
      expect(formatTimeRange('2026-12-02T23:00:00Z', '2026-12-03T01:00:00Z', NOW)).toBe('12月3日 周四 07:00–09:00');
    });
  });

  describe('the year is shown only outside the current Beijing year', () => {
    it('not for a lecture this year', () => {
      expect(formatTimeRange('2026-12-03T01:30:00Z', '2026-12-03T03:00:00Z', NOW)).not.toMatch(/年/);
    });

    it('for a lecture last year (an old shared link)', () => {
      expect(formatDate('2025-06-10T01:00:00Z', NOW)).toBe('2025年6月10日 周二');
      expect(formatTimeRange('2025-06-10T01:00:00Z', '2025-06-10T02:30:00Z', NOW)).toBe('2025年6月10日 周二 09:00–10:30');
    });

    it('for a lecture next year, judged by the Beijing calendar', () => {
      // 1 Jan 2027 00:30 in Beijing is still 31 Dec 2026 in UTC and New York.
      expect(formatDate('2026-12-31T16:30:00Z', NOW)).toBe('2027年1月1日 周五');
    });

    it('on both days of a session that runs into the new year', () => {
      expect(formatTimeRange('2026-12-31T14:00:00Z', '2026-12-31T17:00:00Z', NOW)).toBe(
        '2026年12月31日 周四 22:00 – 2027年1月1日 周五 01:00',
      );
    });

    it('the current year is Beijing’s: just after Beijing midnight on New Year, last night’s lecture shows its year', () => {
      const newYearInBeijing = new Date('2026-12-31T16:05:00Z'); // 2027-01-01 00:05 Beijing, still 2026 on the device
      expect(formatDate('2026-12-31T11:00:00Z', newYearInBeijing)).toBe('2026年12月31日 周四');
      expect(formatDate('2027-01-05T01:00:00Z', newYearInBeijing)).toBe('1月5日 周二');
    });

    it('uses the real clock when no "now" is given', () => {
      const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
      expect(formatDate(new Date())).not.toMatch(/年/);
      expect(formatDate(new Date(Date.UTC(thisYear - 1, 5, 10, 2)))).toMatch(new RegExp(`^${thisYear - 1}年`));
    });
  });

  describe('upcoming, in progress, ended', () => {
    const startsAt = '2026-11-28T01:30:00Z'; // 09:30 Beijing
    const endsAt = '2026-11-28T03:00:00Z'; // 11:00 Beijing

    it('is upcoming until it starts', () => {
      expect(lecturePhase(startsAt, endsAt, new Date('2026-11-28T01:29:59Z'))).toBe('upcoming');
      expect(phaseLabel('upcoming')).toBeNull();
    });

    it('is 进行中 from its start until its end', () => {
      expect(lecturePhase(startsAt, endsAt, new Date(startsAt))).toBe('ongoing');
      expect(lecturePhase(startsAt, endsAt, new Date('2026-11-28T02:59:59Z'))).toBe('ongoing');
      expect(phaseLabel('ongoing')).toBe('进行中');
    });

    it('is 已结束 from its end on', () => {
      expect(lecturePhase(startsAt, endsAt, new Date(endsAt))).toBe('ended');
      expect(lecturePhase(startsAt, endsAt, NOW)).toBe('ended'); // noon in Beijing
      expect(lecturePhase('2025-06-10T01:00:00Z', '2025-06-10T02:30:00Z', NOW)).toBe('ended');
      expect(phaseLabel('ended')).toBe('已结束');
    });

    it('accepts Date objects', () => {
      expect(lecturePhase(new Date(startsAt), new Date(endsAt), new Date('2026-11-28T02:00:00Z'))).toBe('ongoing');
    });
  });
});

describe('labels', () => {
  it('the five venue types in chip order, in Chinese', () => {
    expect(VENUE_TYPES).toEqual(['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE']);
    expect(VENUE_TYPES.map(venueTypeLabel)).toEqual(['进农村', '进社区', '进学校', '进机关', '进企业']);
  });

  it('an unknown venue type from a newer server shows as itself, not as blank', () => {
    expect(venueTypeLabel('HOSPITAL')).toBe('HOSPITAL');
  });

  it('seats left, and 已满 when none (never a negative count)', () => {
    expect(seatsLabel(12)).toBe('剩余 12 座');
    expect(seatsLabel(1)).toBe('剩余 1 座');
    expect(seatsLabel(0)).toBe('已满');
    expect(seatsLabel(-3)).toBe('已满');
  });

  it('the list total', () => {
    expect(totalLabel(19)).toBe('共 19 场');
    expect(totalLabel(0)).toBe('共 0 场');
  });
});

describe('the county after a venue name', () => {
  it('is left out when the venue name already starts with it', () => {
    expect(countySuffix('建瓯市东峰镇东峰村村民服务中心', '建瓯市')).toBe('');
    expect(countySuffix('武夷山市五夫镇兴贤村村民服务中心', '武夷山市')).toBe('');
  });

  it('is added in brackets when the name does not say where it is', () => {
    expect(countySuffix('南平工业园区职工之家', '延平区')).toBe('（延平区）');
    // Mentioning the county later in the name is not starting with it.
    expect(countySuffix('市妇联驻延平区工作站', '延平区')).toBe('（延平区）');
  });

  it('is left out when there is no county name', () => {
    expect(countySuffix('南平工业园区职工之家', '')).toBe('');
  });
});

describe('page parameters', () => {
  it('decodes a percent-encoded id', () => {
    expect(decodeRouteParam('665f1c2ab3e4d5f6a7b8c9d0')).toBe('665f1c2ab3e4d5f6a7b8c9d0');
    expect(decodeRouteParam('a%2Fb%20c')).toBe('a/b c');
  });

  it('a malformed one (a link cut short) is no id, not an exception', () => {
    expect(() => decodeRouteParam('%E0%A4%A')).not.toThrow();
    expect(decodeRouteParam('%E0%A4%A')).toBeUndefined();
    expect(decodeRouteParam('100%')).toBeUndefined();
  });

  it('a missing one is no id', () => {
    expect(decodeRouteParam(undefined)).toBeUndefined();
    expect(decodeRouteParam('')).toBeUndefined();
  });
});
