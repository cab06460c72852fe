import type { AttachmentInfo } from './queries.ts';
import type { AttachmentView } from './schema.ts';

/** What leaves the server of a file: never its bytes. */
export const presentAttachment = (row: AttachmentInfo): AttachmentView => ({
  id: row.id,
  filename: row.filename,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  addedBy: row.added_by_label,
  addedAt: row.added_at.toISOString(),
});
