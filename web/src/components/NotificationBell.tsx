import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import {
  type NotificationItem,
  notificationLink,
  useLatestNotifications,
  useMarkAllRead,
  useMarkRead,
} from '../notifications.ts';
import { NotificationText } from '../pages/notifications/NotificationText.tsx';
import { ErrorAlert } from './QueryState.tsx';

/** The header bell: the unread count, and the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    close();
    void navigate(notificationLink(item));
  };

  return (
    <Popover position="bottom-end" width={360} shadow="md" withinPortal opened={opened} onChange={toggle}>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : number(unread)}
          size={18}
          offset={4}
          color="red"
          disabled={unread === 0}
          data-testid="notification-count"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={t('notifications.bell', { count: unread })}
            data-testid="notification-bell"
          >
            <IconBell size={20} stroke={1.6} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-popover">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        {latest.error && !latest.data ? (
          <Stack p="sm">
            <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {latest.isPending ? t('common.loading') : t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0}>
              {items.map((item) => (
                <UnstyledButton
                  key={item.id}
                  onClick={() => open(item)}
                  px="md"
                  py="xs"
                  data-testid="notification-item"
                  data-unread={!item.readAt || undefined}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: item.readAt ? undefined : 'var(--mantine-color-blue-0)',
                  }}
                >
                  <NotificationText item={item} compact />
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Group justify="center" p="xs">
          <Button component={Link} to="/notifications" variant="subtle" size="compact-sm" onClick={close}>
            {t('notifications.seeAll')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
