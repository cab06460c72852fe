import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { connect, type DbHandle } from '../../db/connect.ts';
import { type TestContext, testDatabaseUrl } from '../../testing/harness.ts';
import { EnterValuesInput } from './schema.ts';
import { type AlertPeople, alertsContext, daysAgo } from './test-support.ts';
import { enterValues } from './values.ts';

// Two changes of one region's values at once, on a PostgreSQL server where transactions really
// overlap (PGlite runs one at a time: part of the PostgreSQL suite). The second waits for the
// first's lock on the region's level and then reads what the first wrote: the level ends where
// both values together put it, whatever the interleaving.

let t: TestContext;
let p: AlertPeople;
let other: DbHandle;
beforeAll(async () => {
  ({ t, people: p } = await alertsContext());
  const url = await testDatabaseUrl(t.handle);
  if (!url) throw new Error('the PostgreSQL suite needs TEST_DATABASE_URL');
  other = await connect({ databaseUrl: url, poolSize: 4 });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

/** Resolves once a session waits for a lock (the second, for the first's region row). */
async function someoneWaitsForALock() {
  for (;;) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and a.datname = current_database()`.execute(
      other.db,
    );
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('two changes of a region at once', () => {
  it('the second, waiting for the first, works from both values (the combination rule escalates)', async () => {
    const actor = personFromRow(p.admin);
    const media = EnterValuesInput.parse({ values: [{ at: daysAgo(2), value: 250 }] });
    const displaced = EnterValuesInput.parse({ values: [{ at: daysAgo(2), value: 1500 }] });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const firstEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    // The first holds its transaction open (and the region's lock) after its work.
    const first = t.handle.db.transaction().execute(async (trx) => {
      const r = await enterValues(trx, actor, 'border-media', media);
      entered();
      await gate;
      return r;
    });
    await firstEntered;
    const second = other.db
      .transaction()
      .execute((trx) => enterValues(trx, actor, 'border-displaced', displaced));
    await someoneWaitsForALock();
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.level).toMatchObject({ from: 1, to: 3, change: 'rose' });
    expect(b.level).toMatchObject({ from: 3, to: 4, change: 'rose' });
    const row = await t.handle.db
      .selectFrom('region_levels')
      .select('level')
      .where('region_code', '=', 'border')
      .executeTakeFirstOrThrow();
    expect(row.level).toBe(4);
  });
});
