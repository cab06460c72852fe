import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { entryHash, GENESIS_HASH, payloadHash } from '../modules/ledger/hash.ts';
import { appendEntry, settleRecord } from '../modules/ledger/index.ts';
import { verifyDatabase } from '../modules/ledger/queries.ts';
import { databaseBefore } from '../testing/older-database.ts';
import type { DbHandle } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0016 gives every entry a record id: the entries written before it are their own
// record id (their seq), pending entries take ids past them, and what pointed at a seq (a
// decision, a certificate) now holds the same number as a record id.

const RECORD_IDS = 16;

/** Entries 1..n chained as the old appendEntry wrote them, with their leaves, and the head. */
async function oldEntries(handle: DbHandle, n: number) {
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const payload = { changes: {} };
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      actorId: null,
      actorLabel: 'older server',
      delegation: null,
      action: 'user.updated',
      subjectType: 'user',
      subjectId: `old ${seq}`,
      classification: 0,
      audience: null,
      payloadHash: payloadHash(payload),
      prevHash,
    };
    const hash = entryHash(fields);
    await sql`insert into ledger_entries (seq, at, actor_label, action, subject_type, subject_id, classification,
        payload, payload_hash, prev_hash, hash)
      values (${seq}, ${fields.at}, ${fields.actorLabel}, ${fields.action}, ${fields.subjectType}, ${fields.subjectId},
        0, ${JSON.stringify(payload)}::jsonb, ${fields.payloadHash}, ${prevHash}, ${hash})`.execute(
      handle.db,
    );
    await sql`select ledger_tree_append(${seq - 1}, ${hash})`.execute(handle.db);
    prevHash = hash;
  }
  await sql`update ledger_head set seq = ${n}, hash = ${prevHash} where id = 1`.execute(handle.db);
}

describe('migration 0016: record ids', () => {
  const handles: DbHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it('makes each older entry its own record id, and new ones take ids past them', async () => {
    expect(listMigrations().some((m) => m.version === RECORD_IDS)).toBe(true);
    const handle = await databaseBefore(RECORD_IDS);
    handles.push(handle);
    await oldEntries(handle, 5);
    await migrate(handle.db);

    const entries = await handle.db.selectFrom('ledger_entries').select(['seq', 'record_id']).execute();
    expect(entries.map((e) => [Number(e.seq), Number(e.record_id)])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    // The columns that held a seq hold the same number as a record id, with no foreign key.
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name in ('record_id', 'certificate_record_id',
        'ledger_seq', 'ledger_hash', 'certificate_seq')
      order by table_name, column_name`.execute(handle.db);
    expect(columns.rows).toEqual([
      { table_name: 'clearance_certificates', column_name: 'record_id' },
      { table_name: 'clearance_requests', column_name: 'certificate_record_id' },
      { table_name: 'decisions', column_name: 'record_id' },
      { table_name: 'ledger_entries', column_name: 'record_id' },
    ]);

    await handle.db.transaction().execute((trx) =>
      appendEntry(trx, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'user',
        subjectId: 'after 0016',
        payload: { changes: {} },
      }),
    );
    await settleRecord(handle.db);
    const added = await handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'record_id'])
      .where('subject_id', '=', 'after 0016')
      .executeTakeFirstOrThrow();
    expect(Number(added.seq)).toBe(6);
    expect(Number(added.record_id)).toBeGreaterThan(5);
    expect((await verifyDatabase(handle.db)).ok).toBe(true);
  });

  it('starts the pending ids at 1 on an empty record', async () => {
    const handle = await databaseBefore(RECORD_IDS);
    handles.push(handle);
    await migrate(handle.db);
    const next = await sql<{ id: number }>`
      select nextval(pg_get_serial_sequence('ledger_pending', 'id')) as id`.execute(handle.db);
    expect(Number(next.rows[0].id)).toBe(1);
  });
});
