import { sql } from 'kysely';
import { connect, type DbHandle } from '../db/connect.ts';
import { listMigrations } from '../db/migrate.ts';

/**
 * An embedded database with only the migrations before `version` applied, as an older server
 * left it: for the tests of a migration that changes rows (then `migrate` applies the rest).
 */
export async function databaseBefore(version: number): Promise<DbHandle> {
  const handle = await connect({});
  await sql`create table schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
    handle.db,
  );
  for (const migration of listMigrations().filter((m) => m.version < version)) {
    await sql.raw(migration.sql).execute(handle.db);
    await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
      handle.db,
    );
  }
  return handle;
}
