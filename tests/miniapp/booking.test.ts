/**
 * The compiled weapp's booking pages under miniprogram-simulate, against the real server process
 * with WeChat sign-in and subscribe messages pointed at a local fake of WeChat's API: sign in with
 * WeChat from 我的, book through the detail page's buttons, see the ticket, cancel.
 */
import { postJson } from '../helpers/http';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const TEMPLATES = { WECHAT_TEMPLATE_BOOKING: 'tmpl-booking', WECHAT_TEMPLATE_REMINDER: 'tmpl-reminder' };
const OPEN_ID = 'weapp-grandpa-1';

type Lecture = { id: string; title: string; startsAt: string; endsAt: string; seatsLeft: number; capacity: number; maxPartySize: number };

describe('booking in the compiled weapp, signed in with WeChat', () => {
  let wechat: FakeWechat;
  let server: ServerProcess;
  let weapp: WeappHarness;
  const subscriptionRequests: string[][] = [];
  const calendarEvents: any[] = [];
  const modals: Array<{ title?: string; content?: string }> = [];

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServerProcess('weapp-booking', {
      env: { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret, ...TEMPLATES },
    });
    weapp = setUpWeapp(server.url);
    // The harness's wx lacks these; Taro calls through to whatever `wx` holds at call time.
    const wx = (global as any).wx;
    wx.requestSubscribeMessage = (options: any) => {
      subscriptionRequests.push(options.tmplIds);
      const result = Object.fromEntries(options.tmplIds.map((id: string) => [id, 'accept']));
      setTimeout(() => options.success?.({ errMsg: 'requestSubscribeMessage:ok', ...result }), 0);
    };
    wx.addPhoneCalendar = (options: any) => {
      calendarEvents.push(options);
      setTimeout(() => options.success?.({ errMsg: 'addPhoneCalendar:ok' }), 0);
    };
    wx.showModal = (options: any) => {
      modals.push({ title: options.title, content: options.content });
      setTimeout(() => options.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0);
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

  /** The token the app keeps in wx storage. */
  const appToken = (): string => (global as any).wx.getStorageSync('fel.session')?.token;

  const texts = (page: any, selector: string): string[] => page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).trim());
  const tap = (page: any, selector: string) => {
    const element = page.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    element.dispatchEvent('tap');
  };

  async function bookableLectures(): Promise<Lecture[]> {
    const from = new Date(Date.now() + 3 * 3600_000).toISOString();
    const data = await graphql(
      `query($from: DateTimeISO) { lectures(filter: { from: $from }, first: 50) { edges { node { id title startsAt endsAt seatsLeft capacity maxPartySize } } } }`,
      { from },
    );
    return data.lectures.edges.map((e: any) => e.node).filter((l: Lecture) => Date.parse(l.startsAt) > Date.parse(from));
  }

  it('at launch the app tries WeChat sign-in; 我的 then signs in with one tap and offers 完善资料', async () => {
    // The launch attempt used the simulator's own login code, which our fake WeChat refuses.
    await waitFor(() => weapp.operations.includes('SignInWithWechat'), 'the sign-in at launch');
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => texts(mine, '.sign-in__notice')[0] === '微信登录没有成功，请再试一次', 'the failed launch sign-in, said plainly');

    (global as any).wx.login = (options: any) => setTimeout(() => options.success?.({ errMsg: 'login:ok', code: `ok:${OPEN_ID}` }), 0);
    tap(mine, '.sign-in__wechat');
    await waitFor(() => texts(mine, '.mine-profile__name')[0] === '您好', 'the signed-in 我的');
    expect(wechat.calls.some((call) => call.path === '/sns/jscode2session' && call.query.js_code === `ok:${OPEN_ID}`)).toBe(true);
    expect(appToken()).toMatch(/^ey/);
    const { me } = await graphql('{ me { id displayName } }', {}, appToken());
    expect(me.displayName).toBeNull();
    expect(weapp.navigations).toContain('/packages/profile/index?first=1');
    await waitFor(() => texts(mine, '.status-view--empty').join('').includes('还没有要参加的讲座'), 'no bookings yet');
  });

  it('完善资料 (a sub-package) shows the server’s field error beside the field, then saves', async () => {
    const profile = await weapp.openPage('packages/profile/index', { first: '1' });
    await waitFor(() => profile.querySelector('.profile__name') && texts(profile, '.profile__picker-value')[0] === '请选择', 'the form with the counties');
    const { counties } = await graphql('{ counties { code name } }');

    profile.querySelector('.profile__name').dispatchEvent('input', { detail: { value: '李爷爷' } });
    profile.querySelector('.profile__county').dispatchEvent('change', { detail: { value: 2 } });
    tap(profile, '.profile-chip--grandparent');
    tap(profile, '.profile-chip--infant');
    tap(profile, '.profile-chip--preschool');
    profile.querySelector('.profile__phone').dispatchEvent('input', { detail: { value: '1380013' } });
    await waitFor(() => texts(profile, '.profile__picker-value')[0] === counties[2].name, 'the county chosen');
    await waitFor(() => profile.querySelectorAll('.profile-chip--active').length === 3, 'three chips on');
    tap(profile, '.profile__save');
    await waitFor(() => texts(profile, '.profile__error--phone')[0] === '请填写 11 位手机号，或者空着不填', 'the phone error beside the phone');
    expect(profile.querySelector('.profile__field--phone.profile__field--invalid')).toBeTruthy();
    expect(profile.querySelector('.profile__error--displayName')).toBeFalsy();

    profile.querySelector('.profile__phone').dispatchEvent('input', { detail: { value: '' } }); // optional: leave it out
    await waitFor(() => !profile.querySelector('.profile__error--phone'), 'the error gone on typing');
    tap(profile, '.profile__save');
    await waitFor(async () => (await graphql('{ me { displayName } }', {}, appToken())).me.displayName === '李爷爷', 'the saved profile');
    const { me } = await graphql('{ me { displayName countyCode guardianKind childrenAgeGroups phone } }', {}, appToken());
    expect(me).toEqual({ displayName: '李爷爷', countyCode: counties[2].code, guardianKind: 'GRANDPARENT', childrenAgeGroups: ['INFANT', 'PRESCHOOL'], phone: null });

    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => texts(mine, '.mine-profile__name')[0] === '李爷爷', 'the name on 我的');
    await waitFor(() => texts(mine, '.mine-profile__details')[0] === `${counties[2].name} · 祖父母`, 'county and guardian on 我的');
  });

  let booked: { lecture: Lecture; bookingId: string };

  it('books two seats with the page’s buttons, asking for the subscription first, and says so', async () => {
    const lecture = (await bookableLectures()).find((l) => l.seatsLeft >= 4 && l.maxPartySize >= 2)!;
    const detail = await weapp.openPage('pages/lecture/index', { id: lecture.id });
    await waitFor(() => texts(detail, '.booking-form__submit')[0] === '预约', 'the booking form');
    expect(texts(detail, '.lecture-detail__seats-left')[0]).toBe(`剩余 ${lecture.seatsLeft} 座`);
    tap(detail, '.party-stepper__plus');
    await waitFor(() => texts(detail, '.party-stepper__value')[0] === '2', 'two seats chosen');
    expect(texts(detail, '.booking-form__limit')[0]).toBe(`每户最多 ${lecture.maxPartySize} 位`);

    const sent = () => weapp.operations.filter((name) => name === 'BookLecture').length;
    const before = sent();
    tap(detail, '.booking-form__submit');
    tap(detail, '.booking-form__submit'); // an impatient double tap: still one request
    await waitFor(() => texts(detail, '.booking-result__title')[0] === '预约成功（2 位）', '预约成功（2 位）');
    expect(sent()).toBe(before + 1);
    expect(subscriptionRequests).toEqual([['tmpl-booking', 'tmpl-reminder']]);
    await waitFor(() => texts(detail, '.lecture-detail__seats-left')[0] === `剩余 ${lecture.seatsLeft - 2} 座`, 'two seats fewer');
    expect(texts(detail, '.booking-result__line')[0]).toMatch(/^座位号：\d+、\d+ 号$/);

    // The phone's calendar, with the lecture's time and place and a reminder.
    tap(detail, '.booking-result__calendar');
    await waitFor(() => calendarEvents.length === 1, 'the calendar event');
    expect(calendarEvents[0]).toMatchObject({
      title: `家庭教育讲座：${lecture.title}`,
      startTime: Date.parse(lecture.startsAt) / 1000,
      endTime: Date.parse(lecture.endsAt) / 1000,
      alarm: true,
    });

    tap(detail, '.booking-result__ticket');
    const url = await waitFor(() => weapp.navigations.find((u) => u.startsWith('/pages/ticket/index?id=')), 'the ticket page opened');
    booked = { lecture, bookingId: decodeURIComponent(url.split('id=')[1]) };
    const { lecture: after } = await graphql(`query($id: ID!) { lecture(id: $id) { myBooking { id status partySize } } }`, { id: lecture.id }, appToken());
    expect(after.myBooking).toEqual({ id: booked.bookingId, status: 'CONFIRMED', partySize: 2 });
  });

  it('the ticket page shows the QR code and the short code the server issued', async () => {
    const { booking } = await graphql(
      `query($id: ID!) { booking(id: $id) { seatNumbers ticket { code shortCode } } }`,
      { id: booked.bookingId },
      appToken(),
    );
    const ticket = await weapp.openPage('pages/ticket/index', { id: booked.bookingId });
    await waitFor(() => texts(ticket, '.ticket__short-code')[0] === booking.ticket.shortCode, `the short code ${booking.ticket.shortCode}`);
    expect(texts(ticket, '.ticket__title')[0]).toBe(booked.lecture.title);
    expect(texts(ticket, '.booking-status')[0]).toBe('已预约');
    expect(texts(ticket, '.ticket__seats')[0]).toBe(`2 位，座位 ${booking.seatNumbers.join('、')} 号`);
    // Drawn as boxes (no canvas): a few hundred of them for a code of this length.
    expect(ticket.querySelectorAll('.qr-code__box').length).toBeGreaterThan(200);
  });

  it('cancelling from the ticket page asks first, then withdraws the ticket', async () => {
    const ticket = await weapp.openPage('pages/ticket/index', { id: booked.bookingId });
    await waitFor(() => ticket.querySelector('.ticket__cancel'), 'the cancel button');
    tap(ticket, '.ticket__cancel');
    await waitFor(() => texts(ticket, '.booking-status')[0] === '已取消', '已取消');
    expect(modals.at(-1)).toEqual({ title: '取消预约', content: '确定要取消吗？取消后座位会让给其他家庭。' });
    expect(ticket.querySelectorAll('.qr-code__box')).toHaveLength(0);
    const { booking } = await graphql(`query($id: ID!) { booking(id: $id) { status ticket { code } } }`, { id: booked.bookingId }, appToken());
    expect(booking).toEqual({ status: 'CANCELLED', ticket: null });
  });

  it('a reply lost on the way back is retried with the same key: one booking, not two', async () => {
    const lecture = (await bookableLectures()).find((l) => l.seatsLeft >= 2 && l.id !== booked.lecture.id)!;
    const detail = await weapp.openPage('pages/lecture/index', { id: lecture.id });
    await waitFor(() => detail.querySelector('.booking-form__submit'), 'the booking form');

    // The first BookLecture reaches the server, but its answer is lost: the app sees a failure.
    const wx = (global as any).wx;
    const real = wx.request;
    const keys: string[] = [];
    let lose = true;
    wx.request = (options: any) => {
      const body = typeof options.data === 'string' ? JSON.parse(options.data) : options.data;
      if (body?.operationName !== 'BookLecture') return real(options);
      keys.push(body.variables.input.idempotencyKey);
      if (!lose) return real(options);
      lose = false;
      return real({ ...options, success: () => options.fail?.({ errMsg: 'request:fail timeout' }) });
    };
    try {
      tap(detail, '.booking-form__submit');
      await waitFor(() => texts(detail, '.booking-form__error')[0]?.includes('不会重复预约'), 'the network message');
      tap(detail, '.booking-form__submit');
      await waitFor(() => texts(detail, '.booking-result__title')[0] === '预约成功（1 位）', '预约成功（1 位）');
    } finally {
      wx.request = real;
    }
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const { myBookings } = await graphql(`{ myBookings { edges { node { lecture { id } status } } } }`, {}, appToken());
    expect(myBookings.edges.filter((e: any) => e.node.lecture.id === lecture.id)).toEqual([{ node: { lecture: { id: lecture.id }, status: 'CONFIRMED' } }]);
  });

  it('a full hall puts the household on the waiting list, and the page says its place', async () => {
    // The smallest free hall: the demo world books seats ahead, and every filler is two requests.
    const lecture = (await bookableLectures())
      .filter((l) => l.id !== booked.lecture.id && l.seatsLeft === l.capacity)
      .sort((a, b) => a.capacity - b.capacity)[0];
    // Other households take every seat, over HTTP.
    let left = lecture.capacity;
    for (let n = 0; left > 0; n++) {
      const size = Math.min(lecture.maxPartySize, left);
      const { signInForDevelopment } = await graphql(`mutation($o: String!) { signInForDevelopment(openId: $o) { token } }`, { o: `filler-${n}` });
      await graphql(`mutation($i: BookLectureInput!) { bookLecture(input: $i) { status } }`, { i: { lectureId: lecture.id, partySize: size, idempotencyKey: `fill-key-${n}` } }, signInForDevelopment.token);
      left -= size;
    }
    const detail = await weapp.openPage('pages/lecture/index', { id: lecture.id });
    await waitFor(() => texts(detail, '.lecture-detail__seats-left')[0] === '已满', '已满');
    expect(texts(detail, '.booking-form__hint')[0]).toMatch(/座位已满/);
    expect(texts(detail, '.booking-form__submit')[0]).toBe('预约候补');
    tap(detail, '.booking-form__submit');
    await waitFor(() => texts(detail, '.booking-result__title')[0] === '已进入候补，第 1 位', '已进入候补，第 1 位');
    expect(detail.querySelector('.booking-result__ticket')).toBeFalsy();
    expect(texts(detail, '.booking-result__cancel')[0]).toBe('取消候补');

    // 我的 lists it with its place.
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => texts(mine, '.booking-item .booking-status').includes('候补第1位'), '候补第1位 in 我的');
    expect(texts(mine, '.booking-item .booking-status')).toEqual(expect.arrayContaining(['已预约', '已取消', '候补第1位']));
  }, 180_000);

  it('large-text mode switched on 我的 reaches the other pages', async () => {
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => mine.querySelector('.large-text-toggle'), 'the switch');
    expect(mine.querySelector('.large-text')).toBeFalsy();
    tap(mine, '.large-text-toggle');
    await waitFor(() => mine.querySelector('.page-root.large-text') && mine.querySelector('.large-text-toggle--on'), 'large text on 我的');
    expect((global as any).wx.getStorageSync('fel.largeText')).toBe(true);
    const ticket = await weapp.openPage('pages/ticket/index', { id: booked.bookingId });
    await waitFor(() => ticket.querySelector('.page-root.large-text .ticket__title'), 'large text on the ticket page');
    tap(mine, '.large-text-toggle');
    await waitFor(() => !ticket.querySelector('.large-text'), 'large text off again, everywhere');
  });
});
