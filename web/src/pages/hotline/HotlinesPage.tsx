import {
  Alert,
  Anchor,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconPhoneCall } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import {
  type Hotline,
  type HotlineMessage,
  type HotlineWaiting,
  useHotlines,
  useMessageById,
  waitingQuery,
} from './api.ts';
import { DueClock, MessageStatusBadge, Since, useStateName } from './labels.tsx';

/** The duty contacts of one side, or that none is named (then its head of delegation answers). */
export function SideContacts({ hotline, state }: { hotline: Hotline; state: string }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const contacts = hotline.contacts.filter((c) => c.state === state);
  return (
    <Stack gap={2} data-testid="side-contacts" data-state={state}>
      <Text size="sm" fw={600}>
        {stateName(state)}
        {hotline.mySide === state ? (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            · {t('hotline.yourSide')}
          </Text>
        ) : null}
      </Text>
      {contacts.length ? (
        contacts.map((c) => (
          <Text size="sm" key={c.username}>
            {c.displayName}{' '}
            <Text span size="xs" c="dimmed">
              {c.username}
            </Text>
          </Text>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          {t('hotline.contacts.none')}
        </Text>
      )}
    </Stack>
  );
}

/** One message waiting for acknowledgement, as a line under its hotline. */
function WaitingLine({ hotline, message }: { hotline: Hotline; message: HotlineMessage }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const forMe = hotline.mySide !== null && message.toState === hotline.mySide;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      justify="space-between"
      data-testid="waiting-message"
      data-for-me={forMe ? 'true' : 'false'}
    >
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('hotline.from', { state: stateName(message.fromState) })} · {t('hotline.waited')}{' '}
            <Since at={message.sentAt} />
          </Text>
          {message.urgency === 'urgent' ? (
            <Badge size="xs" color="red" variant="light">
              {t('hotline.urgency.urgent')}
            </Badge>
          ) : null}
        </Group>
        <Anchor
          component={Link}
          to={`/hotlines/${hotline.code}?message=${message.id}`}
          size="sm"
          lineClamp={2}
          data-testid="waiting-link"
        >
          {message.body}
        </Anchor>
      </Stack>
      <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
        <MessageStatusBadge message={message} />
        {message.status === 'waiting' || message.status === 'overdue' ? (
          <DueClock dueAt={message.dueAt} size="xs" />
        ) : null}
      </Stack>
    </Group>
  );
}

/** One hotline: its states, window, escalation, duty contacts, and what waits on it. */
function HotlineCard({
  hotline,
  waiting,
  messages,
}: {
  hotline: Hotline;
  waiting: HotlineWaiting;
  messages: HotlineMessage[] | undefined;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  return (
    <Card p="md" withBorder data-testid="hotline-card" data-code={hotline.code}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/hotlines/${hotline.code}`} inherit data-testid="hotline-link">
                {hotline.code}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {hotline.states.map(stateName).join(' — ')}
            </Text>
          </Stack>
          {waiting.forMySide > 0 ? (
            <Badge color="red" size="lg" data-testid="for-my-side">
              {t('hotline.list.forMySide', { count: waiting.forMySide })}
            </Badge>
          ) : waiting.count > 0 ? (
            <Badge color="blue" variant="light" size="lg">
              {t('hotline.list.waiting', { count: waiting.count })}
            </Badge>
          ) : (
            <Badge color="teal" variant="light" size="lg">
              {t('hotline.list.clear')}
            </Badge>
          )}
        </Group>
        {!hotline.active ? (
          <Alert color="gray" variant="light" p="xs">
            {t('hotline.inactive')}
          </Alert>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('hotline.window', { minutes: hotline.acknowledgeWithinMinutes })} ·{' '}
          {t('hotline.escalatesTo', {
            to: hotline.escalateTo.map((e) => t(`hotline.escalateTo.${e}`)).join(', '),
          })}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          {hotline.states.map((s) => (
            <SideContacts key={s} hotline={hotline} state={s} />
          ))}
        </SimpleGrid>
        {waiting.count > 0 ? (
          <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {t('hotline.list.unacknowledged', { count: waiting.count })}
              </Text>
              {waiting.escalated > 0 ? (
                <Badge color="grape" size="sm" leftSection={<IconArrowUpRight size={12} aria-hidden />}>
                  {t('hotline.list.escalated', { count: waiting.escalated })}
                </Badge>
              ) : null}
            </Group>
            {messages === undefined ? (
              <Loader size="xs" aria-label={t('common.loading')} />
            ) : (
              messages.map((m) => <WaitingLine key={m.id} hotline={hotline} message={m} />)
            )}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A notification's link (`/hotlines?message=<id>`): finds the message's hotline and opens it there. */
function ToMessage({ id }: { id: string }) {
  const { t } = useTranslation();
  const found = useMessageById(id);
  if (found.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400))
    return <NotFoundPage />;
  if (!found.data) return <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  const { message } = found.data;
  return <Navigate to={`/hotlines/${message.hotline}?message=${message.id}`} replace />;
}

/**
 * The hotlines the reader speaks on (or, for the secretariat, oversees): each with its two
 * states, the duty contacts, and the messages not yet acknowledged with their windows.
 */
export function HotlinesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const target = params.get('message');
  const list = useHotlines();
  const items = list.data?.items ?? [];
  const waiting = useQueries({
    queries: items.map(({ hotline, waiting: w }) => ({
      ...waitingQuery(hotline.code),
      enabled: w.count > 0,
    })),
  });
  if (target) return <ToMessage id={target} />;
  return (
    <>
      <PageHeader title={t('hotline.list.heading')} description={t('hotline.list.description')} />
      <QueryState query={list}>
        {() =>
          items.length === 0 ? (
            <Card p="lg" withBorder>
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color="gray" size="lg">
                  <IconPhoneCall size={18} aria-hidden />
                </ThemeIcon>
                <Text c="dimmed">{t('hotline.list.empty')}</Text>
              </Group>
            </Card>
          ) : (
            <Stack gap="md">
              {items.some((i) => i.waiting.forMySide > 0) ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                  {t('hotline.list.acknowledgeHint')}
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {items.map((item, i) => (
                  <HotlineCard
                    key={item.hotline.code}
                    hotline={item.hotline}
                    waiting={item.waiting}
                    messages={item.waiting.count > 0 ? waiting[i]?.data?.items : []}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
