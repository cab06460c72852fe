import { sql } from 'kysely';
import { closeDue, DeadlineRunner } from '../src/modules/decisions/deadlines.ts';
import { settleRecord } from '../src/modules/ledger/index.ts';
import { verifyDatabase } from '../src/modules/ledger/queries.ts';
import {
  type BulkProposal,
  bulkProposals,
  formatMs,
  loadBenchOrganisation,
  percentile,
  proposalText,
  STATES,
  sleep,
} from './decisions-setup.ts';
import { type BenchRow, formatRate, median, perSecond } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface DeadlineOptions {
  /** Open silence procedures, expiring one after another at `perHour`. */
  procedures: number;
  /** Expiries per hour: the issue's is 100,000 an hour. */
  perHour: number;
  /** How long the runner is watched (ms); expiries after that stay open and must stay open. */
  observeMs: number;
  /** The share of procedures in which a state broke silence (they close as not adopted). */
  brokenShare: number;
  /** Procedures already due at once, for the catch-up rate (as after a restart). */
  backlog: number;
  /** Which size runs, for the report. */
  size: string;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Outcomes on time: `procedures` open silence procedures (bulk-written: the rows and
 * record entries openProcedure and breakSilence write), with expiries at random at the
 * rate `perHour`, closed by the real DeadlineRunner of src/modules/decisions/deadlines.ts
 * on its own pool while `observeMs` pass. The lag runs from each expiry to the runner's
 * commit of its outcome (seen by `onClosed`). Then: every procedure due has exactly one
 * outcome, one `procedure.closed` entry and, if adopted, one decision with its entry; none
 * not yet due was closed; the record verifies. Last, the catch-up rate of one closeDue pass
 * over `backlog` procedures all due at once, against the least such a pass can do: a bare
 * loop of transactions that take the next due row of a copy of the table with
 * SELECT … FOR UPDATE SKIP LOCKED, mark it closed and commit.
 */
export async function benchDecisionDeadlines(
  target: BenchTarget,
  options: DeadlineOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target, 4);
  const n = options.procedures;
  const spanMs = (n / options.perHour) * 3_600_000;
  const observeMs = Math.min(options.observeMs, spanMs);
  try {
    await loadBenchOrganisation(handle);
    const created = now();
    // Room to write them all before the first expiry.
    const firstExpiry = created + 2000 + n * 1.0;
    const items: BulkProposal[] = [];
    for (let i = 0; i < n; i++) {
      items.push({
        title: `Silence procedure ${i + 1}`,
        text: proposalText(i),
        points: ['First point', 'Second point'],
        createdAt: new Date(created - 2 * 86_400_000),
        fate: 'open',
        openedAt: new Date(created - 86_400_000),
        deadline: new Date(firstExpiry + Math.random() * spanMs),
        objector: Math.random() < options.brokenShare ? STATES[i % STATES.length] : undefined,
      });
    }
    const { procedureIds } = await bulkProposals(handle.db, items);
    const byId = new Map(procedureIds.map((id, i) => [id!, items[i]]));
    const windowIds = procedureIds.filter((_, i) => items[i].deadline!.getTime() <= firstExpiry + observeMs);
    const inWindow = windowIds.length;
    log(
      `decisions-deadlines (${options.size}): ${n} open silence procedures written in ${((now() - created) / 1000).toFixed(1)} s, expiring at ${options.perHour.toLocaleString('en-GB')}/h over ${formatWindow(spanMs)}; watching the first ${formatWindow(observeMs)} (${inWindow} expiries) from ${((firstExpiry - now()) / 1000).toFixed(1)} s from now`,
    );

    const closedAt = new Map<string, number>();
    let calls = 0;
    let failures = 0;
    let firstFailure: unknown;
    const runner = new DeadlineRunner(handle, {
      onClosed: (closing) => {
        calls++;
        if (closing.status === 'closed') closedAt.set(closing.procedure.id, now());
      },
      log: (err) => {
        failures++;
        firstFailure ??= err;
      },
    });
    const started = now();
    const lateStart = items.filter((i) => i.deadline!.getTime() < started).length;
    await runner.start();
    // Bounded: the window, then at most 15 s more for the runner to finish what fell due in it.
    const windowEnd = firstExpiry + observeMs;
    const giveUp = windowEnd + 15_000;
    let nextReport = now() + 10_000;
    const windowClosed = () => windowIds.filter((id) => closedAt.has(id!)).length;
    while (now() < windowEnd || (now() < giveUp && windowClosed() < inWindow)) {
      await sleep(Math.min(250, Math.max(1, windowEnd - now())));
      if (now() > nextReport) {
        nextReport += options.observeMs >= 600_000 ? 60_000 : 10_000;
        log(`decisions-deadlines: ${closedAt.size} closed, ${inWindow} due by the end of the window`);
      }
    }
    await runner.stop();
    const stopped = now();
    if (failures) log(`decisions-deadlines: ${failures} closings failed, the first: ${String(firstFailure)}`);

    // Lags of what was closed; what fell due (over a second before the stop) and is still
    // open counts with the lag it had reached at the stop, a lower bound.
    const lags: number[] = [];
    let overdue = 0;
    for (const [id, item] of byId) {
      const deadline = item.deadline!.getTime();
      if (deadline < started) continue;
      const at = closedAt.get(id);
      if (at !== undefined) lags.push(at - deadline);
      else if (deadline < stopped - 1000) {
        overdue++;
        lags.push(stopped - deadline);
      }
    }
    const lagMedian = percentile(lags, 50);
    const lagP99 = percentile(lags, 99);
    const lagMax = lags.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
    const atLeast = overdue ? '≥ ' : '';
    log(
      `decisions-deadlines: lag from expiry to committed outcome over ${lags.length} expiries: median ${atLeast}${formatMs(lagMedian)}, p99 ${atLeast}${formatMs(lagP99)}, max ${atLeast}${formatMs(lagMax)}${overdue ? `; ${overdue} due but not closed when the runner stopped` : ''}${lateStart ? `; ${lateStart} expired before the runner started (not counted)` : ''}`,
    );

    // Exactly one outcome per procedure closed, none for those not yet due: in the rows,
    // in the record, in the decisions.
    const closedIds = [...closedAt.keys()];
    const broken = closedIds.filter((id) => byId.get(id)!.objector).length;
    await settleRecord(handle.db);
    const check = await sql<{
      closed: number;
      early: number;
      not_adopted: number;
      closed_entries: number;
      closed_subjects: number;
      decisions: number;
      published: number;
    }>`
      select
        (select count(*) from procedures where status = 'closed')::int as closed,
        (select count(*) from procedures where status = 'closed' and closed_at < deadline)::int as early,
        (select count(*) from procedures where result = 'not_adopted')::int as not_adopted,
        (select count(*) from ledger_entries where action = 'procedure.closed')::int as closed_entries,
        (select count(distinct subject_id) from ledger_entries where action = 'procedure.closed')::int as closed_subjects,
        (select count(*) from decisions)::int as decisions,
        (select count(*) from ledger_entries where action = 'decision.published')::int as published`.execute(
      handle.db,
    );
    const c = check.rows[0];
    const k = closedIds.length;
    const problems = [
      calls !== k && `the runner reported ${calls} closings for ${k} procedures`,
      c.closed !== k && `${c.closed} procedures closed in the database, the runner reported ${k}`,
      c.early && `${c.early} procedures closed before their expiry`,
      c.not_adopted !== broken && `${c.not_adopted} not adopted, but silence was broken in ${broken}`,
      (c.closed_entries !== k || c.closed_subjects !== k) &&
        `${c.closed_entries} procedure.closed entries for ${c.closed_subjects} procedures, not ${k}`,
      (c.decisions !== k - broken || c.published !== k - broken) &&
        `${c.decisions} decisions and ${c.published} decision.published entries, not ${k - broken}`,
    ].filter(Boolean);
    const verdict = await verifyDatabase(handle.db);
    if (!verdict.ok) problems.push(`the record does not verify: ${verdict.firstBad?.reason}`);
    if (problems.length) throw new Error(`decisions-deadlines: ${problems.join('; ')}`);
    log(
      `decisions-deadlines: ${k} procedures closed, each with exactly one outcome and one procedure.closed entry (${c.decisions} decisions, ${c.not_adopted} not adopted); ${n - k} not yet due still open with none; the record verifies (${verdict.checked} entries)`,
    );

    const catchUp = await measureCatchUp(target, options.backlog, log);
    const needed = options.perHour / 3600;
    log(
      `decisions-deadlines: the runner's catch-up rate is ${(catchUp.runner / needed).toFixed(1)}× the issue's average expiry rate (${needed.toFixed(1)}/s)`,
    );
    const label = `${lags.length.toLocaleString('en-GB')} expiries at ${options.perHour.toLocaleString('en-GB')}/h among ${n.toLocaleString('en-GB')} open, ${options.size}`;
    return [
      {
        benchmark: `deadline lag, expiry → outcome committed (${label})`,
        measured: `median ${atLeast}${formatMs(lagMedian)}, p99 ${atLeast}${formatMs(lagP99)}`,
        limit: 'aim: p99 under 1,000 ms',
        ratio: lagP99 / 1000,
        aim: 1,
        lowerIsBetter: true,
      },
      {
        benchmark: 'outcomes recorded exactly once (same run)',
        measured: `${c.closed_subjects}/${k} once${overdue ? `, ${overdue} overdue` : ''}`,
        limit: `${k} due: ${c.closed_entries} closed entries, ${c.decisions} decisions`,
        ratio: null,
      },
      {
        benchmark: `deadline runner catching up (${options.backlog.toLocaleString('en-GB')} due at once, one closeDue pass)`,
        measured: formatRate(catchUp.runner, 'outcomes'),
        limit: `bare claim loop ${formatRate(catchUp.bare, 'rows')}`,
        ratio: catchUp.runner / catchUp.bare,
      },
    ];
  } finally {
    await handle.close();
  }
}

const formatWindow = (ms: number) =>
  ms >= 3_600_000
    ? `${(ms / 3_600_000).toFixed(Math.round(ms) % 3_600_000 ? 1 : 0)} h`
    : ms >= 120_000
      ? `${(ms / 60_000).toFixed(1)} min`
      : `${(ms / 1000).toFixed(0)} s`;

/**
 * `backlog` procedures due a minute ago (as when the server was down), in a database of
 * their own: one closeDue pass, against a bare loop over a copy of the same rows that does
 * what the runner's SQL must at least do for each: take the next due row FOR UPDATE SKIP
 * LOCKED, mark it closed, commit.
 */
async function measureCatchUp(
  target: BenchTarget,
  backlog: number,
  log: (line: string) => void,
): Promise<{ runner: number; bare: number }> {
  const handle = await freshDatabase(target, 4);
  try {
    await loadBenchOrganisation(handle);
    return await catchUp(handle.db, backlog, log);
  } finally {
    await handle.close();
  }
}

async function catchUp(
  db: Parameters<typeof closeDue>[0],
  backlog: number,
  log: (line: string) => void,
): Promise<{ runner: number; bare: number }> {
  const due = Date.now() - 60_000;
  const items: BulkProposal[] = Array.from({ length: backlog }, (_, i) => ({
    title: `Overdue silence procedure ${i + 1}`,
    text: proposalText(i),
    points: ['First point', 'Second point'],
    createdAt: new Date(due - 2 * 86_400_000),
    fate: 'open',
    openedAt: new Date(due - 86_400_000),
    deadline: new Date(due + i),
  }));
  await bulkProposals(db, items);
  await sql`create table bench_due (like procedures including defaults including constraints including indexes)`.execute(
    db,
  );
  await sql`insert into bench_due select * from procedures where status = 'open'`.execute(db);

  const bareTimes: number[] = [];
  const bareStart = performance.now();
  const at = new Date();
  for (;;) {
    const t = performance.now();
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await sql<{ id: string }>`
        select id from bench_due where status = 'open' and deadline <= ${at}
        order by deadline limit 1 for update skip locked`.execute(trx);
      if (!row.rows[0]) return false;
      await sql`update bench_due set status = 'closed', closed_at = ${at}, result = 'adopted'
        where id = ${row.rows[0].id}`.execute(trx);
      return true;
    });
    if (!claimed) break;
    bareTimes.push(performance.now() - t);
  }
  const bare = perSecond(bareTimes.length, performance.now() - bareStart);

  const runnerStart = performance.now();
  const closed = await closeDue(db, new Date());
  const runner = perSecond(closed.length, performance.now() - runnerStart);
  if (closed.length !== backlog || bareTimes.length !== backlog)
    throw new Error(
      `decisions-deadlines: catch-up closed ${closed.length} and the bare loop claimed ${bareTimes.length}, of ${backlog}`,
    );
  log(
    `decisions-deadlines: catch-up of ${backlog}: closeDue ${formatRate(runner, 'outcomes')}, bare claim loop ${formatRate(bare, 'rows')} (median ${formatMs(median(bareTimes))} a row)`,
  );
  return { runner, bare };
}
