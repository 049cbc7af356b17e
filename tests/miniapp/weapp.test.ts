import { postJson } from '../helpers/http';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const UPCOMING = `query($filter: LectureFilter, $first: Int) {
  lectures(filter: $filter, first: $first) {
    totalCount
    edges { node { id title startsAt venue { name type county { name } } lecturer { name } } }
  }
}`;

const BEIJING_MS = 8 * 3600_000;
const beijingYear = (instant: string | Date) => new Date(new Date(instant).getTime() + BEIJING_MS).getUTCFullYear();

describe('the compiled weapp pages, against the real server', () => {
  let server: ServerProcess;
  let weapp: WeappHarness;
  beforeAll(async () => {
    server = await startServerProcess('weapp');
    weapp = setUpWeapp(server.url);
  });
  afterAll(() => server?.stop());

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await postJson(`${server.url}/graphql`, { query, variables });
    return response.json.data;
  }

  async function upcoming(filter: Record<string, unknown> = {}) {
    const data = await graphql(UPCOMING, { filter: { from: new Date().toISOString(), ...filter }, first: 100 });
    return data.lectures as { totalCount: number; edges: Array<{ node: any }> };
  }

  const texts = (page: any, selector: string): string[] =>
    page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).trim());

  /**
   * Makes every request of one GraphQL operation fail the way `wx.request` fails without a network,
   * until the returned function is called. Taro looks `wx.request` up on each call.
   */
  function failOperation(operationName: string): () => void {
    const wx = (global as any).wx;
    const real = wx.request;
    wx.request = (options: any) => {
      const body = typeof options.data === 'string' ? JSON.parse(options.data) : options.data;
      if (body?.operationName !== operationName) return real(options);
      setTimeout(() => {
        options.fail?.({ errMsg: 'request:fail timeout' });
        options.complete?.();
      }, 0);
      return { abort: () => undefined };
    };
    return () => {
      wx.request = real;
    };
  }

  let home: any;

  it('home lists the seeded upcoming lectures, soonest first, with the total', async () => {
    const expected = await upcoming();
    home = await weapp.openPage('pages/index/index');
    const titles = await waitFor(() => texts(home, '.lecture-card__title').length > 0 && texts(home, '.lecture-card__title'), 'lecture cards');
    expect(titles).toEqual(expected.edges.slice(0, titles.length).map((e) => e.node.title));
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(texts(home, '.lecture-list__total')[0]).toBe(`共 ${expected.totalCount} 场`);
    expect(texts(home, '.lecture-card__seats')[0]).toMatch(/剩余 \d+ 座|已满/);
    expect(weapp.operations).toEqual(expect.arrayContaining(['Lectures', 'Counties']));
  });

  it('cards name the county only when the venue name does not start with it, and the year only when it is not this one', async () => {
    const { edges } = await upcoming();
    const shown = edges.slice(0, texts(home, '.lecture-card__title').length).map((e) => e.node);
    // Most demo venues are named "建瓯市东峰镇…": those must not repeat the county.
    expect(shown.some(({ venue }) => venue.name.startsWith(venue.county.name))).toBe(true);
    expect(texts(home, '.lecture-card__venue')).toEqual(
      shown.map(({ venue }) => (venue.name.startsWith(venue.county.name) ? venue.name : `${venue.name}（${venue.county.name}）`)),
    );
    const thisYear = beijingYear(new Date());
    const times = texts(home, '.lecture-card__time');
    shown.forEach((lecture, i) => {
      const year = beijingYear(lecture.startsAt);
      if (year === thisYear) expect(times[i]).not.toMatch(/年/);
      else expect(times[i]).toMatch(new RegExp(`^${year}年`));
    });
    expect(texts(home, '.lecture-card__phase')).toEqual([]); // nothing under way or over in this list
  });

  it('loads the next page when the reader reaches the bottom', async () => {
    const before = texts(home, '.lecture-card__title').length;
    home.instance.onReachBottom();
    const after = await waitFor(() => {
      const n = texts(home, '.lecture-card__title').length;
      return n > before && n;
    }, 'a second page of cards');
    const expected = await upcoming();
    expect(texts(home, '.lecture-card__title')).toEqual(expected.edges.slice(0, after).map((e) => e.node.title));
  });

  it('the county picker narrows the list to that county, and 全市 widens it again', async () => {
    const { counties } = (await graphql('{ counties { code name } }')) as { counties: Array<{ code: string; name: string }> };
    const county = counties[0];
    const expected = await upcoming({ countyCode: county.code });
    expect(expected.totalCount).toBeGreaterThan(0);

    // Row 0 is 全市, so county i is row i + 1. The native picker's change event, as WeChat sends it.
    home.querySelector('.county-picker').dispatchEvent('change', { detail: { value: 1 } });
    await waitFor(() => texts(home, '.lecture-list__total')[0] === `共 ${expected.totalCount} 场`, `共 ${expected.totalCount} 场 in ${county.name}`);
    expect(texts(home, '.county-picker__value')[0]).toBe(county.name);
    const titles = texts(home, '.lecture-card__title');
    expect(titles).toEqual(expected.edges.slice(0, titles.length).map((e) => e.node.title));

    const all = await upcoming();
    home.querySelector('.county-picker').dispatchEvent('change', { detail: { value: 0 } });
    await waitFor(() => texts(home, '.lecture-list__total')[0] === `共 ${all.totalCount} 场`, 'the whole city again');
    expect(texts(home, '.county-picker__value')[0]).toBe('全市');
  });

  it('a venue-type chip narrows the list to that type', async () => {
    const expected = await upcoming({ venueType: 'SCHOOL' });
    const chip = home.querySelectorAll('.venue-chip').find((el: any) => el.dom.textContent.trim() === '进学校');
    chip.dispatchEvent('tap');
    await waitFor(() => {
      const types = texts(home, '.lecture-card__venue-type');
      return types.length > 0 && types.every((t) => t === '进学校') && texts(home, '.lecture-list__total')[0] === `共 ${expected.totalCount} 场`;
    }, 'only 进学校 lectures');
    expect(texts(home, '.lecture-card__title')).toEqual(expected.edges.slice(0, texts(home, '.lecture-card__title').length).map((e) => e.node.title));
    expect(home.querySelector('.venue-chip--active').dom.textContent.trim()).toBe('进学校');
  });

  it('tapping a card opens its detail page', async () => {
    const [first] = (await upcoming({ venueType: 'SCHOOL' })).edges;
    home.querySelector('.lecture-card').dispatchEvent('tap');
    await waitFor(() => weapp.navigations.length > 0, 'navigation');
    expect(weapp.navigations.at(-1)).toBe(`/pages/lecture/index?id=${first.node.id}`);
  });

  it('when the counties fail to load, the picker says so, and a pull-down refresh loads them', async () => {
    const restore = failOperation('Counties');
    let page: any;
    try {
      page = await weapp.openPage('pages/index/index');
      await waitFor(() => texts(page, '.county-picker').join('').includes('地区加载失败，点此重试'), 'the failure in the picker');
      await waitFor(() => texts(page, '.lecture-card__title').length > 0, 'the lectures, which do not need the counties');
    } finally {
      restore();
    }
    page.instance.onPullDownRefresh();
    await waitFor(() => texts(page, '.county-picker__value')[0] === '全市' && !page.querySelector('.county-picker--failed'), 'the picker back');
  });

  it('tapping the failed picker retries the counties', async () => {
    const restore = failOperation('Counties');
    let page: any;
    try {
      page = await weapp.openPage('pages/index/index');
      await waitFor(() => page.querySelector('.county-picker--failed'), 'the failure in the picker');
    } finally {
      restore();
    }
    const before = weapp.operations.filter((name) => name === 'Counties').length;
    page.querySelector('.county-picker--failed').dispatchEvent('tap');
    await waitFor(() => texts(page, '.county-picker__value')[0] === '全市' && !page.querySelector('.county-picker--failed'), 'the picker back');
    expect(weapp.operations.filter((name) => name === 'Counties').length).toBe(before + 1);
  });

  it('the detail page shows the lecture, its venue and lecturer', async () => {
    const [{ node }] = (await upcoming({ venueType: 'VILLAGE' })).edges;
    const detail = await weapp.openPage('pages/lecture/index', { id: node.id });
    await waitFor(() => texts(detail, '.lecture-detail__title')[0] === node.title, 'the lecture title');
    expect(texts(detail, '.lecture-detail__venue').join(' ')).toContain(node.venue.name);
    expect(texts(detail, '.lecture-detail__lecturer').join(' ')).toContain(node.lecturer.name);
    expect(texts(detail, '.lecture-detail__phase')).toEqual([]);
    expect(texts(detail, '.lecture-detail__seats-left')[0]).toMatch(/剩余 \d+ 座|已满/);
  });

  it('an old lecture opened from a shared link shows its year and 已结束', async () => {
    const startOfThisBeijingYear = new Date(Date.UTC(beijingYear(new Date()), 0, 1) - BEIJING_MS);
    const data = await graphql(`query($to: DateTimeISO) { lectures(filter: { to: $to }, first: 1) { edges { node { id title startsAt } } } }`, {
      to: startOfThisBeijingYear.toISOString(),
    });
    const [{ node }] = data.lectures.edges;
    const detail = await weapp.openPage('pages/lecture/index', { id: node.id });
    await waitFor(() => texts(detail, '.lecture-detail__title')[0] === node.title, 'the lecture title');
    expect(texts(detail, '.lecture-detail__phase')).toEqual(['已结束']);
    expect(texts(detail, '.lecture-detail__time')[0]).toMatch(new RegExp(`^${beijingYear(node.startsAt)}年`));
    expect(texts(detail, '.lecture-detail__seats-left')).toEqual([]);
    expect(detail.dom.textContent).toContain('这场讲座已经结束了');
  });

  it('the detail page of a lecture that does not exist says so', async () => {
    const detail = await weapp.openPage('pages/lecture/index', { id: '000000000000000000000000' });
    await waitFor(() => detail.dom.textContent.includes('讲座不存在或已下线'), 'the not-found message');
  });

  it('a malformed id (a link cut short) reads as not found, not as a blank page', async () => {
    const detail = await weapp.openPage('pages/lecture/index', { id: '%E0%A4%A' });
    await waitFor(() => detail.dom.textContent.includes('讲座不存在或已下线'), 'the not-found message');
  });

  it('我的, signed out on a server without WeChat credentials, says WeChat sign-in is unavailable, in Chinese', async () => {
    // The app tried WeChat sign-in at launch; this server has no WeChat app id or secret.
    await waitFor(() => weapp.operations.includes('SignInWithWechat'), 'the sign-in at launch');
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => mine.querySelector('.sign-in__notice--unavailable'), 'the unavailable notice');
    expect(texts(mine, '.sign-in__notice')[0]).toBe('暂时不能用微信登录，您仍可以浏览讲座。请过一会儿再试。');
    expect(texts(mine, '.sign-in__wechat')[0]).toBe('再试一次');
    expect(mine.querySelector('.dev-sign-in__input')).toBeFalsy(); // the development sign-in is for H5 only
    expect(texts(mine, '.large-text-toggle__label')[0]).toBe('大字模式');

    // Trying again asks the server again and says the same.
    const before = weapp.operations.filter((name) => name === 'SignInWithWechat').length;
    mine.querySelector('.sign-in__wechat').dispatchEvent('tap');
    await waitFor(() => weapp.operations.filter((name) => name === 'SignInWithWechat').length === before + 1, 'a second sign-in');
    await waitFor(() => texts(mine, '.sign-in__wechat')[0] === '再试一次', 'the retry button back');
  });

  it('the detail page offers the party-size stepper, within the lecture’s limit', async () => {
    const [{ node }] = (await upcoming({ venueType: 'VILLAGE' })).edges;
    const { lecture } = await graphql(`query($id: ID!) { lecture(id: $id) { maxPartySize } }`, { id: node.id });
    const detail = await weapp.openPage('pages/lecture/index', { id: node.id });
    await waitFor(() => detail.querySelector('.party-stepper__value'), 'the stepper');
    const value = () => texts(detail, '.party-stepper__value')[0];
    detail.querySelector('.party-stepper__minus').dispatchEvent('tap');
    expect(value()).toBe('1');
    for (let i = 0; i < lecture.maxPartySize + 2; i++) detail.querySelector('.party-stepper__plus').dispatchEvent('tap');
    await waitFor(() => value() === String(lecture.maxPartySize), `the maximum, ${lecture.maxPartySize}`);
    expect(detail.querySelector('.party-stepper__plus.party-stepper__button--disabled')).toBeTruthy();
    expect(texts(detail, '.booking-form__submit')[0]).toBe('预约');
  });
});
