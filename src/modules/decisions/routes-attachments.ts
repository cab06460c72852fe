import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../http/openapi.ts';
import {
  AddAttachmentInput,
  ATTACHMENT_TYPES,
  AttachmentParam,
  addAttachment,
  getAttachment,
  removeAttachment,
} from './attachments.ts';
import { AttachmentSchema, presentAttachment } from './present.ts';
import { ProposalIdParam } from './schema.ts';

const tags = ['Decisions'];
const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };
const conflictResponse = {
  409: { ...standardErrors[400], description: 'Not now: a procedure is open or the proposal is decided' },
};

const addRoute = createRoute({
  method: 'post',
  path: '/api/proposals/{id}/attachments',
  tags,
  summary: 'Attach a file (base64, at most 5 MiB) to a proposal before a procedure opens',
  request: { params: ProposalIdParam, body: jsonBody(AddAttachmentInput) },
  responses: {
    201: jsonResponse(z.object({ attachment: AttachmentSchema }), 'Attached'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

export const fileContent = Object.fromEntries(
  ATTACHMENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
);

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/proposals/{id}/attachments/{attachmentId}',
  tags,
  summary: 'Download an attachment of a proposal the caller may read, with its own content type',
  request: { params: AttachmentParam },
  responses: {
    200: {
      description: 'The file',
      content: fileContent,
    },
    ...standardErrors,
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/proposals/{id}/attachments/{attachmentId}',
  tags,
  summary: 'Remove an attachment before a procedure opens',
  request: { params: AttachmentParam },
  responses: { 204: NoContent, ...standardErrors, ...forbidden, ...conflictResponse },
});

/** Attachments of proposals: add, download, remove. */
export function registerAttachmentRoutes(app: App) {
  app.openapi(addRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => addAttachment(trx, person, id, input));
    return c.json({ attachment: presentAttachment(row) }, 201);
  });

  app.openapi(downloadRoute, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    const file = await getAttachment(db(c), person, id, attachmentId);
    return c.body(new Uint8Array(file.data), 200, fileHeaders(file));
  });

  app.openapi(removeRoute, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    await inTransaction(c, (trx) => removeAttachment(trx, person, id, attachmentId));
    return c.body(null, 204);
  });
}

/** The headers of an attachment download: its own type, never sniffed, never cached, saved under its name. */
export const fileHeaders = (file: { content_type: string; size_bytes: number; filename: string }) => ({
  'Content-Type': file.content_type,
  'Content-Length': String(file.size_bytes),
  'Content-Disposition': `attachment; filename*=UTF-8''${encodeRFC5987(file.filename)}`,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
});

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * unescaped. */
const encodeRFC5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
