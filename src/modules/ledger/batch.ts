import { z } from '@hono/zod-openapi';
import { canonicalJson } from './hash.ts';
import { type Hash, inclusionProof, leafHash, memorySource, treeHash, verifyInclusion } from './merkle.ts';

/**
 * A large import in one record entry. Thousands of objects arriving together (a partner's
 * feed of incidents, a bulk load) do not each take a place in the record: the command writes
 * one entry whose payload carries a `BatchDigest`, the RFC 9162 Merkle root over the objects
 * in their order (leaf i = SHA-256(0x00 || RFC 8785 canonical JSON of object i), nodes as in
 * the record's own tree). Anyone holding one object, its index and its audit path
 * (`batchProof`) can then show that the object was part of that import, and the entry's own
 * inclusion proof shows the import is in the record: two proofs chained, no need to publish
 * the other objects.
 *
 * A module that imports declares the digest in its record action's payload schema
 * (`payload: z.object({ ..., batch: BatchDigestSchema })`) and keeps the objects in their
 * order, so that it can answer proofs later.
 */
export const BATCH_ALGORITHM = 'rfc9162-sha256-jcs' as const;

export const BatchDigestSchema = z
  .object({
    algorithm: z.literal(BATCH_ALGORITHM),
    count: z.number().int().min(1),
    root: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
  .openapi('BatchDigest', {
    description:
      'The Merkle root (RFC 9162, SHA-256 over the RFC 8785 canonical JSON of each object) of the objects of one import, in order',
  });
export type BatchDigest = z.infer<typeof BatchDigestSchema>;

/** One object's proof that it belongs to an import: its place, leaf hash and audit path (hex). */
export interface BatchProof {
  index: number;
  count: number;
  leaf: string;
  path: string[];
  root: string;
}

/** The leaf of one object: SHA-256(0x00 || its canonical JSON as it reads back from jsonb). */
export function objectLeaf(object: unknown): Hash {
  const text = JSON.stringify(object);
  if (text === undefined) throw new TypeError('an imported object must be a JSON value');
  return leafHash(Buffer.from(canonicalJson(JSON.parse(text)), 'utf8'));
}

function leavesOf(objects: readonly unknown[]): Hash[] {
  if (!objects.length) throw new RangeError('an import needs at least one object');
  return objects.map(objectLeaf);
}

/** The digest of an import: how many objects, and the root of their tree. */
export async function batchDigest(objects: readonly unknown[]): Promise<BatchDigest> {
  const leaves = leavesOf(objects);
  const root = await treeHash(leaves.length, memorySource(leaves));
  return { algorithm: BATCH_ALGORITHM, count: leaves.length, root: root.toString('hex') };
}

/** The audit paths of the objects at `indexes` (all of them when omitted), hashing the tree once. */
export async function batchProofs(
  objects: readonly unknown[],
  indexes?: readonly number[],
): Promise<BatchProof[]> {
  const leaves = leavesOf(objects);
  const source = memorySource(leaves);
  const root = (await treeHash(leaves.length, source)).toString('hex');
  const wanted = indexes ?? leaves.map((_, i) => i);
  return Promise.all(
    wanted.map(async (index) => ({
      index,
      count: leaves.length,
      leaf: leaves[index]?.toString('hex') ?? '',
      path: (await inclusionProof(index, leaves.length, source)).map((h) => h.toString('hex')),
      root,
    })),
  );
}

/**
 * Whether `object` is the object at `proof.index` of the import whose digest is `digest`:
 * its leaf is recomputed from the object itself, the path must lead to the digest's root.
 */
export function checkBatchProof(object: unknown, proof: BatchProof, digest: BatchDigest): boolean {
  if (digest.algorithm !== BATCH_ALGORITHM || proof.count !== digest.count) return false;
  if (!proof.path.every((h) => /^[0-9a-f]{64}$/.test(h))) return false;
  return verifyInclusion(
    proof.index,
    digest.count,
    objectLeaf(object),
    proof.path.map((h) => Buffer.from(h, 'hex')),
    Buffer.from(digest.root, 'hex'),
  );
}
