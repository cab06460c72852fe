import { type RawBuilder, sql } from 'kysely';
import { systemActor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { latestVersion } from '../../db/migrate.ts';
import type { VerifyResult } from '../ledger/index.ts';
import {
  appendReferencedEntry,
  completeTree,
  createCheckpoint,
  type LogKey,
  type RecordedEntry,
  recordedEntry,
  reserveRecordIds,
  settleRecord,
  verifyDatabase,
} from '../ledger/index.ts';
import { listTables, type TableInfo, tableRef } from './catalogue.ts';
import { BackupFileError, type BackupHeader, openBackup, type RowRecord } from './format.ts';

/** The database may not take this backup: it is not empty, or the backup is from a newer schema. */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** Rows inserted per statement (fewer when rows are large). */
  batchSize?: number;
  /** Called once the header has been read and checked. */
  onHeader?: (header: BackupHeader) => void;
  /** Called with the rows restored so far and the total the header announces. */
  onProgress?: (done: number, total: number) => void;
  /** The log's key: the restored head is signed with it (no checkpoint without it). */
  key?: LogKey | null;
}

export interface RestoreSummary {
  header: BackupHeader;
  /** Rows restored, by table. */
  rows: Record<string, number>;
  totalRows: number;
  /** Tables in the backup that this schema no longer has; their rows were left out. */
  skippedTables: string[];
  /** The system.restored entry written to the record. */
  entry: RecordedEntry;
  verified: VerifyResult;
}

const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Restores a backup into an empty database (migrations applied, no account,
 * organisation or record entry yet), in one transaction: the rows the migrations
 * seeded are cleared from the tables the backup holds, its rows go in parents first,
 * serial and identity sequences move past the restored ids, a `system.restored` entry
 * chains onto the restored record, and the record must verify before anything is
 * committed. A backup from an older schema restores into the tables that still exist.
 *
 * @throws BackupFileError when the file is not a backup or is damaged (naming the line)
 * @throws RestoreRefused when the database is not empty or the backup is newer than the code
 */
export async function restoreFromFile(
  db: Db,
  path: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const { header, rows, close } = await openBackup(path);
  try {
    const latest = latestVersion();
    if (header.schemaVersion > latest) {
      throw new RestoreRefused(
        `the backup is of schema version ${header.schemaVersion}, newer than this Accord knows (${latest}): restore it with a newer Accord`,
      );
    }
    const announced = new Map<string, number>();
    for (const t of header.tables) {
      if (announced.has(t.name)) throw new BackupFileError(`line 1: the header lists table ${t.name} twice`);
      announced.set(t.name, t.rows);
    }
    options.onHeader?.(header);
    return await db.transaction().execute(async (trx) => {
      // The record's sequencer takes this lock to integrate; holding it keeps it out until the
      // restore is done (and its own entry is integrated here, in this transaction).
      await sql`select seq from ledger_head where id = 1 for update`.execute(trx);
      await refuseUnlessEmpty(trx);
      const tables = await listTables(trx);
      const restoring = tables.filter((t) => announced.has(t.name));
      for (const table of [...restoring].reverse())
        await sql`delete from ${tableRef(table.name)}`.execute(trx);

      const restored = await insertRows(
        trx,
        rows,
        new Map(restoring.map((t) => [t.name, t])),
        announced,
        header,
        options,
      );
      for (const table of restoring) await resetSequences(trx, table);
      // New pending entries must take record ids past the restored ones.
      await reserveRecordIds(trx);
      // A backup from before the Merkle log (migration 0014) has no tree: grow it from the
      // entries, before anything else becomes a leaf.
      await completeTree(trx);

      const skippedTables = header.tables
        .map((t) => t.name)
        .filter((name) => !restoring.some((t) => t.name === name));
      const totalRows = Object.values(restored).reduce((sum, n) => sum + n, 0);
      const written = await appendReferencedEntry(trx, systemActor('accord restore'), {
        action: 'system.restored',
        subjectType: 'backup',
        subjectId: header.createdAt,
        payload: {
          backupCreatedAt: header.createdAt,
          backupSchemaVersion: header.schemaVersion,
          totalRows,
          rows: restored,
          ...(skippedTables.length ? { skippedTables } : {}),
        },
      });
      // Its entry, and any the backup held pending, take their place now, so that the check
      // below covers them and the restored head is signed with them.
      await settleRecord(trx);
      const entry = await recordedEntry(trx, written.recordId);
      if (!entry) throw new Error('the system.restored entry was not integrated');
      if (options.key) await createCheckpoint(trx, options.key);
      const verified = await verifyDatabase(trx);
      if (!verified.ok) {
        throw new Error(
          `the restored record does not verify, nothing was restored: ${verified.firstBad?.reason}`,
        );
      }
      return { header, rows: restored, totalRows, skippedTables, entry, verified };
    });
  } finally {
    await close();
  }
}

async function refuseUnlessEmpty(db: Db) {
  const found = await sql<{ accounts: boolean; organisation: boolean; entries: boolean }>`
    select exists (select 1 from users) as accounts,
      exists (select 1 from organisation) as organisation,
      exists (select 1 from ledger_entries) or exists (select 1 from ledger_pending) as entries`.execute(db);
  const { accounts, organisation, entries } = found.rows[0];
  const held = [
    accounts && 'accounts',
    organisation && 'an organisation',
    entries && 'record entries',
  ].filter(Boolean);
  if (held.length) {
    throw new RestoreRefused(
      `the database is not empty (it has ${held.join(', ')}): restore only into a new, empty database`,
    );
  }
}

/** Inserts the rows in the order of the file, several per statement; returns the count per table. */
async function insertRows(
  db: Db,
  rows: AsyncGenerator<RowRecord>,
  tables: Map<string, TableInfo>,
  announced: Map<string, number>,
  header: BackupHeader,
  options: RestoreOptions,
): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? 500;
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const seen = new Map<string, number>();
  const restored: Record<string, number> = {};
  let batch: RowRecord[] = [];
  let batchBytes = 0;
  let done = 0;
  let lastLine = 1;

  /** Rows whose references to their own table are filled in once every row is in, by table. */
  const pointing = new Map<string, RowRecord[]>();
  const flush = async () => {
    if (!batch.length) return;
    const table = tables.get(batch[0].table)!;
    await insertBatch(db, table, batch, header.schemaVersion);
    if (table.selfReferences.length) {
      const later = batch.filter((r) =>
        table.selfReferences.some((c) => r.row[c] !== null && r.row[c] !== undefined),
      );
      if (later.length) pointing.set(table.name, [...(pointing.get(table.name) ?? []), ...later]);
    }
    restored[table.name] = (restored[table.name] ?? 0) + batch.length;
    done += batch.length;
    options.onProgress?.(done, total);
    batch = [];
    batchBytes = 0;
  };

  options.onProgress?.(0, total);
  for await (const record of rows) {
    lastLine = record.lineNo;
    const expected = announced.get(record.table);
    if (expected === undefined) {
      throw new BackupFileError(`line ${record.lineNo}: table ${record.table} is not in the header`);
    }
    const count = (seen.get(record.table) ?? 0) + 1;
    if (count > expected) {
      throw new BackupFileError(
        `line ${record.lineNo}: more rows of ${record.table} than the header's ${expected}`,
      );
    }
    seen.set(record.table, count);
    if (!tables.has(record.table)) {
      done++;
      continue;
    }
    if (
      batch.length &&
      (batch[0].table !== record.table || batch.length >= batchSize || batchBytes >= BATCH_BYTES)
    ) {
      await flush();
    }
    batch.push(record);
    batchBytes += record.json.length;
  }
  await flush();
  for (const [name, records] of pointing)
    await fillSelfReferences(db, tables.get(name)!, records, header.schemaVersion);
  for (const [name, expected] of announced) {
    const got = seen.get(name) ?? 0;
    if (got !== expected) {
      throw new BackupFileError(
        `line ${lastLine}: the backup ends early: ${got} of the ${expected} rows of ${name} the header announces`,
      );
    }
  }
  for (const table of tables.values()) restored[table.name] ??= 0;
  return Object.fromEntries(Object.entries(restored).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * One INSERT … SELECT over jsonb_populate_recordset for a batch of rows of one table.
 * Columns the backup does not have (added by a later migration) take their defaults.
 * When the database refuses the batch, its rows are tried one by one to name the line.
 */
async function insertBatch(db: Db, table: TableInfo, batch: RowRecord[], backupVersion: number) {
  const keys = new Set(batch.flatMap((r) => Object.keys(r.row)));
  for (const u of upgradesOf(table.name, backupVersion)) keys.add(u.to);
  const known = new Set(table.columns.map((c) => c.name));
  // A backup of the same schema must match it exactly; an older one may hold columns since dropped.
  if (backupVersion === latestVersion()) {
    for (const record of batch) {
      const unknown = Object.keys(record.row).find((k) => !known.has(k));
      if (unknown) throw new BackupFileError(`line ${record.lineNo}: ${table.name} has no column ${unknown}`);
    }
  }
  const insertable = table.columns.filter((c) => !c.generated && keys.has(c.name));
  const columns = sql.join(insertable.map((c) => sql.id(c.name)));
  // A reference to the table itself goes in empty: the row it names may come later (fillSelfReferences).
  const values = sql.join(
    insertable.map((c) => (table.selfReferences.includes(c.name) ? sql`null` : sql.id(c.name))),
  );
  const overriding = insertable.some((c) => c.identity) ? sql`overriding system value` : sql``;
  const t = tableRef(table.name);
  const insert = (records: RowRecord[]) =>
    sql`
      insert into ${t} (${columns}) ${overriding}
      select ${values} from jsonb_populate_recordset(null::${t}, ${upgradedRows(table.name, backupVersion, `[${records.map((r) => r.json).join(',')}]`)})`.execute(
      db,
    );
  await sql`savepoint accord_restore_batch`.execute(db);
  try {
    await insert(batch);
  } catch {
    await sql`rollback to savepoint accord_restore_batch`.execute(db);
    for (const record of batch) {
      try {
        await insert([record]);
      } catch (err) {
        throw new BackupFileError(
          `line ${record.lineNo}: the row of ${table.name} cannot be restored: ${(err as Error).message}`,
        );
      }
    }
  }
  await sql`release savepoint accord_restore_batch`.execute(db);
}

/**
 * Fills in the references of a table's rows to rows of the same table, once all of them are
 * in: one UPDATE per batch, matched on the primary key.
 */
async function fillSelfReferences(db: Db, table: TableInfo, records: RowRecord[], backupVersion: number) {
  const t = tableRef(table.name);
  const set = sql.join(table.selfReferences.map((c) => sql`${sql.id(c)} = src.${sql.id(c)}`));
  const match = sql.join(
    table.primaryKey.map((k) => sql`${t}.${sql.id(k)} = src.${sql.id(k)}`),
    sql` and `,
  );
  for (let i = 0; i < records.length; i += 500) {
    const json = `[${records
      .slice(i, i + 500)
      .map((r) => r.json)
      .join(',')}]`;
    await sql`update ${t} set ${set}
      from jsonb_populate_recordset(null::${t}, ${upgradedRows(table.name, backupVersion, json)}) as src
      where ${match}`.execute(db);
  }
}

/**
 * What a later migration changed in the rows of a table, by the migration's version: a
 * backup made before it holds its rows the old way. Migration 0016 pointed decisions and
 * certificates at an entry's record id rather than its seq, and gave every entry a record id:
 * the entries written before it are their own record id (their seq), so the numbers the old
 * rows hold stay right.
 */
const ROW_UPGRADES: { version: number; table: string; from: string; to: string; kind: 'rename' | 'copy' }[] =
  [
    { version: 16, table: 'ledger_entries', from: 'seq', to: 'record_id', kind: 'copy' },
    { version: 16, table: 'decisions', from: 'ledger_seq', to: 'record_id', kind: 'rename' },
    { version: 16, table: 'clearance_certificates', from: 'ledger_seq', to: 'record_id', kind: 'rename' },
    {
      version: 16,
      table: 'clearance_requests',
      from: 'certificate_seq',
      to: 'certificate_record_id',
      kind: 'rename',
    },
  ];

const upgradesOf = (table: string, backupVersion: number) =>
  ROW_UPGRADES.filter((u) => u.table === table && backupVersion < u.version);

/**
 * The rows of a batch (a JSON array's text) as jsonb, with the upgrades their backup's
 * version needs applied in the database (jsonb keeps every digit).
 */
function upgradedRows(table: string, backupVersion: number, json: string): RawBuilder<unknown> {
  const upgrades = upgradesOf(table, backupVersion);
  if (!upgrades.length) return sql`${json}::jsonb`;
  let row: RawBuilder<unknown> = sql`r`;
  for (const u of upgrades) {
    row =
      u.kind === 'rename'
        ? sql`case when (${row}) ? ${u.from}::text
            then ((${row}) - ${u.from}::text) || jsonb_build_object(${u.to}::text, (${row}) -> ${u.from}::text)
            else (${row}) end`
        : // The row's own value wins when it has one.
          sql`jsonb_build_object(${u.to}::text, (${row}) -> ${u.from}::text) || (${row})`;
  }
  return sql`(select coalesce(jsonb_agg(${row} order by n), '[]'::jsonb)
    from jsonb_array_elements(${json}::jsonb) with ordinality as e (r, n))`;
}

/** Moves each serial or identity sequence of a table past the largest value restored. */
async function resetSequences(db: Db, table: TableInfo) {
  for (const column of table.columns) {
    if (!column.sequence) continue;
    await sql`
      select setval(${column.sequence}::regclass, max(${sql.id(column.name)}))
      from ${tableRef(table.name)}
      having max(${sql.id(column.name)}) is not null`.execute(db);
  }
}
