import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconLock, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStateName } from '../decisions/labels.ts';
import { type ConsultationStatus, type ConsultationSummary, STATUSES, useConsultationList } from './api.ts';
import { ConveneModal } from './ConveneModal.tsx';
import { AlertLink } from './links.tsx';
import { ConsultationStatusBadge } from './parts.tsx';

/**
 * The consultations the person takes part in (nobody else sees them), the most recently active
 * first: status, states, facilitator, last activity and the alert each answers; "Convene" for
 * those the server says may.
 */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const [params, setParams] = useSearchParams();
  const [convening, setConvening] = useState(false);
  const statusParam = params.get('status') as ConsultationStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : null;
  const list = useConsultationList(status);
  const mayConvene = useConsultationList().data?.abilities.convene ?? false;

  const columns: Column<ConsultationSummary>[] = [
    {
      key: 'reference',
      header: t('consultations.list.reference'),
      width: 130,
      cell: (c) => (
        <Anchor
          component={Link}
          to={`/consultations/${c.id}`}
          fw={600}
          size="sm"
          data-testid="consultation-link"
          style={{ whiteSpace: 'nowrap' }}
        >
          {c.reference}
        </Anchor>
      ),
    },
    {
      key: 'title',
      header: t('consultations.list.title'),
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm" lineClamp={2}>
            {c.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`levels.${c.classification}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('consultations.list.status'),
      width: 120,
      cell: (c) => <ConsultationStatusBadge status={c.status} />,
    },
    {
      key: 'states',
      header: t('consultations.list.states'),
      cell: (c) => (
        <Text size="sm" data-testid="consultation-states">
          {c.states.map(stateName).join(', ')}
        </Text>
      ),
    },
    {
      key: 'facilitator',
      header: t('consultations.list.facilitator'),
      cell: (c) => <Text size="sm">{c.facilitator.name}</Text>,
    },
    {
      key: 'activity',
      header: t('consultations.list.activity'),
      width: 170,
      cell: (c) => <Text size="sm">{dateTime(c.updatedAt)}</Text>,
    },
    {
      key: 'alert',
      header: t('consultations.list.alert'),
      width: 130,
      cell: (c) =>
        c.alert ? (
          <AlertLink reference={c.alert} region={c.region} />
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('consultations.list.heading')}
        description={
          <Group gap={6} component="span" wrap="nowrap">
            <IconLock size={14} aria-hidden style={{ flexShrink: 0 }} />
            <span>{t('consultations.list.description')}</span>
          </Group>
        }
        actions={
          mayConvene ? (
            <Button
              leftSection={<IconUsersGroup size={16} aria-hidden />}
              onClick={() => setConvening(true)}
              data-testid="convene-open"
            >
              {t('consultations.convene.open')}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('consultations.list.status')}
        data={[
          { value: 'all', label: t('consultations.list.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`consultations.status.${s}`) })),
        ]}
        value={status ?? 'all'}
        onChange={(v) =>
          setParams(v === 'all' ? {} : { status: v }, {
            replace: true,
          })
        }
        data-testid="consultations-status"
      />
      <QueryState query={list}>
        {(data) => (
          <DataTable
            columns={columns}
            rows={data.items}
            rowKey={(c) => c.id}
            caption={t('consultations.list.heading')}
            empty={t('consultations.list.empty')}
            minWidth={980}
            testId="consultations-table"
          />
        )}
      </QueryState>
      {convening ? <ConveneModal onClose={() => setConvening(false)} /> : null}
    </>
  );
}
