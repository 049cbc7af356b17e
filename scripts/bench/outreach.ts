/**
 * The five-venue dashboard's report on the seeded year, then on 10 times its history (generated in
 * its own process by scripts/generate-outreach.ts, as a person would run it). Run it last: it adds
 * data every later section would see.
 */
import { run, say } from '../lib/run';
import { median } from './stats';
import type { BenchContext, BenchSection } from './types';

// The dashboard's query: every figure of the year, by venue type, county and month.
const FIGURES = 'lecturesHeld seatsBooked peopleCheckedIn walkInPeople householdsReached averageRating lectureTarget lectureProgress';
const REPORT = `query($year: Int!, $countyCode: ID) { outreachReport(year: $year, countyCode: $countyCode) {
  totals { ${FIGURES} } byVenueType { venueType figures { ${FIGURES} } }
  byCounty { county { name } figures { ${FIGURES} } } byMonth { month figures { ${FIGURES} } } } }`;
const UPCOMING = `query($from: DateTimeISO) { lectures(first: 50, filter: { from: $from }) { edges { node { id seatsLeft } } } }`;
const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id status } }`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Medians with nothing pending, for one county, and with one change pending (a household just
 * booked, so the report first recounts from the raw records).
 */
async function measure(ctx: BenchContext, label: string, rounds: number): Promise<Record<string, number>> {
  const token = await ctx.signIn(`bench-city-organizer-${label}`, 'ORGANIZER');
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
  const upcoming = (await ctx.post(UPCOMING, { from: new Date().toISOString() })).lectures.edges
    .map((edge: { node: { id: string; seatsLeft: number } }) => edge.node)
    .filter((lecture: { seatsLeft: number }) => lecture.seatsLeft > 0);
  const report = (countyCode: string | null) => ctx.post(REPORT, { year, countyCode }, token);
  await report(null); // warm-up, and drains whatever the seeding left pending
  const samples: Record<string, number[]> = { 'the city': [], 'one county (延平区)': [], 'the city, one booking pending': [] };
  for (let round = 0; round < rounds; round++) {
    samples['the city'].push(await timed(() => report(null)));
    samples['one county (延平区)'].push(await timed(() => report('350702')));
    const lecture = upcoming[round % upcoming.length];
    const parent = await ctx.signIn(`bench-${label}-parent-${round}`, 'PARENT');
    await ctx.post(BOOK, { input: { lectureId: lecture.id, partySize: 1, idempotencyKey: `bench-${label}-${round}-${Date.now()}` } }, parent);
    samples['the city, one booking pending'].push(await timed(() => report(null)));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

export async function benchOutreach(ctx: BenchContext): Promise<BenchSection> {
  const rounds = ctx.quick ? 5 : Math.max(5, Math.round(ctx.rounds / 4));
  const factor = Number(process.env.BENCH_OUTREACH_FACTOR || 10);
  const seeded = await measure(ctx, 'seeded', rounds);
  say(`Generating ${factor}× the demo history for the outreach report (takes a minute or two)…`);
  await run('npx', ['tsx', 'scripts/generate-outreach.ts', '--factor', String(factor), '--uri', ctx.mongodbUri]);
  const scaled = await measure(ctx, `x${factor}`, rounds);
  return {
    title: 'Outreach report (五进 dashboard)',
    description: `outreachReport for this year as the dashboard asks for it: median of ${rounds} requests each, on the seeded demo world and on ${factor}× its history.`,
    columns: ['request', 'seeded (ms)', `×${factor} history (ms)`, 'ratio'],
    rows: Object.keys(seeded).map((name) => [name, seeded[name].toFixed(1), scaled[name].toFixed(1), (scaled[name] / seeded[name]).toFixed(2)]),
  };
}
