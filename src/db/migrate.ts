import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { modules } from '../core/registry.ts';
import type { Db } from './connect.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files in src/db/migrations, in order. Files are never edited once landed. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** The newest migration version the code knows. */
export function latestVersion(): number {
  const all = listMigrations();
  return all.length ? all[all.length - 1].version : 0;
}

/** The schema version applied to the database (0 when empty). */
export async function schemaVersion(db: Db): Promise<number> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('public.schema_migrations') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return 0;
  const row = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db);
  return Number(row.rows[0]?.v ?? 0);
}

/**
 * Applies every migration not yet applied, each in its own transaction. An advisory
 * lock makes concurrent starts on one PostgreSQL wait for each other instead of racing.
 */
export async function migrate(db: Db, onApplied?: (m: Migration) => void): Promise<Migration[]> {
  const applied: Migration[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(7263001)`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now())`.execute(conn);
      const done = new Set(
        (await sql<{ version: number }>`select version from schema_migrations`.execute(conn)).rows.map((r) =>
          Number(r.version),
        ),
      );
      for (const migration of listMigrations()) {
        if (done.has(migration.version)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
            trx,
          );
        });
        applied.push(migration);
        onApplied?.(migration);
      }
      // What modules declare in code and the database must also know (the kinds of
      // notification in a CHECK, say), under the same lock so processes starting together agree.
      for (const module of modules()) if (module.prepare) await module.prepare(conn);
    } finally {
      await sql`select pg_advisory_unlock(7263001)`.execute(conn);
    }
  });
  return applied;
}
