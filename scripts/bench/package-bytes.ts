/**
 * How big the builds are, counted one way for both the size budgets (tests/miniapp/size.test.ts)
 * and `npm run bench` (scripts/bench/sizes.ts), so the test and the report never disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const KB = 1024;

/** Bytes WeChat would ship: every file of the build but license notices and our build stamp. */
export function shippedBytes(dir: string, skip: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    if (entry.isDirectory()) total += shippedBytes(full, skip);
    else if (!entry.name.endsWith('.LICENSE.txt') && entry.name !== '.build-inputs') total += fs.statSync(full).size;
  }
  return total;
}

export interface WeappAppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

export interface WeappPackages {
  /** Main package pages, as app.json lists them (e.g. `pages/index/index`). */
  mainPages: string[];
  mainBytes: number;
  /** Sub-packages in app.json order; `root` relative to the build (e.g. `packages/learning`). */
  subPackages: Array<{ root: string; pages: string[]; bytes: number }>;
  totalBytes: number;
}

/** The weapp build split as WeChat downloads it: the main package, then each sub-package on demand. */
export function weappPackages(weappDir: string): WeappPackages {
  const appJson = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as WeappAppJson;
  const subs = appJson.subPackages ?? appJson.subpackages ?? [];
  const roots = new Set(subs.map((sub) => path.join(weappDir, sub.root)));
  return {
    mainPages: appJson.pages,
    mainBytes: shippedBytes(weappDir, roots),
    subPackages: subs.map((sub) => ({
      root: sub.root,
      pages: sub.pages.map((page) => `${sub.root}/${page}`),
      bytes: shippedBytes(path.join(weappDir, sub.root)),
    })),
    totalBytes: shippedBytes(weappDir),
  };
}

/**
 * The pages a parent (role PARENT) can open, and why; where each lives is read from app.json.
 * Kept by hand from miniapp/src: the four main pages, the profile form offered once after the first
 * sign-in (services/auth.ts PROFILE_PAGE) and 我的学习 / 结业证书 from pages/mine.
 */
export const PARENT_PAGES: ReadonlyArray<{ page: string; what: string }> = [
  { page: 'pages/index/index', what: '首页 lecture list' },
  { page: 'pages/lecture/index', what: 'lecture detail, booking' },
  { page: 'pages/mine/index', what: '我的 tab' },
  { page: 'pages/ticket/index', what: 'ticket (subscribe messages open it)' },
  { page: 'packages/profile/index', what: 'profile form, once after first sign-in' },
  { page: 'packages/learning/index', what: '我的学习 course catalogue' },
  { page: 'packages/learning/course', what: 'course' },
  { page: 'packages/learning/chapter', what: 'chapter player' },
  { page: 'packages/learning/certificate', what: '结业证书' },
];

/** `'main'`, the sub-package root holding `page`, or null when app.json does not list it. */
export function packageOf(packages: WeappPackages, page: string): string | null {
  if (packages.mainPages.includes(page)) return 'main';
  return packages.subPackages.find((sub) => sub.pages.includes(page))?.root ?? null;
}

/** What a server compressing at gzip's best level (`gzip -9`) would send for `bytes`. */
export function gzippedSize(bytes: Buffer | string): number {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

export interface H5FirstLoad {
  /** Paths relative to the H5 build (`js/app.1ec76a25.js`), in the order they are fetched. */
  js: string[];
  css: string[];
  /** The webpack chunk ids the home route loads (Taro splits every page into its own chunk). */
  homeChunks: string[];
}

/**
 * The files opening `/` fetches, read statically from the H5 build: the `<script src>` and
 * `<link rel=stylesheet>` of index.html, plus the chunks of the home route. Taro's H5 app config
 * (in the entry script) lists each route as `{"path":"pages/index/index","load":function(){return
 * [w.e(476).then(…)…]}}`, and webpack's runtime maps a chunk id to `js/<id>.<hash>.js` and
 * `css/<id>.<hash>.css`. Chunks loaded only on demand after the first screen (hls.js for an m3u8
 * video; Stencil's scoped-CSS shim, used only without Shadow DOM) are not counted, as Chromium does
 * not fetch them either; scripts/bench/sizes.ts checks this list against what Chromium fetches.
 */
export function h5FirstLoad(h5Dir: string, homePage = 'pages/index/index'): H5FirstLoad {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  const local = (url: string) => url.replace(/^\//, '');
  const js = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => local(m[1]));
  const css = [...html.matchAll(/<link[^>]*\shref="([^"]+\.css)"/g)].map((m) => local(m[1]));

  // The entry script that carries the route table and webpack's runtime (chunk id → file name).
  const entry = js.map((file) => fs.readFileSync(path.join(h5Dir, file), 'utf8')).find((text) => text.includes(`"path":"${homePage}"`));
  if (!entry) throw new Error(`no entry script of ${h5Dir}/index.html lists the route ${homePage}`);
  const route = entry.slice(entry.indexOf(`"path":"${homePage}"`));
  const load = route.match(/"load":function[^{]*\{return\[(.*?)\.then\(/);
  if (!load) throw new Error(`cannot read how the route ${homePage} is loaded (has Taro's H5 output changed?)`);
  const homeChunks = [...load[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);
  const chunkFile = (kind: 'js' | 'css', id: string): string | null => {
    const map = entry.match(new RegExp(`"${kind}/"\\+\\w+\\+"\\."\\+(\\{[^}]*\\})\\[\\w+\\]\\+"\\.${kind}"`));
    if (!map) throw new Error(`cannot find webpack's ${kind} chunk names in the entry script`);
    const hash = (JSON.parse(map[1]) as Record<string, string>)[id];
    return hash ? `${kind}/${id}.${hash}.${kind}` : null;
  };
  for (const id of homeChunks) {
    js.push(chunkFile('js', id)!);
    const style = chunkFile('css', id);
    if (style) css.push(style);
  }
  return { js, css, homeChunks };
}

/** Raw and gzip -9 bytes of files of a build. */
export function fileSizes(dir: string, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += gzippedSize(bytes);
  }
  return { raw, gzip };
}
