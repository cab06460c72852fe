import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batchDigest, batchProofs, checkBatchProof } from './batch.ts';
import { canonicalJson } from './hash.ts';

// RFC 9162 2.1.1's recursive definition of the tree hash, written out independently.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const incidents = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ref: `INC-${i}`,
    title: i % 2 ? 'Фишинговая рассылка' : 'Phishing campaign',
    tlp: ['clear', 'green', 'amber'][i % 3],
    at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
    indicators: { domains: [`x${i}.example`], hashes: [] },
  }));

describe('an import recorded as one entry (batch digest)', () => {
  it('is the RFC 9162 tree hash over the canonical JSON of each object, in order', async () => {
    for (const n of [1, 2, 3, 5, 8, 13, 64, 100]) {
      const objects = incidents(n);
      const digest = await batchDigest(objects);
      const expected = mth(objects.map((o) => Buffer.from(canonicalJson(o), 'utf8')));
      expect(digest).toEqual({ algorithm: 'rfc9162-sha256-jcs', count: n, root: expected.toString('hex') });
    }
  });

  it('does not depend on key order, and does depend on the order of the objects', async () => {
    const [a, b] = incidents(2);
    const reordered = { indicators: a.indicators, at: a.at, tlp: a.tlp, title: a.title, ref: a.ref };
    expect(await batchDigest([reordered, b])).toEqual(await batchDigest([a, b]));
    expect((await batchDigest([b, a])).root).not.toBe((await batchDigest([a, b])).root);
  });

  it('proves each object of the import against the digest alone', async () => {
    for (const n of [1, 2, 7, 16, 33]) {
      const objects = incidents(n);
      const digest = await batchDigest(objects);
      const proofs = await batchProofs(objects);
      expect(proofs).toHaveLength(n);
      proofs.forEach((proof, i) => {
        expect(proof.root).toBe(digest.root);
        expect(checkBatchProof(objects[i], proof, digest)).toBe(true);
      });
    }
  });

  it('refuses a changed object, another place, another count and a forged path', async () => {
    const objects = incidents(11);
    const digest = await batchDigest(objects);
    const [proof] = await batchProofs(objects, [4]);
    expect(checkBatchProof(objects[4], proof, digest)).toBe(true);
    expect(checkBatchProof({ ...objects[4], tlp: 'clear' }, proof, digest)).toBe(false);
    expect(checkBatchProof(objects[5], proof, digest)).toBe(false);
    expect(checkBatchProof(objects[4], { ...proof, index: 5 }, digest)).toBe(false);
    // The count is the recorded digest's: a proof claiming another size is refused.
    expect(checkBatchProof(objects[4], { ...proof, count: 12 }, digest)).toBe(false);
    expect(checkBatchProof(objects[4], { ...proof, path: proof.path.slice(1) }, digest)).toBe(false);
    const forged = [...proof.path];
    forged[0] = 'f'.repeat(64);
    expect(checkBatchProof(objects[4], { ...proof, path: forged }, digest)).toBe(false);
    expect(checkBatchProof(objects[4], { ...proof, path: ['not hex'] }, digest)).toBe(false);
  });

  it('needs at least one object, each a JSON value', async () => {
    await expect(batchDigest([])).rejects.toThrow('at least one object');
    await expect(batchDigest([undefined])).rejects.toThrow('JSON value');
  });
});
