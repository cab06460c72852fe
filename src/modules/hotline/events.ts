import { type EventEnvelope, publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { EscalationTarget, HotlineUrgency } from '../../db/schema-hotline.ts';

/** What every hotline event says of its message. */
export interface HotlineMessageFacts {
  messageId: string;
  hotlineId: string;
  hotline: string;
  /** The two states of the hotline. */
  states: string[];
  fromState: string;
  toState: string;
  fromUserId: string;
  urgency: HotlineUrgency;
  classification: number;
  sentAt: Date;
  dueAt: Date;
}

export interface HotlineMessageSent extends EventEnvelope, HotlineMessageFacts {}
export interface HotlineAcknowledged extends EventEnvelope, HotlineMessageFacts {
  acknowledgedAt: Date;
  acknowledgedBy: string;
}
export interface HotlineEscalated extends EventEnvelope, HotlineMessageFacts {
  escalateTo: EscalationTarget[];
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    'hotline.message_sent': HotlineMessageSent;
    'hotline.acknowledged': HotlineAcknowledged;
    'hotline.escalated': HotlineEscalated;
  }
}

/**
 * Announces an escalation inside the runner's transaction: the module's own subscriber
 * (notify.ts) tells the escalation's recipients, and the webhooks module queues the
 * `hotline.escalated` delivery to the two states' national systems (facts only, never the text).
 */
export async function publishEscalated(trx: Db, event: HotlineEscalated) {
  await publish(trx, 'hotline.escalated', {
    ...event,
    webhook: {
      event: 'hotline.escalated',
      states: event.states,
      data: {
        messageId: event.messageId,
        hotline: event.hotline,
        fromState: event.fromState,
        toState: event.toState,
        urgency: event.urgency,
        sentAt: event.sentAt.toISOString(),
        closedAt: event.dueAt.toISOString(),
        escalateTo: event.escalateTo,
      },
    },
  });
}
