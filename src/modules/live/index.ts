import { defineModule } from '../../core/module.ts';
import { registerLiveRoutes } from './routes.ts';

/** Server-sent events of new record entries and notifications, fed by LISTEN/NOTIFY. */
export const liveModule = defineModule({
  name: 'live',
  routes: registerLiveRoutes,
});

export { type LiveCredential, type LiveEvent, LiveHub, type LiveHubOptions } from './hub.ts';
