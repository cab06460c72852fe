import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useDecision } from '../../queries.ts';
import { useMonitoringNames } from './labels.tsx';
import { MissionFormModal } from './MissionForm.tsx';
import { type Mission, type MissionStatus, useMissions } from './missionsApi.ts';

const STATUS_COLOUR: Record<MissionStatus, string> = { planned: 'blue', active: 'teal', ended: 'gray' };

export function MissionStatusBadge({ status }: { status: MissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOUR[status]}
      style={{ flexShrink: 0, overflow: 'visible' }}
      data-testid="mission-status"
      data-status={status}
    >
      {t(`missions.status.${status}`)}
    </Badge>
  );
}

/** The decision that created a mission, by its number and title, opening its page. */
export function MandateLink({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const decision = useDecision(id ?? undefined);
  if (!id)
    return (
      <Text size="sm" c="dimmed">
        {t('missions.noDecision')}
      </Text>
    );
  const d = decision.data?.decision;
  return (
    <Anchor component={Link} to={`/decisions/${id}`} size="sm" data-testid="mandate-link">
      {d ? `${d.label} · ${d.title}` : t('missions.decision')}
    </Anchor>
  );
}

/** A mission's area in words: its regions' names, and whether an outline is drawn. */
export function useAreaWords() {
  const { t } = useTranslation();
  const names = useMonitoringNames();
  return (m: Mission) =>
    [...m.regions.map((r) => names.region(r)), ...(m.area ? [t('missions.outline')] : [])].join(', ') || '—';
}

/**
 * Observation missions the reader may see: mandate, head, period, area, status and the
 * reports filed for each; the secretariat's administrators set new ones up here.
 */
export function MissionsPage() {
  const { t } = useTranslation();
  const { shortDate } = useFormat();
  const navigate = useNavigate();
  const area = useAreaWords();
  const missions = useMissions();
  const [creating, setCreating] = useState(false);

  const columns: Column<Mission>[] = [
    {
      key: 'name',
      header: t('missions.list.name'),
      cell: (m) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/missions/${m.id}`} fw={600} size="sm" data-testid="mission-link">
            {m.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {m.reference}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'mandate',
      header: t('missions.list.mandate'),
      cell: (m) => <MandateLink id={m.mandateDecision} />,
    },
    { key: 'head', header: t('missions.list.head'), cell: (m) => <Text size="sm">{m.head.name}</Text> },
    {
      key: 'period',
      header: t('missions.list.period'),
      cell: (m) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {shortDate(m.from)} – {shortDate(m.to)}
        </Text>
      ),
    },
    { key: 'area', header: t('missions.list.area'), cell: (m) => <Text size="sm">{area(m)}</Text> },
    {
      key: 'reports',
      header: t('missions.list.reports'),
      width: 90,
      cell: (m) => (
        <Anchor component={Link} to={`/reports?mission=${m.id}`} size="sm">
          {m.reports}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('missions.list.status'),
      width: 150,
      cell: (m) => <MissionStatusBadge status={m.status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('missions.list.heading')}
        description={t('missions.list.description')}
        actions={
          missions.data?.abilities.create ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="new-mission"
            >
              {t('missions.list.new')}
            </Button>
          ) : null
        }
      />
      <QueryState query={missions}>
        {({ items }) => (
          <DataTable
            columns={columns}
            rows={items}
            rowKey={(m) => m.id}
            caption={t('missions.list.heading')}
            empty={t('missions.list.empty')}
            minWidth={1000}
            testId="missions-table"
          />
        )}
      </QueryState>
      {creating ? (
        <MissionFormModal
          onClose={() => setCreating(false)}
          onCreated={(m) => {
            setCreating(false);
            void navigate(`/missions/${m.id}`);
          }}
        />
      ) : null}
    </>
  );
}
