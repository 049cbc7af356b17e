import {
  attendanceStatusLabel,
  cellHeading,
  figuresLine,
  maskPhone,
  parseCellParams,
  targetFieldErrors,
  targetFormChanged,
  targetFormOf,
  targetsInput,
  venueFieldErrors,
  venueFormChanged,
  venueFormOf,
  venueInput,
  emptyVenueForm,
} from '../../../miniapp/src/packages/organizer/outreach-pages';
import { FIX_FIELDS, fieldNamesOf } from '../../../miniapp/src/services/errors';

describe('the drill-down’s parameters and labels', () => {
  it('reads the dashboard’s links and refuses broken ones', () => {
    expect(parseCellParams({ year: '2026', county: '350783', venueType: 'SCHOOL', month: '5' })).toEqual({ year: 2026, countyCode: '350783', venueType: 'SCHOOL', month: 5 });
    expect(parseCellParams({ year: '2026' })).toEqual({ year: 2026, countyCode: null, venueType: null, month: null });
    expect(parseCellParams({})).toBeNull();
    expect(parseCellParams({ year: '2026', month: '13' })).toBeNull();
    expect(parseCellParams({ year: '2026', venueType: 'PARK' })).toBeNull();
    expect(parseCellParams({ year: '2026', county: '35' })).toBeNull();
  });

  it('names the cell', () => {
    expect(cellHeading({ year: 2026, countyCode: '350783', venueType: 'SCHOOL', month: 5 }, '建瓯市')).toBe('2026年 · 建瓯市 · 进学校 · 5月');
    expect(cellHeading({ year: 2026, countyCode: null, venueType: null, month: null }, null)).toBe('2026年 · 全市');
  });

  it('words a lecture’s figures, held or not', () => {
    const held = { lecturesHeld: 1, seatsBooked: 30, peopleCheckedIn: 25, walkInPeople: 3, averageRating: 4.55 };
    expect(figuresLine(held, 0)).toBe('预约 30 座 · 签到 25 人 · 现场 3 人 · 4.6 分');
    expect(figuresLine({ ...held, ratingCount: 12 }, 0)).toBe('预约 30 座 · 签到 25 人 · 现场 3 人 · 4.6 分（12 人评）');
    expect(figuresLine({ ...held, averageRating: null }, 0)).toBe('预约 30 座 · 签到 25 人 · 现场 3 人 · 暂无评分');
    expect(figuresLine({ lecturesHeld: 0, seatsBooked: 0, peopleCheckedIn: 0, walkInPeople: 0 }, 12)).toBe('预约 12 座');
  });

  it('never shows a whole phone number, and says who came when', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138****5678')).toBe('138****5678');
    expect(maskPhone(null)).toBe('未留电话');
    // Landlines as venues' contacts are typed: with the dash, with a space, or run together.
    expect(maskPhone('0599-8123456')).toBe('0599-****3456');
    expect(maskPhone('0599 8123 4567')).toBe('0599-****4567');
    expect(maskPhone('05998123456')).toBe('059****3456');
    expect(maskPhone('+86 138-1234-5678')).not.toMatch(/\d{5}/);
    expect(attendanceStatusLabel({ status: 'CHECKED_IN', checkedInAt: '2026-05-20T06:05:00Z', partySize: 3, partyPresent: 2 })).toBe('已签到 14:05 到场 2 人');
    expect(attendanceStatusLabel({ status: 'NO_SHOW', partySize: 3 })).toBe('未到');
    expect(attendanceStatusLabel({ status: 'CONFIRMED', partySize: 3 })).toBe('已预约');
  });
});

describe('the targets form', () => {
  const loaded = targetFormOf([{ venueType: 'SCHOOL', lectures: 12, people: 600 }]);

  it('sends only the rows changed; a half-filled row is an error beside the empty field', () => {
    expect(targetsInput(loaded, loaded)).toEqual({ targets: [] });
    expect(targetsInput({ ...loaded, VILLAGE: { lectures: '5', people: '300' } }, loaded)).toEqual({ targets: [{ venueType: 'VILLAGE', lectures: 5, people: 300 }] });
    expect(targetsInput({ ...loaded, SCHOOL: { lectures: '12', people: '' } }, loaded)).toEqual({ errors: { 'SCHOOL.people': '请填写人数' } });
    // A minus sign goes to the server, which judges the range.
    expect(targetsInput({ ...loaded, SCHOOL: { lectures: '-3', people: '600' } }, loaded)).toEqual({ targets: [{ venueType: 'SCHOOL', lectures: -3, people: 600 }] });
  });

  it('puts the server’s field errors beside the row sent at that index, in either path style', () => {
    const sent = [{ venueType: 'VILLAGE' as const }, { venueType: 'SCHOOL' as const }];
    expect(targetFieldErrors([{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.targets[1].lectures' }] } }], sent)).toEqual({ 'SCHOOL.lectures': '场次请填 0 到 10000 的整数' });
    expect(targetFieldErrors([{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.targets.0.people' }] } }], sent)).toEqual({ 'VILLAGE.people': '人数请填 0 到 1000000 的整数' });
    expect(targetFieldErrors([{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'year' }] } }], sent)).toEqual({ form: '年份不对，请重新选择' });
  });

  it('knows when typed targets would be lost (switching year or county, leaving)', () => {
    expect(targetFormChanged(loaded, loaded)).toBe(false);
    expect(targetFormChanged({ ...loaded, SCHOOL: { lectures: ' 12 ', people: '600' } }, loaded)).toBe(false);
    expect(targetFormChanged({ ...loaded, SCHOOL: { lectures: '13', people: '600' } }, loaded)).toBe(true);
    expect(targetFormChanged({ ...loaded, VILLAGE: { lectures: '', people: '1' } }, loaded)).toBe(true);
  });
});

describe('the venue form', () => {
  it('asks for what must be there and leaves the rest to the server', () => {
    expect(venueInput(emptyVenueForm(null))).toEqual({ errors: { name: '请填写场地名称', type: '请选择场地类型', countyCode: '请选择县区', address: '请填写地址' } });
    const form = { ...emptyVenueForm('350702'), name: ' 社区家长学校 ', type: 'COMMUNITY' as const, address: '滨江中路 8 号', latitude: '26.6' };
    expect(venueInput(form)).toEqual({ errors: { location: expect.any(String) } });
    expect(venueInput({ ...form, longitude: '118.17', isPracticeBase: true, practiceBaseYear: '2023' })).toEqual({
      input: { name: '社区家长学校', type: 'COMMUNITY', countyCode: '350702', township: null, address: '滨江中路 8 号', latitude: 26.6, longitude: 118.17, contactName: null, contactPhone: null, isPracticeBase: true, practiceBaseYear: 2023 },
    });
  });

  it('puts the server’s errors beside the fields; a CONFLICT on type says why', () => {
    expect(venueFieldErrors([{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.contactPhone' }, { field: 'input.longitude' }] } }])).toEqual({
      contactPhone: '请填写 11 位手机号，或带区号的固定电话',
      location: expect.any(String),
    });
    expect(venueFieldErrors([{ extensions: { code: 'CONFLICT', fields: [{ field: 'input.type' }] } }], true).type).toContain('已有讲座');
    expect(venueFieldErrors([{ extensions: { code: 'CONFLICT', field: 'input.countyCode' } }], true).countyCode).toContain('已有讲座');
  });

  it('knows when the form holds something not saved', () => {
    const start = venueFormOf({ name: '家长学校', type: 'SCHOOL', address: '八一路 12 号', isPracticeBase: false, county: { code: '350702' } });
    expect(venueFormChanged(start, start)).toBe(false);
    expect(venueFormChanged({ ...start, name: '家长学校 ' }, start)).toBe(false);
    expect(venueFormChanged({ ...start, contactPhone: '0599-8123456' }, start)).toBe(true);
    expect(venueFormChanged({ ...start, isPracticeBase: true }, start)).toBe(true);
    expect(venueFormChanged(emptyVenueForm('350702'), emptyVenueForm('350702'))).toBe(false);
  });
});

describe('the field names of an error answer', () => {
  it('reads BAD_USER_INPUT’s list and a single named field, in order, and nothing else', () => {
    expect(
      fieldNamesOf([
        { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.title' }, { field: 'input.chapters.2.mediaUrl' }, { messages: ['x'] }] } },
        { extensions: { code: 'CONFLICT', field: 'input.type' } },
        { message: 'no extensions' },
        { extensions: { code: 'BAD_USER_INPUT', fields: 'not a list' } },
      ]),
    ).toEqual(['input.title', 'input.chapters.2.mediaUrl', 'input.type']);
    expect(FIX_FIELDS).toBe('有几项需要改一下，请看红字提示。');
  });
});
