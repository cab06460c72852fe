import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { ProcedureSchema, presentProcedure } from './present-procedures.ts';
import { closeProcedure, openProcedure } from './procedures.ts';
import { getProcedureView } from './queries.ts';
import {
  BreakSilenceInput,
  CloseProcedureInput,
  GiveStancesInput,
  OpenProcedureInput,
  ProcedureIdParam,
  ProposalIdParam,
} from './schema.ts';
import { breakSilence, giveStances } from './stances.ts';

const tags = ['Decisions'];
const ProcedureOutput = z.object({ procedure: ProcedureSchema });
const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };
const conflictResponse = {
  409: { ...standardErrors[400], description: 'Not now: frozen, closed, decided or past the deadline' },
};

const openRoute = createRoute({
  method: 'post',
  path: '/api/proposals/{id}/procedures',
  tags,
  summary: 'The chair opens a procedure on a version of the proposal; the rule is fixed now',
  request: { params: ProposalIdParam, body: jsonBody(OpenProcedureInput) },
  responses: {
    201: jsonResponse(ProcedureOutput, 'Opened'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/procedures/{id}',
  tags,
  summary: 'A procedure: the rule, the stance board (states × points), who has not answered, the history',
  request: { params: ProcedureIdParam },
  responses: { 200: jsonResponse(ProcedureOutput, 'The procedure'), ...standardErrors },
});

const stancesRoute = createRoute({
  method: 'post',
  path: '/api/procedures/{id}/stances',
  tags,
  summary: "Give or change the caller's state's stances on points (every change is kept)",
  request: { params: ProcedureIdParam, body: jsonBody(GiveStancesInput) },
  responses: {
    200: jsonResponse(ProcedureOutput, 'Recorded'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

const breakRoute = createRoute({
  method: 'post',
  path: '/api/procedures/{id}/break-silence',
  tags,
  summary: 'Break silence before expiry: a written objection or a proposed amendment',
  request: { params: ProcedureIdParam, body: jsonBody(BreakSilenceInput) },
  responses: {
    200: jsonResponse(ProcedureOutput, 'Silence broken'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/api/procedures/{id}/close',
  tags,
  summary:
    'The chair closes a procedure (a meeting consensus with the objections per point); the outcome is recorded',
  request: {
    params: ProcedureIdParam,
    body: { required: false, content: { 'application/json': { schema: CloseProcedureInput } } },
  },
  responses: {
    200: jsonResponse(ProcedureOutput, 'Closed'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

export function registerProcedureRoutes(app: App) {
  const present = async (c: Parameters<typeof requirePerson>[0], id: string) => {
    const person = requirePerson(c);
    return { procedure: presentProcedure(await getProcedureView(db(c), person, id), person) };
  };

  app.openapi(openRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => openProcedure(trx, person, id, input));
    return c.json(await present(c, row.id), 201);
  });

  app.openapi(getRoute, async (c) => c.json(await present(c, c.req.valid('param').id), 200));

  app.openapi(stancesRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    // The command loads the procedure's page with its lock and keeps it up to date: no re-read.
    const view = await inTransaction(c, (trx) =>
      giveStances(trx, person, id, input, new Date(), { view: true }),
    );
    return c.json({ procedure: presentProcedure(view, person) }, 200);
  });

  app.openapi(breakRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const view = await inTransaction(c, (trx) =>
      breakSilence(trx, person, id, input, new Date(), { view: true }),
    );
    return c.json({ procedure: presentProcedure(view, person) }, 200);
  });

  app.openapi(closeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    // Without a body the validator hands over {}: no objections.
    const input = { objections: c.req.valid('json').objections ?? [] };
    await inTransaction(c, (trx) => closeProcedure(trx, person, id, input));
    return c.json(await present(c, id), 200);
  });
}
