import { z } from '@hono/zod-openapi';
import type { NotificationKind } from '../../db/schema.ts';

/**
 * The kinds of notification, each of which a person can turn off:
 * - procedure_opened: the chair opened a procedure (the body's delegations, the states that answer);
 * - silence_broken: a state broke silence (everyone who can read the proposal);
 * - deadline_24h, deadline_1h: 24 h and 1 h of real time before the deadline, to the heads of
 *   delegation and authorised delegates of states that have not answered every point;
 * - outcome: a procedure closed with its outcome (everyone who can read the proposal);
 * - leg_arrived: a clearance leg awaits a state's decision (that state's points of contact and
 *   head of delegation), also when the requester answered its question;
 * - leg_due_1h: 1 h before a pending leg's window closes (the same people);
 * - leg_decided: a state decided a leg or asked for information (the requesting state's);
 * - request_cleared, request_denied: the request is cleared or denied (the requesting
 *   state's and every state's on the route);
 * - leg_escalated: silence on a leg went to the secretariat (its administrators).
 * Clearance news goes only to people cleared for the request's classification.
 */
export const NOTIFICATION_KINDS = [
  'procedure_opened',
  'silence_broken',
  'deadline_24h',
  'deadline_1h',
  'outcome',
  'leg_arrived',
  'leg_due_1h',
  'leg_decided',
  'request_cleared',
  'request_denied',
  'leg_escalated',
] as const satisfies readonly NotificationKind[];

/** The NOTIFY channel a new notification goes out on; the payload is the recipient's user id. */
export const NOTIFICATIONS_CHANNEL = 'accord_notifications';

export const ListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationIdParam = z.object({ id: z.uuid('is not a notification id') });

export const PreferencesInput = z
  .strictObject({
    disabled: z
      .array(z.enum(NOTIFICATION_KINDS))
      .max(NOTIFICATION_KINDS.length * 2)
      .openapi({ description: 'The kinds to turn off; every other kind is on. Replaces the current set.' }),
  })
  .openapi('NotificationPreferencesInput');
export type PreferencesInput = z.infer<typeof PreferencesInput>;

/** `<token>.ics`, the token as `randomToken()` makes it (32 bytes, base64url). */
export const CalendarFileParam = z.object({
  file: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'is not a calendar feed: <token>.ics')
    .openapi({ description: 'The secret feed token followed by `.ics`', example: `${'x'.repeat(43)}.ics` }),
});
