import { CompiledQuery, type QueryResult } from 'kysely';

/**
 * `COPY (query) TO STDOUT`, through Kysely on either driver: the rows' bytes as PostgreSQL
 * writes them (with `format binary`, its binary COPY format), in one Buffer, with no parsing
 * per row or per field. The pg pool (connect.ts) runs the statement with pg-copy-streams and
 * PGlite (pglite-dialect.ts) as `COPY … TO '/dev/blob'`; both answer one row `{ data }`. It
 * runs on the connection of the Db it is given, so inside a transaction it reads what the
 * transaction sees. COPY takes no parameters: whatever varies is written into `select` by
 * the caller, as numbers or checked literals.
 */
export const copyOut = (select: string, options = 'format binary'): CompiledQuery<CopyOutRow> =>
  CompiledQuery.raw(`copy (${select}) to stdout (${options})`);

export interface CopyOutRow {
  data: Buffer;
}

/** A statement `copyOut` made: `copy (…) to stdout (…)`. */
export const COPY_OUT = /^\s*copy\s*\([\s\S]*\)\s*to\s+stdout\s*(\([^()]*\))?\s*$/i;

/** The bytes of a `copyOut` statement's answer. */
export function copyOutData(result: QueryResult<CopyOutRow>): Buffer {
  const row = result.rows[0];
  if (!row || !Buffer.isBuffer(row.data)) throw new Error('COPY TO STDOUT answered no data');
  return row.data;
}
