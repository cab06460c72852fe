import type { Db } from '../db/connect.ts';

/**
 * The domain events modules publish, by name. A module that publishes events declares
 * them in its own `events.ts` by merging into this interface:
 *
 * @example
 * declare module '../../core/events.ts' {
 *   interface DomainEvents {
 *     'decisions.procedure_closed': ProcedureClosed;
 *   }
 * }
 *
 * Publishing runs every subscriber inside the publisher's transaction, in the order the
 * modules are listed, so what they write commits (or rolls back) with the change. Work
 * that leaves the database (webhooks, e-mail) is queued by its subscriber and done after
 * commit by a runner.
 */
// biome-ignore lint/suspicious/noEmptyInterface: modules merge their events into it
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/** Every event has these; `actorId` is whoever caused it (not told of their own action). */
export interface EventEnvelope {
  /** When what the event tells happened (ISO or Date). */
  at: Date;
  /** The person whose action caused the event; null for the system (a runner, the clock). */
  actorId: string | null;
  /**
   * What the member states' own systems are sent (by the webhooks module, which subscribes
   * to every event): the event kind a webhook subscribes to, the states whose webhooks
   * receive it and the facts. Left out, the event stays inside Accord.
   */
  webhook?: WebhookMessage;
}

/** An event as the member states' webhooks receive it. */
export interface WebhookMessage {
  /** The kind a webhook subscribes to, e.g. "leg_arrived" (a module's `webhookEvents`). */
  event: string;
  /** The states whose webhooks receive it. */
  states: string[];
  /** The `data` of the delivery: facts only, never a state's internal note. */
  data: Record<string, unknown>;
}

export type EventHandler<N extends EventName> = (trx: Db, event: DomainEvents[N]) => Promise<void>;

/** Event name -> handler; `*` receives every event (webhooks, the audit of events). */
export type EventSubscriptions = { [N in EventName]?: EventHandler<N> } & {
  '*'?: (trx: Db, name: EventName, event: DomainEvents[EventName]) => Promise<void>;
};

const subscribers = new Map<string, ((trx: Db, event: unknown) => Promise<void>)[]>();
const everything: ((trx: Db, name: EventName, event: unknown) => Promise<void>)[] = [];

/** Registers a module's subscriptions (called once per module by the platform assembly). */
export function subscribe(subscriptions: EventSubscriptions) {
  for (const [name, handler] of Object.entries(subscriptions)) {
    if (!handler) continue;
    if (name === '*') everything.push(handler as (typeof everything)[number]);
    else {
      const list = subscribers.get(name) ?? [];
      list.push(handler as (trx: Db, event: unknown) => Promise<void>);
      subscribers.set(name, list);
    }
  }
}

/** Forgets every subscription (the platform assembly starts from nothing). */
export function clearSubscriptions() {
  subscribers.clear();
  everything.length = 0;
}

/**
 * Publishes a domain event inside the caller's transaction: every subscriber runs now,
 * on the same transaction, and an error in one rolls the whole change back.
 */
export async function publish<N extends EventName>(trx: Db, name: N, event: DomainEvents[N]) {
  for (const handler of subscribers.get(name) ?? []) await handler(trx, event);
  for (const handler of everything) await handler(trx, name, event);
}
