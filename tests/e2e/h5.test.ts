import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

describe('the H5 build in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cardTypes = () => page.locator('.lecture-card .lecture-card__venue-type').allInnerTexts();

  it('opens at / and shows upcoming lecture cards from the server', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.lecture-card').first().waitFor();
    const expected = await server.graphql(`query($from: DateTimeISO) { lectures(filter: { from: $from }, first: 3) { totalCount edges { node { title } } } }`, {
      from: new Date().toISOString(),
    });
    const titles = await page.locator('.lecture-card__title').allInnerTexts();
    expect(titles.slice(0, 3)).toEqual(expected.data.lectures.edges.map((e: any) => e.node.title));
    await expect(page.locator('.lecture-list__total').innerText()).resolves.toContain(String(expected.data.lectures.totalCount));

    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'h5-home.png') });
  });

  it('a venue-type chip shows only lectures of that type', async () => {
    await page.locator('.venue-chip', { hasText: '进农村' }).click();
    await expect(page.locator('.venue-chip--active').innerText()).resolves.toBe('进农村');
    await page.waitForFunction(() => {
      const types = Array.from(document.querySelectorAll('.lecture-card .lecture-card__venue-type')).map((el) => el.textContent?.trim());
      return types.length > 0 && types.every((t) => t === '进农村');
    });
    const types = await cardTypes();
    expect(new Set(types)).toEqual(new Set(['进农村']));
    await page.screenshot({ path: path.join(artifactsDir, 'h5-village.png') });
  });

  it('a card opens the lecture’s detail page', async () => {
    const title = (await page.locator('.lecture-card__title').first().innerText()).trim();
    await page.locator('.lecture-card').first().click();
    await page.locator('.lecture-detail__title').waitFor();
    await expect(page.locator('.lecture-detail__title').innerText()).resolves.toBe(title);
    await expect(page.locator('.lecture-detail__venue').innerText()).resolves.toMatch(/\S/);
    await expect(page.locator('.lecture-detail__lecturer').innerText()).resolves.toMatch(/\S/);
    await page.screenshot({ path: path.join(artifactsDir, 'h5-detail.png'), fullPage: true });
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
