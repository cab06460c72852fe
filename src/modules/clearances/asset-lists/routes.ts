import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../../core/actor.ts';
import type { AssetListRow } from '../../../db/schema.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../../http/openapi.ts';
import { can } from '../../../policy/index.ts';
import { forbidden, list, route } from '../http.ts';
import { trimState } from '../load.ts';
import { ASSET_KINDS, AssetListInput, IdParam } from '../schema.ts';
import {
  createAssetList,
  deleteAssetList,
  getAssetList,
  listAssetLists,
  updateAssetList,
} from './commands.ts';

/** A delegation's reusable asset lists. */

export const AssetListSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    name: z.string(),
    assets: z.array(
      z.object({
        kind: z.enum(ASSET_KINDS),
        type: z.string(),
        count: z.number(),
        registrations: z.array(z.string()),
        callSigns: z.array(z.string()),
      }),
    ),
    updatedBy: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ write: z.boolean() }),
  })
  .openapi('AssetList');
const presentAssetList = (actor: Actor, r: AssetListRow) => ({
  id: r.id,
  state: trimState(r.state_code),
  name: r.name,
  assets: r.assets as z.infer<typeof AssetListSchema>['assets'],
  updatedBy: r.updated_by_label,
  updatedAt: r.updated_at.toISOString(),
  abilities: { write: can(actor, 'write', 'assetList', { state: trimState(r.state_code) }) },
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

export function registerAssetListRoutes(app: App) {
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
}
