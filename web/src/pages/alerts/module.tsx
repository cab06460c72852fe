import { IconAlertTriangle, IconRadar } from '@tabler/icons-react';
import { defineWebModule, lazyPage } from '../../module.ts';
import { SITUATION_KEYS } from './api.ts';

// The pages (and the situation room's map) load when first visited.
const SituationPage = lazyPage(() => import('./SituationPage.tsx'), 'SituationPage');
const BriefPage = lazyPage(() => import('./BriefPage.tsx'), 'BriefPage');
const AlertsPage = lazyPage(() => import('./AlertsPage.tsx'), 'AlertsPage');
const AlertPage = lazyPage(() => import('./AlertPage.tsx'), 'AlertPage');
const IndicatorPage = lazyPage(() => import('./IndicatorPage.tsx'), 'IndicatorPage');

// The server's notifications of early warning are worded by their titles (en/ru.json).
const untold = { subject: () => null, detail: () => null };

/** Early warning: the situation room, region levels, alerts and indicator values. */
export const alertsWeb = defineWebModule({
  name: 'alerts',
  routes: [
    { path: '/situation', element: <SituationPage /> },
    { path: '/situation/brief', element: <BriefPage /> },
    { path: '/alerts', element: <AlertsPage /> },
    { path: '/alerts/:id', element: <AlertPage /> },
    { path: '/indicators/:code', element: <IndicatorPage /> },
  ],
  nav: {
    section: 'nav.monitoring',
    entries: [
      { path: '/situation', label: 'alerts.nav.situation', icon: IconRadar },
      { path: '/alerts', label: 'alerts.nav.alerts', icon: IconAlertTriangle },
    ],
  },
  // Open procedures (the situation room's decisions) follow the decisions module's own refresh.
  live: [
    // Levels, alerts, the map and the queue follow indicator values, alerts, reports and consultations.
    { on: 'entry', actions: ['alert.', 'indicator.', 'report.', 'consultation.'], keys: SITUATION_KEYS },
  ],
  webhookEvents: ['alert.level_raised', 'alert.opened'],
  notifications: {
    level_raised: untold,
    alert_raised: untold,
    alert_acknowledged: untold,
    alert_escalated: untold,
    alert_closed: untold,
  },
});
