import { createHash } from 'node:crypto';
import { type Actor, actorLabel } from '../../../core/actor.ts';
import { conflict, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { authorize } from '../../../policy/index.ts';
import type { AddAttachmentInput } from '../../decisions/attachments.ts';
import { appendEntry } from '../../ledger/commands.ts';
import { audienceOf, type LoadedRequest, loadRequest } from '../load.ts';

const INFO = [
  'id',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'added_by_label',
  'added_at',
] as const;

/** Files change while the request is alive: not once it is denied or withdrawn. */
function checkOpen(loaded: LoadedRequest) {
  if (loaded.row.status === 'denied' || loaded.row.status === 'withdrawn')
    throw conflict(`the request is ${loaded.row.status}: its attachments can no longer change`);
}

const entry = (loaded: LoadedRequest) => ({
  subjectType: 'clearance_request',
  subjectId: loaded.row.id,
  classification: loaded.row.classification,
  audience: audienceOf(loaded.subject),
});

/**
 * Attaches a file (a movement order, a cargo manifest, a map) to a request, as its requester;
 * every state on the route can read it.
 */
export async function addClearanceAttachment(trx: Db, actor: Actor, id: string, input: AddAttachmentInput) {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  authorize(actor, 'edit', 'clearanceRequest', loaded.subject, 'clearance request');
  checkOpen(loaded);
  const data = Buffer.from(input.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  const row = await trx
    .insertInto('clearance_attachments')
    .values({
      request_id: id,
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
    action: 'clearance.attachment_added',
    payload: {
      reference: loaded.row.reference,
      attachmentId: row.id,
      filename: row.filename,
      sizeBytes: row.size_bytes,
      sha256,
    },
    ...entry(loaded),
  });
  return row;
}

/** Removes an attachment, as the requester, while the request is alive. */
export async function removeClearanceAttachment(trx: Db, actor: Actor, id: string, attachmentId: string) {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  const found = await trx
    .selectFrom('clearance_attachments')
    .select(['id', 'filename', 'size_bytes', 'sha256'])
    .where('id', '=', attachmentId)
    .where('request_id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('attachment');
  authorize(actor, 'edit', 'clearanceRequest', loaded.subject, 'clearance request');
  checkOpen(loaded);
  await trx.deleteFrom('clearance_attachments').where('id', '=', attachmentId).execute();
  await appendEntry(trx, actor, {
    action: 'clearance.attachment_removed',
    payload: {
      reference: loaded.row.reference,
      attachmentId,
      filename: found.filename,
      sizeBytes: found.size_bytes,
      sha256: found.sha256,
    },
    ...entry(loaded),
  });
}

/** A request's attachments without their bytes, oldest first. Call after checking the request is visible. */
export function listClearanceAttachments(db: Db, id: string) {
  return db
    .selectFrom('clearance_attachments')
    .select([...INFO])
    .where('request_id', '=', id)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

/** One attachment with its bytes; 404 unless the actor may read the request. */
export async function getClearanceAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  await loadRequest(db, actor, id);
  const row = await db
    .selectFrom('clearance_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('request_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}
