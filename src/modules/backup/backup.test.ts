import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import { latestVersion } from '../../db/migrate.ts';
import {
  buildUser,
  type TestContext,
  testContext,
  testDatabase,
  testLogKey,
  tokenFor,
  writeRecorded,
} from '../../testing/harness.ts';
import { signIn } from '../auth/commands.ts';
import { createCheckpoint } from '../ledger/checkpoints.ts';
import { appendEntry, appendReferencedEntry } from '../ledger/commands.ts';
import { verifyDatabase } from '../ledger/queries.ts';
import { settleRecord } from '../ledger/sequencer.ts';
import { backupChunks, backupToFile } from './backup.ts';
import { listTables, tableRef } from './catalogue.ts';
import { BackupFileError } from './format.ts';
import { RestoreRefused, restoreFromFile } from './restore.ts';

/** Every table's rows as to_jsonb text, ordered by primary key. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const order = table.primaryKey.length ? sql.join(table.primaryKey.map((c) => sql.id('t', c))) : sql`1`;
    const rows = await sql<{ row: string }>`
      select to_jsonb(t)::text as row from ${tableRef(table.name)} as t order by ${order}`.execute(db);
    out[table.name] = rows.rows.map((r) => r.row);
  }
  return out;
}

const readJsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** The tables a restore itself writes to: one more entry, the head that follows it, one more checkpoint. */
const RECORD_TABLES = ['ledger_entries', 'ledger_head', 'ledger_checkpoints', 'ledger_tree'];

describe('backup and restore', () => {
  let source: TestContext;
  let dir: string;
  let file: string;
  let before: Record<string, string[]>;
  /** A fresh database the refused restores must leave as it was. */
  let empty: DbHandle;
  let emptyDump: Record<string, string[]>;
  const opened: DbHandle[] = [];
  const fresh = async () => {
    const handle = await testDatabase();
    opened.push(handle);
    return handle;
  };

  beforeAll(async () => {
    source = await testContext();
    const admin = await buildUser(source.handle, { role: 'secretariat_admin', username: 'admin-one' });
    const delegate = await buildUser(source.handle, { stateCode: 'AM', accessLevel: 'confidential' });
    await buildUser(source.handle, { role: 'observer', partnerCode: 'SCO' });
    await tokenFor(source.handle, admin);
    await tokenFor(source.handle, delegate);
    await source.handle.db
      .transaction()
      .execute((trx) =>
        signIn(trx, { username: 'admin-one', password: 'correct horse battery' }, { sessionHours: 1 }),
      );
    await createCheckpoint(source.handle.db, testLogKey());
    // An entry after the checkpoint, so the backup's head is past its last signature.
    await writeRecorded(source.handle, systemActor('test'), {
      action: 'system.restored',
      subjectType: 'organisation',
      subjectId: 'TO',
      // Unicode, quotes and a big number, which must come back exactly.
      payload: {
        backupCreatedAt: 'Ünïcödé, "quotes"',
        backupSchemaVersion: 1,
        totalRows: 12345678901234,
        rows: { ünïcödé: 12345678901234 },
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'accord-backup-'));
    file = join(dir, 'backup.jsonl');
    await backupToFile(source.handle.db, file);
    before = await dump(source.handle.db);
    empty = await fresh();
    emptyDump = await dump(empty.db);
  });

  afterAll(async () => {
    for (const handle of opened) await handle.close();
    await source?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a header naming every table with its row count, then the rows parents first', async () => {
    const [header, ...rows] = readJsonLines(file);
    expect(header).toMatchObject({
      type: 'header',
      format: 'accord-backup/1',
      schemaVersion: latestVersion(),
    });
    const names = header.tables.map((t: { name: string }) => t.name);
    expect(new Set(names)).toEqual(new Set(Object.keys(before)));
    expect(names).not.toContain('schema_migrations');
    for (const t of header.tables) expect(t.rows, t.name).toBe(before[t.name].length);
    expect(rows.length).toBe(Object.values(before).flat().length);

    const position = new Map<string, number>(names.map((n: string, i: number) => [n, i]));
    for (const table of await listTables(source.handle.db)) {
      for (const parent of table.parents)
        expect(position.get(parent)!, `${parent} before ${table.name}`).toBeLessThan(
          position.get(table.name)!,
        );
    }
    const tableOfRow = rows.map((r: { table: string }) => position.get(r.table)!);
    expect(tableOfRow).toEqual([...tableOfRow].sort((a, b) => a - b));
  });

  it('reads the same rows a page at a time as in one go', async () => {
    const collect = async (pageSize: number) => {
      let text = '';
      for await (const chunk of backupChunks(source.handle.db, { pageSize })) text += chunk;
      return text.split('\n').slice(1);
    };
    expect(await collect(2)).toEqual(await collect(10_000));
  });

  it('restores the same data into a fresh database, with a record that verifies and chains on', async () => {
    const target = await fresh();
    const summary = await restoreFromFile(target.db, file, { key: testLogKey() });
    expect(summary.skippedTables).toEqual([]);
    expect(summary.totalRows).toBe(Object.values(before).flat().length);

    const after = await dump(target.db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      if (RECORD_TABLES.includes(name)) continue;
      expect(after[name], name).toEqual(before[name]);
    }
    const entries = before.ledger_entries.length;
    expect(after.ledger_entries.slice(0, entries)).toEqual(before.ledger_entries);
    expect(after.ledger_entries.length).toBe(entries + 1);
    expect(after.ledger_checkpoints.slice(0, before.ledger_checkpoints.length)).toEqual(
      before.ledger_checkpoints,
    );
    // The Merkle tree grows by the restore's own leaf (and the subtrees it completes).
    expect(after.ledger_tree).toEqual(expect.arrayContaining(before.ledger_tree));
    expect(after.ledger_tree.length).toBeGreaterThan(before.ledger_tree.length);

    const restored = await target.db
      .selectFrom('ledger_entries')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(restored).toMatchObject({
      seq: entries + 1,
      action: 'system.restored',
      actor_label: 'accord restore',
    });
    const header = readJsonLines(file)[0];
    expect(restored.payload).toMatchObject({
      backupCreatedAt: header.createdAt,
      rows: { users: before.users.length },
    });

    const verified = await verifyDatabase(target.db);
    expect(verified).toMatchObject({ ok: true, checked: entries + 1 });
    expect(verified.checkpoint).toMatchObject({ size: entries + 1, valid: true });

    const next = await writeRecorded(target, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'x',
      subjectId: 'next',
      payload: { changes: {} },
    });
    expect(next.seq).toBe(entries + 2);
    expect((await verifyDatabase(target.db)).ok).toBe(true);

    // Serial ids go on after the restored ones.
    const ids = await sql<{ next: number; max: number }>`
      select nextval(pg_get_serial_sequence('public.priority_items', 'id')) as next,
        (select max(id) from priority_items) as max`.execute(target.db);
    expect(Number(ids.rows[0].next)).toBe(Number(ids.rows[0].max) + 1);
  });

  it('reads one consistent moment while others write', async () => {
    const live = await fresh();
    await restoreFromFile(live.db, file);
    const chunks = backupChunks(live.db);
    const header = JSON.parse((await chunks.next()).value as string);
    const counted = header.tables.find((t: { name: string }) => t.name === 'ledger_entries').rows;
    const writing = live.db.transaction().execute((trx) =>
      appendEntry(trx, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'x',
        subjectId: 'during',
        payload: { changes: {} },
      }),
    );
    // On PostgreSQL the write commits while the backup is still reading; PGlite serialises
    // the two, so there the write waits for the backup to finish.
    if (live.kind === 'postgresql') await writing;
    let text = '';
    for await (const chunk of chunks) text += chunk;
    await writing;
    await settleRecord(live.db);
    const entries = text
      .split('\n')
      .filter((line) => line.startsWith('{"type":"row","table":"ledger_entries"'));
    expect(entries.length).toBe(counted);
    expect(text).not.toContain('"during"');
    const written = await live.db
      .selectFrom('ledger_entries')
      .select('seq')
      .where('subject_id', '=', 'during')
      .execute();
    expect(written).toHaveLength(1);
  });

  it('puts entries the backup held pending in their place, before its own', async () => {
    const live = await fresh();
    await restoreFromFile(live.db, file);
    const written = await live.db.transaction().execute((trx) =>
      appendReferencedEntry(trx, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'x',
        subjectId: 'pending at backup',
        payload: { changes: {} },
      }),
    );
    const pendingFile = join(dir, 'pending.jsonl');
    await backupToFile(live.db, pendingFile);
    expect(readFileSync(pendingFile, 'utf8')).toContain('"table":"ledger_pending"');

    const target = await fresh();
    const summary = await restoreFromFile(target.db, pendingFile);
    const tail = await target.db
      .selectFrom('ledger_entries')
      .select(['seq', 'record_id', 'subject_id'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(tail.map((e) => e.subject_id)).toEqual([
      readJsonLines(pendingFile)[0].createdAt,
      'pending at backup',
    ]);
    expect(Number(tail[1].record_id)).toBe(written.recordId);
    expect(summary.entry).toMatchObject({ seq: Number(tail[0].seq), recordId: Number(tail[0].record_id) });
    expect(await target.db.selectFrom('ledger_pending').selectAll().execute()).toEqual([]);
    expect((await verifyDatabase(target.db)).ok).toBe(true);
  });

  it('restores a backup from before record ids (migration 0016): each entry is its own record id', async () => {
    const lines = readJsonLines(file).map((line) => {
      if (line.type === 'header') return { ...line, schemaVersion: 15 };
      if (line.table !== 'ledger_entries') return line;
      const { record_id: _recordId, ...row } = line.row;
      return { ...line, row };
    });
    const older = join(dir, 'before-0016.jsonl');
    writeFileSync(older, lines.map((l) => JSON.stringify(l)).join('\n'));
    const target = await fresh();
    await restoreFromFile(target.db, older);
    const entries = await target.db.selectFrom('ledger_entries').select(['seq', 'record_id']).execute();
    // The restore's own entry is the last, with a record id past them.
    const restored = entries.slice(0, -1);
    expect(restored.every((e) => Number(e.record_id) === Number(e.seq))).toBe(true);
    expect(Number(entries.at(-1)?.record_id)).toBeGreaterThan(restored.length);
    expect((await verifyDatabase(target.db)).ok).toBe(true);
  });

  it('restores a gzipped backup', async () => {
    const gz = join(dir, 'backup.jsonl.gz');
    await backupToFile(source.handle.db, gz);
    expect(readFileSync(gz).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const target = await fresh();
    await restoreFromFile(target.db, gz);
    expect((await dump(target.db)).users).toEqual(before.users);
    expect((await verifyDatabase(target.db)).ok).toBe(true);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    await expect(restoreFromFile(source.handle.db, file)).rejects.toThrow(RestoreRefused);
    await expect(restoreFromFile(source.handle.db, file)).rejects.toThrow(
      /^the database is not empty \(it has accounts, an organisation, record entries\)/,
    );
    expect(await dump(source.handle.db)).toEqual(before);
  });

  it('refuses a damaged file naming the line, and leaves the database empty', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, [...lines.slice(0, 20), lines[20].slice(0, 15), ...lines.slice(21)].join('\n'));
    await expect(restoreFromFile(empty.db, damaged)).rejects.toThrow(/^line 21: not valid JSON/);
    expect(await dump(empty.db)).toEqual(emptyDump);

    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, lines.slice(0, 30).join('\n'));
    await expect(restoreFromFile(empty.db, cut)).rejects.toThrow(/^line 30: the backup ends early/);
    expect(await dump(empty.db)).toEqual(emptyDump);
  });

  it('refuses a row the database will not take, naming its line', async () => {
    const lines = readJsonLines(file);
    const i = lines.findIndex((l) => l.table === 'users');
    lines[i].row.role = 'emperor';
    const bad = join(dir, 'bad-row.jsonl');
    writeFileSync(bad, lines.map((l) => JSON.stringify(l)).join('\n'));
    await expect(restoreFromFile(empty.db, bad)).rejects.toThrow(
      new RegExp(`^line ${i + 1}: the row of users cannot be restored: .*check constraint`),
    );
    expect(await dump(empty.db)).toEqual(emptyDump);
  });

  it('refuses files that are not backups, and backups of a newer schema', async () => {
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    await expect(restoreFromFile(empty.db, write('empty.jsonl', ''))).rejects.toThrow(BackupFileError);
    await expect(restoreFromFile(empty.db, write('text.txt', 'hello\n'))).rejects.toThrow(
      /^line 1: not an Accord backup/,
    );
    await expect(
      restoreFromFile(empty.db, write('ledger.jsonl', '{"type":"header","format":"accord-ledger/1"}\n')),
    ).rejects.toThrow(/^line 1: not an Accord backup \(format "accord-ledger\/1"/);

    const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
    const newer = JSON.stringify({ ...JSON.parse(header), schemaVersion: latestVersion() + 1 });
    await expect(
      restoreFromFile(empty.db, write('newer.jsonl', [newer, ...rows].join('\n'))),
    ).rejects.toThrow(/newer than this Accord knows/);
    expect(await dump(empty.db)).toEqual(emptyDump);
  });
});

describe('backup of tables a later migration adds', () => {
  // Identity and generated columns, exact numerics, bytea, a table without a primary key.
  const LATER_TABLES = `
    create table later_things (
      id integer generated always as identity primary key,
      body_code text not null references bodies (code),
      amount numeric(40, 12) not null,
      doubled numeric generated always as (amount * 2) stored,
      tags jsonb not null default '{}',
      blob bytea
    );
    create table later_log (at timestamptz not null, note text);`;
  let dir: string;
  const opened: DbHandle[] = [];
  const fresh = async () => {
    const handle = await testDatabase();
    opened.push(handle);
    await sql.raw(LATER_TABLES).execute(handle.db);
    return handle;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-backup-later-'));
  });
  afterAll(async () => {
    for (const handle of opened) await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds them in the catalogue and restores them exactly, a few rows per page', async () => {
    const source = await fresh();
    await sql
      .raw(`
      insert into bodies (code, name_en, name_ru, kind) values ('council', 'Council', 'Совет', 'council');
      insert into later_things (body_code, amount, tags, blob)
        select 'council', 12345678901234567890.123456789012 + n, jsonb_build_object('n', n, 'big', 98765432109876543210), '\\x00ff'::bytea
        from generate_series(1, 7) n;
      insert into later_log select now() - n * interval '1 hour', 'note ' || n from generate_series(1, 5) n;`)
      .execute(source.db);
    const file = join(dir, 'later.jsonl');
    const header = await backupToFile(source.db, file, { pageSize: 2 });
    expect(header.tables).toEqual(
      expect.arrayContaining([
        { name: 'later_things', rows: 7 },
        { name: 'later_log', rows: 5 },
      ]),
    );
    expect(readFileSync(file, 'utf8')).toContain('"amount": 12345678901234567891.123456789012');

    const target = await fresh();
    await restoreFromFile(target.db, file, { batchSize: 3 });
    const [before, after] = [await dump(source.db), await dump(target.db)];
    for (const name of ['bodies', 'later_things', 'later_log'])
      expect(after[name], name).toEqual(before[name]);

    const next = await sql<{ id: number }>`
      insert into later_things (body_code, amount) values ('council', 1) returning id`.execute(target.db);
    expect(next.rows[0].id).toBe(8);

    // The same backup as an older schema would have written it: a column not yet added,
    // one since dropped, and a table since dropped.
    const lines = readJsonLines(file).map((line) => {
      if (line.type === 'header') {
        return { ...line, schemaVersion: 0, tables: [...line.tables, { name: 'gone_table', rows: 1 }] };
      }
      if (line.table !== 'later_things') return line;
      const { tags: _tags, ...row } = line.row;
      return { ...line, row: { ...row, retired_column: 'x' } };
    });
    const older = join(dir, 'older.jsonl');
    writeFileSync(
      older,
      [...lines, { type: 'row', table: 'gone_table', row: { id: 1 } }]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const upgraded = await fresh();
    const summary = await restoreFromFile(upgraded.db, older);
    expect(summary.skippedTables).toEqual(['gone_table']);
    const tags = await sql<{ tags: unknown }>`select distinct tags from later_things`.execute(upgraded.db);
    expect(tags.rows).toEqual([{ tags: {} }]);
    expect((await dump(upgraded.db)).later_log).toEqual(before.later_log);
  });
});
