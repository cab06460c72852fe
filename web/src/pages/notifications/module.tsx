import { IconBell } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { NOTIFICATION_KEYS } from '../../notifications.ts';
import { NotificationsPage } from './NotificationsPage.tsx';

/** The person's notifications; each kind is worded by the module that sends it. */
export const notificationsWeb = defineWebModule({
  name: 'notifications',
  routes: [{ path: '/notifications', element: <NotificationsPage /> }],
  nav: {
    section: 'nav.overview',
    entries: [{ path: '/notifications', label: 'notifications.title', icon: IconBell }],
  },
  // The bell and the list, as soon as a notification is written for the person.
  live: [{ on: 'notification', keys: [NOTIFICATION_KEYS.all] }],
});
