import { createRoute, z } from '@hono/zod-openapi';
import type { Person } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, otherErrors, standardErrors } from '../../http/openapi.ts';
import { can } from '../../policy/index.ts';
import { registerAttachmentRoutes } from '../attachments/index.ts';
import { getPresidency } from '../directory/index.ts';
import { consultationAttachments } from './attachments.ts';
import {
  addAgendaItem,
  agreePoint,
  closeConsultation,
  completeAgendaItem,
  concludeConsultation,
  openConsultation,
  postMessage,
  proposePoint,
} from './commands.ts';
import {
  ConsultationSchema,
  ConsultationSummarySchema,
  MessageSchema,
  presentConsultation,
  presentMessage,
  presentSummary,
} from './present.ts';
import { makeProposal } from './proposal.ts';
import { getConsultation, listConsultations, listMessages } from './queries.ts';
import {
  AgendaItemInput,
  CloseInput,
  ConcludeInput,
  IdParam,
  ItemParam,
  ListQuery,
  MakeProposalInput,
  MessageInput,
  MessagesQuery,
  OpenConsultationInput,
  PointInput,
  PointParam,
} from './schema.ts';

const tags = ['Consultations'];
const Output = z.object({ consultation: ConsultationSchema });
const writeErrors = { ...standardErrors, 403: otherErrors[403], 409: otherErrors[409] };

const listRoute = createRoute({
  method: 'get',
  path: '/api/consultations',
  tags,
  summary: 'The consultations the caller takes part in (nobody else sees them), most recently active first',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(ConsultationSummarySchema),
        abilities: z.object({
          convene: z
            .boolean()
            .openapi({ description: 'The caller may convene a consultation (POST /api/consultations)' }),
        }),
      }),
      'Consultations',
    ),
    ...standardErrors,
  },
});

const openRoute = createRoute({
  method: 'post',
  path: '/api/consultations',
  tags,
  summary:
    "Convene a confidential consultation of two or more member states with a facilitator (the secretariat or the presidency's head of delegation)",
  request: { body: jsonBody(OpenConsultationInput) },
  responses: { 201: jsonResponse(Output, 'Convened'), ...writeErrors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/consultations/{id}',
  tags,
  summary:
    "A consultation with its agenda, points (who agreed), participants, documents and the caller's abilities",
  request: { params: IdParam },
  responses: { 200: jsonResponse(Output, 'The consultation'), ...standardErrors },
});

const messagesRoute = createRoute({
  method: 'get',
  path: '/api/consultations/{id}/messages',
  tags,
  summary: "A consultation's messages, newest first, paged",
  request: { params: IdParam, query: MessagesQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(MessageSchema),
        next: z
          .string()
          .nullable()
          .openapi({ description: 'The `before` of the next page; null on the last' }),
      }),
      'Messages',
    ),
    ...standardErrors,
  },
});

const messageRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/messages',
  tags,
  summary: 'Write in an open consultation (never edited: a correction is a new message)',
  request: { params: IdParam, body: jsonBody(MessageInput) },
  responses: { 201: jsonResponse(z.object({ message: MessageSchema }), 'Written'), ...writeErrors },
});

const proposalRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/proposal',
  tags,
  summary:
    "Turn a concluded consultation's outcome and agreed points into a proposal of the decisions module on a body (the convener or facilitator; once)",
  request: { params: IdParam, body: jsonBody(MakeProposalInput) },
  responses: {
    201: jsonResponse(z.object({ consultation: ConsultationSchema, proposalId: z.uuid() }), 'Proposed'),
    ...writeErrors,
  },
});

const agendaRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/agenda',
  tags,
  summary: 'Add an item at the end of the agenda (the convener or facilitator)',
  request: { params: IdParam, body: jsonBody(AgendaItemInput) },
  responses: { 201: jsonResponse(Output, 'The consultation'), ...writeErrors },
});
const doneRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/agenda/{itemId}/done',
  tags,
  summary: 'Mark an agenda item dealt with (the convener or facilitator)',
  request: { params: ItemParam },
  responses: { 200: jsonResponse(Output, 'The consultation'), ...writeErrors },
});
const pointRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/points',
  tags,
  summary: 'Put a point to the states for their agreement (any participant)',
  request: { params: IdParam, body: jsonBody(PointInput) },
  responses: { 201: jsonResponse(Output, 'The consultation'), ...writeErrors },
});
const agreeRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/points/{pointId}/agree',
  tags,
  summary:
    "Agree to a point for the caller's state (its head of delegation or point of contact; once per state); agreed when every state has",
  request: { params: PointParam },
  responses: { 200: jsonResponse(Output, 'The consultation'), ...writeErrors },
});
const concludeRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/conclude',
  tags,
  summary:
    'Conclude the talks with an outcome; only the points every state agreed go with it (the convener or facilitator)',
  request: { params: IdParam, body: jsonBody(ConcludeInput) },
  responses: { 200: jsonResponse(Output, 'The consultation'), ...writeErrors },
});
const closeRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{id}/close',
  tags,
  summary: 'End the talks without an outcome, saying why (the convener or facilitator)',
  request: { params: IdParam, body: jsonBody(CloseInput) },
  responses: { 200: jsonResponse(Output, 'The consultation'), ...writeErrors },
});

/** Runs a command in one transaction and answers the consultation as it then stands. */
const thenShow = (person: Person, command: (trx: Db) => Promise<unknown>, id?: string) => async (trx: Db) => {
  const result = await command(trx);
  const consultationId = id ?? (result as { row: { id: string } }).row.id;
  return presentConsultation(person, await getConsultation(trx, person, consultationId));
};

/** Consultations: convening, the talks (messages, agenda, points), the conclusion, the proposal, documents. */
export function registerConsultationRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listConsultations(db(c), person, c.req.valid('query'));
    // Whether to offer "Convene": the rule of POST, on the presidency of the organisation file.
    const presidency = (await getPresidency(db(c)))?.state.code ?? null;
    return c.json(
      {
        items: rows.map((r) => presentSummary(r, r.states ?? [], r.facilitatorPerson)),
        abilities: { convene: can(person, 'open', 'consultations', { presidency }) },
      },
      200,
    );
  });

  app.openapi(openRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => openConsultation(trx, person, input)),
    );
    return c.json({ consultation }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const detail = await getConsultation(db(c), person, c.req.valid('param').id);
    return c.json({ consultation: presentConsultation(person, detail) }, 200);
  });

  app.openapi(messagesRoute, async (c) => {
    const person = requirePerson(c);
    const { rows, next } = await listMessages(db(c), person, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: rows.map(presentMessage), next }, 200);
  });

  app.openapi(messageRoute, async (c) => {
    const person = requirePerson(c);
    const message = await inTransaction(c, (trx) =>
      postMessage(trx, person, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json({ message: presentMessage(message) }, 201);
  });

  app.openapi(agendaRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => addAgendaItem(trx, person, id, text), id),
    );
    return c.json({ consultation }, 201);
  });

  app.openapi(doneRoute, async (c) => {
    const person = requirePerson(c);
    const { id, itemId } = c.req.valid('param');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => completeAgendaItem(trx, person, id, itemId), id),
    );
    return c.json({ consultation }, 200);
  });

  app.openapi(pointRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => proposePoint(trx, person, id, text), id),
    );
    return c.json({ consultation }, 201);
  });

  app.openapi(agreeRoute, async (c) => {
    const person = requirePerson(c);
    const { id, pointId } = c.req.valid('param');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => agreePoint(trx, person, id, pointId), id),
    );
    return c.json({ consultation }, 200);
  });

  app.openapi(concludeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const { outcome } = c.req.valid('json');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => concludeConsultation(trx, person, id, outcome), id),
    );
    return c.json({ consultation }, 200);
  });

  app.openapi(closeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const consultation = await inTransaction(
      c,
      thenShow(person, (trx) => closeConsultation(trx, person, id, reason), id),
    );
    return c.json({ consultation }, 200);
  });

  app.openapi(proposalRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const answer = await inTransaction(c, async (trx) => {
      const made = await makeProposal(trx, person, id, input);
      return {
        consultation: presentConsultation(person, await getConsultation(trx, person, id)),
        proposalId: made.proposalId,
      };
    });
    return c.json(answer, 201);
  });

  registerAttachmentRoutes(app, consultationAttachments);
}
