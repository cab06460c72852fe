import { defineModule } from '../../core/module.ts';

/**
 * Files on any module's subjects: one table, one code path, content checked against the
 * declared type, named in the record. A module registers routes for its subject with
 * `registerAttachmentRoutes(app, host)`.
 */
export const attachmentsModule = defineModule({ name: 'attachments' });

export {
  type AttachmentHost,
  type AttachmentRecordContext,
  addAttachment,
  removeAttachment,
} from './commands.ts';
export { presentAttachment } from './present.ts';
export { type AttachmentInfo, getAttachment, listAttachments, listAttachmentsOf } from './queries.ts';
export { AttachmentEntryFields } from './record.ts';
export { type AttachmentRoutes, fileHeaders, registerAttachmentRoutes } from './routes.ts';
export {
  AddAttachmentInput,
  ATTACHMENT_TYPES,
  AttachmentSchema,
  type AttachmentView,
  MAX_ATTACHMENT_BYTES,
} from './schema.ts';
