/**
 * A household's booking in the H5 build, in headless Chromium, against the real server: the
 * development sign-in, 完善资料, booking two seats, the ticket with its QR code and short code,
 * cancelling with confirmation, and large-text mode.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium, openPhonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

const OPEN_ID = `e2e-grandma-${Date.now().toString(36)}`;

const SIGN_IN = `mutation($openId: String!) { signInForDevelopment(openId: $openId) { token } }`;
const TICKET = `query($id: ID!) { booking(id: $id) { id status partySize seatNumbers ticket { code shortCode } } }`;
const LECTURE = `query($id: ID!) { lecture(id: $id) { seatsLeft myBooking { id status } } }`;
const ME = `{ me { displayName guardianKind childrenAgeGroups phone } }`;

describe('booking in the H5 build', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5-booking' });
    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the server says, as the household the browser signed in as (same development id). */
  async function asHousehold<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (!token) {
      const { data } = await server.graphql(SIGN_IN, { openId: OPEN_ID });
      token = data.signInForDevelopment.token;
    }
    const response = await server.graphql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  /**
   * Opens a route as a fresh launch of the app (as from a shared link): Taro keeps pages it has
   * shown in the DOM, and a hash change alone would slide a second copy of a page in over the first.
   */
  async function open(route: string) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/${route}`);
  }

  /** An element on the page in front (Taro keeps the pages below in the DOM, hidden). */
  const shown = (selector: string) => page.locator(`${selector}:visible`);
  const textOf = async (selector: string) => (await shown(selector).first().innerText()).trim();

  /**
   * Waits until Taro's page transition is over, the page holding `selector` in place and every
   * other page out of sight, for a clean screenshot.
   */
  async function settled(selector: string) {
    await page.waitForFunction((sel) => {
      const target = document.querySelector(sel)?.closest('.taro_page');
      if (!(target instanceof HTMLElement) || target.getBoundingClientRect().x !== 0 || getComputedStyle(target).transform !== 'none') return false;
      return Array.from(document.querySelectorAll('.taro_page')).every((other) => {
        if (other === target) return true;
        const box = other.getBoundingClientRect();
        return getComputedStyle(other).display === 'none' || box.width === 0 || box.left >= window.innerWidth || box.right <= 0;
      });
    }, selector);
  }

  let lectureId: string;
  let seatsBefore: number;
  let bookingId: string;

  it('我的 offers the development sign-in; signing in opens 完善资料 for the new account', async () => {
    await open('pages/mine/index');
    await shown('.dev-sign-in__input input').fill(OPEN_ID);
    await shown('.dev-sign-in__button').click();
    await shown('.profile__name').waitFor();
    await expect(textOf('.profile__lead')).resolves.toContain('推荐');
  });

  it('完善资料 shows the server’s field error beside the field, then saves', async () => {
    await shown('.profile__name input').fill('王奶奶');
    await shown('.profile-chip--grandparent').click();
    await shown('.profile-chip--primary').click();
    await shown('.profile__phone input').fill('12345');
    await shown('.profile__save').click();
    await shown('.profile__error--phone').waitFor();
    await expect(textOf('.profile__error--phone')).resolves.toBe('请填写 11 位手机号，或者空着不填');
    await expect(shown('.profile__error--displayName').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-profile-error.png') });

    await shown('.profile__phone input').fill('13800138000');
    await expect(shown('.profile__error--phone').count()).resolves.toBe(0); // cleared on typing
    await shown('.profile__save').click();
    await shown('.mine-profile__name').filter({ hasText: '王奶奶' }).waitFor();
    const { me } = await asHousehold(ME);
    expect(me).toEqual({ displayName: '王奶奶', guardianKind: 'GRANDPARENT', childrenAgeGroups: ['PRIMARY'], phone: '13800138000' });
  });

  it('large-text mode, switched on 我的, makes the home page’s card titles bigger', async () => {
    await open('pages/index/index');
    const title = shown('.lecture-card__title').first();
    await title.waitFor();
    const fontSize = async () => parseFloat(await title.evaluate((el) => getComputedStyle(el).fontSize));
    const normal = await fontSize();

    await open('pages/mine/index');
    await shown('.large-text-toggle').click();
    await shown('.large-text-toggle--on').waitFor();
    await open('pages/index/index');
    await shown('.page-root.large-text .lecture-card__title').first().waitFor();
    const large = await fontSize();
    expect(large / normal).toBeGreaterThan(1.2);
    expect(large / normal).toBeLessThan(1.3);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-home-large-text.png') });

    // Kept on the phone: still on after a reload; then switched off again for the rest.
    await page.reload();
    await shown('.page-root.large-text .lecture-card__title').first().waitFor();
    await open('pages/mine/index');
    await shown('.large-text-toggle--on').click();
    await shown('.large-text-toggle:not(.large-text-toggle--on)').waitFor();
  });

  it('books two seats on the detail page and says so', async () => {
    const soon = new Date(Date.now() + 3 * 3600_000).toISOString();
    const { data } = await server.graphql(
      `query($from: DateTimeISO) { lectures(filter: { from: $from }, first: 50) { edges { node { id startsAt seatsLeft maxPartySize } } } }`,
      { from: soon },
    );
    const lecture = data.lectures.edges
      .map((e: any) => e.node)
      .find((l: any) => Date.parse(l.startsAt) > Date.parse(soon) && l.seatsLeft >= 4 && l.maxPartySize >= 2);
    expect(lecture).toBeDefined();
    lectureId = lecture.id;
    seatsBefore = lecture.seatsLeft;

    await open(`pages/lecture/index?id=${lectureId}`);
    await expect(textOf('.lecture-detail__seats-left')).resolves.toBe(`剩余 ${seatsBefore} 座`);
    await expect(textOf('.party-stepper__value')).resolves.toBe('1');
    await shown('.party-stepper__minus').click(); // already at 1: stays
    await expect(textOf('.party-stepper__value')).resolves.toBe('1');
    await shown('.party-stepper__plus').click();
    await expect(textOf('.party-stepper__value')).resolves.toBe('2');
    await settled('.booking-form');
    await shown('.booking-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-detail-form.png') });
    await shown('.booking-form__submit').click();

    await shown('.booking-result__title').filter({ hasText: '预约成功（2 位）' }).waitFor();
    await page.waitForFunction((text) => document.querySelector('.lecture-detail__seats-left')?.textContent?.trim() === text, `剩余 ${seatsBefore - 2} 座`);
    // The calendar is a mini program feature: not offered in the browser.
    await expect(shown('.booking-result__calendar').count()).resolves.toBe(0);
    const { lecture: after } = await asHousehold(LECTURE, { id: lectureId });
    expect(after.seatsLeft).toBe(seatsBefore - 2);
    expect(after.myBooking.status).toBe('CONFIRMED');
    bookingId = after.myBooking.id;

    await shown('.booking-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-detail-booked.png') });
  });

  it('the ticket shows the QR code of the server’s ticket and its short code in big letters', async () => {
    await shown('.booking-result__ticket').click();
    await shown('.ticket__short-code').waitFor();
    await settled('.ticket__short-code');
    expect(page.url()).toContain(`/pages/ticket/index?id=${bookingId}`);

    const { booking } = await asHousehold(TICKET, { id: bookingId });
    expect(booking.seatNumbers).toHaveLength(2);
    await expect(textOf('.ticket__short-code')).resolves.toBe(booking.ticket.shortCode);
    expect(booking.ticket.shortCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const shortCodeSize = parseFloat(await shown('.ticket__short-code').evaluate((el) => getComputedStyle(el).fontSize));
    expect(shortCodeSize).toBeGreaterThanOrEqual(30); // CSS px on a 390 px wide phone
    await expect(textOf('.ticket__title')).resolves.toMatch(/\S/);
    await expect(textOf('.ticket__seats')).resolves.toBe(`2 位，座位 ${booking.seatNumbers.join('、')} 号`);
    await expect(textOf('.ticket__venue')).resolves.toMatch(/\S/);
    await expect(textOf('.ticket__address')).resolves.toMatch(/\S/);
    await expect(textOf('.ticket__time')).resolves.toMatch(/^\d{1,2}月\d{1,2}日|^\d{4}年/);

    // The code on screen scans to exactly the server's signed ticket.
    const qr = shown('.qr-code');
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    expect(await decodeQr(await qr.screenshot())).toBe(booking.ticket.code);

    await page.screenshot({ path: path.join(artifactsDir, 'h5-ticket.png'), fullPage: true });
  });

  it('cancelling asks first; “不取消” keeps the booking', async () => {
    await shown('.ticket__cancel').click();
    await page.locator('.taro-modal__text', { hasText: '取消后座位会让给其他家庭' }).waitFor();
    await page.locator('.taro-model__cancel', { hasText: '不取消' }).click();
    await page.locator('.taro-modal__text').waitFor({ state: 'hidden' });
    const { booking } = await asHousehold(TICKET, { id: bookingId });
    expect(booking.status).toBe('CONFIRMED');
  });

  it('confirmed, the booking is cancelled, the ticket withdrawn and the seats are back', async () => {
    await shown('.ticket__cancel').click();
    await page.locator('.taro-modal__content').waitFor();
    await page.waitForFunction(() => {
      const dialog = document.querySelector('.taro__modal');
      return dialog !== null && dialog.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') && getComputedStyle(dialog).opacity === '1';
    });
    await page.screenshot({ path: path.join(artifactsDir, 'h5-cancel-confirm.png') });
    await page.locator('.taro-model__confirm', { hasText: '确定取消' }).click();
    await shown('.booking-status--cancelled').filter({ hasText: '已取消' }).waitFor();
    await expect(shown('.qr-code').count()).resolves.toBe(0);
    await expect(shown('.ticket__short-code').count()).resolves.toBe(0);
    await expect(shown('.ticket__cancel').count()).resolves.toBe(0);

    const { booking } = await asHousehold(TICKET, { id: bookingId });
    expect(booking.status).toBe('CANCELLED');
    expect(booking.ticket).toBeNull();

    // Back on the detail page: seats restored, the form offered again.
    await page.goBack();
    await page.waitForFunction((text) => {
      const seats = Array.from(document.querySelectorAll('.lecture-detail__seats-left')).find((el) => (el as HTMLElement).offsetParent !== null);
      return seats?.textContent?.trim() === text;
    }, `剩余 ${seatsBefore} 座`);
    await shown('.booking-form__submit').waitFor();
    await expect(shown('.booking-result').count()).resolves.toBe(0);
    const { lecture } = await asHousehold(LECTURE, { id: lectureId });
    expect(lecture).toEqual({ seatsLeft: seatsBefore, myBooking: null });
  });

  it('我的 lists the booking as cancelled under 即将参加, linking to its ticket', async () => {
    await open('pages/mine/index');
    // 我的 shows what it had while it asks again (a quiet reload): wait for the fresh answer.
    const item = shown('.booking-item').first();
    await item.locator('.booking-status').filter({ hasText: '已取消' }).waitFor();
    await expect(textOf('.booking-segment--active')).resolves.toBe('即将参加');
    await settled('.mine-profile');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-mine.png'), fullPage: true });

    await shown('.booking-segment--past').click();
    await shown('.status-view--empty').filter({ hasText: '还没有参加过的讲座' }).waitFor();
    await shown('.booking-segment--upcoming').click();
    await shown('.booking-item').first().click();
    await shown('.booking-status--cancelled').waitFor();
    expect(page.url()).toContain(`/pages/ticket/index?id=${bookingId}`);
  });

  it('a booked household sees its booking instead of the form, and the ticket from there', async () => {
    await open(`pages/lecture/index?id=${lectureId}`);
    await shown('.booking-form__submit').click();
    await shown('.booking-result__title').filter({ hasText: '预约成功（1 位）' }).waitFor();
    await page.reload();
    await shown('.booking-result__title').filter({ hasText: '您已预约（1 位）' }).waitFor();
    await expect(shown('.booking-form__submit').count()).resolves.toBe(0);
    await expect(shown('.booking-result__cancel').innerText()).resolves.toBe('取消预约');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-detail-existing.png') });
  });

  it('signed out, 预约 offers the development sign-in right there, then books', async () => {
    await open('pages/mine/index');
    await shown('.mine__sign-out').click();
    await shown('.dev-sign-in__input').waitFor();

    await open(`pages/lecture/index?id=${lectureId}`);
    await shown('.booking-form__submit').click();
    await shown('.booking-form__sign-in .dev-sign-in__input input').fill(`${OPEN_ID}-2`);
    await shown('.booking-form__sign-in .dev-sign-in__button').click();
    await shown('.booking-result__title').filter({ hasText: '预约成功（1 位）' }).waitFor();
  });

  it('a session the server no longer accepts is forgotten: 我的 asks to sign in again, lectures still show', async () => {
    await open('pages/mine/index');
    await shown('.mine-profile').waitFor();
    // As after the server's signing secret changed: the stored token is no longer valid.
    await page.evaluate(() => {
      const stored = localStorage.getItem('fel.session')!;
      localStorage.setItem('fel.session', stored.replace(/"token":"[^"]+"/, '"token":"eyJhbGciOiJIUzI1NiJ9.e30.forged"'));
    });
    await page.reload();
    await shown('.sign-in__notice').filter({ hasText: '登录已过期，请重新登录' }).waitFor();
    await shown('.dev-sign-in__input').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('fel.session'))).toBeNull();

    await open('pages/index/index');
    await shown('.lecture-card').first().waitFor();
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });

  /** Reads a QR code from a PNG with jsQR, in a blank page of the same browser. */
  async function decodeQr(png: Buffer): Promise<string | null> {
    const decoder = await browser.newPage();
    try {
      await decoder.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
      return await decoder.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height);
        const found = (window as any).jsQR(pixels.data, image.width, image.height);
        return found ? (found.data as string) : null;
      }, png.toString('base64'));
    } finally {
      await decoder.close();
    }
  }
});
