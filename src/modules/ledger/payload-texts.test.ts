import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { databaseBefore } from '../../testing/older-database.ts';
import { appendEntry } from './commands.ts';
import { bodyHash, canonicalPayload, payloadHash, sha256Hex } from './hash.ts';
import { verifyDatabase } from './queries.ts';
import { settleRecord } from './sequencer.ts';

// Migration 0019 keeps each payload's canonical text beside its value; entries from before it
// get theirs at the first start (fillPayloadTexts, the ledger module's prepare), hashing as they did.

let handle: DbHandle;
beforeAll(async () => {
  handle = await databaseBefore(19);
  // Entries as an older server wrote them: pending rows with a jsonb payload and no text.
  for (let i = 0; i < 5; i++) {
    const payload = { changes: { b: i, a: 'é', [`${10 - i}`]: null } };
    const fields = {
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i, 7)).toISOString(),
      actorId: null,
      actorLabel: 'old',
      delegation: null,
      action: 'user.updated',
      subjectType: 'user',
      subjectId: `u${i}`,
      classification: 0,
      audience: null,
      payloadHash: payloadHash(payload),
    };
    await sql`insert into ledger_pending (at, actor_id, actor_label, delegation, action, subject_type, subject_id,
        classification, audience, payload, payload_hash, body_hash)
      values (${fields.at}::timestamptz, null, 'old', null, 'user.updated', 'user', ${fields.subjectId}, 0, null,
        ${JSON.stringify(payload)}::jsonb, ${fields.payloadHash}, ${bodyHash(fields)})`.execute(handle.db);
  }
}, 120_000);
afterAll(() => handle.close());

describe('migration 0019: the payload text of older entries', () => {
  it('an older pending entry is integrated without a text and verifies; the next start fills it with the text its hash covers', async () => {
    await migrate(handle.db);
    await settleRecord(handle.db); // the older pending rows, integrated by the new sequencer
    await handle.db.transaction().execute((trx) =>
      appendEntry(trx, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'user',
        subjectId: 'new',
        payload: { changes: { displayName: 'é "1"' } },
      }),
    );
    await settleRecord(handle.db);
    const before = await handle.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
    expect(before.filter((r) => r.payload_json === null).map((r) => r.subject_id)).toEqual([
      'u0',
      'u1',
      'u2',
      'u3',
      'u4',
    ]);
    expect(await verifyDatabase(handle.db)).toMatchObject({ ok: true, checked: before.length });

    await migrate(handle.db); // the next start
    const rows = await handle.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
    for (const row of rows) {
      expect(row.payload_json).toBe(canonicalPayload(row.payload));
      expect(sha256Hex(row.payload_json as string)).toBe(row.payload_hash);
    }
    expect(rows.map((r) => r.hash)).toEqual(before.map((r) => r.hash));
    expect(await verifyDatabase(handle.db)).toMatchObject({ ok: true, checked: rows.length });
  });
});
