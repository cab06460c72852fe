import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerUserCommands } from './cli.ts';
import { usersRules } from './policy.ts';
import { usersLedgerActions } from './record.ts';
import { userSubjects } from './record-subjects.ts';
import { registerUserRoutes } from './routes.ts';

/** People: accounts, roles, access levels, language. */
export const usersModule = defineModule({
  name: 'users',
  ledgerActions: usersLedgerActions,
  subjects: userSubjects,
  routes: registerUserRoutes,
  policy: usersRules as PolicyRules,
  cli: registerUserCommands,
});

export { createUser, setLocale, setUserDisabled, updateMe } from './commands.ts';
export { demoAccountsActive } from './demo.ts';
export { audienceOfUser, MeSchema, presentMe } from './present.ts';
export { UpdateMeInput } from './schema.ts';
