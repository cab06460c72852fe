import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../core/actor.ts';
import { clearanceName } from '../../core/actor.ts';
import type { AssetListRow, DeploymentRow, StandingPermissionRow } from '../../db/schema.ts';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../http/openapi.ts';
import { authorize, can } from '../../policy/index.ts';
import { getDeployment, listDeployments, requestDeployment } from './deployments.ts';
import { trimState } from './load.ts';
import {
  canRevokePermission,
  createAssetList,
  deleteAssetList,
  getAssetList,
  grantStandingPermission,
  listAssetLists,
  listStandingPermissions,
  revokeStandingPermission,
  updateAssetList,
} from './permissions.ts';
import { listClearanceWindows, listCrossingPoints } from './queries.ts';
import { AssetListInput, GrantStandingPermissionInput, IdParam, RequestDeploymentInput } from './schema.ts';

const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };
const conflict = { 409: { ...standardErrors[400], description: 'Not now' } };
const list = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

export const CrossingPointSchema = z
  .object({
    code: z.string(),
    name: z.object({ en: z.string(), ru: z.string() }),
    kind: z.string(),
    states: z.array(z.string()),
    lat: z.number(),
    lon: z.number(),
  })
  .openapi('CrossingPoint');
export const ClearanceWindowSchema = z
  .object({
    state: z.string(),
    timeZone: z.string(),
    urgency: z.string(),
    hours: z.number(),
    onSilence: z.string(),
  })
  .openapi('ClearanceWindow');
export const StandingPermissionSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    grantingState: z.string(),
    grantee: z.string(),
    pattern: z.record(z.string(), z.unknown()),
    validFrom: z.string(),
    validTo: z.string(),
    note: z.string().nullable(),
    grantedBy: z.string(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .openapi('StandingPermission');
export const AssetListSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    name: z.string(),
    assets: z.array(z.record(z.string(), z.unknown())),
    updatedBy: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ write: z.boolean() }),
  })
  .openapi('AssetList');
export const DeploymentSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    hostState: z.string(),
    title: z.string(),
    purpose: z.string(),
    classification: z.string(),
    status: z.string(),
    proposalId: z.string(),
    procedureId: z.string().nullable(),
    movements: z.array(z.record(z.string(), z.unknown())),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    requests: z.array(
      z.object({ id: z.string(), reference: z.string(), status: z.string(), requestingState: z.string() }),
    ),
  })
  .openapi('Deployment');

const presentPermission = (actor: Actor, r: StandingPermissionRow) => ({
  id: r.id,
  number: r.number,
  grantingState: trimState(r.granting_state),
  grantee: trimState(r.grantee_state),
  pattern: r.pattern as Record<string, unknown>,
  validFrom: r.valid_from.toISOString(),
  validTo: r.valid_to.toISOString(),
  note: r.note,
  grantedBy: r.granted_by_label,
  grantedAt: r.granted_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
  abilities: { revoke: !r.revoked_at && canRevokePermission(actor, r) },
});
const presentAssetList = (actor: Actor, r: AssetListRow) => ({
  id: r.id,
  state: trimState(r.state_code),
  name: r.name,
  assets: r.assets as Record<string, unknown>[],
  updatedBy: r.updated_by_label,
  updatedAt: r.updated_at.toISOString(),
  abilities: { write: can(actor, 'write', 'assetList', { state: trimState(r.state_code) }) },
});
const presentDeployment = (
  r: DeploymentRow,
  requests: { id: string; reference: string; status: string; requesting_state: string }[] = [],
) => ({
  id: r.id,
  reference: r.reference,
  hostState: trimState(r.host_state),
  title: r.title,
  purpose: r.purpose,
  classification: clearanceName(r.classification),
  status: r.status,
  proposalId: r.proposal_id,
  procedureId: r.procedure_id,
  movements: r.movements as Record<string, unknown>[],
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

const route = <P extends string, M extends 'get' | 'post' | 'put' | 'delete'>(
  method: M,
  path: P,
  summary: string,
  tags = ['Clearances'],
) => ({ method, path, summary, tags });

const pointsRoute = createRoute({
  ...route('get', '/api/crossing-points', 'Crossing points of the organisation file (for the map)', [
    'Directory',
  ]),
  responses: { 200: jsonResponse(list(CrossingPointSchema), 'Crossing points'), 401: standardErrors[401] },
});
const windowsRoute = createRoute({
  ...route(
    'get',
    '/api/clearance-windows',
    "Each state's response window per urgency and what its silence means",
    ['Directory'],
  ),
  responses: { 200: jsonResponse(list(ClearanceWindowSchema), 'Windows'), 401: standardErrors[401] },
});
const listPermissionsRoute = createRoute({
  ...route('get', '/api/standing-permissions', 'Standing permissions granted by or to the caller’s state'),
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(StandingPermissionSchema), abilities: z.object({ grant: z.boolean() }) }),
      'Standing permissions',
    ),
    401: standardErrors[401],
  },
});
const grantRoute = createRoute({
  ...route(
    'post',
    '/api/standing-permissions',
    'Grant a standing permission in the name of the caller’s state',
  ),
  request: { body: jsonBody(GrantStandingPermissionInput) },
  responses: {
    201: jsonResponse(z.object({ permission: StandingPermissionSchema }), 'Granted'),
    ...standardErrors,
    ...forbidden,
  },
});
const revokeRoute = createRoute({
  ...route('delete', '/api/standing-permissions/{id}', 'Revoke a standing permission'),
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ permission: StandingPermissionSchema }), 'Revoked'),
    ...standardErrors,
    ...forbidden,
    ...conflict,
  },
});
const listAssetListsRoute = createRoute({
  ...route('get', '/api/asset-lists', 'The vehicle and asset lists of the caller’s delegation'),
  responses: { 200: jsonResponse(list(AssetListSchema), 'Asset lists'), 401: standardErrors[401] },
});
const getAssetListRoute = createRoute({
  ...route('get', '/api/asset-lists/{id}', 'One asset list'),
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ assetList: AssetListSchema }), 'The list'), ...standardErrors },
});
const createAssetListRoute = createRoute({
  ...route('post', '/api/asset-lists', 'Save a new asset list for the caller’s delegation'),
  request: { body: jsonBody(AssetListInput) },
  responses: {
    201: jsonResponse(z.object({ assetList: AssetListSchema }), 'Saved'),
    ...standardErrors,
    ...forbidden,
  },
});
const updateAssetListRoute = createRoute({
  ...route('put', '/api/asset-lists/{id}', 'Replace an asset list'),
  request: { params: IdParam, body: jsonBody(AssetListInput) },
  responses: {
    200: jsonResponse(z.object({ assetList: AssetListSchema }), 'Saved'),
    ...standardErrors,
    ...forbidden,
  },
});
const deleteAssetListRoute = createRoute({
  ...route('delete', '/api/asset-lists/{id}', 'Delete an asset list'),
  request: { params: IdParam },
  responses: { 204: NoContent, ...standardErrors, ...forbidden },
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
    ...conflict,
  },
});

export function registerClearanceOtherRoutes(app: App) {
  app.openapi(pointsRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    const rows = await listCrossingPoints(db(c));
    return c.json(
      {
        items: rows.map((r) => ({
          code: r.code,
          name: { en: r.name_en, ru: r.name_ru },
          kind: r.kind,
          states: r.states.map(trimState),
          lat: r.latitude,
          lon: r.longitude,
        })),
      },
      200,
    );
  });
  app.openapi(windowsRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    const rows = await listClearanceWindows(db(c));
    return c.json(
      {
        items: rows.map((r) => ({
          state: trimState(r.state_code),
          timeZone: r.time_zone,
          urgency: r.urgency,
          hours: Number(r.hours),
          onSilence: r.on_silence,
        })),
      },
      200,
    );
  });
  app.openapi(listPermissionsRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listStandingPermissions(db(c), person);
    const own = person.affiliation === 'delegation' ? person.stateCode : null;
    return c.json(
      {
        items: rows.map((r) => presentPermission(person, r)),
        abilities: { grant: !!own && can(person, 'grant', 'standingPermissions', { grantingState: own }) },
      },
      200,
    );
  });
  app.openapi(grantRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => grantStandingPermission(trx, person, null, input));
    return c.json({ permission: presentPermission(person, row) }, 201);
  });
  app.openapi(revokeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const row = await inTransaction(c, (trx) => revokeStandingPermission(trx, person, id));
    return c.json({ permission: presentPermission(person, row) }, 200);
  });
  app.openapi(listAssetListsRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listAssetLists(db(c), person);
    return c.json({ items: rows.map((r) => presentAssetList(person, r)) }, 200);
  });
  app.openapi(getAssetListRoute, async (c) => {
    const person = requirePerson(c);
    const row = await getAssetList(db(c), person, c.req.valid('param').id);
    return c.json({ assetList: presentAssetList(person, row) }, 200);
  });
  app.openapi(createAssetListRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => createAssetList(trx, person, input));
    return c.json({ assetList: presentAssetList(person, row) }, 201);
  });
  app.openapi(updateAssetListRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => updateAssetList(trx, person, id, input));
    return c.json({ assetList: presentAssetList(person, row) }, 200);
  });
  app.openapi(deleteAssetListRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    await inTransaction(c, (trx) => deleteAssetList(trx, person, id));
    return c.body(null, 204);
  });
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
