import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type DbHandle, type DbKind } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { RecordSequencer } from '../src/modules/ledger/index.ts';
import { localPostgresAvailable, PG_BIN, startLocalPostgres } from './postgres.ts';

/** The database the benchmarks run on: a PostgreSQL server, or PGlite when there is none. */
export interface BenchTarget {
  kind: DbKind;
  /** Where it came from, for the report. */
  source: string;
  /** The server's URL (its own database is never written: each benchmark makes a fresh one). */
  serverUrl?: string;
  close(): void;
}

/**
 * PGlite when asked (`pglite`); else BENCH_DATABASE_URL (or DATABASE_URL) names a server;
 * otherwise a throwaway local PostgreSQL is started if its binaries are there; otherwise PGlite.
 */
export async function openTarget(
  log: (line: string) => void,
  options: { pglite?: boolean } = {},
): Promise<BenchTarget> {
  if (options.pglite)
    return { kind: 'pglite', source: 'PGlite in memory (asked for with --pglite)', close() {} };
  const named = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (named) {
    const which = process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'DATABASE_URL';
    return { kind: 'postgresql', source: `PostgreSQL from ${which}`, serverUrl: named, close() {} };
  }
  if (localPostgresAvailable()) {
    log(`starting a throwaway PostgreSQL from ${PG_BIN} …`);
    const server = await startLocalPostgres();
    return {
      kind: 'postgresql',
      source: `throwaway local PostgreSQL on port ${server.port} (default durability settings)`,
      serverUrl: server.url,
      close: () => server.stop(),
    };
  }
  log(
    `no BENCH_DATABASE_URL or DATABASE_URL, and no PostgreSQL binaries in ${PG_BIN}: falling back to PGlite`,
  );
  return {
    kind: 'pglite',
    source: 'PGlite in memory (no PostgreSQL available: figures are not PostgreSQL figures)',
    close() {},
  };
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with the migrations applied; on a server it is created here and dropped on
 * close. The record's sequencer runs on it, as `accord serve` runs one (`sequencer: false` for
 * a bench that runs its own).
 */
export async function freshDatabase(
  target: BenchTarget,
  poolSize = 10,
  options: { sequencer?: boolean } = {},
): Promise<DbHandle & { url?: string }> {
  const withSequencer = async (handle: DbHandle, drop: () => Promise<void> = async () => {}) => {
    const sequencer = options.sequencer === false ? null : new RecordSequencer(handle);
    await sequencer?.start();
    const close = handle.close.bind(handle);
    return {
      ...handle,
      async close() {
        await sequencer?.stop();
        await close();
        await drop();
      },
    };
  };
  if (!target.serverUrl) {
    const handle = await connect({});
    await migrate(handle.db);
    return withSequencer(handle);
  }
  const serverUrl = target.serverUrl;
  const name = `accord_bench_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), poolSize });
  await migrate(handle.db);
  return {
    ...(await withSequencer(handle, () =>
      admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
    )),
    url: url.toString(),
  };
}

/** A database on the target's server, created empty and dropped by `drop`, for a server process to use. */
export async function emptyServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_bench_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

/** The server settings that decide how much a commit costs. */
export async function durabilitySettings(db: DbHandle): Promise<string> {
  if (db.kind === 'pglite') return 'PGlite';
  const rows = await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'server_version')
    order by name`.execute(db.db);
  return rows.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
}
