import { IconUsersGroup } from '@tabler/icons-react';
import type { NotificationWording } from '../../module.ts';
import { defineWebModule, lazyPage } from '../../module.ts';
import type { NotificationItem } from '../../notifications.ts';
import { CONSULTATION_LIVE_KEYS, useConsultationList } from './api.ts';

// The pages load when first visited.
const ConsultationsPage = lazyPage(() => import('./ConsultationsPage.tsx'), 'ConsultationsPage');
const ConsultationPage = lazyPage(() => import('./ConsultationPage.tsx'), 'ConsultationPage');

/** "CN-2026-0001 · Isfara valley water intake": the consultation, as its participants know it. */
const consultation = (item: NotificationItem) =>
  [item.subject.reference, item.subject.title].filter(Boolean).join(' · ') || null;

const about = (detail: NotificationWording['detail']): NotificationWording => ({
  subject: consultation,
  detail,
});

/**
 * Whether the person sees "Consultations" in the navigation: they may convene one, or take part
 * in one (the list's answer). Nobody else has anything there: consultations are read by their
 * participants alone.
 */
function useTakesPart(): boolean {
  const { data } = useConsultationList();
  return !!data && (data.abilities.convene || data.items.length > 0);
}

/** Confidential consultations: the list, convening, and each consultation's space. */
export const consultationsWeb = defineWebModule({
  name: 'consultations',
  routes: [
    { path: '/consultations', element: <ConsultationsPage /> },
    { path: '/consultations/:id', element: <ConsultationPage /> },
  ],
  nav: {
    section: 'nav.decisions',
    entries: [
      {
        path: '/consultations',
        label: 'consultations.nav',
        icon: IconUsersGroup,
        useVisible: useTakesPart,
      },
    ],
  },
  // Its pages, the situation room's panel (under the same key) and the home page's points to agree.
  live: [{ on: 'entry', actions: ['consultation.'], keys: CONSULTATION_LIVE_KEYS }],
  notifications: {
    // Who wrote: a state's delegation, or the secretariat (the notification's state is null then).
    consultation_message: about((item, { t }) =>
      item.state
        ? t('consultations.notification.fromState', { state: item.state })
        : t('consultations.notification.fromSecretariat'),
    ),
    consultation_point: about((_, { t }) => t('consultations.notification.point')),
    consultation_concluded: about((_, { t }) => t('consultations.notification.concluded')),
  },
});
