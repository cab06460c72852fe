import { sql } from 'kysely';
import { notificationKinds } from '../../core/registry.ts';
import type { Db } from '../../db/connect.ts';

// The kinds of notification are declared by the modules that send them (`notificationKinds`
// in each module's index.ts) and gathered by the registry: that one list is what the
// preferences accept and what the database's CHECKs allow (installed by `prepare`, below).

/** Every kind some module declares, in the order they were declared. */
export const kindNames = (): string[] => [...notificationKinds().keys()];

/** Whether some module declares the kind. */
export const isNotificationKind = (kind: string): boolean => notificationKinds().has(kind);

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The CHECK of a kind column as PostgreSQL prints it back (pg_get_constraintdef). */
const printed = (kinds: string[]) =>
  kinds.length === 0
    ? 'CHECK (false)'
    : `CHECK ((kind = ANY (ARRAY[${kinds.map((k) => `${quote(k)}::text`).join(', ')}])))`;

const CHECKS = [
  { table: 'notifications', name: 'notifications_kind_check' },
  { table: 'notification_preferences', name: 'notification_preferences_kind_check' },
] as const;

/**
 * Installs `check (kind in (...))` on notifications and notification_preferences from the
 * kinds the modules declare, only where the constraint's current definition differs: an
 * unknown kind is refused by the database itself. Run after the migrations (module prepare).
 */
export async function installKindChecks(db: Db): Promise<void> {
  const kinds = kindNames();
  const want = printed(kinds);
  for (const { table, name } of CHECKS) {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conname = ${name} and c.conrelid = ${table}::regclass`.execute(db);
    if (rows[0]?.def === want) continue;
    const list = kinds.length ? `kind in (${kinds.map(quote).join(', ')})` : 'false';
    await db.transaction().execute(async (trx) => {
      await sql.raw(`alter table ${table} drop constraint if exists ${name}`).execute(trx);
      await sql.raw(`alter table ${table} add constraint ${name} check (${list})`).execute(trx);
    });
  }
}
