import { registerUserCommands } from '../../cli/users.ts';
import { defineModule, type PolicyRules } from '../../core/module.ts';
import { usersRules } from './policy.ts';
import { registerUserRoutes } from './routes.ts';

/** People: accounts, roles, clearance levels, language. */
export const usersModule = defineModule({
  name: 'users',
  routes: registerUserRoutes,
  policy: usersRules as PolicyRules,
  cli: registerUserCommands,
});

export { createUser, setLocale, setUserDisabled } from './commands.ts';
export { demoAccountsActive } from './demo.ts';
export { audienceOfUser, MeSchema, presentMe } from './present.ts';
