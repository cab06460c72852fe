import { createRoute } from '@hono/zod-openapi';
import { requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody } from '../../../http/openapi.ts';
import { answer, answerLegCommand, writeResponses } from '../requests/routes.ts';
import {
  AcceptConditionsInput,
  AskInfoInput,
  DecideLegInput,
  GiveInfoInput,
  IdParam,
  LegParam,
} from '../schema.ts';
import { acceptConditions, askInfo, decideEscalatedOutcome, decideLegOutcome, giveInfo } from './commands.ts';

/** A state's decision and questions on its leg, the requester's answers and acceptance of conditions. */

const tags = ['Clearances'];

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/accept-conditions',
  tags,
  summary: 'The requester accepts the conditions of the named legs (all when none are named)',
  request: { params: IdParam, body: jsonBody(AcceptConditionsInput) },
  responses: writeResponses('Accepted'),
});
const decideRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/legs/{state}/decision',
  tags,
  summary: 'A state decides its leg: approve, approve with conditions, or deny (409 once the window closed)',
  request: { params: LegParam, body: jsonBody(DecideLegInput) },
  responses: writeResponses('Decided'),
});
const questionRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/legs/{state}/questions',
  tags,
  summary: "The leg's state asks the requester for information: its clock pauses",
  request: { params: LegParam, body: jsonBody(AskInfoInput) },
  responses: writeResponses('Asked'),
});
const answerRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/legs/{state}/answers',
  tags,
  summary: "The requester answers a state's question: its clock runs again",
  request: { params: LegParam, body: jsonBody(GiveInfoInput) },
  responses: writeResponses('Answered'),
});
const escalationRoute = createRoute({
  method: 'post',
  path: '/api/clearances/{id}/legs/{state}/escalation-decision',
  tags,
  summary: 'A secretariat administrator decides a leg escalated when its window closed in silence',
  request: { params: LegParam, body: jsonBody(DecideLegInput) },
  responses: writeResponses('Decided'),
});

export function registerLegRoutes(app: App) {
  app.openapi(acceptRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => acceptConditions(trx, requirePerson(c), id, input));
  });
  app.openapi(decideRoute, async (c) => {
    const { id, state } = c.req.valid('param');
    const input = c.req.valid('json');
    return answerLegCommand(c, (trx) => decideLegOutcome(trx, requirePerson(c), id, state, input));
  });
  app.openapi(questionRoute, async (c) => {
    const { id, state } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => askInfo(trx, requirePerson(c), id, state, input));
  });
  app.openapi(answerRoute, async (c) => {
    const { id, state } = c.req.valid('param');
    const input = c.req.valid('json');
    return answer(c, id, (trx) => giveInfo(trx, requirePerson(c), id, state, input));
  });
  app.openapi(escalationRoute, async (c) => {
    const { id, state } = c.req.valid('param');
    const input = c.req.valid('json');
    return answerLegCommand(c, (trx) => decideEscalatedOutcome(trx, requirePerson(c), id, state, input));
  });
}
