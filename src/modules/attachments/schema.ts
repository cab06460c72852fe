import { z } from '@hono/zod-openapi';

/** The largest attachment, decoded. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The kinds of file any module's subjects may carry: documents and pictures, nothing a browser runs. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'text/plain',
  'text/markdown',
  'text/csv',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

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
      .openapi({
        description: 'The file, base64-encoded (at most 5 MiB decoded); its content must match contentType',
      }),
  })
  .openapi('AddAttachmentInput');
export type AddAttachmentInput = z.infer<typeof AddAttachmentInput>;

/** What leaves the server of an attachment: everything but its bytes. */
export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    addedBy: z.string().nullable(),
    addedAt: z.string(),
  })
  .openapi('Attachment');
export type AttachmentView = z.infer<typeof AttachmentSchema>;
