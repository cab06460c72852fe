import { IconBinoculars, IconClipboardCheck, IconMapPin } from '@tabler/icons-react';
import { defineWebModule, lazyPage } from '../../module.ts';
import { REPORT_KEYS } from './api.ts';
import { MISSION_KEYS, useMissions } from './missionsApi.ts';

// The monitoring pages (and their map) load when first visited, keeping the first load small.
const ReportsPage = lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage');
const NewReportPage = lazyPage(() => import('./ReportFormPages.tsx'), 'NewReportPage');
const EditReportPage = lazyPage(() => import('./ReportFormPages.tsx'), 'EditReportPage');
const ReportPage = lazyPage(() => import('./ReportPage.tsx'), 'ReportPage');
const QueuePage = lazyPage(() => import('./QueuePage.tsx'), 'QueuePage');
const MissionsPage = lazyPage(() => import('./MissionsPage.tsx'), 'MissionsPage');
const MissionPage = lazyPage(() => import('./MissionPage.tsx'), 'MissionPage');

/** Whether the person has missions to see, or may set one up (the list's answer and abilities). */
function useSeesMissions(): boolean {
  const { data } = useMissions();
  return !!data && (data.abilities.create || data.items.length > 0);
}

/** Crisis monitoring: reports from the field, their map, the review queue, each report's review, observation missions. */
export const monitoringWeb = defineWebModule({
  name: 'monitoring',
  routes: [
    { path: '/reports', element: <ReportsPage /> },
    { path: '/reports/new', element: <NewReportPage /> },
    { path: '/reports/queue', element: <QueuePage /> },
    { path: '/reports/:id', element: <ReportPage /> },
    { path: '/reports/:id/edit', element: <EditReportPage /> },
    { path: '/missions', element: <MissionsPage /> },
    { path: '/missions/:id', element: <MissionPage /> },
  ],
  nav: {
    section: 'nav.monitoring',
    entries: [
      { path: '/reports', label: 'monitoring.nav.reports', icon: IconMapPin },
      { path: '/reports/queue', label: 'monitoring.nav.queue', icon: IconClipboardCheck },
      { path: '/missions', label: 'missions.nav', icon: IconBinoculars, useVisible: useSeesMissions },
    ],
  },
  live: [
    // A mission counts its reports and compiles its days from them.
    { on: 'entry', actions: ['report.'], keys: [REPORT_KEYS.all, MISSION_KEYS.all] },
    { on: 'entry', actions: ['mission.'], keys: [MISSION_KEYS.all] },
  ],
});
