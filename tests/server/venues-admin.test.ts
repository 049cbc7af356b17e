/**
 * Venues and practice bases (issue 5): organizers create, edit, retire, restore and delete venues
 * within their county, over HTTP against the real engine. Bad input and refused calls leave the
 * venues (and lectures) exactly as they were.
 */
import 'reflect-metadata';
import mongoose, { Types } from 'mongoose';
import { insertLecture } from '../helpers/booking';
import { lectureProposal } from '../helpers/content';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';
import { beijingYearNow, dump, insertCounties } from '../helpers/venues';

const COUNTY = '350702'; // 延平区
const OTHER_COUNTY = '350781'; // 邵武市
const DAY = 24 * 3600 * 1000;

const VENUE_FIELDS = `id name type county { code name } township address location { latitude longitude }
  contactName contactPhone isPracticeBase practiceBaseYear retired lectureCount`;
const CREATE = `mutation($input: VenueInput!) { createVenue(input: $input) { ${VENUE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { ${VENUE_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteVenue(id: $id) }`;
const RETIRE = `mutation($id: ID!) { retireVenue(id: $id) { ${VENUE_FIELDS} } }`;
const RESTORE = `mutation($id: ID!) { restoreVenue(id: $id) { ${VENUE_FIELDS} } }`;
const ONE = `query($id: ID!) { venue(id: $id) { ${VENUE_FIELDS} } }`;
const LIST = `query($countyCode: ID, $type: VenueType, $practiceBase: Boolean, $includeRetired: Boolean) {
  venues(countyCode: $countyCode, type: $type, practiceBase: $practiceBase, includeRetired: $includeRetired) { ${VENUE_FIELDS} }
}`;
const PROPOSE = `mutation($input: LectureProposalInput!) { proposeLecture(input: $input) { id status venue { id } } }`;
const LECTURE = `query($id: ID!) { lecture(id: $id) { id status venue { id name retired contactPhone } } }`;

let server: TestServer;
let county: SignedIn;
let otherCounty: SignedIn;
let city: SignedIn;
let admin: SignedIn;
let parent: SignedIn;
let lecturer: SignedIn;

const db = () => mongoose.connection.db!;
const venueDoc = (id: string) => db().collection('venues').findOne({ _id: new Types.ObjectId(id) });
const gql = (query: string, variables: Record<string, unknown>, who?: SignedIn) => server.graphql(query, variables, who?.token);

function expectError(result: GraphQLResponse, code: string, field?: string): void {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toContain(field);
}

let seq = 0;
/** A valid venue of the county organizer's county, named so no other test's venue is confused with it. */
function venueInput(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    name: `  宝山村家长学校（${seq}）  `,
    type: 'VILLAGE',
    countyCode: COUNTY,
    township: '茫荡镇',
    address: '宝山村村委会二楼',
    latitude: 26.6412,
    longitude: 118.1783,
    contactName: '林主任',
    contactPhone: '13859912345',
    isPracticeBase: true,
    practiceBaseYear: 2023,
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, who = county) {
  const result = await gql(CREATE, { input: venueInput(overrides) }, who);
  expect(result.errors).toBeUndefined();
  return result.data.createVenue;
}

beforeAll(async () => {
  server = await startTestServer({ label: 'venues-admin', seed: false });
  await insertCounties();
  county = await signInAs(server.url, 'venues-county', 'ORGANIZER', { countyCode: COUNTY });
  otherCounty = await signInAs(server.url, 'venues-other-county', 'ORGANIZER', { countyCode: OTHER_COUNTY });
  city = await signInAs(server.url, 'venues-city', 'ORGANIZER');
  admin = await signInAs(server.url, 'venues-admin', 'ADMIN');
  parent = await signInAs(server.url, 'venues-parent', 'PARENT');
  lecturer = await signInAs(server.url, 'venues-lecturer', 'LECTURER', { countyCode: COUNTY });
});
afterAll(() => server.close());

describe('creating a venue', () => {
  it('stores every field, trimmed, and records who created it', async () => {
    const venue = await create({ name: '  大横镇村民文化礼堂  ', township: '  大横镇 ', address: ' 大横镇中心路 1 号 ' });
    expect(venue).toEqual({
      id: expect.any(String),
      name: '大横镇村民文化礼堂',
      type: 'VILLAGE',
      county: { code: COUNTY, name: '延平区' },
      township: '大横镇',
      address: '大横镇中心路 1 号',
      location: { latitude: 26.6412, longitude: 118.1783 },
      contactName: '林主任',
      contactPhone: '13859912345',
      isPracticeBase: true,
      practiceBaseYear: 2023,
      retired: false,
      lectureCount: 0,
    });
    const doc = await venueDoc(venue.id);
    expect(doc).toMatchObject({ retired: false, createdBy: new Types.ObjectId(county.userId), updatedBy: new Types.ObjectId(county.userId) });
  });

  it('takes a venue without the optional fields, a landline, and this year as the practice-base year', async () => {
    const bare = await create({ township: null, latitude: null, longitude: null, contactName: null, contactPhone: null, isPracticeBase: false, practiceBaseYear: null });
    expect(bare).toMatchObject({ township: null, location: null, contactName: null, contactPhone: null, practiceBaseYear: null, isPracticeBase: false });
    const doc = await venueDoc(bare.id);
    for (const field of ['township', 'location', 'contactName', 'contactPhone', 'practiceBaseYear']) expect(doc).not.toHaveProperty(field);

    expect((await create({ contactPhone: '0599-8831234', practiceBaseYear: beijingYearNow() })).contactPhone).toBe('0599-8831234');
    expect((await create({ contactPhone: '8831234', latitude: -90, longitude: 180 })).location).toEqual({ latitude: -90, longitude: 180 });

    // A blank phone, like a blank contact name, means none (a form's cleared field), and spaces
    // around a number are not kept.
    for (const blank of ['', '   ']) {
      const none = await create({ contactName: ' ', contactPhone: blank });
      expect(none).toMatchObject({ contactName: null, contactPhone: null });
      expect(await venueDoc(none.id)).not.toHaveProperty('contactPhone');
    }
    expect((await create({ contactPhone: ' 13859912345 ' })).contactPhone).toBe('13859912345');
  });

  const BAD: Array<[string, Record<string, unknown>, string]> = [
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a name of 61 characters', { name: '村'.repeat(61) }, 'input.name'],
    ['a township of 31 characters', { township: '镇'.repeat(31) }, 'input.township'],
    ['a blank address', { address: '  ' }, 'input.address'],
    ['an address of 121 characters', { address: '路'.repeat(121) }, 'input.address'],
    ['a latitude without longitude', { longitude: null }, 'input.longitude'],
    ['a longitude without latitude', { latitude: null }, 'input.latitude'],
    ['a latitude beyond the pole', { latitude: 90.5 }, 'input.latitude'],
    ['a longitude beyond 180', { longitude: -181 }, 'input.longitude'],
    ['a contact name of 21 characters', { contactName: '林'.repeat(21) }, 'input.contactName'],
    ['a phone too short', { contactPhone: '12345' }, 'input.contactPhone'],
    ['a mobile of 12 digits', { contactPhone: '138599123456' }, 'input.contactPhone'],
    ['a phone with letters', { contactPhone: '0599-88abc34' }, 'input.contactPhone'],
    ['a practice base without its year', { practiceBaseYear: null }, 'input.practiceBaseYear'],
    ['a practice-base year before 2000', { practiceBaseYear: 1999 }, 'input.practiceBaseYear'],
    ['a practice-base year in the future', { practiceBaseYear: beijingYearNow() + 1 }, 'input.practiceBaseYear'],
    ['a year for a venue that is no base', { isPracticeBase: false, practiceBaseYear: 2022 }, 'input.practiceBaseYear'],
    ['a county code of five digits', { countyCode: '35070' }, 'input.countyCode'],
    ['a county that does not exist', { countyCode: '350799' }, 'input.countyCode'],
  ];
  it.each(BAD)('refuses %s, naming the field, and writes nothing', async (_what, overrides, field) => {
    const before = await dump('venues');
    expectError(await gql(CREATE, { input: venueInput(overrides) }, city), 'BAD_USER_INPUT', field);
    expect(await dump('venues')).toBe(before);
  });

  it('names every bad field at once', async () => {
    const result = await gql(CREATE, { input: venueInput({ name: '', address: '', latitude: 100, practiceBaseYear: null }) }, county);
    const fields = result.errors![0].extensions!.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.address', 'input.latitude', 'input.practiceBaseYear']));
  });

  it('lets an organizer create only in the counties they cover', async () => {
    const before = await dump('venues');
    expectError(await gql(CREATE, { input: venueInput({ countyCode: OTHER_COUNTY }) }, county), 'FORBIDDEN');
    expectError(await gql(CREATE, { input: venueInput() }, otherCounty), 'FORBIDDEN');
    expectError(await gql(CREATE, { input: venueInput() }, parent), 'FORBIDDEN');
    expectError(await gql(CREATE, { input: venueInput() }, lecturer), 'FORBIDDEN');
    expectError(await gql(CREATE, { input: venueInput() }), 'UNAUTHENTICATED');
    expect(await dump('venues')).toBe(before);

    expect((await create({ countyCode: OTHER_COUNTY }, city)).county.code).toBe(OTHER_COUNTY);
    expect((await create({ countyCode: OTHER_COUNTY }, admin)).county.code).toBe(OTHER_COUNTY);
    expect((await create({ countyCode: OTHER_COUNTY }, otherCounty)).county.code).toBe(OTHER_COUNTY);
  });
});

describe('who sees a venue’s contact and lecture count', () => {
  it('organizers covering the county see them; parents, lecturers, visitors and other counties see null', async () => {
    const venue = await create();
    const lectureId = await insertLecture({ venueId: new Types.ObjectId(venue.id), countyCode: COUNTY, venueType: 'VILLAGE' });
    for (const who of [county, city, admin]) {
      expect((await gql(ONE, { id: venue.id }, who)).data.venue).toMatchObject({ contactName: '林主任', contactPhone: '13859912345', lectureCount: 1 });
    }
    for (const who of [parent, lecturer, otherCounty, undefined]) {
      const seen = (await gql(ONE, { id: venue.id }, who)).data.venue;
      expect(seen).toMatchObject({ name: venue.name, contactName: null, contactPhone: null, lectureCount: null });
      const listed = (await gql(LIST, { countyCode: COUNTY }, who)).data.venues.find((v: { id: string }) => v.id === venue.id);
      expect(listed).toMatchObject({ contactName: null, contactPhone: null, lectureCount: null });
    }
    // Also where a parent meets the venue: on a lecture.
    expect((await gql(LECTURE, { id: lectureId }, parent)).data.lecture.venue).toMatchObject({ id: venue.id, contactPhone: null });
    expect((await gql(LECTURE, { id: lectureId }, county)).data.lecture.venue).toMatchObject({ id: venue.id, contactPhone: '13859912345' });
  });

  it('counts the lectures of a whole list in one grouped query, however many venues', async () => {
    const hub = await create({ countyCode: '350783' }, city);
    await insertLecture({ venueId: new Types.ObjectId(hub.id), countyCode: '350783' });
    await insertLecture({ venueId: new Types.ObjectId(hub.id), countyCode: '350783', status: 'CANCELLED' });
    const list = () => gql(LIST, { includeRetired: true }, city);
    const few = await server.countRoundTrips(list);
    for (let i = 0; i < 4; i++) await create({ countyCode: '350783' }, city);
    let body: GraphQLResponse | undefined;
    const many = await server.countRoundTrips(async () => (body = await list()));
    expect(many).toBe(few);
    expect(body!.data.venues.find((v: { id: string }) => v.id === hub.id).lectureCount).toBe(2);
    expect(body!.data.venues.filter((v: { county: { code: string } }) => v.county.code === '350783')).toHaveLength(5);
  });
});

describe('listing venues', () => {
  it('filters by practice base, county and type, keeping the lecturer form’s behaviour', async () => {
    const base = await create({ countyCode: '350725', type: 'SCHOOL' }, city);
    const plain = await create({ countyCode: '350725', type: 'SCHOOL', isPracticeBase: false, practiceBaseYear: null }, city);
    const ids = async (vars: Record<string, unknown>) => (await gql(LIST, vars)).data.venues.map((v: { id: string }) => v.id);
    expect(await ids({ countyCode: '350725' })).toEqual(expect.arrayContaining([base.id, plain.id]));
    expect(await ids({ countyCode: '350725', practiceBase: true })).toEqual([base.id]);
    expect(await ids({ countyCode: '350725', practiceBase: false })).toEqual([plain.id]);
    expect(await ids({ countyCode: '350725', type: 'VILLAGE' })).toEqual([]);
  });

  it('answers null for a venue that is not there and BAD_USER_INPUT for a malformed id', async () => {
    expect((await gql(ONE, { id: new Types.ObjectId().toHexString() })).data.venue).toBeNull();
    expectError(await gql(ONE, { id: 'nope' }), 'BAD_USER_INPUT', 'id');
  });
});

describe('updating a venue', () => {
  it('replaces the fields, clears what was left out, and records who changed it', async () => {
    const venue = await create();
    const result = await gql(
      UPDATE,
      { id: venue.id, input: venueInput({ name: ' 宝山村新家长学校 ', type: 'COMMUNITY', township: null, latitude: null, longitude: null, contactName: null, isPracticeBase: false, practiceBaseYear: null }) },
      city,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateVenue).toMatchObject({ name: '宝山村新家长学校', type: 'COMMUNITY', township: null, location: null, contactName: null, contactPhone: '13859912345', isPracticeBase: false, practiceBaseYear: null });
    const doc = await venueDoc(venue.id);
    expect(doc!.updatedBy).toEqual(new Types.ObjectId(city.userId));
    expect(doc!.createdBy).toEqual(new Types.ObjectId(county.userId));
    expect(doc!.updatedAt.getTime()).toBeGreaterThan(doc!.createdAt.getTime() - 1);
    expect(doc).not.toHaveProperty('township');
  });

  it('refuses bad input and out-of-scope organizers, changing nothing', async () => {
    const venue = await create();
    const before = await dump('venues');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput({ name: '' }) }, county), 'BAD_USER_INPUT', 'input.name');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput({ countyCode: '350700' }) }, city), 'BAD_USER_INPUT', 'input.countyCode');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput() }, otherCounty), 'FORBIDDEN');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput({ countyCode: OTHER_COUNTY }) }, county), 'FORBIDDEN');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput() }, parent), 'FORBIDDEN');
    expectError(await gql(UPDATE, { id: new Types.ObjectId().toHexString(), input: venueInput() }, county), 'NOT_FOUND');
    expectError(await gql(UPDATE, { id: 'x', input: venueInput() }, county), 'BAD_USER_INPUT', 'id');
    expect(await dump('venues')).toBe(before);
  });

  it('keeps type and county once a lecture was proposed there, but lets the rest change', async () => {
    const venue = await create();
    await insertLecture({ venueId: new Types.ObjectId(venue.id), countyCode: COUNTY, venueType: 'VILLAGE', status: 'PROPOSED' });
    const before = await dump('venues');
    const lecturesBefore = await dump('lectures');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput({ type: 'SCHOOL' }) }, county), 'CONFLICT', 'input.type');
    expectError(await gql(UPDATE, { id: venue.id, input: venueInput({ countyCode: OTHER_COUNTY }) }, city), 'CONFLICT', 'input.countyCode');
    expect(await dump('venues')).toBe(before);
    expect(await dump('lectures')).toBe(lecturesBefore);

    const renamed = await gql(UPDATE, { id: venue.id, input: venueInput({ name: '宝山村家长学校（新址）', address: '宝山村文化广场旁' }) }, county);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateVenue).toMatchObject({ name: '宝山村家长学校（新址）', type: 'VILLAGE', lectureCount: 1 });
  });
});

describe('deleting a venue', () => {
  it('deletes one no lecture ever used', async () => {
    const venue = await create();
    const result = await gql(DELETE, { id: venue.id }, county);
    expect(result.data.deleteVenue).toBe(venue.id);
    expect(await venueDoc(venue.id)).toBeNull();
    expect((await gql(ONE, { id: venue.id })).data.venue).toBeNull();
  });

  it('refuses one with lectures, even cancelled ones: retire it instead', async () => {
    const venue = await create();
    await insertLecture({ venueId: new Types.ObjectId(venue.id), countyCode: COUNTY, status: 'CANCELLED' });
    const before = await dump('venues');
    const result = await gql(DELETE, { id: venue.id }, county);
    expectError(result, 'CONFLICT');
    expect(result.errors![0].message).toMatch(/retire it instead/);
    expect(await dump('venues')).toBe(before);
  });

  it('lets only organizers of its county delete it', async () => {
    const venue = await create();
    const before = await dump('venues');
    for (const who of [otherCounty, parent, lecturer]) expectError(await gql(DELETE, { id: venue.id }, who), 'FORBIDDEN');
    expectError(await gql(DELETE, { id: venue.id }), 'UNAUTHENTICATED');
    expectError(await gql(DELETE, { id: new Types.ObjectId().toHexString() }, county), 'NOT_FOUND');
    expect(await dump('venues')).toBe(before);
  });

  it('never leaves a lecture pointing at a deleted venue when a proposal races the delete', async () => {
    for (let round = 0; round < 6; round++) {
      const venue = await create();
      const [deleted, proposed] = await Promise.all([
        gql(DELETE, { id: venue.id }, county),
        gql(PROPOSE, { input: lectureProposal(venue.id, (10 + round) * DAY) }, lecturer),
      ]);
      const venueLeft = await venueDoc(venue.id);
      const lectures = await db().collection('lectures').countDocuments({ venueId: new Types.ObjectId(venue.id) });
      // Either the venue is gone and no lecture names it, or it stayed (the delete backed off).
      if (!venueLeft) expect(lectures).toBe(0);
      if (deleted.data?.deleteVenue) expect(lectures).toBe(0);
      if (proposed.data?.proposeLecture) expect(venueLeft).not.toBeNull();
      expect(lectures).toBe(proposed.data?.proposeLecture ? 1 : 0);
    }
  });

  it('leaves a lecture’s copied type and county equal to its venue’s when a proposal races a change of type', async () => {
    for (let round = 0; round < 6; round++) {
      const venue = await create();
      await Promise.all([
        gql(UPDATE, { id: venue.id, input: venueInput({ type: 'ENTERPRISE', countyCode: '350722' }) }, city),
        gql(PROPOSE, { input: lectureProposal(venue.id, (20 + round) * DAY) }, lecturer),
      ]);
      const now = await venueDoc(venue.id);
      const lectures = await db().collection('lectures').find({ venueId: new Types.ObjectId(venue.id) }).toArray();
      for (const lecture of lectures) expect([lecture.venueType, lecture.countyCode]).toEqual([now!.type, now!.countyCode]);
    }
  });
});

describe('retiring a venue', () => {
  it('hides it from the proposal form and refuses new proposals, while its lectures stay', async () => {
    const venue = await create();
    const held = await insertLecture({ venueId: new Types.ObjectId(venue.id), countyCode: COUNTY, startsAt: new Date(Date.now() - 30 * DAY), endsAt: new Date(Date.now() - 30 * DAY + 3600_000) });

    const retired = await gql(RETIRE, { id: venue.id }, county);
    expect(retired.errors).toBeUndefined();
    expect(retired.data.retireVenue).toMatchObject({ retired: true, lectureCount: 1 });
    expect(await venueDoc(venue.id)).toMatchObject({ retired: true, retiredAt: expect.any(Date), retiredBy: new Types.ObjectId(county.userId) });

    const listed = async (vars: Record<string, unknown>, who?: SignedIn) =>
      (await gql(LIST, { countyCode: COUNTY, ...vars }, who)).data.venues.some((v: { id: string }) => v.id === venue.id);
    expect(await listed({}, lecturer)).toBe(false);
    expect(await listed({}, county)).toBe(false);
    expect(await listed({ includeRetired: true }, county)).toBe(true);
    expect(await listed({ includeRetired: true }, otherCounty)).toBe(true);
    // Only organizers may ask for retired venues; anyone else still gets the proposal form's list.
    expect(await listed({ includeRetired: true }, lecturer)).toBe(false);
    expect(await listed({ includeRetired: true }, parent)).toBe(false);
    expect(await listed({ includeRetired: true })).toBe(false);

    const lecturesBefore = await dump('lectures');
    const refused = await gql(PROPOSE, { input: lectureProposal(venue.id, 5 * DAY) }, lecturer);
    expectError(refused, 'BAD_USER_INPUT', 'input.venueId');
    expect(refused.errors![0].extensions!.fields[0].messages).toContain('该场地已停用');
    expect(await dump('lectures')).toBe(lecturesBefore);

    // The past lecture still shows its venue, marked retired.
    expect((await gql(LECTURE, { id: held }, parent)).data.lecture.venue).toMatchObject({ id: venue.id, retired: true });
    expect((await gql(ONE, { id: venue.id }, parent)).data.venue.retired).toBe(true);
  });

  it('restores it, after which it takes proposals again', async () => {
    const venue = await create();
    await gql(RETIRE, { id: venue.id }, county);
    expect((await gql(RETIRE, { id: venue.id }, county)).data.retireVenue.retired).toBe(true);
    const restored = await gql(RESTORE, { id: venue.id }, city);
    expect(restored.data.restoreVenue.retired).toBe(false);
    const doc = await venueDoc(venue.id);
    expect(doc).toMatchObject({ retired: false, updatedBy: new Types.ObjectId(city.userId) });
    expect(doc).not.toHaveProperty('retiredAt');
    const proposed = await gql(PROPOSE, { input: lectureProposal(venue.id, 6 * DAY) }, lecturer);
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposeLecture).toMatchObject({ status: 'PROPOSED', venue: { id: venue.id } });
  });

  it('lets only organizers of its county retire or restore it', async () => {
    const venue = await create();
    const before = await dump('venues');
    for (const mutation of [RETIRE, RESTORE]) {
      for (const who of [otherCounty, parent, lecturer]) expectError(await gql(mutation, { id: venue.id }, who), 'FORBIDDEN');
      expectError(await gql(mutation, { id: venue.id }), 'UNAUTHENTICATED');
      expectError(await gql(mutation, { id: new Types.ObjectId().toHexString() }, city), 'NOT_FOUND');
    }
    expect(await dump('venues')).toBe(before);
  });

  it('lets a lecturer still edit a proposal at a venue retired since, but not move one there', async () => {
    const open = await create();
    const closing = await create();
    const proposal = (await gql(PROPOSE, { input: lectureProposal(closing.id, 8 * DAY) }, lecturer)).data.proposeLecture;
    const other = (await gql(PROPOSE, { input: lectureProposal(open.id, 9 * DAY) }, lecturer)).data.proposeLecture;
    await gql(RETIRE, { id: closing.id }, county);
    const UPDATE_LECTURE = `mutation($id: ID!, $input: LectureUpdateInput!) { updateLecture(id: $id, input: $input) { title } }`;
    const kept = await gql(UPDATE_LECTURE, { id: proposal.id, input: { title: '改过的标题', venueId: closing.id } }, lecturer);
    expect(kept.errors).toBeUndefined();
    expectError(await gql(UPDATE_LECTURE, { id: other.id, input: { venueId: closing.id } }, lecturer), 'BAD_USER_INPUT', 'input.venueId');
  });
});
