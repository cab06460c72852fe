import { sql } from 'kysely';
import type { WebhookAllowedHost } from '../../config.ts';
import { type Actor, actorLabel } from '../../core/actor.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import type { EventEnvelope, EventName } from '../../core/events.ts';
import { randomToken } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import type { WebhookDeliveryRow, WebhookRow } from '../../db/schema.ts';
import { wakeUp } from '../../db/wake-up.ts';
import { withCommit } from '../../db/with-commit.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry } from '../ledger/index.ts';
import {
  type CreateWebhookInput,
  type DeliveryEvent,
  type UpdateWebhookInput,
  WEBHOOKS_CHANNEL,
  type WebhookEvent,
  webhookEventNames,
} from './schema.ts';
import { refusedWebhookUrl } from './target.ts';

/** What the operator configured about webhook targets (Config.webhookAllowHosts). */
export interface WebhookTargetOptions {
  /** Hosts allowed although not public, or by plain http; none by default. */
  allowHosts?: readonly WebhookAllowedHost[];
}

/** 400 naming `url` when it leads anywhere but a public address or a host the operator allows. */
async function checkUrl(url: string, opts: WebhookTargetOptions) {
  const reason = await refusedWebhookUrl(url, opts.allowHosts ?? []);
  if (reason) throw invalid('url', reason);
}

/** A new signing secret: "whsec_" and 32 random bytes. */
const newSecret = () => `whsec_${randomToken(32)}`;

/** What the record says of a webhook: never its secret. */
const described = (w: Pick<WebhookRow, 'url' | 'events' | 'active' | 'description'>) => ({
  url: w.url,
  events: w.events,
  active: w.active,
  description: w.description,
});

async function lockWebhook(trx: Db, actor: Actor, state: string, id: string): Promise<WebhookRow> {
  authorize(actor, 'read', 'webhooks', { state }, 'webhook');
  const row = await trx
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', id)
    .where('state_code', '=', state)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('webhook');
  authorize(actor, 'manage', 'webhooks', { state }, 'webhook');
  return row;
}

/**
 * Adds a webhook to a delegation. The secret is made here and returned this once; it is
 * kept as is (signing needs it) and never shown again. The URL must lead to public
 * addresses only, or to a host `opts.allowHosts` names (checked after the policy, so only
 * who may manage the webhooks learns where a name resolves).
 */
export async function createWebhook(
  trx: Db,
  actor: Actor,
  state: string,
  input: CreateWebhookInput,
  opts: WebhookTargetOptions = {},
): Promise<{ webhook: WebhookRow; secret: string }> {
  authorize(actor, 'manage', 'webhooks', { state }, 'webhook');
  const exists = await trx
    .selectFrom('member_states')
    .select('code')
    .where('code', '=', state)
    .executeTakeFirst();
  if (!exists) throw notFound('webhook');
  await checkUrl(input.url, opts);
  const secret = newSecret();
  const webhook = await trx
    .insertInto('webhooks')
    .values({
      state_code: state,
      url: input.url,
      secret,
      events: input.events ?? webhookEventNames(),
      active: input.active,
      description: input.description,
      created_by: actor.kind === 'person' ? actor.id : null,
      created_by_label: actorLabel(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'webhook.created',
    subjectType: 'webhook',
    subjectId: webhook.id,
    payload: { state, ...described(webhook) },
    audience: [state],
  });
  return { webhook, secret };
}

/** Changes a webhook's URL, events, active flag or description, or rotates its secret. */
export async function updateWebhook(
  trx: Db,
  actor: Actor,
  state: string,
  id: string,
  input: UpdateWebhookInput,
  opts: WebhookTargetOptions & { now?: Date } = {},
): Promise<{ webhook: WebhookRow; secret: string | null }> {
  const now = opts.now ?? new Date();
  const before = await lockWebhook(trx, actor, state, id);
  if (input.url !== undefined) await checkUrl(input.url, opts);
  const secret = input.rotateSecret ? newSecret() : null;
  const webhook = await trx
    .updateTable('webhooks')
    .set({
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(secret ? { secret } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changed = JSON.stringify(described(before)) !== JSON.stringify(described(webhook));
  if (changed || secret)
    await appendEntry(trx, actor, {
      action: 'webhook.updated',
      subjectType: 'webhook',
      subjectId: id,
      payload: {
        state,
        before: described(before),
        after: described(webhook),
        secretRotated: Boolean(secret),
      },
      audience: [state],
    });
  return { webhook, secret };
}

/** Removes a webhook; its deliveries (queued or logged) go with it. */
export async function deleteWebhook(trx: Db, actor: Actor, state: string, id: string): Promise<void> {
  const row = await lockWebhook(trx, actor, state, id);
  await trx.deleteFrom('webhooks').where('id', '=', id).execute();
  await appendEntry(trx, actor, {
    action: 'webhook.deleted',
    subjectType: 'webhook',
    subjectId: id,
    payload: { state, ...described(row) },
    audience: [state],
  });
}

/**
 * Every domain event that carries a `webhook` message goes out to the webhooks of the
 * states it names (the webhooks module subscribes to everything).
 */
export async function onAnyEvent(trx: Db, _name: EventName, event: EventEnvelope): Promise<void> {
  if (!event.webhook) return;
  await enqueueWebhookEvent(trx, event.webhook.states, event.webhook.event, event.webhook.data, event.at);
}

/**
 * Queues one delivery of an event to every active webhook of the given states that
 * subscribed to it, in the caller's transaction (an outbox: it is sent only if that
 * transaction commits), and wakes the webhook runners after commit. Nothing in the
 * transaction reads the deliveries back, so the statement travels with the COMMIT (no round
 * trip of its own; `withCommit`, src/db/with-commit.ts), its wake-up in the same statement.
 */
export async function enqueueWebhookEvent(
  trx: Db,
  states: string[],
  event: WebhookEvent,
  data: Record<string, unknown>,
  occurredAt: Date,
): Promise<void> {
  const unique = [...new Set(states)];
  if (unique.length === 0) return;
  const at = occurredAt.toISOString(); // as text: a statement sent with COMMIT carries literals
  const query = sql`
    with queued as (
      insert into webhook_deliveries (webhook_id, event, data, occurred_at, next_attempt_at)
      select w.id, ${event}::text, ${JSON.stringify(data)}::jsonb, ${at}::timestamptz, ${at}::timestamptz
      from webhooks w
      where w.active and w.state_code in (${sql.join(unique)}) and ${event}::text = any (w.events)
      order by w.created_at, w.id
      returning 1
    )
    insert into wake_ups (channel, payload)
    select ${WEBHOOKS_CHANNEL}::text, '' where exists (select 1 from queued)`.compile(trx);
  await trx.executeQuery(withCommit(query));
}

/** Queues a `ping` to one webhook, whatever it subscribed to and even when inactive. */
export async function sendTestEvent(
  trx: Db,
  actor: Actor,
  state: string,
  id: string,
  now = new Date(),
): Promise<WebhookDeliveryRow> {
  const webhook = await lockWebhook(trx, actor, state, id);
  return queueOne(trx, webhook.id, 'ping', { state, webhookId: webhook.id, test: true }, now);
}

async function queueOne(
  trx: Db,
  webhookId: string,
  event: DeliveryEvent,
  data: Record<string, unknown>,
  now: Date,
) {
  const row = await trx
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: webhookId,
      event,
      data: JSON.stringify(data),
      occurred_at: now,
      next_attempt_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await wakeUp(trx, WEBHOOKS_CHANNEL);
  return row;
}

/**
 * Sends a delivered or failed delivery again, as a new round of attempts with the same
 * delivery id (the receiver's idempotency key). A delivery still queued answers 409.
 */
export async function redeliver(
  trx: Db,
  actor: Actor,
  state: string,
  deliveryId: string,
  now = new Date(),
): Promise<WebhookDeliveryRow> {
  authorize(actor, 'read', 'webhooks', { state }, 'delivery');
  const row = await trx
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .selectAll('webhook_deliveries')
    .where('webhook_deliveries.id', '=', deliveryId)
    .where('webhooks.state_code', '=', state)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('delivery');
  authorize(actor, 'manage', 'webhooks', { state }, 'delivery');
  if (row.status === 'pending') throw new AppError('conflict', 'this delivery is already queued');
  const updated = await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await wakeUp(trx, WEBHOOKS_CHANNEL);
  return updated;
}
