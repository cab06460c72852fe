import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import {
  consistencyProof,
  inclusionProof,
  type SubtreeSource,
  verifyConsistency,
  verifyInclusion,
} from '../src/modules/ledger/merkle.ts';
import { proveConsistency, proveInclusion, rootAt } from '../src/modules/ledger/tree.ts';
import { type BenchRow, median, timed } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface ProofOptions {
  /** Leaves in the tree (entries in the record). */
  leaves: number;
  /** Proofs of each kind timed (and as many single-row SELECTs). */
  samples: number;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** A fixed pseudo-random sequence (xorshift32), so runs ask for the same proofs. */
function randomInts(count: number, below: number, seed: number): number[] {
  let x = seed >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(x % below);
  }
  return out;
}

/**
 * Inclusion and consistency proofs from the database (`proveInclusion`, `proveConsistency` in
 * tree.ts) over a tree of `leaves` leaves, median of `samples` each, against the median of a
 * single-row primary-key SELECT on `ledger_tree` through the same handle: the least a proof
 * read from the database can cost is one such round trip. Every proof is checked against the
 * root (outside the timing).
 */
export async function benchProofs(
  target: BenchTarget,
  options: ProofOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target);
  try {
    const db = handle.db;
    const n = options.leaves;
    const filled = await timed(() => fillTree(db, n));
    log(
      `proofs: ledger_tree holds ${n.toLocaleString('en-GB')} leaves (${filled.value.toLocaleString('en-GB')} rows) after ${(filled.ms / 1000).toFixed(1)} s`,
    );
    const root = await rootAt(db, n);
    const seqs = randomInts(options.samples, n, 0x9e3779b9).map((i) => i + 1);
    const froms = randomInts(options.samples, n - 1, 0x85ebca6b).map((i) => i + 1);
    const keys = randomInts(options.samples, n, 0xc2b2ae35);

    const select = (idx: number) =>
      sql<{ hash: Uint8Array }>`select hash from ledger_tree where level = 0 and idx = ${idx}`.execute(db);
    // Warm up every path (plans, caches) before timing.
    for (let i = 0; i < 5; i++) {
      await select(keys[i]);
      await proveInclusion(db, seqs[i], n);
      await proveConsistency(db, froms[i], n);
    }

    const selects: number[] = [];
    const inclusions: number[] = [];
    const consistencies: number[] = [];
    let pathLength = 0;
    let consistencyLength = 0;
    let inclusionRows = 0;
    let consistencyRows = 0;
    // Interleaved, so the three see the same conditions.
    for (let i = 0; i < options.samples; i++) {
      const one = await timed(() => select(keys[i]));
      if (one.value.rows.length !== 1) throw new Error(`proofs: no leaf ${keys[i]}`);
      selects.push(one.ms);

      const inclusion = await timed(() => proveInclusion(db, seqs[i], n));
      inclusions.push(inclusion.ms);
      const p = inclusion.value;
      if (!verifyInclusion(p.leafIndex, p.treeSize, p.leafHash, p.path, root))
        throw new Error(`proofs: the inclusion proof of entry ${seqs[i]} does not verify`);
      pathLength = Math.max(pathLength, p.path.length);
      // proveInclusion reads the leaf, then the subtrees its path folds.
      inclusionRows = Math.max(inclusionRows, 1 + (await rowsRead((s) => inclusionProof(seqs[i] - 1, n, s))));

      const consistency = await timed(() => proveConsistency(db, froms[i], n));
      consistencies.push(consistency.ms);
      if (!verifyConsistency(froms[i], n, await rootAt(db, froms[i]), root, consistency.value))
        throw new Error(`proofs: the consistency proof from ${froms[i]} does not verify`);
      consistencyLength = Math.max(consistencyLength, consistency.value.length);
      consistencyRows = Math.max(consistencyRows, await rowsRead((s) => consistencyProof(froms[i], n, s)));
    }
    const limit = median(selects);
    const limitText = `one PK SELECT ${ms(limit)}`;
    const size = n.toLocaleString('en-GB');
    log(
      `proofs: ${options.samples} of each: SELECT ${ms(limit)}, inclusion ${ms(median(inclusions))} (p90 ${ms(p90(inclusions))}), consistency ${ms(median(consistencies))} (p90 ${ms(p90(consistencies))})`,
    );
    return [
      {
        benchmark: `inclusion proof, ${size} entries, median (${handle.kind})`,
        measured: `${ms(median(inclusions))} (≤ ${pathLength} hashes, ≤ ${inclusionRows} rows)`,
        limit: limitText,
        ratio: median(inclusions) / limit,
        lowerIsBetter: true,
        ratioUnit: '×',
      },
      {
        benchmark: `consistency proof to ${size} entries, median (${handle.kind})`,
        measured: `${ms(median(consistencies))} (≤ ${consistencyLength} hashes, ≤ ${consistencyRows} rows)`,
        limit: limitText,
        ratio: median(consistencies) / limit,
        lowerIsBetter: true,
        ratioUnit: '×',
      },
    ];
  } finally {
    await handle.close();
  }
}

/** How many `ledger_tree` rows a proof asks its source for (counted in memory, no database). */
async function rowsRead(prove: (source: SubtreeSource) => Promise<unknown>): Promise<number> {
  let rows = 0;
  await prove((subtrees) => {
    rows += subtrees.length;
    return subtrees.map(() => Buffer.alloc(32));
  });
  return rows;
}

const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];

/**
 * Fills `ledger_tree` with a valid tree of `n` leaves inside the database: the leaf data of
 * index i is SHA-256 of its 8-byte number (standing in for an entry's hash), every complete
 * parent is built level by level from the one below, as `ledger_tree_append` would have
 * written them one append at a time. Only the tree: proofs never read the entries.
 * Returns the number of rows.
 */
export async function fillTree(db: Db, n: number): Promise<number> {
  const chunk = 250_000;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk) - 1;
    await sql`
      insert into ledger_tree (level, idx, hash)
      select 0, i, sha256('\\x00'::bytea || sha256(int8send(i)))
      from generate_series(${from}::bigint, ${to}::bigint) as i`.execute(db);
  }
  let rows = n;
  for (let level = 1, width = Math.floor(n / 2); width > 0; level++, width = Math.floor(width / 2)) {
    await sql`
      insert into ledger_tree (level, idx, hash)
      select ${level}::smallint, l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash)
      from ledger_tree l
      join ledger_tree r on r.level = l.level and r.idx = l.idx + 1
      where l.level = ${level - 1}::smallint and l.idx % 2 = 0`.execute(db);
    rows += width;
  }
  await sql`analyze ledger_tree`.execute(db);
  return rows;
}
