import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import { buildUser, type TestContext, testContext, writeRecorded } from '../../testing/harness.ts';
import { verifyDatabase } from './queries.ts';

describe('the record', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(() => t.close());

  it('chains entries and verifies', async () => {
    await buildUser(t.handle);
    const result = await verifyDatabase(t.handle.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(2);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(
      sql`update ledger_entries set action = 'x' where seq = 1`.execute(t.handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_entries where seq = 1`.execute(t.handle.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('numbers entries one after another', async () => {
    const a = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'x',
      subjectId: '1',
      payload: { changes: {} },
    });
    const b = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'x',
      subjectId: '2',
      payload: { changes: {} },
    });
    expect(b.seq).toBe(a.seq + 1);
  });
});
