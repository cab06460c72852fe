import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/**
 * The hotline's record entries. A message's text is not in the record: the entries' audience
 * is the two states' delegations, the hotline's readers only their designated contacts and
 * heads; the entry holds the text's SHA-256, so the record still proves what was sent.
 */

const Code = z.string().describe("The hotline's code, e.g. KG-TJ");
const State = z.string().describe('A member state (ISO 3166 code)');
const Instant = z.string().describe('An instant (ISO 8601, UTC)');
const Urgency = z.enum(['routine', 'urgent']).describe('Urgent messages are flagged to the other side');

export const hotlineLedgerActions = {
  'hotline.contacts_designated': {
    description: "A side's head of delegation named its duty contacts on a hotline (the list replaced).",
    payload: z.strictObject({
      hotline: Code,
      state: State.describe('The side whose contacts these are'),
      contacts: z.array(z.string()).describe('Their usernames, after'),
      before: z.array(z.string()).describe('Their usernames, before'),
    }),
  },
  'hotline.message_sent': {
    description: 'A message was sent on a hotline; the other side must acknowledge it within the window.',
    payload: z.strictObject({
      hotline: Code,
      fromState: State,
      toState: State,
      urgency: Urgency,
      replyTo: z.string().nullable().describe('The message it answers'),
      reportId: z.string().nullable().describe('The field report it is about'),
      region: z.string().nullable().describe('The monitoring region it is about'),
      bodySha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('SHA-256 of the text (UTF-8), which is not in the record'),
      sentAt: Instant,
      dueAt: Instant.describe('When it is escalated unless acknowledged'),
    }),
  },
  'hotline.message_acknowledged': {
    description: 'The other side acknowledged a message (by a reply or expressly), with the time.',
    payload: z.strictObject({
      hotline: Code,
      byState: State,
      sentAt: Instant,
      acknowledgedAt: Instant,
      withinWindow: z.boolean().describe('Whether before the window closed'),
      byReply: z.string().nullable().describe('The reply that acknowledged it, if any'),
    }),
  },
  'hotline.message_escalated': {
    description:
      'A message was not acknowledged within the window: escalated, dated at the instant it closed.',
    payload: z.strictObject({
      hotline: Code,
      fromState: State,
      toState: State.describe('The side that did not acknowledge'),
      urgency: Urgency,
      sentAt: Instant,
      closedAt: Instant.describe('The end of the window (the entry is dated then)'),
      appliedAt: Instant.describe('When the runner applied it'),
      escalatedTo: z
        .array(z.enum(['secretariat', 'heads_of_delegation']))
        .describe("Whom the hotline names for its escalations (the silent side's head is always told)"),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type HotlineLedgerActions = typeof hotlineLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends HotlineLedgerActions {}
}
