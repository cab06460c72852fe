import { defineModule, type PolicyRules } from '../../core/module.ts';
import { LegReminderRunner } from './clearances.ts';
import { notificationsRules } from './policy.ts';
import { ReminderRunner } from './reminders.ts';
import { registerNotificationRoutes } from './routes.ts';

/** In-app notifications, each person's choices of kinds, deadline reminders, the calendar feed. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: registerNotificationRoutes,
  // A calendar feed is public by its secret token: calendar apps send no cookie.
  publicPaths: [{ path: /\/api\/calendar\/[^/]+\.ics/ }],
  policy: notificationsRules as PolicyRules,
  runners: (handle) => [new ReminderRunner(handle), new LegReminderRunner(handle)],
});

export { CLEARANCE_LEGS_CHANNEL, notifyClearanceEvent } from './clearances.ts';
export { notifyOutcome, notifyProcedureOpened, notifySilenceBroken } from './emit.ts';
export { unreadCount } from './queries.ts';
export { NOTIFICATIONS_CHANNEL } from './schema.ts';
