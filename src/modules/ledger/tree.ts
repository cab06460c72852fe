import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import {
  consistencyProof,
  type Hash,
  inclusionProof,
  leafHash,
  nodeHash,
  type Subtree,
  type SubtreeSource,
  treeHash,
} from './merkle.ts';

/**
 * The record's Merkle tree as the database keeps it: `ledger_tree` holds every complete
 * perfect subtree, written when its last leaf is appended (`ledger_tree_append` in migration
 * 0014, called by `appendEntry`). A leaf's data is its entry's 32-byte hash, which commits to
 * every field of the entry, its payload and its predecessor.
 */

/** The leaf hash of an entry whose hash (hex) is given: SHA-256(0x00 || hash bytes). */
export const entryLeafHash = (entryHash: string): Hash => leafHash(Buffer.from(entryHash, 'hex'));

export class TreeError extends Error {}

/** Perfect subtree hashes read from `ledger_tree`, in one query. */
export function databaseSource(db: Db): SubtreeSource {
  return async (subtrees: Subtree[]) => {
    if (subtrees.length === 0) return [];
    const levels = subtrees.map((s) => s.level);
    const indexes = subtrees.map((s) => s.index);
    const { rows } = await sql<{ level: number; idx: number | string; hash: Uint8Array }>`
      select t.level, t.idx, t.hash
      from unnest(${levels}::smallint[], ${indexes}::bigint[]) as wanted(level, idx)
      join ledger_tree t on t.level = wanted.level and t.idx = wanted.idx`.execute(db);
    const found = new Map(rows.map((r) => [`${r.level}:${Number(r.idx)}`, Buffer.from(r.hash)]));
    return subtrees.map((s) => {
      const hash = found.get(`${s.level}:${s.index}`);
      if (!hash)
        throw new TreeError(`the tree has no subtree ${s.level}:${s.index}: the record is incomplete`);
      return hash;
    });
  };
}

/** How many entries the log holds: the size of its current tree. */
export async function treeSize(db: Db): Promise<number> {
  const head = await db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  return Number(head.seq);
}

export const rootAt = (db: Db, size: number) => treeHash(size, databaseSource(db));

export interface InclusionProof {
  /** The entry's position among the leaves (seq - 1). */
  leafIndex: number;
  treeSize: number;
  leafHash: Hash;
  /** The audit path, leaf upward. */
  path: Hash[];
}

/** The audit path of entry `seq` in the tree of `size` entries (RFC 9162 2.1.3). */
export async function proveInclusion(db: Db, seq: number, size: number): Promise<InclusionProof> {
  if (seq < 1 || seq > size) throw new TreeError(`entry ${seq} is not in a tree of ${size} entries`);
  const source = databaseSource(db);
  const [leaf] = await source([{ level: 0, index: seq - 1 }]);
  return {
    leafIndex: seq - 1,
    treeSize: size,
    leafHash: leaf,
    path: await inclusionProof(seq - 1, size, source),
  };
}

/** The consistency proof from the tree of `from` entries to the tree of `to` (RFC 9162 2.1.4). */
export async function proveConsistency(db: Db, from: number, to: number): Promise<Hash[]> {
  if (from < 1 || from > to) throw new TreeError(`no consistency proof from ${from} to ${to}`);
  return consistencyProof(from, to, databaseSource(db));
}

/**
 * Adds to the tree every entry it does not hold yet, in order (after a restore of a backup
 * made before the Merkle log existed).
 */
export async function completeTree(db: Db): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ledger_tree where level = 0`.execute(db);
  const have = Number(rows[0]?.n ?? 0);
  const missing = await db
    .selectFrom('ledger_entries')
    .select(['seq', 'hash'])
    .where('seq', '>', have)
    .orderBy('seq')
    .execute();
  for (const e of missing) await sql`select ledger_tree_append(${Number(e.seq) - 1}, ${e.hash})`.execute(db);
  return missing.length;
}

/**
 * Appends leaves to the tree from index `first` on, one per entry hash (hex), in order, with
 * every parent they complete: what `ledger_tree_append` (migration 0014) does one leaf at a
 * time, computed here for a whole batch of the sequencer and written in one statement. The
 * left siblings that are already in the tree (at most one per level) are read in one query.
 * Answers how many subtrees it wrote.
 */
export async function appendLeaves(db: Db, first: number, entryHashes: string[]): Promise<number> {
  if (!entryHashes.length) return 0;
  // Each level's new nodes are the range [start, end) of indexes; a parent is made by each new
  // right child (odd index), its left sibling new too or already stored (the range's start - 1).
  const levels: { start: number; end: number }[] = [];
  for (let start = first, end = first + entryHashes.length; start < end; start >>= 1, end >>= 1)
    levels.push({ start, end });
  const stored = levels.flatMap((r, level) =>
    r.start % 2 === 1 && level + 1 < levels.length ? [{ level, index: r.start - 1 }] : [],
  );
  const siblings = await databaseSource(db)(stored);
  const known = new Map(stored.map((s, i) => [`${s.level}:${s.index}`, siblings[i]]));
  const written: { level: number; index: number; hash: Hash }[] = [];
  let nodes = entryHashes.map(entryLeafHash);
  for (let level = 0; level < levels.length; level++) {
    const { start } = levels[level];
    nodes.forEach((hash, i) => {
      written.push({ level, index: start + i, hash });
    });
    const next = levels[level + 1];
    if (!next) break;
    const node = (index: number) => nodes[index - start] ?? known.get(`${level}:${index}`);
    const parents: Hash[] = [];
    for (let p = next.start; p < next.end; p++) {
      const left = node(2 * p);
      const right = node(2 * p + 1);
      if (!left || !right)
        throw new TreeError(`the tree has no subtree ${level}:${2 * p}: the record is incomplete`);
      parents.push(nodeHash(left, right));
    }
    nodes = parents;
  }
  await sql`
    insert into ledger_tree (level, idx, hash)
    select level, idx, decode(hash, 'hex')
    from unnest(${written.map((w) => w.level)}::smallint[], ${written.map((w) => w.index)}::bigint[],
      ${written.map((w) => w.hash.toString('hex'))}::text[]) as n (level, idx, hash)`.execute(db);
  return written.length;
}
