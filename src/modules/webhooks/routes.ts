import { createRoute, z } from '@hono/zod-openapi';
import { db, deps, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { createWebhook, deleteWebhook, redeliver, sendTestEvent, updateWebhook } from './commands.ts';
import { DeliverySchema, presentDelivery, presentWebhook, WebhookSchema } from './present.ts';
import { listDeliveries, listWebhooks } from './queries.ts';
import {
  CreateWebhookInput,
  DeliveryParams,
  ListDeliveriesQuery,
  StateParam,
  UpdateWebhookInput,
  WebhookParams,
} from './schema.ts';

const tags = ['Webhooks'];
const base = '/api/delegations/{state}/webhooks';
const Secret = z.string().openapi({ description: 'The signing secret, shown this once: keep it now' });

const listRoute = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: "A delegation's webhooks (its head of delegation or a secretariat administrator)",
  request: { params: StateParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), 'Webhooks'),
    ...standardErrors,
  },
});

const createWebhookRoute = createRoute({
  method: 'post',
  path: base,
  tags,
  summary: 'Add a webhook: clearance events for the delegation are POSTed to it, signed with its secret',
  request: { params: StateParam, body: jsonBody(CreateWebhookInput) },
  responses: {
    201: jsonResponse(
      z.object({ webhook: WebhookSchema, secret: Secret }),
      'Added; the secret is shown once',
    ),
    ...standardErrors,
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: `${base}/{id}`,
  tags,
  summary: "Change a webhook's URL, events, active flag or description, or rotate its secret",
  request: { params: WebhookParams, body: jsonBody(UpdateWebhookInput) },
  responses: {
    200: jsonResponse(
      z.object({ webhook: WebhookSchema, secret: Secret.nullable() }),
      'Changed; the new secret when rotated',
    ),
    ...standardErrors,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: `${base}/{id}`,
  tags,
  summary: 'Remove a webhook and its deliveries',
  request: { params: WebhookParams },
  responses: { 200: jsonResponse(z.object({ deleted: z.literal(true) }), 'Removed'), ...standardErrors },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/deliveries`,
  tags,
  summary: "A webhook's deliveries, newest first, with every attempt (time, status code, error, duration)",
  request: { params: WebhookParams, query: ListDeliveriesQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(DeliverySchema), nextOffset: z.number().int().nullable() }),
      'Deliveries',
    ),
    ...standardErrors,
  },
});

const redeliverRoute = createRoute({
  method: 'post',
  path: '/api/delegations/{state}/deliveries/{id}/redeliver',
  tags,
  summary: 'Send a delivered or failed delivery again (same delivery id); 409 while it is queued',
  request: { params: DeliveryParams },
  responses: { 202: jsonResponse(z.object({ delivery: DeliverySchema }), 'Queued'), ...standardErrors },
});

const testRoute = createRoute({
  method: 'post',
  path: `${base}/{id}/test`,
  tags,
  summary: 'Queue a `ping` event to this webhook, to check the receiver and its signature check',
  request: { params: WebhookParams },
  responses: { 202: jsonResponse(z.object({ delivery: DeliverySchema }), 'Queued'), ...standardErrors },
});

/** A delegation's webhooks, their deliveries, redelivery and test events. */
export function registerWebhookRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { state } = c.req.valid('param');
    const rows = await listWebhooks(db(c), person, state);
    return c.json({ items: rows.map((w) => presentWebhook(person, w)) }, 200);
  });

  app.openapi(createWebhookRoute, async (c) => {
    const person = requirePerson(c);
    const { state } = c.req.valid('param');
    const input = c.req.valid('json');
    const allowHosts = deps(c).config.webhookAllowHosts;
    const { webhook, secret } = await inTransaction(c, (trx) =>
      createWebhook(trx, person, state, input, { allowHosts }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ webhook: presentWebhook(person, webhook), secret }, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const person = requirePerson(c);
    const { state, id } = c.req.valid('param');
    const input = c.req.valid('json');
    const allowHosts = deps(c).config.webhookAllowHosts;
    const { webhook, secret } = await inTransaction(c, (trx) =>
      updateWebhook(trx, person, state, id, input, { allowHosts }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ webhook: presentWebhook(person, webhook), secret }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const person = requirePerson(c);
    const { state, id } = c.req.valid('param');
    await inTransaction(c, (trx) => deleteWebhook(trx, person, state, id));
    return c.json({ deleted: true as const }, 200);
  });

  app.openapi(deliveriesRoute, async (c) => {
    const person = requirePerson(c);
    const { state, id } = c.req.valid('param');
    const { items, nextOffset } = await listDeliveries(db(c), person, state, id, c.req.valid('query'));
    return c.json({ items: items.map(presentDelivery), nextOffset }, 200);
  });

  app.openapi(redeliverRoute, async (c) => {
    const person = requirePerson(c);
    const { state, id } = c.req.valid('param');
    const delivery = await inTransaction(c, (trx) => redeliver(trx, person, state, id));
    return c.json({ delivery: presentDelivery(delivery) }, 202);
  });

  app.openapi(testRoute, async (c) => {
    const person = requirePerson(c);
    const { state, id } = c.req.valid('param');
    const delivery = await inTransaction(c, (trx) => sendTestEvent(trx, person, state, id));
    return c.json({ delivery: presentDelivery(delivery) }, 202);
  });
}
