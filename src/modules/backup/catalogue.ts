import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** A column as backup and restore need it. */
export interface ColumnInfo {
  name: string;
  /** GENERATED ALWAYS AS (…) STORED: computed by the database, never inserted. */
  generated: boolean;
  /** An identity column: inserting it needs OVERRIDING SYSTEM VALUE. */
  identity: boolean;
  /** The sequence a serial or identity column draws from, or null. */
  sequence: string | null;
}

/** A table of the public schema, as the catalogue describes it. */
export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Other tables this one references through foreign keys. */
  parents: string[];
  /**
   * Columns that reference the table itself (a report's `duplicate_of`, a message's `reply_to`):
   * a row may point at one restored later, so a restore fills them in once the table is in.
   */
  selfReferences: string[];
}

/**
 * Every table of the public schema except schema_migrations, read from the catalogue so
 * that tables added by later migrations are included without changes here, in the order
 * rows must be inserted: parents before the tables that reference them.
 */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const result = await sql<{
    name: string;
    columns: ColumnInfo[];
    primary_key: string[];
    parents: string[];
    self_references: string[];
  }>`
    select c.relname as name,
      (select json_agg(json_build_object(
          'name', a.attname,
          'generated', a.attgenerated <> '',
          'identity', a.attidentity <> '',
          'sequence', pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname))
        order by a.attnum)
        from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      coalesce((select json_agg(a.attname order by k.ord)
        from pg_index i
        cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary), '[]'::json) as primary_key,
      coalesce((select json_agg(distinct p.relname)
        from pg_constraint f
        join pg_class p on p.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid
          and p.relnamespace = n.oid), '[]'::json) as parents,
      coalesce((select json_agg(distinct a.attname)
        from pg_constraint f
        join pg_attribute a on a.attrelid = f.conrelid and a.attnum = any (f.conkey)
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid = c.oid), '[]'::json) as self_references
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'
      and c.relkind in ('r', 'p')
      and not c.relispartition
      and c.relname <> 'schema_migrations'
    order by c.relname`.execute(db);
  return insertionOrder(
    result.rows.map((r) => ({
      name: r.name,
      columns: r.columns,
      primaryKey: r.primary_key,
      parents: r.parents,
      selfReferences: r.self_references,
    })),
  );
}

/**
 * Orders tables so that every table comes after the tables it references (Kahn's
 * algorithm, ties broken by name so the order is stable). Tables caught in a cycle of
 * foreign keys cannot be ordered; they go last, by name.
 */
export function insertionOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingOn = new Map(tables.map((t) => [t.name, new Set(t.parents.filter((p) => byName.has(p)))]));
  const ordered: TableInfo[] = [];
  for (;;) {
    const ready = [...waitingOn].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (ready.length === 0) break;
    ready.sort();
    const next = ready[0];
    ordered.push(byName.get(next)!);
    waitingOn.delete(next);
    for (const parents of waitingOn.values()) parents.delete(next);
  }
  const cyclic = [...waitingOn.keys()].sort();
  return [...ordered, ...cyclic.map((name) => byName.get(name)!)];
}

/** "public"."name", for the tables the catalogue listed. */
export const tableRef = (name: string): RawBuilder<unknown> => sql.id('public', name);
