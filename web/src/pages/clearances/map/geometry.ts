import { type GeoProjection, geoConicConformal } from 'd3-geo';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The pure part of the route map: which world-atlas shape is which member state, the
 * points a route passes through in order, and a projection fitted to what must be seen.
 */

/** ISO 3166 alpha-2 -> numeric, as world-atlas names its countries ("051"). */
export const ISO_NUMERIC: Record<string, string> = {
  AM: '051',
  BY: '112',
  KZ: '398',
  KG: '417',
  RU: '643',
  TJ: '762',
};

/** The world-atlas id of a state's shape, or null when the map does not know it. */
export function numericId(alpha2: string): string | null {
  return ISO_NUMERIC[alpha2.toUpperCase()] ?? null;
}

export interface MapPoint {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

export interface MapLeg {
  state: string;
  /** Crossing point codes; null when unknown (a leg still being written). */
  entry: string | null;
  exit: string | null;
  status: string;
}

export interface RouteStop {
  point: MapPoint;
  /** 1-based order along the route. */
  order: number;
}

/**
 * The crossing points a route passes through, in order, without repeating a point shared by
 * one leg's exit and the next leg's entry (a border crossing). Unknown codes are skipped.
 */
export function routeStops(legs: MapLeg[], points: MapPoint[]): RouteStop[] {
  const byCode = new Map(points.map((p) => [p.code, p]));
  const codes: string[] = [];
  for (const leg of legs) {
    for (const code of [leg.entry, leg.exit]) {
      if (code && byCode.has(code) && codes[codes.length - 1] !== code) codes.push(code);
    }
  }
  return codes.map((code, i) => ({ point: byCode.get(code)!, order: i + 1 }));
}

export interface CountryShape {
  id: string;
  feature: Feature<Geometry, { name: string }>;
}

/** The countries of a world-atlas topology as GeoJSON features, keyed by numeric id. */
export function countryShapes(topology: Topology): CountryShape[] {
  const collection = feature(
    topology,
    topology.objects.countries as GeometryCollection<{ name: string }>,
  ) as FeatureCollection<Geometry, { name: string }>;
  return collection.features
    .filter((f) => f.id !== undefined)
    .map((f) => ({ id: String(f.id).padStart(3, '0'), feature: f }));
}

/** Degrees of longitude and latitude a route view shows at least, so a short route keeps its context. */
const MIN_SPAN = 8;

/**
 * The region of the organisation (Armenia to Chukotka), for a map with nothing else to fit
 * yet: fitting a projection to nothing gives it a NaN scale, and every shape drawn with it
 * a path of NaNs (which the browser refuses, one console error per country).
 */
export const REGION_FOCUS: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [40, 36],
    [180, 36],
    [40, 72],
    [180, 72],
  ],
};

/**
 * What the map fits to: the route's points, widened to at least MIN_SPAN degrees around
 * their middle; with no route, the member states' shapes; with neither (the states not
 * loaded yet), the organisation's region.
 */
export function focusOf(
  stops: RouteStop[],
  memberShapes: Feature<Geometry, GeoJsonProperties>[],
): MultiPoint | FeatureCollection<Geometry, GeoJsonProperties> {
  if (stops.length === 0)
    return memberShapes.length ? { type: 'FeatureCollection', features: memberShapes } : REGION_FOCUS;
  const lons = stops.map((s) => s.point.lon);
  const lats = stops.map((s) => s.point.lat);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const midLon = (minLon + maxLon) / 2;
  const midLat = (minLat + maxLat) / 2;
  // Room around the route for the labels of its points and a little of the neighbours.
  const halfLon = (Math.max(maxLon - minLon, MIN_SPAN) / 2) * 1.15 + 2;
  const halfLat = (Math.max(maxLat - minLat, MIN_SPAN / 2) / 2) * 1.15 + 2;
  return {
    type: 'MultiPoint',
    coordinates: [
      [midLon - halfLon, midLat - halfLat],
      [midLon + halfLon, midLat - halfLat],
      [midLon - halfLon, midLat + halfLat],
      [midLon + halfLon, midLat + halfLat],
      ...stops.map((s) => [s.point.lon, s.point.lat]),
    ],
  };
}

/** The middle longitude of the focus, so the conic projection is centred on it. */
function centralLongitude(focus: MultiPoint | FeatureCollection<Geometry, GeoJsonProperties>): number {
  if (focus.type === 'MultiPoint') {
    const lons = focus.coordinates.map((c) => c[0]);
    return (Math.min(...lons) + Math.max(...lons)) / 2;
  }
  // The member states of the organisation lie between Armenia and Chukotka; the middle of
  // Eurasia's north keeps Russia whole without cutting it at the antimeridian.
  return 75;
}

/**
 * A conformal conic projection (as atlases draw this part of the world) centred on the
 * focus and fitted into width x height with a margin.
 */
export function fittedProjection(
  focus: MultiPoint | FeatureCollection<Geometry, GeoJsonProperties>,
  width: number,
  height: number,
  margin = 16,
): GeoProjection {
  const lon = centralLongitude(focus);
  return geoConicConformal()
    .rotate([-lon, 0])
    .parallels([45, 65])
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      focus,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}
