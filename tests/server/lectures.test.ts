import { startTestServer, type TestServer } from '../helpers/server';

const LIST = /* GraphQL */ `
  query Lectures($filter: LectureFilter, $first: Int, $after: String) {
    lectures(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id title summary startsAt endsAt capacity seatsLeft tags
          venue { id name type address isPracticeBase county { code name } }
          lecturer { id name title bio }
        }
      }
    }
  }
`;

type Node = {
  id: string;
  title: string;
  summary: string;
  startsAt: string;
  venue: { type: string; county: { code: string; name: string } };
};

describe('lectures', () => {
  let server: TestServer;
  const now = new Date();
  beforeAll(async () => {
    server = await startTestServer({ label: 'lectures', now });
  });
  afterAll(() => server.close());

  async function list(variables: Record<string, unknown>) {
    const result = await server.graphql(LIST, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.lectures as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Node }> };
  }

  async function listAll(filter: Record<string, unknown>, first = 100): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    do {
      const page = await list({ filter, first, after });
      nodes.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  it('lists upcoming seeded lectures soonest first, with venue, county and lecturer', async () => {
    const page = await list({ filter: { from: now.toISOString() }, first: 5 });
    expect(page.edges).toHaveLength(5);
    expect(page.totalCount).toBeGreaterThan(20);
    const starts = page.edges.map((e) => Date.parse(e.node.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(Date.parse((page.edges[0].node as any).endsAt)).toBeGreaterThan(now.getTime());
    const first = page.edges[0].node as any;
    expect(first.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(first.venue.county.name).toMatch(/(区|县|市)$/);
    expect(first.lecturer.name).toMatch(/[\u4e00-\u9fa5]/);
    expect(first.seatsLeft).toBe(first.capacity);
  });

  it('pages through every lecture with cursors, without gaps or repeats', async () => {
    const all = await listAll({}, 100);
    const paged = await listAll({}, 7);
    expect(paged.map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(new Set(all.map((n) => n.id)).size).toBe(server.seed!.lectures);
    const page = await list({ first: 7 });
    expect(page.totalCount).toBe(server.seed!.lectures);
  });

  it('filters by each of the five venue types', async () => {
    for (const venueType of ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE']) {
      const nodes = await listAll({ venueType });
      expect(nodes.length).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.venue.type))).toEqual(new Set([venueType]));
    }
  });

  it('filters by county and by date range together', async () => {
    const from = new Date('2023-01-01T00:00:00+08:00');
    const to = new Date('2024-01-01T00:00:00+08:00');
    const nodes = await listAll({ countyCode: '350702', from: from.toISOString(), to: to.toISOString() });
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.venue.county.code).toBe('350702');
      expect(Date.parse((node as any).endsAt)).toBeGreaterThan(from.getTime());
      expect(Date.parse(node.startsAt)).toBeLessThan(to.getTime());
    }
  });

  it('finds Chinese words in titles and summaries, and treats pattern characters literally', async () => {
    const nodes = await listAll({ search: '家庭教育促进法' });
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.title + node.summary).toContain('家庭教育促进法');

    expect(await listAll({ search: '.*' })).toEqual([]);
    expect(await listAll({ search: '(' })).toEqual([]);
  });

  it('gives a page of 20 when first is left out or null', async () => {
    expect((await list({})).edges).toHaveLength(20);
    expect((await list({ first: null })).edges).toHaveLength(20);
  });

  it('reads one lecture by id, and answers null for an id that does not exist', async () => {
    const [node] = (await list({ first: 1 })).edges.map((e) => e.node);
    const one = await server.graphql(`query($id: ID!) { lecture(id: $id) { id title venue { name } } }`, { id: node.id });
    expect(one.data.lecture).toMatchObject({ id: node.id, title: node.title });

    const missing = await server.graphql(`query { lecture(id: "000000000000000000000000") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data.lecture).toBeNull();
  });

  it('lists the ten counties of Nanping in the city order', async () => {
    const result = await server.graphql(`{ counties { code name } }`);
    expect(result.data.counties).toHaveLength(10);
    expect(result.data.counties[0]).toEqual({ code: '350702', name: '延平区' });
    expect(result.data.counties[9]).toEqual({ code: '350783', name: '建瓯市' });
  });
});

describe('finding lectures for a household', () => {
  let server: TestServer;
  const now = new Date();
  beforeAll(async () => {
    server = await startTestServer({ label: 'forme', now });
  });
  afterAll(() => server.close());

  const PAGE = `query($filter: LectureFilter, $first: Int, $after: String, $orderBy: LectureOrder) {
    lectures(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id startsAt audienceAgeGroups venue { county { code } } } }
    }
  }`;

  async function all(variables: Record<string, unknown>, token?: string, first = 7) {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const result: any = await server.graphql(PAGE, { ...variables, first, after }, token);
      expect(result.errors).toBeUndefined();
      nodes.push(...result.data.lectures.edges.map((e: any) => e.node));
      after = result.data.lectures.pageInfo.hasNextPage ? result.data.lectures.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  it('filters by a child’s stage, keeping lectures meant for every age', async () => {
    const nodes = await all({ filter: { ageGroup: 'INFANT' } }, undefined, 100);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.audienceAgeGroups.length === 0 || node.audienceAgeGroups.includes('INFANT')).toBe(true);
    const everyone = await all({}, undefined, 100);
    expect(nodes.length).toBeLessThan(everyone.length);
  });

  it('puts lectures in the parent’s county for their children’s ages first, then the county, then the ages, then the rest', async () => {
    const signIn = await server.graphql(`mutation { signInForDevelopment(openId: "for-me-parent") { token } }`);
    const token = signIn.data.signInForDevelopment.token;
    await server.graphql(`mutation { updateProfile(input: { countyCode: "350721", childrenAgeGroups: [PRIMARY] }) { id } }`, {}, token);
    const filter = { from: now.toISOString() };
    const ranked = await all({ filter, orderBy: 'FOR_ME' }, token, 4);
    const plain = await all({ filter }, undefined, 100);
    expect(ranked.map((n) => n.id).sort()).toEqual(plain.map((n) => n.id).sort());

    const tier = (n: any) => {
      const county = n.venue.county.code === '350721';
      const ages = n.audienceAgeGroups.length === 0 || n.audienceAgeGroups.includes('PRIMARY');
      return county && ages ? 0 : county ? 1 : ages ? 2 : 3;
    };
    const tiers = ranked.map(tier);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    expect(tiers[0]).toBe(0);
    for (let i = 1; i < ranked.length; i++) {
      if (tiers[i] === tiers[i - 1]) expect(Date.parse(ranked[i].startsAt)).toBeGreaterThanOrEqual(Date.parse(ranked[i - 1].startsAt));
    }
    // Signed out, "for me" is plain start-time order.
    expect((await all({ filter, orderBy: 'FOR_ME' }, undefined, 100)).map((n) => n.id)).toEqual(plain.map((n) => n.id));
  });
});

describe('venues', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ label: 'venues' });
  });
  afterAll(() => server.close());

  const VENUES = `query($countyCode: ID, $type: VenueType) { venues(countyCode: $countyCode, type: $type) { id name type county { code } } }`;

  it('lists the venues a lecturer may propose a lecture at, by county and type', async () => {
    const all = (await server.graphql(VENUES, {})).data.venues;
    expect(all).toHaveLength(server.seed!.venues);
    const villages = (await server.graphql(VENUES, { countyCode: '350702', type: 'VILLAGE' })).data.venues;
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v: { type: string; county: { code: string } }) => v.type === 'VILLAGE' && v.county.code === '350702')).toBe(true);
    expect((await server.graphql(VENUES, { countyCode: '35' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
