/**
 * What every section of `npm run bench` gets and gives back. The orchestrator (scripts/bench.ts)
 * starts the engine and the compiled server once, runs the sections one after another (never two at
 * once: they would measure each other), prints each table and writes them all to BENCHMARKS.md.
 */
export type Role = 'PARENT' | 'LECTURER' | 'ORGANIZER' | 'ADMIN';

export interface BenchContext {
  /** GraphQL endpoint of the compiled server (a child process) on the seeded demo world. */
  graphqlUrl: string;
  /** Base URL of that server (the H5 app is served at `/`). */
  serverUrl: string;
  /** The database the server above uses (already seeded with the demo world). */
  mongodbUri: string;
  /** A URI for another, empty database on the same engine, for sections that need their own data. */
  uriFor(dbName: string): string;
  /** Repetitions for medians (BENCH_ROUNDS, default 40; fewer with BENCH_QUICK=1). */
  rounds: number;
  /** BENCH_QUICK=1: shorter runs, for trying the bench out; figures are then rougher. */
  quick: boolean;
  /** POST a GraphQL request to the server above; throws on `errors`. */
  post(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  /** A development sign-in on the server above; returns the bearer token. */
  signIn(openId: string, role?: Role): Promise<string>;
  /**
   * Another server process on an empty database of its own (no demo world, no counties), for a
   * section whose data must not mix with the demo world's; its context points at that server.
   */
  startServerOnEmptyDatabase(dbName: string): Promise<{ context: BenchContext; stop(): Promise<void> }>;
}

export type Cell = string | number;

export interface BenchSection {
  title: string;
  /** One or two sentences: what is measured, how, and the budget or goal if any. */
  description: string;
  columns: string[];
  rows: Cell[][];
  /** Remarks printed under the table (e.g. a goal met or missed, with the figure). */
  notes?: string[];
}
