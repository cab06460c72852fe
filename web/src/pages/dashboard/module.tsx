import { IconHome } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { DashboardPage } from './DashboardPage.tsx';

/** The home page: what waits on the person across modules, and what closed lately. */
export const dashboardWeb = defineWebModule({
  name: 'dashboard',
  routes: [{ path: '/', element: <DashboardPage /> }],
  nav: { section: 'nav.overview', entries: [{ path: '/', label: 'nav.dashboard', icon: IconHome }] },
});
