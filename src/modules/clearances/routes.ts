import { createRoute, z } from '@hono/zod-openapi';
import { db, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, standardErrors } from '../../http/openapi.ts';
import { authorize } from '../../policy/index.ts';
import { registerAssetListRoutes } from './asset-lists/routes.ts';
import { registerCertificateRoutes } from './certificates/routes.ts';
import { registerDeploymentRoutes } from './deployments/routes.ts';
import { list, route } from './http.ts';
import { registerLegRoutes } from './legs/routes.ts';
import { trimState } from './load.ts';
import { registerPermissionRoutes } from './permissions/routes.ts';
import { listClearanceWindows, listCrossingPoints } from './requests/queries.ts';
import { registerRequestRoutes } from './requests/routes.ts';
import { FRAMEWORKS, SILENCE_MEANINGS, URGENCIES } from './schema.ts';
import { timeliness } from './timeliness.ts';

/**
 * Every clearance route, registered by `registerClearanceRoutes`: each sub-resource's own
 * (requests/, legs/, permissions/, asset-lists/, deployments/, certificates/), and here what
 * reads across them: the crossing points and response windows (for the form and the map)
 * and the timeliness figures.
 */

const tags = ['Clearances'];

export const CrossingPointSchema = z
  .object({
    code: z.string(),
    name: z.object({ en: z.string(), ru: z.string() }),
    kind: z.enum(['road', 'rail', 'air', 'sea']),
    states: z.array(z.string()),
    lat: z.number(),
    lon: z.number(),
  })
  .openapi('CrossingPoint');
export const ClearanceWindowSchema = z
  .object({
    state: z.string(),
    timeZone: z.string(),
    urgency: z.enum(URGENCIES),
    hours: z.number(),
    onSilence: z.enum(SILENCE_MEANINGS),
  })
  .openapi('ClearanceWindow');

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

/** A day (`2026-01-31`, read in UTC) or an instant with its zone. */
const DayOrInstant = (example: string) =>
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
      `must be a day or an instant, e.g. ${example}`,
    )
    .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date');

const DAY_MS = 86_400_000;
/** The instant a range bound means: a day `from` starts at its midnight, a day `to` includes the day. */
export function rangeBound(value: string | undefined, side: 'from' | 'to'): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return side === 'to' && value.length === 10 ? new Date(at.getTime() + DAY_MS) : at;
}

const TimelinessQuery = z
  .object({
    from: DayOrInstant('2026-01-01')
      .optional()
      .openapi({ description: 'Legs opened on or after this day (UTC) or instant' }),
    to: DayOrInstant('2026-12-31')
      .optional()
      .openapi({ description: 'Legs opened up to this day (included, UTC) or before this instant' }),
    framework: z.enum(FRAMEWORKS).optional(),
  })
  .superRefine((q, ctx) => {
    const from = rangeBound(q.from, 'from');
    const to = rangeBound(q.to, 'to');
    if (from && to && to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
  });
const TimelinessSchema = z
  .object({
    state: z.string(),
    urgency: z.enum(URGENCIES),
    legs: z.number().int(),
    decided: z.number().int(),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
    tacitConsents: z.number().int(),
    tacitRefusals: z.number().int(),
    escalations: z.number().int(),
    standingPermissions: z.number().int(),
    open: z.number().int(),
  })
  .openapi('TimelinessFigure');

const timelinessRoute = createRoute({
  method: 'get',
  path: '/api/clearance-timeliness',
  tags,
  summary:
    'Per state and urgency: median and 90th percentile hours to decide, tacit consents and refusals, escalations',
  request: { query: TimelinessQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(TimelinessSchema),
        range: z
          .object({ from: z.string().nullable(), to: z.string().nullable() })
          .openapi({ description: 'The instants the figures cover: opened at or after from, before to' }),
      }),
      'Figures over the requests you may read',
    ),
    ...standardErrors,
  },
});

/** Registers every clearance route: the sub-resources' and the module-wide reads. */
export function registerClearanceRoutes(app: App) {
  registerRequestRoutes(app);
  registerLegRoutes(app);
  registerPermissionRoutes(app);
  registerAssetListRoutes(app);
  registerDeploymentRoutes(app);
  registerCertificateRoutes(app);
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
  app.openapi(timelinessRoute, async (c) => {
    const person = requirePerson(c);
    const q = c.req.valid('query');
    const from = rangeBound(q.from, 'from');
    const to = rangeBound(q.to, 'to');
    const items = await timeliness(db(c), person, { from, to, framework: q.framework });
    return c.json(
      { items, range: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null } },
      200,
    );
  });
}
