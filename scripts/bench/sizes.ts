/**
 * What a parent downloads before the first screen: the weapp's main package and sub-packages
 * (WeChat downloads the main package before the first page shows, sub-packages when opened), and
 * the JavaScript and CSS the H5 app fetches to show the home page, counted from what Chromium
 * actually fetched, raw and gzipped at level 9 (the server itself gzips at level 6).
 */
import path from 'node:path';
import { miniappOutputDir } from '../lib/build';
import { launchBenchBrowser, loadHomeCold, type HomeLoad } from './first-screen';
import { fileSizes, gzippedSize, h5FirstLoad, KB, PARENT_PAGES, packageOf, weappPackages } from './package-bytes';
import type { BenchContext, BenchSection } from './types';

/** WeChat refuses any single package (main or sub) over 2 MB. */
export const WECHAT_PACKAGE_LIMIT = 2048 * KB;
/** The goal for the main package: what an older phone downloads before the first page. */
export const MAIN_PACKAGE_GOAL = 600 * KB;

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const percent = (bytes: number, of: number) => `${((100 * bytes) / of).toFixed(0)} %`;

function weappSections(): BenchSection[] {
  const weapp = weappPackages(miniappOutputDir('weapp'));
  const rows: BenchSection['rows'] = [
    ['main', weapp.mainPages.length, kb(weapp.mainBytes), percent(weapp.mainBytes, WECHAT_PACKAGE_LIMIT), weapp.mainBytes <= MAIN_PACKAGE_GOAL ? 'yes' : 'NO'],
    ...weapp.subPackages.map((sub) => [sub.root, sub.pages.length, kb(sub.bytes), percent(sub.bytes, WECHAT_PACKAGE_LIMIT), '']),
    ['total', weapp.mainPages.length + weapp.subPackages.reduce((n, sub) => n + sub.pages.length, 0), kb(weapp.totalBytes), '', ''],
  ];
  const over = [{ root: 'main', bytes: weapp.mainBytes }, ...weapp.subPackages].filter((p) => p.bytes > WECHAT_PACKAGE_LIMIT);
  const parentRows = PARENT_PAGES.map(({ page, what }) => [page, what, packageOf(weapp, page) ?? 'not in app.json']);
  const outside = parentRows.filter((row) => row[2] !== 'main');
  return [
    {
      title: 'Weapp packages (miniapp/dist/weapp)',
      description:
        'Bytes WeChat ships per package (every file but license notices and the build stamp), in KB. ' +
        'Limit 2 MB per package (WeChat refuses more); goal: main package ≤ 600 KB (test budget 450 KB).',
      columns: ['package', 'pages', 'KB', 'of the 2 MB limit', 'main ≤ 600 KB'],
      rows,
      notes: [
        `Main package ${kb(weapp.mainBytes)} KB: goal ≤ 600 KB ${weapp.mainBytes <= MAIN_PACKAGE_GOAL ? 'met' : 'MISSED'}, ` +
          `${kb(MAIN_PACKAGE_GOAL - weapp.mainBytes)} KB to spare.`,
        over.length ? `Over WeChat's 2 MB limit: ${over.map((p) => p.root).join(', ')}.` : 'Every package is under WeChat\'s 2 MB limit.',
      ],
    },
    {
      title: "Where a parent's pages live (weapp)",
      description: 'Each page a parent can open, and the package WeChat must download before showing it (from app.json).',
      columns: ['page', 'what', 'package'],
      rows: parentRows,
      notes: [
        outside.length
          ? `${parentRows.length - outside.length} of ${parentRows.length} parent pages are in the main package; ` +
            `${outside.length} (${[...new Set(outside.map((row) => row[2]))].join(', ')}) are in sub-packages, downloaded on first opening. ` +
            'The booking path (home, lecture, ticket, mine) needs none.'
          : 'Every parent page is in the main package.',
      ],
    },
  ];
}

async function h5Section(ctx: BenchContext): Promise<BenchSection> {
  const h5Dir = miniappOutputDir('h5');
  const browser = await launchBenchBrowser();
  let load: HomeLoad;
  try {
    load = await loadHomeCold(browser, ctx.serverUrl, { collect: true });
  } finally {
    await browser.close();
  }
  const origin = new URL(ctx.serverUrl).origin;
  const local = (url: string) => (url.startsWith(origin) ? new URL(url).pathname.replace(/^\//, '') : url);
  const staticList = h5FirstLoad(h5Dir);
  const fetchedOf = (type: string) => load.fetched.filter((file) => file.type === type);
  const rows: BenchSection['rows'] = [];
  const totals: Record<string, { raw: number; gzip: number }> = {};
  for (const [type, label] of [['script', 'JS'], ['stylesheet', 'CSS']] as const) {
    const files = fetchedOf(type);
    const total = { raw: 0, gzip: 0 };
    for (const file of files) {
      const gzip = gzippedSize(file.body);
      total.raw += file.body.length;
      total.gzip += gzip;
      rows.push([local(file.url), label, kb(file.body.length), kb(gzip)]);
    }
    totals[label] = total;
    rows.push([`${label}, all ${files.length} files`, label, kb(total.raw), kb(total.gzip)]);
  }
  const everything = load.fetched.reduce((sum, file) => sum + file.body.length, 0);
  const kinds = [...new Set(load.fetched.map((file) => file.type))].join(', ');
  rows.push([`everything fetched (${load.fetched.length} responses: ${kinds})`, 'all', kb(everything), kb(load.fetched.reduce((s, f) => s + gzippedSize(f.body), 0))]);

  // The static measure of tests/miniapp/size.test.ts should list exactly what Chromium fetched.
  const fetchedPaths = new Set([...fetchedOf('script'), ...fetchedOf('stylesheet')].map((file) => local(file.url)));
  const listed = new Set([...staticList.js, ...staticList.css]);
  const missed = [...fetchedPaths].filter((file) => !listed.has(file));
  const extra = [...listed].filter((file) => !fetchedPaths.has(file));
  const staticJs = fileSizes(h5Dir, staticList.js);
  return {
    title: 'H5 first load (miniapp/dist/h5, home page `/`)',
    description:
      'JavaScript and CSS Chromium fetched from opening `/` until the first lecture card showed, in KB: as served (raw) ' +
      'and gzipped at level 9 (the server gzips them at level 6 for clients that accept it, which browsers and WeChat do).',
    columns: ['file', 'kind', 'raw KB', 'gzip -9 KB'],
    rows,
    notes: [
      `First-load JS: ${kb(totals.JS.raw)} KB raw, ${kb(totals.JS.gzip)} KB gzipped; CSS ${kb(totals.CSS.raw)} KB raw, ${kb(totals.CSS.gzip)} KB gzipped.`,
      missed.length || extra.length
        ? `The static list of the size test differs from what Chromium fetched: fetched but not listed ${missed.join(', ') || 'none'}; listed but not fetched ${extra.join(', ') || 'none'}.`
        : `The size test's static list (index.html's scripts and styles + the home route's chunk ${staticList.homeChunks.join(', ')}) matches what Chromium fetched (${kb(staticJs.gzip)} KB JS gzipped).`,
      `First card at ${Math.round(load.firstCardMs)} ms in this one load (see the first-screen table for medians). Files: ${path.relative(process.cwd(), h5Dir)}.`,
    ],
  };
}

/** The weapp's packages, where a parent's pages live, and the H5 home page's first load. */
export async function benchSizes(ctx: BenchContext): Promise<BenchSection[]> {
  return [...weappSections(), await h5Section(ctx)];
}
