import { type Actor, classificationName } from '../../../core/actor.ts';
import { invalid } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceRequestRow } from '../../../db/schema.ts';
import { checkItinerary } from '../itinerary.ts';
import { loadMembers, loadPoints } from '../load.ts';
import type { AmendRequestInput, ClearanceContent, UpdateDraftInput } from '../schema.ts';
import { listClearanceAttachments } from './attachments.ts';

/**
 * What a version of a request says, apart from the commands that write it: its content
 * checked (the itinerary connects, files are the request's own), the classification within
 * the author's level, and what an amendment changes of the envelope.
 */

export function checkLevel(actor: Actor, level: number) {
  if (actor.kind === 'person' && level > actor.accessLevel)
    throw invalid('classification', 'is above your own access level');
}

/** The content of a version: what the input says beyond the envelope. */
export function contentOf(input: UpdateDraftInput | AmendRequestInput): ClearanceContent {
  const { title: _t, ...rest } = input as Record<string, unknown>;
  for (const key of ['framework', 'urgency', 'classification', 'reason', 'requestingState', 'submit'])
    delete rest[key];
  return rest as unknown as ClearanceContent;
}

/**
 * The itinerary connects, and the attachments a version names are files of this request
 * (none exist before the request does: files are added with POST …/attachments).
 */
export async function checkContent(trx: Db, content: ClearanceContent, requestId: string | null) {
  checkItinerary(content, await loadPoints(trx), await loadMembers(trx));
  const named = content.attachments ?? [];
  if (named.length === 0) return;
  const files = requestId
    ? new Set((await listClearanceAttachments(trx, requestId)).map((a) => a.id))
    : new Set<string>();
  named.forEach((attachmentId, i) => {
    if (!files.has(attachmentId))
      throw invalid(`attachments.${i}`, `${attachmentId} is not a file attached to this request`);
  });
}

/** What an amendment changes of the envelope, as `{ field: { from, to } }` (empty when nothing). */
export function envelopeChanges(
  row: ClearanceRequestRow,
  next: Pick<ClearanceRequestRow, 'framework' | 'urgency' | 'classification' | 'title'>,
) {
  const changed: Record<string, { from: string; to: string }> = {};
  for (const field of ['title', 'framework', 'urgency', 'classification'] as const)
    if (row[field] !== next[field])
      changed[field] =
        field === 'classification'
          ? { from: classificationName(row[field]), to: classificationName(next[field]) }
          : { from: row[field], to: next[field] };
  return changed;
}
