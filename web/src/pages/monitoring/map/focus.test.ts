import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { fittedProjection, REGION_FOCUS } from '../../clearances/map/geometry.ts';
import { focusOn, type Outline } from './focus.ts';

const KG_TJ: Outline = [
  [69.3, 39.6],
  [70.2, 39.4],
  [71.4, 39.4],
  [72.2, 39.7],
  [72.0, 40.2],
  [71.0, 40.3],
  [70.0, 40.2],
];
const AM_SOUTH: Outline = [
  [45.0, 39.9],
  [45.9, 39.7],
  [46.6, 39.2],
  [46.4, 38.85],
  [46.0, 38.9],
  [45.5, 39.5],
];
const BY_WEST: Outline = [
  [23.2, 51.6],
  [24.2, 51.5],
  [24.8, 52.5],
  [24.6, 54.0],
  [26.5, 55.7],
  [25.8, 56.0],
  [23.5, 53.9],
];

const inside = (p: [number, number] | null, w: number, h: number) =>
  !!p && p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;

describe('what a reports map fits to', () => {
  it('is the organisation region when there is nothing yet, so no path has a NaN', () => {
    expect(focusOn([], [])).toBe(REGION_FOCUS);
    const path = geoPath(fittedProjection(focusOn([], []), 640, 420));
    expect(path({ type: 'Point', coordinates: [70, 40] })).not.toMatch(/NaN/);
  });

  it('keeps every corner of regions far apart on the drawing, the middle of the southern edge too', () => {
    const projection = fittedProjection(focusOn([KG_TJ, AM_SOUTH, BY_WEST], []), 1000, 400);
    for (const [lon, lat] of [...KG_TJ, ...AM_SOUTH, ...BY_WEST]) {
      expect(inside(projection([lon, lat]), 1000, 400), `${lon},${lat}`).toBe(true);
    }
  });

  it('keeps some country around a small region and the points given', () => {
    const projection = fittedProjection(focusOn([KG_TJ], [{ lon: 70.6, lat: 39.9 }]), 520, 400);
    // Khujand, some 70 km north of the outline, is on the map.
    expect(inside(projection([69.62, 40.28]), 520, 400)).toBe(true);
  });
});
