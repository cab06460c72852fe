import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../http/openapi.ts';
import { type AttachmentHost, addAttachment, removeAttachment } from './commands.ts';
import { presentAttachment } from './present.ts';
import { getAttachment } from './queries.ts';
import { AddAttachmentInput, ATTACHMENT_TYPES, AttachmentSchema } from './schema.ts';

export interface AttachmentRoutes extends AttachmentHost {
  /** The subject's path with its id parameter, e.g. "/api/proposals/{id}". */
  basePath: `/api/${string}/{id}`;
  /** The subject as the summaries name it ("proposal"). */
  noun: string;
  tags: string[];
  /** When files may change, in words for the summary ("before a procedure opens"). */
  when: string;
}

const fileContent = Object.fromEntries(
  ATTACHMENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
);
const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };
const conflictResponse = { 409: { ...standardErrors[400], description: 'Not now: the subject is closed' } };

/**
 * Registers the three attachment routes of a subject (add, download, remove), the same for
 * every module: the module says how to load and authorise its subject (`AttachmentHost`).
 */
export function registerAttachmentRoutes(app: App, host: AttachmentRoutes) {
  const IdParam = z.object({ id: z.uuid(`is not a ${host.noun} id`) });
  const FileParam = IdParam.extend({ attachmentId: z.uuid('is not an attachment id') });
  const add = createRoute({
    method: 'post',
    path: `${host.basePath}/attachments`,
    tags: host.tags,
    summary: `Attach a file (base64, at most 5 MiB, content matching its type) to a ${host.noun} ${host.when}`,
    request: { params: IdParam, body: jsonBody(AddAttachmentInput) },
    responses: {
      201: jsonResponse(z.object({ attachment: AttachmentSchema }), 'Attached'),
      ...standardErrors,
      ...forbidden,
      ...conflictResponse,
    },
  });
  const download = createRoute({
    method: 'get',
    path: `${host.basePath}/attachments/{attachmentId}`,
    tags: host.tags,
    summary: `Download a file of a ${host.noun} the caller may read, with its own content type`,
    request: { params: FileParam },
    responses: { 200: { description: 'The file', content: fileContent }, ...standardErrors },
  });
  const remove = createRoute({
    method: 'delete',
    path: `${host.basePath}/attachments/{attachmentId}`,
    tags: host.tags,
    summary: `Remove a file of a ${host.noun} ${host.when}`,
    request: { params: FileParam },
    responses: { 204: NoContent, ...standardErrors, ...forbidden, ...conflictResponse },
  });

  app.openapi(add, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => addAttachment(trx, person, host, id, input));
    return c.json({ attachment: presentAttachment(row) }, 201);
  });
  app.openapi(download, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    const file = await getAttachment(db(c), person, host, id, attachmentId);
    return c.body(new Uint8Array(file.data), 200, fileHeaders(file));
  });
  app.openapi(remove, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    await inTransaction(c, (trx) => removeAttachment(trx, person, host, id, attachmentId));
    return c.body(null, 204);
  });
}

/** The headers of a download: its own type, never sniffed by the browser, never cached, saved under its name. */
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
