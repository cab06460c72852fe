import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type ResponseOf, type Schema } from './api/client.ts';

export type NotificationItem = Schema<'Notification'>;
export type NotificationKind = NotificationItem['kind'];
/** Where a notification leads: its subject's page, as the subject's module names it. */
export const notificationLink = (item: NotificationItem) => item.subject.path;

export type NotificationPage = ResponseOf<'/api/notifications'>;
export type NotificationPreferences = Schema<'NotificationPreferences'>;
export type CalendarLink = Schema<'CalendarLink'>;

export const NOTIFICATION_KEYS = {
  all: ['notifications'],
  preferences: ['notification-preferences'],
} as const;

/** The latest few, for the header bell (with the unread count). */
export const useLatestNotifications = (limit = 8) =>
  useQuery({
    queryKey: [...NOTIFICATION_KEYS.all, 'latest', limit],
    queryFn: ({ signal }) => ok(client.GET('/api/notifications', { params: { query: { limit } }, signal })),
  });

const PAGE_SIZE = 50;

export const useNotificationList = () =>
  useInfiniteQuery({
    queryKey: [...NOTIFICATION_KEYS.all, 'list'],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/notifications', {
          params: { query: { limit: PAGE_SIZE, offset: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => ok(client.POST('/api/notifications/read-all')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all }),
  });
}

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: NOTIFICATION_KEYS.preferences,
    queryFn: ({ signal }) => ok(client.GET('/api/me/notification-preferences', { signal })),
  });

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (disabled: NotificationKind[]) =>
      ok(client.PUT('/api/me/notification-preferences', { body: { disabled } })),
    onSuccess: (data) => queryClient.setQueryData(NOTIFICATION_KEYS.preferences, data),
  });
}

/**
 * Creates or rotates the secret calendar feed link. The server answers this on GET (each
 * call makes a new link), so it is a mutation, never a cached query.
 */
export const useRotateCalendarLink = () =>
  useMutation({
    mutationFn: () => ok(client.POST('/api/me/calendar-link')),
  });
