import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { AttachmentHost } from './commands.ts';

export interface AttachmentInfo {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  added_by_label: string;
  added_at: Date;
}

/** A subject's files without their bytes, oldest first. Call after checking the subject is visible. */
export function listAttachments(db: Db, subjectType: string, subjectId: string): Promise<AttachmentInfo[]> {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'added_by_label', 'added_at'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

/** The files of many subjects of one type at once (lists, exports), by subject id. */
export async function listAttachmentsOf(
  db: Db,
  subjectType: string,
  subjectIds: string[],
): Promise<Map<string, AttachmentInfo[]>> {
  const out = new Map<string, AttachmentInfo[]>();
  if (subjectIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .select([
      'subject_id',
      'id',
      'filename',
      'content_type',
      'size_bytes',
      'sha256',
      'added_by_label',
      'added_at',
    ])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  for (const { subject_id, ...info } of rows) out.set(subject_id, [...(out.get(subject_id) ?? []), info]);
  return out;
}

/** One file with its bytes; 404 unless the actor may read its subject and the file is the subject's. */
export async function getAttachment(
  db: Db,
  actor: Actor,
  host: AttachmentHost,
  subjectId: string,
  attachmentId: string,
) {
  await host.read(db, actor, subjectId);
  const row = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('subject_type', '=', host.subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}
