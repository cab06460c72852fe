import { defineModule, type PolicyRules } from '../../core/module.ts';
import { clearancesAttention, clearancesRecent } from './attention.ts';
import { clearancesCalendar } from './calendar.ts';
import { registerClearanceCommands } from './cli.ts';
import { loadDemoClearances } from './demo.ts';
import { onProcedureClosed } from './deployments/commands.ts';
import { clearanceEmailWords } from './email-words.ts';
import { TacitConsentRunner } from './legs/tacit.ts';
import { clearanceNotices, LegReminderRunner } from './notify.ts';
import { clearancesRules } from './policy.ts';
import { clearancesLedgerActions } from './record.ts';
import { clearanceNotificationSubjects, clearanceSubjects } from './record-subjects.ts';
import { registerClearanceRoutes } from './routes.ts';

/**
 * Rapid authorisation: movement clearance requests decided by every state on the route in
 * parallel, with conditions and tacit consent; standing permissions; deployments;
 * certificates anyone can verify.
 */
export const clearancesModule = defineModule({
  name: 'clearances',
  ledgerActions: clearancesLedgerActions,
  // Clearance news goes only to people whose access level reaches the request's classification.
  notificationKinds: {
    leg_arrived: {
      description:
        "A leg awaits a state's decision, or the requester answered its question (its points of contact and head)",
      email: clearanceEmailWords.leg_arrived,
    },
    leg_due_1h: {
      description: "1 h before a pending leg's window closes (the same people)",
      email: clearanceEmailWords.leg_due_1h,
    },
    leg_decided: {
      description: "A state decided a leg or asked for information (the requesting state's)",
      email: clearanceEmailWords.leg_decided,
    },
    request_cleared: {
      description: "The request is cleared (the requesting state's and every state's on the route)",
      email: clearanceEmailWords.request_cleared,
    },
    request_denied: {
      description: "The request is denied (the requesting state's and every state's on the route)",
      email: clearanceEmailWords.request_denied,
    },
    leg_escalated: {
      description: 'Silence on a leg went to the secretariat (its administrators)',
      email: clearanceEmailWords.leg_escalated,
    },
  },
  // What a member state's national system may be sent (events.ts names the states concerned).
  webhookEvents: {
    leg_arrived: { description: "A leg awaits the state's decision" },
    leg_due_1h: { description: "1 h before a pending leg's window closes" },
    leg_decided: { description: 'A state decided a leg or asked for information' },
    request_cleared: { description: 'The request is cleared' },
    request_denied: { description: 'The request is denied' },
    request_withdrawn: { description: 'The requester withdrew the request' },
    request_amended: { description: 'The requester amended the request; some legs re-open' },
  },
  subjects: clearanceSubjects,
  notificationSubjects: clearanceNotificationSubjects,
  attention: clearancesAttention,
  calendar: clearancesCalendar,
  recent: clearancesRecent,
  // Every sub-resource's routes (requests, legs, permissions, asset lists, deployments, certificates).
  routes: registerClearanceRoutes,
  // A certificate is checked by anyone holding its verification code (a border post).
  publicPaths: [{ path: /\/api\/verify\/[^/]+/ }],
  policy: clearancesRules as PolicyRules,
  // Silence takes effect when a window closes (consent, refusal or escalation), once; and
  // the points of contact are reminded 1 h before.
  runners: (handle) => [new TacitConsentRunner(handle), new LegReminderRunner(handle)],
  subscriptions: {
    // Its own events, worded as notifications (notify.ts).
    ...clearanceNotices,
    // A deployment request's planned movements become clearance requests once its council adopts it.
    'decisions.procedure_closed': onProcedureClosed,
  },
  cli: registerClearanceCommands,
  demo: {
    order: 20,
    load: async (handle) =>
      (await loadDemoClearances(handle.db))
        ? 'demo clearances loaded: one pending across BY, RU and KZ, two cleared, a standing permission'
        : null,
  },
});

export { type ClearanceEvent, publishClearanceEvent } from './events.ts';
