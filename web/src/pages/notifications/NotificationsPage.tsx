import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  type NotificationItem,
  notificationLink,
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
} from '../../notifications.ts';
import { NotificationText } from './NotificationText.tsx';

export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotificationList();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.pages[0]?.unread ?? 0;

  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    void navigate(notificationLink(item));
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <UnstyledButton component={Link} to="/account#notification-preferences" c="blue.7" fz="sm">
            {t('notifications.preferencesLink')}
          </UnstyledButton>
        }
      />
      <Card>
        <Stack gap="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="notifications-unread">
              {t('notifications.unread', { count: unread })}
            </Text>
            <UnstyledButton
              c={unread === 0 ? 'dimmed' : 'blue.7'}
              fz="sm"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </UnstyledButton>
          </Group>
          <QueryState query={list}>
            {(data) => {
              const items = data.pages.flatMap((page) => page.items);
              if (items.length === 0) return <Text c="dimmed">{t('notifications.empty')}</Text>;
              return (
                <Stack gap={0}>
                  {items.map((item) => (
                    <UnstyledButton
                      key={item.id}
                      onClick={() => open(item)}
                      p="sm"
                      data-testid="notification-row"
                      style={{
                        borderBottom: '1px solid var(--mantine-color-gray-2)',
                        background: item.readAt ? undefined : 'var(--mantine-color-blue-0)',
                      }}
                    >
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <NotificationText item={item} />
                        {item.readAt ? null : (
                          <Badge size="sm" variant="light" radius="sm" miw="max-content">
                            {t('notifications.new')}
                          </Badge>
                        )}
                      </Group>
                    </UnstyledButton>
                  ))}
                </Stack>
              );
            }}
          </QueryState>
          <LoadMore pages={list} label={t('notifications.loadMore')} />
        </Stack>
      </Card>
    </>
  );
}
