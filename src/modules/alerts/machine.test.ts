import { describe, expect, it } from 'vitest';
import type { AlertStatus } from '../../db/schema.ts';
import { type AlertStep, transition } from './machine.ts';

// Every status x every step: where it leads, or why not (the API answers 409 with the reason).
describe('an alert’s steps', () => {
  it.each<[AlertStatus, AlertStep, AlertStatus | string]>([
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'escalate', 'escalated'],
    ['open', 'close', 'closed'],
    ['acknowledged', 'acknowledge', 'the alert is already acknowledged'],
    ['acknowledged', 'escalate', 'escalated'],
    ['acknowledged', 'close', 'closed'],
    ['escalated', 'acknowledge', 'an escalated alert cannot be acknowledged'],
    ['escalated', 'escalate', 'the alert is already escalated'],
    ['escalated', 'close', 'closed'],
    ['closed', 'acknowledge', 'the alert is closed'],
    ['closed', 'escalate', 'the alert is closed'],
    ['closed', 'close', 'the alert is closed'],
  ])('%s, %s -> %s', (status, step, expected) => {
    const result = transition(status, step);
    if (['acknowledged', 'escalated', 'closed'].includes(expected) && result.ok)
      expect(result.to).toBe(expected);
    else expect(result).toEqual({ ok: false, reason: expected });
  });
});
