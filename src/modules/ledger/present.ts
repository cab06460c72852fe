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
      .object({ seq: z.number().int(), signedAt: z.string(), keyId: z.string(), valid: z.boolean() })
      .nullable(),
  })
  .openapi('VerifyResult');

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
