import { loadConfig } from '../../config.ts';
import { defineModule, type PolicyRules } from '../../core/module.ts';
import { emailRunners } from './email.ts';
import { installKindChecks } from './kinds.ts';
import { notificationsRules } from './policy.ts';
import { notificationsLedgerActions } from './record.ts';
import { registerNotificationRoutes } from './routes.ts';

/**
 * In-app and e-mail notifications about any module's subjects, each person's choices per
 * kind, the calendar feed. The module that owns a subject decides who hears of it and asks
 * `recipients` and `emit` (exported below) in its own transaction.
 */
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
  runners: (handle) => emailRunners(handle, loadConfig()),
});

export type { EmailFacts, EmailText } from '../../core/module.ts';
export {
  type ClearanceNotificationDetails,
  type Emission,
  emit,
  type NotificationDetails,
  recipients,
} from './emit.ts';
export { unreadCount } from './queries.ts';
export { NOTIFICATIONS_CHANNEL } from './schema.ts';
