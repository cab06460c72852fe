import { defineModule, type PolicyRules } from '../../core/module.ts';
import { delegationsRules } from './policy.ts';
import { delegationsLedgerActions } from './record.ts';
import { registerDelegationRoutes } from './routes.ts';

/**
 * A member state's delegation and who may answer for it: its head of delegation, and the
 * delegates the head authorised (in procedures and on clearance legs alike).
 */
export const delegationsModule = defineModule({
  name: 'delegations',
  routes: registerDelegationRoutes,
  policy: delegationsRules as PolicyRules,
  ledgerActions: delegationsLedgerActions,
});

export { authoriseDelegate, revokeDelegate } from './commands.ts';
export { authorisedDelegates, listAuthorisations } from './queries.ts';
