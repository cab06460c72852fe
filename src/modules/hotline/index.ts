import { defineModule, type PolicyRules } from '../../core/module.ts';
import { hotlineAttention } from './attention.ts';
import { registerHotlineCommands } from './cli.ts';
import { loadDemoHotline } from './demo.ts';
import { hotlineEmailWords } from './email-words.ts';
import { HotlineEscalationRunner } from './escalation.ts';
import { hotlineNotices } from './notify.ts';
import { hotlineRules } from './policy.ts';
import { hotlineLedgerActions } from './record.ts';
import { hotlineNotificationSubjects, hotlineSubjects } from './record-subjects.ts';
import { registerHotlineRoutes } from './routes.ts';

/**
 * Confidence-building hotlines (issue 10): a direct line between two member states'
 * designated duty contacts for border incidents. A message waits for the other side's
 * acknowledgement (with its time); one not acknowledged within the hotline's window is
 * escalated once, to the secretariat and/or the heads of delegation, dated when the window
 * closed. Hotlines are declared in the organisation file (`hotlines:`).
 */
export const hotlineModule = defineModule({
  name: 'hotline',
  ledgerActions: hotlineLedgerActions,
  notificationKinds: {
    hotline_message: {
      description: 'A new hotline message for your side (its designated contacts; urgent ones flagged)',
      email: hotlineEmailWords.hotline_message,
    },
    hotline_acknowledged: {
      description: 'The other side acknowledged your hotline message (its sender)',
      email: hotlineEmailWords.hotline_acknowledged,
    },
    hotline_escalated: {
      description:
        "A hotline message was not acknowledged in time (the escalation's recipients and the silent side's head)",
      email: hotlineEmailWords.hotline_escalated,
    },
  },
  webhookEvents: {
    'hotline.escalated': { description: 'A hotline message was not acknowledged within its window' },
  },
  subjects: hotlineSubjects,
  notificationSubjects: hotlineNotificationSubjects,
  // Messages the person's side must acknowledge (its contacts and head).
  attention: hotlineAttention,
  routes: registerHotlineRoutes,
  policy: hotlineRules as PolicyRules,
  subscriptions: hotlineNotices,
  // Unacknowledged messages escalated when their window closes, once, caught up at start.
  runners: (handle) => [new HotlineEscalationRunner(handle)],
  cli: registerHotlineCommands,
  demo: {
    order: 40,
    load: async (handle) =>
      (await loadDemoHotline(handle.db))
        ? 'demo hotline loaded: KG-TJ contacts, an urgent message acknowledged and answered, one waiting'
        : null,
  },
});
