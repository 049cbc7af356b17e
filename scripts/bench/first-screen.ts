/**
 * The H5 home page's first screen in headless Chromium: how long a parent waits, from navigation
 * start, until the first lecture card shows, each load in a fresh browser context (cold cache).
 * Also used by scripts/bench/sizes.ts to record what loading `/` actually downloads.
 */
import type { Browser, Response } from 'playwright-core';
import { ensureBrowser, launchChromium } from '../lib/browser';
import { median, percentile } from './stats';
import type { BenchContext, BenchSection } from './types';

/** The home page's lecture card (miniapp/src/components/LectureCard, listed by pages/index). */
export const FIRST_CARD_SELECTOR = '.lecture-card';

/**
 * A rural parent's network, as Chrome DevTools' "slow 4G" preset: 150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up. Chromium applies it to the bytes on the wire (gzipped by the server).
 */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** Debian's Chromium, headless, as the e2e tests launch it (installed first when missing). */
export async function launchBenchBrowser(): Promise<Browser> {
  await ensureBrowser();
  return launchChromium();
}

export interface FetchedFile {
  url: string;
  /** Chromium's resource type: document, script, stylesheet, image, fetch… */
  type: string;
  body: Buffer;
}

export interface HomeLoad {
  /** ms from navigation start to the first lecture card being in the page and visible. */
  firstCardMs: number;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  loadMs: number;
  /** The home list's GraphQL request (operation `Lectures`): sent and answered, ms since navigation start. */
  lectureList: { sentMs: number; answeredMs: number } | null;
  /** Every response received before the first card showed (only when asked for: bodies cost time). */
  fetched: FetchedFile[];
}

/**
 * Notes in `window.__firstCardAt` the `performance.now()` (ms since navigation start) of the first
 * DOM change or animation frame where a card is in the page and visible. A string, not a function:
 * tsx (esbuild with keepNames) would wrap named inner functions in a `__name` helper the page lacks.
 */
const FIRST_CARD_RECORDER = `(() => {
  const check = () => {
    if (window.__firstCardAt !== undefined) return true;
    const card = document.querySelector(${JSON.stringify(FIRST_CARD_SELECTOR)});
    if (card && card.getBoundingClientRect().height > 0 && card.checkVisibility()) {
      window.__firstCardAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, { childList: true, subtree: true });
  const frame = () => check() || requestAnimationFrame(frame);
  requestAnimationFrame(frame);
})();`;

/**
 * Opens `/` in a new browser context (its own empty cache) the size of a phone and waits for the
 * first card, timed in the page by FIRST_CARD_RECORDER (so Playwright's polling delay is not counted).
 */
export async function loadHomeCold(
  browser: Browser,
  serverUrl: string,
  options: { network?: typeof SLOW_4G; collect?: boolean; timeoutMs?: number } = {},
): Promise<HomeLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    if (options.network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...options.network });
    }
    await page.addInitScript(FIRST_CARD_RECORDER);

    const pending: Array<Promise<FetchedFile | null>> = [];
    let shown = false;
    if (options.collect) {
      page.on('response', (response: Response) => {
        if (shown) return;
        pending.push(
          response.body().then(
            (body) => ({ url: response.url(), type: response.request().resourceType(), body }),
            () => null, // a redirect or aborted response has no body
          ),
        );
      });
    }
    // Playwright's request timing is in epoch ms; the page's timeOrigin turns it into ms since navigation start.
    let listTiming: { startTime: number; responseEnd: number } | null = null;
    page.on('requestfinished', (request) => {
      if (!listTiming && request.postData()?.includes('query Lectures')) listTiming = request.timing();
    });
    const timeout = options.timeoutMs ?? 60_000;
    await page.goto(`${serverUrl}/`, { waitUntil: 'load', timeout });
    await page.waitForFunction(() => (window as unknown as { __firstCardAt?: number }).__firstCardAt !== undefined, null, { timeout });
    shown = true;
    const timings = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        firstCardMs: (window as unknown as { __firstCardAt: number }).__firstCardAt,
        firstContentfulPaintMs: fcp ? fcp.startTime : null,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadMs: nav.loadEventEnd,
        timeOrigin: performance.timeOrigin,
      };
    });
    const { timeOrigin, ...rest } = timings;
    const list = listTiming as { startTime: number; responseEnd: number } | null;
    const lectureList = list ? { sentMs: list.startTime - timeOrigin, answeredMs: list.startTime - timeOrigin + list.responseEnd } : null;
    const fetched = (await Promise.all(pending)).filter((file): file is FetchedFile => file !== null);
    return { ...rest, lectureList, fetched };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => Math.round(value);

/** Cold loads of `/` on loopback (and on slow 4G): medians of first card, FCP, DOMContentLoaded, load. */
export async function benchFirstScreen(ctx: BenchContext): Promise<BenchSection> {
  const runs: Array<{ label: string; loads: number; network?: typeof SLOW_4G }> = [
    { label: 'loopback', loads: ctx.quick ? 5 : 15 },
    { label: 'slow 4G (150 ms RTT, 1.6 Mbit/s)', loads: ctx.quick ? 3 : 7, network: SLOW_4G },
  ];
  const browser = await launchBenchBrowser();
  const rows: BenchSection['rows'] = [];
  const notes: string[] = [];
  try {
    // One load first, not counted: the server's first answers and Chromium's own start-up.
    await loadHomeCold(browser, ctx.serverUrl);
    for (const run of runs) {
      const loads: HomeLoad[] = [];
      for (let i = 0; i < run.loads; i++) loads.push(await loadHomeCold(browser, ctx.serverUrl, { network: run.network, timeoutMs: 120_000 }));
      const card = loads.map((load) => load.firstCardMs);
      const lists = loads.map((load) => load.lectureList).filter((v): v is { sentMs: number; answeredMs: number } => v !== null);
      const fcp = loads.map((load) => load.firstContentfulPaintMs).filter((v): v is number => v !== null);
      rows.push([
        run.label,
        run.loads,
        ms(median(card)),
        ms(percentile(card, 90)),
        ms(Math.min(...card)),
        ms(Math.max(...card)),
        fcp.length ? ms(median(fcp)) : '–',
        ms(median(loads.map((load) => load.domContentLoadedMs))),
        ms(median(loads.map((load) => load.loadMs))),
        lists.length ? ms(median(lists.map((list) => list.sentMs))) : '–',
        lists.length ? ms(median(lists.map((list) => list.answeredMs - list.sentMs))) : '–',
      ]);
    }
  } finally {
    await browser.close();
  }
  notes.push(
    'Each load in a new browser context (empty cache) of one Chromium; a first, uncounted load warms the server. ' +
      'The first card needs the app scripts, then the lecture list from GraphQL (operation Lectures; when it was sent and how long its answer took are the last two columns), so it comes after `load`.',
    'Slow 4G throttles the bytes as served: gzipped by the server (see the H5 first-load table).',
  );
  return {
    title: 'H5 first screen (headless Chromium, cold cache)',
    description:
      'Time from navigation start to the first lecture card being visible on `/`, in ms, over cold loads; ' +
      'with first contentful paint, DOMContentLoaded and load (medians). No budget: timings on this shared machine only compare within a run.',
    columns: ['network', 'loads', 'first card median', 'p90', 'min', 'max', 'FCP median', 'DOMContentLoaded median', 'load median', 'list query sent median', 'list query took median'],
    rows,
    notes,
  };
}
