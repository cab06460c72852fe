import crypto from 'node:crypto';

/**
 * The record as a Merkle tree log in the sense of RFC 9162 (Certificate Transparency v2),
 * section 2.1: leaf and interior hashes with their domain-separation prefixes, the tree hash
 * of any size, inclusion proofs (an entry is in the tree of a given size) and consistency
 * proofs (a tree of size m is a prefix of the tree of size n), and their verification,
 * which needs nothing but the proof, the hashes and the sizes.
 *
 * Hashes are 32-byte Buffers. Every tree the algorithms touch splits into *perfect*
 * subtrees aligned on their own size (2^level leaves starting at index * 2^level); those
 * never change once complete, so a store keeps them and a proof over a million leaves reads
 * about log2(n)^2 of them, not the leaves (see `SubtreeSource`).
 */

export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// crypto.hash (Node 20.12 and later) hashes in one call; a hex round trip is still cheaper than
// createHash's digest Buffer on Node 20 (0.8 µs against 2.3 µs for a node's 65 bytes).
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;
const sha256 = (...parts: Buffer[]): Hash => {
  if (oneShotHash) return Buffer.from(oneShotHash('sha256', Buffer.concat(parts), 'hex'), 'hex');
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** SHA-256 of the empty string: the hash of the empty tree. */
export const EMPTY_TREE_HASH: Hash = sha256();

/** SHA-256(0x00 || leaf): a leaf's hash, never mistaken for an interior node's. */
export const leafHash = (leaf: Buffer): Hash => sha256(LEAF_PREFIX, leaf);

/** SHA-256(0x01 || left || right): an interior node's hash. */
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);

/** The largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A perfect subtree: the 2^level leaves from index * 2^level. Level 0 is a leaf. */
export interface Subtree {
  level: number;
  index: number;
}

/** Leaves [start, end). */
interface Range {
  start: number;
  end: number;
}

/**
 * The perfect subtrees a range of the recursion splits into, left to right: the sizes are
 * the binary digits of its length, largest first. Every range RFC 9162's recursion reaches
 * starts at a multiple of a power of two at least its length, so each piece is aligned.
 */
export function subtreesOf(start: number, end: number): Subtree[] {
  const out: Subtree[] = [];
  let at = start;
  let left = end - start;
  while (left > 0) {
    let size = 1;
    while (size * 2 <= left) size *= 2;
    let level = 0;
    while (2 ** level < size) level++;
    if (at % size !== 0) throw new Error(`range [${start}, ${end}) is not aligned`);
    out.push({ level, index: at / size });
    at += size;
    left -= size;
  }
  return out;
}

/** MTH of a range from its perfect subtrees' hashes: a right fold, as the recursion nests. */
function foldRange(hashes: Hash[]): Hash {
  if (hashes.length === 0) return EMPTY_TREE_HASH;
  let acc = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i], acc);
  return acc;
}

/** The ranges whose tree hashes make the audit path of leaf m in the tree of size n, leaf upward. */
function inclusionRanges(m: number, start: number, end: number): Range[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...inclusionRanges(m, start, start + k), { start: start + k, end }];
  return [...inclusionRanges(m - k, start + k, end), { start, end: start + k }];
}

/** The ranges whose tree hashes make the consistency proof from size m to the range's size (RFC SUBPROOF). */
function consistencyRanges(m: number, start: number, end: number, whole: boolean): Range[] {
  const n = end - start;
  if (m === n) return whole ? [] : [{ start, end }];
  const k = splitPoint(n);
  if (m <= k) return [...consistencyRanges(m, start, start + k, whole), { start: start + k, end }];
  return [...consistencyRanges(m - k, start + k, end, false), { start, end: start + k }];
}

/**
 * Where perfect subtree hashes come from: a store (the database keeps every complete one)
 * or leaves in memory. Asked once per proof with every subtree it needs.
 */
export type SubtreeSource = (subtrees: Subtree[]) => Promise<Hash[]> | Hash[];

const key = (s: Subtree) => `${s.level}:${s.index}`;

async function hashRanges(ranges: Range[], source: SubtreeSource): Promise<Hash[]> {
  const pieces = ranges.map((r) => subtreesOf(r.start, r.end));
  const wanted = new Map<string, Subtree>();
  for (const list of pieces) for (const s of list) wanted.set(key(s), s);
  const order = [...wanted.values()];
  const got = await source(order);
  const byKey = new Map(order.map((s, i) => [key(s), got[i]]));
  return pieces.map((list) => foldRange(list.map((s) => byKey.get(key(s))!)));
}

/** The tree hash (root) of the first n leaves. */
export async function treeHash(n: number, source: SubtreeSource): Promise<Hash> {
  if (n === 0) return EMPTY_TREE_HASH;
  return (await hashRanges([{ start: 0, end: n }], source))[0];
}

/** The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 2.1.3.1), leaf upward. */
export async function inclusionProof(index: number, size: number, source: SubtreeSource): Promise<Hash[]> {
  if (!(Number.isInteger(index) && Number.isInteger(size) && index >= 0 && index < size))
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  return hashRanges(inclusionRanges(index, 0, size), source);
}

/** The consistency proof from the tree of `from` leaves to the tree of `to` (RFC 9162 2.1.4.1). */
export async function consistencyProof(from: number, to: number, source: SubtreeSource): Promise<Hash[]> {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to))
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  return hashRanges(consistencyRanges(from, 0, to, true), source);
}

const lsb = (x: number) => x % 2 === 1;
const isPowerOfTwo = (x: number) => x > 0 && 2 ** Math.round(Math.log2(x)) === x;

/**
 * Whether `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` whose
 * root is `root` (RFC 9162 2.1.3.2).
 */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false;
  // Sizes may pass 2^32: the bit arithmetic is done with division, not with JS's 32-bit operators.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn))
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * Whether `proof` shows the tree of `from` leaves with root `fromRoot` to be a prefix of
 * the tree of `to` leaves with root `toRoot` (RFC 9162 2.1.4.2).
 */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Hash,
  toRoot: Hash,
  proof: Hash[],
): boolean {
  if (!(from >= 0 && from <= to)) return false;
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  // The empty tree is a prefix of every tree.
  if (from === 0) return proof.length === 0 && fromRoot.equals(EMPTY_TREE_HASH);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (lsb(fn)) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn))
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

/**
 * Perfect subtree hashes computed from leaf hashes held in memory: for an export, a test, or
 * a verifier that has every entry. Builds each level once (O(n) hashing in all).
 */
export function memorySource(leaves: Hash[]): SubtreeSource {
  const levels: Hash[][] = [leaves];
  return (subtrees) =>
    subtrees.map(({ level, index }) => {
      while (levels.length <= level) {
        const below = levels[levels.length - 1];
        const next: Hash[] = [];
        for (let i = 0; i + 1 < below.length; i += 2) next.push(nodeHash(below[i], below[i + 1]));
        levels.push(next);
      }
      const hash = levels[level][index];
      if (!hash) throw new RangeError(`no complete subtree ${level}:${index} in ${leaves.length} leaves`);
      return hash;
    });
}

/**
 * The perfect subtrees that become complete when leaf `index` is appended (the leaf itself,
 * then each parent whose right child it completes): what a store writes after each append.
 */
export function completedBy(index: number): Subtree[] {
  const out: Subtree[] = [{ level: 0, index }];
  let level = 0;
  let i = index;
  while (lsb(i)) {
    level++;
    i = Math.floor(i / 2);
    out.push({ level, index: i });
  }
  return out;
}
