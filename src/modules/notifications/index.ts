import { loadConfig } from '../../config.ts';
import { defineModule, type PolicyRules } from '../../core/module.ts';
import { LegReminderRunner } from './clearances.ts';
import { emailRunners } from './email.ts';
import { installKindChecks } from './kinds.ts';
import { notificationsRules } from './policy.ts';
import { notificationsLedgerActions } from './record.ts';
import { ReminderRunner } from './reminders.ts';
import { registerNotificationRoutes } from './routes.ts';

/** In-app notifications, each person's choices of kinds, deadline reminders, the calendar feed. */
export const notificationsModule = defineModule({
  name: 'notifications',
  ledgerActions: notificationsLedgerActions,
  routes: registerNotificationRoutes,
  // A calendar feed is public by its secret token: calendar apps send no cookie.
  publicPaths: [{ path: /\/api\/calendar\/[^/]+\.ics/ }],
  policy: notificationsRules as PolicyRules,
  // The CHECKs of the kinds the modules declare (notificationKinds), kept in step at each start.
  prepare: installKindChecks,
  // E-mail only when ACCORD_SMTP_URL is set; the runner contract passes no Config (yet).
  runners: (handle) => [
    new ReminderRunner(handle),
    new LegReminderRunner(handle),
    ...emailRunners(handle, loadConfig()),
  ],
});

export { CLEARANCE_LEGS_CHANNEL, notifyClearanceEvent } from './clearances.ts';
export { notifyOutcome, notifyProcedureOpened, notifySilenceBroken } from './emit.ts';
export { unreadCount } from './queries.ts';
export { NOTIFICATIONS_CHANNEL } from './schema.ts';
