import { Badge, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { useDuration, useNow } from '../alerts/labels.tsx';
import type { HotlineMessage, MessageStatus } from './api.ts';

/** A member state's name in the reader's language (its code until the directory has loaded). */
export function useStateName() {
  const states = useStates();
  const { text } = useFormat();
  return (code: string) => {
    const state = states.data?.items.find((s) => s.code === code);
    return state ? text(state.name) : code;
  };
}

const STATUS_COLOUR: Record<MessageStatus, string> = {
  waiting: 'blue',
  overdue: 'red',
  escalated: 'grape',
  acknowledged: 'teal',
};

/** Where a message stands: waiting, overdue (the window closed), escalated, acknowledged. */
export function MessageStatusBadge({ message }: { message: HotlineMessage }) {
  const { t } = useTranslation();
  const now = useNow();
  // The window may close while the page is open: it then reads overdue without a refresh.
  const status =
    message.status === 'waiting' && Date.parse(message.dueAt) <= now ? 'overdue' : message.status;
  const Icon = status === 'acknowledged' ? IconCheck : status === 'waiting' ? IconClock : IconAlertTriangle;
  return (
    <Badge
      variant={status === 'escalated' || status === 'overdue' ? 'filled' : 'light'}
      color={STATUS_COLOUR[status]}
      leftSection={<Icon size={12} aria-hidden />}
      data-testid="message-status"
      data-status={status}
    >
      {t(`hotline.status.${status}`)}
    </Badge>
  );
}

/**
 * The acknowledgement window of a message still waiting, ticking: the time left until it
 * closes, or (in red) how long ago it closed.
 */
export function DueClock({ dueAt, size = 'sm' }: { dueAt: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const now = useNow();
  const duration = useDuration();
  const left = (Date.parse(dueAt) - now) / 1000;
  return (
    <Text
      size={size}
      c={left <= 0 ? 'red.8' : left < 300 ? 'orange.8' : undefined}
      fw={left <= 0 ? 700 : 500}
      component="span"
      data-testid="due-clock"
      data-overdue={left <= 0 ? 'true' : 'false'}
    >
      {left > 0
        ? t('hotline.due.left', { time: duration(left) })
        : t('hotline.due.overdue', { time: duration(-left) })}
    </Text>
  );
}

/** How long ago an instant was, ticking ("12 min 4 s"). */
export function Since({ at }: { at: string }) {
  const now = useNow();
  const duration = useDuration();
  return <span data-testid="since">{duration((now - Date.parse(at)) / 1000)}</span>;
}
