import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../core/errors.ts';
import { db, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, standardErrors } from '../../http/openapi.ts';
import { authorize } from '../../policy/index.ts';
import { getMonitoringSettings, MonitoringSettingsSchema } from './monitoring-read.ts';
import {
  BodySchema,
  MemberStateSchema,
  OrganisationSchema,
  PartnerSchema,
  PresidencySchema,
  ProcedureSettingsSchema,
} from './present.ts';
import {
  getOrganisation,
  getPresidency,
  getProcedureSettings,
  listBodies,
  listPartners,
  listStates,
} from './queries.ts';
import { BODY_CODE, PARTNER_CODE, STATE_CODE } from './schema.ts';

const tags = ['Directory'];
const list = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });
const readErrors = { 401: standardErrors[401], 404: standardErrors[404] };

/**
 * A code in a path: the organisation file's pattern, in either case as a convenience (the
 * handler puts it in the file's case).
 */
const codeParam = (pattern: RegExp, reason: string) =>
  z.object({ code: z.string().regex(new RegExp(pattern.source, 'i'), reason) });

const organisationRoute = createRoute({
  method: 'get',
  path: '/api/organisation',
  tags,
  summary: 'The organisation, its current presidency with the priorities, and its procedure settings',
  responses: {
    200: jsonResponse(
      z.object({
        organisation: OrganisationSchema,
        presidency: PresidencySchema.nullable(),
        procedures: ProcedureSettingsSchema,
      }),
      'The organisation',
    ),
    ...readErrors,
  },
});
const monitoringRoute = createRoute({
  method: 'get',
  path: '/api/organisation/monitoring',
  tags,
  summary:
    "The organisation file's monitoring settings: the alert scale, report categories, regions and their indicators with thresholds, the combination rule",
  responses: {
    200: jsonResponse(
      z.object({ monitoring: MonitoringSettingsSchema }),
      'The monitoring settings (empty lists: none declared)',
    ),
    401: standardErrors[401],
  },
});
const statesRoute = createRoute({
  method: 'get',
  path: '/api/states',
  tags,
  summary: 'Member states and the bodies each sits in',
  responses: { 200: jsonResponse(list(MemberStateSchema), 'Member states'), 401: standardErrors[401] },
});
const stateRoute = createRoute({
  method: 'get',
  path: '/api/states/{code}',
  tags,
  summary: 'One member state',
  request: { params: codeParam(STATE_CODE, 'must be a two-letter code') },
  responses: { 200: jsonResponse(z.object({ state: MemberStateSchema }), 'The state'), ...standardErrors },
});
const bodiesRoute = createRoute({
  method: 'get',
  path: '/api/bodies',
  tags,
  summary: 'Bodies of the organisation and the states sitting in each',
  responses: { 200: jsonResponse(list(BodySchema), 'Bodies'), 401: standardErrors[401] },
});
const bodyRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{code}',
  tags,
  summary: 'One body',
  request: {
    params: codeParam(BODY_CODE, 'must be 2 to 64 letters, digits or dashes, starting with a letter'),
  },
  responses: { 200: jsonResponse(z.object({ body: BodySchema }), 'The body'), ...standardErrors },
});
const partnersRoute = createRoute({
  method: 'get',
  path: '/api/partners',
  tags,
  summary: 'Partner organisations that may be invited as observers',
  responses: { 200: jsonResponse(list(PartnerSchema), 'Partners'), 401: standardErrors[401] },
});
const partnerRoute = createRoute({
  method: 'get',
  path: '/api/partners/{code}',
  tags,
  summary: 'One partner organisation',
  request: {
    params: codeParam(PARTNER_CODE, 'must be 2 to 16 letters, digits, _ or -, starting with a letter'),
  },
  responses: { 200: jsonResponse(z.object({ partner: PartnerSchema }), 'The partner'), ...standardErrors },
});

export function registerDirectoryRoutes(app: App) {
  app.openapi(organisationRoute, async (c) => {
    const person = requirePerson(c);
    authorize(person, 'read', 'directory', null, 'organisation');
    const [organisation, presidency, procedures] = await Promise.all([
      getOrganisation(db(c)),
      getPresidency(db(c)),
      getProcedureSettings(db(c)),
    ]);
    if (!organisation) throw notFound('organisation');
    return c.json({ organisation, presidency, procedures }, 200);
  });
  app.openapi(monitoringRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null, 'organisation');
    return c.json({ monitoring: await getMonitoringSettings(db(c)) }, 200);
  });
  app.openapi(statesRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    return c.json({ items: await listStates(db(c)) }, 200);
  });
  app.openapi(stateRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    const [state] = await listStates(db(c), c.req.valid('param').code.toUpperCase());
    if (!state) throw notFound('member state');
    return c.json({ state }, 200);
  });
  app.openapi(bodiesRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    return c.json({ items: await listBodies(db(c)) }, 200);
  });
  app.openapi(bodyRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    const [body] = await listBodies(db(c), c.req.valid('param').code.toLowerCase());
    if (!body) throw notFound('body');
    return c.json({ body }, 200);
  });
  app.openapi(partnersRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    return c.json({ items: await listPartners(db(c)) }, 200);
  });
  app.openapi(partnerRoute, async (c) => {
    authorize(requirePerson(c), 'read', 'directory', null);
    const [partner] = await listPartners(db(c), c.req.valid('param').code.toUpperCase());
    if (!partner) throw notFound('partner');
    return c.json({ partner }, 200);
  });
}
