import { IconRoute } from '@tabler/icons-react';
import type { NotificationWording, Words } from '../../module.ts';
import { defineWebModule, lazyPage } from '../../module.ts';
import type { NotificationItem } from '../../notifications.ts';
import { HOME_KEY } from '../dashboard/home.ts';
import { CLEARANCE_KEYS } from './api.ts';

// The clearance pages (and their map) load when first visited, keeping the first load small.
const AssetListsPage = lazyPage(() => import('./AssetListsPage.tsx'), 'AssetListsPage');
const BoardPage = lazyPage(() => import('./BoardPage.tsx'), 'BoardPage');
const DeploymentsPage = lazyPage(() => import('./DeploymentsPage.tsx'), 'DeploymentsPage');
const NewDeploymentPage = lazyPage(() => import('./DeploymentsPage.tsx'), 'NewDeploymentPage');
const ExistingRequestFormPage = lazyPage(() => import('./RequestFormPages.tsx'), 'ExistingRequestFormPage');
const NewRequestPage = lazyPage(() => import('./RequestFormPages.tsx'), 'NewRequestPage');
const RequestPage = lazyPage(() => import('./RequestPage.tsx'), 'RequestPage');
const StandingPermissionsPage = lazyPage(
  () => import('./StandingPermissionsPage.tsx'),
  'StandingPermissionsPage',
);
const TimelinessPage = lazyPage(() => import('./TimelinessPage.tsx'), 'TimelinessPage');

/** The request's reference and title. */
const request = (item: NotificationItem) =>
  item.clearance
    ? `${item.clearance.reference}${item.clearance.title ? ` · ${item.clearance.title}` : ''}`
    : null;

/** A clearance notification: the request, and a detail line from its facts (none without a request). */
const wording = (detail: (item: NotificationItem, words: Words, state: string) => string | null) =>
  ({
    subject: request,
    detail: (item, words) => (item.clearance ? detail(item, words, item.state ?? '—') : null),
  }) satisfies NotificationWording;

/** A leg waits on a state: until when (or that the requester answered its question). */
const legWaits = wording((item, { t, dateTime }, state) =>
  item.deadline
    ? t('notifications.detail.legArrived', { state, at: dateTime(item.deadline) })
    : t('notifications.detail.legArrivedNoWindow', { state }),
);

/** Movement clearances: the board, requests and their legs, standing permissions, asset lists, deployments. */
export const clearancesWeb = defineWebModule({
  name: 'clearances',
  webhookEvents: [
    'leg_arrived',
    'leg_due_1h',
    'leg_decided',
    'request_cleared',
    'request_denied',
    'request_withdrawn',
    'request_amended',
  ],
  routes: [
    { path: '/clearances', element: <BoardPage /> },
    { path: '/clearances/new', element: <NewRequestPage /> },
    { path: '/clearances/standing-permissions', element: <StandingPermissionsPage /> },
    { path: '/clearances/assets', element: <AssetListsPage /> },
    { path: '/clearances/deployments', element: <DeploymentsPage /> },
    { path: '/clearances/deployments/new', element: <NewDeploymentPage /> },
    { path: '/clearances/timeliness', element: <TimelinessPage /> },
    { path: '/clearances/:id', element: <RequestPage /> },
    { path: '/clearances/:id/edit', element: <ExistingRequestFormPage key="draft" mode="draft" /> },
    { path: '/clearances/:id/amend', element: <ExistingRequestFormPage key="amend" mode="amend" /> },
  ],
  nav: {
    section: 'clearances.nav.section',
    entries: [{ path: '/clearances', label: 'clearances.nav.board', icon: IconRoute }],
  },
  live: [
    {
      on: 'entry',
      actions: ['clearance', 'leg', 'standing_permission', 'asset_list', 'deployment'],
      // The board and requests, and the home page where legs to decide and settled requests show.
      keys: [CLEARANCE_KEYS.all, HOME_KEY],
    },
  ],
  notifications: {
    leg_arrived: wording((item, words, state) =>
      item.clearance?.infoGiven
        ? words.t('notifications.detail.infoGiven', { state })
        : legWaits.detail(item, words),
    ),
    leg_due_1h: legWaits,
    leg_decided: wording((item, { t }, state) => {
      const clearance = item.clearance;
      const outcome = clearance?.outcome ? t(`notifications.legOutcome.${clearance.outcome}`) : '—';
      const how =
        clearance?.how && clearance.how !== 'state' ? ` ${t(`notifications.legHow.${clearance.how}`)}` : '';
      const number = clearance?.clearanceNumber
        ? `, ${t('notifications.detail.clearanceNumber', { number: clearance.clearanceNumber })}`
        : '';
      return `${t('notifications.detail.legDecided', { state, outcome })}${how}${number}`;
    }),
    leg_escalated: wording((_item, { t }, state) => t('notifications.detail.escalated', { state })),
    request_denied: wording((_item, { t }, state) => t('notifications.detail.requestDenied', { state })),
    request_cleared: wording(() => null),
  },
});
