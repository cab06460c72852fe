import { defineModule } from '../../core/module.ts';
import { registerTokenCommands } from './cli.ts';
import { installAuthentication } from './middleware.ts';
import { authLedgerActions } from './record.ts';
import { registerAuthRoutes } from './routes.ts';

/** Sign-in, sessions, CSRF, API tokens; authenticates every /api request. */
export const authModule = defineModule({
  name: 'auth',
  ledgerActions: authLedgerActions,
  middleware: installAuthentication,
  routes: registerAuthRoutes,
  publicPaths: [{ method: 'POST', path: '/api/auth/sign-in' }],
  cli: registerTokenCommands,
});

export { createToken, signIn } from './commands.ts';
export type { Authentication } from './load-actor.ts';
export { authenticateSession, authenticateToken } from './load-actor.ts';
export { SESSION_COOKIE } from './routes.ts';
