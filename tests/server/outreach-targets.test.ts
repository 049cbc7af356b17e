/**
 * Yearly outreach targets (issue 5): the city's organizers set them for the city and each county;
 * county organizers read their own. Over HTTP against the real engine; refused and bad calls leave
 * the targets exactly as they were.
 */
import 'reflect-metadata';
import mongoose from 'mongoose';
import { loadTargets } from '../../server/src/modules/outreach/target.service';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';
import { beijingYearNow, dump, insertCounties } from '../helpers/venues';

const COUNTY = '350702'; // 延平区
const OTHER_COUNTY = '350781'; // 邵武市
const YEAR = beijingYearNow();

const TARGET_FIELDS = 'year county { code name } venueType lectures people updatedAt';
const SET = `mutation($input: SetOutreachTargetsInput!) { setOutreachTargets(input: $input) { ${TARGET_FIELDS} } }`;
const READ = `query($year: Int!, $countyCode: ID) { outreachTargets(year: $year, countyCode: $countyCode) { ${TARGET_FIELDS} } }`;

let server: TestServer;
let county: SignedIn;
let otherCounty: SignedIn;
let city: SignedIn;
let admin: SignedIn;
let parent: SignedIn;
let lecturer: SignedIn;

const gql = (query: string, variables: Record<string, unknown>, who?: SignedIn) => server.graphql(query, variables, who?.token);
const targets = () => dump('outreach_targets');

function expectError(result: GraphQLResponse, code: string, field?: string): void {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toContain(field);
}

async function set(input: Record<string, unknown>, who = city) {
  const result = await gql(SET, { input }, who);
  expect(result.errors).toBeUndefined();
  return result.data.setOutreachTargets as Array<Record<string, any>>;
}

beforeAll(async () => {
  server = await startTestServer({ label: 'outreach-targets', seed: false });
  await insertCounties();
  county = await signInAs(server.url, 'targets-county', 'ORGANIZER', { countyCode: COUNTY });
  otherCounty = await signInAs(server.url, 'targets-other-county', 'ORGANIZER', { countyCode: OTHER_COUNTY });
  city = await signInAs(server.url, 'targets-city', 'ORGANIZER');
  admin = await signInAs(server.url, 'targets-admin', 'ADMIN');
  parent = await signInAs(server.url, 'targets-parent', 'PARENT');
  lecturer = await signInAs(server.url, 'targets-lecturer', 'LECTURER', { countyCode: COUNTY });
});
afterAll(() => server.close());

describe('setting targets', () => {
  it('a city organizer sets the city’s and a county’s targets; rows never set stay absent', async () => {
    const before = Date.now();
    const cityRows = await set({ year: YEAR, targets: [{ venueType: 'SCHOOL', lectures: 120, people: 6000 }, { venueType: 'VILLAGE', lectures: 300, people: 15000 }] });
    // In VenueType order, the city's with county null.
    expect(cityRows.map(({ updatedAt, ...row }) => row)).toEqual([
      { year: YEAR, county: null, venueType: 'VILLAGE', lectures: 300, people: 15000 },
      { year: YEAR, county: null, venueType: 'SCHOOL', lectures: 120, people: 6000 },
    ]);
    expect(new Date(cityRows[0].updatedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const countyRows = await set({ year: YEAR, countyCode: COUNTY, targets: [{ venueType: 'COMMUNITY', lectures: 0, people: 0 }] });
    expect(countyRows).toEqual([{ year: YEAR, county: { code: COUNTY, name: '延平区' }, venueType: 'COMMUNITY', lectures: 0, people: 0, updatedAt: expect.any(String) }]);

    // What the report reads: every row of the year, city and counties alike.
    const rows = await loadTargets(YEAR);
    expect(rows.map((r) => [r.countyCode, r.venueType, r.lectures, r.people]).sort()).toEqual(
      [
        [null, 'SCHOOL', 120, 6000],
        [null, 'VILLAGE', 300, 15000],
        [COUNTY, 'COMMUNITY', 0, 0],
      ].sort(),
    );
    const doc = await mongoose.connection.db!.collection<{ _id: string }>('outreach_targets').findOne({ _id: `${YEAR}:city:VILLAGE` });
    expect(doc).toMatchObject({ year: YEAR, countyCode: null, venueType: 'VILLAGE', updatedBy: new mongoose.Types.ObjectId(city.userId) });
  });

  it('changes only the types listed, one row per type however often it is saved', async () => {
    await set({ year: YEAR, countyCode: OTHER_COUNTY, targets: [{ venueType: 'GOVERNMENT', lectures: 10, people: 500 }, { venueType: 'ENTERPRISE', lectures: 8, people: 400 }] });
    const rows = await set({ year: YEAR, countyCode: OTHER_COUNTY, targets: [{ venueType: 'ENTERPRISE', lectures: 12, people: 10000 }] }, admin);
    expect(rows.map((r) => [r.venueType, r.lectures, r.people])).toEqual([
      ['GOVERNMENT', 10, 500],
      ['ENTERPRISE', 12, 10000],
    ]);
    // Two organizers saving at once: one row, the later save's numbers.
    await Promise.all([
      gql(SET, { input: { year: YEAR, countyCode: OTHER_COUNTY, targets: [{ venueType: 'SCHOOL', lectures: 1, people: 1 }] } }, city),
      gql(SET, { input: { year: YEAR, countyCode: OTHER_COUNTY, targets: [{ venueType: 'SCHOOL', lectures: 2, people: 2 }] } }, admin),
    ]);
    const schools = await mongoose.connection.db!.collection('outreach_targets').find({ year: YEAR, countyCode: OTHER_COUNTY, venueType: 'SCHOOL' }).toArray();
    expect(schools).toHaveLength(1);
    expect([1, 2]).toContain(schools[0].lectures);
  });

  it('takes next year (planned in December) and the extremes of the ranges', async () => {
    const rows = await set({ year: YEAR + 1, targets: [{ venueType: 'VILLAGE', lectures: 10000, people: 1000000 }] });
    expect(rows).toMatchObject([{ year: YEAR + 1, lectures: 10000, people: 1000000 }]);
    expect((await set({ year: 2021, targets: [{ venueType: 'VILLAGE', lectures: 1, people: 1 }] }))[0].year).toBe(2021);
  });

  const row = (overrides: Record<string, unknown> = {}) => ({ venueType: 'VILLAGE', lectures: 5, people: 100, ...overrides });
  const BAD: Array<[string, Record<string, unknown>, string]> = [
    ['a year before the programme', { year: 2020 }, 'input.year'],
    ['a year after next', { year: YEAR + 2 }, 'input.year'],
    ['a malformed county', { countyCode: '3507' }, 'input.countyCode'],
    ['a county that does not exist', { countyCode: '350799' }, 'input.countyCode'],
    ['no targets', { targets: [] }, 'input.targets'],
    ['a venue type twice', { targets: [row(), row({ venueType: 'SCHOOL' }), row({ lectures: 9 })] }, 'input.targets'],
    ['negative lectures', { targets: [row({ lectures: -1 })] }, 'input.targets[0].lectures'],
    ['negative people in the second row', { targets: [row(), row({ venueType: 'SCHOOL', people: -5 })] }, 'input.targets[1].people'],
    ['more than 10000 lectures', { targets: [row({ lectures: 10001 })] }, 'input.targets[0].lectures'],
    ['more than a million people', { targets: [row({ people: 1000001 })] }, 'input.targets[0].people'],
    // A good row with a bad one: the good one is not written either.
    ['a good row before a bad one', { countyCode: COUNTY, targets: [row({ venueType: 'GOVERNMENT', lectures: 77 }), row({ people: -1 })] }, 'input.targets[1].people'],
  ];
  it.each(BAD)('refuses %s, naming the field, and writes nothing', async (_what, overrides, field) => {
    const before = await targets();
    expectError(await gql(SET, { input: { year: YEAR, countyCode: null, targets: [row()], ...overrides } }, city), 'BAD_USER_INPUT', field);
    expect(await targets()).toBe(before);
  });

  it('refuses a fractional number as no integer', async () => {
    const before = await targets();
    expectError(await gql(SET, { input: { year: YEAR, targets: [row({ lectures: 1.5 })] } }, city), 'BAD_USER_INPUT');
    expect(await targets()).toBe(before);
  });

  it('is for city organizers and admins only: a county organizer is refused even for their own county, whatever they send', async () => {
    const before = await targets();
    for (const countyCode of [COUNTY, null, OTHER_COUNTY]) {
      expectError(await gql(SET, { input: { year: YEAR, countyCode, targets: [row()] } }, county), 'FORBIDDEN');
    }
    expectError(await gql(SET, { input: { year: 1900, countyCode: COUNTY, targets: [row({ lectures: -1 })] } }, county), 'FORBIDDEN');
    for (const who of [otherCounty, parent, lecturer]) expectError(await gql(SET, { input: { year: YEAR, targets: [row()] } }, who), 'FORBIDDEN');
    expectError(await gql(SET, { input: { year: YEAR, targets: [row()] } }), 'UNAUTHENTICATED');
    expect(await targets()).toBe(before);
  });
});

describe('reading targets', () => {
  beforeAll(async () => {
    await set({ year: YEAR - 1, targets: [{ venueType: 'COMMUNITY', lectures: 40, people: 2000 }] });
    await set({ year: YEAR - 1, countyCode: COUNTY, targets: [{ venueType: 'COMMUNITY', lectures: 4, people: 200 }, { venueType: 'VILLAGE', lectures: 6, people: 300 }] });
    await set({ year: YEAR - 1, countyCode: OTHER_COUNTY, targets: [{ venueType: 'SCHOOL', lectures: 3, people: 90 }] });
  });
  const read = async (vars: Record<string, unknown>, who: SignedIn) => {
    const result = await gql(READ, { year: YEAR - 1, ...vars }, who);
    expect(result.errors).toBeUndefined();
    return (result.data.outreachTargets as Array<Record<string, any>>).map((r) => [r.county?.code ?? null, r.venueType, r.lectures, r.people]);
  };

  it('shows a county organizer their own county’s targets', async () => {
    expect(await read({ countyCode: COUNTY }, county)).toEqual([
      [COUNTY, 'VILLAGE', 6, 300],
      [COUNTY, 'COMMUNITY', 4, 200],
    ]);
  });

  it('shows city organizers and admins the city’s and any county’s', async () => {
    expect(await read({}, city)).toEqual([[null, 'COMMUNITY', 40, 2000]]);
    expect(await read({ countyCode: null }, admin)).toEqual([[null, 'COMMUNITY', 40, 2000]]);
    expect(await read({ countyCode: OTHER_COUNTY }, city)).toEqual([[OTHER_COUNTY, 'SCHOOL', 3, 90]]);
    expect(await read({ countyCode: '350725' }, city)).toEqual([]);
    expect((await gql(READ, { year: 2021 }, city)).data.outreachTargets).toEqual(expect.any(Array));
  });

  it('refuses a county organizer the city and other counties, and everyone who is no organizer', async () => {
    expectError(await gql(READ, { year: YEAR - 1 }, county), 'FORBIDDEN');
    expectError(await gql(READ, { year: YEAR - 1, countyCode: OTHER_COUNTY }, county), 'FORBIDDEN');
    expectError(await gql(READ, { year: YEAR - 1, countyCode: COUNTY }, otherCounty), 'FORBIDDEN');
    for (const who of [parent, lecturer]) expectError(await gql(READ, { year: YEAR - 1, countyCode: COUNTY }, who), 'FORBIDDEN');
    expectError(await gql(READ, { year: YEAR - 1, countyCode: COUNTY }), 'UNAUTHENTICATED');
  });

  it('names a bad year or county', async () => {
    expectError(await gql(READ, { year: 2020 }, city), 'BAD_USER_INPUT', 'year');
    expectError(await gql(READ, { year: YEAR + 2 }, city), 'BAD_USER_INPUT', 'year');
    expectError(await gql(READ, { year: YEAR, countyCode: 'abc' }, city), 'BAD_USER_INPUT', 'countyCode');
    expectError(await gql(READ, { year: YEAR, countyCode: '350799' }, city), 'BAD_USER_INPUT', 'countyCode');
  });
});
