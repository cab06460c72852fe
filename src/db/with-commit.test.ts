import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/harness.ts';
import type { Db, DbHandle } from './connect.ts';
import { afterKept, inlineParameters, literal, withCommit } from './with-commit.ts';

// Statements sent with COMMIT (the record's pending entries): they commit and roll back with
// their transaction, savepoints included, and their parameters survive being written in as
// literals. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
  await sql`create table with_commit_probe (v text not null check (v <> 'refused'))`.execute(handle.db);
});
afterAll(() => handle?.close());

const probe = (v: string) =>
  withCommit(CompiledQuery.raw('insert into with_commit_probe (v) values ($1::text)', [v]));
const values = async () =>
  (await sql<{ v: string }>`select v from with_commit_probe order by v`.execute(handle.db)).rows.map(
    (r) => r.v,
  );
const clear = () => sql`delete from with_commit_probe`.execute(handle.db);
const seen = async (trx: Db) =>
  (await sql<{ n: number }>`select count(*)::int as n from with_commit_probe`.execute(trx)).rows[0].n;

describe('statements sent with COMMIT', () => {
  it('are written with the commit, not before', async () => {
    await clear();
    const inside = await handle.db.transaction().execute(async (trx) => {
      await trx.executeQuery(probe('a'));
      await trx.executeQuery(probe('b'));
      return seen(trx);
    });
    expect(inside).toBe(0);
    expect(await values()).toEqual(['a', 'b']);
  });

  it('go with a rollback', async () => {
    await clear();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.executeQuery(probe('gone'));
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await values()).toEqual([]);
  });

  it('written after a savepoint go with a rollback to it; those before stay', async () => {
    await clear();
    await handle.db.transaction().execute(async (trx) => {
      await trx.executeQuery(probe('before'));
      await sql`savepoint probe`.execute(trx);
      await trx.executeQuery(probe('after'));
      await sql`rollback to savepoint probe`.execute(trx);
      await trx.executeQuery(probe('later'));
      await sql`release savepoint probe`.execute(trx);
    });
    expect(await values()).toEqual(['before', 'later']);
  });

  it('fail the commit when the database refuses them, and the transaction rolls back', async () => {
    await clear();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into with_commit_probe (v) values ('written at once')`.execute(trx);
        await trx.executeQuery(probe('refused'));
      }),
    ).rejects.toThrow(/with_commit_probe_v_check/);
    expect(await values()).toEqual([]);
    // The connection is fine afterwards.
    await handle.db.transaction().execute((trx) => trx.executeQuery(probe('next')));
    expect(await values()).toEqual(['next']);
  });

  it('are written before a statement marked to come after them, in order', async () => {
    await clear();
    await sql`create table if not exists with_commit_order (n serial primary key, v text)`.execute(handle.db);
    const ordered = (v: string, mark: typeof withCommit) =>
      mark(CompiledQuery.raw('insert into with_commit_order (v) values ($1::text)', [v]));
    const rows = await handle.db.transaction().execute(async (trx) => {
      await trx.executeQuery(ordered('first', withCommit));
      await trx.executeQuery(ordered('second', withCommit));
      await trx.executeQuery(ordered('third, at once', afterKept));
      const inside = await sql<{ v: string }>`select v from with_commit_order order by n`.execute(trx);
      await trx.executeQuery(ordered('fourth', withCommit));
      return inside.rows.map((r) => r.v);
    });
    expect(rows).toEqual(['first', 'second', 'third, at once']);
    const after = await sql<{ v: string }>`select v from with_commit_order order by n`.execute(handle.db);
    expect(after.rows.map((r) => r.v)).toEqual(['first', 'second', 'third, at once', 'fourth']);
  });

  it('run at once outside a transaction', async () => {
    await clear();
    await handle.db.executeQuery(probe('alone'));
    expect(await values()).toEqual(['alone']);
  });
});

describe('parameters written in as literals', () => {
  const strings = [
    '',
    "it's",
    'back\\slash \\n not a newline',
    'a real\nnewline\tand tab',
    '$1 and $2 are text here',
    "E'not an escape'",
    'Ünïcödé — ТО 🎌',
    '{"json": "with \\"quotes\\""}',
  ];

  it('read back exactly: text, numbers, null, booleans and arrays of text', async () => {
    for (const s of strings) {
      const { rows } = await sql<{ v: string }>`select ${sql.raw(literal(s))}::text as v`.execute(handle.db);
      expect(rows[0].v).toBe(s);
    }
    const { rows } = await sql<{ a: string[]; n: number; z: null; t: boolean }>`
      select ${sql.raw(literal(strings))}::text[] as a, ${sql.raw(literal(-12.5))}::numeric::float8 as n,
        ${sql.raw(literal(null))}::text as z, ${sql.raw(literal(true))} as t`.execute(handle.db);
    expect(rows[0]).toEqual({ a: strings, n: -12.5, z: null, t: true });
    const empty = await sql<{ a: string[] }>`select ${sql.raw(literal([]))}::text[] as a`.execute(handle.db);
    expect(empty.rows[0].a).toEqual([]);
  });

  it('replace each placeholder once, and refuse what they cannot write', () => {
    expect(inlineParameters('select $1, $2, $1', ['$2', 'x'])).toBe("select E'$2', E'x', E'$2'");
    expect(() => inlineParameters('select $3', [1])).toThrow(/no parameter/);
    expect(() => literal('nul \u0000')).toThrow(/NUL/);
    expect(() => literal({ an: 'object' })).toThrow(/cannot write/);
    expect(() => literal(Number.NaN)).toThrow(/cannot write/);
  });
});

describe("a transaction's BEGIN, sent with its first statement (on a server)", () => {
  it('answers the first statement as if sent alone, with parameters typed from where they stand', async () => {
    await clear();
    await handle.db.executeQuery(probe('7'));
    const got = await handle.db.transaction().execute(async (trx) => {
      // A number compared with text: typed as text, as a parameter would be.
      const first = await sql<{ n: number; s: string; b: boolean }>`
        select count(*)::int as n, ${'it’s $1'} as s, ${true}::boolean as b from with_commit_probe where v = ${7}`.execute(
        trx,
      );
      const second = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(trx);
      return [first.rows[0], second.rows[0]];
    });
    expect(got).toEqual([{ n: 1, s: 'it’s $1', b: true }, { n: 42 }]);
  });

  it('rolls back what the first statement wrote, and the connection serves the next transaction', async () => {
    await clear();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into with_commit_probe (v) values (${'first'})`.execute(trx);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into with_commit_probe (v) values (${'refused'})`.execute(trx);
      }),
    ).rejects.toThrow(/with_commit_probe_v_check|check constraint/);
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into with_commit_probe (v) values (${new Date(Date.UTC(2026, 0, 1)).toISOString()})`.execute(
        trx,
      );
      // A date parameter has no literal form here: its BEGIN goes alone, first.
      await sql`insert into with_commit_probe (v) values (${new Date(Date.UTC(2026, 0, 2))}::timestamptz::date::text)`.execute(
        trx,
      );
    });
    expect(await values()).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02']);
    const dated = await handle.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        d: string;
      }>`select ${new Date(Date.UTC(2026, 0, 3))}::timestamptz::date::text as d`.execute(trx);
      return rows[0].d;
    });
    expect(dated).toBe('2026-01-03');
  });
});
