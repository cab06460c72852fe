import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/core/actor.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import { openProcedure } from '../src/modules/decisions/procedures.ts';
import { createProposal } from '../src/modules/decisions/proposals.ts';
import { CreateProposalInput, OpenProcedureInput } from '../src/modules/decisions/schema.ts';
import { giveStances } from '../src/modules/decisions/stances.ts';
import { settleRecord } from '../src/modules/ledger/index.ts';
import { verifyDatabase } from '../src/modules/ledger/queries.ts';
import { LiveHub } from '../src/modules/live/hub.ts';
import { BODY, type Head, proposalText, setUpHeads } from './decisions-setup.ts';
import { type BenchRow, formatRate, perSecond } from './report.ts';
import { type BenchTarget, durabilitySettings, freshDatabase } from './target.ts';

export interface StancesOptions {
  clients: number;
  /** Open procedures the stances are spread over (so that clients rarely wait on one row lock). */
  procedures: number;
  points: number;
  /** Requests per measured round, shared between the clients. */
  count: number;
  rounds: number;
  /** Each measured run stops after this long even if `count` is not reached. */
  maxMs: number;
}

/** Up to `count` operations on `clients` concurrent workers, stopping after `maxMs`. */
async function concurrently(
  clients: number,
  count: number,
  op: (i: number) => Promise<unknown>,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<{ done: number; rate: number }> {
  const start = performance.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count && performance.now() - start < maxMs; i = next++) {
        await op(i);
        done++;
      }
    }),
  );
  return { done, rate: perSecond(done, performance.now() - start) };
}

const KINDS = ['agree', 'abstain', 'agree', 'not_participating'] as const;

/**
 * Stances through the API on PostgreSQL: POST /api/procedures/{id}/stances in-process
 * (`app.request`), bearer tokens of the six heads of delegation — authentication,
 * validation, the policy and the procedure's page read with the row lock (one query), the
 * superseding UPDATE and the INSERT (one statement, which also reads the history for the
 * answer), the record entry under the head lock, the commit, the procedure view presented
 * from what the command read — against
 * plain single-row INSERTs into a copy of the stances table, same database, same clients.
 */
export async function benchDecisionStances(
  target: BenchTarget,
  options: StancesOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target, options.clients);
  const live = new LiveHub(handle);
  try {
    const settings = await durabilitySettings(handle);
    const heads = await setUpHeads(handle);
    const procedures = await openProcedures(handle, options);
    await live.start();
    const app = buildApp({ handle, config: { ...loadConfig({}), bodyLimit: 64 * 1024 }, live });
    await sql`create table bench_plain_stances (like stances including defaults including identity including indexes)`.execute(
      handle.db,
    );
    log(
      `decisions-stances: ${settings}; ${options.procedures} open procedures × ${options.points} points × 6 states, ${options.clients} clients, up to ${options.count} requests × ${options.rounds} rounds`,
    );

    let errors = 0;
    let firstError = '';
    const stance = async (i: number) => {
      // Consecutive requests go to different procedures; each head answers in turn.
      const procedure = procedures[i % procedures.length];
      const head = heads[Math.floor(i / procedures.length) % heads.length];
      const point = String((Math.floor(i / (procedures.length * heads.length)) % options.points) + 1);
      const res = await app.request(`/api/procedures/${procedure}/stances`, {
        method: 'POST',
        headers: { authorization: `Bearer ${head.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ stances: [{ point, kind: KINDS[i % KINDS.length] }] }),
      });
      const body = await res.text();
      if (res.status !== 200) {
        errors++;
        firstError ||= `${res.status} ${body.slice(0, 300)}`;
      }
    };
    const plain = () => plainInsert(handle, heads);
    // The same stance through the command alone, for where the time goes: no HTTP, no
    // authentication, no validation, no procedure view in the answer.
    const command = (i: number) => {
      const procedure = procedures[i % procedures.length];
      const head = heads[Math.floor(i / procedures.length) % heads.length];
      const point = String((Math.floor(i / (procedures.length * heads.length)) % options.points) + 1);
      return handle.db
        .transaction()
        .execute((trx) =>
          giveStances(trx, head.actor, procedure, { stances: [{ point, kind: KINDS[i % KINDS.length] }] }),
        );
    };

    // Warm both paths (connections, plans, the JIT of the app) before measuring.
    await concurrently(options.clients, options.clients * 10, plain);
    await concurrently(options.clients, options.clients * 10, stance);
    await concurrently(options.clients, options.clients * 10, (i) => command(options.clients * 10 + i));

    let bestPlain = 0;
    let bestApi = 0;
    let bestCommand = 0;
    let requests = 0;
    let offset = options.clients * 20;
    for (let round = 0; round < options.rounds; round++) {
      const p = await concurrently(options.clients, options.count, plain, options.maxMs);
      let base = offset;
      const a = await concurrently(options.clients, options.count, (i) => stance(base + i), options.maxMs);
      offset += a.done;
      requests += a.done;
      base = offset;
      const c = await concurrently(options.clients, options.count, (i) => command(base + i), options.maxMs);
      offset += c.done;
      log(
        `decisions-stances: round ${round + 1}: plain INSERT ${formatRate(p.rate, 'rows')}, POST stances ${formatRate(a.rate, 'stances')}, giveStances alone ${formatRate(c.rate, 'stances')}`,
      );
      bestPlain = Math.max(bestPlain, p.rate);
      bestApi = Math.max(bestApi, a.rate);
      bestCommand = Math.max(bestCommand, c.rate);
    }
    if (errors) throw new Error(`decisions-stances: ${errors} requests failed, the first: ${firstError}`);

    // Every request left exactly one stance and one entry; the record still verifies.
    await settleRecord(handle.db);
    const counts = await sql<{ stances: number; entries: number }>`
      select (select count(*) from stances)::int as stances,
             (select count(*) from ledger_entries where action = 'stance.given')::int as entries`.execute(
      handle.db,
    );
    const expected = offset;
    const { stances, entries } = counts.rows[0];
    if (stances !== expected || entries !== expected)
      throw new Error(
        `decisions-stances: ${expected} stances given, but ${stances} stance rows and ${entries} stance.given entries`,
      );
    const verdict = await verifyDatabase(handle.db);
    if (!verdict.ok)
      throw new Error(`decisions-stances: the record does not verify: ${verdict.firstBad?.reason}`);
    log(
      `decisions-stances: ${requests} measured requests; ${stances} stances, one entry each; the record verifies`,
    );

    return [
      {
        benchmark: `stances via POST /api/procedures/{id}/stances (${handle.kind}, ${options.clients} clients, ${options.procedures} procedures)`,
        measured: formatRate(bestApi, 'stances'),
        limit: `plain INSERT ${formatRate(bestPlain, 'rows')}`,
        ratio: bestApi / bestPlain,
        aim: 0.4,
      },
      {
        benchmark: 'stances: the command alone (giveStances in a transaction: no HTTP, no view)',
        measured: formatRate(bestCommand, 'stances'),
        limit: `plain INSERT ${formatRate(bestPlain, 'rows')}`,
        ratio: bestCommand / bestPlain,
      },
    ];
  } finally {
    await live.stop();
    await handle.close();
  }
}

/** Open procedures through the real commands: proposals of `points` points, opened by the console. */
async function openProcedures(handle: DbHandle, options: StancesOptions): Promise<string[]> {
  const chair = systemActor('bench chair');
  const ids: string[] = [];
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  for (let i = 0; i < options.procedures; i++) {
    const id = await handle.db.transaction().execute(async (trx) => {
      const proposal = await createProposal(
        trx,
        chair,
        CreateProposalInput.parse({
          body: BODY,
          title: `Written procedure ${i + 1}`,
          text: proposalText(i),
          points: Array.from({ length: options.points }, (_, p) => ({ text: `Point ${p + 1} of ${i + 1}` })),
        }),
      );
      const procedure = await openProcedure(
        trx,
        chair,
        proposal.id,
        OpenProcedureInput.parse({ kind: 'written', deadline, missingAnswer: 'blocks' }),
      );
      return procedure.id;
    });
    ids.push(id);
  }
  return ids;
}

let plainSeq = 0;

/** One autocommit INSERT of a stance-shaped row into the copy (no lock, no checks, no record). */
function plainInsert(handle: DbHandle, heads: Head[]) {
  const seq = ++plainSeq;
  const head = heads[seq % heads.length];
  return sql`insert into bench_plain_stances
      (procedure_id, point, state_code, kind, text, given_by, given_by_label, given_at, amendment_version)
    values (${randomUUID()}, ${String((seq % 3) + 1)}, ${head.state}, ${KINDS[seq % KINDS.length]}, null,
      ${head.user.id}, ${head.user.username}, now(), null)`.execute(handle.db);
}
