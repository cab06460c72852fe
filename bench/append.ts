import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Person, personFromRow, systemActor } from '../src/core/actor.ts';
import { connect, type DbHandle } from '../src/db/connect.ts';
import { createToken } from '../src/modules/auth/commands.ts';
import { loadOrganisation } from '../src/modules/directory/commands.ts';
import { parseOrganisationFile } from '../src/modules/directory/organisation-file.ts';
import { verifyDatabase } from '../src/modules/ledger/queries.ts';
import { buildUser, TEST_ORGANISATION } from '../src/testing/harness.ts';
import { type BenchRow, formatRate, perSecond } from './report.ts';
import { type BenchTarget, durabilitySettings, freshDatabase } from './target.ts';

export interface AppendOptions {
  clients: number;
  /** Operations per measured round, shared between the clients. */
  count: number;
  rounds: number;
  /** Each measured run stops after this long even if `count` is not reached (keeps the bench bounded). */
  maxMs: number;
}

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

/**
 * Appending to the record through a real command (`createToken`: a token row and a
 * `token.created` entry in one transaction, chained under the head lock) against plain
 * single-row INSERTs into a copy of the entries table, same database, same concurrency.
 */
export async function benchAppend(
  target: BenchTarget,
  options: AppendOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target, options.clients);
  const extra: DbHandle[] = [];
  try {
    const settings = await durabilitySettings(handle);
    log(
      `append: ${settings}; ${options.clients} clients, up to ${options.count} operations × ${options.rounds} rounds`,
    );
    const people = await setUp(handle, options.clients);
    const rows = [
      await measure(
        handle,
        people,
        options,
        handle.kind === 'pglite' ? 'in memory' : commitSettings(settings),
        log,
      ),
    ];
    if (handle.url) {
      // The same on the same database with commits that do not wait for the disk: shows how
      // much of the gap is commit latency under the head lock and how much is work per entry.
      const url = new URL(handle.url);
      url.searchParams.set('options', '-c synchronous_commit=off');
      const relaxed = await connect({ databaseUrl: url.toString(), poolSize: options.clients });
      extra.push(relaxed);
      rows.push(await measure(relaxed, people, options, 'synchronous_commit=off', log));
    }

    // The chain must still hold after concurrent appends: numbered, linked, complete.
    const verdict = await verifyDatabase(handle.db);
    if (!verdict.ok)
      throw new Error(`append: the record does not verify after the run: ${verdict.firstBad?.reason}`);
    log(`append: the record verifies (${verdict.checked} entries)`);
    return rows;
  } finally {
    for (const h of extra) await h.close();
    await handle.close();
  }
}

let plainSeq = 0;

async function measure(
  handle: DbHandle,
  people: Person[],
  options: AppendOptions,
  label: string,
  log: (line: string) => void,
): Promise<BenchRow> {
  const plainInsert = () => {
    const seq = ++plainSeq;
    return sql`insert into bench_plain_entries
        (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
         classification, audience, payload, payload_hash, prev_hash, hash)
      values (${seq}, now(), ${people[seq % people.length].id}, 'bench', 'BY', 'token.created', 'api_token',
        ${String(seq)}, 0, ${['BY']}, ${JSON.stringify({ name: `bench ${seq}`, prefix: 'acc_xxxxxx', expiresAt: null })},
        ${randomBytes(32).toString('hex')}, ${randomBytes(32).toString('hex')}, ${randomBytes(32).toString('hex')})`.execute(
      handle.db,
    );
  };
  const command = (i: number, client: number) =>
    handle.db.transaction().execute((trx) => createToken(trx, people[client], { name: `bench ${i}` }));

  // Warm both paths up (connections, plans) before measuring.
  await concurrently(options.clients, options.clients * 10, () => plainInsert());
  await concurrently(options.clients, options.clients * 10, command);

  let bestPlain = 0;
  let bestCommand = 0;
  for (let round = 0; round < options.rounds; round++) {
    const { rate: plainRate } = await concurrently(
      options.clients,
      options.count,
      () => plainInsert(),
      options.maxMs,
    );
    const { rate: commandRate } = await concurrently(options.clients, options.count, command, options.maxMs);
    log(
      `append (${label}): round ${round + 1}: plain INSERT ${formatRate(plainRate, 'rows')}, createToken ${formatRate(commandRate, 'entries')}`,
    );
    bestPlain = Math.max(bestPlain, plainRate);
    bestCommand = Math.max(bestCommand, commandRate);
  }
  return {
    benchmark: `record append via createToken (${handle.kind}, ${options.clients} clients, ${label})`,
    measured: formatRate(bestCommand, 'entries'),
    limit: `plain INSERT ${formatRate(bestPlain, 'rows')}`,
    ratio: bestCommand / bestPlain,
    aim: 0.5,
  };
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
