import { z } from 'zod';

/**
 * What a record entry says of a file added to or removed from any module's subject: which
 * file, its name, size and SHA-256, never its bytes. A module's `<noun>.attachment_added` and
 * `_removed` actions spread these fields into their payload (beside a reference of their own).
 */
export const AttachmentEntryFields = {
  attachmentId: z.string().describe('The attachment (UUID)'),
  filename: z.string().describe("The file's name"),
  sizeBytes: z.number().int().min(0).describe("The file's size in bytes"),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 of the file's bytes (the bytes themselves are never recorded)"),
};
