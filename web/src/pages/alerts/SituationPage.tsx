import { Anchor, Button, Card, Center, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { IconDownload, IconPrinter, IconZoomOut } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { reportsExportHref } from '../../api/links.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { reportQuery, useLevels, useReportClusters } from './api.ts';
import { useScale } from './labels.tsx';
import { type Box4, extentOf } from './mapTypes.ts';
import { filterQuery, SituationFilterBar, useSituationFilters } from './SituationFilters.tsx';
import {
  ConsultationsPanel,
  DecisionsPanel,
  LevelsPanel,
  OpenAlertsPanel,
  QueuePanel,
} from './SituationPanels.tsx';
import { TimelinePanel } from './SituationTimeline.tsx';

/** The map's shapes are large; they load with the map. */
const SituationMap = lazy(() => import('./SituationMap.tsx'));

const parseBox = (s: string | null): Box4 | null => {
  const parts = s?.split(',').map(Number) ?? [];
  return parts.length === 4 && parts.every(Number.isFinite) ? (parts as Box4) : null;
};

/**
 * The duty officer's one screen: the regions on the map in their alert levels' colours with
 * the reports gathered in cells, and beside it the levels, open alerts, the review queue,
 * consultations and decisions pending. It follows the record live (the module's `live`).
 */
export function SituationPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const scale = useScale();
  const { filters, change } = useSituationFilters();
  const levels = useLevels();

  const watched = (levels.data?.items ?? []).filter(
    (l) => !filters.region || l.region.code === filters.region,
  );
  const regions = watched.map((l) => {
    const outline = scale.regions.find((r) => r.code === l.region.code)?.area ?? null;
    return {
      code: l.region.code,
      name: text(l.region.name),
      area: outline,
      level: l.level.level,
      levelName: text(l.level.name),
      colour: l.level.colour,
    };
  });
  const zoomed = parseBox(filters.bbox);
  const extent = extentOf(regions.map((r) => r.area).filter((a) => !!a) as [number, number][][]);
  const box = zoomed ?? extent;
  const clusters = useReportClusters({ ...filters, bbox: box ? box.join(',') : null });
  const exportQuery = reportQuery({ ...filters, bbox: zoomed ? filters.bbox : null });
  const legend = scale.scale.map((l) => ({ level: l.level, name: text(l.name), colour: l.colour }));

  return (
    <>
      <PageHeader
        title={t('alerts.situation.heading')}
        description={t('alerts.situation.description')}
        actions={
          <>
            <Button
              component={Link}
              to={`/situation/brief${filterQuery(filters)}`}
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              data-testid="brief-link"
            >
              {t('alerts.situation.brief')}
            </Button>
            <Button
              component="a"
              href={reportsExportHref('csv', exportQuery)}
              variant="subtle"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="export-csv"
            >
              CSV
            </Button>
            <Button
              component="a"
              href={reportsExportHref('geojson', exportQuery)}
              variant="subtle"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="export-geojson"
            >
              GeoJSON
            </Button>
          </>
        }
      />
      <SituationFilterBar filters={filters} onChange={change} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Card p="md" withBorder data-testid="situation-map-card">
              <Suspense
                fallback={
                  <Center h={320}>
                    <Loader size="sm" aria-label={t('common.loading')} />
                  </Center>
                }
              >
                <SituationMap
                  regions={regions}
                  clusters={clusters.data?.clusters ?? []}
                  cellDegrees={clusters.data?.cellDegrees ?? 1}
                  view={zoomed}
                  onOpen={(id) => void navigate(`/reports/${id}`)}
                  onZoom={(b) => change({ bbox: b.join(',') })}
                  legend={legend}
                  title={t('alerts.situation.mapTitle')}
                />
              </Suspense>
              <Group justify="space-between" mt={6} gap="xs">
                <Text size="xs" c="dimmed">
                  {t('alerts.situation.mapHint', { count: clusters.data?.total ?? 0 })}
                </Text>
                {zoomed ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    onClick={() => change({ bbox: null })}
                    data-testid="zoom-out"
                  >
                    <Group gap={4} component="span">
                      <IconZoomOut size={14} aria-hidden />
                      {t('alerts.situation.zoomOut')}
                    </Group>
                  </Anchor>
                ) : null}
              </Group>
              {(clusters.data?.regions.length ?? 0) > 0 ? (
                <Group gap="md" mt="xs">
                  {clusters.data?.regions.map((r) => (
                    <Text key={r.region} size="xs">
                      {scale.region(r.region)}: <b>{r.count}</b>
                    </Text>
                  ))}
                </Group>
              ) : null}
            </Card>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <ConsultationsPanel />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <DecisionsPanel />
              </Grid.Col>
            </Grid>
            <TimelinePanel filters={filters} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <LevelsPanel region={filters.region} onPick={(region) => change({ region, bbox: null })} />
            <OpenAlertsPanel region={filters.region} />
            <QueuePanel />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
