import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.ts';
import { testDatabase } from '../../testing/harness.ts';
import { backupToFile } from './backup.ts';
import { restoreFromFile } from './restore.ts';

// A row may point at a row of its own table that the backup holds later (a report merged
// into a newer one, a reply filed before what it answers once ids sort): the restore fills
// such references in once the whole table is in, across any number of batches.

const dir = mkdtempSync(join(tmpdir(), 'accord-backup-self-'));
const opened: DbHandle[] = [];
afterAll(async () => {
  for (const h of opened) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const CHAIN = `create table chain_links (
  id integer primary key,
  previous integer references chain_links (id),
  next integer references chain_links (id),
  label text not null)`;

it('references to rows restored later in the same table, across batches', async () => {
  const source = await testDatabase();
  const target = await testDatabase();
  opened.push(source, target);
  for (const h of [source, target]) await sql.raw(CHAIN).execute(h.db);
  // A chain 1 -> 2 -> ... -> 9 and back: every row names a later one and an earlier one.
  await sql`insert into chain_links (id, label) select n, 'link ' || n from generate_series(1, 9) n`.execute(
    source.db,
  );
  await sql`update chain_links set next = case when id < 9 then id + 1 end, previous = case when id > 1 then id - 1 else 9 end`.execute(
    source.db,
  );
  const file = join(dir, 'chain.jsonl');
  await backupToFile(source.db, file, { pageSize: 2 });
  await restoreFromFile(target.db, file, { batchSize: 2 });
  const rows = (h: DbHandle) =>
    sql<{
      id: number;
      previous: number | null;
      next: number | null;
    }>`select id, previous, next from chain_links order by id`
      .execute(h.db)
      .then((r) => r.rows);
  expect(await rows(target)).toEqual(await rows(source));
  expect((await rows(target))[0]).toEqual({ id: 1, previous: 9, next: 2 });
});
