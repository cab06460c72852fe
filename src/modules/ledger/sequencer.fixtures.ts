import { sql } from 'kysely';
import { expect } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { appendEntry, type RecordInput } from './commands.ts';
import { verifyDatabase } from './queries.ts';
import { pendingCount } from './sequencer.ts';

// What the sequencer's tests share (sequencer.test.ts on either database, sequencer.pg.test.ts
// on PostgreSQL): writes as a command makes them, and the checks of a whole record.

export const actor = systemActor('sequencer test');
export const entry = (subjectId: string): RecordInput => ({
  action: 'user.updated',
  subjectType: 'sequencer',
  subjectId,
  payload: { changes: {} },
});
/** A write as a command makes it (the entry sent with COMMIT); answers its subject id. */
export const write = async (handle: DbHandle, subjectId: string) => {
  await handle.db.transaction().execute((trx) => appendEntry(trx, actor, entry(subjectId)));
  return subjectId;
};

/** Polls until `check` holds, failing after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The writes (by subject id) that have their place in the record, of those given. */
export async function integratedOf(handle: DbHandle, ids: string[]): Promise<Set<string>> {
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
export async function placesOf(handle: DbHandle, ids: string[]): Promise<string[]> {
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
export async function expectWholeRecord(handle: DbHandle) {
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
