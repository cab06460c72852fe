import { sql } from 'kysely';
import { createRequest } from '../src/modules/clearances/requests/commands.ts';
import { CreateRequestInput } from '../src/modules/clearances/schema.ts';
import { settleRecord } from '../src/modules/ledger/index.ts';
import { verifyDatabase } from '../src/modules/ledger/queries.ts';
import { call } from '../src/testing/simulations/exercise.ts';
import { EXERCISE_STATES, exerciseRequestBody } from '../src/testing/simulations/exercise-support.ts';
import { clearanceBench, latencies, plainInsert, timedConcurrently } from './clearances-setup.ts';
import { formatMs } from './decisions-setup.ts';
import { type BenchRow, formatRate, perSecond } from './report.ts';
import { type BenchTarget, durabilitySettings } from './target.ts';

export interface ThroughputOptions {
  /** Requests open at once, six legs each (the issue: 1,000). */
  requests: number;
  /** How the size compares with the issue's, for the report. */
  size: string;
}

/**
 * Decisions through the API with many requests open at once: `requests` requests of six
 * legs are submitted (through the command, not timed), then six clients — one per state,
 * its head of delegation — each approve their state's legs through POST
 * /api/clearances/{id}/legs/{state}/decision, one after another in the order the requests
 * arrived, all six at once (so they meet on each request's row lock, and the sixth decision
 * on a request clears it and issues its certificate). Against plain single-row INSERTs with
 * the same six clients on the same database: rate and p99 latency.
 */
export async function benchClearancesThroughput(
  target: BenchTarget,
  options: ThroughputOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const clients = EXERCISE_STATES.length;
  const bench = await clearanceBench(target, clients + 2);
  const { app, cast, handle } = bench;
  try {
    const settings = await durabilitySettings(handle);
    log(
      `clearances-throughput: ${settings}; submitting ${options.requests} requests of 6 legs (${options.size}) …`,
    );
    const ids: string[] = [];
    const made = await timedConcurrently(clients, options.requests, async (i) => {
      const now = new Date();
      const input = CreateRequestInput.parse({
        ...exerciseRequestBody('routine', now, `Exercise column ${i + 1}`),
        submit: true,
      });
      const row = await handle.db
        .transaction()
        .execute((trx) => createRequest(trx, cast.requester.actor, input, now));
      ids[i] = row.id;
    });
    log(`clearances-throughput: ${made.done} requests open, ${formatRate(made.rate, 'submissions')}`);

    // The limit, warmed, then the best of two rounds of as many rows as there will be decisions.
    await timedConcurrently(clients, clients * 20, () => plainInsert(handle));
    let plain = { rate: 0, ms: [] as number[] };
    for (let round = 0; round < 2; round++) {
      const p = await timedConcurrently(clients, ids.length * clients, () => plainInsert(handle), 10_000);
      if (p.rate > plain.rate) plain = p;
    }

    let errors = 0;
    let firstError = '';
    const decisionMs: number[] = [];
    const start = performance.now();
    await Promise.all(
      EXERCISE_STATES.map(async (state) => {
        const token = cast.deciders[state].token;
        for (const id of ids) {
          const began = performance.now();
          try {
            await call(app, token, 'POST', `/api/clearances/${id}/legs/${state}/decision`, {
              decision: 'approve',
            });
          } catch (err) {
            errors++;
            firstError ||= err instanceof Error ? err.message : String(err);
          }
          decisionMs.push(performance.now() - began);
        }
      }),
    );
    const rate = perSecond(decisionMs.length, performance.now() - start);
    if (errors)
      throw new Error(`clearances-throughput: ${errors} decisions failed, the first: ${firstError}`);

    // Every leg approved once, every request cleared once; the record still verifies.
    await settleRecord(handle.db);
    const counts = await sql<{ approved: number; cleared: number; decided: number; clearedEntries: number }>`
      select (select count(*) from clearance_legs where status = 'approved' and decided_how = 'state')::int as approved,
             (select count(*) from clearance_requests where status = 'cleared')::int as cleared,
             (select count(*) from ledger_entries where action = 'clearance.leg_decided')::int as decided,
             (select count(*) from ledger_entries where action = 'clearance.cleared')::int as "clearedEntries"`.execute(
      handle.db,
    );
    const c = counts.rows[0];
    const legs = ids.length * clients;
    if (
      c.approved !== legs ||
      c.decided !== legs ||
      c.cleared !== ids.length ||
      c.clearedEntries !== ids.length
    )
      throw new Error(
        `clearances-throughput: ${legs} decisions on ${ids.length} requests, but ${JSON.stringify(c)}`,
      );
    const verdict = await verifyDatabase(handle.db);
    if (!verdict.ok)
      throw new Error(`clearances-throughput: the record does not verify: ${verdict.firstBad?.reason}`);

    const d = latencies(decisionMs);
    const p = latencies(plain.ms);
    log(
      `clearances-throughput: ${formatRate(rate, 'decisions')} (median ${formatMs(d.median)}, p99 ${formatMs(d.p99)}); plain INSERT ${formatRate(plain.rate, 'rows')} (median ${formatMs(p.median)}, p99 ${formatMs(p.p99)}); ${legs} legs approved, ${ids.length} requests cleared once each; the record verifies`,
    );
    return [
      {
        benchmark: `clearances: leg decisions via the API, ${ids.length} requests × 6 legs open, 6 state clients (${handle.kind}, ${options.size})`,
        measured: formatRate(rate, 'decisions'),
        limit: `plain INSERT ${formatRate(plain.rate, 'rows')}`,
        ratio: rate / plain.rate,
      },
      {
        benchmark: 'clearances: p99 latency of one leg decision (same run)',
        measured: formatMs(d.p99),
        limit: `plain INSERT p99 ${formatMs(p.p99)}`,
        ratio: d.p99 / p.p99,
        lowerIsBetter: true,
        ratioUnit: '×',
      },
    ];
  } finally {
    await bench.close();
  }
}
