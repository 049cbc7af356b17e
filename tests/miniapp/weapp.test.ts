import { postJson } from '../helpers/http';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';
import { setUpWeapp, type WeappHarness } from '../helpers/weapp';

const UPCOMING = `query($filter: LectureFilter, $first: Int) {
  lectures(filter: $filter, first: $first) { totalCount edges { node { id title venue { name type } lecturer { name } } } }
}`;

describe('the compiled weapp pages, against the real server', () => {
  let server: ServerProcess;
  let weapp: WeappHarness;
  beforeAll(async () => {
    server = await startServerProcess('weapp');
    weapp = setUpWeapp(server.url);
  });
  afterAll(() => server?.stop());

  async function upcoming(filter: Record<string, unknown> = {}) {
    const variables = { filter: { from: new Date().toISOString(), ...filter }, first: 100 };
    const response = await postJson(`${server.url}/graphql`, { query: UPCOMING, variables });
    return response.json.data.lectures as { totalCount: number; edges: Array<{ node: any }> };
  }

  const texts = (page: any, selector: string): string[] =>
    page.querySelectorAll(selector).map((el: any) => (el.dom.textContent as string).trim());

  let home: any;

  it('home lists the seeded upcoming lectures, soonest first, with the total', async () => {
    const expected = await upcoming();
    home = await weapp.openPage('pages/index/index');
    const titles = await waitFor(() => texts(home, '.lecture-card__title').length > 0 && texts(home, '.lecture-card__title'), 'lecture cards');
    expect(titles).toEqual(expected.edges.slice(0, titles.length).map((e) => e.node.title));
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(texts(home, '.lecture-list__total')[0]).toContain(String(expected.totalCount));
    expect(texts(home, '.lecture-card__seats')[0]).toMatch(/剩余 \d+ 座|已满/);
    expect(weapp.operations).toEqual(expect.arrayContaining(['Lectures', 'Counties']));
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

  it('a venue-type chip narrows the list to that type', async () => {
    const expected = await upcoming({ venueType: 'SCHOOL' });
    const chip = home.querySelectorAll('.venue-chip').find((el: any) => el.dom.textContent.trim() === '进学校');
    chip.dispatchEvent('tap');
    await waitFor(() => {
      const types = texts(home, '.lecture-card__venue-type');
      return types.length > 0 && types.every((t) => t === '进学校') && texts(home, '.lecture-list__total')[0]?.includes(String(expected.totalCount));
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

  it('the detail page shows the lecture, its venue and lecturer', async () => {
    const [{ node }] = (await upcoming({ venueType: 'VILLAGE' })).edges;
    const detail = await weapp.openPage('pages/lecture/index', { id: node.id });
    await waitFor(() => texts(detail, '.lecture-detail__title')[0] === node.title, 'the lecture title');
    expect(texts(detail, '.lecture-detail__venue').join(' ')).toContain(node.venue.name);
    expect(texts(detail, '.lecture-detail__lecturer').join(' ')).toContain(node.lecturer.name);
  });

  it('the detail page of a lecture that does not exist says so', async () => {
    const detail = await weapp.openPage('pages/lecture/index', { id: '000000000000000000000000' });
    await waitFor(() => detail.dom.textContent.includes('讲座不存在或已下线'), 'the not-found message');
  });

  it('我的 says what is coming', async () => {
    const mine = await weapp.openPage('pages/mine/index');
    await waitFor(() => texts(mine, '.mine-placeholder').join('').includes('预约'), 'the placeholder');
  });
});
