import { defineModule } from '../../core/module.ts';
import { registerSystemRoutes } from './routes.ts';

/** Liveness, the sign-in page's facts and the API reference: answered without sign-in. */
export const systemModule = defineModule({
  name: 'system',
  routes: registerSystemRoutes,
  publicPaths: [
    { path: '/api/health' },
    { path: '/api/meta' },
    { path: '/api/openapi.json' },
    { path: '/api/docs' },
    { path: /\/api\/docs\/assets\/.+/ },
  ],
});
