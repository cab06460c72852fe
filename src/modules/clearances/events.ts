import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { CLEARANCE_LEGS_CHANNEL, notifyClearanceEvent } from '../notifications/clearances.ts';
import { enqueueWebhookEvent } from '../webhooks/commands.ts';
import type { Urgency } from './schema.ts';

/**
 * What the clearance commands announce, inside their transaction, for the side effects
 * that follow a change: in-app notifications to points of contact and to the requester,
 * and webhook deliveries to the national systems of the delegations concerned (queued in
 * the same transaction, delivered after commit by the webhook runner).
 */
export type ClearanceEvent =
  | (EventBase & {
      kind: 'leg_arrived';
      /** The state whose points of contact must decide. */
      state: string;
      legId: string;
      /** When silence takes effect; null when the leg needs no decision (standing permission). */
      dueAt: Date | null;
    })
  | (EventBase & {
      kind: 'leg_decided';
      state: string;
      legId: string;
      /** approved (with conditions or not), denied, info_requested, info_given, escalated. */
      outcome:
        | 'approved'
        | 'approved_with_conditions'
        | 'denied'
        | 'info_requested'
        | 'info_given'
        | 'escalated';
      how: 'state' | 'tacit' | 'standing_permission' | 'secretariat' | null;
      clearanceNumber: string | null;
    })
  | (EventBase & { kind: 'request_cleared'; verificationCode: string })
  | (EventBase & { kind: 'request_denied'; state: string })
  | (EventBase & { kind: 'request_withdrawn' })
  | (EventBase & { kind: 'request_amended'; version: number; reopenedStates: string[] });

interface EventBase {
  requestId: string;
  reference: string;
  requestingState: string;
  urgency: Urgency;
  classification: number;
  /** Every state with a leg in the request's current version. */
  routeStates: string[];
  at: Date;
  /** The person whose action caused the event, who is not notified of it; null for the system. */
  actorId?: string | null;
}

/**
 * The states whose webhooks receive an event: a leg's arrival (and its 1 h reminder) only
 * that leg's state; a decision on a leg the requesting state and that leg's state; news of
 * the request as a whole the requesting state and every state on the route.
 */
export function webhookAudience(event: ClearanceEvent): string[] {
  switch (event.kind) {
    case 'leg_arrived':
      return [event.state];
    case 'leg_decided':
      return [...new Set([event.requestingState, event.state])];
    default:
      return [...new Set([event.requestingState, ...event.routeStates])];
  }
}

/** The `data` of a webhook delivery: the event's facts (never a state's internal note). */
export function webhookData(event: ClearanceEvent): Record<string, unknown> {
  const { kind: _kind, at: _at, actorId: _actorId, ...facts } = event;
  return JSON.parse(JSON.stringify(facts));
}

/**
 * Announces a clearance event inside the command's transaction: the in-app notifications
 * (written now, so they exist exactly when the change does) and one webhook delivery per
 * subscribed webhook of the states concerned (queued now, sent after commit by the webhook
 * runner; a rolled-back command sends nothing). A leg opening also wakes the 1 h reminder runner.
 */
export async function publishClearanceEvent(trx: Db, event: ClearanceEvent): Promise<void> {
  await notifyClearanceEvent(trx, event);
  await enqueueWebhookEvent(trx, webhookAudience(event), event.kind, webhookData(event), event.at);
  if (event.kind === 'leg_arrived' || event.kind === 'request_amended' || event.kind === 'leg_decided')
    await sql`select pg_notify(${CLEARANCE_LEGS_CHANNEL}, ${event.requestId})`.execute(trx);
}
