import { createRoute, z } from '@hono/zod-openapi';
import { CLASSIFICATIONS, classificationName } from '../../../core/actor.ts';
import type { DeploymentRow } from '../../../db/schema.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../../http/openapi.ts';
import { forbidden, list, notNow, route } from '../http.ts';
import { trimState } from '../load.ts';
import { ContentSchema } from '../present.ts';
import {
  IdParam,
  REQUEST_STATUSES,
  RequestDeploymentInput,
  type RequestStatus,
  URGENCIES,
} from '../schema.ts';
import { getDeployment, listDeployments, requestDeployment } from './commands.ts';

/** Deployment requests of host states, decided by the council. */

export const DeploymentSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    hostState: z.string(),
    title: z.string(),
    purpose: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    status: z.enum(['requested', 'adopted', 'not_adopted']),
    proposalId: z.string(),
    procedureId: z.string().nullable(),
    movements: z.array(
      ContentSchema.extend({ title: z.string(), requestingState: z.string(), urgency: z.enum(URGENCIES) }),
    ),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    requests: z.array(
      z.object({
        id: z.string(),
        reference: z.string(),
        status: z.enum(REQUEST_STATUSES),
        requestingState: z.string(),
      }),
    ),
  })
  .openapi('Deployment');

const presentDeployment = (
  r: DeploymentRow,
  requests: { id: string; reference: string; status: RequestStatus; requesting_state: string }[] = [],
) => ({
  id: r.id,
  reference: r.reference,
  hostState: trimState(r.host_state),
  title: r.title,
  purpose: r.purpose,
  classification: classificationName(r.classification),
  status: r.status,
  proposalId: r.proposal_id,
  procedureId: r.procedure_id,
  movements: r.movements as z.infer<typeof DeploymentSchema>['movements'],
  requestedBy: r.requested_by_label,
  requestedAt: r.requested_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  requests: requests.map((q) => ({
    id: q.id,
    reference: q.reference,
    status: q.status,
    requestingState: trimState(q.requesting_state),
  })),
});
const listDeploymentsRoute = createRoute({
  ...route('get', '/api/deployments', 'Deployment requests of host states'),
  responses: { 200: jsonResponse(list(DeploymentSchema), 'Deployments'), 401: standardErrors[401] },
});
const getDeploymentRoute = createRoute({
  ...route('get', '/api/deployments/{id}', 'A deployment request, its procedure and the requests it created'),
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ deployment: DeploymentSchema }), 'The deployment'),
    ...standardErrors,
  },
});
const requestDeploymentRoute = createRoute({
  ...route(
    'post',
    '/api/deployments',
    'A host state requests the deployment of collective forces: opens the council procedure the organisation file prescribes',
  ),
  request: { body: jsonBody(RequestDeploymentInput) },
  responses: {
    201: jsonResponse(z.object({ deployment: DeploymentSchema }), 'Requested'),
    ...standardErrors,
    ...forbidden,
    ...notNow,
  },
});

export function registerDeploymentRoutes(app: App) {
  app.openapi(listDeploymentsRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listDeployments(db(c), person);
    return c.json({ items: rows.map((r) => presentDeployment(r)) }, 200);
  });
  app.openapi(getDeploymentRoute, async (c) => {
    const person = requirePerson(c);
    const { row, requests } = await getDeployment(db(c), person, c.req.valid('param').id);
    return c.json({ deployment: presentDeployment(row, requests) }, 200);
  });
  app.openapi(requestDeploymentRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => requestDeployment(trx, person, input));
    return c.json({ deployment: presentDeployment(row) }, 201);
  });
}
