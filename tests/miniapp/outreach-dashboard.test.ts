/**
 * 五进工作统计 in the compiled weapp (WeChat's own template compiler), against the real server process
 * and its seeded demo world: a WeChat user made a city organizer finds the dashboard on 我的, and
 * the page shows the report's figures as the server has them. The simulator has no canvas: the
 * charts stay blank there, and the page must go on working without them (the rows under the charts
 * carry the same numbers and open the lectures behind them).
 */
import { postJson } from '../helpers/http';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const OPEN_ID = 'weapp-dashboard-organizer';
const BEIJING_MS = 8 * 3600_000;
const YEAR = new Date(Date.now() + BEIJING_MS).getUTCFullYear();
const FIGURES = `lecturesHeld peopleReached householdsReached attendanceRate noShowRate averageRating walkInPeople lectureTarget peopleTarget`;

interface Figures {
  lecturesHeld: number;
  peopleReached: number;
  householdsReached: number;
  attendanceRate: number | null;
  noShowRate: number | null;
  averageRating: number | null;
  walkInPeople: number;
  lectureTarget: number | null;
  peopleTarget: number | null;
}

const lectures = (f: Figures) => (f.lectureTarget == null ? `${f.lecturesHeld} 场（未设目标）` : `${f.lecturesHeld} / ${f.lectureTarget} 场`);
const people = (f: Figures) => (f.peopleTarget == null ? `${f.peopleReached} 人（未设目标）` : `${f.peopleReached} / ${f.peopleTarget} 人`);
const percent = (rate: number | null) => (rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`);

describe('五进工作统计 in the compiled weapp', () => {
  let wechat: FakeWechat;
  let server: ServerProcess;
  let weapp: WeappHarness;
  const errors: string[] = [];

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServerProcess('weapp-outreach-dashboard', {
      env: { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret },
    });
    weapp = setUpWeapp(server.url);
    const wx = (global as any).wx;
    wx.login = (options: any) => setTimeout(() => options.success?.({ errMsg: 'login:ok', code: `ok:${OPEN_ID}` }), 0);
    // What the page would show the organizer in a dialog: a failure here is a failure of the test.
    wx.showModal = (options: any) => {
      errors.push(`${options.title}: ${options.content}`);
      setTimeout(() => options.success?.({ errMsg: 'showModal:ok', confirm: false, cancel: true }), 0);
    };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await postJson(`${server.url}/graphql`, { query, variables }, token);
    if (response.json.errors) throw new Error(JSON.stringify(response.json.errors));
    return response.json.data;
  }
  const appToken = (): string => (global as any).wx.getStorageSync('fel.session')?.token;
  const texts = (page: any, selector: string): string[] => page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).replace(/\s+/g, ' ').trim());
  /** Taro hands navigateTo to WeChat a moment after the tap. */
  const navigatedTo = (url: string) => waitFor(() => weapp.navigations.at(-1) === url, `navigation to ${url}`);
  const tap = (page: any, selector: string) => {
    const element = page.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    element.dispatchEvent('tap');
  };

  it('a WeChat user made a city organizer finds 五进工作统计 on 我的', async () => {
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => mine.querySelector('.sign-in__wechat') || mine.querySelector('.mine-profile__name'), 'the sign-in button or a session');
    if (mine.querySelector('.sign-in__wechat')) tap(mine, '.sign-in__wechat');
    await waitFor(() => texts(mine, '.mine-profile__name').length > 0, 'signed in');
    expect(mine.querySelector('.mine-link--dashboard')).toBeFalsy();

    const { me } = await graphql('{ me { id } }', {}, appToken());
    const admin = (await graphql(`mutation { signInForDevelopment(openId: "weapp-dashboard-admin", role: ADMIN) { token } }`)).signInForDevelopment.token;
    await graphql(`mutation($u: ID!) { setUserRole(userId: $u, role: ORGANIZER) { id } }`, { u: me.id }, admin);

    const again = await weapp.openPage('pages/mine/index');
    await waitFor(() => again.querySelector('.mine-link--dashboard'), 'the 五进工作统计 link');
    tap(again, '.mine-link--dashboard');
    await navigatedTo('/packages/organizer/dashboard');
  });

  it("shows the city's totals and the five venue types as the server's report has them, without a canvas", async () => {
    const { outreachReport: report } = await graphql(
      `query($year: Int!) { outreachReport(year: $year) { totals { ${FIGURES} } byVenueType { venueType figures { ${FIGURES} } } byCounty { county { code name } } } }`,
      { year: YEAR },
      appToken(),
    );
    expect(report.totals.lecturesHeld).toBeGreaterThan(0);

    const page = await weapp.openPage('packages/organizer/dashboard');
    await waitFor(() => texts(page, '.dashboard-total--held .dashboard-total__value')[0] === lectures(report.totals), 'the totals');
    expect(texts(page, '.dashboard-head__title')).toEqual(['五进工作统计']);
    expect(texts(page, '.dashboard-year__value')).toEqual([`${YEAR} 年`]);
    expect(texts(page, '.county-picker__value')).toEqual(['全市']);
    expect(texts(page, '.dashboard-total--people .dashboard-total__value')).toEqual([people(report.totals)]);
    expect(texts(page, '.dashboard-total--households .dashboard-total__value')).toEqual([`${report.totals.householdsReached} 户`]);
    expect(texts(page, '.dashboard-total--walk-ins .dashboard-total__value')).toEqual([`${report.totals.walkInPeople} 人`]);
    expect(texts(page, '.dashboard-total--attendance .dashboard-total__value')).toEqual([percent(report.totals.attendanceRate)]);
    expect(texts(page, '.dashboard-total--no-show .dashboard-total__value')).toEqual([percent(report.totals.noShowRate)]);
    for (const row of report.byVenueType as Array<{ venueType: string; figures: Figures }>) {
      const type = row.venueType.toLowerCase();
      expect(texts(page, `.dashboard-type--${type} .dashboard-type__lectures`)).toEqual([`场次：${lectures(row.figures)}`]);
      expect(texts(page, `.dashboard-type--${type} .dashboard-type__people`)).toEqual([`人数：${people(row.figures)}`]);
    }
    expect(texts(page, '.dashboard-county-row .dashboard-row__name')).toEqual(report.byCounty.map((row: any) => row.county.name));
    // Both chart canvases are in the page (WeChat draws on them; this simulator cannot).
    expect(page.querySelectorAll('.dashboard-chart__canvas')).toHaveLength(2);
    // The chart code has given up on the missing canvas (its retries over), quietly.
    await waitFor(() => page.querySelectorAll('.dashboard-chart--blank').length === 2, 'both charts settled as blank');

    // Rows open the lectures behind them, whether or not a chart could be drawn.
    tap(page, '.dashboard-type--village');
    await navigatedTo(`/packages/organizer/cell?year=${YEAR}&venueType=VILLAGE`);
    tap(page, '.dashboard-county-row');
    await navigatedTo(`/packages/organizer/cell?year=${YEAR}&county=${report.byCounty[0].county.code}`);
    tap(page, '.dashboard-totals');
    await navigatedTo(`/packages/organizer/cell?year=${YEAR}`);

    // The chart code gives up on the missing canvas quietly: the page still shows its numbers.
    expect(texts(page, '.dashboard-total--held .dashboard-total__value')).toEqual([lectures(report.totals)]);
    expect(page.querySelector('.status-view--error')).toBeFalsy();
    expect(errors).toEqual([]);
  });

  it('导出汇总 downloads the CSV with the session token, then 发送到聊天 sends it from a real tap; a refusal is said plainly', async () => {
    const wx = (global as any).wx;
    const downloads: any[] = [];
    const shares: any[] = [];
    wx.downloadFile = (options: any) => {
      downloads.push(options);
      setTimeout(() => {
        options.success?.({ errMsg: 'downloadFile:ok', statusCode: 200, filePath: options.filePath });
        options.complete?.();
      }, 0);
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    };
    let shareAnswer = { errMsg: 'shareFileMessage:ok' };
    wx.shareFileMessage = (options: any) => {
      shares.push(options);
      const answer = shareAnswer;
      setTimeout(() => {
        if (/:ok$/.test(answer.errMsg)) options.success?.(answer);
        else options.fail?.(answer);
        options.complete?.(answer);
      }, 0);
    };

    const page = await weapp.openPage('packages/organizer/dashboard');
    await waitFor(() => page.querySelector('.dashboard-export--summary'), 'the export buttons');
    tap(page, '.dashboard-export--summary');
    // A second tap while the first is under way starts nothing.
    tap(page, '.dashboard-export--summary');
    await waitFor(() => page.querySelector('.dashboard-exported__share'), 'the 发送到聊天 button');
    expect(downloads).toHaveLength(1);
    expect(downloads[0].url).toMatch(new RegExp(`/exports/outreach-summary\\.csv\\?year=${YEAR}$`));
    expect(downloads[0].header.Authorization).toBe(`Bearer ${appToken()}`);
    // Saved under the file's own name in the app's user data folder (Taro.env.USER_DATA_PATH).
    expect(downloads[0].filePath).toMatch(new RegExp(`/五进汇总-${YEAR}-全市\\.csv$`));
    expect(texts(page, '.dashboard-exported__name')).toEqual([`已导出：五进汇总-${YEAR}-全市.csv`]);
    // Nothing is sent before the organizer taps (WeChat allows it only from a tap).
    expect(shares).toHaveLength(0);

    // A client that refuses: the organizer is told what to do, not that tables cannot be opened.
    shareAnswer = { errMsg: 'shareFileMessage:fail not supported' };
    tap(page, '.dashboard-exported__share');
    await waitFor(() => errors.length > 0, 'the failure said');
    expect(shares[0]).toMatchObject({ filePath: downloads[0].filePath, fileName: `五进汇总-${YEAR}-全市.csv` });
    expect(errors.splice(0)).toEqual(['没有发出去: 此微信版本不能发送文件，请升级微信，或在电脑上登录后导出']);

    // Cancelled: nothing to say, the button stays for another go; sent: the panel closes.
    shareAnswer = { errMsg: 'shareFileMessage:fail cancel' };
    tap(page, '.dashboard-exported__share');
    await waitFor(() => shares.length === 2, 'the second share');
    shareAnswer = { errMsg: 'shareFileMessage:ok' };
    tap(page, '.dashboard-exported__share');
    await waitFor(() => !page.querySelector('.dashboard-exported'), `the panel closed once sent (shares: ${shares.length}, said: ${errors.join('; ')})`);
    expect(shares).toHaveLength(3);
    expect(errors).toEqual([]);
  });
});
