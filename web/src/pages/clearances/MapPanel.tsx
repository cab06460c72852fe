import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLegStatusLabel, useStateName } from './labels.tsx';
import type { MapLeg, MapPoint } from './map/geometry.ts';

/** The map's shapes are large; they load with the map, not with the rest of the UI. */
const RouteMap = lazy(() => import('./map/RouteMap.tsx'));

/** The route map with the app's state names and status labels, loaded on first use. */
export function MapPanel({
  legs,
  points,
  members,
  height,
}: {
  legs: MapLeg[];
  points: MapPoint[];
  members: string[];
  height?: number;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const statusLabel = useLegStatusLabel();
  return (
    <Suspense
      fallback={
        <Center h={240}>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      }
    >
      <RouteMap
        legs={legs}
        points={points}
        members={members}
        stateName={stateName}
        statusLabel={statusLabel}
        height={height}
      />
    </Suspense>
  );
}
