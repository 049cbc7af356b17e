/**
 * 五进工作统计 in the H5 build, in headless Chromium, on the seeded demo world: a city organizer sees
 * the year's totals and the five venue types exactly as the server's report has them, both charts
 * drawn on their canvases, a tap on a row or a bar opening the lecture list behind it; picking a
 * county shows that county's numbers. A county organizer sees their own county, with no picker.
 *
 * The test does not know the seeded numbers in advance: it asks the server for the report through
 * GraphQL (what the page asks too) and checks the page shows those figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { signInAs } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const BEIJING_MS = 8 * 3600_000;
const YEAR = new Date(Date.now() + BEIJING_MS).getUTCFullYear();
const VENUE_TYPES = ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE'];
const LECTURE_RED = [0xb8, 0x32, 0x2e];

const ME = `{ me { id displayName countyCode guardianKind childrenAgeGroups phone role } }`;
const FIGURES = `lecturesHeld lecturesUpcoming seatsBooked peopleCheckedIn peopleReached householdsReached attendanceRate noShowRate averageRating ratingCount walkInPeople lectureTarget peopleTarget lectureProgress peopleProgress`;
const REPORT = `query($year: Int!, $countyCode: ID) {
  outreachReport(year: $year, countyCode: $countyCode) {
    totals { ${FIGURES} }
    byVenueType { venueType figures { ${FIGURES} } }
    byCounty { county { code name } figures { ${FIGURES} } }
    byMonth { month figures { lecturesHeld peopleReached } }
  }
}`;

interface Figures {
  lecturesHeld: number;
  lecturesUpcoming: number;
  seatsBooked: number;
  peopleCheckedIn: number;
  peopleReached: number;
  householdsReached: number;
  attendanceRate: number | null;
  noShowRate: number | null;
  averageRating: number | null;
  ratingCount: number;
  walkInPeople: number;
  lectureTarget: number | null;
  peopleTarget: number | null;
}
interface Report {
  totals: Figures;
  byVenueType: Array<{ venueType: string; figures: Figures }>;
  byCounty: Array<{ county: { code: string; name: string }; figures: Figures }>;
  byMonth: Array<{ month: number; figures: { lecturesHeld: number; peopleReached: number } }>;
}

// How the page writes the figures (big, plain words for older eyes).
const lectures = (f: Figures) => (f.lectureTarget == null ? `${f.lecturesHeld} 场（未设目标）` : `${f.lecturesHeld} / ${f.lectureTarget} 场`);
const people = (f: Figures) => (f.peopleTarget == null ? `${f.peopleReached} 人（未设目标）` : `${f.peopleReached} / ${f.peopleTarget} 人`);
const percent = (rate: number | null) => (rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const rating = (f: Figures) => (f.averageRating == null || f.ratingCount === 0 ? '暂无评分' : `${(Math.round(f.averageRating * 10 + 1e-9) / 10).toFixed(1)} 分（${f.ratingCount} 人评）`);

describe('五进工作统计 (the outreach dashboard) in the H5 build', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let cityReport: Report;
  let counties: Array<{ code: string; name: string }>;

  async function report(token: string, countyCode: string | null, year = YEAR): Promise<Report> {
    const response = await server.graphql(REPORT, { year, countyCode }, token);
    expect(response.errors).toBeUndefined();
    return response.data.outreachReport;
  }

  /** A browser tab signed in the way the app keeps a session: Taro's storage, in localStorage. */
  async function signedInPage(token: string): Promise<Page> {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    const { data } = await server.graphql(ME, {}, token);
    await tab.goto(`${server.url}/`);
    await tab.evaluate(
      (value) => localStorage.setItem('fel.session', JSON.stringify({ data: value })),
      { token, expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(), user: data.me },
    );
    await tab.goto('about:blank');
    await tab.goto(`${server.url}/#/packages/organizer/dashboard`);
    return tab;
  }

  /** The page in front: Taro's H5 router keeps the pages below in the DOM, hidden. */
  const shown = (tab: Page, selector: string) => tab.locator(`${selector}:visible`);
  const text = async (tab: Page, selector: string) => (await shown(tab, selector).first().innerText()).replace(/\s+/g, ' ').trim();
  const waitText = (tab: Page, selector: string, expected: string) =>
    waitFor(async () => (await shown(tab, selector).count()) > 0 && (await text(tab, selector)) === expected, `${selector} to read ${expected}`);

  /**
   * The lecture list opened (its page shown, as a reader would see it before going back), then
   * back to the dashboard, as the title bar's back arrow does.
   */
  async function openedAndBack(tab: Page, url: string) {
    await waitFor(() => tab.url().endsWith(url), url);
    await shown(tab, '.taro_page[id^="/packages/organizer/cell"]').waitFor();
    // Taro's H5 router hides the page below once its transition is over; going back sooner races
    // that timer (which then hides the dashboard it had just shown again).
    await tab.locator('.taro_page[id^="/packages/organizer/dashboard"]').waitFor({ state: 'hidden' });
    await tab.goBack();
    await waitFor(() => tab.url().endsWith('#/packages/organizer/dashboard'), 'back on the dashboard');
    await shown(tab, '.dashboard-totals').waitFor();
    // The same race the other way: the page left is removed once the back transition is over; a
    // tap before that (a loaded machine stretches the 300 ms) opens a page the timer then hides.
    await tab.locator('.taro_page[id^="/packages/organizer/cell"]').waitFor({ state: 'detached' });
  }

  async function expectTotals(tab: Page, figures: Figures) {
    await waitText(tab, '.dashboard-total--held .dashboard-total__value', lectures(figures));
    await expect(text(tab, '.dashboard-total--people .dashboard-total__value')).resolves.toBe(people(figures));
    await expect(text(tab, '.dashboard-total--seats .dashboard-total__value')).resolves.toBe(`${figures.seatsBooked} 座`);
    await expect(text(tab, '.dashboard-total--checked-in .dashboard-total__value')).resolves.toBe(`${figures.peopleCheckedIn} 人`);
    await expect(text(tab, '.dashboard-total--households .dashboard-total__value')).resolves.toBe(`${figures.householdsReached} 户`);
    await expect(text(tab, '.dashboard-total--walk-ins .dashboard-total__value')).resolves.toBe(`${figures.walkInPeople} 人`);
    await expect(text(tab, '.dashboard-total--attendance .dashboard-total__value')).resolves.toBe(percent(figures.attendanceRate));
    await expect(text(tab, '.dashboard-total--no-show .dashboard-total__value')).resolves.toBe(percent(figures.noShowRate));
    await expect(text(tab, '.dashboard-total--rating .dashboard-total__value')).resolves.toBe(rating(figures));
  }

  async function expectVenueTypes(tab: Page, rows: Report['byVenueType']) {
    expect(rows.map((row) => row.venueType)).toEqual(VENUE_TYPES);
    for (const row of rows) {
      const type = row.venueType.toLowerCase();
      await expect(text(tab, `.dashboard-type--${type} .dashboard-type__lectures`)).resolves.toBe(`场次：${lectures(row.figures)}`);
      await expect(text(tab, `.dashboard-type--${type} .dashboard-type__people`)).resolves.toBe(`人数：${people(row.figures)}`);
    }
  }

  /**
   * Pixels of the chart's own colours (the lecture series is red) in the plot area, the top 70% of
   * the canvas: the legend's red swatch sits in the bottom strip and does not count.
   */
  const redPixels = (tab: Page, id: string) =>
    tab.evaluate(
      ([canvasId, [r, g, b]]) => {
        const canvas = document.getElementById(canvasId as string) as HTMLCanvasElement | null;
        if (!canvas || !canvas.width || !canvas.height) return { red: 0, opaque: 0, width: 0, cssWidth: 0 };
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, Math.floor(canvas.height * 0.7));
        let red = 0;
        let opaque = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0) opaque++;
          if (Math.abs(data[i] - (r as number)) < 24 && Math.abs(data[i + 1] - (g as number)) < 24 && Math.abs(data[i + 2] - (b as number)) < 24) red++;
        }
        return { red, opaque, width: canvas.width, cssWidth: canvas.getBoundingClientRect().width };
      },
      [id, LECTURE_RED] as const,
    );

  /**
   * Scrolls an element to the middle of the page's own scroller (Taro's H5 page scrolls inside its
   * pull-to-refresh box, which otherwise sits over a button far down the page when it is clicked).
   */
  const centred = (tab: Page, selector: string) => shown(tab, selector).first().evaluate((element) => element.scrollIntoView({ block: 'center' }));

  /** Scrolled to, then tapped where it now is, as a finger does (see `centred`). */
  async function tapCentred(tab: Page, selector: string) {
    await centred(tab, selector);
    const box = (await shown(tab, selector).first().boundingBox())!;
    await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /**
   * Drags a picker's column by `rows` and taps 确定, as a finger would (see tests/e2e/h5.test.ts).
   * Each picker keeps a hidden popup of its own: only the one shown is used.
   */
  async function dragPicker(tab: Page, trigger: string, rows: number, firstRow: string) {
    await shown(tab, trigger).click();
    const popup = shown(tab, '.weui-picker');
    const column = popup.locator('.weui-picker__group');
    await column.waitFor();
    await expect(column.innerText()).resolves.toContain(firstRow);
    await popup.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
    const rowHeight = (await popup.locator('.weui-picker__item').first().boundingBox())!.height;
    const box = (await column.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await tab.mouse.move(x, y);
    await tab.mouse.down();
    await tab.mouse.move(x, y - rowHeight * rows, { steps: 10 });
    await tab.mouse.up();
    await popup.locator('.weui-picker__action', { hasText: '确定' }).click();
    await popup.waitFor({ state: 'hidden' });
  }

  /** Picks `name` in the county picker; a drag that lands a row short is corrected, as a person would. */
  async function pickCounty(tab: Page, name: string) {
    const names = ['全市', ...counties.map((county) => county.name)];
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = names.indexOf(await text(tab, '.county-picker__value'));
      if (names[current] === name) return;
      await dragPicker(tab, '.county-picker', names.indexOf(name) - current, '全市');
    }
    await waitText(tab, '.county-picker__value', name);
  }

  let cityToken: string;

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5-outreach-dashboard' });
    cityToken = (await signInAs(server.url, 'e2e-dashboard-city', 'ORGANIZER')).token;
    cityReport = await report(cityToken, null);
    counties = (await server.graphql(`{ counties { code name } }`)).data.counties;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    page = await signedInPage(cityToken);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the seeded year has lectures held (else this test would prove little)', () => {
    expect(cityReport.totals.lecturesHeld).toBeGreaterThan(0);
    expect(cityReport.byCounty).toHaveLength(10);
  });

  it("shows a city organizer the city's totals and the five venue types as the report has them", async () => {
    await expect(text(page, '.dashboard-head__title')).resolves.toBe('五进工作统计');
    await expect(text(page, '.dashboard-year__value')).resolves.toBe(`${YEAR} 年`);
    await expect(text(page, '.county-picker__value')).resolves.toBe('全市');
    await expectTotals(page, cityReport.totals);
    await expectVenueTypes(page, cityReport.byVenueType);

    const countyRows = await shown(page, '.dashboard-county-row').allInnerTexts();
    expect(countyRows).toHaveLength(10);
    cityReport.byCounty.forEach((row, i) => {
      expect(countyRows[i].replace(/\s+/g, ' ')).toContain(row.county.name);
      expect(countyRows[i].replace(/\s+/g, ' ')).toContain(lectures(row.figures));
    });
    const monthRows = await shown(page, '.dashboard-month-row .dashboard-row__lectures').allInnerTexts();
    expect(monthRows.map((t) => t.trim())).toEqual(cityReport.byMonth.map((row) => `${row.figures.lecturesHeld} 场`));
  });

  it('draws the county bars and the monthly line on their canvases, at the device pixel ratio', async () => {
    for (const id of ['dashboard-county-chart', 'dashboard-month-chart']) {
      const drawn = await waitFor(async () => {
        const pixels = await redPixels(page, id);
        return pixels.red > 400 ? pixels : null;
      }, `${id} drawn`);
      expect(drawn.opaque).toBeGreaterThan(0);
      // Sharp on a phone's screen: two canvas pixels per CSS pixel here (deviceScaleFactor 2).
      expect(drawn.width).toBe(Math.round(drawn.cssWidth * 2));
    }
    // The whole page, for people to look at.
    const height = await page.evaluate(() => (document.querySelector('.taro_page') as HTMLElement | null)?.scrollHeight ?? document.body.scrollHeight);
    await page.setViewportSize({ width: 390, height: Math.min(Math.max(height, 844), 8000) });
    await waitFor(async () => (await redPixels(page, 'dashboard-month-chart')).red > 400, 'charts still drawn after resizing');
    // Drawn again for the new size: the canvas follows its box (a stale one would keep the old width).
    await waitFor(async () => {
      const pixels = await redPixels(page, 'dashboard-county-chart');
      return pixels.width === Math.round(pixels.cssWidth * 2) && pixels.red > 400;
    }, 'the county chart drawn again after the resize');
    await page.screenshot({ path: path.join(artifactsDir, 'outreach-dashboard.png') });
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('a tap on a venue type, a county row or a bar opens the lectures behind it', async () => {
    await shown(page, '.dashboard-type--school').click();
    await openedAndBack(page, `#/packages/organizer/cell?year=${YEAR}&venueType=SCHOOL`);

    const second = cityReport.byCounty[1].county;
    await shown(page, '.dashboard-county-row').nth(1).click();
    await openedAndBack(page, `#/packages/organizer/cell?year=${YEAR}&county=${second.code}`);
    await shown(page, '.dashboard-month-row--3').click();
    await openedAndBack(page, `#/packages/organizer/cell?year=${YEAR}&month=3`);

    // The middle of the county chart is a county's bar: the chart reports which, and opens it.
    const canvas = shown(page, '#dashboard-county-chart');
    await canvas.scrollIntoViewIfNeeded();
    await waitFor(async () => (await redPixels(page, 'dashboard-county-chart')).red > 400, 'the county chart drawn again');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const opened = await waitFor(() => /#\/packages\/organizer\/cell\?year=\d+&county=(\d{6})$/.exec(page.url()), 'a county opened from its bar');
    expect(counties.map((c) => c.code)).toContain(opened[1]);
    await shown(page, '.taro_page[id^="/packages/organizer/cell"]').waitFor();
    // Going back from a page opened by a chart tap left the dashboard hidden in full CI runs (never
    // when this file ran alone; cause not found yet, see the issue 5 note): the dashboard is opened
    // afresh here instead, so the tests after this one start from a known page.
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/packages/organizer/dashboard`);
    await shown(page, '.dashboard-totals').waitFor();
  });

  it('导出汇总 and 导出讲座明细 download the CSV files of the scope, with the session token', async () => {
    for (const [button, name, mark] of [
      ['.dashboard-export--summary', `五进汇总-${YEAR}-全市.csv`, '进农村'],
      ['.dashboard-export--lectures', `五进讲座明细-${YEAR}-全市.csv`, cityReport.byCounty[0].county.name],
    ]) {
      const [download] = await Promise.all([page.waitForEvent('download'), tapCentred(page, button)]);
      expect(download.suggestedFilename()).toBe(name);
      const file = await download.path();
      const content = fs.readFileSync(file!, 'utf8');
      // UTF-8 with a BOM, so Excel reads the Chinese headers.
      expect(content.charCodeAt(0)).toBe(0xfeff);
      expect(content).toContain(mark);
    }
  });

  it("switching to a county shows that county's numbers", async () => {
    // The county with the most lectures held, so its numbers differ from the city's.
    const busiest = [...cityReport.byCounty].sort((a, b) => b.figures.lecturesHeld - a.figures.lecturesHeld)[0].county;
    const countyReport = await report(cityToken, busiest.code);
    await pickCounty(page, busiest.name);
    await expectTotals(page, countyReport.totals);
    await expectVenueTypes(page, countyReport.byVenueType);
    // One county: no county chart, the monthly line still drawn.
    expect(await shown(page, '.dashboard-county-row').count()).toBe(0);
    expect(countyReport.totals.lecturesHeld).toBeGreaterThan(0);
    await waitFor(async () => (await redPixels(page, 'dashboard-month-chart')).red > 400, 'the month chart of the county');
  });

  it('a county organizer sees their own county, fixed, with no county picker', async () => {
    const county = cityReport.byCounty.find((row) => row.figures.lecturesHeld > 0)!.county;
    const { token } = await signInAs(server.url, 'e2e-dashboard-county', 'ORGANIZER', { countyCode: county.code });
    const countyReport = await report(token, county.code);
    const tab = await signedInPage(token);
    await expectTotals(tab, countyReport.totals);
    await expectVenueTypes(tab, countyReport.byVenueType);
    await expect(text(tab, '.dashboard-county-fixed__value')).resolves.toBe(county.name);
    expect(await tab.locator('.county-picker').count()).toBe(0);
    expect(await tab.locator('.dashboard-county-row').count()).toBe(0);
    await tab.close();
  });

  /** Picks `year` in the year picker (newest first: next year at the top). */
  async function pickYear(tab: Page, year: number) {
    // A drag that lands a row short is corrected, as a person would.
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = Number((await text(tab, '.dashboard-year__value')).replace(/\D/g, ''));
      if (current === year) break;
      await centred(tab, '.dashboard-year');
      await dragPicker(tab, '.dashboard-year', current - year, `${YEAR + 1} 年`);
    }
    await waitText(tab, '.dashboard-year__value', `${year} 年`);
  }

  it("picking a year shows that year's numbers; of two years picked quickly, the second's", async () => {
    const tab = await signedInPage(cityToken);
    const first = await report(cityToken, null, 2021);
    const second = await report(cityToken, null, YEAR - 1);
    await waitText(tab, '.dashboard-total--held .dashboard-total__value', lectures(cityReport.totals));
    await pickYear(tab, 2021);
    await expectTotals(tab, first.totals);
    if (first.totals.lecturesHeld === 0 && first.totals.lecturesUpcoming === 0) {
      await expect(text(tab, '.status-view')).resolves.toContain('2021 年全市还没有发布的讲座');
    }
    // Straight on to another year, the first's answer perhaps still on its way.
    await pickYear(tab, YEAR - 1);
    await expectTotals(tab, second.totals);
    await tab.close();
  });

  it('back from the targets page, the dashboard shows the targets set there (a target of 0 is a target)', async () => {
    const tab = await signedInPage(cityToken);
    const village = cityReport.byVenueType.find((row) => row.venueType === 'VILLAGE')!.figures;
    await waitText(tab, '.dashboard-type--village .dashboard-type__lectures', `场次：${lectures(village)}`);
    await tapCentred(tab, '.dashboard-actions__targets');
    await waitFor(() => tab.url().includes('#/packages/organizer/targets'), 'the targets page');
    await tab.locator('.taro_page[id^="/packages/organizer/dashboard"]').waitFor({ state: 'hidden' });
    // Saved while the targets page is in front, as its form does.
    const saved = await server.graphql(
      `mutation($input: SetOutreachTargetsInput!) { setOutreachTargets(input: $input) { venueType lectures people } }`,
      { input: { year: YEAR, targets: [{ venueType: 'VILLAGE', lectures: 0, people: 123457 }] } },
      cityToken,
    );
    expect(saved.errors).toBeUndefined();
    await tab.goBack();
    await waitFor(() => tab.url().endsWith('#/packages/organizer/dashboard'), 'back on the dashboard');
    await waitText(tab, '.dashboard-type--village .dashboard-type__lectures', `场次：${village.lecturesHeld} / 0 场`);
    await expect(text(tab, '.dashboard-type--village .dashboard-type__people')).resolves.toBe(`人数：${village.peopleReached} / 123457 人`);
    await expect(text(tab, '.dashboard-type--village .dashboard-bar--lectures .dashboard-bar__percent')).resolves.toBe('目标为 0');
    await tab.close();
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
