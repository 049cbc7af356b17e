/**
 * The organizer's outreach pages in the H5 build, in headless Chromium, against the real server:
 * the drill-down from a report cell to a lecture's attendance (phones masked everywhere on the
 * page), the yearly targets (a city organizer saves them; a bad number is refused beside its field
 * and writes nothing; a second tap while saving sends nothing more; switching year with typed
 * targets asks first; a county organizer reads them only), and 场地管理 (a venue added appears in
 * the list, once however often 添加 is tapped; a server error lands beside its field; a landline
 * with its dash is taken; a retired venue is greyed). Each test sets up the targets it reads.
 */
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { rebuildOutcomes } from '../../server/src/modules/outreach/outcome.service';
import { artifactsDir, launchChromium, openPhonePage } from '../helpers/browser';
import { BOOK, insertLecture, newKey } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';
import { insertCounties } from '../helpers/venues';
import { waitFor } from '../helpers/wait';

const RUN = Date.now().toString(36);
const COUNTY = '350702'; // 延平区
const VENUE_ID = new Types.ObjectId();
const VENUE_NAME = '延平区实验小学家长学校';
const HELD_TITLE = '开学第一课：陪孩子走进小学';
const PHONES = { wang: '13812345678', li: '13900001111' };
const ME = `{ me { id displayName countyCode guardianKind childrenAgeGroups phone role } }`;
const TARGETS = `query($year: Int!, $countyCode: ID) { outreachTargets(year: $year, countyCode: $countyCode) { venueType lectures people } }`;
const SET_TARGETS = `mutation($input: SetOutreachTargetsInput!) { setOutreachTargets(input: $input) { venueType } }`;
const VENUES = `query($countyCode: ID) { venues(countyCode: $countyCode, includeRetired: true) { id name type retired county { code } contactPhone } }`;

/** Beijing calendar year and month of an instant. */
function beijing(at: Date): { year: number; month: number } {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

describe("the organizer's drill-down, targets and venues in the H5 build", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let countyOrganizer: SignedIn;
  let cityOrganizer: SignedIn;
  let heldId: string;
  let heldStart: Date;

  async function api<T = any>(who: SignedIn | string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await server.graphql(query, variables, typeof who === 'string' ? who : who.token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5-organizer-pages', seed: false });
    await insertCounties();
    const db = mongoose.connection.db!;
    await db.collection('venues').insertOne({
      _id: VENUE_ID,
      name: VENUE_NAME,
      type: 'SCHOOL',
      countyCode: COUNTY,
      address: '延平区八一路 12 号',
      isPracticeBase: true,
      practiceBaseYear: 2023,
      retired: false,
    });
    const lecturer = await signInAs(server.url, `orgp-lecturer-${RUN}`, 'LECTURER', { countyCode: COUNTY });
    countyOrganizer = await signInAs(server.url, `orgp-county-${RUN}`, 'ORGANIZER', { countyCode: COUNTY });
    cityOrganizer = await signInAs(server.url, `orgp-city-${RUN}`, 'ORGANIZER');

    // A lecture about to start: two households book, one is checked in at the door (three of its
    // party came) and a walk-in party of two is counted. Then it is moved into the past, as if held.
    const soon = new Date(Date.now() + 30 * 60_000);
    heldId = await insertLecture({
      title: HELD_TITLE,
      venueId: VENUE_ID,
      venueType: 'SCHOOL',
      countyCode: COUNTY,
      lecturerId: new Types.ObjectId(lecturer.lecturerId!),
      startsAt: soon,
      endsAt: new Date(soon.getTime() + 90 * 60_000),
    });
    const wang = await signInAs(server.url, `orgp-wang-${RUN}`, 'PARENT');
    const li = await signInAs(server.url, `orgp-li-${RUN}`, 'PARENT');
    await db.collection('users').updateOne({ _id: new Types.ObjectId(wang.userId) }, { $set: { displayName: '王芳', phone: PHONES.wang } });
    await db.collection('users').updateOne({ _id: new Types.ObjectId(li.userId) }, { $set: { displayName: '李明', phone: PHONES.li } });
    const wangBooking = (await api(wang, BOOK, { input: { lectureId: heldId, partySize: 3, idempotencyKey: newKey() } })).bookLecture;
    await api(li, BOOK, { input: { lectureId: heldId, partySize: 2, idempotencyKey: newKey() } });
    await api(countyOrganizer, `mutation($input: CheckInInput!) { checkIn(input: $input) { __typename } }`, {
      input: { lectureId: heldId, bookingId: wangBooking.id, partyPresent: 3 },
    });
    await api(countyOrganizer, `mutation($input: WalkInInput!) { recordWalkIn(input: $input) { __typename } }`, {
      input: { lectureId: heldId, partySize: 2, note: '王奶奶带孙子', clientScanId: `orgp-walkin-${RUN}` },
    });
    heldStart = new Date(Date.now() - 3 * 3600_000);
    await db.collection('lectures').updateOne({ _id: new Types.ObjectId(heldId) }, { $set: { startsAt: heldStart, endsAt: new Date(heldStart.getTime() + 90 * 60_000) } });
    await rebuildOutcomes([heldId]);

    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The app's stored session (Taro's H5 storage wraps it as `{ data }`), so the next launch is signed in. */
  async function useSession(who: SignedIn) {
    const { me } = await api(who, ME);
    await page.goto(`${server.url}/healthz`);
    await page.evaluate((stored) => localStorage.setItem('fel.session', JSON.stringify({ data: stored })), {
      token: who.token,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: me,
    });
  }

  async function open(route: string) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/${route}`);
  }

  /** The county's 进学校 target as the tests expect to find it, written through the API. */
  async function setSchoolTarget(year: number, lectures = 12, people = 600) {
    await api(cityOrganizer, SET_TARGETS, { input: { year, countyCode: COUNTY, targets: [{ venueType: 'SCHOOL', lectures, people }] } });
  }

  /** The GraphQL operations the page sends while `work` runs (the listener is removed whatever happens). */
  async function watchOperations<T>(work: (operations: string[]) => Promise<T>): Promise<T> {
    const operations: string[] = [];
    const listener = (request: Request) => {
      if (request.url().endsWith('/graphql')) operations.push(request.postDataJSON()?.operationName ?? '');
    };
    page.on('request', listener);
    try {
      return await work(operations);
    } finally {
      page.off('request', listener);
    }
  }

  /**
   * Holds the page's `operation` requests until the returned release() is called, so a second tap
   * lands while the first request is surely still out.
   */
  async function holdOperation(operation: string): Promise<() => Promise<void>> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handled: Array<Promise<void>> = [];
    const handler = (route: Route) => {
      const done = (async () => {
        if (route.request().postDataJSON()?.operationName === operation) await released;
        await route.continue();
      })();
      handled.push(done);
      return done;
    };
    await page.route('**/graphql', handler);
    return async () => {
      release();
      // Every request held (or passing) is on its way before the handler goes.
      await Promise.all(handled);
      await page.unroute('**/graphql', handler);
    };
  }

  /**
   * Chooses row `index` of the picker opened by tapping `selector`, as a finger would: drag the
   * column by that many rows, then tap 确定 (see h5.test.ts: rows cannot be tapped directly).
   */
  async function pickRow(selector: string, index: number, currentIndex: number) {
    await tap(`${selector} .year-picker__bar, ${selector} .county-picker__bar`);
    // Every picker of the page keeps its popup in the document: only the open one is visible.
    const column = page.locator('.weui-picker__group:visible');
    await column.waitFor();
    await page.waitForFunction(() => {
      const popup = Array.from(document.querySelectorAll<HTMLElement>('.weui-picker')).find((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
      return popup !== undefined && popup.getAnimations().every((animation: Animation) => animation.playState === 'finished');
    });
    const rowHeight = (await page.locator('.weui-picker__item:visible').first().boundingBox())!.height;
    const box = (await column.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - rowHeight * (index - currentIndex), { steps: 10 });
    await page.mouse.up();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await column.waitFor({ state: 'hidden' });
  }

  const shown = (selector: string) => page.locator(`${selector}:visible`);
  const textOf = async (selector: string) => (await shown(selector).first().innerText()).trim();

  /**
   * A real click at the element's centre (pages with pull-down refresh confuse Playwright's own click).
   * A page may render the element anew between finding and tapping it (the quiet reload on show):
   * then it is found again, as Playwright's own click would.
   */
  async function tap(selector: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        const target = shown(selector).first();
        await target.scrollIntoViewIfNeeded();
        const box = await target.boundingBox();
        if (!box) throw new Error(`${selector} is not attached to the DOM`);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return;
      } catch (error) {
        if (attempt >= 5 || !/not attached/i.test(String(error))) throw error;
      }
    }
  }

  it('the cell page lists the lecture behind a cell with its figures; the attendance page masks every phone', async () => {
    const { year, month } = beijing(heldStart);
    await useSession(countyOrganizer);
    await open(`packages/organizer/cell?year=${year}&county=${COUNTY}&venueType=SCHOOL&month=${month}`);
    await shown('.orgp-lecture').first().waitFor();
    await expect(textOf('.orgp-cell__heading')).resolves.toBe(`${year}年 · 延平区 · 进学校 · ${month}月`);
    const card = shown('.orgp-lecture').filter({ hasText: HELD_TITLE });
    await expect(card.locator('.orgp-lecture__phase').innerText()).resolves.toBe('已举办');
    await expect(card.locator('.orgp-lecture__venue').innerText()).resolves.toContain(VENUE_NAME);
    await expect(card.locator('.orgp-lecture__figures').innerText()).resolves.toBe('预约 5 座 · 签到 3 人 · 现场 2 人 · 暂无评分');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-organizer-cell.png') });

    await tap(`.orgp-lecture:has-text("${HELD_TITLE}")`);
    await shown('.orgp-entry').first().waitFor();
    await expect(textOf('.orgp-attendance__title')).resolves.toBe(HELD_TITLE);
    await expect(shown('.orgp-entry').count()).resolves.toBe(2);
    // Who came first comes first.
    const first = shown('.orgp-entry').first();
    await expect(first.locator('.orgp-entry__name').innerText()).resolves.toBe('王芳');
    await expect(first.locator('.orgp-entry__status').innerText()).resolves.toMatch(/^已签到 \d\d:\d\d 到场 3 人$/);
    await expect(first.locator('.orgp-entry__phone').innerText()).resolves.toContain('138****5678');
    const second = shown('.orgp-entry').nth(1);
    await expect(second.locator('.orgp-entry__name').innerText()).resolves.toBe('李明');
    await expect(second.locator('.orgp-entry__phone').innerText()).resolves.toContain('139****1111');
    await expect(shown('.orgp-walkin').innerText()).resolves.toContain('现场来宾 2 人');
    await expect(textOf('.orgp-stat--checked-in .orgp-stat__value')).resolves.toBe('1户');
    await expect(textOf('.orgp-stat--walk-in .orgp-stat__value')).resolves.toBe('2人');

    const everything = await page.evaluate(() => document.body.innerText);
    expect(everything).not.toContain(PHONES.wang);
    expect(everything).not.toContain(PHONES.li);
    expect(everything).not.toMatch(/1\d{10}/);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-organizer-attendance.png') });
  });

  it('a city organizer sets a county’s target, once however often 保存 is tapped; the server has it', async () => {
    const { year } = beijing(new Date());
    await useSession(cityOrganizer);
    await open(`packages/organizer/targets?year=${year}&county=${COUNTY}`);
    await shown('.orgp-target--school .orgp-target__input--lectures').waitFor();
    await shown('.orgp-targets__scope .county-picker__value').filter({ hasText: '延平区' }).waitFor();
    await expect(textOf('.orgp-targets__year .year-picker__value')).resolves.toBe(`${year}年`);
    await shown('.orgp-target--school .orgp-target__input--lectures input').fill('12');
    await shown('.orgp-target--school .orgp-target__input--people input').fill('600');
    const sent = await watchOperations(async (operations) => {
      const release = await holdOperation('OrgPagesSetOutreachTargets');
      await tap('.orgp-targets__save');
      await shown('.orgp-targets__save').filter({ hasText: '正在保存…' }).waitFor();
      await tap('.orgp-targets__save');
      await tap('.orgp-targets__save');
      await release();
      await page.getByText('已保存', { exact: true }).waitFor();
      return operations.filter((name) => name === 'OrgPagesSetOutreachTargets').length;
    });
    expect(sent).toBe(1);
    const saved = await waitFor(async () => {
      const { outreachTargets } = await api(cityOrganizer, TARGETS, { year, countyCode: COUNTY });
      return outreachTargets.find((t: any) => t.venueType === 'SCHOOL' && t.lectures === 12) ?? null;
    }, 'the target on the server');
    expect(saved).toEqual({ venueType: 'SCHOOL', lectures: 12, people: 600 });
    await expect(shown('.orgp-target__error').count()).resolves.toBe(0);
  });

  it('a negative number is refused beside its field by the server; an emptied field beside its own; nothing is written', async () => {
    const { year } = beijing(new Date());
    await setSchoolTarget(year);
    await useSession(cityOrganizer);
    await open(`packages/organizer/targets?year=${year}&county=${COUNTY}`);
    await page.waitForFunction(() => (document.querySelector('.orgp-target--school .orgp-target__input--lectures input') as HTMLInputElement | null)?.value === '12');
    const before = JSON.stringify((await api(cityOrganizer, TARGETS, { year, countyCode: COUNTY })).outreachTargets);
    await watchOperations(async (operations) => {
    await shown('.orgp-target--school .orgp-target__input--lectures input').fill('-3');
    await tap('.orgp-targets__save');
    await shown('.orgp-target--school .orgp-target__error--lectures').waitFor();
    await expect(textOf('.orgp-target--school .orgp-target__error--lectures')).resolves.toBe('场次请填 0 到 10000 的整数');
    await expect(shown('.orgp-target--school .orgp-target__error--people').count()).resolves.toBe(0);
    await expect(textOf('.orgp-targets__failure')).resolves.toBe('有几项需要改一下，请看红字提示。');
    expect(operations).toContain('OrgPagesSetOutreachTargets'); // the server judged it
    await page.screenshot({ path: path.join(artifactsDir, 'h5-organizer-targets-error.png') });

    await shown('.orgp-target--school .orgp-target__input--lectures input').fill('12');
    await expect(shown('.orgp-target__error--lectures').count()).resolves.toBe(0); // cleared on typing
    await shown('.orgp-target--school .orgp-target__input--people input').fill('');
    const sent = operations.length;
    await tap('.orgp-targets__save');
    await shown('.orgp-target--school .orgp-target__error--people').waitFor();
    await expect(textOf('.orgp-target--school .orgp-target__error--people')).resolves.toBe('请填写人数');
    expect(operations.length).toBe(sent); // caught before sending
    });

    expect(JSON.stringify((await api(cityOrganizer, TARGETS, { year, countyCode: COUNTY })).outreachTargets)).toBe(before);
  });

  it('switching year with typed targets asks first: 留下保存 keeps them, 换过去 shows the other year', async () => {
    const { year } = beijing(new Date());
    await setSchoolTarget(year);
    await useSession(cityOrganizer);
    await open(`packages/organizer/targets?year=${year}&county=${COUNTY}`);
    await page.waitForFunction(() => (document.querySelector('.orgp-target--school .orgp-target__input--lectures input') as HTMLInputElement | null)?.value === '12');
    await shown('.orgp-target--village .orgp-target__input--lectures input').fill('7');
    // The years run newest first: next year, this year (row 1), last year (row 2).
    await pickRow('.orgp-targets__year', 2, 1);
    await page.locator('.taro-modal__text', { hasText: '刚填的目标就没有了' }).waitFor();
    await page.locator('.taro-model__cancel', { hasText: '留下保存' }).click();
    await page.locator('.taro-modal__text').waitFor({ state: 'hidden' });
    await expect(textOf('.orgp-targets__year .year-picker__value')).resolves.toBe(`${year}年`);
    await expect(shown('.orgp-target--village .orgp-target__input--lectures input').inputValue()).resolves.toBe('7');

    await pickRow('.orgp-targets__year', 2, 1);
    await page.locator('.taro-model__confirm', { hasText: '换过去' }).click();
    await page.locator('.taro-modal__text').waitFor({ state: 'hidden' });
    await shown('.orgp-targets__year .year-picker__value').filter({ hasText: `${year - 1}年` }).waitFor();
    await shown('.orgp-target--school .orgp-target__input--lectures').waitFor();
    await expect(shown('.orgp-target--village .orgp-target__input--lectures input').inputValue()).resolves.toBe('');
    await expect(shown('.orgp-target--school .orgp-target__input--lectures input').inputValue()).resolves.toBe('');
    // Nothing typed now: switching back asks nothing.
    await pickRow('.orgp-targets__year', 1, 2);
    await page.waitForFunction(() => (document.querySelector('.orgp-target--school .orgp-target__input--lectures input') as HTMLInputElement | null)?.value === '12');
    await expect(page.locator('.taro-modal__text:visible').count()).resolves.toBe(0);
  });

  it('a county organizer reads the county’s targets without inputs, told the city sets them', async () => {
    const { year } = beijing(new Date());
    await setSchoolTarget(year);
    await useSession(countyOrganizer);
    await open(`packages/organizer/targets?year=${year}`);
    await shown('.orgp-target--school .orgp-target__value--lectures').waitFor();
    await expect(textOf('.orgp-targets__readonly-note')).resolves.toContain('目标由市妇联设定');
    await shown('.orgp-targets__scope-value').filter({ hasText: '延平区' }).waitFor();
    await expect(textOf('.orgp-target--school .orgp-target__value--lectures')).resolves.toBe('12 场');
    await expect(textOf('.orgp-target--school .orgp-target__value--people')).resolves.toBe('600 人');
    await expect(textOf('.orgp-target--village .orgp-target__unset')).resolves.toBe('未设定');
    await expect(shown('.orgp-target__input').count()).resolves.toBe(0);
    await expect(shown('.orgp-targets__save').count()).resolves.toBe(0);
  });

  it('场地管理 opens from the review queue; a venue added appears in the list once, and a bad phone is refused beside its field', async () => {
    await useSession(countyOrganizer);
    await open('packages/organizer/index');
    // The queue has loaded (the links come with it).
    await shown('.review-section--lectures').waitFor();
    await tap('.review-queue__link--venues');
    await shown('.orgp-venue').first().waitFor();
    const base = shown('.orgp-venue').filter({ hasText: VENUE_NAME });
    await expect(base.locator('.orgp-venue__base').innerText()).resolves.toBe('实践基地（2023年命名）');

    await tap('.orgp-venues__new');
    await shown('.orgp-venue-form__name').waitFor();
    // Fixed to the organizer's county: no picker.
    await shown('.orgp-venue-form__county-readonly').filter({ hasText: '延平区' }).waitFor();
    await expect(shown('.orgp-venue-form__county').count()).resolves.toBe(0);
    await shown('.orgp-venue-form__name input').fill('水南街道社区家长学校');
    await shown('.orgp-venue-type--community').click();
    await shown('.orgp-venue-form__township input').fill('水南街道');
    await shown('.orgp-venue-form__address input').fill('延平区滨江中路 8 号');
    await shown('.orgp-venue-form__contact-name input').fill('陈老师');
    await shown('.orgp-venue-form__contact-phone input').fill('12345');
    await tap('.orgp-venue-form__save');
    await shown('.form-field__error--contactPhone').waitFor();
    await expect(textOf('.form-field__error--contactPhone')).resolves.toBe('请填写 11 位手机号，或带区号的固定电话');
    const listed = async () => (await api(countyOrganizer, VENUES, { countyCode: COUNTY })).venues as Array<any>;
    await expect(listed()).resolves.toHaveLength(1); // nothing written

    // A landline keeps its dash (the field is plain text, not a number pad).
    await shown('.orgp-venue-form__contact-phone input').fill('0599-8123456');
    await expect(shown('.orgp-venue-form__contact-phone input').inputValue()).resolves.toBe('0599-8123456');
    const creates = await watchOperations(async (operations) => {
      const release = await holdOperation('OrgPagesCreateVenue');
      await tap('.orgp-venue-form__save');
      await shown('.orgp-venue-form__save').filter({ hasText: '正在保存…' }).waitFor();
      await tap('.orgp-venue-form__save');
      await release();
      await shown('.orgp-venue').filter({ hasText: '水南街道社区家长学校' }).waitFor();
      return operations.filter((name) => name === 'OrgPagesCreateVenue').length;
    });
    expect(creates).toBe(1);
    const created = (await listed()).filter((v) => v.name === '水南街道社区家长学校');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ type: 'COMMUNITY', retired: false, county: { code: COUNTY }, contactPhone: '0599-8123456' });
  });

  it('retiring a venue asks first; the list shows it greyed, 已停用', async () => {
    // The venue of the test before; written here through the API when that test did not get so far.
    const { venues: before } = await api(countyOrganizer, VENUES, { countyCode: COUNTY });
    if (!before.some((v: any) => v.name === '水南街道社区家长学校')) {
      await api(countyOrganizer, `mutation($input: VenueInput!) { createVenue(input: $input) { id } }`, {
        input: { name: '水南街道社区家长学校', type: 'COMMUNITY', countyCode: COUNTY, address: '延平区滨江中路 8 号', isPracticeBase: false },
      });
    }
    await useSession(countyOrganizer);
    await open('packages/organizer/venues');
    await tap('.orgp-venue:has-text("水南街道社区家长学校")');
    await shown('.orgp-venue-form__retire').waitFor();
    // Never used: it may be deleted too.
    await expect(shown('.orgp-venue-form__delete').count()).resolves.toBe(1);
    await tap('.orgp-venue-form__retire');
    await page.locator('.taro-modal__text', { hasText: '停用后不能再在这里申报新讲座' }).waitFor();
    await page.locator('.taro-model__confirm', { hasText: '停用' }).click();
    await shown('.orgp-venue-form__retired').waitFor();
    await expect(textOf('.orgp-venue-form__retire')).resolves.toBe('恢复使用');

    await open('packages/organizer/venues');
    const card = shown('.orgp-venue').filter({ hasText: '水南街道社区家长学校' });
    await card.locator('.orgp-venue__retired').waitFor();
    await expect(card.locator('.orgp-venue__retired').innerText()).resolves.toBe('已停用');
    await expect(card.evaluate((el) => el.classList.contains('orgp-venue--retired'))).resolves.toBe(true);
    const grey = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    const white = await shown('.orgp-venue').filter({ hasText: VENUE_NAME }).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(grey).not.toBe(white);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-organizer-venues.png'), fullPage: true });
    const { venues } = await api(countyOrganizer, VENUES, { countyCode: COUNTY });
    expect(venues.find((v: any) => v.name === '水南街道社区家长学校').retired).toBe(true);

    // The venue that has a lecture offers retiring, never deleting.
    await tap(`.orgp-venue:has-text("${VENUE_NAME}")`);
    await shown('.orgp-venue-form__no-delete').waitFor();
    await expect(shown('.orgp-venue-form__delete').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
