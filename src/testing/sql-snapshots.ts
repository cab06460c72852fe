import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledQuery } from 'kysely';
import { expect } from 'vitest';
import { ROOT_DIR } from '../config.ts';

// The SQL snapshots of src/db/hot-queries.test.ts: a hot path's statements, tidied and
// sorted, compared with (or, with UPDATE_SQL_SNAPSHOTS=1, written to) src/db/sql-snapshots.

const SNAPSHOTS = join(ROOT_DIR, 'src', 'db', 'sql-snapshots');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

const CLAUSES =
  /^ (from|inner join|left join|cross join|where|group by|having|order by|limit|offset|returning|for update|values|on conflict|set) /i;

/**
 * A statement as the snapshot shows it, for a reviewer's eyes: a long line (Kysely writes
 * a query on one line) is cut before each of its top-level clauses (never inside quotes or
 * parentheses); lines written by hand in SQL templates stay as they are, less the
 * template's indentation.
 */
export function tidy(text: string): string {
  let depth = 0;
  let quote: string | null = null;
  const lines = text.split('\n').map((line) => {
    const long = line.length > 100;
    let out = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (long && c === ' ' && depth === 0 && CLAUSES.test(line.slice(i, i + 14))) {
        out += '\n';
        continue;
      }
      out += c;
    }
    return out;
  });
  const kept = lines
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  const cut = Math.min(
    ...kept.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0),
  );
  return kept.map((line) => line.slice(cut).trimEnd()).join('\n');
}

function snapshotText(what: string, queries: CompiledQuery[]): string {
  const header = [
    `-- ${what}`,
    '-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.',
    '-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts',
  ];
  const statements = [...queries]
    .sort(
      (a, b) =>
        a.sql.localeCompare(b.sql) ||
        JSON.stringify(a.parameters).localeCompare(JSON.stringify(b.parameters)),
    )
    .map(
      (q, i) =>
        `-- ${i + 1} of ${queries.length}, ${q.parameters.length} parameter${q.parameters.length === 1 ? '' : 's'}\n${tidy(q.sql)};`,
    );
  return `${[header.join('\n'), ...statements].join('\n\n')}\n`;
}

/** Compares with (or, with UPDATE_SQL_SNAPSHOTS=1, writes) src/db/sql-snapshots/<name>.sql. */
export function matchSnapshot(name: string, what: string, queries: CompiledQuery[]) {
  const file = join(SNAPSHOTS, `${name}.sql`);
  const actual = snapshotText(what, queries);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`no snapshot src/db/sql-snapshots/${name}.sql: write it with UPDATE_SQL_SNAPSHOTS=1`);
  expect(
    actual,
    `the SQL of "${what}" changed: if intended, UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts and commit src/db/sql-snapshots/${name}.sql`,
  ).toBe(readFileSync(file, 'utf8'));
}
