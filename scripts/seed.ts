/** `npm run seed`: adds the demo world to the database in MONGODB_URI; never duplicates. */
import { connectDatabase, disconnectDatabase } from '../server/src/db';
import { seedDemoWorld } from '../server/src/seed/seed';
import { say } from './lib/run';

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('set MONGODB_URI (npm start seeds the embedded database by itself)');
  await connectDatabase(uri);
  const report = await seedDemoWorld();
  say(`Demo world: ${report.lectures} lectures, ${report.courses} courses, ${report.venues} venues, ${report.lecturers} lecturers; ${report.inserted} documents added`);
  await disconnectDatabase();
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
