import { defineModule, type PolicyRules } from '../../core/module.ts';
import { decisionsAttention, decisionsRecent } from './attention.ts';
import { decisionsCalendar } from './calendar.ts';
import { registerProposalCommands } from './cli.ts';
import { DeadlineRunner } from './deadlines.ts';
import { loadDemoDecisions } from './demo.ts';
import { decisionEmailWords } from './email-words.ts';
import { decisionNotices } from './notify.ts';
import { decisionsRules } from './policy.ts';
import { decisionsLedgerActions } from './record.ts';
import { decisionNotificationSubjects, decisionSubjects } from './record-subjects.ts';
import { ReminderRunner } from './reminders.ts';
import { registerDecisionRoutes } from './routes.ts';

/**
 * Decisions by consensus: proposals with points and versions, procedures (meeting
 * consensus, silence, written, unanimity, qualified majority), stances, outcomes exactly
 * at the deadline, numbered decisions.
 */
export const decisionsModule = defineModule({
  name: 'decisions',
  ledgerActions: decisionsLedgerActions,
  notificationKinds: {
    procedure_opened: {
      description: "The chair opened a procedure (the body's delegations, the states that answer)",
      email: decisionEmailWords.procedure_opened,
    },
    silence_broken: {
      description: 'A state broke silence (everyone who can read the proposal)',
      email: decisionEmailWords.silence_broken,
    },
    deadline_24h: {
      description: "24 h before a procedure's deadline, to the states that have not answered",
      email: decisionEmailWords.deadline_24h,
    },
    deadline_1h: {
      description: "1 h before a procedure's deadline, to the states that have not answered",
      email: decisionEmailWords.deadline_1h,
    },
    outcome: {
      description: 'A procedure closed with its outcome (everyone who can read the proposal)',
      email: decisionEmailWords.outcome,
    },
  },
  subjects: decisionSubjects,
  notificationSubjects: decisionNotificationSubjects,
  attention: decisionsAttention,
  calendar: decisionsCalendar,
  recent: decisionsRecent,
  routes: registerDecisionRoutes,
  policy: decisionsRules as PolicyRules,
  // The engine publishes its events; its own subscribers word them as notifications.
  subscriptions: decisionNotices,
  // Outcomes on time: closes what fell due while the server was down, then follows the
  // deadlines; and the 24 h and 1 h reminders to the states that have not answered.
  runners: (handle) => [new DeadlineRunner(handle), new ReminderRunner(handle)],
  cli: registerProposalCommands,
  demo: {
    order: 10,
    load: async (handle) =>
      (await loadDemoDecisions(handle.db))
        ? 'demo decisions loaded: one adopted, one broken by an objection, one open'
        : null,
  },
});

export { currentStances, PROCEDURES_CHANNEL } from './closing.ts';
export { closeDue } from './deadlines.ts';
export type { ProcedureClosed, ProcedureOpened, SilenceBroken } from './events.ts';
export { PROCEDURE_KINDS, type Rule } from './outcome.ts';
export { closeProcedure, openProcedure } from './procedures.ts';
export { createProposal } from './proposals.ts';
export { getDecision } from './queries.ts';
export { CreateProposalInput, OpenProcedureInput } from './schema.ts';
export { loadPolicyContext, loadProcedureSubject, proposalSubject } from './subjects.ts';
