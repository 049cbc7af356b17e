/** Reference data and probes for the venue and target tests of issue 5. */
import mongoose from 'mongoose';
import { COUNTIES } from '../../server/src/modules/county/counties';

/** The ten counties of Nanping, as the seed writes them (a test without the seeded world needs them). */
export async function insertCounties(): Promise<void> {
  const counties = mongoose.connection.db!.collection<{ _id: string; name: string; sortOrder: number }>('counties');
  if ((await counties.countDocuments()) > 0) return;
  await counties.insertMany(COUNTIES.map((c) => ({ _id: c.code, name: c.name, sortOrder: c.sortOrder })));
}

/** Every document of a collection in _id order, as text: equal before and after means nothing changed. */
export async function dump(collection: string): Promise<string> {
  return JSON.stringify(await mongoose.connection.db!.collection(collection).find().sort({ _id: 1 }).toArray());
}

/** This year in Beijing, whatever zone the tests run in. */
export const beijingYearNow = () => new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
