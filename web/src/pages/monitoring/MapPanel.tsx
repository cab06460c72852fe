import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { useMonitoringSettings } from './api.ts';
import type { MapRegion, MapReport } from './map/ReportMap.tsx';

/** The map's shapes are large; they load with the map, not with the rest of the UI. */
const ReportMap = lazy(() => import('./map/ReportMap.tsx'));

export type { MapReport } from './map/ReportMap.tsx';

/**
 * The reports map with the organisation's regions (names in the reader's language) and
 * member states, loaded on first use.
 */
export function MapPanel({
  extra = [],
  focus = [],
  reports,
  picked,
  onPick,
  onOpen,
  size,
  title,
}: {
  /** Outlines drawn besides the organisation's regions (a mission's area), named by `focus` like them. */
  extra?: MapRegion[];
  focus?: string[];
  reports?: MapReport[];
  picked?: { lat: number; lon: number } | null;
  onPick?: (point: { lat: number; lon: number }) => void;
  onOpen?: (id: string) => void;
  size?: [number, number];
  title: string;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const settings = useMonitoringSettings();
  const states = useStates();
  const regions = [
    ...(settings.data?.monitoring.regions ?? []).map((r) => ({
      code: r.code,
      name: text(r.name),
      area: r.area,
    })),
    ...extra,
  ];
  const members = (states.data?.items ?? []).map((s) => s.code);
  const stateName = (code: string) => {
    const state = states.data?.items.find((s) => s.code === code);
    return state ? text(state.name) : code;
  };
  return (
    <Suspense
      fallback={
        <Center h={240}>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      }
    >
      <ReportMap
        regions={regions}
        focus={focus}
        reports={reports}
        picked={picked}
        onPick={onPick}
        onOpen={onOpen}
        members={members}
        stateName={stateName}
        size={size}
        title={title}
      />
    </Suspense>
  );
}

/** A report as the map draws it (reports without a point are not drawn). */
export function toMapReport(report: {
  id: string;
  reference: string;
  title: string;
  withheld: boolean;
  point: { latitude: number; longitude: number } | null;
}): MapReport | null {
  if (!report.point) return null;
  return {
    id: report.id,
    lat: report.point.latitude,
    lon: report.point.longitude,
    withheld: report.withheld,
    label: `${report.reference} · ${report.title}`,
  };
}
