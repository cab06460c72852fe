import { registerClearanceCommands } from '../../cli/clearances.ts';
import { defineModule, type PolicyRules } from '../../core/module.ts';
import { clearancesAttention, clearancesRecent } from './attention.ts';
import { loadDemoClearances } from './demo.ts';
import { onProcedureClosed } from './deployments/commands.ts';
import { TacitConsentRunner } from './legs/tacit.ts';
import { clearancesRules } from './policy.ts';
import { clearancesLedgerActions } from './record.ts';
import { clearanceSubjects } from './record-subjects.ts';
import { registerClearanceRoutes } from './routes.ts';

/**
 * Rapid authorisation: movement clearance requests decided by every state on the route in
 * parallel, with conditions and tacit consent; standing permissions; deployments;
 * certificates anyone can verify.
 */
export const clearancesModule = defineModule({
  name: 'clearances',
  ledgerActions: clearancesLedgerActions,
  subjects: clearanceSubjects,
  attention: clearancesAttention,
  recent: clearancesRecent,
  // Every sub-resource's routes (requests, legs, permissions, asset lists, deployments, certificates).
  routes: registerClearanceRoutes,
  // A certificate is checked by anyone holding its verification code (a border post).
  publicPaths: [{ path: /\/api\/verify\/[^/]+/ }],
  policy: clearancesRules as PolicyRules,
  // Silence takes effect when a window closes (consent, refusal or escalation), once.
  runners: (handle) => [new TacitConsentRunner(handle)],
  // A deployment request's planned movements become clearance requests once its council adopts it.
  subscriptions: { 'decisions.procedure_closed': onProcedureClosed },
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
