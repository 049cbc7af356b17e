/**
 * The organizer's drill-down and targets pages in the compiled weapp (WeChat's own template
 * compiler), against the real server process on the demo world: a WeChat user made a city
 * organizer by an admin opens a report cell and sees the lectures behind it, as the API lists them,
 * and the year's targets as editable rows adding up to what the server holds.
 */
import { postJson } from '../helpers/http';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const OPEN_ID = 'weapp-orgp-organizer';

function beijingYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

describe("the organizer's outreach pages in the compiled weapp", () => {
  let wechat: FakeWechat;
  let server: ServerProcess;
  let weapp: WeappHarness;
  let admin: string;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServerProcess('weapp-organizer-pages', {
      env: { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret },
    });
    weapp = setUpWeapp(server.url);
    const wx = (global as any).wx;
    wx.login = (options: any) => setTimeout(() => options.success?.({ errMsg: 'login:ok', code: `ok:${OPEN_ID}` }), 0);
    admin = await devToken('weapp-orgp-admin', 'ADMIN');
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await postJson(`${server.url}/graphql`, { query, variables }, token);
    if (response.json.errors) throw new Error(JSON.stringify(response.json.errors));
    return response.json.data;
  }
  async function devToken(openId: string, role: string): Promise<string> {
    return (await graphql(`mutation($o: String!, $r: Role) { signInForDevelopment(openId: $o, role: $r) { token } }`, { o: openId, r: role })).signInForDevelopment.token;
  }
  const appToken = (): string => (global as any).wx.getStorageSync('fel.session')?.token;
  const texts = (page: any, selector: string): string[] => page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).trim());
  const tap = (page: any, selector: string) => {
    const element = page.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    element.dispatchEvent('tap');
  };

  it('a WeChat user made a city organizer is signed in as one', async () => {
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => mine.querySelector('.sign-in__wechat') || texts(mine, '.mine-profile__name').length > 0, 'the sign-in button or the profile');
    if (mine.querySelector('.sign-in__wechat')) tap(mine, '.sign-in__wechat');
    await waitFor(() => appToken(), 'signed in');
    const { me } = await graphql('{ me { id } }', {}, appToken());
    await graphql(`mutation($u: ID!) { setUserRole(userId: $u, role: ORGANIZER) { id } }`, { u: me.id }, admin);
    // 我的 reads `me` again when opened: the session learns the new role.
    const again = await weapp.openPage('pages/mine/index');
    await waitFor(() => again.querySelector('.mine-link--review'), 'the organizer’s links on 我的');
  });

  it('the cell page shows the lectures behind a county’s cell, as the API lists them', async () => {
    const year = beijingYear();
    const { outreachReport } = await graphql(
      `query($y: Int!) { outreachReport(year: $y) { byCounty { county { code name } figures { lecturesHeld lecturesUpcoming } } } }`,
      { y: year },
      appToken(),
    );
    const busiest = [...outreachReport.byCounty].sort(
      (a: any, b: any) => b.figures.lecturesHeld + b.figures.lecturesUpcoming - (a.figures.lecturesHeld + a.figures.lecturesUpcoming),
    )[0];
    expect(busiest.figures.lecturesHeld + busiest.figures.lecturesUpcoming).toBeGreaterThan(0);
    const { outreachLectures } = await graphql(
      `query($y: Int!, $c: ID) { outreachLectures(year: $y, countyCode: $c) { lecture { title } figures { lecturesHeld } } }`,
      { y: year, c: busiest.county.code },
      appToken(),
    );

    const cell = await weapp.openPage('packages/organizer/cell', { year: String(year), county: busiest.county.code });
    await waitFor(() => texts(cell, '.orgp-lecture__title').length === outreachLectures.length, 'the lecture cards');
    expect(texts(cell, '.orgp-cell__heading')).toEqual([`${year}年 · ${busiest.county.name}`]);
    expect(texts(cell, '.orgp-lecture__title')).toEqual(outreachLectures.map((row: any) => row.lecture.title));
    expect(texts(cell, '.orgp-lecture__phase')).toEqual(outreachLectures.map((row: any) => (row.figures.lecturesHeld ? '已举办' : '未开始')));
    for (const line of texts(cell, '.orgp-lecture__figures')) expect(line).toMatch(/^预约 \d+ 座/);

    tap(cell, '.orgp-lecture');
    await waitFor(() => weapp.navigations.some((url) => url.startsWith('/packages/organizer/attendance?id=')), 'the tap opening the attendance page');
  });

  it('the targets page shows the city’s five rows as inputs, adding up to what the server holds', async () => {
    const year = beijingYear();
    const { outreachTargets } = await graphql(
      `query($y: Int!) { outreachTargets(year: $y) { venueType lectures people } }`,
      { y: year },
      appToken(),
    );
    const lectures = outreachTargets.reduce((sum: number, t: any) => sum + t.lectures, 0);
    const people = outreachTargets.reduce((sum: number, t: any) => sum + t.people, 0);

    const targets = await weapp.openPage('packages/organizer/targets', { year: String(year) });
    await waitFor(() => texts(targets, '.orgp-targets__sum').length === 1, 'the targets form');
    expect(texts(targets, '.county-picker__value')).toEqual(['全市']);
    expect(texts(targets, '.year-picker__value')).toEqual([`${year}年`]);
    expect(targets.querySelectorAll('.orgp-target').length).toBe(5);
    expect(targets.querySelectorAll('.orgp-target__input--lectures').length).toBe(5);
    expect(targets.querySelectorAll('.orgp-target__input--people').length).toBe(5);
    expect(texts(targets, '.orgp-target .orgp-badge')).toEqual(['进农村', '进社区', '进学校', '进机关', '进企业']);
    expect(texts(targets, '.orgp-targets__sum')[0]).toMatch(new RegExp(`^已保存合计：${lectures} 场 · ${people} 人`));
    expect(targets.querySelector('.orgp-targets__save')).toBeTruthy();
    expect(targets.querySelector('.orgp-targets__readonly-note')).toBeFalsy();
  });
});
