import type { AlertStatus } from '../../db/schema.ts';

/**
 * An alert's life: open -> acknowledged -> escalated -> closed, where escalating may skip
 * acknowledging and closing may come from any step. No step goes back: an escalated alert is
 * past acknowledgement, a closed one is final (a new situation is a new alert). Pure.
 */
export type AlertStep = 'acknowledge' | 'escalate' | 'close';

export const ALERT_STEPS: Record<AlertStep, { to: AlertStatus; from: readonly AlertStatus[] }> = {
  acknowledge: { to: 'acknowledged', from: ['open'] },
  escalate: { to: 'escalated', from: ['open', 'acknowledged'] },
  close: { to: 'closed', from: ['open', 'acknowledged', 'escalated'] },
};

export type Transition = { ok: true; to: AlertStatus } | { ok: false; reason: string };

/** Where a step leads from a status, or why it cannot be taken (a 409). */
export function transition(status: AlertStatus, step: AlertStep): Transition {
  const rule = ALERT_STEPS[step];
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  if (status === 'closed') return { ok: false, reason: 'the alert is closed' };
  if (status === rule.to) return { ok: false, reason: `the alert is already ${status}` };
  return { ok: false, reason: `an ${status} alert cannot be ${rule.to}` };
}
