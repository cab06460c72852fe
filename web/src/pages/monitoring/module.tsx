import { IconClipboardCheck, IconMapPin } from '@tabler/icons-react';
import { defineWebModule, lazyPage } from '../../module.ts';
import { REPORT_KEYS } from './api.ts';

// The monitoring pages (and their map) load when first visited, keeping the first load small.
const ReportsPage = lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage');
const NewReportPage = lazyPage(() => import('./ReportFormPages.tsx'), 'NewReportPage');
const EditReportPage = lazyPage(() => import('./ReportFormPages.tsx'), 'EditReportPage');
const ReportPage = lazyPage(() => import('./ReportPage.tsx'), 'ReportPage');
const QueuePage = lazyPage(() => import('./QueuePage.tsx'), 'QueuePage');

/** Crisis monitoring: reports from the field, their map, the review queue, each report's review. */
export const monitoringWeb = defineWebModule({
  name: 'monitoring',
  routes: [
    { path: '/reports', element: <ReportsPage /> },
    { path: '/reports/new', element: <NewReportPage /> },
    { path: '/reports/queue', element: <QueuePage /> },
    { path: '/reports/:id', element: <ReportPage /> },
    { path: '/reports/:id/edit', element: <EditReportPage /> },
  ],
  nav: {
    section: 'nav.monitoring',
    entries: [
      { path: '/reports', label: 'monitoring.nav.reports', icon: IconMapPin },
      { path: '/reports/queue', label: 'monitoring.nav.queue', icon: IconClipboardCheck },
    ],
  },
  live: [{ on: 'entry', actions: ['report.'], keys: [REPORT_KEYS.all] }],
});
