import { createRoute, z } from '@hono/zod-openapi';
import { type Actor, classificationName } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, otherErrors, standardErrors } from '../../../http/openapi.ts';
import { abilities, authorize } from '../../../policy/index.ts';
import { approveDaily, changeMembers, changeMission, createMission, loadMission } from './commands.ts';
import { dailyReport, listMissions } from './queries.ts';
import {
  ApproveDailyInput,
  ChangeMembersInput,
  ChangeMissionInput,
  CreateMissionInput,
  DailyParam,
  MissionParam,
} from './schema.ts';

const tags = ['Monitoring'];
const writeErrors = { ...standardErrors, 403: otherErrors[403], 409: otherErrors[409] };
const Person = z.object({ id: z.uuid(), name: z.string(), state: z.string().nullable() });

const MissionSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    name: z.string(),
    mandate: z.string(),
    mandateDecision: z.uuid().nullable(),
    head: Person,
    members: z.array(Person),
    regions: z.array(z.string()),
    area: z.array(z.tuple([z.number(), z.number()])).nullable(),
    from: z.string(),
    to: z.string(),
    status: z
      .enum(['planned', 'active', 'ended'])
      .openapi({ description: "By today's date in the organisation's zone" }),
    classification: z.enum(['public', 'restricted', 'confidential', 'secret']),
    reports: z.number().int().openapi({ description: 'Reports its members filed for it (drafts left out)' }),
    abilities: z.object({ manage: z.boolean(), report: z.boolean(), approveDaily: z.boolean() }),
  })
  .openapi('ObservationMission');

const DailySchema = z
  .object({
    day: z.string(),
    status: z.enum(['draft', 'approved']),
    summary: z.string(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    compiled: z.object({
      day: z.string(),
      zone: z.string(),
      reports: z.number().int(),
      fatalities: z.number().int(),
      byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
      notable: z.array(
        z.object({
          id: z.uuid(),
          reference: z.string(),
          title: z.string(),
          category: z.string(),
          fatalities: z.number().int().nullable(),
          occurredAt: z.string(),
        }),
      ),
    }),
  })
  .openapi('MissionDailyReport');

type Listed = Awaited<ReturnType<typeof listMissions>>[number];
function presentMission(actor: Actor, m: Listed): z.infer<typeof MissionSchema> {
  const { row } = m;
  return {
    id: row.id,
    reference: row.reference,
    name: row.name,
    mandate: row.mandate,
    mandateDecision: row.mandate_decision_id,
    head: { id: row.head_id, name: row.head_name, state: null },
    members: m.members.map((p) => ({ id: p.id, name: p.display_name, state: p.state_code?.trim() ?? null })),
    regions: row.regions,
    area: row.area,
    from: row.from,
    to: row.to,
    status: m.day < row.from ? 'planned' : m.day > row.to ? 'ended' : 'active',
    classification: classificationName(row.classification),
    reports: Number(row.reports ?? 0),
    abilities: abilities(actor, 'mission', m.subject, ['manage', 'report', 'approveDaily']) as z.infer<
      typeof MissionSchema
    >['abilities'],
  };
}

const Output = z.object({ mission: MissionSchema });
const route = <M extends 'get' | 'post'>(method: M, path: string, summary: string) => ({
  method,
  path,
  summary,
  tags,
});

const listRoute = createRoute({
  ...route(
    'get',
    '/api/missions',
    'Observation missions: mandate, head, members, area, period, reports filed',
  ),
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(MissionSchema),
        abilities: z.object({ create: z.boolean().openapi({ description: 'May set up a mission' }) }),
      }),
      'Missions',
    ),
    ...standardErrors,
  },
});
const createMissionRoute = createRoute({
  ...route('post', '/api/missions', 'Set up an observation mission (a secretariat administrator)'),
  request: { body: jsonBody(CreateMissionInput) },
  responses: { 201: jsonResponse(Output, 'Set up'), ...writeErrors },
});
const getRoute = createRoute({
  ...route('get', '/api/missions/{id}', 'An observation mission; its reports: GET /api/reports?mission=<id>'),
  request: { params: MissionParam },
  responses: { 200: jsonResponse(Output, 'The mission'), ...standardErrors },
});
const changeRoute = createRoute({
  method: 'patch',
  path: '/api/missions/{id}',
  tags,
  summary:
    'Change a mission (an administrator): name, mandate, head, area or period, with the reason; checked whole as it is left',
  request: { params: MissionParam, body: jsonBody(ChangeMissionInput) },
  responses: { 200: jsonResponse(Output, 'Changed'), ...writeErrors },
});
const membersRoute = createRoute({
  ...route('post', '/api/missions/{id}/members', 'Add members to a mission, or remove them'),
  request: { params: MissionParam, body: jsonBody(ChangeMembersInput) },
  responses: { 200: jsonResponse(Output, 'Changed'), ...writeErrors },
});
const dailyRoute = createRoute({
  ...route(
    'get',
    '/api/missions/{id}/daily/{day}',
    "A day's report: as approved, or compiled now from the day's reports",
  ),
  request: { params: DailyParam },
  responses: { 200: jsonResponse(z.object({ daily: DailySchema }), 'The day'), ...standardErrors },
});
const approveRoute = createRoute({
  ...route(
    'post',
    '/api/missions/{id}/daily/{day}/approve',
    "The head of mission approves the day's report, with a summary",
  ),
  request: { params: DailyParam, body: jsonBody(ApproveDailyInput) },
  responses: { 200: jsonResponse(z.object({ daily: DailySchema }), 'Approved'), ...writeErrors },
});

async function one(dbh: Parameters<typeof listMissions>[0], actor: Actor, id: string) {
  const [m] = await listMissions(dbh, actor, id);
  if (!m) throw notFound('mission');
  return presentMission(actor, m);
}

/** Observation missions and their daily reports. */
export function registerMissionRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const items = (await listMissions(db(c), person)).map((m) => presentMission(person, m));
    return c.json(
      { items, abilities: abilities(person, 'missions', {}, ['create']) as { create: boolean } },
      200,
    );
  });
  app.openapi(createMissionRoute, async (c) => {
    const person = requirePerson(c);
    const mission = await inTransaction(c, async (trx) =>
      one(trx, person, await createMission(trx, person, c.req.valid('json'))),
    );
    return c.json({ mission }, 201);
  });
  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    return c.json({ mission: await one(db(c), person, c.req.valid('param').id) }, 200);
  });
  app.openapi(changeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const mission = await inTransaction(c, async (trx) => {
      await changeMission(trx, person, id, c.req.valid('json'));
      return one(trx, person, id);
    });
    return c.json({ mission }, 200);
  });
  app.openapi(membersRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const mission = await inTransaction(c, async (trx) => {
      await changeMembers(trx, person, id, c.req.valid('json'));
      return one(trx, person, id);
    });
    return c.json({ mission }, 200);
  });
  app.openapi(dailyRoute, async (c) => {
    const person = requirePerson(c);
    const { id, day } = c.req.valid('param');
    const { subject } = await loadMission(db(c), person, id);
    authorize(person, 'read', 'mission', subject, 'mission');
    return c.json({ daily: { day, ...(await dailyReport(db(c), id, day)) } }, 200);
  });
  app.openapi(approveRoute, async (c) => {
    const person = requirePerson(c);
    const { id, day } = c.req.valid('param');
    const daily = await inTransaction(c, async (trx) => {
      await approveDaily(trx, person, id, day, c.req.valid('json').summary);
      return dailyReport(trx, id, day);
    });
    return c.json({ daily: { day, ...daily } }, 200);
  });
}
