import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, otherErrors, standardErrors } from '../../http/openapi.ts';
import { raiseAlert, stepAlert } from './commands.ts';
import {
  AlertSchema,
  ImportResultSchema,
  LevelChangeSchema,
  LevelOutcomeSchema,
  presentAlert,
  presentChange,
  presentImport,
  presentLevels,
  presentOutcome,
  presentSeries,
  RegionLevelSchema,
  SeriesSchema,
} from './present.ts';
import { getAlert, getSeries, levelHistory, listAlerts, listLevels } from './queries.ts';
import {
  AcknowledgeInput,
  AlertParam,
  CloseInput,
  EnterValuesInput,
  EscalateInput,
  ImportInput,
  IndicatorParam,
  ListAlertsQuery,
  RaiseAlertInput,
  RegionParam,
  SeriesQuery,
} from './schema.ts';
import { enterValues, importValues } from './values.ts';

const tags = ['Early warning'];
const errors = { ...standardErrors, 403: otherErrors[403] };

const enterRoute = createRoute({
  method: 'post',
  path: '/api/indicators/{code}/values',
  tags,
  summary:
    "Enter values of an entered indicator (a value for an instant already there replaces it); the region's level is worked out again",
  request: { params: IndicatorParam, body: jsonBody(EnterValuesInput) },
  responses: {
    201: jsonResponse(
      z.object({
        written: z.number().int(),
        replaced: z.number().int(),
        level: LevelOutcomeSchema.nullable(),
      }),
      'Entered',
    ),
    ...errors,
  },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/indicators/{code}/values',
  tags,
  summary: "An indicator's values over time (90 days by default), with its thresholds and their levels",
  request: { params: IndicatorParam, query: SeriesQuery },
  responses: { 200: jsonResponse(SeriesSchema, 'The series'), ...standardErrors },
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/indicators/values/import',
  tags,
  summary:
    'Import a CSV file of values (`indicator,at,value`), whole or not at all: a bad line answers 400 naming each bad line, its field and why',
  request: { body: jsonBody(ImportInput) },
  responses: { 201: jsonResponse(ImportResultSchema, 'Imported'), ...errors },
});

const levelsRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/levels',
  tags,
  summary:
    'Every region the caller watches, with its level (name, colour), since when, and the readings that made it',
  responses: {
    200: jsonResponse(z.object({ items: z.array(RegionLevelSchema) }), 'Levels'),
    ...standardErrors,
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/levels/{region}/history',
  tags,
  summary: "A region's changes of level, newest first, each with the readings that caused it",
  request: { params: RegionParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(LevelChangeSchema) }), 'History'),
    ...standardErrors,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/alerts',
  tags,
  summary: 'Alerts the caller may read, newest first, each with its age and its time to first response',
  request: { query: ListAlertsQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(AlertSchema), nextOffset: z.number().int().nullable() }),
      'Alerts',
    ),
    ...standardErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/alerts/{id}',
  tags,
  summary: 'One alert with its steps',
  request: { params: AlertParam },
  responses: { 200: jsonResponse(z.object({ alert: AlertSchema }), 'The alert'), ...standardErrors },
});

const raiseRoute = createRoute({
  method: 'post',
  path: '/api/alerts',
  tags,
  summary: 'A monitor raises an alert for a region (the situation room is told)',
  request: { body: jsonBody(RaiseAlertInput) },
  responses: { 201: jsonResponse(z.object({ alert: AlertSchema }), 'Raised'), ...errors },
});

const stepRoute = <S extends z.ZodType>(
  step: 'acknowledge' | 'escalate' | 'close',
  body: S,
  summary: string,
) =>
  createRoute({
    method: 'post',
    path: `/api/alerts/{id}/${step}`,
    tags,
    summary,
    request: { params: AlertParam, body: jsonBody(body) },
    responses: {
      200: jsonResponse(z.object({ alert: AlertSchema }), 'Done'),
      ...errors,
      409: otherErrors[409],
    },
  });

/** Indicator values (entered, imported), region levels and their history, alerts and their steps. */
export function registerAlertRoutes(app: App) {
  app.openapi(enterRoute, async (c) => {
    const person = requirePerson(c);
    const { code } = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await inTransaction(c, (trx) => enterValues(trx, person, code, input));
    return c.json({ ...r, level: r.level ? presentOutcome(r.level) : null }, 201);
  });

  app.openapi(seriesRoute, async (c) => {
    const person = requirePerson(c);
    const { code } = c.req.valid('param');
    return c.json(presentSeries(person, await getSeries(db(c), person, code, c.req.valid('query'))), 200);
  });

  app.openapi(importRoute, async (c) => {
    const person = requirePerson(c);
    const { csv } = c.req.valid('json');
    const result = await inTransaction(c, (trx) => importValues(trx, person, csv));
    return c.json(presentImport(result), 201);
  });

  app.openapi(levelsRoute, async (c) => {
    const person = requirePerson(c);
    return c.json({ items: presentLevels(await listLevels(db(c), person)) }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const person = requirePerson(c);
    const { region } = c.req.valid('param');
    const { settings, changes } = await levelHistory(db(c), person, region);
    return c.json({ items: changes.map((ch) => presentChange(settings, ch)) }, 200);
  });

  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const now = new Date();
    const { items, nextOffset } = await listAlerts(db(c), person, c.req.valid('query'));
    return c.json({ items: items.map((a) => presentAlert(person, a, now)), nextOffset }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const { row, steps } = await getAlert(db(c), person, c.req.valid('param').id);
    return c.json({ alert: presentAlert(person, row, new Date(), steps) }, 200);
  });

  app.openapi(raiseRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const now = new Date();
    const row = await inTransaction(c, (trx) => raiseAlert(trx, person, input, now));
    return c.json({ alert: presentAlert(person, row, now) }, 201);
  });

  const steps = [
    [
      'acknowledge',
      AcknowledgeInput,
      'Acknowledge an open alert (an optional note): its first response if none came before',
    ],
    ['escalate', EscalateInput, 'Escalate an open or acknowledged alert (an optional note)'],
    ['close', CloseInput, 'Close an alert with a reason (required)'],
  ] as const;
  for (const [step, body, summary] of steps)
    app.openapi(stepRoute(step, body, summary), async (c) => {
      const person = requirePerson(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json') as { note?: string; reason?: string };
      const now = new Date();
      const row = await inTransaction(c, (trx) => stepAlert(trx, person, id, step, input, now));
      return c.json({ alert: presentAlert(person, row, now) }, 200);
    });
}
