import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { type CheckpointView, checkpointAt, checkpointCovering, createCheckpoint } from './checkpoints.ts';
import { bodyHash, linkHash, payloadHash } from './hash.ts';
import type { LogKey } from './keys.ts';
import { verifyInclusion } from './merkle.ts';
import {
  parseCheckpoint,
  parseVerifierKey,
  type Verifier,
  verifyCosignature,
  verifySignature,
} from './note.ts';
import { toExported } from './queries.ts';
import { entryLeafHash, proveInclusion } from './tree.ts';
import type { ReadableEntry } from './verify.ts';

/**
 * An inclusion proof as the API gives it and `accord ledger check-proof` reads it: the entry,
 * its leaf hash, the audit path and the checkpoint (signed note, with co-signatures) it is
 * proven against. Everything needed to check it is inside; the keys to trust are not.
 */
export interface ProofDocument {
  format: 'accord-inclusion-proof/1';
  entry: ReadableEntry;
  leafIndex: number;
  treeSize: number;
  /** Base64 of SHA-256(0x00 || entry hash). */
  leafHash: string;
  /** The audit path, leaf upward, base64. */
  path: string[];
  checkpoint: Pick<CheckpointView, 'size' | 'root' | 'note' | 'cosigners' | 'quorum' | 'witnessed'>;
}

export class ProofUnavailable extends Error {}

/**
 * The inclusion proof of entry `seq` for a reader allowed to read it (null otherwise, or when
 * no such entry): against the checkpoint of `size` when given, else the checkpoint that
 * vouches for it (`checkpointCovering`); when none covers it yet and the log's key is at
 * hand, the head is signed first.
 */
export async function buildProof(
  db: Db,
  actor: Actor,
  seq: number,
  opts: { size?: number; key?: LogKey | null } = {},
): Promise<ProofDocument | null> {
  const row = await db.selectFrom('ledger_entries').selectAll().where('seq', '=', seq).executeTakeFirst();
  if (!row || !can(actor, 'read', 'ledgerEntry', row)) return null;
  let checkpoint: CheckpointView | null;
  if (opts.size !== undefined) {
    checkpoint = await checkpointAt(db, opts.size);
    if (!checkpoint || checkpoint.size < seq)
      throw new ProofUnavailable(`no checkpoint of size ${opts.size} covers entry ${seq}`);
  } else {
    checkpoint = await checkpointCovering(db, seq);
    if (!checkpoint && opts.key) checkpoint = await createCheckpoint(db, opts.key);
    if (!checkpoint || checkpoint.size < seq)
      throw new ProofUnavailable(`entry ${seq} is newer than every checkpoint: ask again after the next one`);
  }
  const proof = await proveInclusion(db, seq, checkpoint.size);
  return {
    format: 'accord-inclusion-proof/1',
    entry: toExported(row, true) as ReadableEntry,
    leafIndex: proof.leafIndex,
    treeSize: proof.treeSize,
    leafHash: proof.leafHash.toString('base64'),
    path: proof.path.map((h) => h.toString('base64')),
    checkpoint: {
      size: checkpoint.size,
      root: checkpoint.root,
      note: checkpoint.note,
      cosigners: checkpoint.cosigners,
      quorum: checkpoint.quorum,
      witnessed: checkpoint.witnessed,
    },
  };
}

export interface ProofCheck {
  ok: boolean;
  /** What does not hold, in the order checked; empty when ok. */
  problems: string[];
  /** A trusted log key signed the checkpoint (null: no log key was given to check with). */
  logSigned: boolean | null;
  /** Trusted witnesses whose co-signature on the checkpoint holds. */
  witnessedBy: string[];
}

/**
 * Checks a proof with nothing but its text and the keys the checker trusts: the entry's
 * fields and payload give its hash, the hash gives the leaf, the audit path gives the
 * checkpoint's root, and the checkpoint carries the log's signature and the witnesses'.
 */
export function checkProof(
  doc: ProofDocument,
  trust: { logKeys?: Verifier[]; witnesses?: Verifier[]; quorum?: number } = {},
): ProofCheck {
  const problems: string[] = [];
  const entry = doc.entry;
  if (
    entry.payload !== null &&
    entry.payload !== undefined &&
    payloadHash(entry.payload) !== entry.payloadHash
  )
    problems.push('the payload does not match its hash');
  if (linkHash(bodyHash(entry), entry.prevHash, entry.seq) !== entry.hash)
    problems.push(`the fields of entry ${entry.seq} do not give its hash`);
  const leaf = entryLeafHash(entry.hash);
  if (leaf.toString('base64') !== doc.leafHash) problems.push('the leaf hash is not that of the entry');
  if (doc.leafIndex !== entry.seq - 1) problems.push('the leaf index is not that of the entry');
  let note: ReturnType<typeof parseCheckpoint> | null = null;
  try {
    note = parseCheckpoint(doc.checkpoint.note);
  } catch (err) {
    problems.push(`the checkpoint cannot be read: ${(err as Error).message}`);
  }
  let logSigned: boolean | null = null;
  const witnessedBy: string[] = [];
  if (note) {
    if (note.size !== doc.treeSize) problems.push('the proof is for another tree size than the checkpoint');
    const path = doc.path.map((h) => Buffer.from(h, 'base64'));
    if (!verifyInclusion(doc.leafIndex, note.size, leaf, path, note.root))
      problems.push(`the audit path does not lead from entry ${entry.seq} to the checkpoint's root`);
    if (trust.logKeys?.length) {
      logSigned = trust.logKeys.some((k) => verifySignature(note, k));
      if (!logSigned) problems.push('the checkpoint is not signed by a trusted log key');
    }
    for (const w of trust.witnesses ?? []) if (verifyCosignature(note, w) !== null) witnessedBy.push(w.name);
    const quorum = trust.witnesses?.length ? (trust.quorum ?? trust.witnesses.length) : 0;
    if (quorum > 0 && witnessedBy.length < quorum)
      problems.push(
        `the checkpoint is co-signed by ${witnessedBy.length} trusted witnesses, ${quorum} needed`,
      );
  }
  return { ok: problems.length === 0, problems, logSigned, witnessedBy };
}

/** Where an entry stands in the log: the checkpoint that vouches for it and whether its proof holds. */
export interface EntryStanding {
  seq: number;
  hash: string;
  at: string;
  checkpoint: {
    size: number;
    signedAt: string;
    keyId: string;
    /** The log's signature on the checkpoint holds (against the keys the record publishes). */
    signatureValid: boolean;
    /** The entry's audit path leads to the checkpoint's root. */
    proofValid: boolean;
    witnessed: boolean;
    quorum: number;
    cosigners: { name: string; state: string | null; cosignedAt: string }[];
  } | null;
}

/**
 * Checks entry `seq` where it stands: its fields still give its hash, and its inclusion proof
 * leads to the checkpoint that vouches for it (the first witnessed one, else the newest
 * signed one). What does not hold is added to `problems`. Null when the entry is missing.
 */
export async function entryStanding(db: Db, seq: number, problems: string[]): Promise<EntryStanding | null> {
  const row = await db.selectFrom('ledger_entries').selectAll().where('seq', '=', seq).executeTakeFirst();
  if (!row) {
    problems.push(`record entry ${seq} is missing`);
    return null;
  }
  const entry = toExported(row, true) as ReadableEntry;
  if (payloadHash(row.payload) !== row.payload_hash)
    problems.push(`record entry ${seq} was changed: its payload hash does not match`);
  else if (linkHash(bodyHash(entry), row.prev_hash, seq) !== row.hash)
    problems.push(`record entry ${seq} was changed: its hash does not match`);
  const standing: EntryStanding = { seq, hash: row.hash, at: entry.at, checkpoint: null };
  const checkpoint = await checkpointCovering(db, seq);
  if (!checkpoint) return standing;
  const note = parseCheckpoint(checkpoint.note);
  const published = await db
    .selectFrom('signing_keys')
    .select('verifier_key')
    .where('id', '=', checkpoint.keyId)
    .executeTakeFirst();
  const signatureValid = Boolean(
    published?.verifier_key && verifySignature(note, parseVerifierKey(published.verifier_key)),
  );
  let proofValid = false;
  try {
    const proof = await proveInclusion(db, seq, checkpoint.size);
    proofValid =
      proof.leafHash.equals(entryLeafHash(row.hash)) &&
      verifyInclusion(proof.leafIndex, checkpoint.size, proof.leafHash, proof.path, note.root);
  } catch {
    proofValid = false;
  }
  if (!signatureValid) problems.push(`the log's signature on checkpoint ${checkpoint.size} does not hold`);
  if (!proofValid) problems.push(`record entry ${seq} is not in the tree of checkpoint ${checkpoint.size}`);
  standing.checkpoint = {
    size: checkpoint.size,
    signedAt: checkpoint.signedAt,
    keyId: checkpoint.keyId,
    signatureValid,
    proofValid,
    witnessed: checkpoint.witnessed,
    quorum: checkpoint.quorum,
    cosigners: checkpoint.cosigners,
  };
  return standing;
}
