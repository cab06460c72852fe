import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../../core/actor.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, otherErrors, standardErrors } from '../../../http/openapi.ts';
import { abilities } from '../../../policy/index.ts';
import {
  changeCollection,
  createCollection,
  deleteCollection,
  deleteFilter,
  saveFilter,
} from './commands.ts';
import { getCollection, listCollections, listFilters } from './queries.ts';
import {
  ChangeCollectionInput,
  CollectionParam,
  CreateCollectionInput,
  FilterParam,
  SavedFilter,
  SaveFilterInput,
} from './schema.ts';

const tags = ['Monitoring'];
const writeErrors = { ...standardErrors, 403: otherErrors[403], 409: otherErrors[409] };

const CollectionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    ownerState: z
      .string()
      .nullable()
      .openapi({ description: 'The delegation that keeps it; null: the secretariat' }),
    reports: z.number().int().openapi({ description: 'How many of its reports the caller may read' }),
    createdBy: z.string(),
    createdAt: z.string(),
    abilities: z.object({ manage: z.boolean() }),
  })
  .openapi('ReportCollection');

const FilterSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    filter: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi('SavedReportFilter');

type CollectionRow = Awaited<ReturnType<typeof listCollections>>[number];
function presentCollection(actor: Actor, c: CollectionRow): z.infer<typeof CollectionSchema> {
  const ownerState = c.owner_state?.trim() ?? null;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    ownerState,
    reports: Number(c.reports ?? 0),
    createdBy: c.created_by_label,
    createdAt: c.created_at.toISOString(),
    abilities: abilities(actor, 'reportCollection', { owner_state: ownerState }, ['manage']) as {
      manage: boolean;
    },
  };
}

const route = <M extends 'get' | 'post' | 'delete'>(method: M, path: string, summary: string) => ({
  method,
  path,
  summary,
  tags,
});
const Output = z.object({ collection: CollectionSchema });

const listRoute = createRoute({
  ...route(
    'get',
    '/api/report-collections',
    'Collections of reports (a border section, a year...), with how many of their reports the caller may read',
  ),
  responses: {
    200: jsonResponse(z.object({ items: z.array(CollectionSchema) }), 'Collections'),
    ...standardErrors,
  },
});
const createCollectionRoute = createRoute({
  ...route(
    'post',
    '/api/report-collections',
    "Make a collection, kept by the caller's delegation (or the secretariat)",
  ),
  request: { body: jsonBody(CreateCollectionInput) },
  responses: { 201: jsonResponse(Output, 'Made'), ...writeErrors },
});
const getRoute = createRoute({
  ...route(
    'get',
    '/api/report-collections/{id}',
    'A collection; its reports are listed by GET /api/reports?collection=<id>',
  ),
  request: { params: CollectionParam },
  responses: { 200: jsonResponse(Output, 'The collection'), ...standardErrors },
});
const changeRoute = createRoute({
  ...route('post', '/api/report-collections/{id}/reports', 'Add reports to a collection, or remove them'),
  request: { params: CollectionParam, body: jsonBody(ChangeCollectionInput) },
  responses: { 200: jsonResponse(Output, 'Changed'), ...writeErrors },
});
const deleteRoute = createRoute({
  ...route('delete', '/api/report-collections/{id}', 'Remove a collection (its reports stay)'),
  request: { params: CollectionParam },
  responses: { 204: NoContent, ...writeErrors },
});
const filtersRoute = createRoute({
  ...route('get', '/api/me/report-filters', "The caller's saved filters of the report list and map"),
  responses: {
    200: jsonResponse(z.object({ items: z.array(FilterSchema) }), 'Saved filters'),
    ...standardErrors,
  },
});
const saveFilterRoute = createRoute({
  ...route('post', '/api/me/report-filters', 'Save a filter under a name (replacing one of that name)'),
  request: { body: jsonBody(SaveFilterInput) },
  responses: { 200: jsonResponse(z.object({ filter: FilterSchema }), 'Saved'), ...standardErrors },
});
const deleteFilterRoute = createRoute({
  ...route('delete', '/api/me/report-filters/{id}', 'Forget a saved filter'),
  request: { params: FilterParam },
  responses: { 204: NoContent, ...standardErrors },
});

const presentFilter = (f: { id: string; name: string; filter: unknown; created_at: Date }) => ({
  id: f.id,
  name: f.name,
  filter: SavedFilter.parse(f.filter) as Record<string, unknown>,
  createdAt: f.created_at.toISOString(),
});

/** Collections of reports and saved filters. */
export function registerCollectionRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    return c.json(
      { items: (await listCollections(db(c), person)).map((r) => presentCollection(person, r)) },
      200,
    );
  });
  app.openapi(createCollectionRoute, async (c) => {
    const person = requirePerson(c);
    const row = await inTransaction(c, async (trx) => {
      const made = await createCollection(trx, person, c.req.valid('json'));
      return getCollection(trx, person, made.id);
    });
    return c.json({ collection: presentCollection(person, row) }, 201);
  });
  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    return c.json(
      { collection: presentCollection(person, await getCollection(db(c), person, c.req.valid('param').id)) },
      200,
    );
  });
  app.openapi(changeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const row = await inTransaction(c, async (trx) => {
      await changeCollection(trx, person, id, c.req.valid('json'));
      return getCollection(trx, person, id);
    });
    return c.json({ collection: presentCollection(person, row) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const person = requirePerson(c);
    await inTransaction(c, (trx) => deleteCollection(trx, person, c.req.valid('param').id));
    return c.body(null, 204);
  });
  app.openapi(filtersRoute, async (c) => {
    const person = requirePerson(c);
    return c.json({ items: (await listFilters(db(c), person)).map(presentFilter) }, 200);
  });
  app.openapi(saveFilterRoute, async (c) => {
    const person = requirePerson(c);
    const row = await inTransaction(c, (trx) => saveFilter(trx, person, c.req.valid('json')));
    return c.json({ filter: presentFilter(row) }, 200);
  });
  app.openapi(deleteFilterRoute, async (c) => {
    const person = requirePerson(c);
    await inTransaction(c, (trx) => deleteFilter(trx, person, c.req.valid('param').id));
    return c.body(null, 204);
  });
}
