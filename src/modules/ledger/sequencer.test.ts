import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import {
  recordAfter,
  recordHead,
  type TestContext,
  testContext,
  testDatabase,
} from '../../testing/harness.ts';
import { appendEntry, LIVE_CHANNEL } from './commands.ts';
import { sha256Hex } from './hash.ts';
import {
  actor,
  entry,
  expectWholeRecord,
  integratedOf,
  placesOf,
  until,
  write,
} from './sequencer.fixtures.ts';
import {
  integratePending,
  pendingCount,
  RecordSequencer,
  SEQUENCER_POLL_MS,
  settleRecord,
} from './sequencer.ts';
import { appendLeaves } from './tree.ts';

// The record's sequencer: writers put entries in ledger_pending inside their own
// transaction, without a lock; one sequencer per database numbers, chains and trees them.
// What needs two connections or two processes on one database is in sequencer.pg.test.ts.

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
    const before = await recordHead(t.handle);
    const heard: string[] = [];
    // A NOTIFY of the batches settled above may still be on its way: only this batch's count.
    const unlisten = await t.handle.listen(LIVE_CHANNEL, (payload) => {
      if (Number(payload) > before) heard.push(payload);
    });
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
      // Nobody settles the record here: each write gets its place from the running sequencer alone.
      for (let i = 0; i < 10; i++) {
        const id = await write(t.handle, `delay ${i}`);
        await until(async () => (await integratedOf(t.handle, [id])).size === 1, 10_000, 'integration');
      }
      expect(await pendingCount(t.handle.db)).toBe(0);
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
