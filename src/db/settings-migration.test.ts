import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore } from '../testing/older-database.ts';
import type { DbHandle } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0011 moves the procedure horizon from the payload of the last `organisation.loaded`
// record entry to a column of the organisation: a database that loaded a file before it keeps
// the horizon that file set.

const SETTINGS = 11;

/** The organisation row, and `organisation.loaded` entries stating these settings, oldest first. */
async function loaded(handle: DbHandle, payloads: unknown[]) {
  await sql`insert into organisation (short_name_en, short_name_ru, name_en, name_ru, working_languages, time_zone)
    values ('TO', 'ТО', 'Test Organisation', 'Тестовая организация', '{en,ru}', 'UTC')`.execute(handle.db);
  for (const [i, payload] of payloads.entries())
    await sql`insert into ledger_entries (seq, at, actor_label, action, subject_type, subject_id, payload,
        payload_hash, prev_hash, hash)
      values (${i + 1}, now(), 'test', 'organisation.loaded', 'organisation', 'TO', ${JSON.stringify(payload)}::jsonb,
        'test', 'test', encode(sha256(convert_to(${`test-${i}`}, 'UTF8')), 'hex'))`.execute(handle.db);
}

const horizon = async (handle: DbHandle) =>
  (await handle.db.selectFrom('organisation').select('procedure_max_horizon_days').executeTakeFirstOrThrow())
    .procedure_max_horizon_days;

describe('migration 0011: the procedure horizon becomes a setting of the organisation', () => {
  const handles: DbHandle[] = [];
  const olderDatabase = async () => {
    const handle = await databaseBefore(SETTINGS);
    handles.push(handle);
    return handle;
  };
  beforeAll(() => {
    expect(listMigrations().some((m) => m.version === SETTINGS)).toBe(true);
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it('keeps the horizon the last load stated', async () => {
    const handle = await olderDatabase();
    await loaded(handle, [{ procedures: { maxHorizonDays: 90 } }, { procedures: { maxHorizonDays: 30 } }]);
    await migrate(handle.db);
    expect(await horizon(handle)).toBe(30);
  });

  it('365 days when the last load stated none, or one out of range', async () => {
    for (const payloads of [
      [{ procedures: { maxHorizonDays: 30 } }, { source: 'older' }],
      [{ procedures: { maxHorizonDays: 0 } }],
      [],
    ]) {
      const handle = await olderDatabase();
      await loaded(handle, payloads);
      await migrate(handle.db);
      expect(await horizon(handle), JSON.stringify(payloads)).toBe(365);
    }
  });
});
