import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegRow, ClearanceRequestRow } from '../../../db/schema.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App, AppEnv } from '../../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../../http/openapi.ts';
import { can } from '../../../policy/index.ts';
import { registerAttachmentRoutes } from '../../attachments/index.ts';
import { conflictResponse, forbidden } from '../http.ts';
import { requestSubject } from '../load.ts';
import { presentRequest, presentRequestListItem, RequestListItemSchema, RequestSchema } from '../present.ts';
import {
  AmendRequestInput,
  CreateRequestInput,
  IdParam,
  RequestListQuery,
  UpdateDraftInput,
  VersionParam,
  WithdrawInput,
} from '../schema.ts';
import { requestAttachments } from './attachments.ts';
import { amendRequest, createRequest, submitRequest, updateDraft, withdrawRequest } from './commands.ts';
import { completeView, getRequestVersion, getRequestView, listRequests } from './queries.ts';

const tags = ['Clearances'];
const RequestOutput = z.object({ request: RequestSchema });

/** The answer of every write on a request or a leg: 200 with the request, 4xx as documented. */
export const writeResponses = (description: string) => ({
  200: jsonResponse(RequestOutput, description),
  ...standardErrors,
  ...forbidden,
  ...conflictResponse,
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/clearances',
  tags,
  summary: 'Movement clearance requests the caller may read (made by or crossing their state)',
  request: { query: RequestListQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(RequestListItemSchema), abilities: z.object({ create: z.boolean() }) }),
      'Requests',
    ),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/clearances',
  tags,
  summary: 'Create a request (a draft, or submitted at once with `submit: true`)',
  request: { body: jsonBody(CreateRequestInput) },
  responses: {
    201: jsonResponse(RequestOutput, 'Created'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/clearances/{id}',
  tags,
  summary: 'A request: content in force, legs with their windows and decisions, history, versions, abilities',
  request: { params: IdParam },
  responses: { 200: jsonResponse(RequestOutput, 'The request'), ...standardErrors },
});
const versionRoute = createRoute({
  method: 'get',
  path: '/api/clearances/{id}/versions/{version}',
  tags,
  summary: 'One version of a request’s content',
  request: { params: VersionParam },
  responses: {
    200: jsonResponse(
      z.object({
        version: z.object({
          version: z.number(),
          content: z.record(z.string(), z.unknown()),
          createdAt: z.string(),
          createdBy: z.string(),
          submittedAt: z.string().nullable(),
        }),
      }),
      'The version',
    ),
    ...standardErrors,
  },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/api/clearances/{id}',
  tags,
  summary: 'Rewrite a draft (409 once submitted: amend instead)',
  request: { params: IdParam, body: jsonBody(UpdateDraftInput) },
  responses: writeResponses('Changed'),
});
const submitRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/submit',
  tags,
  summary: 'Submit a draft: every leg opens at once, in parallel',
  request: { params: IdParam },
  responses: writeResponses('Submitted'),
});
const amendRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/amend',
  tags,
  summary: 'Amend: a new version; only states whose legs (or the shared cargo) changed decide again',
  request: { params: IdParam, body: jsonBody(AmendRequestInput) },
  responses: writeResponses('Amended'),
});
const withdrawRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/withdraw',
  tags,
  summary: 'Withdraw the request',
  request: { params: IdParam, body: jsonBody(WithdrawInput) },
  responses: writeResponses('Withdrawn'),
});

/** Runs a write and answers the request as the caller now sees it. */
export async function answer(c: Context<AppEnv>, id: string, write: (trx: Db) => Promise<unknown>) {
  const person = requirePerson(c);
  const view = await inTransaction(c, async (trx) => {
    await write(trx);
    return getRequestView(trx, person, id);
  });
  return c.json({ request: presentRequest(person, view) }, 200);
}

/**
 * Runs a leg command and answers the request as that command committed it (its row and legs
 * as read under the request's row lock, its last step: legs/settling.ts), the rest of the view
 * read after the commit, so that the lock is not held through those reads. The command
 * checked that the caller may read the request.
 */
export async function answerLegCommand(
  c: Context<AppEnv>,
  write: (trx: Db) => Promise<{ request: ClearanceRequestRow; legs: ClearanceLegRow[] }>,
) {
  const person = requirePerson(c);
  const { request, legs } = await inTransaction(c, write);
  const view = await completeView(db(c), {
    row: request,
    legs,
    subject: requestSubject(request, legs),
  });
  return c.json({ request: presentRequest(person, view) }, 200);
}

/** Requests: list, create, read, versions, draft changes, submission, amendment, withdrawal; files. */
export function registerRequestRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listRequests(db(c), person, c.req.valid('query'));
    const own = person.affiliation === 'delegation' ? person.stateCode : null;
    return c.json(
      {
        items: rows.map((r) => presentRequestListItem(person, r.row, r.legs)),
        abilities: {
          create:
            !!own && can(person, 'create', 'clearanceRequests', { classification: 0, requestingState: own }),
        },
      },
      200,
    );
  });
  app.openapi(createRouteDef, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const view = await inTransaction(c, async (trx) => {
      const row = await createRequest(trx, person, input);
      return getRequestView(trx, person, row.id);
    });
    return c.json({ request: presentRequest(person, view) }, 201);
  });
  app.openapi(getRouteDef, async (c) => {
    const person = requirePerson(c);
    const view = await getRequestView(db(c), person, c.req.valid('param').id);
    return c.json({ request: presentRequest(person, view) }, 200);
  });
  app.openapi(versionRoute, async (c) => {
    const person = requirePerson(c);
    const { id, version } = c.req.valid('param');
    const { row } = await getRequestVersion(db(c), person, id, version);
    return c.json(
      {
        version: {
          version: row.version,
          content: row.content as Record<string, unknown>,
          createdAt: row.created_at.toISOString(),
          createdBy: row.created_by_label,
          submittedAt: row.submitted_at?.toISOString() ?? null,
        },
      },
      200,
    );
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => updateDraft(trx, requirePerson(c), id, input));
  });
  app.openapi(submitRoute, async (c) => {
    const { id } = c.req.valid('param');
    return answer(c, id, (trx) => submitRequest(trx, requirePerson(c), id));
  });
  app.openapi(amendRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => amendRequest(trx, requirePerson(c), id, input));
  });
  app.openapi(withdrawRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => withdrawRequest(trx, requirePerson(c), id, input));
  });
  registerAttachmentRoutes(app, requestAttachments);
}
