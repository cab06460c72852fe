import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useStateName } from '../clearances/labels.tsx';
import { type Report, useReport } from './api.ts';
import {
  useMonitoringNames,
  useOccurredAt,
  usePlaceText,
  usePointText,
  useSourceGrading,
} from './labels.tsx';

/** One fact: its name above, what it is below; "—" when nothing is known. */
function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <div>{children ?? <Text size="sm">—</Text>}</div>
    </Stack>
  );
}

/** The notice that the reader sees the report without its reporter, source and exact place. */
export function WithheldNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconEyeOff aria-hidden />}
      title={t('monitoring.withheld.title')}
      data-testid="withheld-notice"
    >
      {t('monitoring.withheld.text')}
    </Alert>
  );
}

/** What, when, where, who, counts, the source and who reported: the facts an officer needs first. */
export function ReportFacts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const names = useMonitoringNames();
  const occurredAt = useOccurredAt();
  const placeText = usePlaceText();
  const grading = useSourceGrading();
  const pointText = usePointText();
  const stateName = useStateName();
  const { name, parent } = names.categoryParts(report.category);
  const withheld = (
    <Text size="sm" c="orange.8" fs="italic">
      {t('monitoring.withheld.short')}
    </Text>
  );
  const count = (n: number | null) => (
    <Text size="lg" fw={700}>
      {n === null ? t('monitoring.facts.notKnown') : n}
    </Text>
  );

  return (
    <Card data-testid="report-facts">
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" verticalSpacing="md">
          <Fact label={t('monitoring.facts.what')} testId="fact-what">
            <Text size="sm" fw={600}>
              {name}
            </Text>
            {parent ? (
              <Text size="xs" c="dimmed">
                {parent}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('monitoring.facts.when')} testId="fact-when">
            <Text size="sm" fw={600}>
              {occurredAt(report.occurredAt, report.timePrecision)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`monitoring.timePrecision.${report.timePrecision}`)}
            </Text>
          </Fact>
          <Fact label={t('monitoring.facts.where')} testId="fact-where">
            <Text size="sm" fw={600}>
              {report.place
                ? placeText(report.place)
                : report.withheld
                  ? t('monitoring.withheld.place')
                  : names.region(report.region)}
            </Text>
            {report.point ? (
              <Text size="xs" c="dimmed">
                {pointText(report.point)} · {t(`monitoring.pointPrecision.${report.point.precision}`)}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('monitoring.facts.region')}>
            <Text size="sm">{names.region(report.region)}</Text>
          </Fact>
          <Fact label={t('monitoring.facts.state')}>
            <Text size="sm">{report.state ? stateName(report.state) : '—'}</Text>
          </Fact>
          <Fact label={t('monitoring.facts.actors')}>
            {report.actors.length ? (
              <Group gap={6}>
                {report.actors.map((a) => (
                  <Badge key={a} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                    {a}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm">—</Text>
            )}
          </Fact>
          <Fact label={t('monitoring.facts.fatalities')} testId="fact-fatalities">
            {count(report.fatalities)}
          </Fact>
          <Fact label={t('monitoring.facts.injured')}>{count(report.injured)}</Fact>
          <Fact label={t('monitoring.facts.source')} testId="fact-source">
            {report.withheld ? (
              withheld
            ) : (
              <Text size="sm">{report.source.name ?? t('monitoring.facts.unnamed')}</Text>
            )}
            <Text size="sm" fw={600}>
              {grading(report.source)}
            </Text>
          </Fact>
          <Fact label={t('monitoring.facts.reporter')} testId="fact-reporter">
            {report.reporter ? (
              <Text size="sm">
                {report.reporter.name}
                {report.reporter.state ? ` · ${stateName(report.reporter.state)}` : ''}
              </Text>
            ) : (
              withheld
            )}
            <Text size="xs" c="dimmed">
              {t(`monitoring.reporterRole.${report.reporterRole}`)}
            </Text>
          </Fact>
          <Fact label={t('monitoring.facts.classification')}>
            <Text size="sm">{t(`levels.${report.classification}`)}</Text>
            <Text size="xs" c="dimmed">
              {report.protection
                ? t('monitoring.facts.protectedAbove', { level: t(`levels.${report.protection}`) })
                : t('monitoring.facts.noProtection')}
            </Text>
          </Fact>
        </SimpleGrid>
        {report.description ? (
          <Stack gap={4}>
            <Title order={3} fz="sm" c="dimmed" tt="uppercase">
              {t('monitoring.facts.description')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="report-description-text">
              {report.description}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The report's way through review: filed, submitted, verified, published, archived (with why). */
export function StatusTimeline({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const duplicate = useReport(report.duplicateOf ?? undefined);
  const steps: { key: string; at: string | null; title: string; detail?: ReactNode }[] = [
    { key: 'filed', at: report.createdAt, title: t('monitoring.timeline.filed') },
    { key: 'submitted', at: report.submittedAt, title: t('monitoring.timeline.submitted') },
    {
      key: 'verified',
      at: report.verifiedAt,
      title: t('monitoring.timeline.verified'),
      detail: report.reviewer ? t('monitoring.timeline.by', { name: report.reviewer }) : null,
    },
    {
      key: 'published',
      at: report.publishedAt,
      title: report.publishedTo
        ? t(`monitoring.timeline.published.${report.publishedTo}`)
        : t('monitoring.timeline.publishedPlain'),
    },
    {
      key: 'archived',
      at: report.archivedAt,
      title: report.duplicateOf ? t('monitoring.timeline.merged') : t('monitoring.timeline.archived'),
      detail: (
        <>
          {report.duplicateOf ? (
            <Anchor
              component={Link}
              to={`/reports/${report.duplicateOf}`}
              size="xs"
              data-testid="duplicate-of"
            >
              {t('monitoring.timeline.duplicateOf', {
                reference: duplicate.data?.report.reference ?? t('monitoring.timeline.anotherReport'),
              })}
            </Anchor>
          ) : null}
          {report.archiveReason ? (
            <Text size="xs" c="dimmed">
              {report.archiveReason}
            </Text>
          ) : null}
        </>
      ),
    },
  ];
  const done = steps.filter((s) => s.at);
  const underReview = report.status === 'under_review';
  return (
    <Card data-testid="status-timeline">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('monitoring.timeline.title')}
        </Title>
        <Timeline active={done.length - 1 + (underReview ? 1 : 0)} bulletSize={14} lineWidth={2}>
          {done.map((s) => (
            <Timeline.Item
              key={s.key}
              title={
                <Text size="sm" fw={600}>
                  {s.title}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {dateTime(s.at)}
              </Text>
              {s.detail ? (
                <Text size="xs" component="div">
                  {s.detail}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
          {underReview ? (
            <Timeline.Item
              title={
                <Text size="sm" fw={600}>
                  {t('monitoring.timeline.underReview')}
                </Text>
              }
            >
              {report.reviewer ? (
                <Text size="xs" c="dimmed">
                  {t('monitoring.timeline.by', { name: report.reviewer })}
                </Text>
              ) : null}
            </Timeline.Item>
          ) : null}
        </Timeline>
      </Stack>
    </Card>
  );
}
