import { z } from '@hono/zod-openapi';
import { clearanceName } from '../../core/actor.ts';
import type { LedgerEntryRow } from '../../db/schema.ts';

export const LedgerEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorLabel: z.string(),
    delegation: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
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

/** A record entry as a reader sees it (only entries the policy let through reach here). */
export function presentEntry(row: LedgerEntryRow) {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorLabel: row.actor_label,
    delegation: row.delegation,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    classification: clearanceName(row.classification),
    payload: (row.payload ?? null) as Record<string, unknown> | null,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
