/**
 * Runs the real compiled weapp build (miniapp/dist/weapp) under miniprogram-simulate, which
 * compiles its .wxml with WeChat's own `wcc`. Taro pages call `Page()` and need an app, so this
 * provides the few mini program globals the pages touch, with `wx.request` performing real HTTP
 * requests against a test server, as WeChat's client would.
 */
import http from 'node:http';
import path from 'node:path';

export const weappDist = process.env.TEST_WEAPP_DIR ?? path.resolve(__dirname, '../../miniapp/dist/weapp');

export interface WeappHarness {
  /** Every `wx.navigateTo` the pages made, in order. */
  navigations: string[];
  /** Every GraphQL operation the pages sent. */
  operations: string[];
  openPage(route: string, query?: Record<string, string>): Promise<any>;
}

type RequestOptions = {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (result: { data: unknown; statusCode: number; header: Record<string, unknown> }) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: () => void;
};

/** `wx.request` on Node's http, aimed at `serverUrl` whatever origin the build has compiled in. */
function bridgeRequest(serverUrl: string, operations: string[]) {
  return (options: RequestOptions) => {
    const target = new URL(options.url);
    const url = new URL(target.pathname + target.search, serverUrl);
    const body = options.data === undefined ? undefined : typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
    if (body) operations.push(JSON.parse(body).operationName ?? '');
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: { 'content-type': 'application/json', ...options.header } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {
            // WeChat hands non-JSON bodies over as strings too
          }
          options.success?.({ data, statusCode: response.statusCode ?? 0, header: response.headers });
          options.complete?.();
        });
      },
    );
    request.on('error', (error) => {
      options.fail?.({ errMsg: `request:fail ${error.message}` });
      options.complete?.();
    });
    if (body) request.write(body);
    request.end();
    return { abort: () => request.destroy() };
  };
}

export function setUpWeapp(serverUrl: string): WeappHarness {
  const navigations: string[] = [];
  const operations: string[] = [];
  const storage = new Map<string, unknown>();
  const systemInfo = {
    platform: 'devtools', pixelRatio: 2, windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812,
    statusBarHeight: 44, language: 'zh_CN', version: '8.0.50', SDKVersion: '3.5.0', system: 'iOS 17.0', safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
  };
  const g = global as any;
  g.wx = {
    request: bridgeRequest(serverUrl, operations),
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (o: any) => o?.success?.(systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 280, right: 367, width: 87, height: 32 }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    navigateTo: (o: any) => {
      navigations.push(o.url);
      o.success?.({ errMsg: 'navigateTo:ok' });
      o.complete?.();
    },
    switchTab: (o: any) => {
      navigations.push(o.url);
      o.success?.({ errMsg: 'switchTab:ok' });
    },
    stopPullDownRefresh: () => undefined,
    showToast: () => undefined,
    hideToast: () => undefined,
    showLoading: () => undefined,
    hideLoading: () => undefined,
    setNavigationBarTitle: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
  };

  // Loaded after `wx` exists: the simulator merges its own API stubs under ours.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const simulate = require('miniprogram-simulate');

  let app: any;
  const pages: any[] = [];
  let nextRoute = '';
  let nextQuery: Record<string, string> = {};
  g.App = (config: any) => (app = config);
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (config: any) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    g.Component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = nextRoute;
          this.options = nextQuery;
          pages.push(this);
          this.onLoad?.(nextQuery);
        },
        ready(this: any) {
          this.onShow?.();
          this.onReady?.();
        },
      },
    });
  };

  require(path.join(weappDist, 'app.js'));
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1001 });
  app.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 });

  const loaded = new Map<string, string>();
  return {
    navigations,
    operations,
    async openPage(route, query = {}) {
      nextRoute = route;
      nextQuery = query;
      // A page's chunk runs once (webpack caches it), so its component is registered once and
      // rendered anew for every visit.
      let id = loaded.get(route);
      if (!id) {
        id = simulate.load(path.join(weappDist, route), { compiler: 'official', rootPath: weappDist }) as string;
        loaded.set(route, id);
      }
      const page = simulate.render(id);
      page.attach(document.createElement('page-root'));
      return page;
    },
  };
}
