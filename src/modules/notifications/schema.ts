import { z } from '@hono/zod-openapi';
import { isNotificationKind } from './kinds.ts';

/** The NOTIFY channel a new notification goes out on; the payload is the recipient's user id. */
export const NOTIFICATIONS_CHANNEL = 'accord_notifications';

/** The NOTIFY channel that wakes the e-mail runner: an e-mail was queued. */
export const EMAIL_CHANNEL = 'accord_email';

/** The waits before the 2nd, 3rd, ... attempt at an e-mail, in seconds (the last repeats). */
export const EMAIL_RETRY_DELAYS_S = [60, 300, 900, 3600, 3600 * 3, 3600 * 6];
/** Attempts before an e-mail is given up (failed): about a day of retries. */
export const EMAIL_MAX_ATTEMPTS = 8;
/** An e-mail not sent within this long is given up: news by e-mail comes in time or not at all. */
export const EMAIL_MAX_AGE_MS = 48 * 3_600_000;

export const ListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationIdParam = z.object({ id: z.uuid('is not a notification id') });

export const PreferencesUserParam = z.object({ id: z.uuid('is not a user id') });

/**
 * A kind of notification some module declares (`notificationKinds` in its index.ts); a person
 * chooses for each whether it reaches them in the app, by e-mail, both or neither.
 */
export const NotificationKindName = z
  .string()
  .refine(isNotificationKind, { message: 'is not a kind of notification' })
  .openapi({ description: 'A kind of notification (see GET /api/notifications/preferences)' });

const MAX_KINDS = 200;

const KindChoice = z
  .strictObject({
    kind: NotificationKindName,
    inApp: z.boolean().openapi({ description: 'Listed in the app (and the bell)' }),
    email: z.boolean().openapi({ description: "Sent by e-mail to the person's address" }),
  })
  .openapi('NotificationKindChoice');

export const PreferencesInput = z
  .strictObject({
    disabled: z.array(NotificationKindName).max(MAX_KINDS).optional().openapi({
      description:
        'The kinds not to show in the app; every other kind is shown. Replaces the current set; e-mail choices stay.',
    }),
    kinds: z.array(KindChoice).max(MAX_KINDS).optional().openapi({
      description: 'How each kind listed reaches the person; kinds not listed keep their choice.',
    }),
  })
  .superRefine((v, ctx) => {
    if ((v.disabled === undefined) === (v.kinds === undefined))
      ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'give either kinds or disabled' });
    const seen = new Set<string>();
    for (const [i, choice] of (v.kinds ?? []).entries()) {
      if (seen.has(choice.kind))
        ctx.addIssue({
          code: 'custom',
          path: ['kinds', i, 'kind'],
          message: `${choice.kind} is listed twice`,
        });
      seen.add(choice.kind);
    }
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
