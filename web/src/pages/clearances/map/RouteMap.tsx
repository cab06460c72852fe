import { Box, Group, Text } from '@mantine/core';
import { geoPath } from 'd3-geo';
import type { LineString } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import {
  countryShapes,
  fittedProjection,
  focusOf,
  type MapLeg,
  type MapPoint,
  numericId,
  routeStops,
} from './geometry.ts';
import { MAP_STATUS_STYLE, PatternDef, StatusSwatch } from './patterns.tsx';

export type { MapLeg, MapPoint } from './geometry.ts';

const WIDTH = 640;
const HEIGHT = 420;
const SHAPES = countryShapes(world as unknown as Topology);

/**
 * An offline map of the member states (world-atlas shapes, bundled) with a route drawn
 * through its crossing points in order. The states on the route are filled by their leg's
 * status, with a pattern and a label; neighbours are faint. Fitted to the route, or to the
 * member states when there is none. The title and description say the route in words.
 */
export function RouteMap({
  members,
  points,
  legs,
  stateName,
  statusLabel,
  title,
  height,
}: {
  /** ISO alpha-2 codes of the member states. */
  members: string[];
  points: MapPoint[];
  legs: MapLeg[];
  stateName: (code: string) => string;
  statusLabel: (status: string) => string;
  title?: string;
  /** The drawn height in pixels; the width follows the container. */
  height?: number;
}) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  // Callers often pass new arrays with the same content; redraw (all the shapes, which is
  // not cheap) only when what is drawn changes.
  const key = JSON.stringify([members, legs, points.map((p) => [p.code, p.lat, p.lon])]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, not the identity
  const stops = useMemo(() => routeStops(legs, points), [key]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, not the identity
  const drawing = useMemo(() => {
    const memberIds = new Set(members.map(numericId).filter((id): id is string => !!id));
    const memberShapes = SHAPES.filter((s) => memberIds.has(s.id)).map((s) => s.feature);
    const projection = fittedProjection(focusOf(stops, memberShapes), WIDTH, HEIGHT);
    const path = geoPath(projection);
    const legByShape = new Map<string, MapLeg>();
    for (const leg of legs) {
      const id = numericId(leg.state);
      if (id) legByShape.set(id, leg);
    }
    const countries = SHAPES.map((s) => ({
      id: s.id,
      name: s.feature.properties.name,
      d: path(s.feature) ?? '',
      member: memberIds.has(s.id),
      leg: legByShape.get(s.id) ?? null,
    })).filter((c) => c.d);
    const line: LineString = {
      type: 'LineString',
      coordinates: stops.map((s) => [s.point.lon, s.point.lat]),
    };
    // A point's name is written beside it unless an earlier named point is too close (the
    // name is still in the marker's title and in the description).
    const named: [number, number][] = [];
    const markers = stops.map((s) => {
      const [x, y] = projection([s.point.lon, s.point.lat]) ?? [0, 0];
      const showName = named.every(([nx, ny]) => Math.hypot(nx - x, ny - y) > 110);
      if (showName) named.push([x, y]);
      // The first name goes before its marker, the route after it; names near the right edge go left.
      const anchor: 'start' | 'end' = (s.order === 1 && x > 160) || x > WIDTH - 160 ? 'end' : 'start';
      return { ...s, x, y, showName, anchor };
    });
    // A transit state is labelled between its entry and exit; a state with one point on the
    // route (where the movement starts or ends) in the middle of its part of the map. A label
    // that would sit on an earlier one moves down a line.
    const placed: [number, number][] = [];
    const labels = legs.map((leg) => {
      const own = [leg.entry, leg.exit]
        .map((code) => markers.find((m) => m.point.code === code))
        .filter((m): m is (typeof markers)[number] => !!m);
      const shape = SHAPES.find((s) => s.id === numericId(leg.state));
      let at: [number, number] | null = null;
      if (own.length === 2) at = [(own[0].x + own[1].x) / 2, (own[0].y + own[1].y) / 2 + 20];
      else if (shape) {
        const [[x0, y0], [x1, y1]] = path.bounds(shape.feature);
        if (Number.isFinite(x0) && x1 > x0) at = [(x0 + x1) / 2, (y0 + y1) / 2];
      }
      if (!at && own.length === 1) at = [own[0].x, own[0].y + 24];
      if (at) {
        const spot = at;
        while (placed.some(([x, y]) => Math.abs(x - spot[0]) < 150 && Math.abs(y - spot[1]) < 18))
          spot[1] += 20;
        placed.push(spot);
      }
      return { leg, at };
    });
    return { countries, routePath: stops.length > 1 ? (path(line) ?? '') : '', markers, labels };
  }, [key]);

  const statuses = [...new Set(legs.map((l) => l.status))];
  const description =
    legs.length === 0
      ? t('clearances.map.noRoute')
      : legs
          .map((leg) => {
            const entry = points.find((p) => p.code === leg.entry)?.name;
            const exit = points.find((p) => p.code === leg.exit)?.name;
            const parts = [
              entry ? t('clearances.map.entersAt', { point: entry }) : null,
              exit ? t('clearances.map.leavesAt', { point: exit }) : null,
            ].filter(Boolean);
            return `${stateName(leg.state)} (${statusLabel(leg.status)})${parts.length ? `: ${parts.join(', ')}` : ''}`;
          })
          .join('; ');

  return (
    <Box data-testid="route-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={height}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        style={{
          display: 'block',
          background: '#f4f7fb',
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <title id={`${uid}-title`}>{title ?? t('clearances.map.title')}</title>
        <desc id={`${uid}-desc`} data-testid="route-map-description">
          {description}
        </desc>
        <defs>
          {statuses.map((s) => (
            <PatternDef key={s} id={`${uid}-${s}`} status={s} />
          ))}
          <marker
            id={`${uid}-arrow`}
            viewBox="0 0 10 10"
            refX={5}
            refY={5}
            markerWidth={5}
            markerHeight={5}
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#1b365d" />
          </marker>
        </defs>
        <g>
          {drawing.countries.map((c) => (
            <path
              key={c.id}
              d={c.d}
              fill={c.leg ? `url(#${uid}-${c.leg.status})` : c.member ? '#e3e9f1' : '#fbfcfd'}
              stroke={
                c.leg ? (MAP_STATUS_STYLE[c.leg.status]?.ink ?? '#1b365d') : c.member ? '#889fbf' : '#ced4da'
              }
              strokeWidth={c.leg ? 1.4 : c.member ? 0.9 : 0.5}
              data-state={c.leg?.state}
              data-status={c.leg?.status}
            >
              <title>{c.leg ? `${stateName(c.leg.state)}: ${statusLabel(c.leg.status)}` : c.name}</title>
            </path>
          ))}
        </g>
        {drawing.routePath ? (
          <path
            d={drawing.routePath}
            fill="none"
            stroke="#1b365d"
            strokeWidth={2.5}
            strokeDasharray="7 4"
            strokeLinejoin="round"
            data-testid="route-line"
          />
        ) : null}
        {drawing.labels.map(({ leg, at }) =>
          at ? (
            <text
              key={leg.state}
              x={at[0]}
              y={at[1]}
              textAnchor="middle"
              fontSize={14}
              fontWeight={700}
              fill={MAP_STATUS_STYLE[leg.status]?.ink ?? '#1b365d'}
              stroke="white"
              strokeWidth={3.5}
              paintOrder="stroke"
              aria-hidden
            >
              {`${leg.state} · ${statusLabel(leg.status)}`}
            </text>
          ) : null,
        )}
        {drawing.markers.map((m) => (
          <g key={m.point.code} transform={`translate(${m.x},${m.y})`} data-testid="route-stop">
            <title>{`${m.order}. ${m.point.name}`}</title>
            <circle r={9} fill="#1b365d" stroke="white" strokeWidth={2} />
            <text textAnchor="middle" dy={4} fontSize={10} fontWeight={700} fill="white" aria-hidden>
              {m.order}
            </text>
            {m.showName ? (
              <text
                x={m.anchor === 'end' ? -13 : 13}
                dy={-8}
                textAnchor={m.anchor}
                fontSize={12}
                fill="#1b365d"
                stroke="white"
                strokeWidth={3}
                paintOrder="stroke"
                aria-hidden
              >
                {m.point.name}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      {statuses.length > 0 ? (
        <Group
          gap="md"
          mt="xs"
          component="ul"
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('clearances.map.legend')}
        >
          {statuses.map((s) => (
            <Group key={s} gap={6} component="li" wrap="nowrap">
              <StatusSwatch status={s} />
              <Text size="xs">{statusLabel(s)}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
    </Box>
  );
}

export default RouteMap;
