import { IconPhoneCall } from '@tabler/icons-react';
import { defineWebModule, lazyPage, type NotificationWording } from '../../module.ts';
import { HOME_KEY } from '../dashboard/home.ts';
import { HOTLINE_KEYS, useHotlines } from './api.ts';

const HotlinesPage = lazyPage(() => import('./HotlinesPage.tsx'), 'HotlinesPage');
const HotlinePage = lazyPage(() => import('./HotlinePage.tsx'), 'HotlinePage');

/**
 * Whether the person has a hotline to open: they speak on one (a designated contact, a head of
 * delegation of one of its states) or oversee them (the secretariat), as the list's scope says.
 */
function useHasHotlines(): boolean {
  const { data } = useHotlines();
  return (data?.items.length ?? 0) > 0;
}

/**
 * A hotline notification names its hotline and the message's opening words (the server's
 * subject: the code as reference, the text as title); the line under it says what to do.
 */
const wording = (detail: string): NotificationWording => ({
  subject: (item) =>
    item.subject.title ? `${item.subject.reference ?? ''}: “${item.subject.title}”`.replace(/^: /, '') : null,
  detail: (_item, { t }) => t(detail),
});

/** Hotlines between two states' duty contacts: the list, each hotline's thread, their notifications. */
export const hotlineWeb = defineWebModule({
  name: 'hotline',
  routes: [
    { path: '/hotlines', element: <HotlinesPage /> },
    { path: '/hotlines/:code', element: <HotlinePage /> },
  ],
  nav: {
    section: 'nav.monitoring',
    entries: [{ path: '/hotlines', label: 'hotline.nav', icon: IconPhoneCall, useVisible: useHasHotlines }],
  },
  // Messages, acknowledgements, escalations and designations; the home page lists what waits.
  live: [{ on: 'entry', actions: ['hotline.'], keys: [HOTLINE_KEYS.all, HOME_KEY] }],
  webhookEvents: ['hotline.escalated'],
  notifications: {
    hotline_message: wording('hotline.notification.message'),
    hotline_acknowledged: wording('hotline.notification.acknowledged'),
    hotline_escalated: wording('hotline.notification.escalated'),
  },
});
