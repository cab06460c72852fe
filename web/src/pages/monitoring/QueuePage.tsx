import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useNow } from '../decisions/time.ts';
import { type QueueItem, useReviewQueue } from './api.ts';
import { ReportStatusBadge, useMonitoringNames, useOccurredAt, useWait } from './labels.tsx';

/** A wait past this is shown in orange; past LATE_WAIT, in red. */
const LONG_WAIT = 4 * 3600;
const LATE_WAIT = 24 * 3600;

const waitColour = (seconds: number) =>
  seconds >= LATE_WAIT ? 'red.8' : seconds >= LONG_WAIT ? 'orange.8' : undefined;

function Figure({
  label,
  value,
  colour,
  testId,
}: {
  label: string;
  value: string;
  colour?: string;
  testId: string;
}) {
  return (
    <Card p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={colour}>
        {value}
      </Text>
    </Card>
  );
}

/**
 * The review queue: reports submitted or under review, oldest first, with how long each has
 * waited since it was submitted; long waits stand out. The waits go on counting on the page.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const now = useNow(30_000);
  const wait = useWait();
  const names = useMonitoringNames();
  const occurredAt = useOccurredAt();
  // The server counted the waits when it answered; they go on from there.
  const since = queue.dataUpdatedAt ? Math.max(0, Math.floor((now - queue.dataUpdatedAt) / 1000)) : 0;
  const waited = (seconds: number) => seconds + since;

  const columns: Column<QueueItem>[] = [
    {
      key: 'waited',
      header: t('monitoring.queue.waited'),
      width: 130,
      cell: ({ waitingSeconds }) => {
        const seconds = waited(waitingSeconds);
        const colour = waitColour(seconds);
        return (
          <Text size="sm" fw={colour ? 700 : 500} c={colour} data-testid="queue-wait" data-long={!!colour}>
            {colour ? (
              <IconAlertTriangle
                size={14}
                aria-label={t('monitoring.queue.longWait')}
                style={{ verticalAlign: -2, marginRight: 4 }}
              />
            ) : null}
            {wait(seconds)}
          </Text>
        );
      },
    },
    {
      key: 'reference',
      header: t('monitoring.list.reference'),
      width: 120,
      cell: ({ report }) => (
        <Anchor
          component={Link}
          to={`/reports/${report.id}`}
          fw={600}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="queue-link"
        >
          {report.reference}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('monitoring.list.status'),
      cell: ({ report }) => <ReportStatusBadge status={report.status} />,
    },
    {
      key: 'when',
      header: t('monitoring.list.when'),
      cell: ({ report }) => <Text size="sm">{occurredAt(report.occurredAt, report.timePrecision)}</Text>,
    },
    {
      key: 'category',
      header: t('monitoring.list.category'),
      cell: ({ report }) => <Text size="sm">{names.categoryParts(report.category).name}</Text>,
    },
    {
      key: 'region',
      header: t('monitoring.list.region'),
      cell: ({ report }) => <Text size="sm">{names.region(report.region)}</Text>,
    },
    {
      key: 'title',
      header: t('monitoring.list.title'),
      cell: ({ report }) => (
        <Text size="sm" lineClamp={2}>
          {report.title}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('monitoring.queue.title')} description={t('monitoring.queue.description')} />
      <QueryState query={queue}>
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Figure
                label={t('monitoring.queue.submitted')}
                value={String(data.submitted)}
                testId="queue-submitted"
              />
              <Figure
                label={t('monitoring.queue.underReview')}
                value={String(data.underReview)}
                testId="queue-under-review"
              />
              <Figure
                label={t('monitoring.queue.oldest')}
                value={data.oldestWaitingSeconds === null ? '—' : wait(waited(data.oldestWaitingSeconds))}
                colour={
                  data.oldestWaitingSeconds === null
                    ? undefined
                    : waitColour(waited(data.oldestWaitingSeconds))
                }
                testId="queue-oldest"
              />
            </SimpleGrid>
            <DataTable
              columns={columns}
              rows={data.items}
              rowKey={({ report }) => report.id}
              caption={t('monitoring.queue.title')}
              empty={t('monitoring.queue.empty')}
              minWidth={900}
              testId="queue-table"
            />
            <Text size="xs" c="dimmed">
              {t('monitoring.queue.legend', { long: wait(LONG_WAIT), late: wait(LATE_WAIT) })}
            </Text>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
