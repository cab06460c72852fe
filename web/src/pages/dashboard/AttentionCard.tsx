import { Anchor, Badge, Card, Divider, Group, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconGavel, IconPlayerPause, IconRoute } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session.tsx';
import { groupByModule, type HomeItem, useItemText } from './home.ts';
import { useNow, useShortDuration } from './time.ts';

const HOUR = 3_600_000;

export const MODULE_ICON: Record<string, ComponentType<{ size?: number }>> = {
  decisions: IconGavel,
  clearances: IconRoute,
};

/** The time left on an item: a countdown to its deadline, the time left on a paused window, or nothing. */
function Due({ item, now }: { item: HomeItem; now: number }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const duration = useShortDuration();
  if (item.dueAt) {
    const left = Date.parse(item.dueAt) - now;
    const color = left <= 0 ? 'red' : left < HOUR ? 'red' : left < 24 * HOUR ? 'orange' : 'gray';
    return (
      <Tooltip label={t('home.due.at', { time: dateTime(item.dueAt) })} withArrow>
        <Badge
          variant="light"
          color={color}
          radius="sm"
          tt="none"
          leftSection={<IconClockHour4 size={14} aria-hidden />}
          data-testid="due"
          style={{ flexShrink: 0 }}
        >
          {left <= 0 ? t('home.due.passed') : t('home.due.in', { time: duration(left) })}
        </Badge>
      </Tooltip>
    );
  }
  if (item.details.paused === true) {
    const seconds = typeof item.details.remainingSeconds === 'number' ? item.details.remainingSeconds : null;
    return (
      <Badge
        variant="light"
        color="gray"
        radius="sm"
        tt="none"
        leftSection={<IconPlayerPause size={14} aria-hidden />}
        data-testid="due"
        style={{ flexShrink: 0 }}
      >
        {seconds === null
          ? t('home.due.paused')
          : t('home.due.pausedLeft', { time: duration(seconds * 1000) })}
      </Badge>
    );
  }
  if (item.details.procedureKind === 'meeting_consensus' && item.kind !== 'decisions.to_close') {
    return (
      <Badge variant="light" color="gray" radius="sm" tt="none" data-testid="due" style={{ flexShrink: 0 }}>
        {t('home.due.meeting')}
      </Badge>
    );
  }
  return null;
}

function AttentionRow({ item, now }: { item: HomeItem; now: number }) {
  const sentence = useItemText();
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="md"
      py={10}
      align="flex-start"
      data-testid="attention-item"
      data-kind={item.kind}
    >
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to={item.path} fw={600} lineClamp={2}>
          {item.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {sentence(item)}
        </Text>
      </div>
      <Due item={item} now={now} />
    </Group>
  );
}

/** "Needs your attention": what waits on the reader, grouped by module, soonest first in each. */
export function AttentionCard({ items }: { items: HomeItem[] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const now = useNow(30_000);
  const groups = groupByModule(items);
  const { user } = useSession();
  const hint = !user
    ? null
    : user.role === 'observer'
      ? 'observer'
      : user.affiliation === 'secretariat'
        ? 'secretariat'
        : 'delegation';
  return (
    <Card data-testid="attention" aria-labelledby="attention-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="lg" id="attention-title">
            {t('home.attention.title')}
          </Title>
          {items.length ? (
            <Badge size="lg" circle={items.length < 10} data-testid="attention-count">
              {number(items.length)}
            </Badge>
          ) : null}
        </Group>
        {groups.length === 0 ? (
          <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="attention-empty">
            <ThemeIcon variant="light" color="teal" radius="xl" aria-hidden>
              <IconCircleCheck size={18} />
            </ThemeIcon>
            <div>
              <Text fw={500}>{t('home.attention.empty')}</Text>
              {hint ? (
                <Text size="sm" c="dimmed">
                  {t(`home.attention.hint.${hint}`)}
                </Text>
              ) : null}
            </div>
          </Group>
        ) : (
          groups.map((group) => {
            const Icon = MODULE_ICON[group.module] ?? IconClockHour4;
            return (
              <Stack gap={0} key={group.module} data-testid="attention-group" data-module={group.module}>
                <Group gap="xs" mb={4}>
                  <ThemeIcon size={28} radius="md" variant="light" aria-hidden>
                    <Icon size={16} />
                  </ThemeIcon>
                  <Title order={3} fz="md">
                    {t(`home.module.${group.module}`, { defaultValue: group.module })}
                  </Title>
                  <Badge variant="light" color="gray" data-testid="group-count">
                    {number(group.items.length)}
                  </Badge>
                </Group>
                {group.items.map((item, index) => (
                  <Fragment key={`${item.kind}:${item.subjectId}`}>
                    {index > 0 ? <Divider /> : null}
                    <AttentionRow item={item} now={now} />
                  </Fragment>
                ))}
              </Stack>
            );
          })
        )}
      </Stack>
    </Card>
  );
}
