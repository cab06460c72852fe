import type { MultiPoint } from 'geojson';
import { REGION_FOCUS } from '../../clearances/map/geometry.ts';

/** A monitoring region's outline: [longitude, latitude] pairs, as the organisation file gives them. */
export type Outline = readonly (readonly number[])[];

/** Degrees of context kept around what the map fits to, so a small region keeps its neighbours. */
const MARGIN = 1.2;
/** The smallest span (degrees of longitude) a view shows, so a single point is not a whole map. */
const MIN_SPAN = 3;

/**
 * What a reports map fits to: the outlines and points given, widened by a margin and to a
 * minimum span around their middle. With nothing to fit (settings not loaded yet), the
 * organisation's region, so the projection never has a NaN scale.
 */
export function focusOn(outlines: Outline[], points: { lon: number; lat: number }[]): MultiPoint {
  const coordinates = [...outlines.flat(), ...points.map((p) => [p.lon, p.lat] as const)];
  if (coordinates.length === 0) return REGION_FOCUS;
  const lons = coordinates.map((c) => c[0]);
  const lats = coordinates.map((c) => c[1]);
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const halfLon = Math.max(Math.max(...lons) - Math.min(...lons), MIN_SPAN) / 2 + MARGIN;
  const halfLat = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN / 2) / 2 + MARGIN;
  // The box's edges, not only its corners: on a conic projection a parallel bows, and its
  // middle would fall outside a drawing fitted to the corners alone.
  const steps = 8;
  const edges = Array.from(
    { length: steps + 1 },
    (_, i) => midLon - halfLon + (2 * halfLon * i) / steps,
  ).flatMap((lon) => [
    [lon, midLat - halfLat],
    [lon, midLat + halfLat],
  ]);
  return { type: 'MultiPoint', coordinates: edges };
}

/** A coordinate rounded for a form field: five decimals, about a metre. */
export const roundCoordinate = (degrees: number) => Math.round(degrees * 1e5) / 1e5;
