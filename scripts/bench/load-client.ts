/**
 * One autocannon run, in a process of its own so the load generator's CPU is not the measuring
 * process's (throughput.ts spawns it):
 *   node --import tsx scripts/bench/load-client.ts '<LoadSpec as JSON>'
 * prints the LoadFigures as one JSON line on stdout.
 *
 * autocannon decodes each body chunk on its own, so a multibyte character split between two
 * chunks comes out mangled and its `expectBody` misfires on Chinese text. Each answer is checked
 * instead for the start the verified answer has (`data` first, same `totalCount`) and for the
 * absence of GraphQL `errors`.
 */

/** What to load and how; exactly one of `seconds` and `amount`. */
export interface LoadSpec {
  url: string;
  token: string;
  body: string;
  /** The first characters every right answer has. */
  expectedPrefix: string;
  connections: number;
  seconds?: number;
  /** Requests to complete, however long it takes: for a server too slow to answer within `seconds`. */
  amount?: number;
  /** Requests per second offered over all connections (latencies corrected for coordinated omission). */
  overallRate?: number;
  timeoutSeconds: number;
}

/** What one run saw; latencies in ms (autocannon's histogram keeps whole milliseconds), of 2xx answers. */
export interface LoadFigures {
  seconds: number;
  /** Requests written, answered or not. */
  sent: number;
  /** Answers of any status that arrived within the run. */
  completed: number;
  /** completed / seconds. */
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers that were not the lecture list (e.g. GraphQL `errors`). */
  wrongBodies: number;
}

/** The part of autocannon's (untyped) API used here. */
type Autocannon = (options: Record<string, unknown>) => Promise<{
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  latency: { p50: number; p99: number; p99_9: number };
  requests: { total: number; sent: number };
}>;

export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const autocannon = require('autocannon') as Autocannon;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
    body: spec.body,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds }),
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    timeout: spec.timeoutSeconds,
    verifyBody: (body: string) => body.startsWith(spec.expectedPrefix) && !body.includes('"errors":'),
  });
  return {
    seconds: result.duration,
    sent: result.requests.sent,
    completed: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    wrongBodies: result.mismatches,
  };
}

if (require.main === module) {
  runLoad(JSON.parse(process.argv[2]) as LoadSpec)
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      console.error(`load-client: ${error.message}`);
      process.exit(1);
    });
}
