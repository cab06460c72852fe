import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule } from '../../core/module.ts';
import type { DbHandle } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { UserRow } from '../../db/schema.ts';
import { assemblePlatform } from '../../platform.ts';
import { buildUser, type TestContext, testContext } from '../../testing/harness.ts';
import { MODULES } from '../index.ts';

// The kinds of notification are one list, declared by the modules that send them: the
// database refuses any other kind, and a kind a module adds is let through once the
// modules are prepared again (at the next start).

let t: TestContext;
let handle: DbHandle;
let user: UserRow;

beforeAll(async () => {
  t = await testContext();
  handle = t.handle;
  user = await buildUser(handle);
});
afterAll(async () => {
  assemblePlatform(MODULES);
  await t.close();
});

const insert = (kind: string) =>
  sql`insert into notifications (user_id, kind, subject_type, subject_id, dedupe_key)
      values (${user.id}, ${kind}, 'proposal', gen_random_uuid(), ${`${kind}:test`})`.execute(handle.db);
const prefer = (kind: string) =>
  sql`insert into notification_preferences (user_id, kind) values (${user.id}, ${kind})`.execute(handle.db);
const checkOf = async (name: string) =>
  (
    await sql<{
      def: string;
    }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`.execute(handle.db)
  ).rows[0]?.def;

describe('the kinds of notification in the database', () => {
  it('a declared kind is accepted; an unknown kind is refused by the database itself', async () => {
    await insert('outcome');
    await expect(insert('made_up')).rejects.toThrow(/notifications_kind_check/);
    await expect(prefer('made_up')).rejects.toThrow(/notification_preferences_kind_check/);
    expect(await checkOf('notifications_kind_check')).toContain("'leg_escalated'::text");
  });

  it('a kind a module adds is let through once the modules are prepared again; unchanged, nothing is rewritten', async () => {
    const extra = defineModule({
      name: 'extra',
      notificationKinds: {
        made_up: {
          description: 'A kind only this test declares',
          email: {
            en: { name: 'Made up', text: () => ({ subject: 'Made up', lines: [] }) },
            ru: { name: 'Выдумано', text: () => ({ subject: 'Выдумано', lines: [] }) },
          },
        },
      },
    });
    assemblePlatform([...MODULES, extra]);
    await migrate(handle.db);
    await insert('made_up');
    await prefer('made_up');
    const before = await sql<{ xmin: string }>`
      select xmin::text from pg_constraint where conname = 'notifications_kind_check'`.execute(handle.db);
    await migrate(handle.db);
    const after = await sql<{ xmin: string }>`
      select xmin::text from pg_constraint where conname = 'notifications_kind_check'`.execute(handle.db);
    expect(after.rows).toEqual(before.rows);
  });
});
