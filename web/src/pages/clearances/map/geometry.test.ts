import { geoPath } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-110m.json';
import {
  countryShapes,
  fittedProjection,
  focusOf,
  ISO_NUMERIC,
  numericId,
  REGION_FOCUS,
  routeStops,
} from './geometry.ts';

const POINTS = [
  { code: 'BREST', name: 'Brest', lat: 52.08, lon: 23.7 },
  { code: 'KRASNOE', name: 'Krasnoye', lat: 54.58, lon: 31.43 },
  { code: 'TROITSK', name: 'Troitsk', lat: 54.1, lon: 61.57 },
  { code: 'ALMATY', name: 'Almaty airport', lat: 43.35, lon: 77.04 },
];

const LEGS = [
  { state: 'BY', entry: 'BREST', exit: 'KRASNOE', status: 'approved' },
  { state: 'RU', entry: 'KRASNOE', exit: 'TROITSK', status: 'pending' },
  { state: 'KZ', entry: 'TROITSK', exit: 'ALMATY', status: 'denied' },
];

const shapes = countryShapes(world as unknown as Topology);

describe('member state ids', () => {
  it('maps every member state to its world-atlas shape', () => {
    expect(numericId('am')).toBe('051');
    expect(numericId('RU')).toBe('643');
    expect(numericId('XX')).toBeNull();
    const names = Object.fromEntries(
      Object.entries(ISO_NUMERIC).map(([code, id]) => [
        code,
        shapes.find((s) => s.id === id)?.feature.properties.name,
      ]),
    );
    expect(names).toEqual({
      AM: 'Armenia',
      BY: 'Belarus',
      KZ: 'Kazakhstan',
      KG: 'Kyrgyzstan',
      RU: 'Russia',
      TJ: 'Tajikistan',
    });
  });
});

describe('route stops', () => {
  it('lists the crossing points in order, a shared border crossing once', () => {
    expect(routeStops(LEGS, POINTS).map((s) => `${s.order}:${s.point.code}`)).toEqual([
      '1:BREST',
      '2:KRASNOE',
      '3:TROITSK',
      '4:ALMATY',
    ]);
  });

  it('skips points not chosen yet and codes it does not know', () => {
    const legs = [
      { state: 'BY', entry: 'BREST', exit: null, status: 'draft' },
      { state: 'RU', entry: 'NOWHERE', exit: 'TROITSK', status: 'draft' },
    ];
    expect(routeStops(legs, POINTS).map((s) => s.point.code)).toEqual(['BREST', 'TROITSK']);
  });
});

describe('fitting', () => {
  const inside = (p: [number, number] | null, w: number, h: number) =>
    !!p && p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;

  it('fits every stop of the route inside the drawing, with its margin', () => {
    const stops = routeStops(LEGS, POINTS);
    const projection = fittedProjection(focusOf(stops, []), 800, 480, 16);
    for (const s of stops) {
      const p = projection([s.point.lon, s.point.lat]) as [number, number];
      expect(p[0]).toBeGreaterThanOrEqual(16 - 0.5);
      expect(p[0]).toBeLessThanOrEqual(800 - 16 + 0.5);
      expect(p[1]).toBeGreaterThanOrEqual(16 - 0.5);
      expect(p[1]).toBeLessThanOrEqual(480 - 16 + 0.5);
    }
    // West is left, north is up.
    const brest = projection([23.7, 52.08])!;
    const almaty = projection([77.04, 43.35])!;
    expect(brest[0]).toBeLessThan(almaty[0]);
    expect(brest[1]).toBeLessThan(almaty[1]);
  });

  it('keeps a short route in context: at least a few degrees around it', () => {
    const stops = routeStops([{ state: 'BY', entry: 'BREST', exit: null, status: 'pending' }], POINTS);
    const projection = fittedProjection(focusOf(stops, []), 800, 480);
    // Minsk, some 330 km from Brest, is on the map too.
    expect(inside(projection([27.56, 53.9]), 800, 480)).toBe(true);
  });

  it('fits the member states when there is no route', () => {
    const members = shapes.filter((s) => Object.values(ISO_NUMERIC).includes(s.id)).map((s) => s.feature);
    const projection = fittedProjection(focusOf([], members), 800, 480);
    for (const [lon, lat] of [
      [44.5, 40.2], // Yerevan
      [27.56, 53.9], // Minsk
      [71.45, 51.17], // Astana
      [74.6, 42.87], // Bishkek
      [37.62, 55.75], // Moscow
      [68.78, 38.56], // Dushanbe
      [158.65, 53.02], // Petropavlovsk-Kamchatsky
    ]) {
      expect(inside(projection([lon, lat]), 800, 480)).toBe(true);
    }
  });
});

describe('a map with nothing to fit yet', () => {
  it('fits the region, so no shape gets a NaN path (the board before the states load)', () => {
    expect(focusOf([], [])).toBe(REGION_FOCUS);
    const path = geoPath(fittedProjection(focusOf([], []), 640, 420));
    const broken = shapes.filter((s) => /NaN/.test(path(s.feature) ?? ''));
    expect(broken.map((s) => s.feature.properties.name)).toEqual([]);
    const [x, y] = fittedProjection(focusOf([], []), 640, 420)([37.6, 55.75]) ?? [Number.NaN, Number.NaN];
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
