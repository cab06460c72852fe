import { defineModule, type PolicyRules } from '../../core/module.ts';
import { alertsAttention } from './attention.ts';
import { registerAlertCommands } from './cli.ts';
import { ComputedIndicatorRunner, computedIndicatorSubscriptions } from './computed.ts';
import { alertsDemo } from './demo.ts';
import { alertEmailWords } from './email-words.ts';
import { ALERT_WEBHOOK_EVENTS } from './events.ts';
import { alertNotices } from './notify.ts';
import { alertsRules } from './policy.ts';
import { alertsLedgerActions } from './record.ts';
import { alertNotificationSubjects, alertSubjects } from './record-subjects.ts';
import { registerAlertRoutes } from './routes.ts';

/**
 * Early warning (issue 10): values of the organisation file's indicators (entered, imported
 * as CSV, or computed by the monitoring module through `recordComputedValue`), each region's
 * level worked out from them with every change in the record, and the situation room's alerts
 * (automatic when a level rises, or raised by a monitor) acknowledged, escalated and closed.
 */
export const alertsModule = defineModule({
  name: 'alerts',
  ledgerActions: alertsLedgerActions,
  subjects: alertSubjects,
  routes: registerAlertRoutes,
  policy: alertsRules as PolicyRules,
  notificationKinds: {
    level_raised: {
      description:
        "A region's alert level rose (the situation room: secretariat staff, the region's delegations)",
      email: alertEmailWords.level_raised,
    },
    alert_raised: {
      description: 'A monitor raised an alert (the same people)',
      email: alertEmailWords.alert_raised,
    },
    alert_acknowledged: {
      description: 'An alert was acknowledged',
      email: alertEmailWords.alert_acknowledged,
    },
    alert_escalated: { description: 'An alert was escalated', email: alertEmailWords.alert_escalated },
    alert_closed: {
      description: 'An alert was closed, with the reason',
      email: alertEmailWords.alert_closed,
    },
  },
  notificationSubjects: alertNotificationSubjects,
  webhookEvents: ALERT_WEBHOOK_EVENTS,
  // Its own events worded as notifications; the monitoring module's reports moving computed indicators.
  subscriptions: { ...alertNotices, ...computedIndicatorSubscriptions },
  // Computed indicators again as reports age out of their windows.
  runners: (handle) => [new ComputedIndicatorRunner(handle)],
  // Open alerts nobody has answered, escalated ones to close: on the home page of who may act.
  attention: alertsAttention,
  cli: registerAlertCommands,
  demo: alertsDemo,
});

export { computeIndicators } from './computed.ts';
export type { AlertChanged, LevelChanged } from './events.ts';
export { type LevelFigures, type LevelOutcome, recomputeAll, recomputeRegion } from './levels.ts';
export { recordComputedValue } from './values.ts';
