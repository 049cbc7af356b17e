/**
 * The lecturer's sub-package in the compiled weapp (WeChat's own template compiler), against the
 * real server process: a WeChat user made a lecturer opens 讲师工作台 and the door of a lecture,
 * and the camera — WeChat's scanCode, here handing over the ticket's QR text as a phone's camera
 * would — checks a household in; a second scan of the same ticket says when, and counts nothing.
 * Scans kept while the network was down go out when the app comes back to the front, or when
 * 讲师工作台 opens, without the door screen; a double tap opens one confirmation, not two.
 */
import { postJson } from '../helpers/http';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const OPEN_ID = 'weapp-lecturer-1';
const COUNTY = '350702';

describe("a lecturer's door in the compiled weapp", () => {
  let wechat: FakeWechat;
  let server: ServerProcess;
  let weapp: WeappHarness;
  const scans: string[] = [];
  const modals: string[] = [];
  let cameraSees = '';

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServerProcess('weapp-lecturer', {
      env: { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret, WECHAT_TEMPLATE_NOTICE: 'tmpl-notice' },
    });
    weapp = setUpWeapp(server.url);
    const wx = (global as any).wx;
    wx.login = (options: any) => setTimeout(() => options.success?.({ errMsg: 'login:ok', code: `ok:${OPEN_ID}` }), 0);
    wx.scanCode = (options: any) => {
      scans.push(JSON.stringify({ onlyFromCamera: options.onlyFromCamera, scanType: options.scanType }));
      setTimeout(() => options.success?.({ errMsg: 'scanCode:ok', result: cameraSees, scanType: 'QR_CODE' }), 0);
    };
    wx.getNetworkType = (options: any) => setTimeout(() => options.success?.({ errMsg: 'getNetworkType:ok', networkType: 'wifi' }), 0);
    wx.onNetworkStatusChange = () => undefined;
    wx.offNetworkStatusChange = () => undefined;
    wx.setKeepScreenOn = (options: any) => setTimeout(() => options.success?.({ errMsg: 'setKeepScreenOn:ok' }), 0);
    wx.vibrateShort = (options: any) => setTimeout(() => options.success?.({ errMsg: 'vibrateShort:ok' }), 0);
    wx.vibrateLong = (options: any) => setTimeout(() => options.success?.({ errMsg: 'vibrateLong:ok' }), 0);
    // The lecturer confirms every dialog, after a moment (a person reading it).
    wx.showModal = (options: any) => {
      modals.push(options.content);
      setTimeout(() => options.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 20);
    };
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await postJson(`${server.url}/graphql`, { query, variables }, token);
    if (response.json.errors) throw new Error(JSON.stringify(response.json.errors));
    return response.json.data;
  }
  const devToken = async (openId: string, role: string) =>
    (await graphql(`mutation($o: String!, $r: Role) { signInForDevelopment(openId: $o, role: $r) { token } }`, { o: openId, r: role })).signInForDevelopment.token as string;
  const appToken = (): string => (global as any).wx.getStorageSync('fel.session')?.token;
  const texts = (page: any, selector: string): string[] => page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).trim());
  const tap = (page: any, selector: string) => {
    const element = page.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    element.dispatchEvent('tap');
  };

  let lecture: { id: string; title: string };
  let ticketCode: string;

  it('a WeChat user made a lecturer by an admin finds 讲师工作台 on 我的 without signing in again', async () => {
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => mine.querySelector('.sign-in__wechat'), 'the sign-in button');
    tap(mine, '.sign-in__wechat');
    await waitFor(() => texts(mine, '.mine-profile__name').length > 0, 'signed in');
    const { me } = await graphql('{ me { id role } }', {}, appToken());
    expect(me.role).toBe('PARENT');

    const admin = await devToken('weapp-admin', 'ADMIN');
    await graphql(`mutation($u: ID!, $c: ID) { setUserRole(userId: $u, role: LECTURER, countyCode: $c) { id } }`, { u: me.id, c: COUNTY }, admin);
    // The role applies from the next request: 我的 shows the lecturer's entry when it is opened again.
    const again = await weapp.openPage('pages/mine/index');
    await waitFor(() => again.querySelector('.mine-link--lecturer'), 'the 讲师工作台 link');
    expect((await graphql('{ me { role lecturer { id } } }', {}, appToken())).me).toMatchObject({ role: 'LECTURER', lecturer: { id: expect.any(String) } });

    // It proposes a lecture starting within the hour; the admin approves it; a household books.
    const { venues } = await graphql(`query($c: ID) { venues(countyCode: $c, type: VILLAGE) { id } }`, { c: COUNTY });
    const startsAt = new Date(Date.now() + 50 * 60 * 1000);
    const proposed = await graphql(
      `mutation($i: LectureProposalInput!) { proposeLecture(input: $i) { id title } }`,
      { i: { title: '村里的家长课', summary: '讲给爷爷奶奶听。', venueId: venues[0].id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000).toISOString(), capacity: 30 } },
      appToken(),
    );
    lecture = proposed.proposeLecture;
    await graphql(`mutation($id: ID!) { approveLecture(id: $id) { status } }`, { id: lecture.id }, admin);
    const parent = await devToken('weapp-door-grandma', 'PARENT');
    const booked = await graphql(`mutation($i: BookLectureInput!) { bookLecture(input: $i) { id } }`, { i: { lectureId: lecture.id, partySize: 2, idempotencyKey: 'weapp-door-grandma-1' } }, parent);
    ticketCode = (await graphql(`query($id: ID!) { booking(id: $id) { ticket { code } } }`, { id: booked.bookLecture.id }, parent)).booking.ticket.code;

    const desk = await weapp.openPage('packages/lecturer/index');
    await waitFor(() => texts(desk, '.lecturer-card__title').includes('村里的家长课'), 'the lecture on 讲师工作台');
  });

  it('the camera checks the household in at the door; a second scan says when and counts nothing', async () => {
    const door = await weapp.openPage('packages/lecturer/checkin', { id: lecture.id });
    await waitFor(() => texts(door, '.checkin-head__title')[0] === '村里的家长课', 'the door screen');
    await waitFor(() => texts(door, '.checkin-counts__booked')[0]?.startsWith('1'), 'one household booked');

    cameraSees = ticketCode;
    tap(door, '.checkin__scan');
    await waitFor(() => texts(door, '.checkin-result--done .checkin-result__title')[0] === '签到成功', 'checked in');
    expect(scans[0]).toBe(JSON.stringify({ onlyFromCamera: true, scanType: ['qrCode'] }));
    await waitFor(() => texts(door, '.checkin-counts__people')[0]?.startsWith('2'), 'two people present');

    tap(door, '.checkin__scan');
    await waitFor(() => texts(door, '.checkin-result__message').some((t) => /已于 \d\d:\d\d 签到/.test(t)) || texts(door, '.checkin-result__title').some((t) => /已于/.test(t)), 'already checked in');
    const roster = await graphql(`query($id: ID!) { lectureRoster(lectureId: $id) { checkedInHouseholds peoplePresent } }`, { id: lecture.id }, appToken());
    expect(roster.lectureRoster).toEqual({ checkedInHouseholds: 1, peoplePresent: 2 });
  });

  /** A household books `partySize` seats of `lectureId` and hands over its ticket's QR text. */
  async function bookedTicket(openId: string, lectureId: string, partySize: number): Promise<string> {
    const parent = await devToken(openId, 'PARENT');
    const booked = await graphql(`mutation($i: BookLectureInput!) { bookLecture(input: $i) { id } }`, { i: { lectureId, partySize, idempotencyKey: `${openId}-1` } }, parent);
    return (await graphql(`query($id: ID!) { booking(id: $id) { ticket { code } } }`, { id: booked.bookLecture.id }, parent)).booking.ticket.code;
  }
  const checkedIn = async () =>
    (await graphql(`query($id: ID!) { lectureRoster(lectureId: $id) { checkedInHouseholds peoplePresent walkIns { partySize } } }`, { id: lecture.id }, appToken())).lectureRoster;

  /** Scans `ticket` at the door with the network down: it stays on the phone, 待同步. */
  async function scanOffline(ticket: string) {
    const door = await weapp.openPage('packages/lecturer/checkin', { id: lecture.id });
    await waitFor(() => texts(door, '.checkin-head__title')[0] === '村里的家长课', 'the door screen');
    const wx = (global as any).wx;
    const online = wx.request;
    wx.request = (options: any) => {
      setTimeout(() => {
        options.fail?.({ errMsg: 'request:fail network down' });
        options.complete?.();
      }, 0);
      return { abort: () => undefined };
    };
    try {
      cameraSees = ticket;
      tap(door, '.checkin__scan');
      await waitFor(() => texts(door, '.checkin-result--pending .checkin-result__title')[0] === '已记下，待同步', 'kept on the phone');
      await waitFor(() => texts(door, '.checkin-sync__count')[0] === '待同步 1 条', 'one scan waiting');
    } finally {
      wx.request = online; // the signal is back; nothing tells the app so
    }
  }

  it('a scan kept while the network was down goes out when the app comes back to the front', async () => {
    const before = await checkedIn();
    await scanOffline(await bookedTicket('weapp-door-grandpa', lecture.id, 1));
    expect((await checkedIn()).checkedInHouseholds).toBe(before.checkedInHouseholds);
    const sent = weapp.operations.filter((name) => name === 'CheckInSync').length;

    (global as any).getApp().onShow({ path: 'pages/index/index', query: {}, scene: 1001 });
    await waitFor(async () => (await checkedIn()).checkedInHouseholds === before.checkedInHouseholds + 1, 'the scan sent when the app showed');
    const pendingOnPhone = () => (global as any).wx.getStorageSync('fel.checkinQueue').filter((e: any) => e.state === 'pending');
    await waitFor(() => pendingOnPhone().length === 0, 'the answer kept on the phone');
    expect(weapp.operations.filter((name) => name === 'CheckInSync').length).toBe(sent + 1);

    // Shown again with nothing waiting: nothing is sent.
    (global as any).getApp().onShow({ path: 'pages/index/index', query: {}, scene: 1001 });
    await waitFor(async () => (await checkedIn()).checkedInHouseholds === before.checkedInHouseholds + 1, 'still the same count');
    expect(weapp.operations.filter((name) => name === 'CheckInSync').length).toBe(sent + 1);
  });

  it('a scan kept while the network was down goes out when 讲师工作台 opens', async () => {
    const before = await checkedIn();
    await scanOffline(await bookedTicket('weapp-door-aunt', lecture.id, 1));
    const home = await weapp.openPage('packages/lecturer/index');
    await waitFor(async () => (await checkedIn()).checkedInHouseholds === before.checkedInHouseholds + 1, 'the scan sent when 讲师工作台 showed');
    await waitFor(() => home.querySelectorAll('.checkin-sync').length === 0, 'nothing left waiting on 讲师工作台');
  });

  it('a double tap on 登记现场来宾 asks once and records one walk-in', async () => {
    const before = await checkedIn();
    const door = await weapp.openPage('packages/lecturer/checkin', { id: lecture.id });
    await waitFor(() => texts(door, '.checkin-head__title')[0] === '村里的家长课', 'the door screen');
    modals.length = 0;
    tap(door, '.checkin-walkin__submit');
    tap(door, '.checkin-walkin__submit');
    await waitFor(() => texts(door, '.checkin-result--done .checkin-result__title')[0] === '已登记现场来宾', 'the walk-in recorded');
    await waitFor(async () => (await checkedIn()).walkIns.length > before.walkIns.length, 'the walk-in on the server');
    expect(modals).toEqual(['没有预约的现场来宾 1 人，确定登记吗？']);
    expect((await checkedIn()).walkIns).toHaveLength(before.walkIns.length + 1);
  });

  it('a double tap on 确定取消讲座 asks once and cancels once, without an error afterwards', async () => {
    const admin = await devToken('weapp-admin', 'ADMIN');
    const { venues } = await graphql(`query($c: ID) { venues(countyCode: $c, type: VILLAGE) { id } }`, { c: COUNTY });
    const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const { proposeLecture: other } = await graphql(
      `mutation($i: LectureProposalInput!) { proposeLecture(input: $i) { id } }`,
      { i: { title: '下周的家长课', summary: '讲给爸爸妈妈听。', venueId: venues[0].id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000).toISOString(), capacity: 30 } },
      appToken(),
    );
    await graphql(`mutation($id: ID!) { approveLecture(id: $id) { status } }`, { id: other.id }, admin);

    const page = await weapp.openPage('packages/lecturer/lecture', { id: other.id });
    await waitFor(() => page.querySelector('.lecture-manage__cancel-link'), 'the 取消讲座 link');
    tap(page, '.lecture-manage__cancel-link');
    await waitFor(() => page.querySelector('.lecture-cancel__input'), 'the reason box');
    page.querySelector('.lecture-cancel__input').dispatchEvent('input', { detail: { value: '场地临时有变' } });
    const cancels = () => weapp.operations.filter((name) => name === 'LecturerCancelLecture').length;
    modals.length = 0;
    tap(page, '.lecture-cancel__confirm');
    tap(page, '.lecture-cancel__confirm');
    await waitFor(() => texts(page, '.lecture-manage__hero .lecturer-status')[0] === '已取消', 'the lecture shown cancelled');
    expect(modals).toHaveLength(1);
    expect(cancels()).toBe(1);
    expect(texts(page, '.lecture-cancel__error')).toEqual([]);
    expect((await graphql(`query($id: ID!) { lecture(id: $id) { status } }`, { id: other.id })).lecture.status).toBe('CANCELLED');
  });

  it('sending a course to review asks WeChat, from the tap itself, to let the review result through', async () => {
    const wx = (global as any).wx;
    const asked: string[][] = [];
    wx.requestSubscribeMessage = (options: any) => {
      asked.push(options.tmplIds);
      setTimeout(() => options.success?.({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-notice': 'accept' }), 0);
    };
    // Record answers too, to start typing only once the editor has the template ids.
    const answered: string[] = [];
    const send = wx.request;
    wx.request = (options: any) => {
      const body = typeof options.data === 'string' ? JSON.parse(options.data) : options.data;
      return send({ ...options, success: (result: unknown) => (answered.push(body?.operationName), options.success?.(result)) });
    };
    try {
      const editor = await weapp.openPage('packages/lecturer/course-edit');
      await waitFor(() => answered.includes('LecturerMessageTemplates') && editor.querySelector('.course-edit__title'), 'the editor, with the templates');
      editor.querySelector('.course-edit__title').dispatchEvent('input', { detail: { value: '小程序里写的课' } });
      editor.querySelector('.course-edit__summary').dispatchEvent('input', { detail: { value: '在手机上写好，送去审核。' } });
      tap(editor, '.course-edit__add--article');
      await waitFor(() => editor.querySelector('.chapter-card__title'), 'the new chapter');
      editor.querySelector('.chapter-card__title').dispatchEvent('input', { detail: { value: '第一讲' } });
      editor.querySelector('.chapter-card__body').dispatchEvent('input', { detail: { value: '先听孩子说完。' } });
      await waitFor(() => editor.querySelector('.course-edit__submit'), 'the submit button');
      tap(editor, '.course-edit__submit');
      await waitFor(() => asked.length > 0, 'WeChat asked');
      expect(asked[0]).toEqual(['tmpl-notice']);
      await waitFor(async () => {
        const { myCourses } = await graphql('{ myCourses { title status } }', {}, appToken());
        return myCourses.some((c: { title: string; status: string }) => c.title === '小程序里写的课' && c.status === 'IN_REVIEW');
      }, 'the course in review');
    } finally {
      wx.request = send;
    }
  });

  it('完善资料 shows a lecturer their county without offering to change it, and saves the rest', async () => {
    const { counties } = await graphql('{ counties { code name } }');
    const county = counties.find((c: { code: string }) => c.code === COUNTY).name as string;
    const profile = await weapp.openPage('packages/profile/index');
    await waitFor(() => profile.querySelector('.profile__name') && texts(profile, '.profile__county-fixed .profile__picker-value')[0] === county, 'the county, shown');
    // Only an admin moves a lecturer (their county decides who reviews them): no picker.
    expect(profile.querySelector('.profile__county')).toBeFalsy();
    expect(texts(profile, '.profile__county-fixed .profile__hint')[0]).toContain('所属区县由管理员设置');

    profile.querySelector('.profile__name').dispatchEvent('input', { detail: { value: '张老师' } });
    tap(profile, '.profile__save');
    await waitFor(async () => (await graphql('{ me { displayName } }', {}, appToken())).me.displayName === '张老师', 'the saved profile');
    expect((await graphql('{ me { role countyCode } }', {}, appToken())).me).toEqual({ role: 'LECTURER', countyCode: COUNTY });
    expect(profile.querySelector('.profile__failure')).toBeFalsy();
  });
});
