import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Person, personFromRow, systemActor } from '../src/core/actor.ts';
import { newApiToken, sha256 } from '../src/core/secrets.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createToken } from '../src/modules/auth/commands.ts';
import { loadOrganisation } from '../src/modules/directory/commands.ts';
import { parseOrganisationFile } from '../src/modules/directory/organisation-file.ts';
import { LIVE_CHANNEL, pendingCount, SEQUENCER_POLL_MS, settleRecord } from '../src/modules/ledger/index.ts';
import { verifyDatabase } from '../src/modules/ledger/queries.ts';
import { buildUser, TEST_ORGANISATION } from '../src/testing/harness.ts';
import { type BenchRow, formatRate, perSecond } from './report.ts';
import { type BenchTarget, durabilitySettings, freshDatabase } from './target.ts';

export interface AppendOptions {
  /** Each figure is measured at each of these numbers of concurrent clients. */
  clients: number[];
  /** Operations per measured round, shared between the clients. */
  count: number;
  rounds: number;
  /** Each measured run stops after this long even if `count` is not reached (keeps the bench bounded). */
  maxMs: number;
}

/**
 * The longest an entry should wait, committed, for its place in the record (the sequencer
 * polls every SEQUENCER_POLL_MS and integrates in batches): the figure README documents, and
 * the aim of the delay's p99. Not a measurement.
 */
export const DOCUMENTED_MAX_DELAY_MS = 1000;

/**
 * Runs up to `count` operations on `clients` concurrent workers (each takes the next
 * index), stopping early once `maxMs` have passed; returns the operations done per second.
 */
async function concurrently(
  clients: number,
  count: number,
  op: (i: number, client: number) => Promise<unknown>,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<{ done: number; rate: number }> {
  const start = performance.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = next++; i < count && performance.now() - start < maxMs; i = next++) {
        await op(i, client);
        done++;
      }
    }),
  );
  return { done, rate: perSecond(done, performance.now() - start) };
}

const STATES = ['AM', 'BY', 'TJ'];

/** "fsync=on, synchronous_commit=on" out of the settings line. */
const commitSettings = (settings: string) =>
  settings
    .split(', ')
    .filter((s) => s.startsWith('fsync=') || s.startsWith('synchronous_commit='))
    .join(', ');

const percentile = (values: number[], p: number) => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const formatMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

/**
 * Appending to the record through a real command (`createToken`: a token row and a
 * `token.created` entry in one transaction; the entry goes to ledger_pending, and the record's
 * sequencer, running as under `accord serve`, integrates it) against a bare transaction of
 * the same shape (BEGIN, the same token INSERT without the record, COMMIT) and plain
 * single-row INSERTs into a copy of the entries table, same database, same concurrency; and
 * how long a committed entry waited for its place (commit acknowledged -> the sequencer's
 * NOTIFY heard).
 */
export async function benchAppend(
  target: BenchTarget,
  options: AppendOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const clients of options.clients) rows.push(...(await benchAt(target, clients, options, log)));
  return rows;
}

async function benchAt(
  target: BenchTarget,
  clients: number,
  options: AppendOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  // The clients, the sequencer's batches and the delay's reads each have a connection.
  const handle = await freshDatabase(target, clients + 2);
  try {
    const settings = await durabilitySettings(handle);
    const label = handle.kind === 'pglite' ? 'in memory' : commitSettings(settings);
    log(
      `append: ${settings}; ${clients} clients, up to ${options.count} operations × ${options.rounds} rounds; sequencer polling every ${SEQUENCER_POLL_MS} ms`,
    );
    const people = await setUp(handle, clients);
    let plainSeq = 0;
    const plainInsert = () => {
      const seq = ++plainSeq;
      return sql`insert into bench_plain_entries
          (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
           classification, audience, payload, payload_hash, prev_hash, hash, record_id)
        values (${seq}, now(), ${people[seq % people.length].id}, 'bench', 'BY', 'token.created', 'api_token',
          ${String(seq)}, 0, ${['BY']}, ${JSON.stringify({ name: `bench ${seq}`, prefix: 'acc_xxxxxx', expiresAt: null })},
          ${randomBytes(32).toString('hex')}, ${randomBytes(32).toString('hex')}, ${randomBytes(32).toString('hex')},
          ${seq})`.execute(handle.db);
    };
    // createToken without its record entry: the same INSERT, in a transaction of its own.
    const bare = (i: number, client: number) =>
      handle.db.transaction().execute((trx) => {
        const token = newApiToken();
        return trx
          .insertInto('api_tokens')
          .values({
            user_id: people[client].id,
            name: `bench ${i}`,
            token_hash: sha256(token),
            prefix: token.slice(0, 10),
            expires_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      });
    // When each command's commit was acknowledged, by its token (the entry's subject).
    const committedAt = new Map<string, number>();
    const command = async (i: number, client: number) => {
      const { row } = await handle.db
        .transaction()
        .execute((trx) => createToken(trx, people[client], { name: `bench ${i}` }));
      committedAt.set(row.id, performance.now());
    };
    // Each NOTIFY of the sequencer: when it was heard, and the last seq of its batch.
    const heard: { at: number; seq: number }[] = [];
    const unlisten = await handle.listen(LIVE_CHANNEL, (payload) =>
      heard.push({ at: performance.now(), seq: Number(payload) }),
    );

    // Warm every path up (connections, plans) before measuring.
    await concurrently(clients, clients * 10, () => plainInsert());
    await concurrently(clients, clients * 10, bare);
    await concurrently(clients, clients * 10, command);

    let bestPlain = 0;
    let bestBare = 0;
    let bestCommand = 0;
    for (let round = 0; round < options.rounds; round++) {
      const { rate: plainRate } = await concurrently(
        clients,
        options.count,
        () => plainInsert(),
        options.maxMs,
      );
      const { rate: bareRate } = await concurrently(clients, options.count, bare, options.maxMs);
      const { rate: commandRate } = await concurrently(clients, options.count, command, options.maxMs);
      log(
        `append (${clients} clients): round ${round + 1}: plain INSERT ${formatRate(plainRate, 'rows')}, bare transaction ${formatRate(bareRate, 'tx')}, createToken ${formatRate(commandRate, 'entries')}`,
      );
      bestPlain = Math.max(bestPlain, plainRate);
      bestBare = Math.max(bestBare, bareRate);
      bestCommand = Math.max(bestCommand, commandRate);
    }

    // Every acknowledged command is in the record: wait for the sequencer, then match each
    // entry to the first NOTIFY that covered it.
    const deadline = Date.now() + 30_000;
    while ((await pendingCount(handle.db)) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await unlisten();
    const entries = await handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'subject_id'])
      .where('action', '=', 'token.created')
      .execute();
    const delays: number[] = [];
    let unheard = 0;
    for (const e of entries) {
      const committed = committedAt.get(e.subject_id);
      if (committed === undefined) continue;
      const notice = firstCovering(heard, Number(e.seq));
      if (!notice) unheard++;
      else delays.push(Math.max(0, notice.at - committed));
    }
    const recorded = entries.filter((e) => committedAt.has(e.subject_id)).length;
    if (recorded !== committedAt.size)
      throw new Error(
        `append: ${committedAt.size} commands committed, ${recorded} of their entries in the record`,
      );
    await settleRecord(handle.db);
    const verdict = await verifyDatabase(handle.db);
    if (!verdict.ok)
      throw new Error(`append: the record does not verify after the run: ${verdict.firstBad?.reason}`);
    const p50 = percentile(delays, 50);
    const p99 = percentile(delays, 99);
    log(
      `append (${clients} clients): the record verifies (${verdict.checked} entries); integration delay of ${delays.length} entries: p50 ${formatMs(p50)}, p99 ${formatMs(p99)}, max ${formatMs(Math.max(...delays))}${unheard ? `; ${unheard} without a NOTIFY` : ''}; ${heard.length} NOTIFYs (batches)`,
    );
    const what = `(${handle.kind}, ${clients} clients, ${label})`;
    return [
      {
        benchmark: `record append via createToken vs the same transaction without the record ${what}`,
        measured: formatRate(bestCommand, 'entries'),
        limit: `bare transaction ${formatRate(bestBare, 'tx')}`,
        ratio: bestCommand / bestBare,
        aim: 0.8,
      },
      {
        benchmark: `record append via createToken vs plain INSERTs ${what}`,
        measured: formatRate(bestCommand, 'entries'),
        limit: `plain INSERT ${formatRate(bestPlain, 'rows')}`,
        ratio: bestCommand / bestPlain,
      },
      {
        benchmark: `integration delay, commit to the sequencer's NOTIFY ${what}`,
        measured: `p50 ${formatMs(p50)}, p99 ${formatMs(p99)}`,
        limit: `documented maximum ${formatMs(DOCUMENTED_MAX_DELAY_MS)}`,
        ratio: p99 / DOCUMENTED_MAX_DELAY_MS,
        aim: 1,
        lowerIsBetter: true,
      },
    ];
  } finally {
    await handle.close();
  }
}

/** The first NOTIFY whose batch reached `seq` (they arrive in order of seq). */
function firstCovering(heard: { at: number; seq: number }[], seq: number) {
  let lo = 0;
  let hi = heard.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heard[mid].seq >= seq) hi = mid;
    else lo = mid + 1;
  }
  return heard[lo];
}

/** The test organisation, one delegate per client, and the baseline table. */
async function setUp(handle: DbHandle, clients: number): Promise<Person[]> {
  await handle.db
    .transaction()
    .execute((trx) =>
      loadOrganisation(trx, systemActor('bench'), parseOrganisationFile(TEST_ORGANISATION), 'bench'),
    );
  const people: Person[] = [];
  for (let i = 0; i < clients; i++) {
    people.push(personFromRow(await buildUser(handle, { stateCode: STATES[i % STATES.length] })));
  }
  await sql`create table bench_plain_entries (like ledger_entries including defaults including constraints including indexes)`.execute(
    handle.db,
  );
  return people;
}
