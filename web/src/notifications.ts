import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './api.ts';

/** The kinds of notification, as the server's schema lists them (in that order). */
export const NOTIFICATION_KINDS = [
  'procedure_opened',
  'silence_broken',
  'deadline_24h',
  'deadline_1h',
  'outcome',
  'leg_arrived',
  'leg_due_1h',
  'leg_decided',
  'request_cleared',
  'request_denied',
  'leg_escalated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** The subject: a proposal (and its procedure), or a clearance request. */
  proposal: { id: string; title: string } | null;
  procedure: { id: string; kind: string } | null;
  clearance: {
    id: string;
    reference: string;
    title: string;
    requestingState: string;
    outcome: string | null;
    how: string | null;
    clearanceNumber: string | null;
    infoGiven: boolean;
  } | null;
  deadline: string | null;
  state: string | null;
  stanceKind: 'object' | 'propose_amendment' | null;
  points: string[];
  result: 'adopted' | 'partially_adopted' | 'not_adopted' | null;
  createdAt: string;
  readAt: string | null;
}

/** Where a notification leads: its clearance request, or its proposal. */
export const notificationLink = (item: NotificationItem) =>
  item.clearance ? `/clearances/${item.clearance.id}` : `/proposals/${item.proposal?.id ?? ''}`;

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  nextOffset: number | null;
}

export interface NotificationPreferences {
  kinds: { kind: NotificationKind; enabled: boolean }[];
  disabled: NotificationKind[];
}

export interface CalendarLink {
  url: string;
  path: string;
  createdAt: string;
}

export const NOTIFICATION_KEYS = {
  all: ['notifications'],
  preferences: ['notification-preferences'],
} as const;

/** The latest few, for the header bell (with the unread count). */
export const useLatestNotifications = (limit = 8) =>
  useQuery({
    queryKey: [...NOTIFICATION_KEYS.all, 'latest', limit],
    queryFn: ({ signal }) => api.get<NotificationPage>(`/api/notifications?limit=${limit}`, signal),
  });

const PAGE_SIZE = 50;

export const useNotificationList = () =>
  useInfiniteQuery({
    queryKey: [...NOTIFICATION_KEYS.all, 'list'],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      api.get<NotificationPage>(`/api/notifications?limit=${PAGE_SIZE}&offset=${pageParam}`, signal),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ notification: NotificationItem; unread: number }>(`/api/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/api/notifications/read-all'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all }),
  });
}

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: NOTIFICATION_KEYS.preferences,
    queryFn: ({ signal }) =>
      api.get<{ preferences: NotificationPreferences }>('/api/me/notification-preferences', signal),
  });

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (disabled: NotificationKind[]) =>
      request<{ preferences: NotificationPreferences }>('/api/me/notification-preferences', {
        method: 'PUT',
        body: { disabled },
      }),
    onSuccess: (data) => queryClient.setQueryData(NOTIFICATION_KEYS.preferences, data),
  });
}

/**
 * Creates or rotates the secret calendar feed link. The server answers this on GET (each
 * call makes a new link), so it is a mutation, never a cached query.
 */
export const useRotateCalendarLink = () =>
  useMutation({
    mutationFn: () => api.post<{ calendar: CalendarLink }>('/api/me/calendar-link'),
  });
