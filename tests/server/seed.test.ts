import mongoose from 'mongoose';
import { seedDemoWorld, seedIfEmpty } from '../../server/src/seed/seed';
import { startTestServer, type TestServer } from '../helpers/server';

describe('the demo world', () => {
  let server: TestServer;
  const now = new Date();
  beforeAll(async () => {
    server = await startTestServer({ label: 'seed', now });
  });
  afterAll(() => server.close());

  const count = (collection: string, filter = {}) => mongoose.connection.db!.collection(collection).countDocuments(filter);

  it('holds the report’s world: 10 counties, 20 practice bases among the venues, lectures since 2021', async () => {
    expect(await count('counties')).toBe(10);
    expect(await count('venues', { isPracticeBase: true })).toBe(20);
    expect(await count('venues')).toBeGreaterThanOrEqual(50);
    expect(await count('lecturers')).toBeGreaterThanOrEqual(25);
    expect(await count('lectures')).toBeGreaterThanOrEqual(150);
    expect(await count('lectures', { startsAt: { $lt: new Date('2021-01-01T00:00:00+08:00') } })).toBe(0);
    expect(await count('lectures', { startsAt: { $gt: now } })).toBeGreaterThan(20);
    for (const venueType of ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'GOVERNMENT', 'ENTERPRISE']) {
      expect(await count('lectures', { venueType, startsAt: { $gt: now } })).toBeGreaterThan(0);
    }
  });

  it('never duplicates when seeded again, even on a later day', async () => {
    const before = { venues: await count('venues'), lectures: await count('lectures'), lecturers: await count('lecturers') };
    const again = await seedDemoWorld(new Date(now.getTime() + 3 * 24 * 3600 * 1000));
    expect(again.inserted).toBe(0);
    expect(await seedIfEmpty()).toBeNull();
    expect({ venues: await count('venues'), lectures: await count('lectures'), lecturers: await count('lecturers') }).toEqual(before);
  });
});
