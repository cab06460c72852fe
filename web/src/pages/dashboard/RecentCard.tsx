import { Anchor, Badge, Card, Divider, Group, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconClockHour4, IconX } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { MODULE_ICON } from './AttentionCard.tsx';
import { type HomeItem, useItemText } from './home.ts';
import { useAgo, useNow } from './time.ts';

/** Whether a closed item went the way it was asked: adopted, cleared. */
const positive = (item: HomeItem) =>
  item.kind === 'clearances.request_cleared' ||
  item.kind === 'decisions.decision_adopted' ||
  item.details.result === 'adopted';

function RecentRow({ item, now }: { item: HomeItem; now: number }) {
  const sentence = useItemText();
  const ago = useAgo();
  const { dateTime } = useFormat();
  const Icon = MODULE_ICON[item.module] ?? IconClockHour4;
  const good = positive(item);
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="md"
      py={10}
      data-testid="recent-item"
      data-kind={item.kind}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }} align="flex-start">
        <ThemeIcon size={28} radius="md" variant="light" color={good ? 'teal' : 'gray'} aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={item.path} fw={600} lineClamp={2}>
            {item.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            {good ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
            <Text size="sm" c="dimmed">
              {sentence(item)}
            </Text>
          </Group>
        </div>
      </Group>
      {item.at ? (
        <Tooltip label={dateTime(item.at)} withArrow>
          <Badge variant="transparent" color="gray" tt="none" fw={500} style={{ flexShrink: 0 }}>
            {ago(item.at, now)}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/** "Recently closed": what closed in the window that the reader may read, newest first. */
export function RecentCard({ items, since }: { items: HomeItem[]; since: string }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const days = Math.max(1, Math.round((now - Date.parse(since)) / 86_400_000));
  return (
    <Card data-testid="recent" aria-labelledby="recent-title">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id="recent-title">
            {t('home.recent.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('home.recent.window', { count: days })}
          </Text>
        </div>
        {items.length === 0 ? (
          <Text c="dimmed" data-testid="recent-empty">
            {t('home.recent.empty')}
          </Text>
        ) : (
          <Stack gap={0}>
            {items.map((item, index) => (
              <Fragment key={`${item.kind}:${item.subjectId}`}>
                {index > 0 ? <Divider /> : null}
                <RecentRow item={item} now={now} />
              </Fragment>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
