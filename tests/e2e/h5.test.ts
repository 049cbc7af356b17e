import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium, openPhonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

const BEIJING_MS = 8 * 3600_000;
const beijingYear = (instant: string | Date) => new Date(new Date(instant).getTime() + BEIJING_MS).getUTCFullYear();

describe('the H5 build in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5' });
    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the home list should show, straight from the server, soonest first. */
  async function upcoming(filter: Record<string, unknown> = {}) {
    const response = await server.graphql(
      `query($filter: LectureFilter) { lectures(filter: $filter, first: 100) { totalCount edges { node { id title } } } }`,
      { filter: { from: new Date().toISOString(), ...filter } },
    );
    const { totalCount, edges } = response.data.lectures as { totalCount: number; edges: Array<{ node: { id: string; title: string } }> };
    return { totalCount, titles: edges.map((e) => e.node.title), ids: edges.map((e) => e.node.id) };
  }

  const cardTypes = () => page.locator('.lecture-card .lecture-card__venue-type').allInnerTexts();
  const cardTitles = async () => (await page.locator('.lecture-card__title').allInnerTexts()).map((t) => t.trim());
  const totalText = async () => (await page.locator('.lecture-list__total').innerText()).trim();

  /** Waits until the list header reads exactly `共 n 场` (totalLabel). */
  const waitForTotal = (n: number) =>
    page.waitForFunction((text) => document.querySelector('.lecture-list__total')?.textContent?.trim() === text, `共 ${n} 场`);

  /**
   * Chooses the picker's row `index` as a finger would: drag the column up by that many rows, then
   * tap 确定. (Tapping a row directly does not work in Taro's H5 picker: its translucent mask lies
   * over the rows, and the column works out a tap from the window height.)
   */
  async function pickRow(index: number, currentIndex: number) {
    await page.locator('.county-picker').click();
    const column = page.locator('.weui-picker__group');
    await column.waitFor();
    // The popup slides up: drag only once it stands still.
    await page.waitForFunction(() => {
      const popup = document.querySelector('.weui-picker');
      return popup !== null && popup.getAnimations().every((animation) => animation.playState === 'finished');
    });
    const rowHeight = (await page.locator('.weui-picker__item').first().boundingBox())!.height;
    const box = (await column.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - rowHeight * (index - currentIndex), { steps: 10 });
    await page.mouse.up();
    await page.locator('.weui-picker__action', { hasText: '确定' }).click();
    await page.locator('.weui-picker').waitFor({ state: 'hidden' });
  }

  it('opens at / and shows upcoming lecture cards from the server', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.lecture-card').first().waitFor();
    const expected = await upcoming();
    const titles = await cardTitles();
    expect(titles).toEqual(expected.titles.slice(0, titles.length));
    expect(titles.length).toBe(10); // the first page
    await expect(totalText()).resolves.toBe(`共 ${expected.totalCount} 场`);

    await page.screenshot({ path: path.join(artifactsDir, 'h5-home.png') });
  });

  it('scrolling to the bottom loads the next pages, in the server’s order', async () => {
    const expected = await upcoming();
    expect(expected.totalCount).toBeGreaterThan(10);
    // On H5 the page scrolls inside .taro_page, not window: wheel over it, as a reader would.
    await page.mouse.move(195, 500);
    const deadline = Date.now() + 20_000;
    while ((await page.locator('.lecture-card').count()) <= 10) {
      if (Date.now() > deadline) throw new Error('no second page of cards after scrolling to the bottom');
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(100);
    }
    await page.locator('.lecture-list__hint', { hasText: '正在加载更多' }).waitFor({ state: 'detached' });
    const titles = await cardTitles();
    expect(titles.length).toBeGreaterThan(10);
    expect(titles).toEqual(expected.titles.slice(0, titles.length));
    await page.evaluate(() => document.querySelector('.home')?.closest('.taro_page')?.scrollTo(0, 0));
  });

  it('the county picker narrows the list to that county, and 全市 widens it again', async () => {
    const { data } = await server.graphql(`{ counties { code name } }`);
    const counties = data.counties as Array<{ code: string; name: string }>;
    // The second county (row 2: row 0 is 全市) is one with lectures coming in the demo world.
    const row = 2;
    const county = counties[row - 1];
    const expected = await upcoming({ countyCode: county.code });
    expect(expected.totalCount).toBeGreaterThan(0);

    await pickRow(row, 0);
    await expect(page.locator('.county-picker__value').innerText()).resolves.toBe(county.name);
    await waitForTotal(expected.totalCount);
    const titles = await cardTitles();
    expect(titles).toEqual(expected.titles.slice(0, titles.length));
    await page.screenshot({ path: path.join(artifactsDir, 'h5-county.png') });

    await pickRow(0, row);
    await expect(page.locator('.county-picker__value').innerText()).resolves.toBe('全市');
    await waitForTotal((await upcoming()).totalCount);
  });

  it('a venue-type chip shows only lectures of that type', async () => {
    await page.locator('.venue-chip', { hasText: '进农村' }).click();
    await page.locator('.venue-chip--active', { hasText: '进农村' }).waitFor();
    await page.waitForFunction(() => {
      const types = Array.from(document.querySelectorAll('.lecture-card .lecture-card__venue-type')).map((el) => el.textContent?.trim());
      return types.length > 0 && types.every((t) => t === '进农村');
    });
    const expected = await upcoming({ venueType: 'VILLAGE' });
    await waitForTotal(expected.totalCount);
    expect(new Set(await cardTypes())).toEqual(new Set(['进农村']));
    await page.screenshot({ path: path.join(artifactsDir, 'h5-village.png') });
  });

  it('a card opens the lecture’s detail page', async () => {
    const title = (await page.locator('.lecture-card__title').first().innerText()).trim();
    await page.locator('.lecture-card').first().click();
    await page.locator('.lecture-detail__title').waitFor();
    await expect(page.locator('.lecture-detail__title').innerText()).resolves.toBe(title);
    await expect(page.locator('.lecture-detail__venue').innerText()).resolves.toMatch(/\S/);
    await expect(page.locator('.lecture-detail__lecturer').innerText()).resolves.toMatch(/\S/);
    // Taro slides the new page in from the right: screenshot once it has landed and the home
    // page underneath is hidden, not mid-flight.
    await page.waitForFunction(() => {
      const detail = document.querySelector('.lecture-detail')?.closest('.taro_page');
      const home = document.querySelector('.home')?.closest('.taro_page');
      return (
        detail instanceof HTMLElement &&
        detail.getBoundingClientRect().x === 0 &&
        getComputedStyle(detail).transform === 'none' &&
        (!(home instanceof HTMLElement) || getComputedStyle(home).display === 'none')
      );
    });
    await page.screenshot({ path: path.join(artifactsDir, 'h5-detail.png'), fullPage: true });
  });

  it('an old lecture opened from a shared link shows its year and 已结束', async () => {
    const startOfThisBeijingYear = new Date(Date.UTC(beijingYear(new Date()), 0, 1) - BEIJING_MS);
    const { data } = await server.graphql(
      `query($to: DateTimeISO) { lectures(filter: { to: $to }, first: 1) { edges { node { id title startsAt } } } }`,
      { to: startOfThisBeijingYear.toISOString() },
    );
    const [{ node }] = data.lectures.edges;

    await page.goto('about:blank');
    await page.goto(`${server.url}/#/pages/lecture/index?id=${node.id}`);
    await page.locator('.lecture-detail__title', { hasText: node.title }).waitFor();
    await expect(page.locator('.lecture-detail__phase').innerText()).resolves.toBe('已结束');
    await expect(page.locator('.lecture-detail__time').innerText()).resolves.toMatch(new RegExp(`^${beijingYear(node.startsAt)}年`));
    // Nobody is invited to a past lecture: no seats left, a way to the coming ones instead.
    await expect(page.locator('.lecture-detail__seats-left').count()).resolves.toBe(0);
    await page.locator('.lecture-detail__ended .big-button', { hasText: '看看近期讲座' }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-ended.png') });
    await page.locator('.lecture-detail__ended').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-ended-bottom.png') });
    await page.locator('.lecture-detail__ended .big-button').click();
    await page.locator('.lecture-card').first().waitFor();
  });

  it('a link with a malformed id says the lecture is not there (no blank page)', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/pages/lecture/index?id=%E0%A4%A`);
    await page.locator('.status-view--empty', { hasText: '讲座不存在或已下线' }).waitFor();
  });

  it('when the counties fail to load, the picker says so and a tap loads them', async () => {
    // The network drops the Counties request only; the lecture list still loads.
    await page.route('**/graphql', (route) =>
      route.request().postDataJSON()?.operationName === 'Counties' ? route.abort('connectionreset') : route.fallback(),
    );
    try {
      await page.goto('about:blank');
      await page.goto(`${server.url}/`);
      await page.locator('.county-picker--failed', { hasText: '地区加载失败，点此重试' }).waitFor();
      await page.locator('.lecture-card').first().waitFor();
      await page.screenshot({ path: path.join(artifactsDir, 'h5-counties-failed.png') });
    } finally {
      await page.unroute('**/graphql');
    }
    await page.locator('.county-picker--failed').click();
    await page.locator('.county-picker__value', { hasText: '全市' }).waitFor();
    await expect(page.locator('.county-picker--failed').count()).resolves.toBe(0);
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
