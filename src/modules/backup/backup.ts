import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type RawBuilder, sql } from 'kysely';
import { APP_VERSION } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { listTables, type TableInfo, tableRef } from './catalogue.ts';
import { BACKUP_FORMAT, type BackupHeader, rowLine } from './format.ts';

export interface BackupOptions {
  /** Rows read per query. */
  pageSize?: number;
  /** Called once the header is known: the tables and their row counts. */
  onHeader?: (header: BackupHeader) => void;
  /** Called with the rows written so far and the total, after each page. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A backup of every table in the public schema (except schema_migrations) as JSON
 * Lines, one chunk per page of rows. Everything is read in one REPEATABLE READ, READ
 * ONLY transaction, so the backup is one consistent moment even while the server
 * writes; rows are read a page at a time in primary-key order, so memory stays flat.
 * The transaction ends when the generator finishes or is abandoned.
 *
 * @example
 * await pipeline(Readable.from(backupChunks(db)), createWriteStream('accord.jsonl'));
 */
export async function* backupChunks(db: Db, options: BackupOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 1000;
  const trx = await db
    .startTransaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute();
  try {
    const tables = await listTables(trx);
    const counts: BackupHeader['tables'] = [];
    for (const table of tables) {
      const n = await sql<{ n: number }>`select count(*) as n from ${tableRef(table.name)}`.execute(trx);
      counts.push({ name: table.name, rows: Number(n.rows[0].n) });
    }
    const header: BackupHeader = {
      type: 'header',
      format: BACKUP_FORMAT,
      schemaVersion: await schemaVersion(trx),
      createdAt: new Date().toISOString(),
      accordVersion: APP_VERSION,
      tables: counts,
    };
    options.onHeader?.(header);
    const total = counts.reduce((sum, t) => sum + t.rows, 0);
    yield `${JSON.stringify(header)}\n`;
    let done = 0;
    options.onProgress?.(done, total);
    for (const table of tables) {
      for await (const page of readPages(trx, table, pageSize)) {
        yield page.map((json) => rowLine(table.name, json)).join('');
        done += page.length;
        options.onProgress?.(done, total);
      }
    }
  } finally {
    // Read only: nothing to keep, and rolling back also ends a transaction that failed.
    await trx.rollback().execute();
  }
}

/**
 * Backs up to a file, gzipped when its name ends in .gz, and returns the header. The
 * file is written beside its final name and renamed at the end, so a failed backup
 * never leaves a partial file under that name. It holds password hashes and the
 * record's signing key, so it is created readable by its owner only.
 */
export async function backupToFile(db: Db, path: string, options: BackupOptions = {}): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const partial = `${path}.partial`;
  const source = Readable.from(
    backupChunks(db, {
      ...options,
      onHeader: (h) => {
        header = h;
        options.onHeader?.(h);
      },
    }),
  );
  const file = createWriteStream(partial, { mode: 0o600 });
  try {
    if (path.endsWith('.gz')) await pipeline(source, createGzip(), file);
    else await pipeline(source, file);
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return header!;
}

/**
 * The rows of one table as `to_jsonb` text, a page at a time: keyset pagination on the
 * primary key (the last row of a page, read back through jsonb_populate_record, is the
 * key to continue after), or on physical position for a table without one.
 */
async function* readPages(db: Db, table: TableInfo, pageSize: number): AsyncGenerator<string[]> {
  const t = tableRef(table.name);
  if (table.primaryKey.length === 0) {
    let after: { rel: number; tid: string } | null = null;
    for (;;) {
      const where: RawBuilder<unknown> = after
        ? sql`where (t.tableoid, t.ctid) > (${String(after.rel)}::oid, ${after.tid}::tid)`
        : sql``;
      const page = await sql<{ row: string; rel: number; tid: string }>`
        select to_jsonb(t)::text as row, t.tableoid::int8 as rel, t.ctid::text as tid
        from ${t} as t ${where}
        order by t.tableoid, t.ctid
        limit ${pageSize}`.execute(db);
      if (page.rows.length) yield page.rows.map((r) => r.row);
      if (page.rows.length < pageSize) return;
      const last = page.rows[page.rows.length - 1];
      after = { rel: Number(last.rel), tid: last.tid };
    }
  }
  const columns = (alias: string) =>
    sql.join(
      table.primaryKey.map((c) => sql.id(alias, c)),
      sql`, `,
    );
  let after: string | null = null;
  for (;;) {
    const where: RawBuilder<unknown> =
      after === null
        ? sql``
        : sql`where (${columns('t')}) > (select ${columns('k')} from jsonb_populate_record(null::${t}, ${after}::jsonb) as k)`;
    const page = await sql<{ row: string }>`
      select to_jsonb(t)::text as row from ${t} as t ${where}
      order by ${columns('t')}
      limit ${pageSize}`.execute(db);
    if (page.rows.length) yield page.rows.map((r) => r.row);
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1].row;
  }
}
