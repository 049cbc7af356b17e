/**
 * The lecturer's pages in the H5 build. The door screen (入场签到), in headless Chromium, against the real
 * server: a typed short code checks a household in; typed again it reads 已于 HH:mm 签到 and
 * counts nothing twice; with the network gone a code is kept on the phone as 待同步 and sent when
 * the network is back; a wrong code is refused with the reason; the phone-tail search (people
 * capped at the booking) and a walk-in add to the counts; more people than a ticket booked are
 * counted as walk-ins; another account's waiting scans are shown apart and lock nothing; a scan
 * the server asks to retry says so; scans left waiting go out when the app is opened again.
 * Then 讲师工作台 lists the lecture, and 讲座管理 shows the roster, finds a household by its phone
 * tail, messages the households still expected, and cancels. The door lists kept on the phone
 * belong to the account and leave with it; door staff reach a lecture's door for a day after it.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import mongoose, { Types } from 'mongoose';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { BOOK, insertLecture, newKey, signIn } from '../helpers/booking';
import { insertVenue } from '../helpers/content';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const RUN = Date.now().toString(36);
const TICKET = `query($id: ID!) { booking(id: $id) { id partySize ticket { code shortCode } } }`;
const ROSTER = `query($id: ID!) { lectureRoster(lectureId: $id) { checkedInHouseholds peoplePresent entries { bookingId status partyPresent } walkIns { partySize } } }`;
const ME = `{ me { id displayName countyCode guardianKind childrenAgeGroups phone role } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

interface Household {
  token: string;
  userId: string;
  bookingId: string;
  shortCode: string;
  name: string;
}

describe('the door check-in screen in the H5 build', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let lecturer: SignedIn;
  let lectureId: string;
  const households: Household[] = [];

  async function gql<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await server.graphql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  /** A parent with a name (and a phone), who books `partySize` seats and gets a ticket. */
  async function bookingHousehold(openId: string, name: string, partySize: number, phone?: string): Promise<Household> {
    const token = await signIn(server, `e2e-door-${openId}-${RUN}`);
    await gql(PROFILE, { input: { displayName: name, ...(phone ? { phone } : {}) } }, token);
    const { bookLecture } = await gql(BOOK, { input: { lectureId, partySize, idempotencyKey: newKey() } }, token);
    expect(bookLecture.status).toBe('CONFIRMED');
    const { booking } = await gql(TICKET, { id: bookLecture.id }, token);
    const { me } = await gql(ME, {}, token);
    return { token, userId: me.id, bookingId: booking.id, shortCode: booking.ticket.shortCode, name };
  }

  const roster = async () => (await gql(ROSTER, { id: lectureId }, lecturer.token)).lectureRoster;

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5-checkin', seed: false });
    lecturer = await signInAs(server.url, `e2e-door-lecturer-${RUN}`, 'LECTURER');
    // The scenery a real database has (the seed writes it): the county of the venue.
    await mongoose.connection.db!.collection('counties').insertOne({ _id: '350702' as never, name: '延平区', sortOrder: 1 });
    const venueId = await insertVenue('350702', 'VILLAGE');
    // Starting in an hour: the door is open (it opens three hours before).
    const startsAt = new Date(Date.now() + 3600_000);
    lectureId = await insertLecture({
      title: '隔代教养：爷爷奶奶的新功课',
      lecturerId: new Types.ObjectId(lecturer.lecturerId!),
      venueId: new Types.ObjectId(venueId),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      countyCode: '350702',
      venueType: 'VILLAGE',
    });
    households.push(await bookingHousehold('wang', '王奶奶', 2));
    households.push(await bookingHousehold('li', '李爷爷', 3));
    households.push(await bookingHousehold('zhang', '张阿姨', 1, '13800005678'));
    households.push(await bookingHousehold('zhao', '赵叔叔', 2)); // never comes: still booked at the end
    households.push(await bookingHousehold('liu', '刘妈妈', 3, '13900004321')); // picked from the roster
    households.push(await bookingHousehold('chen', '陈爸爸', 1)); // brings two more than booked

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Signed in as the lecturer the way the app keeps a session: Taro's storage, in localStorage.
    const { me } = await gql(ME, {}, lecturer.token);
    const session = { token: lecturer.token, expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), user: me };
    await page.goto(`${server.url}/`);
    await page.evaluate((value) => localStorage.setItem('fel.session', JSON.stringify({ data: value })), session);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** An element on the page in front (Taro keeps pages below in the DOM, hidden). */
  const shown = (selector: string) => page.locator(`${selector}:visible`);
  const textOf = async (selector: string) => (await shown(selector).first().innerText()).replace(/\s+/g, ' ').trim();
  const waitText = (selector: string, text: string | RegExp) => shown(selector).filter({ hasText: text }).first().waitFor();

  async function typeCode(code: string) {
    await shown('.checkin-code__input input').fill(code);
    await shown('.checkin-code__submit').click();
  }

  /** A fresh launch (a hash change alone would keep the app that started signed out). */
  async function openDoor() {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/packages/lecturer/checkin?id=${lectureId}`);
  }

  const storedQueue = async (): Promise<any[]> => page.evaluate(() => JSON.parse(localStorage.getItem('fel.checkinQueue') ?? '{}').data ?? []);

  it('opens with the counts of the lecture: nobody in yet, six households booked', async () => {
    await openDoor();
    await waitText('.checkin-counts__booked', '6 户');
    await expect(textOf('.checkin-counts__households')).resolves.toBe('0 户');
    await expect(textOf('.checkin-counts__people')).resolves.toBe('0 人');
    await expect(textOf('.checkin-head__title')).resolves.toBe('隔代教养：爷爷奶奶的新功课');
    // No camera in a browser: the page says so instead of offering a scan button that cannot work.
    await expect(shown('.checkin__scan').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-open.png') });
  });

  it('a short code typed in lower case without the dash checks the household in', async () => {
    const wang = households[0];
    await typeCode(wang.shortCode.toLowerCase().replace('-', ''));
    await waitText('.checkin-result--done .checkin-result__title', '签到成功');
    await expect(textOf('.checkin-result__subject')).resolves.toBe('王奶奶');
    await expect(textOf('.checkin-result__people')).resolves.toBe('2 人');
    await waitText('.checkin-counts__households', '1 户');
    await expect(textOf('.checkin-counts__people')).resolves.toBe('2 人');
    await expect(shown('.checkin-code__input input').inputValue()).resolves.toBe(''); // ready for the next
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-done.png') });

    const after = await roster();
    expect(after.checkedInHouseholds).toBe(1);
    expect(after.entries.find((e: any) => e.bookingId === wang.bookingId)).toMatchObject({ status: 'CHECKED_IN', partyPresent: 2 });
  });

  it('the same code again reads 已于 HH:mm 签到 as a notice, and the count stays 1', async () => {
    await typeCode(households[0].shortCode);
    await waitText('.checkin-result--already .checkin-result__title', /^已于 \d{2}:\d{2} 签到$/);
    await expect(shown('.checkin-result--refused').count()).resolves.toBe(0);
    await expect(textOf('.checkin-result__subject')).resolves.toBe('王奶奶');
    await expect(textOf('.checkin-counts__households')).resolves.toBe('1 户');
    await expect(textOf('.checkin-counts__people')).resolves.toBe('2 人');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-already.png') });
    const after = await roster();
    expect([after.checkedInHouseholds, after.peoplePresent]).toEqual([1, 2]);
  });

  it('offline, a code is kept on the phone as 待同步 (once, however often it is typed)', async () => {
    await context.setOffline(true);
    const li = households[1];
    await typeCode(li.shortCode);
    await waitText('.checkin-result--pending .checkin-result__title', '已记下，待同步');
    await waitText('.checkin-sync__count', '待同步 1 条');
    await typeCode(li.shortCode.toLowerCase());
    await waitText('.checkin-result__message', '不会重复记录');
    await expect(textOf('.checkin-sync__count')).resolves.toBe('待同步 1 条');
    await expect(shown('.checkin-queue__item--pending').count()).resolves.toBe(1);
    // Kept in the phone's storage, so closing the app would not lose it.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('fel.checkinQueue') ?? '{}').data);
    expect(stored.filter((e: any) => e.state === 'pending').map((e: any) => e.code)).toEqual([li.shortCode]);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-offline.png'), fullPage: true });

    expect((await roster()).checkedInHouseholds).toBe(1); // nothing reached the server
  });

  it('back online, the queue is sent by itself: 签到成功 and the count is 2', async () => {
    await context.setOffline(false);
    await waitText('.checkin-result--done .checkin-result__title', '签到成功');
    await expect(textOf('.checkin-result__subject')).resolves.toBe('李爷爷');
    await waitText('.checkin-counts__households', '2 户');
    await expect(textOf('.checkin-counts__people')).resolves.toBe('5 人');
    await expect(shown('.checkin-sync').count()).resolves.toBe(0);
    const after = await roster();
    expect([after.checkedInHouseholds, after.peoplePresent]).toEqual([2, 5]);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-synced.png') });
  });

  it('a wrong code is refused with the reason, stays listed until 知道了, and counts nothing', async () => {
    await typeCode('ZZZZ-ZZZZ');
    await waitText('.checkin-result--refused .checkin-result__title', '未能签到');
    await expect(textOf('.checkin-result--refused .checkin-result__message')).resolves.toContain('不是本场讲座的入场券');
    await waitText('.checkin-queue__item--refused .checkin-queue__reason', '不是本场讲座的入场券');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-refused.png') });
    await shown('.checkin-queue__item--refused .checkin-queue__dismiss').click();
    await expect(shown('.checkin-queue__item--refused').count()).resolves.toBe(0);

    // Not a code at all: the phone says what a code looks like, and sends nothing.
    await typeCode('K7Q');
    await waitText('.checkin-result--refused .checkin-result__title', '入场码不对');
    await expect(textOf('.checkin-result__message')).resolves.toContain('8 位字母和数字');
    await expect(textOf('.checkin-counts__households')).resolves.toBe('2 户');
    expect((await roster()).checkedInHouseholds).toBe(2);
  });

  it('without a ticket: found by the last four phone digits and checked in from the list', async () => {
    await shown('.checkin-tail__input input').fill('5678');
    const row = shown('.checkin-tail__row').filter({ hasText: '张阿姨' });
    await row.waitFor();
    await row.locator('.checkin-tail__button').click();
    await waitText('.checkin-result--done .checkin-result__subject', '张阿姨');
    await waitText('.checkin-counts__households', '3 户');
    await row.locator('.checkin-tail__state').filter({ hasText: /已于 \d{2}:\d{2} 签到/ }).waitFor();
  });

  it('another account’s waiting scan is shown apart, and neither locks the household nor counts as this account’s', async () => {
    // A colleague scanned 刘妈妈 on this phone offline and signed out before it was sent.
    const liu = households[4];
    await page.evaluate(
      ({ lecture, booking }) => {
        const stored = JSON.parse(localStorage.getItem('fel.checkinQueue') ?? '{"data":[]}');
        stored.data.push({ clientScanId: 'scan-colleague-0001', lectureId: lecture, userId: '0123456789abcdef01234567', bookingId: booking, label: '刘妈妈', scannedAt: new Date().toISOString(), state: 'pending' });
        localStorage.setItem('fel.checkinQueue', JSON.stringify(stored));
      },
      { lecture: lectureId, booking: liu.bookingId },
    );
    await openDoor();
    await waitText('.checkin-queue__heading--others', '其他账号记下的 1 条');
    await expect(textOf('.checkin-queue__item--others .checkin-queue__subject')).resolves.toBe('刘妈妈');
    await expect(textOf('.checkin-queue__note')).resolves.toContain('那个账号登录后');
    // Nothing of this account waits: no 待同步 bar, no 待同步 group of its own.
    await expect(shown('.checkin-sync').count()).resolves.toBe(0);
    await expect(shown('.checkin-queue__item--pending').count()).resolves.toBe(0);
    await shown('.checkin-tail__input input').fill('4321');
    const row = shown('.checkin-tail__row').filter({ hasText: '刘妈妈' });
    await row.locator('.checkin-tail__button').waitFor();
    await expect(row.locator('.checkin-tail__state--pending').count()).resolves.toBe(0);
    await shown('.checkin-queue').screenshot({ path: path.join(artifactsDir, 'h5-checkin-others.png') });
  });

  it('a household picked from the roster counts at most its booking; fewer may come', async () => {
    const row = shown('.checkin-tail__row').filter({ hasText: '刘妈妈' });
    await expect(row.locator('.party-stepper__value').innerText()).resolves.toBe('3');
    await row.locator('.party-stepper__plus').click();
    await expect(row.locator('.party-stepper__value').innerText()).resolves.toBe('3'); // booked 3: no more
    await expect(row.locator('.party-stepper__plus').getAttribute('class')).resolves.toContain('party-stepper__button--disabled');
    await expect(textOf('.checkin-tail__party-label')).resolves.toBe('到场人数（最多 3 位）');
    await row.locator('.party-stepper__minus').click();
    await expect(row.locator('.party-stepper__value').innerText()).resolves.toBe('2');
    await row.screenshot({ path: path.join(artifactsDir, 'h5-checkin-roster-party.png') });
    await row.locator('.checkin-tail__button').click();
    await waitText('.checkin-result--done .checkin-result__subject', '刘妈妈');
    await expect(textOf('.checkin-result__people')).resolves.toBe('2 人');
    await waitText('.checkin-counts__households', '4 户');
    await expect(textOf('.checkin-counts__people')).resolves.toBe('8 人'); // 2 + 3 + 1 + 2
    const after = await roster();
    expect(after.entries.find((e: any) => e.bookingId === households[4].bookingId)).toMatchObject({ status: 'CHECKED_IN', partyPresent: 2 });
    // The colleague's scan still waits for the colleague.
    await expect(shown('.checkin-queue__item--others').count()).resolves.toBe(1);
  });

  it('more people than a ticket booked: the household is checked in and the others counted as walk-ins', async () => {
    await shown('.checkin-party__change').click();
    await shown('.checkin-party--custom .party-stepper__plus').click();
    await shown('.checkin-party--custom .party-stepper__plus').click();
    await expect(textOf('.checkin-party--custom .party-stepper__value')).resolves.toBe('3');
    await typeCode(households[5].shortCode);
    await waitText('.checkin-result--done .checkin-result__subject', '陈爸爸');
    await expect(textOf('.checkin-result__people')).resolves.toBe('1 人');
    await expect(textOf('.checkin-result__extra')).resolves.toContain('多来的 2 人记为现场来宾');
    await waitText('.checkin-counts__people', '11 人');
    await expect(textOf('.checkin-counts__households')).resolves.toBe('5 户');
    const after = await roster();
    expect(after.entries.find((e: any) => e.bookingId === households[5].bookingId)).toMatchObject({ status: 'CHECKED_IN', partyPresent: 1 });
    expect(after.walkIns).toEqual([{ partySize: 2 }]);
    // The next household starts from its own booking again.
    await shown('.checkin-party__default').waitFor();
  });

  it('a walk-in party is recorded after a confirmation and counted among those present', async () => {
    await shown('.checkin-panel .party-stepper__plus').last().click();
    await shown('.checkin-walkin__submit').click();
    await page.locator('.taro-modal__text', { hasText: '现场来宾 2 人' }).waitFor();
    await page.locator('.taro-model__confirm', { hasText: '登记' }).click();
    await waitText('.checkin-result--done .checkin-result__title', '已登记现场来宾');
    await waitText('.checkin-counts__people', '13 人'); // 2 + 3 + 1 + 2 + 1 booked, 2 + 2 walking in
    const after = await roster();
    expect(after.walkIns).toEqual([{ partySize: 2 }, { partySize: 2 }]);
    expect(after.peoplePresent).toBe(13);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-walkin.png'), fullPage: true });
  });

  it('a scan the server asks to retry later says so (not “when the network is back”), and goes through later', async () => {
    // The server answers every scan "暂时无法处理，稍后自动重试" (its own trouble, e.g. its database
    // briefly unavailable) — staged here at the network, as the real server cannot be made to fail.
    const troubled = async (route: any) => {
      const body = route.request().postDataJSON();
      if (body?.operationName !== 'CheckInSync') return route.continue();
      const syncCheckIns = body.variables.scans.map((scan: any) => ({
        clientScanId: scan.clientScanId, outcome: 'REJECTED', message: '暂时无法处理，稍后自动重试', errorCode: 'INTERNAL_SERVER_ERROR',
        bookingId: null, householdName: null, partySize: null, partyPresent: null, checkedInAt: null,
      }));
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { syncCheckIns } }) });
    };
    await page.route('**/graphql', troubled);
    await typeCode('ZZZZ-ZZZY');
    await waitText('.checkin-result--pending .checkin-result__title', '已记下，待同步');
    await waitText('.checkin-result--pending .checkin-result__message', '服务器暂时无法处理');
    await expect(textOf('.checkin-result--pending .checkin-result__message')).resolves.not.toContain('网络恢复');
    await waitText('.checkin-sync__count', '待同步 1 条');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-checkin-retry-later.png') });

    await page.unroute('**/graphql', troubled);
    await shown('.checkin-sync__button').click();
    await waitText('.checkin-result--refused .checkin-result__title', '未能签到');
    await shown('.checkin-queue__item--refused .checkin-queue__dismiss').click();
    await expect(shown('.checkin-queue__item--refused').count()).resolves.toBe(0);
    await expect(textOf('.checkin-counts__people')).resolves.toBe('13 人');
  });

  it('a scan left waiting when the app was closed offline goes out when the app is opened again, on any page', async () => {
    const before = await roster();
    await context.setOffline(true);
    await shown('.checkin-walkin__submit').click();
    await page.locator('.taro-modal__text', { hasText: '现场来宾 1 人' }).waitFor();
    await page.locator('.taro-model__confirm', { hasText: '登记' }).click();
    await waitText('.checkin-sync__count', '待同步 1 条');
    await page.goto('about:blank'); // the app is closed…
    await context.setOffline(false);
    await page.goto(`${server.url}/#/pages/index/index`); // …and opened on its home page, with signal
    await waitFor(async () => (await roster()).walkIns.length === before.walkIns.length + 1, 'the walk-in sent at launch');
    await waitFor(async () => (await storedQueue()).every((e) => e.state !== 'pending' || e.userId !== lecturer.userId), 'nothing of this account left waiting');
    expect((await roster()).peoplePresent).toBe(before.peoplePresent + 1);
  });

  it('讲师工作台 lists the lecture with its status and the seats booked, and opens it', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/packages/lecturer/index`);
    const card = shown('.lecturer-card').filter({ hasText: '隔代教养：爷爷奶奶的新功课' });
    await card.waitFor();
    await expect(card.locator('.lecturer-status').innerText()).resolves.toBe('已发布');
    await expect(card.locator('.lecturer-card__seats').innerText()).resolves.toBe('已约 12 座 / 共 30 座');
    await expect(shown('.lecturer-home__propose').innerText()).resolves.toBe('申报讲座');
    await expect(shown('.lecturer-home__courses').innerText()).resolves.toBe('我的课程');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-lecturer-home.png') });
    await card.locator('.lecturer-card__title').click();
    await shown('.lecturer-roster').waitFor();
    expect(page.url()).toContain(`/packages/lecturer/lecture?id=${lectureId}`);
  });

  it('讲座管理 shows the roster with its totals and finds a household by the last four phone digits', async () => {
    await waitText('.lecturer-roster__booked', '已预约 6 户');
    await expect(textOf('.lecturer-roster__checked')).resolves.toBe('已签到 5 户');
    await expect(textOf('.lecturer-roster__present')).resolves.toBe('到场 14 人');
    const names = async () => (await shown('.lecturer-roster__name').allInnerTexts()).map((t) => t.trim()).sort();
    await expect(names()).resolves.toEqual(['张阿姨', '李爷爷', '王奶奶', '赵叔叔', '刘妈妈', '陈爸爸'].sort());
    const zhao = shown('.lecturer-roster__row').filter({ hasText: '赵叔叔' });
    await expect(zhao.locator('.booking-status').innerText()).resolves.toBe('已预约');
    const wang = shown('.lecturer-roster__row').filter({ hasText: '王奶奶' });
    await expect(wang.locator('.booking-status').innerText()).resolves.toBe('已签到');

    await shown('.lecturer-roster__search input').fill('5678');
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('.lecturer-roster__name')).filter((el) => (el as HTMLElement).offsetParent !== null);
      return rows.length === 1 && rows[0].textContent?.trim() === '张阿姨';
    });
    await expect(textOf('.lecturer-roster__details')).resolves.toContain('尾号 5678');
    await shown('.lecturer-roster__search input').fill('0000');
    await waitText('.lecturer-roster__note', '没有尾号为 0000 的预约家庭');
    await shown('.lecturer-roster__search input').fill('');
    await waitText('.lecturer-roster__name', '赵叔叔');
  });

  it('给预约家庭发通知 reaches the households still expected (those not yet in)', async () => {
    await shown('.lecture-message__send').click();
    await waitText('.lecture-message__result--error', '请先写下要通知的内容');
    await shown('.lecture-message__input textarea').fill('明天降温，请注意保暖；会场在村委会二楼。');
    await expect(textOf('.lecture-message__count')).resolves.toBe('20/100');
    await shown('.lecture-message__send').click();
    await page.locator('.taro-model__confirm', { hasText: '发送' }).click();
    await waitText('.lecture-message__result--ok', '已通知 1 户家庭');
    await expect(shown('.lecture-message__input textarea').inputValue()).resolves.toBe('');
    // One notice, for 赵叔叔's household, waiting in the outbox.
    const notices = await mongoose.connection.db!.collection('outbox').find({ kind: 'LECTURER_MESSAGE' }).toArray();
    expect(notices).toHaveLength(1);
    expect(notices[0].userId.toHexString()).toBe(households[3].userId);
  });

  it('取消讲座 asks for the reason, then for confirmation, and the lecture shows as cancelled', async () => {
    await shown('.lecture-manage__cancel-link').click();
    await shown('.lecture-cancel__confirm').click();
    await waitText('.lecture-cancel__error', '请写明取消的原因');
    await shown('.lecture-cancel__input textarea').fill('讲师临时生病，改期另行通知');
    await shown('.lecture-cancel__confirm').click();
    await page.locator('.taro-modal__text', { hasText: '都会被取消' }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-lecture-cancel-confirm.png') });
    await page.locator('.taro-model__confirm', { hasText: '确定取消' }).click();
    await waitText('.lecture-manage__hero .lecturer-status', '已取消');
    await waitText('.lecture-manage__reason', '讲师临时生病，改期另行通知');
    await expect(shown('.lecture-manage__checkin').count()).resolves.toBe(0);
    await expect(shown('.lecture-message').count()).resolves.toBe(0);
    const { data } = await server.graphql(`query($id: ID!) { lecture(id: $id) { status cancellationReason } }`, { id: lectureId }, lecturer.token);
    expect(data.lecture).toEqual({ status: 'CANCELLED', cancellationReason: '讲师临时生病，改期另行通知' });
    // The household still expected is told why.
    const told = await mongoose.connection.db!.collection('outbox').find({ kind: 'LECTURE_CANCELLED' }).toArray();
    expect(told.map((n) => n.userId.toHexString())).toContain(households[3].userId);
    expect(told.find((n) => n.userId.toHexString() === households[3].userId)!.data.thing4).toBe('讲师临时生病，改期另行通知');
    await page.locator('.taro-modal__content').waitFor({ state: 'hidden' });
    await page.locator('.taro__toast').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(artifactsDir, 'h5-lecture-cancelled.png'), fullPage: true });
  });

  it('the door lists kept on the phone are the account’s: another account offline never sees them', async () => {
    // The lecturer's door list (names, phone tails) is on the phone, kept for its account.
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('fel.checkinDesks') ?? '{}').data);
    expect(kept.userId).toBe(lecturer.userId);
    expect(Object.keys(kept.desks)).toContain(lectureId);
    // A household's account signs in on this phone; offline, the door screen has nothing to show.
    const zhao = households[3];
    const { me } = await gql(ME, {}, zhao.token);
    await page.evaluate((value) => localStorage.setItem('fel.session', JSON.stringify({ data: value })), {
      token: zhao.token, expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), user: me,
    });
    // No signal for the server (the page itself still loads from the test server).
    const noSignal = (route: any) => route.abort('internetdisconnected');
    await page.route('**/graphql', noSignal);
    try {
      await openDoor();
      await shown('.status-view--error').waitFor();
      await expect(shown('.checkin-head__title').count()).resolves.toBe(0);
      await expect(page.locator('body').innerText()).resolves.not.toContain('刘妈妈');
    } finally {
      await page.unroute('**/graphql', noSignal);
    }
  });

  it('signing out forgets the door lists', async () => {
    const { me } = await gql(ME, {}, lecturer.token);
    await page.evaluate((value) => localStorage.setItem('fel.session', JSON.stringify({ data: value })), {
      token: lecturer.token, expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), user: me,
    });
    await openDoor();
    await waitText('.checkin-head__title', '隔代教养');
    expect(await page.evaluate(() => localStorage.getItem('fel.checkinDesks'))).not.toBeNull();
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/pages/mine/index`);
    await shown('.mine__sign-out').click();
    await waitFor(async () => (await page.evaluate(() => localStorage.getItem('fel.session'))) === null, 'signed out');
    expect(await page.evaluate(() => [localStorage.getItem('fel.checkinDesks'), localStorage.getItem('fel.checkinDesk')])).toEqual([null, null]);
  });

  it('door staff with nothing ahead reach a lecture that ended an hour ago, and its door', async () => {
    // A volunteer (a parent's account) keeps the door of a lecture that ended an hour ago: late
    // arrivals from the paper list may still be typed in for a day.
    const staff = await signInAs(server.url, `e2e-door-staff-${RUN}`, 'PARENT');
    const endedAt = new Date(Date.now() - 3600_000);
    const past = await insertLecture({
      title: '青春期沟通：听懂孩子的话',
      lecturerId: new Types.ObjectId(lecturer.lecturerId!),
      venueId: new Types.ObjectId(await insertVenue('350702', 'VILLAGE')),
      startsAt: new Date(endedAt.getTime() - 90 * 60_000),
      endsAt: endedAt,
      countyCode: '350702',
      venueType: 'VILLAGE',
      staffUserIds: [new Types.ObjectId(staff.userId)],
    });
    const staffContext = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    try {
      const staffPage = await staffContext.newPage();
      staffPage.on('pageerror', (error) => pageErrors.push(error.message));
      const { me } = await gql(ME, {}, staff.token);
      await staffPage.goto(`${server.url}/`);
      await staffPage.evaluate((value) => localStorage.setItem('fel.session', JSON.stringify({ data: value })), {
        token: staff.token, expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), user: me,
      });
      await staffPage.goto('about:blank');
      await staffPage.goto(`${server.url}/#/packages/lecturer/index`);
      const visible = (selector: string) => staffPage.locator(`${selector}:visible`);
      // Nothing ahead: the notice says why, and 已结束 is still there to tap.
      await visible('.lecturer-home__notice').waitFor();
      await visible('.lecturer-segment--past').click();
      const card = visible('.lecturer-card').filter({ hasText: '青春期沟通：听懂孩子的话' });
      await card.waitFor();
      await staffPage.screenshot({ path: path.join(artifactsDir, 'h5-lecturer-staff-past.png') });
      await card.locator('.lecturer-card__checkin').click();
      await visible('.checkin-head__title').filter({ hasText: '青春期沟通：听懂孩子的话' }).waitFor();
      expect(staffPage.url()).toContain(`/packages/lecturer/checkin?id=${past}`);
    } finally {
      await staffContext.close();
    }
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
