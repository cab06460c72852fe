import { describe, expect, it } from 'vitest';
import {
  completedBy,
  consistencyProof,
  EMPTY_TREE_HASH,
  type Hash,
  inclusionProof,
  leafHash,
  memorySource,
  nodeHash,
  splitPoint,
  subtreesOf,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// The Merkle tree of RFC 9162 against the Certificate Transparency test vectors, and every
// proof against a literal transcription of the RFC's recursive definitions.

const VECTOR_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));

/** The roots of the first 1..8 vector leaves, as published with the CT reference implementation. */
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// ---- the RFC's definitions, word for word, over the leaf hashes ----------------------
const mth = (d: Hash[]): Hash => {
  if (d.length === 0) return EMPTY_TREE_HASH;
  if (d.length === 1) return d[0];
  const k = splitPoint(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
};
const path = (m: number, d: Hash[]): Hash[] => {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...path(m, d.slice(0, k)), mth(d.slice(k))]
    : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
};
const subproof = (m: number, d: Hash[], b: boolean): Hash[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
};

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const hex = (hs: Hash[]) => hs.map((h) => h.toString('hex'));
const flip = (h: Hash) => {
  const c = Buffer.from(h);
  c[0] ^= 1;
  return c;
};

describe('the Merkle tree (RFC 9162)', () => {
  it('hashes the Certificate Transparency test vectors to their published roots', async () => {
    const leaves = VECTOR_LEAVES.map(leafHash);
    for (let n = 1; n <= 8; n++)
      expect((await treeHash(n, memorySource(leaves))).toString('hex'), `size ${n}`).toBe(
        VECTOR_ROOTS[n - 1],
      );
    expect((await treeHash(0, memorySource([]))).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('separates leaves from nodes: a node never hashes like a leaf of the same bytes', () => {
    const a = leafHash(Buffer.from('a'));
    const b = leafHash(Buffer.from('b'));
    expect(nodeHash(a, b).equals(leafHash(Buffer.concat([a, b])))).toBe(false);
  });

  it('gives the RFC audit path for every leaf of every tree up to 40 leaves, and it verifies', async () => {
    const leaves = leavesOf(40);
    const source = memorySource(leaves);
    for (let n = 1; n <= 40; n++) {
      const root = mth(leaves.slice(0, n));
      expect((await treeHash(n, source)).equals(root)).toBe(true);
      for (let m = 0; m < n; m++) {
        const proof = await inclusionProof(m, n, source);
        expect(hex(proof), `leaf ${m} of ${n}`).toEqual(hex(path(m, leaves.slice(0, n))));
        expect(verifyInclusion(m, n, leaves[m], proof, root)).toBe(true);
      }
    }
  });

  it('gives the RFC consistency proof between every pair of sizes up to 40, and it verifies', async () => {
    const leaves = leavesOf(40);
    const source = memorySource(leaves);
    for (let n = 1; n <= 40; n++)
      for (let m = 1; m <= n; m++) {
        const proof = await consistencyProof(m, n, source);
        const expected = m === n ? [] : subproof(m, leaves.slice(0, n), true);
        expect(hex(proof), `${m} -> ${n}`).toEqual(hex(expected));
        expect(
          verifyConsistency(m, n, mth(leaves.slice(0, m)), mth(leaves.slice(0, n)), proof),
          `${m} -> ${n}`,
        ).toBe(true);
      }
    expect(verifyConsistency(0, 5, EMPTY_TREE_HASH, mth(leaves.slice(0, 5)), [])).toBe(true);
  });

  it('refuses a proof with any hash changed, a wrong leaf, index, size or root, or a hash missing or added', async () => {
    const leaves = leavesOf(21);
    const source = memorySource(leaves);
    const root = mth(leaves);
    const proof = await inclusionProof(13, 21, source);
    expect(verifyInclusion(13, 21, leaves[13], proof, root)).toBe(true);
    for (let i = 0; i < proof.length; i++) {
      const bad = proof.map((h, j) => (j === i ? flip(h) : h));
      expect(verifyInclusion(13, 21, leaves[13], bad, root)).toBe(false);
    }
    expect(verifyInclusion(13, 21, leaves[12], proof, root)).toBe(false);
    expect(verifyInclusion(12, 21, leaves[13], proof, root)).toBe(false);
    expect(verifyInclusion(13, 40, leaves[13], proof, root)).toBe(false);
    expect(verifyInclusion(13, 21, leaves[13], proof, flip(root))).toBe(false);
    expect(verifyInclusion(13, 21, leaves[13], proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(13, 21, leaves[13], [...proof, root], root)).toBe(false);
    expect(verifyInclusion(21, 21, leaves[13], proof, root)).toBe(false);

    const old = mth(leaves.slice(0, 7));
    const consistency = await consistencyProof(7, 21, source);
    expect(verifyConsistency(7, 21, old, root, consistency)).toBe(true);
    for (let i = 0; i < consistency.length; i++) {
      const bad = consistency.map((h, j) => (j === i ? flip(h) : h));
      expect(verifyConsistency(7, 21, old, root, bad)).toBe(false);
    }
    expect(verifyConsistency(7, 21, flip(old), root, consistency)).toBe(false);
    expect(verifyConsistency(7, 21, old, flip(root), consistency)).toBe(false);
    expect(verifyConsistency(6, 21, old, root, consistency)).toBe(false);
    expect(verifyConsistency(7, 21, old, root, [])).toBe(false);
    expect(verifyConsistency(9, 7, old, root, consistency)).toBe(false);
  });

  it('shows that a rewritten history is not an extension: the proof from the true tree fails against the forked one', async () => {
    const leaves = leavesOf(16);
    const forked = [...leaves];
    forked[3] = leafHash(Buffer.from('rewritten'));
    const trueOld = mth(leaves.slice(0, 8));
    const forkRoot = mth(forked);
    const proof = await consistencyProof(8, 16, memorySource(forked));
    expect(verifyConsistency(8, 16, trueOld, forkRoot, proof)).toBe(false);
  });

  it('splits every range the recursion reaches into aligned perfect subtrees, and knows which an append completes', () => {
    expect(subtreesOf(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(() => subtreesOf(3, 7)).toThrow(/not aligned/);
    expect(completedBy(0)).toEqual([{ level: 0, index: 0 }]);
    expect(completedBy(7)).toEqual([
      { level: 0, index: 7 },
      { level: 1, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 0 },
    ]);
  });

  it('reads only about log2(n) squared stored subtrees for a proof in a tree of a million leaves', async () => {
    const n = 1_000_000;
    let asked = 0;
    // A stand-in store: every perfect subtree's hash derived from its coordinates (the
    // arithmetic of the proof is what is under test, not the hashes).
    const store = (subtrees: { level: number; index: number }[]) => {
      asked += subtrees.length;
      return subtrees.map((s) => leafHash(Buffer.from(`${s.level}:${s.index}`)));
    };
    const proof = await inclusionProof(123_456, n, store);
    expect(proof.length).toBe(20);
    expect(asked).toBeLessThan(20 * 20);
    expect((await consistencyProof(500_000, n, store)).length).toBeLessThanOrEqual(2 * 20);
  });
});
