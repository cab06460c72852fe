import { Box, Group, Text } from '@mantine/core';
import { geoArea, geoPath } from 'd3-geo';
import type { Polygon } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { countryShapes, fittedProjection } from '../clearances/map/geometry.ts';
import { focusOn, type Outline } from '../monitoring/map/focus.ts';
import type { Box4, Cluster, LevelledRegion } from './mapTypes.ts';

const SHAPES = countryShapes(world as unknown as Topology);
const WIDTH = 760;
const HEIGHT = 480;

/**
 * The situation room's offline map: every region watched, filled in the colour of its alert
 * level, and the reports gathered in cells (a circle sized by how many). A circle of one
 * report opens it; a larger one narrows the view to its cell.
 */
export function SituationMap({
  regions,
  clusters,
  cellDegrees,
  view,
  onOpen,
  onZoom,
  legend,
  title,
}: {
  regions: LevelledRegion[];
  clusters: Cluster[];
  cellDegrees: number;
  /** The box shown; the regions' extent when null. */
  view: Box4 | null;
  onOpen: (reportId: string) => void;
  onZoom: (box: Box4) => void;
  legend: { level: number; name: string; colour: string }[];
  title: string;
}) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const key = JSON.stringify([regions.map((r) => [r.code, r.area]), view]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, not the identity
  const drawing = useMemo(() => {
    const outlines = regions.map((r) => r.area).filter((a): a is Outline => !!a && a.length >= 3);
    const fit = view
      ? focusOn(
          [
            [
              [view[0], view[1]],
              [view[2], view[3]],
            ],
          ],
          [],
        )
      : focusOn(outlines, []);
    const projection = fittedProjection(fit, WIDTH, HEIGHT);
    const path = geoPath(projection);
    const countries = SHAPES.map((s) => ({ id: s.id, d: path(s.feature) ?? '' })).filter((c) => c.d);
    const areas = regions.flatMap((r) => {
      if (!r.area || r.area.length < 3) return [];
      const polygon: Polygon = {
        type: 'Polygon',
        coordinates: [[...r.area, r.area[0]].map(([x, y]) => [x, y])],
      };
      if (geoArea(polygon) > 2 * Math.PI) polygon.coordinates[0].reverse();
      return [{ code: r.code, d: path(polygon) ?? '' }];
    });
    return { projection, countries, areas };
  }, [key]);

  const largest = Math.max(1, ...clusters.map((c) => c.count));
  const circles = clusters.flatMap((c) => {
    const xy = drawing.projection([c.longitude, c.latitude]);
    if (!xy || xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT) return [];
    return [{ ...c, xy, r: 4 + 11 * Math.sqrt(c.count / largest) }];
  });
  const open = (c: (typeof circles)[number]) => {
    if (c.count === 1 && c.reportId) onOpen(c.reportId);
    else {
      const half = cellDegrees / 2;
      const r = (n: number) => Math.round(n * 1000) / 1000;
      onZoom([
        r(Math.max(-180, c.longitude - half)),
        r(Math.max(-90, c.latitude - half)),
        r(Math.min(180, c.longitude + half)),
        r(Math.min(90, c.latitude + half)),
      ]);
    }
  };

  return (
    <Box data-testid="situation-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing holding buttons, not a form */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="group"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        style={{
          display: 'block',
          background: '#f4f7fb',
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <title id={`${uid}-title`}>{title}</title>
        <desc id={`${uid}-desc`}>
          {regions.map((r) => `${r.name}: ${r.levelName}`).join('; ')}.{' '}
          {t('alerts.map.clusters', { count: clusters.reduce((n, c) => n + c.count, 0) })}
        </desc>
        <g aria-hidden>
          {drawing.countries.map((c) => (
            <path key={c.id} d={c.d} fill="#fbfcfd" stroke="#ced4da" strokeWidth={0.6} />
          ))}
        </g>
        <g>
          {drawing.areas.map(({ code, d }) => {
            const a = regions.find((r) => r.code === code);
            return a ? (
              <path
                key={code}
                d={d}
                fill={a.colour}
                fillOpacity={0.45}
                stroke={a.colour}
                strokeWidth={1.6}
                data-region={a.code}
                data-level={a.level}
              >
                <title>{`${a.name}: ${a.levelName}`}</title>
              </path>
            ) : null;
          })}
        </g>
        <g>
          {circles.map((c) => (
            // biome-ignore lint/a11y/useSemanticElements: an SVG circle cannot be a button element
            <g
              key={`${c.latitude},${c.longitude}`}
              transform={`translate(${c.xy[0]},${c.xy[1]})`}
              role="button"
              tabIndex={0}
              aria-label={t(c.count === 1 ? 'alerts.map.openOne' : 'alerts.map.zoomTo', { count: c.count })}
              onClick={() => open(c)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  open(c);
                }
              }}
              style={{ cursor: 'pointer' }}
              data-testid="report-cluster"
              data-count={c.count}
            >
              <circle r={c.r} fill="#1b365d" fillOpacity={0.6} stroke="white" strokeWidth={1} />
              {c.count > 1 ? (
                <text textAnchor="middle" dy="0.35em" fontSize={11} fontWeight={600} fill="white">
                  {c.count}
                </text>
              ) : null}
            </g>
          ))}
        </g>
        {/* The regions' edges again above the reports, so a level shows under a crowd of circles. */}
        <g aria-hidden pointerEvents="none">
          {drawing.areas.map(({ code, d }) => {
            const a = regions.find((r) => r.code === code);
            return a ? (
              <path key={code} d={d} fill="none" stroke={a.colour} strokeWidth={2.5} strokeLinejoin="round" />
            ) : null;
          })}
        </g>
      </svg>
      <Group
        gap="md"
        mt="xs"
        component="ul"
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('alerts.map.legend')}
      >
        {legend.map((l) => (
          <Group key={l.level} gap={6} component="li" wrap="nowrap">
            <Box w={14} h={14} style={{ background: l.colour, borderRadius: 3, opacity: 0.8 }} aria-hidden />
            <Text size="xs">{l.name}</Text>
          </Group>
        ))}
        <Group gap={6} component="li" wrap="nowrap">
          <svg width={14} height={14} aria-hidden>
            <circle cx={7} cy={7} r={6} fill="#1b365d" fillOpacity={0.78} />
          </svg>
          <Text size="xs">{t('alerts.map.reports')}</Text>
        </Group>
      </Group>
    </Box>
  );
}

export default SituationMap;
