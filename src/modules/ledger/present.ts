import { z } from '@hono/zod-openapi';
import { classificationName } from '../../core/actor.ts';
import type { LedgerEntryRow } from '../../db/schema.ts';
import { type SubjectName, subjectKey } from './queries.ts';

export const LedgerEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    /** The person who acted; null for the system (the console, a runner). */
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    /** The person's name, when the reader may read that person. */
    actorName: z.string().nullable(),
    delegation: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    /** The subject's name (a title, a reference), when the reader may read the subject; null otherwise. */
    subjectLabel: z.string().nullable(),
    /** The web page of the subject, when it has one the reader may open. */
    subjectPath: z.string().nullable(),
    classification: z.string(),
    payload: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .openapi('LedgerEntry');

export const VerifyResultSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    headSeq: z.number().int(),
    hiddenPayloads: z.number().int(),
    firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
    checkpoint: z
      .object({
        size: z.number().int(),
        keyId: z.string(),
        valid: z.boolean().openapi({ description: 'A log key the verifier trusts signed it' }),
        witnessed: z.boolean(),
        cosigners: z.array(z.string()),
      })
      .nullable()
      .openapi({ description: 'The newest checkpoint read' }),
    anchors: z.number().int().openapi({
      description:
        'Checkpoints trusted from outside the record (witnessed by a quorum, or saved) that the entries match',
    }),
  })
  .openapi('VerifyResult');

export const CheckpointSchema = z
  .object({
    size: z.number().int().openapi({ description: 'How many entries the tree holds' }),
    root: z.string().openapi({ description: 'The root hash, base64' }),
    note: z.string().openapi({
      description:
        "The C2SP signed note: origin, size, root, a blank line, the log's signature and the witnesses' co-signatures",
    }),
    keyId: z.string(),
    signedAt: z.string(),
    cosigners: z.array(z.object({ name: z.string(), state: z.string().nullable(), cosignedAt: z.string() })),
    quorum: z.number().int(),
    witnessed: z.boolean(),
  })
  .openapi('Checkpoint');

export const PublishedKeySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    verifierKey: z
      .string()
      .nullable()
      .openapi({ description: 'name+keyid+base64 key (null for keys before the Merkle log)' }),
    publicKeyPem: z.string(),
    createdAt: z.string(),
    retiredAt: z.string().nullable(),
  })
  .openapi('PublishedKey');

export const ProofSchema = z
  .object({
    format: z.literal('accord-inclusion-proof/1'),
    entry: z.object({
      seq: z.number().int(),
      at: z.string(),
      actorId: z.string().nullable(),
      actorLabel: z.string(),
      delegation: z.string().nullable(),
      action: z.string(),
      subjectType: z.string(),
      subjectId: z.string(),
      classification: z.number().int(),
      audience: z.array(z.string()).nullable(),
      payloadHash: z.string(),
      prevHash: z.string(),
      hash: z.string(),
      payload: z.unknown(),
    }),
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    leafHash: z.string(),
    path: z.array(z.string()),
    checkpoint: CheckpointSchema.pick({
      size: true,
      root: true,
      note: true,
      cosigners: true,
      quorum: true,
      witnessed: true,
    }),
  })
  .openapi('InclusionProof');

/**
 * A record entry as a reader sees it (only entries the policy let through reach here), with
 * the names of its subject and actor from `resolveSubjects` (none when the reader may not
 * read them).
 */
export function presentEntry(row: LedgerEntryRow, names: ReadonlyMap<string, SubjectName> = new Map()) {
  const subject = names.get(subjectKey(row.subject_type, row.subject_id));
  const actor = row.actor_id ? names.get(subjectKey('user', row.actor_id)) : undefined;
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    actorName: actor?.label ?? null,
    delegation: row.delegation,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: subject?.label ?? null,
    subjectPath: subject?.path ?? null,
    classification: classificationName(row.classification),
    payload: (row.payload ?? null) as Record<string, unknown> | null,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/** Where a record entry stands in the log, as decision pages and certificates show it. */
export const EntryStandingSchema = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    at: z.string(),
    checkpoint: z
      .object({
        size: z.number().int(),
        signedAt: z.string(),
        keyId: z.string(),
        signatureValid: z.boolean(),
        proofValid: z
          .boolean()
          .openapi({ description: "The entry's audit path leads to the checkpoint's root" }),
        witnessed: z.boolean(),
        quorum: z.number().int(),
        cosigners: z.array(
          z.object({ name: z.string(), state: z.string().nullable(), cosignedAt: z.string() }),
        ),
      })
      .nullable()
      .openapi({
        description:
          'The checkpoint that vouches for the entry: the first witnessed one, else the newest signed one; null while none covers it',
      }),
  })
  .openapi('EntryStanding');
