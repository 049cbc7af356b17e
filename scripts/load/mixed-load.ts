/**
 * A mixed, stateful load on a running server, from a process of its own:
 *   npx tsx scripts/load/mixed-load.ts --plan plan.json --out report.json
 *
 * Households browse the lecture list, open a lecture, book it (a fresh idempotency key per tap) and
 * cancel; lecturers check households in at the door. Each household remembers what it booked, so
 * the next step depends on the last answer: autocannon replays fixed requests and cannot follow a
 * booking id from one answer into the next request, hence this small generator on Node's fetch
 * (undici, keep-alive) instead.
 *
 * The report: per kind of request the count, errors (by code), 5xx and latency p50/p95/p99; every
 * acknowledged booking and cancellation (for the caller to check against the database); and, when
 * the plan names the server's pid, its RSS from /proc/<pid>/status once a second.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export interface LoadPlan {
  url: string;
  /** The server process, for RSS sampling (Linux). */
  serverPid?: number;
  seconds: number;
  households: Array<{ token: string; userId: string }>;
  /** Lectures households book and cancel (a week away, so cancelling is allowed). */
  bookableLectureIds: string[];
  /** A lecturer at the door of a lecture starting soon, and the bookings made for it beforehand. */
  doors: Array<{ token: string; lectureId: string; bookingIds: string[] }>;
  /** Pause between one household's requests, to look like people rather than a tight loop. */
  thinkMs?: [number, number];
}

export type Kind = 'browse' | 'detail' | 'book' | 'cancel' | 'checkIn';

export interface KindFigures {
  requests: number;
  errors: number;
  errorCodes: Record<string, number>;
  http5xx: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadReport {
  seconds: number;
  households: number;
  doors: number;
  totals: { requests: number; errors: number; http5xx: number; requestsPerSecond: number };
  kinds: Record<Kind, KindFigures>;
  /** Bookings the server acknowledged, with the answer's status, and those it acknowledged cancelling. */
  acknowledgedBookings: Array<{ id: string; userId: string; lectureId: string; status: string }>;
  acknowledgedCancellations: string[];
  /** Cancellations asked for but answered with an error: either outcome is then a right one. */
  unansweredCancellations: string[];
  /** The first few error messages of each kind and code, to tell a bug from a refusal. */
  errorSamples: Record<string, string[]>;
  /** Seconds since the start and the server's resident memory in kB. */
  rss: Array<{ second: number; rssKb: number }>;
}

const BROWSE = `query { lectures(first: 20) { totalCount edges { node { id title startsAt seatsLeft capacity } } } }`;
const DETAIL = `query($id: ID!) { lecture(id: $id) { id title summary startsAt endsAt capacity seatsLeft maxPartySize myBooking { id status } } }`;
const BOOK = `mutation($input: BookLectureInput!) { bookLecture(input: $input) { id status seatNumbers waitlistPosition } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status } }`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { outcome message bookingId } }`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function readRssKb(pid: number): number | null {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const latencies: Record<Kind, number[]> = { browse: [], detail: [], book: [], cancel: [], checkIn: [] };
  const errorCodes: Record<Kind, Record<string, number>> = { browse: {}, detail: {}, book: {}, cancel: {}, checkIn: {} };
  const http5xx: Record<Kind, number> = { browse: 0, detail: 0, book: 0, cancel: 0, checkIn: 0 };
  const acknowledgedBookings: LoadReport['acknowledgedBookings'] = [];
  const acknowledgedCancellations: string[] = [];
  const unansweredCancellations: string[] = [];
  const errorSamples: Record<string, string[]> = {};
  const [thinkMin, thinkMax] = plan.thinkMs ?? [20, 120];
  const started = Date.now();
  const deadline = started + plan.seconds * 1000;

  /** One request; resolves with its data, or with its first error after counting it. */
  async function call(kind: Kind, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: any; error: { code: string; extensions?: any } | null }> {
    const t0 = performance.now();
    let code: string | null = null;
    let data: any = null;
    let extensions: any;
    let message = '';
    try {
      const response = await fetch(`${plan.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      if (response.status >= 500) http5xx[kind]++;
      const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      if (body.errors?.length) {
        code = body.errors[0].extensions?.code ?? `HTTP_${response.status}`;
        // "Try again in a moment" (engine busy or away) is told apart from a failure.
        if ((body.errors[0].extensions as { retryable?: boolean } | undefined)?.retryable) code += ' (retryable)';
        extensions = body.errors[0].extensions;
        message = body.errors[0].message;
      } else if (response.status !== 200) code = `HTTP_${response.status}`;
      else data = body.data;
    } catch (error) {
      code = 'NETWORK';
      message = (error as Error).message;
    }
    latencies[kind].push(performance.now() - t0);
    if (!code) return { data, error: null };
    errorCodes[kind][code] = (errorCodes[kind][code] ?? 0) + 1;
    const samples = (errorSamples[`${kind} ${code}`] ??= []);
    if (samples.length < 3) samples.push(message);
    return { data: null, error: { code, extensions } };
  }

  const think = () => new Promise((resolve) => setTimeout(resolve, thinkMin + crypto.randomInt(thinkMax - thinkMin + 1)));
  const pick = <T>(items: T[]): T => items[crypto.randomInt(items.length)];

  async function household(h: LoadPlan['households'][number]): Promise<void> {
    let booking: { id: string; lectureId: string } | null = null;
    while (Date.now() < deadline) {
      const roll = crypto.randomInt(100);
      if (roll < 40) await call('browse', BROWSE, {}, h.token);
      else if (roll < 70) await call('detail', DETAIL, { id: booking?.lectureId ?? pick(plan.bookableLectureIds) }, h.token);
      else if (!booking) {
        const lectureId = pick(plan.bookableLectureIds);
        const { data, error } = await call('book', BOOK, { input: { lectureId, partySize: 1, idempotencyKey: crypto.randomUUID() } }, h.token);
        if (data) {
          booking = { id: data.bookLecture.id, lectureId };
          acknowledgedBookings.push({ id: data.bookLecture.id, userId: h.userId, lectureId, status: data.bookLecture.status });
        } else if (error?.code === 'CONFLICT' && error.extensions?.bookingId) {
          booking = { id: error.extensions.bookingId, lectureId }; // as the app does: show the booking it already has
        }
      } else {
        const { data, error } = await call('cancel', CANCEL, { id: booking.id }, h.token);
        if (data) acknowledgedCancellations.push(booking.id);
        else unansweredCancellations.push(booking.id);
        // After a refusal (e.g. already cancelled) the app reloads; here the household starts afresh.
        if (data || error?.code === 'CONFLICT') booking = null;
      }
      await think();
    }
  }

  async function door(d: LoadPlan['doors'][number]): Promise<void> {
    for (let i = 0; Date.now() < deadline; i++) {
      // Round after round through the roster: the first scan checks in, later ones are repeats.
      await call('checkIn', CHECK_IN, { input: { lectureId: d.lectureId, bookingId: d.bookingIds[i % d.bookingIds.length] } }, d.token);
      await think();
    }
  }

  const rss: LoadReport['rss'] = [];
  const sampler = plan.serverPid
    ? setInterval(() => {
        const rssKb = readRssKb(plan.serverPid!);
        if (rssKb !== null) rss.push({ second: Math.round((Date.now() - started) / 1000), rssKb });
      }, 1000)
    : undefined;
  try {
    await Promise.all([...plan.households.map(household), ...plan.doors.map(door)]);
  } finally {
    if (sampler) clearInterval(sampler);
  }

  const elapsedSeconds = (Date.now() - started) / 1000;
  const kinds = {} as Record<Kind, KindFigures>;
  for (const kind of Object.keys(latencies) as Kind[]) {
    const sorted = [...latencies[kind]].sort((a, b) => a - b);
    kinds[kind] = {
      requests: sorted.length,
      errors: Object.values(errorCodes[kind]).reduce((a, b) => a + b, 0),
      errorCodes: errorCodes[kind],
      http5xx: http5xx[kind],
      p50Ms: Math.round(percentile(sorted, 50)),
      p95Ms: Math.round(percentile(sorted, 95)),
      p99Ms: Math.round(percentile(sorted, 99)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
    };
  }
  const requests = Object.values(kinds).reduce((sum, k) => sum + k.requests, 0);
  return {
    seconds: Math.round(elapsedSeconds),
    households: plan.households.length,
    doors: plan.doors.length,
    totals: {
      requests,
      errors: Object.values(kinds).reduce((sum, k) => sum + k.errors, 0),
      http5xx: Object.values(kinds).reduce((sum, k) => sum + k.http5xx, 0),
      requestsPerSecond: Math.round(requests / elapsedSeconds),
    },
    kinds,
    acknowledgedBookings,
    acknowledgedCancellations,
    unansweredCancellations,
    errorSamples,
    rss,
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const planFile = argument('plan');
  const outFile = argument('out');
  if (!planFile) {
    console.error('usage: tsx scripts/load/mixed-load.ts --plan plan.json [--out report.json]');
    process.exit(2);
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as LoadPlan;
  runLoad(plan)
    .then((report) => {
      const text = JSON.stringify(report);
      if (outFile) fs.writeFileSync(outFile, text);
      else process.stdout.write(`${text}\n`);
    })
    .catch((error: Error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    });
}
