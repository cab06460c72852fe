import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { NotificationWording } from '../../module.ts';
import { WEB_MODULES } from '../../modules.ts';
import type { NotificationItem } from '../../notifications.ts';

let wordings: Map<string, NotificationWording> | null = null;

/** How a kind reads, from the module that sends it (web/src/modules.ts), gathered on first use. */
export function wordingOf(kind: string): NotificationWording | undefined {
  wordings ??= new Map(WEB_MODULES.flatMap((m) => Object.entries(m.notifications ?? {})));
  return wordings.get(kind);
}

/** What happened, in the reader's language: the kind, what it is about, the module's detail line, the time. */
export function NotificationText({ item, compact = false }: { item: NotificationItem; compact?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const unread = !item.readAt;
  const wording = wordingOf(item.kind);
  // The module's own words for its subject, else the subject as its module names it.
  const named = [item.subject.reference, item.subject.title].filter(Boolean).join(' · ');
  const subject = wording?.subject(item) ?? (named || null);
  const detail = wording?.detail(item, { t, dateTime }) ?? null;
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="sm" fw={unread ? 700 : 500} data-testid="notification-kind">
        {t(`notifications.kind.${item.kind}`)}
      </Text>
      {subject ? (
        <Text size="sm" lineClamp={compact ? 2 : undefined}>
          {subject}
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
