import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Actor } from '../../core/actor.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ProposalAttachmentRow } from '../../db/schema.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry } from '../ledger/commands.ts';
import { isDecided, type LoadedProposal, loadProposal } from './load.ts';
import { audienceOf } from './subjects.ts';

/** The largest attachment, decoded. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The kinds of file a proposal may carry: documents and pictures, nothing a browser runs. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'text/plain',
  'text/markdown',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

// A plain character class: a grouped repetition overflows V8's regexp stack on megabytes.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (b64: string) => b64.length % 4 === 0 && BASE64.test(b64);
const decodedSize = (b64: string) => (b64.length / 4) * 3 - (b64.match(/=*$/)?.[0].length ?? 0);

export const AddAttachmentInput = z
  .strictObject({
    filename: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(200)
      // A name, not a path: no separators, no control characters, not "." or "..".
      // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
      .regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'a file name without path separators or control characters')
      .refine((name) => name !== '.' && name !== '..', 'is not a file name'),
    contentType: z.enum(ATTACHMENT_TYPES, `must be one of ${ATTACHMENT_TYPES.join(', ')}`),
    dataBase64: z
      .string()
      .min(1, 'is required')
      .refine(isBase64, 'is not base64')
      .refine((b64) => decodedSize(b64) <= MAX_ATTACHMENT_BYTES, 'the file is larger than 5 MiB')
      .openapi({ description: 'The file, base64-encoded (at most 5 MiB decoded)' }),
  })
  .openapi('AddAttachmentInput');
export type AddAttachmentInput = z.infer<typeof AddAttachmentInput>;

export const AttachmentParam = z.object({
  id: z.uuid('is not a proposal id'),
  attachmentId: z.uuid('is not an attachment id'),
});

/** What is listed of an attachment: everything but its bytes. */
export type AttachmentInfo = Omit<ProposalAttachmentRow, 'data' | 'proposal_id' | 'added_by'>;

/** Attachments change only while the text may: the proposal is neither open nor decided. */
function checkNotFrozen(proposal: LoadedProposal) {
  if (isDecided(proposal.row))
    throw conflict('the proposal has been decided; its attachments can no longer change');
  if (proposal.row.status === 'open')
    throw conflict('a procedure is open on this proposal: its attachments are frozen');
}

/** Attaches a file to a proposal, as someone who may edit it, before a procedure opens. */
export async function addAttachment(
  trx: Db,
  actor: Actor,
  proposalId: string,
  input: AddAttachmentInput,
): Promise<AttachmentInfo> {
  const proposal = await loadProposal(trx, actor, proposalId, { forUpdate: true });
  authorize(actor, 'edit', 'proposal', proposal.subject);
  checkNotFrozen(proposal);
  const data = Buffer.from(input.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const row = await trx
    .insertInto('proposal_attachments')
    .values({
      proposal_id: proposalId,
      filename: input.filename,
      content_type: input.contentType,
      size_bytes: data.length,
      sha256,
      data,
      added_by: actor.kind === 'person' ? actor.id : null,
    })
    .returning(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'added_at'])
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'proposal.attachment_added',
    subjectType: 'proposal',
    subjectId: proposalId,
    payload: { attachmentId: row.id, filename: row.filename, sizeBytes: row.size_bytes, sha256 },
    classification: proposal.row.classification,
    audience: audienceOf(proposal.subject),
  });
  return row;
}

/** Removes an attachment, as someone who may edit the proposal, before a procedure opens. */
export async function removeAttachment(trx: Db, actor: Actor, proposalId: string, attachmentId: string) {
  const proposal = await loadProposal(trx, actor, proposalId, { forUpdate: true });
  const found = await trx
    .selectFrom('proposal_attachments')
    .select(['id', 'filename', 'size_bytes', 'sha256'])
    .where('id', '=', attachmentId)
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
  if (!found) throw notFound('attachment');
  authorize(actor, 'edit', 'proposal', proposal.subject);
  checkNotFrozen(proposal);
  await trx.deleteFrom('proposal_attachments').where('id', '=', attachmentId).execute();
  await appendEntry(trx, actor, {
    action: 'proposal.attachment_removed',
    subjectType: 'proposal',
    subjectId: proposalId,
    payload: { attachmentId, filename: found.filename, sizeBytes: found.size_bytes, sha256: found.sha256 },
    classification: proposal.row.classification,
    audience: audienceOf(proposal.subject),
  });
}

/** A proposal's attachments without their bytes, oldest first. Call after checking the proposal is visible. */
export function listAttachments(db: Db, proposalId: string): Promise<AttachmentInfo[]> {
  return db
    .selectFrom('proposal_attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'added_at'])
    .where('proposal_id', '=', proposalId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

/** One attachment with its bytes; 404 unless the actor may read the proposal. */
export async function getAttachment(db: Db, actor: Actor, proposalId: string, attachmentId: string) {
  await loadProposal(db, actor, proposalId);
  const row = await db
    .selectFrom('proposal_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}
