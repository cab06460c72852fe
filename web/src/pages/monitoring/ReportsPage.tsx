import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  type ReportFilters as Filters,
  MAP_LIMIT,
  REPORT_STATUSES,
  type Report,
  type ReportStatus,
  useReportList,
  useReportPoints,
} from './api.ts';
import { ImportReportsModal } from './ImportReportsModal.tsx';
import { ReportStatusBadge, useMonitoringNames, useOccurredAt } from './labels.tsx';
import { MapPanel, type MapReport, toMapReport } from './MapPanel.tsx';
import { MissionFilter } from './MissionFilter.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import { ReportsToolbar } from './ReportsToolbar.tsx';

const FILTER_KEYS = ['status', 'category', 'region', 'from', 'to', 'q', 'mission', 'collection'] as const;

/** The filters from the page's address (so a filtered list can be shared as a link). */
function filtersOf(params: URLSearchParams): Filters {
  const status = params.get('status');
  return {
    status: REPORT_STATUSES.includes(status as ReportStatus) ? (status as ReportStatus) : null,
    category: params.get('category'),
    region: params.get('region'),
    from: params.get('from'),
    to: params.get('to'),
    q: params.get('q'),
    mission: params.get('mission'),
    collection: params.get('collection'),
  };
}

/** The category's own name, with its parent's beneath in small type. */
function CategoryCell({ code }: { code: string }) {
  const names = useMonitoringNames();
  const { name, parent } = names.categoryParts(code);
  return (
    <Stack gap={0}>
      <Text size="sm">{name}</Text>
      {parent ? (
        <Text size="xs" c="dimmed">
          {parent}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Reports from the field the reader may see: filters, the map of their points over the
 * monitoring regions (a point opens its report), and the list, newest first, a page at a time.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useMonitoringNames();
  const occurredAt = useOccurredAt();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [search, setSearch] = useState(filters.q ?? '');
  const [importing, setImporting] = useState(false);
  const [words] = useDebouncedValue(search.trim(), 300);

  const change = (patch: Partial<Filters>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const key of FILTER_KEYS) {
          if (!(key in patch)) continue;
          const value = patch[key];
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the words typed only
  useEffect(() => {
    if ((filters.q ?? '') !== words) change({ q: words || null });
  }, [words]);

  const list = useReportList(filters);
  const points = useReportPoints(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mapped = (points.data?.items ?? []).map(toMapReport).filter((r): r is MapReport => !!r);

  const columns: Column<Report>[] = [
    {
      key: 'reference',
      header: t('monitoring.list.reference'),
      width: 120,
      cell: (r) => (
        <Anchor
          component={Link}
          to={`/reports/${r.id}`}
          fw={600}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="report-link"
        >
          {r.reference}
        </Anchor>
      ),
    },
    {
      key: 'when',
      header: t('monitoring.list.when'),
      width: 170,
      cell: (r) => <Text size="sm">{occurredAt(r.occurredAt, r.timePrecision)}</Text>,
    },
    {
      key: 'category',
      header: t('monitoring.list.category'),
      cell: (r) => <CategoryCell code={r.category} />,
    },
    {
      key: 'region',
      header: t('monitoring.list.region'),
      cell: (r) => <Text size="sm">{names.region(r.region)}</Text>,
    },
    {
      key: 'status',
      header: t('monitoring.list.status'),
      cell: (r) => <ReportStatusBadge status={r.status} />,
    },
    {
      key: 'title',
      header: t('monitoring.list.title'),
      cell: (r) => (
        <Text size="sm" lineClamp={2}>
          {r.title}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring.list.heading')}
        description={t('monitoring.list.description')}
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
              data-testid="import-reports"
            >
              {t('monitoring.import.button')}
            </Button>
            <Button
              component={Link}
              to="/reports/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-report"
            >
              {t('monitoring.list.new')}
            </Button>
          </Group>
        }
      />
      <ImportReportsModal opened={importing} onClose={() => setImporting(false)} />
      {filters.mission ? (
        <MissionFilter id={filters.mission} onClear={() => change({ mission: null })} />
      ) : null}
      <ReportsToolbar filters={filters} onChange={change} />
      <ReportFilters filters={filters} search={search} onSearch={setSearch} onChange={change} />
      <Stack gap="md">
        <Card p="md" data-testid="reports-map">
          <Stack gap={6}>
            <MapPanel
              reports={mapped}
              onOpen={(id) => void navigate(`/reports/${id}`)}
              size={[1000, 400]}
              title={t('monitoring.map.title')}
            />
            <Text size="xs" c="dimmed">
              {(points.data?.items.length ?? 0) >= MAP_LIMIT
                ? t('monitoring.map.newestOnly', { count: MAP_LIMIT })
                : t('monitoring.map.hint')}
            </Text>
          </Stack>
        </Card>
        <QueryState query={list}>
          {() => (
            <Stack gap="sm">
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(r) => r.id}
                caption={t('monitoring.list.heading')}
                empty={t('monitoring.list.empty')}
                minWidth={860}
                testId="reports-table"
              />
              <LoadMore
                pages={list}
                label={t('monitoring.list.loadMore')}
                testId="reports-load-more"
                end={
                  rows.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('monitoring.list.end', { count: rows.length })}
                    </Text>
                  ) : null
                }
              />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
