import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/** The record entries the notifications module writes (never the calendar feed's token). */

const Kinds = z.array(z.string().describe('A notification kind, e.g. "deadline_24h"'));

export const notificationsLedgerActions = {
  'user.notifications_changed': {
    description:
      'A person changed how kinds of notification reach them (the kinds turned off in the app, the kinds by e-mail).',
    payload: z.strictObject({
      disabled: Kinds.describe('The kinds turned off from now on'),
      before: Kinds.describe('The kinds that were turned off before'),
      email: Kinds.optional().describe('The kinds sent by e-mail from now on (since migration 0010)'),
      emailBefore: Kinds.optional().describe('The kinds that were sent by e-mail before'),
    }),
  },
  'user.calendar_link_rotated': {
    description: 'A person made a new secret calendar feed link; the earlier one stopped working.',
    payload: z.strictObject({}).describe('No fields: the link itself is secret and never recorded'),
  },
} satisfies Record<string, LedgerActionSpec>;

type NotificationsLedgerActions = typeof notificationsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends NotificationsLedgerActions {}
}
