import { defineModule } from '../../core/module.ts';
import { registerHomeRoutes } from './routes.ts';

/**
 * The home page: what waits on the signed-in person and what closed recently, gathered
 * from the `attention` and `recent` of every module (it has no tables and no rules of its own).
 */
export const homeModule = defineModule({
  name: 'home',
  routes: registerHomeRoutes,
});

export { registerHomeRoutes };
