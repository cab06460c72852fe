import { Box, Group, Text } from '@mantine/core';
import { geoArea, geoCentroid, geoPath } from 'd3-geo';
import type { Polygon } from 'geojson';
import { type MouseEvent, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { countryShapes, fittedProjection, numericId } from '../../clearances/map/geometry.ts';
import { focusOn, type Outline, roundCoordinate } from './focus.ts';

const SHAPES = countryShapes(world as unknown as Topology);
const INK = '#1b365d';

export interface MapRegion {
  code: string;
  name: string;
  area: Outline | null;
}

export interface MapReport {
  id: string;
  lat: number;
  lon: number;
  /** The point is rounded to the district for this reader: drawn as a dashed ring, not a dot. */
  withheld: boolean;
  /** What the point's title says (reference and title). */
  label: string;
}

/**
 * An offline map (world-atlas shapes, bundled; no tile server) of the monitoring regions'
 * outlines and reports' points. Exact points are dots, points withheld to the district are
 * dashed rings. With `onPick`, a click anywhere sets a point (the form); with `onOpen`, a
 * click on a point opens its report (by keyboard too).
 */
export function ReportMap({
  regions,
  focus,
  reports = [],
  picked = null,
  onPick,
  onOpen,
  members,
  stateName,
  size = [640, 420],
  title,
}: {
  regions: MapRegion[];
  /** The region codes the map fits to; every region when empty. */
  focus: string[];
  reports?: MapReport[];
  picked?: { lat: number; lon: number } | null;
  onPick?: (point: { lat: number; lon: number }) => void;
  onOpen?: (id: string) => void;
  /** ISO alpha-2 codes of the member states, drawn a little darker than their neighbours. */
  members: string[];
  /** A member state's name in the reader's language, written on the map where its middle is in view. */
  stateName: (code: string) => string;
  /** The drawing's width and height (its shape; it is drawn at the container's width). */
  size?: [number, number];
  title: string;
}) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const [WIDTH, HEIGHT] = size;
  const shown = focus.length ? regions.filter((r) => focus.includes(r.code)) : regions;
  const key = JSON.stringify([
    regions.map((r) => [r.code, r.name, r.area]),
    shown.map((r) => r.code),
    members,
    size,
    focus.length ? [] : reports.map((r) => [r.lat, r.lon]),
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, not the identity
  const drawing = useMemo(() => {
    const outlines = shown.map((r) => r.area).filter((a): a is Outline => !!a && a.length >= 3);
    // A map of every region also fits the reports outside them.
    const extra = focus.length ? [] : reports.map((r) => ({ lon: r.lon, lat: r.lat }));
    const projection = fittedProjection(focusOn(outlines, extra), WIDTH, HEIGHT);
    const path = geoPath(projection);
    const memberIds = new Set(members.map(numericId).filter((id): id is string => !!id));
    const countries = SHAPES.map((s) => ({
      id: s.id,
      name: s.feature.properties.name,
      d: path(s.feature) ?? '',
      member: memberIds.has(s.id),
    })).filter((c) => c.d);
    // Names are written where they do not cover one another: the regions' first, then the
    // member states' where room is left (every name is also in a title and in the description).
    const placed: LabelBox[] = [];
    const fits = (box: LabelBox) => placed.every((p) => !overlaps(p, box));
    const areas = regions
      .filter((r) => r.area && r.area.length >= 3)
      .map((r) => {
        const ring = [...(r.area ?? []), (r.area ?? [])[0]].map(([lon, lat]) => [lon, lat]);
        // The organisation file draws outlines either way round; d3 takes a ring's inside as
        // the smaller side only when it runs clockwise, so a ring covering most of the globe is turned.
        const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
        if (geoArea(polygon) > 2 * Math.PI) polygon.coordinates[0].reverse();
        const d = path(polygon) ?? '';
        const [[, y0], [, y1]] = path.bounds(polygon);
        const middle = projection(geoCentroid(polygon));
        const width = r.name.length * 6.6;
        // The name above the outline (below it at the top edge), from its middle, kept on the map.
        const at: [number, number] = middle
          ? [Math.min(Math.max(middle[0] - width / 2, 4), WIDTH - 4 - width), y0 > 20 ? y0 - 6 : y1 + 16]
          : [0, 0];
        const box: LabelBox = [at[0], at[1] - 12, at[0] + width, at[1] + 3];
        const visible = !!middle && inView(middle, WIDTH, HEIGHT, 0) && width < WIDTH - 8;
        const showName = visible && fits(box);
        if (showName) placed.push(box);
        return { code: r.code, name: r.name, d, at, showName };
      });
    const stateLabels = members.flatMap((code) => {
      const shape = SHAPES.find((s) => s.id === numericId(code));
      const at = shape ? projection(geoCentroid(shape.feature)) : null;
      const width = stateName(code).length * 8.5;
      if (!at || !inView(at, WIDTH, HEIGHT, width / 2 + 4)) return [];
      const box: LabelBox = [at[0] - width / 2, at[1] - 12, at[0] + width / 2, at[1] + 3];
      if (!fits(box)) return [];
      placed.push(box);
      return [{ code, at }];
    });
    return { projection, countries, areas, stateLabels };
  }, [key]);

  const project = (lon: number, lat: number) => drawing.projection([lon, lat]) ?? [Number.NaN, Number.NaN];
  // The list comes newest first; drawn oldest first, the newest report lies on top where points overlap.
  const dots = reports
    .map((r) => ({ ...r, xy: project(r.lon, r.lat) }))
    .filter(
      (r) =>
        Number.isFinite(r.xy[0]) && r.xy[0] >= 0 && r.xy[0] <= WIDTH && r.xy[1] >= 0 && r.xy[1] <= HEIGHT,
    )
    .reverse();
  const pin = picked ? project(picked.lon, picked.lat) : null;
  const anyWithheld = reports.some((r) => r.withheld);
  const anyExact = reports.some((r) => !r.withheld);

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const svg = event.currentTarget;
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const lonLat = drawing.projection.invert?.([at.x, at.y]);
    if (!lonLat || !Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1])) return;
    onPick({ lon: roundCoordinate(lonLat[0]), lat: roundCoordinate(lonLat[1]) });
  };

  return (
    <Box data-testid="report-map">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a point is also set by typing its coordinates in the form */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role={onOpen ? 'group' : 'img'}
        aria-labelledby={`${uid}-title ${uid}-desc`}
        onClick={pick}
        data-testid="report-map-canvas"
        style={{
          display: 'block',
          background: '#f4f7fb',
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-gray-3)',
          cursor: onPick ? 'crosshair' : undefined,
        }}
      >
        <title id={`${uid}-title`}>{title}</title>
        <desc id={`${uid}-desc`}>
          {[
            t('monitoring.map.regions', { names: shown.map((r) => r.name).join('; ') }),
            t('monitoring.map.points', { count: reports.length }),
          ].join(' ')}
        </desc>
        <g>
          {drawing.countries.map((c) => (
            <path
              key={c.id}
              d={c.d}
              fill={c.member ? '#e3e9f1' : '#fbfcfd'}
              stroke={c.member ? '#889fbf' : '#ced4da'}
              strokeWidth={c.member ? 0.9 : 0.5}
            >
              <title>{c.name}</title>
            </path>
          ))}
        </g>
        <g aria-hidden>
          {drawing.stateLabels.map((l) => (
            <text
              key={l.code}
              x={l.at[0]}
              y={l.at[1]}
              textAnchor="middle"
              fontSize={12}
              letterSpacing={1}
              fill="#5c6f8a"
              style={{ textTransform: 'uppercase' }}
            >
              {stateName(l.code)}
            </text>
          ))}
        </g>
        <g>
          {drawing.areas.map((a) => (
            <g key={a.code}>
              <path
                d={a.d}
                fill={INK}
                fillOpacity={focus.includes(a.code) ? 0.12 : 0.06}
                stroke={INK}
                strokeWidth={1.4}
                strokeDasharray="5 3"
                data-region={a.code}
              >
                <title>{a.name}</title>
              </path>
              {a.showName ? (
                <text
                  x={a.at[0]}
                  y={a.at[1]}
                  fontSize={12}
                  fontWeight={600}
                  fill={INK}
                  stroke="white"
                  strokeWidth={3}
                  paintOrder="stroke"
                  aria-hidden
                >
                  {a.name}
                </text>
              ) : null}
            </g>
          ))}
        </g>
        <g>
          {dots.map((r) => {
            const mark = (
              <>
                <title>{r.withheld ? `${r.label} (${t('monitoring.map.approximate')})` : r.label}</title>
                <PointMark withheld={r.withheld} />
              </>
            );
            const at = `translate(${r.xy[0]},${r.xy[1]})`;
            return onOpen ? (
              <a
                key={r.id}
                href={`/reports/${r.id}`}
                aria-label={r.label}
                onClick={(event) => {
                  // A plain click opens the report in the app; with a modifier key, the browser's way.
                  event.stopPropagation();
                  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                  event.preventDefault();
                  onOpen(r.id);
                }}
                data-testid="report-point"
                data-withheld={r.withheld}
              >
                <g transform={at}>{mark}</g>
              </a>
            ) : (
              <g key={r.id} transform={at} data-testid="report-point" data-withheld={r.withheld}>
                {mark}
              </g>
            );
          })}
        </g>
        {pin && Number.isFinite(pin[0]) ? (
          <g transform={`translate(${pin[0]},${pin[1]})`} data-testid="picked-point" pointerEvents="none">
            <circle r={11} fill="none" stroke="#c92a2a" strokeWidth={2} />
            <path d="M-16,0 h10 M6,0 h10 M0,-16 v10 M0,6 v10" stroke="#c92a2a" strokeWidth={2} />
          </g>
        ) : null}
      </svg>
      {reports.length > 0 ? (
        <Group
          gap="md"
          mt="xs"
          component="ul"
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('monitoring.map.legend')}
        >
          {anyExact ? (
            <Group gap={6} component="li" wrap="nowrap">
              <svg width={14} height={14} aria-hidden>
                <circle cx={7} cy={7} r={5} fill="#c92a2a" stroke="white" strokeWidth={1.5} />
              </svg>
              <Text size="xs">{t('monitoring.map.exact')}</Text>
            </Group>
          ) : null}
          {anyWithheld ? (
            <Group gap={6} component="li" wrap="nowrap">
              <svg width={18} height={18} aria-hidden>
                <circle
                  cx={9}
                  cy={9}
                  r={7}
                  fill="#f08c00"
                  fillOpacity={0.18}
                  stroke="#b35c00"
                  strokeWidth={1.4}
                  strokeDasharray="3 2"
                />
              </svg>
              <Text size="xs">{t('monitoring.map.withheld')}</Text>
            </Group>
          ) : null}
        </Group>
      ) : null}
    </Box>
  );
}

/** A label's box on the drawing: left, top, right, bottom. */
type LabelBox = [number, number, number, number];
const overlaps = (a: LabelBox, b: LabelBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
/** Whether a point lies on the drawing, at least `margin` from its sides. */
const inView = ([x, y]: [number, number], width: number, height: number, margin: number) =>
  Number.isFinite(x) && x >= margin && x <= width - margin && y >= 16 && y <= height - 8;

/** A report's mark: a dot at its point, or a dashed ring where the place is rounded to the district. */
function PointMark({ withheld }: { withheld: boolean }) {
  return withheld ? (
    <circle
      r={9}
      fill="#f08c00"
      fillOpacity={0.18}
      stroke="#b35c00"
      strokeWidth={1.6}
      strokeDasharray="3 2"
    />
  ) : (
    <circle r={6} fill="#c92a2a" stroke="white" strokeWidth={2} />
  );
}

export default ReportMap;
