import { Anchor, Button, Grid, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { type Alert, STATUS_FILTERS, type StatusFilter, useAlerts } from './api.ts';
import { Age, AlertStatusBadge, LevelBadge, useDuration, useScale } from './labels.tsx';
import { RaiseAlertModal } from './RaiseAlertModal.tsx';

/** Alerts the reader may read: by status ("active", every one not closed, unless chosen), region and level. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { text, dateTime } = useFormat();
  const scale = useScale();
  const duration = useDuration();
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const statusParam = params.get('status') as StatusFilter | null;
  const status: StatusFilter = statusParam && STATUS_FILTERS.includes(statusParam) ? statusParam : 'active';
  const region = params.get('region');
  const level = Number(params.get('level')) || null;
  const alerts = useAlerts({ status, region, level });
  const set = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const columns: Column<Alert>[] = [
    {
      key: 'reference',
      header: t('alerts.list.reference'),
      width: 120,
      cell: (a) => (
        <Anchor component={Link} to={`/alerts/${a.id}`} fw={600} size="sm" data-testid="alert-link">
          {a.reference}
        </Anchor>
      ),
    },
    {
      key: 'level',
      header: t('alerts.list.level'),
      width: 110,
      cell: (a) => <LevelBadge level={a.level} />,
    },
    {
      key: 'title',
      header: t('alerts.list.title'),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm" lineClamp={2}>
            {scale.alertTitle(a)}
          </Text>
          <Text size="xs" c="dimmed">
            {scale.region(a.region)} · {t(`alerts.origin.${a.origin}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('alerts.list.status'),
      width: 140,
      cell: (a) => <AlertStatusBadge status={a.status} />,
    },
    {
      key: 'raised',
      header: t('alerts.list.raisedAge'),
      width: 170,
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm">{dateTime(a.raisedAt)}</Text>
          <Text size="xs" c="dimmed">
            {t('alerts.list.age')}:{' '}
            <Age seconds={a.ageSeconds} fetchedAt={alerts.dataUpdatedAt} still={a.status === 'closed'} />
          </Text>
        </Stack>
      ),
    },
    {
      key: 'response',
      header: t('alerts.list.firstResponse'),
      width: 130,
      cell: (a) =>
        a.timeToFirstResponseSeconds !== null ? (
          <Text size="sm">{duration(a.timeToFirstResponseSeconds)}</Text>
        ) : (
          <Text size="sm" c="red.8" fw={600}>
            {t('alerts.situation.unanswered')}
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('alerts.list.heading')}
        description={t('alerts.list.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setRaising(true)}
            data-testid="raise-alert"
          >
            {t('alerts.raise.open')}
          </Button>
        }
      />
      <Paper p="sm" withBorder radius="md" mb="md" component="section" aria-label={t('alerts.list.filters')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('alerts.list.status')}
              data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`alerts.statusFilter.${s}`) }))}
              value={status}
              onChange={(v) => set('status', v === 'active' ? null : v)}
              allowDeselect={false}
              data-testid="alerts-status"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select
              label={t('alerts.list.region')}
              placeholder={t('alerts.situation.anyRegion')}
              data={scale.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
              value={region}
              onChange={(v) => set('region', v)}
              clearable
              data-testid="alerts-region"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label={t('alerts.list.levelAtLeast')}
              placeholder={t('alerts.list.anyLevel')}
              data={scale.scale.map((l) => ({ value: String(l.level), label: text(l.name) }))}
              value={level ? String(level) : null}
              onChange={(v) => set('level', v)}
              clearable
              data-testid="alerts-level"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <QueryState query={alerts}>
        {(data) => (
          <DataTable
            columns={columns}
            rows={data.items}
            rowKey={(a) => a.id}
            caption={t('alerts.list.heading')}
            empty={t('alerts.list.empty')}
            minWidth={900}
            testId="alerts-table"
          />
        )}
      </QueryState>
      <RaiseAlertModal opened={raising} onClose={() => setRaising(false)} defaultRegion={region} />
    </>
  );
}
