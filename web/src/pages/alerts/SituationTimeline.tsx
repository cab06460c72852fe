import { Anchor, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMapPin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useReportList } from '../monitoring/api.ts';
import { useMonitoringNames } from '../monitoring/labels.tsx';
import { useAlerts } from './api.ts';
import { useScale } from './labels.tsx';
import type { SituationFilters } from './SituationFilters.tsx';
import { Panel } from './SituationPanels.tsx';

/** How many moments the timeline shows, the newest first. */
const SHOWN = 12;

interface Moment {
  at: string;
  key: string;
  icon: ReactNode;
  colour: string;
  title: ReactNode;
  detail: string;
}

/**
 * What happened, newest first, within the room's filters (period, region, category): reports
 * as they occurred, alerts as they were raised and closed. It follows the record live, as the
 * rest of the room does.
 */
export function TimelinePanel({ filters }: { filters: SituationFilters }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const scale = useScale();
  const names = useMonitoringNames();
  const reports = useReportList({
    status: null,
    category: filters.category,
    region: filters.region,
    from: filters.from,
    to: filters.to,
    q: null,
  });
  const alerts = useAlerts({ status: null, region: filters.region, level: null }, 30);
  const within = (at: string) =>
    (!filters.from || at.slice(0, 10) >= filters.from) && (!filters.to || at.slice(0, 10) <= filters.to);
  const moments: Moment[] = [
    ...(reports.data?.pages[0]?.items ?? []).map((r) => ({
      at: r.occurredAt,
      key: `r-${r.id}`,
      icon: <IconMapPin size={12} aria-hidden />,
      colour: 'blue',
      title: (
        <Anchor component={Link} to={`/reports/${r.id}`} size="sm">
          {r.reference} · {r.title}
        </Anchor>
      ),
      detail: [names.category(r.category), r.region ? scale.region(r.region) : null]
        .filter(Boolean)
        .join(' · '),
    })),
    ...(filters.category ? [] : (alerts.data?.items ?? [])).flatMap((a) => [
      {
        at: a.raisedAt,
        key: `a-${a.id}`,
        icon: <IconAlertTriangle size={12} aria-hidden />,
        colour: scale.level(a.level).colour,
        title: (
          <Anchor component={Link} to={`/alerts/${a.id}`} size="sm">
            {t('alerts.timeline.raised', { reference: a.reference, title: scale.alertTitle(a) })}
          </Anchor>
        ),
        detail: scale.level(a.level).name,
      },
      ...(a.closedAt
        ? [
            {
              at: a.closedAt,
              key: `c-${a.id}`,
              icon: <IconCircleCheck size={12} aria-hidden />,
              colour: 'gray',
              title: (
                <Anchor component={Link} to={`/alerts/${a.id}`} size="sm">
                  {t('alerts.timeline.closed', { reference: a.reference })}
                </Anchor>
              ),
              detail: a.closeReason ?? '',
            },
          ]
        : []),
    ]),
  ]
    .filter((m) => within(m.at))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, SHOWN);
  return (
    <Panel title={t('alerts.timeline.title')} testId="timeline-panel">
      {moments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('alerts.timeline.none')}
        </Text>
      ) : (
        <Timeline bulletSize={20} lineWidth={2}>
          {moments.map((m) => (
            <Timeline.Item
              key={m.key}
              bullet={m.icon}
              color={m.colour}
              title={m.title}
              data-testid="timeline-moment"
            >
              <Text size="xs" c="dimmed">
                {dateTime(m.at)}
                {m.detail ? ` · ${m.detail}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Panel>
  );
}
