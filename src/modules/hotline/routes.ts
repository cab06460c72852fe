import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../core/errors.ts';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { acknowledgeMessage, designateContacts, sendMessage } from './commands.ts';
import {
  HotlineMessageSchema,
  HotlineSchema,
  presentHotline,
  presentMessage,
  presentWaiting,
  WaitingSchema,
} from './present.ts';
import {
  hotlineCodeOfMessage,
  listHotlines,
  listMessages,
  readableHotline,
  readableMessage,
} from './queries.ts';
import {
  DesignateContactsInput,
  HotlineParams,
  ListMessagesQuery,
  MessageParams,
  ReplyInput,
  SendMessageInput,
  SideParams,
} from './schema.ts';

const tags = ['Hotline'];
const base = '/api/hotlines/{code}';
const MessageResponse = z.object({ message: HotlineMessageSchema });

const listRoute = createRoute({
  method: 'get',
  path: '/api/hotlines',
  tags,
  summary: 'The hotlines I speak on or oversee, with what waits on each (unacknowledged, the oldest wait)',
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(z.object({ hotline: HotlineSchema, waiting: WaitingSchema })) }),
      'Hotlines',
    ),
    ...standardErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: 'A hotline: its two states, window, escalation and contacts',
  request: { params: HotlineParams },
  responses: { 200: jsonResponse(z.object({ hotline: HotlineSchema }), 'The hotline'), ...standardErrors },
});

const messagesRoute = createRoute({
  method: 'get',
  path: `${base}/messages`,
  tags,
  summary: "A hotline's messages, newest first (paged by offset)",
  request: { params: HotlineParams, query: ListMessagesQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(HotlineMessageSchema), nextOffset: z.number().int().nullable() }),
      'Messages',
    ),
    ...standardErrors,
  },
});

const findMessageRoute = createRoute({
  method: 'get',
  path: '/api/hotline-messages/{id}',
  tags,
  summary: "A message by its id alone (where a notification leads), with its hotline's code",
  request: { params: z.object({ id: MessageParams.shape.id }) },
  responses: { 200: jsonResponse(MessageResponse, 'The message'), ...standardErrors },
});

const sendRoute = createRoute({
  method: 'post',
  path: `${base}/messages`,
  tags,
  summary:
    'Send a message to the other side (its contacts are notified; escalated unless acknowledged in the window)',
  request: { params: HotlineParams, body: jsonBody(SendMessageInput) },
  responses: { 201: jsonResponse(MessageResponse, 'Sent'), ...standardErrors },
});

const ackRoute = createRoute({
  method: 'post',
  path: `${base}/messages/{id}/acknowledge`,
  tags,
  summary: 'Acknowledge a message of the other side (the time is recorded); 409 when already acknowledged',
  request: { params: MessageParams },
  responses: { 200: jsonResponse(MessageResponse, 'Acknowledged'), ...standardErrors },
});

const replyRoute = createRoute({
  method: 'post',
  path: `${base}/messages/{id}/replies`,
  tags,
  summary: "Answer a message; an answer to the other side's message acknowledges it",
  request: { params: MessageParams, body: jsonBody(ReplyInput) },
  responses: { 201: jsonResponse(MessageResponse, 'Sent'), ...standardErrors },
});

const contactsRoute = createRoute({
  method: 'put',
  path: `${base}/contacts/{state}`,
  tags,
  summary: "Name a side's duty contacts (that side's head of delegation), replacing the list",
  request: { params: SideParams, body: jsonBody(DesignateContactsInput) },
  responses: { 200: jsonResponse(z.object({ hotline: HotlineSchema }), 'Designated'), ...standardErrors },
});

/** The hotline's routes: thin, each write one transaction through its command. */
export function registerHotlineRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const now = new Date();
    const rows = await listHotlines(db(c), person);
    return c.json(
      {
        items: rows.map((r) => ({
          hotline: presentHotline(person, r.hotline),
          waiting: presentWaiting(r.waiting, now),
        })),
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const hotline = await readableHotline(db(c), person, c.req.valid('param').code);
    return c.json({ hotline: presentHotline(person, hotline) }, 200);
  });

  app.openapi(messagesRoute, async (c) => {
    const person = requirePerson(c);
    const hotline = await readableHotline(db(c), person, c.req.valid('param').code);
    const { items, nextOffset } = await listMessages(db(c), person, hotline, c.req.valid('query'));
    const now = new Date();
    return c.json({ items: items.map((m) => presentMessage(person, hotline, m, now)), nextOffset }, 200);
  });

  app.openapi(findMessageRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    // Unknown, or on a hotline or at a level the reader may not read: 404 either way.
    const code = await hotlineCodeOfMessage(db(c), id);
    if (!code) throw notFound('message');
    const hotline = await readableHotline(db(c), person, code);
    const message = await readableMessage(db(c), person, hotline, id);
    return c.json({ message: presentMessage(person, hotline, message, new Date()) }, 200);
  });

  app.openapi(sendRoute, async (c) => {
    const person = requirePerson(c);
    const { code } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = new Date();
    const { hotline, message } = await inTransaction(c, async (trx) => {
      const message = await sendMessage(trx, person, code, input, now);
      return { message, hotline: await readableHotline(trx, person, code) };
    });
    return c.json({ message: presentMessage(person, hotline, message, now) }, 201);
  });

  app.openapi(replyRoute, async (c) => {
    const person = requirePerson(c);
    const { code, id } = c.req.valid('param');
    const input = c.req.valid('json');
    const now = new Date();
    const { hotline, message } = await inTransaction(c, async (trx) => {
      // An unknown message, or one the caller may not read, is 404 here (the path names it).
      await readableMessage(trx, person, await readableHotline(trx, person, code), id);
      const message = await sendMessage(trx, person, code, { ...input, replyTo: id }, now);
      return { message, hotline: await readableHotline(trx, person, code) };
    });
    return c.json({ message: presentMessage(person, hotline, message, now) }, 201);
  });

  app.openapi(ackRoute, async (c) => {
    const person = requirePerson(c);
    const { code, id } = c.req.valid('param');
    const now = new Date();
    const { hotline, message } = await inTransaction(c, async (trx) => {
      const message = await acknowledgeMessage(trx, person, code, id, now);
      return { message, hotline: await readableHotline(trx, person, code) };
    });
    return c.json({ message: presentMessage(person, hotline, message, now) }, 200);
  });

  app.openapi(contactsRoute, async (c) => {
    const person = requirePerson(c);
    const { code, state } = c.req.valid('param');
    const hotline = await inTransaction(c, (trx) =>
      designateContacts(trx, person, code, state, c.req.valid('json')),
    );
    return c.json({ hotline: presentHotline(person, hotline) }, 200);
  });
}
