import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/**
 * The record entries of a delegation's webhooks. A webhook's secret is never in the
 * record: a rotation is recorded as `secretRotated: true`.
 */

const State = z.string().describe('The delegation (ISO 3166 code) whose webhook it is');
const Webhook = z.strictObject({
  url: z.string().describe('Where deliveries are sent'),
  events: z.array(z.string()).describe('The event kinds it receives, e.g. "leg_arrived"'),
  active: z.boolean().describe('Whether deliveries are sent'),
  description: z.string().nullable().describe("The delegation's note on it"),
});

export const webhooksLedgerActions = {
  'webhook.created': {
    description: "A delegation's webhook was added: URL, event kinds, active (never its secret).",
    payload: Webhook.extend({ state: State }),
  },
  'webhook.updated': {
    description:
      "A webhook's URL, event kinds or active flag changed, or its secret was rotated (never the secret).",
    payload: z.strictObject({
      state: State,
      before: Webhook.describe('The webhook before the change'),
      after: Webhook.describe('The webhook after the change'),
      secretRotated: z.boolean().describe('Whether a new secret replaced the old one'),
    }),
  },
  'webhook.deleted': {
    description: 'A webhook was removed, with its queued deliveries.',
    payload: Webhook.extend({ state: State }),
  },
} satisfies Record<string, LedgerActionSpec>;

type WebhooksLedgerActions = typeof webhooksLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends WebhooksLedgerActions {}
}
