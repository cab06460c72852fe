import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { NotificationItem } from '../../notifications.ts';

/** What happened, in the reader's language: the kind, the proposal or clearance request, the details, the time. */
export function NotificationText({ item, compact = false }: { item: NotificationItem; compact?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const unread = !item.readAt;
  const clearance = item.clearance;
  const state = item.state ?? '—';
  const outcome = clearance?.outcome ? t(`notifications.legOutcome.${clearance.outcome}`) : '—';
  const how =
    clearance?.how && clearance.how !== 'state' ? ` ${t(`notifications.legHow.${clearance.how}`)}` : '';
  const number = clearance?.clearanceNumber
    ? `, ${t('notifications.detail.clearanceNumber', { number: clearance.clearanceNumber })}`
    : '';
  const detail = clearance
    ? item.kind === 'leg_arrived' && clearance.infoGiven
      ? t('notifications.detail.infoGiven', { state })
      : item.kind === 'leg_arrived' || item.kind === 'leg_due_1h'
        ? item.deadline
          ? t('notifications.detail.legArrived', { state, at: dateTime(item.deadline) })
          : t('notifications.detail.legArrivedNoWindow', { state })
        : item.kind === 'leg_decided'
          ? `${t('notifications.detail.legDecided', { state, outcome })}${how}${number}`
          : item.kind === 'leg_escalated'
            ? t('notifications.detail.escalated', { state })
            : item.kind === 'request_denied'
              ? t('notifications.detail.requestDenied', { state })
              : null
    : item.kind === 'silence_broken'
      ? t(`notifications.detail.silence_broken.${item.stanceKind ?? 'object'}`, {
          state: item.state ?? '—',
          points: item.points.join(', ') || '—',
        })
      : item.kind === 'outcome' && item.result
        ? t(`notifications.result.${item.result}`)
        : (item.kind === 'deadline_24h' || item.kind === 'deadline_1h' || item.kind === 'procedure_opened') &&
            item.deadline
          ? t('notifications.detail.deadline', { at: dateTime(item.deadline) })
          : null;
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="sm" fw={unread ? 700 : 500} data-testid="notification-kind">
        {t(`notifications.kind.${item.kind}`)}
      </Text>
      {clearance ? (
        <Text size="sm" lineClamp={compact ? 2 : undefined}>
          {clearance.reference}
          {clearance.title ? ` · ${clearance.title}` : ''}
        </Text>
      ) : item.proposal?.title ? (
        <Text size="sm" lineClamp={compact ? 2 : undefined}>
          {item.proposal.title}
        </Text>
      ) : null}
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
      </Text>
    </Stack>
  );
}
