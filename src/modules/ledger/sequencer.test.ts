import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../config.ts';
import { systemActor } from '../../core/actor.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import {
  recordAfter,
  recordHead,
  secondHandle,
  type TestContext,
  testContext,
  testDatabase,
  testDatabaseUrl,
} from '../../testing/harness.ts';
import { appendEntry, appendReferencedEntry, LIVE_CHANNEL, type RecordInput } from './commands.ts';
import { sha256Hex } from './hash.ts';
import { verifyDatabase } from './queries.ts';
import {
  integratePending,
  pendingCount,
  RecordSequencer,
  SEQUENCER_LOCK,
  SEQUENCER_POLL_MS,
  settleRecord,
} from './sequencer.ts';
import { appendLeaves } from './tree.ts';

// The record's sequencer: writers put entries in ledger_pending inside their own
// transaction, without a lock; one sequencer per database numbers, chains and trees them.
// The tests that need two connections or two processes on one database run on PostgreSQL
// (TEST_DATABASE_URL, which CI sets): PGlite belongs to one process and runs one
// transaction at a time.
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const STORM = join(ROOT_DIR, 'src', 'testing', 'record-storm.ts');

const actor = systemActor('sequencer test');
const entry = (subjectId: string): RecordInput => ({
  action: 'user.updated',
  subjectType: 'sequencer',
  subjectId,
  payload: { changes: {} },
});
/** A write as a command makes it (the entry sent with COMMIT); answers its subject id. */
const write = async (handle: DbHandle, subjectId: string) => {
  await handle.db.transaction().execute((trx) => appendEntry(trx, actor, entry(subjectId)));
  return subjectId;
};

/** Polls until `check` holds, failing after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The writes (by subject id) that have their place in the record, of those given. */
async function integratedOf(handle: DbHandle, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await handle.db
    .selectFrom('ledger_entries')
    .select('subject_id')
    .where('subject_type', '=', 'sequencer')
    .where('subject_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.subject_id));
}

/** The writes (by subject id) in the order of their places. */
async function placesOf(handle: DbHandle, ids: string[]): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('ledger_entries')
    .select('subject_id')
    .where('subject_type', '=', 'sequencer')
    .where('subject_id', 'in', ids)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.subject_id);
}

/** The whole record is numbered 1..n without a gap, nothing waits, and it verifies (chain and tree). */
async function expectWholeRecord(handle: DbHandle) {
  const { rows } = await sql<{ n: number; max: number; head: number }>`
    select count(*) as n, max(seq) as max, (select seq from ledger_head) as head from ledger_entries`.execute(
    handle.db,
  );
  expect(Number(rows[0].n)).toBe(Number(rows[0].max));
  expect(Number(rows[0].head)).toBe(Number(rows[0].max));
  expect(await pendingCount(handle.db)).toBe(0);
  const verified = await verifyDatabase(handle.db);
  expect(verified.firstBad).toBeNull();
  expect(verified.ok).toBe(true);
}

describe('the record sequencer', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(() => t.close());

  it('numbers, chains and trees entries written concurrently, without a gap', async () => {
    const before = await recordHead(t.handle);
    const sequencer = new RecordSequencer(t.handle, { pollMs: 5 });
    await sequencer.start();
    let written: string[];
    try {
      written = await Promise.all(Array.from({ length: 60 }, (_, i) => write(t.handle, `concurrent ${i}`)));
      await until(async () => (await integratedOf(t.handle, written)).size === 60, 10_000, 'integration');
    } finally {
      await sequencer.stop();
    }
    const entries = await recordAfter(t.handle, before);
    expect(entries.map((e) => Number(e.seq))).toEqual(Array.from({ length: 60 }, (_, i) => before + 1 + i));
    expect(new Set(entries.map((e) => e.subject_id))).toEqual(new Set(written));
    expect(new Set(entries.map((e) => Number(e.record_id))).size).toBe(60);
    for (const [i, e] of entries.entries()) if (i > 0) expect(e.prev_hash).toBe(entries[i - 1].hash);
    await expectWholeRecord(t.handle);
  });

  it('gives an entry written after another committed a later place', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await write(t.handle, `in turn ${i}`));
    await settleRecord(t.handle.db);
    expect(await placesOf(t.handle, ids)).toEqual(ids);
  });

  it('leaves nothing behind for a write that rolled back', async () => {
    await settleRecord(t.handle.db);
    const head = await recordHead(t.handle);
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await appendEntry(trx, actor, entry('rolled back'));
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await pendingCount(t.handle.db)).toBe(0);
    expect(await integratePending(t.handle.db)).toBe(0);
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('sends one NOTIFY per batch, its payload the last seq', async () => {
    await settleRecord(t.handle.db);
    const heard: string[] = [];
    const unlisten = await t.handle.listen(LIVE_CHANNEL, (payload) => heard.push(payload));
    try {
      for (let i = 0; i < 5; i++) await write(t.handle, `batch ${i}`);
      expect(await integratePending(t.handle.db)).toBe(5);
      const head = await recordHead(t.handle);
      await until(() => heard.length > 0, 5_000, 'the NOTIFY');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toEqual([String(head)]);
    } finally {
      await unlisten();
    }
  });

  it('integrates in batches of at most its limit, oldest first', async () => {
    await settleRecord(t.handle.db);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await write(t.handle, `limited ${i}`));
    expect(await integratePending(t.handle.db, 3)).toBe(3);
    expect(await integratedOf(t.handle, ids)).toEqual(new Set(ids.slice(0, 3)));
    expect(await settleRecord(t.handle.db, 3)).toBe(4);
    await expectWholeRecord(t.handle);
  });

  it(`integrates a write within moments when running (polling every ${SEQUENCER_POLL_MS} ms)`, async () => {
    const sequencer = new RecordSequencer(t.handle);
    await sequencer.start();
    try {
      expect(sequencer.leading).toBe(true);
      const delays: number[] = [];
      for (let i = 0; i < 10; i++) {
        const id = await write(t.handle, `delay ${i}`);
        const start = performance.now();
        await until(async () => (await integratedOf(t.handle, [id])).size === 1, 5_000, 'integration');
        delays.push(performance.now() - start);
      }
      // The poll interval plus one batch; generous for a loaded machine.
      expect(Math.max(...delays)).toBeLessThan(1_000);
    } finally {
      await sequencer.stop();
    }
  });

  it('integrates what is pending when it stops', async () => {
    const sequencer = new RecordSequencer(t.handle, { pollMs: 60_000 });
    await sequencer.start();
    await write(t.handle, 'before stop');
    await sequencer.stop();
    expect(await pendingCount(t.handle.db)).toBe(0);
  });
});

describe('a batch of leaves', () => {
  it('grows the Merkle tree exactly as ledger_tree_append does one leaf at a time', async () => {
    const batched = await testDatabase();
    const oneByOne = await testDatabase();
    try {
      const hashes = Array.from({ length: 70 }, (_, i) => sha256Hex(`leaf ${i}`));
      let at = 0;
      for (const size of [1, 2, 3, 5, 8, 13, 1, 1, 7, 16, 13]) {
        await appendLeaves(batched.db, at, hashes.slice(at, at + size));
        at += size;
      }
      for (const [i, hash] of hashes.entries())
        await sql`select ledger_tree_append(${i}, ${hash})`.execute(oneByOne.db);
      const tree = (db: Db) =>
        sql<{ level: number; idx: number; hash: string }>`
          select level, idx, encode(hash, 'hex') as hash from ledger_tree order by level, idx`.execute(db);
      const [a, b] = await Promise.all([tree(batched.db), tree(oneByOne.db)]);
      expect(a.rows.length).toBeGreaterThan(hashes.length);
      expect(a.rows).toEqual(b.rows);
    } finally {
      await batched.close();
      await oneByOne.close();
    }
  });
});

describe.runIf(onServer)('sequencers of several processes on one PostgreSQL database', () => {
  let t: TestContext;
  let other: DbHandle;
  beforeAll(async () => {
    t = await testContext();
    other = await secondHandle(t.handle);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('integrate one at a time: explicit calls from two processes never integrate an entry twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await write(i % 2 ? other : t.handle, `racing ${i}`));
    const counts = await Promise.all([
      integratePending(t.handle.db, 7),
      integratePending(other.db, 7),
      settleRecord(t.handle.db, 5),
      settleRecord(other.db, 5),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect((await integratedOf(t.handle, ids)).size).toBe(40);
    await expectWholeRecord(t.handle);
  });

  it('keep an entry committed later after one seen earlier, whatever their record ids', async () => {
    await settleRecord(t.handle.db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstId = 0;
    let firstWritten!: () => void;
    const wroteFirst = new Promise<void>((resolve) => {
      firstWritten = resolve;
    });
    // The first writer takes its record id (written at once, as a decision's is), then waits
    // before committing.
    const first = t.handle.db.transaction().execute(async (trx) => {
      firstId = (await appendReferencedEntry(trx, actor, entry('slow writer'))).recordId;
      firstWritten();
      await gate;
    });
    await wroteFirst;
    const second = await other.db
      .transaction()
      .execute((trx) => appendReferencedEntry(trx, actor, entry('quick writer')));
    expect(second.recordId).toBeGreaterThan(firstId);
    // Only the committed one is seen, and placed.
    expect(await integratePending(t.handle.db)).toBe(1);
    release();
    await first;
    expect(await integratePending(other.db)).toBe(1);
    const rows = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'record_id'])
      .where('record_id', 'in', [firstId, second.recordId])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.record_id))).toEqual([second.recordId, firstId]);
    await expectWholeRecord(t.handle);
  });

  it('elect one leader, who leads again within the retry interval when its lock connection ends, and hand over when it stops', async () => {
    const a = new RecordSequencer(t.handle, { pollMs: 5, retryMs: 100 });
    const b = new RecordSequencer(other, { pollMs: 5, retryMs: 100 });
    await a.start();
    await b.start();
    try {
      expect([a.leading, b.leading]).toEqual([true, false]);
      // Writes from both processes are integrated by the leader alone.
      const ids = await Promise.all(
        Array.from({ length: 30 }, (_, i) => write(i % 2 ? other : t.handle, `led ${i}`)),
      );
      await until(async () => (await integratedOf(t.handle, ids)).size === ids.length, 10_000, 'integration');
      expect([a.leading, b.leading]).toEqual([true, false]);

      // The leader's lock connection ends (the server ended its session): PostgreSQL releases
      // the lock, and a sequencer leads again within the retry interval: the other one, or the
      // same process on a new connection (it still runs), never both.
      const ended = await sql<{ pid: number }>`
        select pid, pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory' and objid = ${SEQUENCER_LOCK} and granted
          and database = (select oid from pg_database where datname = current_database())`.execute(other.db);
      expect(ended.rows).toHaveLength(1);
      const lostAt = performance.now();
      await until(() => !a.leading, 5_000, 'the leader to notice');
      await until(() => a.leading || b.leading, 5_000, 'a sequencer to lead again');
      expect(performance.now() - lostAt).toBeLessThan(2_000);
      const later = await write(t.handle, 'after the lock connection ended');
      await until(async () => (await integratedOf(t.handle, [later])).size === 1, 5_000, 'integration');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([a.leading, b.leading].filter(Boolean)).toHaveLength(1);

      // A leader that stops (as its process ends) hands over to the other.
      const [leader, follower] = a.leading ? [a, b] : [b, a];
      await leader.stop();
      const stoppedAt = performance.now();
      await until(() => follower.leading, 5_000, 'the other sequencer to take over');
      expect(performance.now() - stoppedAt).toBeLessThan(2_000);
      const last = await write(t.handle, 'after the handover');
      await until(async () => (await integratedOf(t.handle, [last])).size === 1, 5_000, 'integration');
    } finally {
      await a.stop();
      await b.stop();
    }
    await expectWholeRecord(t.handle);
  });
});

/** Runs src/testing/record-storm.ts as a child process; lines of its stdout go to `onLine`. */
function startStorm(url: string, mode: 'storm' | 'sequencer', onLine: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', STORM, url, mode], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

async function kill(storm: { child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null }> }) {
  storm.child.kill('SIGKILL');
  expect((await storm.exited).signal).toBe('SIGKILL');
}

describe.runIf(onServer)('kill -9 mid-storm (PostgreSQL)', () => {
  let t: TestContext;
  let url: string;
  beforeAll(async () => {
    t = await testContext();
    url = (await testDatabaseUrl(t.handle)) as string;
  });
  afterAll(() => t?.close());

  it('loses no acknowledged write when the writing process, with its sequencer, is killed', {
    timeout: 120_000,
  }, async () => {
    const acknowledged: string[] = [];
    const storm = startStorm(url, 'storm', (line) => {
      const m = /^committed (.+)$/.exec(line);
      if (m) acknowledged.push(m[1]);
    });
    try {
      await until(() => acknowledged.length >= 400 || storm.child.exitCode !== null, 60_000, 'the storm');
      expect(storm.child.exitCode, storm.stderr()).toBeNull();
      // Mid-storm: its sequencer has integrated some, and more are pending.
      await until(async () => (await integratedOf(t.handle, acknowledged)).size > 0, 10_000, 'its sequencer');
    } finally {
      await kill(storm);
    }
    const acked = [...acknowledged];
    expect(acked.length).toBeGreaterThanOrEqual(400);
    await settleRecord(t.handle.db);
    expect((await integratedOf(t.handle, acked)).size).toBe(acked.length);
    await expectWholeRecord(t.handle);
  });

  it('loses no acknowledged write when the leading sequencer’s process is killed: another takes over', {
    timeout: 120_000,
  }, async () => {
    let leading = false;
    const storm = startStorm(url, 'sequencer', (line) => {
      if (line === 'leading') leading = true;
    });
    const mine = new RecordSequencer(t.handle, { pollMs: 5, retryMs: 200 });
    const acknowledged: string[] = [];
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; writing; i++) acknowledged.push(await write(t.handle, `writer ${w}: ${i}`));
    });
    try {
      await until(() => leading || storm.child.exitCode !== null, 30_000, 'the child to lead');
      expect(storm.child.exitCode, storm.stderr()).toBeNull();
      await mine.start();
      expect(mine.leading).toBe(false);
      await until(() => acknowledged.length >= 300, 60_000, 'writes');
      await until(
        async () => (await integratedOf(t.handle, acknowledged)).size > 0,
        10_000,
        'the child to integrate',
      );
      await kill(storm);
      const killedAt = performance.now();
      await until(() => mine.leading, 10_000, 'this process to take over');
      expect(performance.now() - killedAt).toBeLessThan(3_000);
      const atTakeover = acknowledged.length;
      await until(() => acknowledged.length >= atTakeover + 100, 30_000, 'writes after the takeover');
    } finally {
      writing = false;
      await Promise.all(writers);
      if (storm.child.exitCode === null && storm.child.signalCode === null) storm.child.kill('SIGKILL');
    }
    try {
      // Everything acknowledged gets its place from the new leader, without help.
      await until(
        async () => (await integratedOf(t.handle, acknowledged)).size === acknowledged.length,
        10_000,
        'the new leader to integrate every acknowledged write',
      );
    } finally {
      await mine.stop();
    }
    await expectWholeRecord(t.handle);
  });
});
