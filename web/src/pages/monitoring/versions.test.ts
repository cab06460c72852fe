import { describe, expect, it } from 'vitest';
import type { ReportVersion } from './api.ts';
import { changesBetween } from './versions.ts';

const first: ReportVersion = {
  version: 1,
  title: 'Exchange of fire at the border post',
  description: 'Shots heard for about ten minutes.',
  category: 'armed-clash',
  occurredAt: '2026-12-05T06:00:00.000Z',
  timePrecision: 'exact',
  point: { latitude: 39.9, longitude: 70.6, precision: 'exact' },
  place: { name: 'Isfara', distanceKm: 4, direction: 'SE' },
  region: 'kg-tj-border',
  state: 'TJ',
  actors: ['Border guards'],
  fatalities: null,
  injured: 2,
  source: { name: 'Border post commander', reliability: 'B', credibility: 2 },
  classification: 'restricted',
  protection: 'confidential',
  reason: null,
  changedBy: 'National focal point of Tajikistan',
  changedAt: '2026-12-05T06:30:00.000Z',
};

describe('the changes between versions', () => {
  it('lists nothing for the first version', () => {
    expect(changesBetween(undefined, first)).toEqual([]);
  });

  it('names each field that changed, with before and after, in the history order', () => {
    const second: ReportVersion = {
      ...first,
      version: 2,
      fatalities: 1,
      place: { name: 'Isfara', distanceKm: 5, direction: 'SE' },
      reason: 'Figures confirmed by the district hospital',
    };
    expect(changesBetween(first, second)).toEqual([
      { field: 'place', before: first.place, after: second.place },
      { field: 'fatalities', before: null, after: 1 },
    ]);
  });

  it('does not count who changed it or why as a change of the content', () => {
    expect(changesBetween(first, { ...first, version: 2, reason: 'x', changedBy: null })).toEqual([]);
  });
});
