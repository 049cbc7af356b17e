import {
  beijingDateAfter,
  beijingInstant,
  beijingParts,
  emptyLectureForm,
  lectureFieldEditable,
  lectureFieldErrors,
  lectureFormChanged,
  lectureFormOf,
  lectureProposalInput,
  lectureStatusLabel,
  lectureUpdateInput,
  sortVenues,
  type LectureFormState,
  type LectureFormVenue,
} from '../../../miniapp/src/utils/lectureForm';

/** Provided by ./device-time-zone-environment: sets the worker's real TZ. */
declare const setDeviceTimeZone: (zone: string) => void;

const VILLAGE: LectureFormVenue = {
  id: 'v1',
  name: '东峰村村民服务中心',
  address: '建瓯市东峰镇',
  type: 'VILLAGE',
  isPracticeBase: false,
  county: { code: '350783', name: '建瓯市' },
};
const SCHOOL: LectureFormVenue = { ...VILLAGE, id: 'v2', name: '建瓯市第一小学', type: 'SCHOOL' };

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('with the device set to %s', (zone) => {
  beforeAll(() => setDeviceTimeZone(zone));

  it('the pickers’ date and time are Beijing wall-clock time', () => {
    expect(beijingInstant('2026-12-03', '09:30')).toBe('2026-12-03T01:30:00.000Z');
    // 00:30 in Beijing is the previous day in UTC.
    expect(beijingInstant('2026-12-03', '00:30')).toBe('2026-12-02T16:30:00.000Z');
    expect(beijingParts('2026-12-02T16:30:00.000Z')).toEqual({ date: '2026-12-03', time: '00:30' });
    expect(beijingParts(beijingInstant('2027-02-28', '23:59')!)).toEqual({ date: '2027-02-28', time: '23:59' });
  });

  it('refuses dates and times that do not exist', () => {
    expect(beijingInstant('2026-02-30', '09:00')).toBeNull();
    expect(beijingInstant('2026-12-03', '24:00')).toBeNull();
    expect(beijingInstant('', '09:00')).toBeNull();
    expect(beijingParts('not a date')).toEqual({ date: '', time: '' });
  });

  it('counts days from the Beijing date (late evening in UTC is already tomorrow in Nanping)', () => {
    expect(beijingDateAfter(new Date('2026-11-28T17:00:00Z'), 0)).toBe('2026-11-29');
    expect(beijingDateAfter(new Date('2026-11-28T17:00:00Z'), 7)).toBe('2026-12-06');
  });
});

function filledForm(): LectureFormState {
  return {
    ...emptyLectureForm(new Date('2026-11-28T04:00:00Z')),
    title: ' 如何陪伴青春期孩子 ',
    summary: '简介',
    countyCode: '350783',
    venue: VILLAGE,
    capacity: '120',
    maxPartySize: '3',
    audienceAgeGroups: ['MIDDLE_SCHOOL'],
    campaignTag: '家庭教育宣传周',
  };
}

describe('a proposal', () => {
  it('sends Beijing times as instants and numbers as numbers', () => {
    expect(lectureProposalInput(filledForm())).toEqual({
      input: {
        title: '如何陪伴青春期孩子',
        summary: '简介',
        courseId: null,
        venueId: 'v1',
        startsAt: '2026-12-05T01:30:00.000Z',
        endsAt: '2026-12-05T03:00:00.000Z',
        capacity: 120,
        maxPartySize: 3,
        audienceAgeGroups: ['MIDDLE_SCHOOL'],
        campaignTag: '家庭教育宣传周',
      },
    });
  });

  it('is not sent without a title or venue, with the end before the start, or with words for numbers', () => {
    const form = { ...filledForm(), title: ' ', venue: null, endTime: '09:00', capacity: '一百', maxPartySize: '' };
    expect(lectureProposalInput(form)).toEqual({
      errors: {
        title: '请填写讲座名称',
        venueId: '请选择场地',
        endsAt: '结束时间要晚于开始时间',
        capacity: '请填写人数（数字）',
        maxPartySize: '请填写每户最多几人（数字）',
      },
    });
    expect(lectureProposalInput({ ...filledForm(), countyCode: null, venue: null })).toEqual({ errors: { venueId: '请先选择县区，再选择场地' } });
  });
});

describe('an update', () => {
  const loaded = {
    title: '原名',
    summary: '原简介',
    startsAt: '2026-12-05T01:30:00.000Z',
    endsAt: '2026-12-05T03:00:00.000Z',
    capacity: 100,
    maxPartySize: 4,
    audienceAgeGroups: ['PRIMARY' as const],
    campaignTag: null,
    course: { id: 'course-1' },
    venue: VILLAGE,
  };

  it('loads a lecture into the form in Beijing time', () => {
    const form = lectureFormOf(loaded);
    expect(form).toMatchObject({ date: '2026-12-05', startTime: '09:30', endTime: '11:00', capacity: '100', maxPartySize: '4', courseId: 'course-1', countyCode: '350783', campaignTag: '' });
  });

  it('sends only what changed; clearing the course or tag sends null', () => {
    const original = lectureFormOf(loaded);
    const form = { ...original, title: '新名', startTime: '14:00', endTime: '15:30', courseId: null, venue: SCHOOL, audienceAgeGroups: ['PRIMARY' as const] };
    expect(lectureUpdateInput(form, original, 'PROPOSED')).toEqual({
      input: { title: '新名', courseId: null, venueId: 'v2', startsAt: '2026-12-05T06:00:00.000Z', endsAt: '2026-12-05T07:30:00.000Z' },
    });
    expect(lectureUpdateInput(original, original, 'REJECTED')).toEqual({ input: {} });
  });

  it('a published lecture sends only the fields it may change, whatever else was touched', () => {
    const original = lectureFormOf(loaded);
    const form = { ...original, title: '改名', capacity: '150', campaignTag: '暑假', venue: SCHOOL, startTime: '08:00', courseId: null, audienceAgeGroups: [] };
    expect(lectureUpdateInput(form, original, 'PUBLISHED')).toEqual({ input: { capacity: 150, audienceAgeGroups: [], campaignTag: '暑假' } });
    expect(lectureFieldEditable('PUBLISHED', 'venueId')).toBe(false);
    expect(lectureFieldEditable('PUBLISHED', 'capacity')).toBe(true);
    expect(lectureFieldEditable('PUBLISHED', 'title')).toBe(false); // the server keeps the approved title and summary
    expect(lectureFieldEditable('CANCELLED', 'title')).toBe(false);
    expect(lectureFieldEditable(null, 'startsAt')).toBe(true);
  });
});

describe('lecture field errors and labels', () => {
  it('puts the server’s field errors beside their fields in Chinese', () => {
    const errors = lectureFieldErrors([
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.endsAt' }, { field: 'input.capacity' }, { field: 'input.audienceAgeGroups.0' }, { field: 'input.unknown' }],
        },
      },
    ]);
    expect(errors).toEqual({
      endsAt: '结束时间要晚于开始时间，最长 12 小时',
      capacity: '人数请填 1 到 2000，不能少于已预约的座位，也不能少于每户最多人数',
      audienceAgeGroups: '请重新选择适合的年龄段',
    });
    expect(['PROPOSED', 'PUBLISHED', 'REJECTED', 'CANCELLED'].map(lectureStatusLabel)).toEqual(['审核中', '已发布', '未通过', '已取消']);
  });

  it('lists each venue once, villages first (the 五进 order), then by name', () => {
    const community = { ...VILLAGE, id: 'v3', name: '水南社区', type: 'COMMUNITY' as const };
    expect(sortVenues([SCHOOL, VILLAGE, community, SCHOOL, VILLAGE]).map((v) => v.id)).toEqual(['v1', 'v3', 'v2']);
  });
});

describe('unsaved changes (WeChat asks before leaving the form with them)', () => {
  const start: LectureFormState = { ...emptyLectureForm(new Date('2026-05-01T00:00:00Z')), countyCode: VILLAGE.county.code, venue: VILLAGE };

  it('the form as it started has none; age groups picked in another order are the same', () => {
    expect(lectureFormChanged(start, start)).toBe(false);
    expect(lectureFormChanged({ ...start }, { ...start, venue: { ...VILLAGE } })).toBe(false);
    const groups: LectureFormState = { ...start, audienceAgeGroups: ['PRESCHOOL', 'PRIMARY'] };
    expect(lectureFormChanged({ ...groups, audienceAgeGroups: ['PRIMARY', 'PRESCHOOL'] }, groups)).toBe(false);
  });

  it('any field typed or picked is a change', () => {
    const changes: Array<Partial<LectureFormState>> = [
      { title: '周末亲子共读' },
      { summary: '从一本绘本开始' },
      { courseId: 'c1' },
      { countyCode: '350702', venue: null },
      { venue: SCHOOL },
      { date: '2026-05-09' },
      { startTime: '14:30' },
      { endTime: '16:00' },
      { capacity: '80' },
      { maxPartySize: '3' },
      { audienceAgeGroups: ['HIGH_SCHOOL'] },
      { campaignTag: '暑假' },
    ];
    for (const change of changes) expect([change, lectureFormChanged({ ...start, ...change }, start)]).toEqual([change, true]);
  });
});
