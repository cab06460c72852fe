import { sql } from 'kysely';
import type { Runner } from '../../core/module.ts';
import type { Db, DbHandle, Leadership } from '../../db/connect.ts';
import { sendWakeUps } from '../../db/wake-up.ts';
import { LIVE_CHANNEL, type RecordedEntry } from './commands.ts';
import { linkHash } from './hash.ts';
import { appendLeaves } from './tree.ts';

/** How often the leading sequencer looks for committed entries waiting for their place (ms). */
export const SEQUENCER_POLL_MS = 25;
/** How often a sequencer that does not lead tries to take the lead (ms): the longest takeover. */
export const SEQUENCER_RETRY_MS = 1000;
/** Entries integrated per transaction at most. */
export const SEQUENCER_BATCH = 500;
/**
 * The session-level advisory lock that elects the one sequencer of a database (migrate.ts
 * holds 7263001 while it migrates).
 */
export const SEQUENCER_LOCK = 7263002;

/**
 * Gives the oldest pending entries (up to `limit`, by record id) their place in the record,
 * in one transaction: numbers them after the head, chains each to the one before (`linkHash`,
 * the verifier's format), moves them into ledger_entries with their record id, adds them to
 * the Merkle tree as its next leaves, moves the head and sends one NOTIFY on LIVE_CHANNEL
 * with the last seq (what the live hub listens for). Answers how many it integrated.
 *
 * The head row's lock (FOR UPDATE) is taken first, so two callers (the sequencer's loop, a
 * test or CLI command settling the record, another process) integrate one after the other,
 * and the second reads the pending rows after the first committed. What a transaction sees
 * as committed is integrated before anything that commits after it: an entry whose writer
 * began after another's commit always gets the higher seq.
 *
 * Inside a transaction (`db.isTransaction`) it works in it (a restore integrates its own entry).
 */
export async function integratePending(db: Db, limit = SEQUENCER_BATCH): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => integratePending(trx, limit));
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from ledger_head where id = 1 for update`.execute(db);
  if (!head.rows[0]) throw new Error('ledger_head is missing: run the migrations');
  const pending = await db
    .selectFrom('ledger_pending')
    .select(['id', 'body_hash'])
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!pending.length) {
    await sendWakeUps(db);
    return 0;
  }
  let seq = Number(head.rows[0].seq);
  let prev = head.rows[0].hash;
  const firstSeq = seq + 1;
  const ids: number[] = [];
  const seqs: number[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const row of pending) {
    seq++;
    const hash = linkHash(row.body_hash, prev, seq);
    ids.push(Number(row.id));
    seqs.push(seq);
    prevs.push(prev);
    hashes.push(hash);
    prev = hash;
  }
  // Moves the rows: each pending row becomes its entry, in the same statement.
  const moved = await sql<{ entered: number; gone: number }>`
    with batch as (
      select * from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[])
        as b (record_id, seq, prev_hash, hash)
    ),
    entered as (
      insert into ledger_entries (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
        classification, audience, payload, payload_json, payload_hash, prev_hash, hash, record_id)
      select b.seq, p.at, p.actor_id, p.actor_label, p.delegation, p.action, p.subject_type, p.subject_id,
        p.classification, p.audience, coalesce(p.payload, p.payload_json::jsonb), p.payload_json, p.payload_hash,
        b.prev_hash, b.hash, p.id
      from batch b join ledger_pending p on p.id = b.record_id
      order by b.seq
      returning 1
    ),
    gone as (delete from ledger_pending p using batch b where p.id = b.record_id returning 1)
    select (select count(*) from entered) as entered, (select count(*) from gone) as gone`.execute(db);
  const counts = moved.rows[0];
  if (Number(counts?.entered) !== ids.length || Number(counts?.gone) !== ids.length)
    throw new Error(
      `integrating ${ids.length} pending entries moved ${counts?.entered} (someone else moved them)`,
    );
  // Their leaves and the parents they complete, computed here (tree.ts), one statement.
  await appendLeaves(db, firstSeq - 1, hashes);
  await sql`
    with moved as (update ledger_head set seq = ${seq}, hash = ${prev} where id = 1)
    select pg_notify(${LIVE_CHANNEL}, ${String(seq)})`.execute(db);
  // The wake-ups the commands asked for (src/db/wake-up.ts), after the batch's own NOTIFY.
  await sendWakeUps(db);
  return ids.length;
}

/**
 * Integrates until nothing committed is left pending: what a reader that needs the record
 * complete (a test, a CLI command, a restore) calls before reading. Answers how many.
 */
export async function settleRecord(db: Db, limit = SEQUENCER_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await integratePending(db, limit);
    total += done;
    if (done < limit) return total;
  }
}

/** How many committed entries wait for their place in the record. */
export async function pendingCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('ledger_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An entry by its record id once it has its place; null while it is pending (or unknown). */
export async function recordedEntry(db: Db, recordId: number): Promise<RecordedEntry | null> {
  const row = await db
    .selectFrom('ledger_entries')
    .select(['record_id', 'seq', 'hash', 'at'])
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  return row
    ? { recordId: Number(row.record_id), seq: Number(row.seq), hash: row.hash, at: row.at.toISOString() }
    : null;
}

export interface RecordSequencerOptions {
  pollMs?: number;
  retryMs?: number;
  batch?: number;
  log?: (err: unknown) => void;
}

/**
 * The record's sequencer, one per database: started by `accord serve` (the ledger module's
 * runner). It takes the lead with a session-level advisory lock held on a connection of its
 * own (`DbHandle.tryLead`); the leader looks for pending entries every `pollMs` and
 * integrates them in batches (`integratePending`), at once again while batches come back
 * full. Another process's sequencer tries for the lead every `retryMs`, so when the leader's
 * process dies (PostgreSQL ends its session and releases the lock) it takes over within
 * about a second. Writers send nothing: the sequencer polls, which costs one indexed look
 * per interval when nothing waits.
 *
 * Correctness does not rest on the election: `integratePending` locks the head, so a
 * leader that lost its lock connection while integrating can never integrate at the same
 * time as its successor; the election only keeps the processes from polling all at once.
 */
export class RecordSequencer implements Runner {
  private readonly pollMs: number;
  private readonly retryMs: number;
  private readonly batch: number;
  private readonly log: (err: unknown) => void;
  private stopped = true;
  private lead: Leadership | null = null;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly handle: DbHandle,
    options: RecordSequencerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? SEQUENCER_POLL_MS;
    this.retryMs = options.retryMs ?? SEQUENCER_RETRY_MS;
    this.batch = options.batch ?? SEQUENCER_BATCH;
    this.log = options.log ?? ((err) => console.error('accord: record sequencer', err));
  }

  /** Whether this sequencer holds the lead now. */
  get leading(): boolean {
    return this.lead !== null;
  }

  /** How many times this sequencer has taken the lead: a new term follows a lost or released one. */
  get terms(): number {
    return this.termCount;
  }
  private termCount = 0;

  /** Tries for the lead once (integrating what waits if it gets it), then keeps going in the background. */
  async start() {
    this.stopped = false;
    this.loop = this.run(await this.step());
  }

  /** Stops; a leader integrates what is pending one last time and gives up the lead. */
  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
    if (this.lead) {
      await settleRecord(this.handle.db, this.batch).catch(this.log);
      await this.lead.release().catch(this.log);
      this.lead = null;
    }
  }

  private async run(firstWait: number) {
    let wait = firstWait;
    while (!this.stopped) {
      if (wait > 0) await this.sleep(wait);
      if (this.stopped) break;
      wait = await this.step();
    }
  }

  /** One turn: take the lead if free, integrate if leading; answers how long to wait before the next. */
  private async step(): Promise<number> {
    if (!this.lead) {
      try {
        const lead = await this.handle.tryLead(SEQUENCER_LOCK);
        if (!lead) return this.retryMs;
        this.lead = lead;
        this.termCount += 1;
        lead.lost.then(() => {
          if (this.lead === lead) this.lead = null;
        });
      } catch (err) {
        this.log(err);
        return this.retryMs;
      }
    }
    try {
      const { rows } = await sql<{ waiting: boolean }>`
        select exists (select 1 from ledger_pending) or exists (select 1 from wake_ups) as waiting`.execute(
        this.handle.db,
      );
      if (!rows[0]?.waiting) return this.pollMs;
      const done = await integratePending(this.handle.db, this.batch);
      return done === this.batch ? 0 : this.pollMs;
    } catch (err) {
      this.log(err);
      return this.retryMs;
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      this.timer = setTimeout(resolve, ms);
    }).finally(() => {
      this.wakeUp = null;
    });
  }
}

/**
 * Moves the pending ids past every record id in the record, so that a new entry's record id
 * is never one an entry already has (after a restore put entries back with their ids).
 */
export async function reserveRecordIds(db: Db): Promise<void> {
  await sql`
    select setval(pg_get_serial_sequence('ledger_pending', 'id'), top)
    from (select greatest((select max(record_id) from ledger_entries), (select max(id) from ledger_pending)) as top) t
    where top is not null`.execute(db);
}
