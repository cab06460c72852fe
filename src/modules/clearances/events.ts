import { type EventEnvelope, type EventName, publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import { wakeUp } from '../../db/wake-up.ts';
import type { Urgency } from './schema.ts';

/** The NOTIFY channel that wakes the leg reminder runner: a leg opened or re-opened. */
export const CLEARANCE_LEGS_CHANNEL = 'accord_clearance_legs';

/**
 * What the clearance commands announce, inside their transaction, as domain events named
 * `clearances.<kind>`: the module's own subscribers (notify.ts) write the in-app
 * notifications to points of contact and to the requester, and the webhooks module queues
 * a delivery to the national systems of the delegations concerned (delivered after commit
 * by the webhook runner). Any other module may subscribe.
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
  | (EventBase & {
      kind: 'leg_due_1h';
      /** The state whose window closes in an hour. */
      state: string;
      legId: string;
      dueAt: Date;
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

export type ClearanceEventKind = ClearanceEvent['kind'];
/** Every clearance event, by its domain event name. */
export type ClearanceDomainEvents = {
  [K in ClearanceEventKind as `clearances.${K}`]: Extract<ClearanceEvent, { kind: K }> & EventEnvelope;
};

declare module '../../core/events.ts' {
  interface DomainEvents extends ClearanceDomainEvents {}
}

/** The kinds, in the order a person reads them (the webhook events a state may subscribe to). */
export const CLEARANCE_EVENT_KINDS = [
  'leg_arrived',
  'leg_due_1h',
  'leg_decided',
  'request_cleared',
  'request_denied',
  'request_withdrawn',
  'request_amended',
] as const satisfies readonly ClearanceEventKind[];

/**
 * The states whose webhooks receive an event: a leg's arrival (and its 1 h reminder) only
 * that leg's state; a decision on a leg the requesting state and that leg's state; news of
 * the request as a whole the requesting state and every state on the route.
 */
export function webhookAudience(event: ClearanceEvent): string[] {
  switch (event.kind) {
    case 'leg_arrived':
    case 'leg_due_1h':
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
 * Announces a clearance event inside the command's transaction: its subscribers run now, on
 * the same transaction (the in-app notifications, so they exist exactly when the change
 * does; one webhook delivery per subscribed webhook of the states concerned, queued now and
 * sent after commit; a rolled-back command sends nothing). A leg opening also wakes the 1 h
 * reminder runner.
 */
export async function publishClearanceEvent(trx: Db, event: ClearanceEvent): Promise<void> {
  const name = `clearances.${event.kind}` as EventName;
  await publish(trx, name, {
    ...event,
    webhook: { states: webhookAudience(event), event: event.kind, data: webhookData(event) },
  } as never);
  if (event.kind === 'leg_arrived' || event.kind === 'request_amended' || event.kind === 'leg_decided')
    await wakeUp(trx, CLEARANCE_LEGS_CHANNEL, event.requestId);
}
