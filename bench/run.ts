/**
 * Accord's benchmarks: `npm run bench` (options after `--`).
 *
 *   --only append,verify,startup   run some of them (also proofs, decisions-stances,
 *                                  decisions-deadlines, decisions-live, decisions-pages,
 *                                  clearances-visible, clearances-throughput, clearances-exercise,
 *                                  monitoring-reports, alerts-live)
 *   --quick                        a quarter of the work, for a smoke run
 *   --full                         the full sizes where a bench scales them down by default
 *                                  (decisions-deadlines: 100,000 procedures over an hour)
 *   --pglite                       PGlite in memory even where a PostgreSQL server could be used
 *
 * Sizes of the record benchmarks (before --quick): BENCH_VERIFY_ENTRIES (verify, default
 * 50,000 entries), BENCH_PROOF_LEAVES (proofs, default the 1,000,000),
 * BENCH_REPORTS (monitoring-reports, default the 1,000,000 reports).
 *
 * Each figure is printed beside a limit measured in the same run, as a ratio; nothing
 * asserts a time. PostgreSQL comes from BENCH_DATABASE_URL or DATABASE_URL (a fresh
 * database is made on that server for each benchmark and dropped after), else a
 * throwaway local server is started, else PGlite is used and the report says so.
 */
import { parseArgs } from 'node:util';
import { assemblePlatform } from '../src/platform.ts';
import { benchAlertsLive } from './alerts-live.ts';
import { benchAppend } from './append.ts';
import { benchClearancesExercise } from './clearances-exercise.ts';
import { benchClearancesThroughput } from './clearances-throughput.ts';
import { benchClearancesVisible } from './clearances-visible.ts';
import { benchDecisionDeadlines } from './decisions-deadlines.ts';
import { benchDecisionLive } from './decisions-live.ts';
import { benchDecisionPages } from './decisions-pages.ts';
import { benchDecisionStances } from './decisions-stances.ts';
import { benchMonitoringReports } from './monitoring-reports.ts';
import { benchProofs } from './proofs.ts';
import { type BenchRow, printTable } from './report.ts';
import { benchStartup } from './startup.ts';
import { openTarget } from './target.ts';
import { benchVerify } from './verify.ts';

assemblePlatform();

const BENCHMARKS = [
  'append',
  'verify',
  'proofs',
  'startup',
  'decisions-stances',
  'decisions-deadlines',
  'decisions-live',
  'decisions-pages',
  'clearances-visible',
  'clearances-throughput',
  'clearances-exercise',
  'monitoring-reports',
  'alerts-live',
] as const;
type BenchName = (typeof BENCHMARKS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
const only = new Set((values.only?.split(',') ?? BENCHMARKS).map((name) => name.trim()));
for (const name of only) {
  if (!BENCHMARKS.includes(name as BenchName)) {
    console.error(`bench: unknown benchmark ${name} (known: ${BENCHMARKS.join(', ')})`);
    process.exit(2);
  }
}
const scale = values.quick ? 0.25 : 1;

/** A size from the environment (a whole number, at least 2), else the default. */
function sizeFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (!text) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 2) {
    console.error(`bench: ${name} must be a whole number of at least 2 (${text})`);
    process.exit(2);
  }
  return value;
}
const size = values.full ? "--full: the issue's size" : values.quick ? '--quick' : 'default; --full for all';

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const target = await openTarget(log, { pglite: values.pglite });
const stopTarget = () => {
  target.close();
  process.exit(130);
};
process.once('SIGINT', stopTarget);
process.once('SIGTERM', stopTarget);
log(`database: ${target.source}`);

const rows: BenchRow[] = [];
let failed = false;
const run = async (name: BenchName, fn: () => Promise<BenchRow[]>) => {
  if (!only.has(name)) return;
  try {
    rows.push(...(await fn()));
  } catch (err) {
    failed = true;
    console.error(`bench ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
};

try {
  await run('append', () =>
    benchAppend(
      target,
      { clients: [8, 32], count: Math.round(2000 * scale), rounds: 3, maxMs: 5000 * scale },
      log,
    ),
  );
  await run('verify', () =>
    benchVerify(
      target,
      {
        entries: Math.round(sizeFromEnv('BENCH_VERIFY_ENTRIES', 50_000) * scale),
        checkpointEvery: 10_000,
        rounds: 5,
      },
      log,
    ),
  );
  await run('proofs', () =>
    benchProofs(
      target,
      { leaves: Math.round(sizeFromEnv('BENCH_PROOF_LEAVES', 1_000_000) * scale), samples: 201 },
      log,
    ),
  );
  await run('startup', () => benchStartup(target, log));
  await run('decisions-stances', () =>
    benchDecisionStances(
      target,
      {
        clients: 8,
        procedures: Math.round(200 * scale),
        points: 3,
        count: Math.round(2000 * scale),
        rounds: 3,
        maxMs: 3000 * scale,
      },
      log,
    ),
  );
  await run('decisions-deadlines', () =>
    benchDecisionDeadlines(
      target,
      // The rate (100,000 expiries an hour) throughout; by default a bounded slice of it.
      values.full
        ? {
            procedures: 100_000,
            perHour: 100_000,
            observeMs: 3_600_000,
            brokenShare: 0.1,
            backlog: 5000,
            size,
          }
        : {
            procedures: Math.round(10_000 * scale),
            perHour: 100_000,
            observeMs: 60_000 * scale,
            brokenShare: 0.1,
            backlog: Math.round(500 * scale),
            size,
          },
      log,
    ),
  );
  await run('decisions-live', () =>
    benchDecisionLive(target, { clients: Math.round(1000 * scale), stances: 10, timeoutMs: 10_000 }, log),
  );
  await run('decisions-pages', () =>
    benchDecisionPages(target, { proposals: Math.round(10_000 * scale), points: 15, requests: 50 }, log),
  );
  await run('clearances-visible', () =>
    benchClearancesVisible(target, { requests: Math.round(200 * scale) }, log),
  );
  await run('clearances-throughput', () =>
    benchClearancesThroughput(
      target,
      {
        requests: values.quick ? 40 : 1000,
        size: values.quick ? "--quick: 40 requests, not the issue's 1,000" : "the issue's 1,000",
      },
      log,
    ),
  );
  await run('clearances-exercise', () =>
    // --quick leaves out the run with a silent state: its window alone is 36 s.
    benchClearancesExercise(target, { runs: values.quick ? 2 : 5, silent: !values.quick }, log),
  );
  await run('monitoring-reports', () =>
    benchMonitoringReports(
      target,
      {
        reports: Math.round(sizeFromEnv('BENCH_REPORTS', 1_000_000) * scale),
        samples: 41,
        filed: Math.round(400 * scale),
        imported: Math.round(20_000 * scale),
      },
      log,
    ),
  );
  await run('alerts-live', () =>
    benchAlertsLive(
      target,
      { crossings: Math.round(100 * scale), bare: Math.round(100 * scale), timeoutMs: 10_000 },
      log,
    ),
  );
} finally {
  target.close();
}

console.log(
  `\nAccord benchmarks — ${target.source}; node ${process.version}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
);
printTable(rows);
console.log(`
Limits, each measured in this run on this machine:
  bare transaction   BEGIN, the command's own INSERT (an API token) without its record entry, COMMIT;
                     same database, same clients (append: the record's cost on a write, aim >= 0.8)
  plain INSERT       single-row autocommit INSERTs into a copy of ledger_entries (append) or of stances
                     (stances) or of reports (monitoring), same database, same clients
  bare count         SELECT count(*) of the rows a report read covers, without the visibility rules,
                     the grouping or the JSON (monitoring: map and list, lower is better)
  documented maximum not a measurement: the longest a committed entry should wait for its place in the
                     record (README, "The record"); the ratio is the integration delay's p99 / 1,000 ms
  raw SHA-256        bare createHash('sha256') calls over the bytes verification must hash, built
                     beforehand in memory: per entry its payload's, body's and link's canonical JSON text
                     and its leaf input, plus every interior node input of the Merkle tree (verify)
  one PK SELECT      median single-row primary-key SELECT on ledger_tree through the same handle, the
                     least one proof read from the database costs; proofs are multiples of it (proofs)
  node -e "0"        median start of a Node.js process that does nothing; start times are multiples of it
  aim (lag)          not a measurement: the issue's p99 under 1,000 ms; the ratio is p99 / 1,000 ms
  bare claim loop    one transaction per due row of a copy of procedures: SELECT … FOR UPDATE SKIP LOCKED,
                     UPDATE, COMMIT (what the deadline runner must at least do per outcome)
  bare NOTIFY        median pg_notify through the server's own database handle, sent → heard by its listener
  bare entry → stream BEGIN, one entry appended, COMMIT, until the same live client receives it: the
                     record's sequencer, the hub and the SSE stream with nothing in front (alerts-live)
  bare SELECT        median of one SELECT returning the same rows (json_agg for a page), same pool
  plain INSERT (clearances)  one autocommit INSERT of a decision-shaped row into a plain table, same
                     database: latency with one client (visible), rate and p99 with six (throughput)
  aim (overhead)     not a measurement: the issue's "under one second" added to the slowest state's delay
Ratios are figure / limit (start: figure in units of the limit); the aims come from the issue.`);
if (failed) {
  console.error('\nbench: some benchmarks failed (see above)');
  process.exit(1);
}
