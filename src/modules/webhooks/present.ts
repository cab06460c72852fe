import { z } from '@hono/zod-openapi';
import type { Actor } from '../../core/actor.ts';
import type { WebhookDeliveryRow, WebhookRow } from '../../db/schema.ts';
import { abilities } from '../../policy/index.ts';
import type { DeliveryView } from './queries.ts';
import { webhookEventNames } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const WebhookSchema = z
  .object({
    id: z.string().uuid(),
    state: z.string(),
    url: z.string(),
    events: z
      .array(z.string())
      .openapi({ description: 'The event kinds it is sent, in their declared order' }),
    active: z.boolean(),
    description: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ manage: z.boolean() }),
  })
  .openapi('Webhook');

/** A webhook without its secret, which leaves the server only once, when made. */
export function presentWebhook(actor: Actor, w: WebhookRow): z.infer<typeof WebhookSchema> {
  return {
    id: w.id,
    state: w.state_code.trim(),
    url: w.url,
    events: webhookEventNames().filter((e) => w.events.includes(e)),
    active: w.active,
    description: w.description,
    createdBy: w.created_by_label,
    createdAt: w.created_at.toISOString(),
    updatedAt: w.updated_at.toISOString(),
    abilities: abilities(actor, 'webhooks', { state: w.state_code.trim() }, ['manage']) as {
      manage: boolean;
    },
  };
}

export const AttemptSchema = z
  .object({
    at: z.string(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .openapi('WebhookAttempt');

export const DeliverySchema = z
  .object({
    id: z
      .string()
      .uuid()
      .openapi({ description: 'Sent as X-Accord-Delivery: the receiver’s idempotency key' }),
    webhookId: z.string().uuid(),
    event: z.string(),
    occurredAt: z.string(),
    data: z.record(z.string(), z.unknown()),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int().openapi({ description: 'Attempts in the current round' }),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    attemptLog: z.array(AttemptSchema).openapi({ description: 'Every attempt, oldest first' }),
  })
  .openapi('WebhookDelivery');

export function presentDelivery(d: WebhookDeliveryRow & Partial<Pick<DeliveryView, 'attemptLog'>>) {
  return {
    id: d.id,
    webhookId: d.webhook_id,
    event: d.event,
    occurredAt: d.occurred_at.toISOString(),
    data: d.data as Record<string, unknown>,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.next_attempt_at),
    lastStatusCode: d.last_status_code,
    lastError: d.last_error,
    deliveredAt: iso(d.delivered_at),
    createdAt: d.created_at.toISOString(),
    attemptLog: (d.attemptLog ?? []).map((a) => ({
      at: a.at.toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}
