import { type EventEnvelope, publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { AlertOrigin, AlertStatus } from '../../db/schema.ts';
import type { IndicatorReading } from './evaluate.ts';
import { MONITORING_CLASSIFICATION } from './policy.ts';

/**
 * What early warning announces inside the transaction of the change: the module's own
 * subscriber (notify.ts) tells the situation room, and the webhooks module queues the events
 * carrying a `webhook` message for the national systems of the region's states.
 */
export interface LevelChanged extends EventEnvelope {
  region: string;
  /** The region's member states. */
  states: string[];
  levelChangeId: string;
  from: number;
  to: number;
  direction: 'rose' | 'fell';
  readings: IndicatorReading[];
  /** The automatic alert a rise opened, if any. */
  alert: { id: string; reference: string } | null;
}

export interface AlertChanged extends EventEnvelope {
  alertId: string;
  reference: string;
  region: string;
  states: string[];
  level: number;
  origin: AlertOrigin;
  title: string;
  classification: number;
  status: AlertStatus;
  /** The escalation's note or the closing reason. */
  note: string | null;
}

declare module '../../core/events.ts' {
  interface DomainEvents {
    'alerts.level_changed': LevelChanged;
    'alerts.alert_opened': AlertChanged;
    'alerts.alert_acknowledged': AlertChanged;
    'alerts.alert_escalated': AlertChanged;
    'alerts.alert_closed': AlertChanged;
  }
}

/** The webhook events a state's national system may subscribe to (the module's `webhookEvents`). */
export const ALERT_WEBHOOK_EVENTS = {
  'alert.level_raised': { description: "A monitoring region's level rose (the readings that raised it)" },
  'alert.opened': {
    description: 'An alert was opened for a region of the state (restricted or public alerts only)',
  },
} as const;

/** A change of level; a rise goes to the region's states' webhooks as `alert.level_raised`. */
export async function publishLevelChanged(trx: Db, event: LevelChanged): Promise<void> {
  const webhook =
    event.direction === 'rose'
      ? {
          event: 'alert.level_raised',
          states: event.states,
          data: {
            region: event.region,
            from: event.from,
            to: event.to,
            readings: event.readings,
            alert: event.alert,
            at: event.at.toISOString(),
          },
        }
      : undefined;
  await publish(trx, 'alerts.level_changed', { ...event, ...(webhook ? { webhook } : {}) });
}

export type AlertEventName =
  | 'alerts.alert_opened'
  | 'alerts.alert_acknowledged'
  | 'alerts.alert_escalated'
  | 'alerts.alert_closed';

/** A step of an alert; an opening goes to the states' webhooks when classified restricted or lower. */
export async function publishAlertEvent(trx: Db, name: AlertEventName, event: AlertChanged): Promise<void> {
  const webhook =
    name === 'alerts.alert_opened' && event.classification <= MONITORING_CLASSIFICATION
      ? {
          event: 'alert.opened',
          states: event.states,
          data: {
            alertId: event.alertId,
            reference: event.reference,
            region: event.region,
            level: event.level,
            origin: event.origin,
            title: event.title,
            at: event.at.toISOString(),
          },
        }
      : undefined;
  await publish(trx, name, { ...event, ...(webhook ? { webhook } : {}) });
}
