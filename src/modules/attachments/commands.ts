import { createHash } from 'node:crypto';
import { type Actor, actorLabel } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { appendEntry, type RecordInput } from '../ledger/index.ts';
import type { AddAttachmentInput } from './schema.ts';
import { checkContent } from './sniff.ts';

/**
 * A subject that carries files (a proposal, a clearance request, a report...): its module
 * says how to load it and who may change its files; this module stores them, checks their
 * content and writes the record entry, the same way for every module.
 */
export interface AttachmentHost {
  /** The record's subject type, also the attachments' `subject_type` ("proposal"). */
  subjectType: string;
  /** The record actions for a file added and removed ("proposal.attachment_added"). */
  actions: { added: RecordInput['action']; removed: RecordInput['action'] };
  /** Loads the subject for reading: throws 404 when the actor may not read it. */
  read(db: Db, actor: Actor, subjectId: string): Promise<unknown>;
  /**
   * Loads the subject FOR UPDATE and checks that the actor may change its files now (403,
   * 404, 409); answers how the record entry is classified and who may read it, and any facts
   * the entry adds (a reference).
   */
  write(trx: Db, actor: Actor, subjectId: string): Promise<AttachmentRecordContext>;
}

export interface AttachmentRecordContext {
  classification: number;
  audience: string[] | null;
  payload?: Record<string, unknown>;
}

const INFO = [
  'id',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'added_by_label',
  'added_at',
] as const;

/** Stores a file on a subject after its module allowed it; the record names it (never its bytes). */
export async function addAttachment(
  trx: Db,
  actor: Actor,
  host: AttachmentHost,
  subjectId: string,
  input: AddAttachmentInput,
) {
  const context = await host.write(trx, actor, subjectId);
  const data = Buffer.from(input.dataBase64, 'base64');
  await checkContent(data, input.contentType);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const row = await trx
    .insertInto('attachments')
    .values({
      subject_type: host.subjectType,
      subject_id: subjectId,
      filename: input.filename,
      content_type: input.contentType,
      size_bytes: data.length,
      sha256,
      data,
      added_by: actor.kind === 'person' ? actor.id : null,
      added_by_label: actorLabel(actor),
    })
    .returning([...INFO])
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: host.actions.added,
    subjectType: host.subjectType,
    subjectId,
    payload: {
      ...context.payload,
      attachmentId: row.id,
      filename: row.filename,
      sizeBytes: row.size_bytes,
      sha256,
    },
    classification: context.classification,
    audience: context.audience,
  });
  return row;
}

/** Removes a file from a subject after its module allowed it; 404 for a file of another subject. */
export async function removeAttachment(
  trx: Db,
  actor: Actor,
  host: AttachmentHost,
  subjectId: string,
  attachmentId: string,
) {
  const context = await host.write(trx, actor, subjectId);
  const found = await trx
    .deleteFrom('attachments')
    .where('id', '=', attachmentId)
    .where('subject_type', '=', host.subjectType)
    .where('subject_id', '=', subjectId)
    .returning(['id', 'filename', 'size_bytes', 'sha256'])
    .executeTakeFirst();
  if (!found) throw notFound('attachment');
  await appendEntry(trx, actor, {
    action: host.actions.removed,
    subjectType: host.subjectType,
    subjectId,
    payload: {
      ...context.payload,
      attachmentId,
      filename: found.filename,
      sizeBytes: found.size_bytes,
      sha256: found.sha256,
    },
    classification: context.classification,
    audience: context.audience,
  });
}
