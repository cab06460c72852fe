import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowUpRight, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../components/notify.ts';
import { useErrorMessage } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useMonitoringNames } from '../monitoring/labels.tsx';
import { type Hotline, type HotlineMessage, useAcknowledge } from './api.ts';
import { DueClock, MessageStatusBadge, useStateName } from './labels.tsx';

/**
 * One message of the thread: who sent it when, its text, the message it answers, its window
 * or its acknowledgement (by whom, when, whether in time), its escalation, and the reader's
 * actions (acknowledge, reply). Messages of the reader's own side sit to the right.
 */
export function MessageCard({
  hotline,
  message,
  answered,
  highlighted,
  onReply,
  onShow,
}: {
  hotline: Hotline;
  message: HotlineMessage;
  /** The message it answers, when loaded. */
  answered: HotlineMessage | undefined;
  highlighted: boolean;
  onReply: (message: HotlineMessage) => void;
  /** Scrolls to another message of the thread. */
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const names = useMonitoringNames();
  const message_ = useErrorMessage();
  const acknowledge = useAcknowledge(hotline.code, () =>
    notifySuccess(t('hotline.message.acknowledgedDone', { state: stateName(message.fromState) })),
  );
  // The reader's side to the right; for a reader on neither side, the second state.
  const right = message.fromState === (hotline.mySide ?? hotline.states[1]);
  const open = message.status !== 'acknowledged';
  const colour =
    message.status === 'escalated' || (open && message.abilities.acknowledge && message.status === 'overdue')
      ? 'red'
      : message.urgency === 'urgent' && open
        ? 'orange'
        : null;
  return (
    <Group justify={right ? 'flex-end' : 'flex-start'} wrap="nowrap">
      <Paper
        id={`message-${message.id}`}
        p="sm"
        radius="md"
        withBorder
        w={{ base: '100%', md: '78%' }}
        bg={highlighted ? 'yellow.0' : right ? 'blue.0' : undefined}
        style={{
          borderColor: highlighted
            ? 'var(--mantine-color-yellow-6)'
            : colour
              ? `var(--mantine-color-${colour}-5)`
              : undefined,
          borderWidth: highlighted || colour ? 2 : undefined,
          scrollMarginTop: 80,
        }}
        data-testid="hotline-message"
        data-id={message.id}
        data-status={message.status}
        data-highlighted={highlighted ? 'true' : 'false'}
      >
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap={6}>
              <Text size="sm" fw={700}>
                {stateName(message.fromState)}
              </Text>
              <Text size="xs" c="dimmed">
                {message.from} · <time dateTime={message.sentAt}>{dateTime(message.sentAt)}</time>
              </Text>
              {message.urgency === 'urgent' ? (
                <Badge size="sm" color="red" variant="light" data-testid="urgent">
                  {t('hotline.urgency.urgent')}
                </Badge>
              ) : null}
              {message.classification !== 'restricted' ? (
                <Badge size="sm" color="dark" variant="outline">
                  {t(`hotline.classification.${message.classification}`, {
                    defaultValue: message.classification,
                  })}
                </Badge>
              ) : null}
            </Group>
            <MessageStatusBadge message={message} />
          </Group>
          {message.replyTo ? (
            <Group gap={4} wrap="nowrap" data-testid="reply-to">
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {t('hotline.message.inReplyTo')}
              </Text>
              <Anchor
                size="xs"
                component="button"
                type="button"
                lineClamp={1}
                ta="left"
                onClick={() => onShow(message.replyTo ?? '')}
              >
                {answered ? `“${answered.body}”` : t('hotline.message.earlier')}
              </Anchor>
            </Group>
          ) : null}
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="message-body"
          >
            {message.body}
          </Text>
          {message.region || message.reportId ? (
            <Group gap="md">
              {message.region ? (
                <Text size="xs" c="dimmed">
                  {t('hotline.message.region')}: {names.region(message.region)}
                </Text>
              ) : null}
              {message.reportId ? (
                <Anchor component={Link} to={`/reports/${message.reportId}`} size="xs">
                  {t('hotline.message.report')}
                </Anchor>
              ) : null}
            </Group>
          ) : null}
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={2}>
              {message.acknowledgedAt ? (
                <Text
                  size="xs"
                  c={message.acknowledgedWithinWindow ? 'teal.8' : 'orange.8'}
                  data-testid="acknowledged"
                >
                  <IconCheck size={12} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                  {t('hotline.message.acknowledgedBy', {
                    who: message.acknowledgedBy ?? '—',
                    state: stateName(message.toState),
                  })}{' '}
                  <time dateTime={message.acknowledgedAt} data-testid="acknowledged-at">
                    {dateTime(message.acknowledgedAt)}
                  </time>
                  {message.acknowledgedWithinWindow ? '' : ` · ${t('hotline.message.late')}`}
                </Text>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('hotline.message.dueBy', {
                    state: stateName(message.toState),
                    at: dateTime(message.dueAt),
                  })}{' '}
                  · <DueClock dueAt={message.dueAt} size="xs" />
                </Text>
              )}
              {message.escalatedAt ? (
                <Text size="xs" c="grape.8" fw={600} data-testid="escalated">
                  <IconArrowUpRight size={12} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                  {t('hotline.message.escalatedAt', { at: dateTime(message.escalatedAt) })}
                </Text>
              ) : null}
              {acknowledge.error ? (
                <Text size="xs" c="red.8" role="alert">
                  {message_(acknowledge.error)}
                </Text>
              ) : null}
            </Stack>
            <Group gap="xs">
              {message.abilities.reply ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconArrowBackUp size={14} aria-hidden />}
                  onClick={() => onReply(message)}
                  data-testid="reply"
                >
                  {t('hotline.message.reply')}
                </Button>
              ) : null}
              {message.abilities.acknowledge ? (
                <Button
                  size="compact-sm"
                  color={message.status === 'waiting' ? 'blue' : 'red'}
                  leftSection={<IconCheck size={14} aria-hidden />}
                  loading={acknowledge.isPending}
                  onClick={() => acknowledge.mutate(message.id)}
                  data-testid="acknowledge"
                >
                  {t('hotline.message.acknowledge')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Stack>
      </Paper>
    </Group>
  );
}
