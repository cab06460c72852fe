import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../../http/openapi.ts';
import { AddAttachmentInput } from '../../decisions/attachments.ts';
import { AttachmentSchema, presentAttachment } from '../../decisions/present.ts';
import { fileContent, fileHeaders } from '../../decisions/routes-attachments.ts';
import { forbidden } from '../http.ts';
import { IdParam } from '../schema.ts';
import { addClearanceAttachment, getClearanceAttachment, removeClearanceAttachment } from './attachments.ts';

const tags = ['Clearances'];
const AttachmentParam = z.object({
  id: z.uuid('is not a request id'),
  attachmentId: z.uuid('is not an attachment id'),
});
const conflictResponse = {
  409: { ...standardErrors[400], description: 'Not now: the request is denied or withdrawn' },
};

const addRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/attachments',
  tags,
  summary: 'The requester attaches a file (base64, at most 5 MiB): a movement order, a manifest, a map',
  request: { params: IdParam, body: jsonBody(AddAttachmentInput) },
  responses: {
    201: jsonResponse(z.object({ attachment: AttachmentSchema }), 'Attached'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/clearances/{id}/attachments/{attachmentId}',
  tags,
  summary: 'Download an attachment of a request the caller may read',
  request: { params: AttachmentParam },
  responses: { 200: { description: 'The file', content: fileContent }, ...standardErrors },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/clearances/{id}/attachments/{attachmentId}',
  tags,
  summary: 'The requester removes an attachment',
  request: { params: AttachmentParam },
  responses: { 204: NoContent, ...standardErrors, ...forbidden, ...conflictResponse },
});

/** Attachments of clearance requests: add, download, remove. */
export function registerClearanceAttachmentRoutes(app: App) {
  app.openapi(addRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => addClearanceAttachment(trx, person, id, input));
    return c.json({ attachment: presentAttachment(row) }, 201);
  });
  app.openapi(downloadRoute, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    const file = await getClearanceAttachment(db(c), person, id, attachmentId);
    return c.body(new Uint8Array(file.data), 200, fileHeaders(file));
  });
  app.openapi(removeRoute, async (c) => {
    const person = requirePerson(c);
    const { id, attachmentId } = c.req.valid('param');
    await inTransaction(c, (trx) => removeClearanceAttachment(trx, person, id, attachmentId));
    return c.body(null, 204);
  });
}
