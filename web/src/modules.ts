import type { WebModule } from './module.ts';
import { accountWeb } from './pages/account/module.tsx';
import { adminWeb } from './pages/admin/module.tsx';
import { alertsWeb } from './pages/alerts/module.tsx';
import { certificatesWeb } from './pages/certificates/module.tsx';
import { clearancesWeb } from './pages/clearances/module.tsx';
import { consultationsWeb } from './pages/consultations/module.tsx';
import { dashboardWeb } from './pages/dashboard/module.tsx';
import { decisionsWeb } from './pages/decisions/module.tsx';
import { directoryWeb } from './pages/directory/module.tsx';
import { hotlineWeb } from './pages/hotline/module.tsx';
import { monitoringWeb } from './pages/monitoring/module.tsx';
import { notificationsWeb } from './pages/notifications/module.tsx';
import { peopleWeb } from './pages/people/module.tsx';
import { recordWeb } from './pages/record/module.tsx';
import { signInWeb } from './pages/sign-in/module.tsx';
import { webhooksWeb } from './pages/webhooks/module.tsx';

/**
 * The one list of the web UI's modules (web/src/module.ts says what each brings), in the
 * order of the navigation: the routes (App.tsx), the navigation (components/Navigation.tsx),
 * the live refreshes (live.ts) and the notifications' wording (NotificationText.tsx) are
 * built from it. Adding a module's UI means adding it here and writing its page folder.
 */
export const WEB_MODULES: readonly WebModule[] = [
  dashboardWeb,
  notificationsWeb,
  decisionsWeb,
  clearancesWeb,
  monitoringWeb,
  alertsWeb,
  hotlineWeb,
  consultationsWeb,
  certificatesWeb,
  directoryWeb,
  peopleWeb,
  recordWeb,
  adminWeb,
  webhooksWeb,
  accountWeb,
  signInWeb,
];
