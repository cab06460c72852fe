import type { Outline } from '../monitoring/map/focus.ts';

/** The situation map's shapes and boxes (kept apart from the map, which loads on first use). */

export interface LevelledRegion {
  code: string;
  name: string;
  area: Outline | null;
  level: number;
  levelName: string;
  colour: string;
}

export interface Cluster {
  latitude: number;
  longitude: number;
  count: number;
  reportId: string | null;
}

/** A box of the map: west, south, east, north. */
export type Box4 = [number, number, number, number];

/** The outlines' extent widened a little, as the reports API's `bbox`. */
export function extentOf(outlines: Outline[]): Box4 | null {
  const points = outlines.flat();
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const r = (n: number) => Math.round(n * 100) / 100;
  return [
    r(Math.max(-180, Math.min(...lons) - 2)),
    r(Math.max(-90, Math.min(...lats) - 2)),
    r(Math.min(180, Math.max(...lons) + 2)),
    r(Math.min(90, Math.max(...lats) + 2)),
  ];
}
