import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import type { ListDeliveriesQuery } from './schema.ts';

/** A delegation's webhooks, oldest first (their secrets are never read out). */
export async function listWebhooks(db: Db, actor: Actor, state: string) {
  authorize(actor, 'read', 'webhooks', { state }, 'webhook');
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('state_code', '=', state)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One webhook of the delegation (404 for another delegation's, or for a caller who may not see them). */
export async function getWebhook(db: Db, actor: Actor, state: string, id: string) {
  authorize(actor, 'read', 'webhooks', { state }, 'webhook');
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', id)
    .where('state_code', '=', state)
    .executeTakeFirst();
  if (!row) throw notFound('webhook');
  return row;
}

/** A webhook's deliveries, newest first, each with every attempt made (oldest first). */
export async function listDeliveries(
  db: Db,
  actor: Actor,
  state: string,
  id: string,
  q: ListDeliveriesQuery,
) {
  await getWebhook(db, actor, state, id);
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit);
  const attempts = items.length
    ? await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          items.map((d) => d.id),
        )
        .orderBy('at')
        .orderBy('id')
        .execute()
    : [];
  return {
    items: items.map((d) => ({ ...d, attemptLog: attempts.filter((a) => a.delivery_id === d.id) })),
    nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
  };
}
export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>['items'][number];
