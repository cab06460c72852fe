import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useReviewQueue } from '../monitoring/api.ts';
import { useAlerts, useConsultations, useLevels, useOpenProcedures } from './api.ts';
import { Age, LevelBadge, useDuration, useScale } from './labels.tsx';

/** A panel of the situation room: a small heading, its content, a link to the whole list. */
export function Panel({
  title,
  more,
  testId,
  children,
}: {
  title: string;
  more?: { to: string; label: string };
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card p="md" withBorder component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {more ? (
          <Anchor component={Link} to={more.to} size="xs">
            {more.label}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** Each region the reader watches: its level, since when, and its indicators (links to their charts). */
export function LevelsPanel({
  region,
  onPick,
}: {
  region: string | null;
  /** Shows one region (the map zooms to it); null shows them all again. */
  onPick: (region: string | null) => void;
}) {
  const { t } = useTranslation();
  const { text, dateTime } = useFormat();
  const levels = useLevels();
  const { indicators } = useScale();
  const items = (levels.data?.items ?? [])
    .filter((l) => !region || l.region.code === region)
    .sort((a, b) => b.level.level - a.level.level);
  return (
    <Panel title={t('alerts.situation.levels')} testId="levels-panel">
      {levels.isPending ? null : items.length === 0 ? (
        <Empty>{t('alerts.situation.noRegions')}</Empty>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((l) => (
            <li key={l.region.code} data-testid="region-level" data-region={l.region.code}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  c="dark"
                  ta="left"
                  onClick={() => onPick(region ? null : l.region.code)}
                  title={region ? t('alerts.situation.showAll') : t('alerts.situation.showRegion')}
                  data-testid="pick-region"
                >
                  {text(l.region.name)}
                </Anchor>
                <LevelBadge level={l.level.level} />
              </Group>
              <Text size="xs" c="dimmed">
                {l.since
                  ? t('alerts.situation.since', { when: dateTime(l.since) })
                  : t('alerts.situation.notWorkedOut')}
                {l.openAlerts > 0 ? ` · ${t('alerts.situation.openAlerts', { count: l.openAlerts })}` : ''}
                {l.escalated ? ` · ${t('alerts.situation.combined')}` : ''}
              </Text>
              <Group gap={6} mt={4}>
                {indicators
                  .filter((i) => i.region === l.region.code)
                  .map((i) => {
                    const reading = l.readings.find((r) => r.indicator === i.code);
                    const raised = reading && reading.level > 1;
                    return (
                      <Anchor
                        key={i.code}
                        component={Link}
                        to={`/indicators/${i.code}`}
                        size="xs"
                        fw={raised ? 600 : 400}
                        data-testid="indicator-link"
                      >
                        {text(i.name)}
                        {reading?.value !== null && reading?.value !== undefined ? ` (${reading.value})` : ''}
                      </Anchor>
                    );
                  })}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Alerts not yet closed, the newest first, each with its age ticking. */
export function OpenAlertsPanel({ region }: { region: string | null }) {
  const { t } = useTranslation();
  const scale = useScale();
  const duration = useDuration();
  const alerts = useAlerts({ status: 'active', region, level: null }, 10);
  const items = alerts.data?.items ?? [];
  return (
    <Panel
      title={t('alerts.situation.openAlertsTitle')}
      more={{ to: '/alerts', label: t('alerts.situation.allAlerts') }}
      testId="open-alerts-panel"
    >
      {alerts.isPending ? null : items.length === 0 ? (
        <Empty>{t('alerts.situation.noAlerts')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <li key={a.id} data-testid="open-alert">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Anchor component={Link} to={`/alerts/${a.id}`} size="sm" fw={600} lineClamp={2}>
                  {a.reference} · {scale.alertTitle(a)}
                </Anchor>
                <LevelBadge level={a.level} size="xs" />
              </Group>
              <Text size="xs" c="dimmed">
                {scale.region(a.region)} · {t('alerts.list.age')}:{' '}
                <Age seconds={a.ageSeconds} fetchedAt={alerts.dataUpdatedAt} />
                {a.waitingSeconds !== null
                  ? ` · ${t('alerts.situation.unanswered')}`
                  : ` · ${t('alerts.list.firstResponse')}: ${duration(a.timeToFirstResponseSeconds ?? 0)}`}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Reports waiting for review: how many, by status, and the longest wait. */
export function QueuePanel() {
  const { t } = useTranslation();
  const duration = useDuration();
  const queue = useReviewQueue();
  const data = queue.data;
  return (
    <Panel
      title={t('alerts.situation.queue')}
      more={{ to: '/reports/queue', label: t('alerts.situation.openQueue') }}
      testId="queue-panel"
    >
      {data ? (
        <Group gap="lg">
          <Stack gap={0}>
            <Text size="xl" fw={700}>
              {data.submitted}
            </Text>
            <Text size="xs" c="dimmed">
              {t('monitoring.status.submitted')}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xl" fw={700}>
              {data.underReview}
            </Text>
            <Text size="xs" c="dimmed">
              {t('monitoring.status.under_review')}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xl" fw={700}>
              {data.oldestWaitingSeconds !== null ? duration(data.oldestWaitingSeconds) : '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {t('alerts.situation.oldestWait')}
            </Text>
          </Stack>
        </Group>
      ) : null}
    </Panel>
  );
}

const CONSULTATION_COLOUR = { open: 'blue', concluded: 'teal', closed: 'gray' } as const;

/** The reader's latest consultations. */
export function ConsultationsPanel() {
  const { t } = useTranslation();
  const consultations = useConsultations();
  const items = [...(consultations.data?.items ?? [])]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 5);
  return (
    <Panel
      title={t('alerts.situation.consultations')}
      more={{ to: '/consultations', label: t('consultations.list.link') }}
      testId="consultations-panel"
    >
      {consultations.isPending ? null : items.length === 0 ? (
        <Empty>{t('alerts.situation.noConsultations')}</Empty>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <Group key={c.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" lineClamp={2}>
                <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} size="sm">
                  {c.reference}
                </Anchor>{' '}
                {c.title}
              </Text>
              <Badge
                variant="light"
                size="sm"
                color={CONSULTATION_COLOUR[c.status]}
                style={{ flexShrink: 0 }}
              >
                {t(`alerts.consultation.${c.status}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Open decision procedures, soonest deadline first. */
export function DecisionsPanel() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const proposals = useOpenProcedures();
  const items = (proposals.data?.items ?? [])
    .filter((p) => p.openProcedure)
    .sort((a, b) => (a.openProcedure?.deadline ?? '').localeCompare(b.openProcedure?.deadline ?? ''))
    .slice(0, 5);
  return (
    <Panel
      title={t('alerts.situation.decisions')}
      more={{ to: '/proposals', label: t('alerts.situation.allProposals') }}
      testId="decisions-panel"
    >
      {proposals.isPending ? null : items.length === 0 ? (
        <Empty>{t('alerts.situation.noDecisions')}</Empty>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((p) => (
            <li key={p.id}>
              <Anchor component={Link} to={`/proposals/${p.id}`} size="sm" lineClamp={2}>
                {p.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {p.openProcedure?.deadline
                  ? t('alerts.situation.deadline', { when: dateTime(p.openProcedure.deadline) })
                  : t('alerts.situation.noDeadline')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
