import { describe, expect, it } from 'vitest';
import type { ReportFilters } from './api.ts';
import { filtersOfSaved, savedFilterOf } from './collectionsApi.ts';

describe('saved report filters', () => {
  it('the page filters saved as the list query come back the same', () => {
    const filters: ReportFilters = {
      status: 'verified',
      category: 'armed-clash',
      region: 'kg-tj-border',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'Vorukh',
      mission: null,
      collection: '6d11c552-4644-4c4f-ad93-95469edc7410',
    };
    const saved = savedFilterOf(filters);
    expect(saved).toEqual({
      status: ['verified'],
      category: ['armed-clash'],
      region: ['kg-tj-border'],
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-30T23:59:59.999Z',
      q: 'Vorukh',
      collection: '6d11c552-4644-4c4f-ad93-95469edc7410',
    });
    expect(filtersOfSaved(saved as Record<string, unknown>)).toEqual(filters);
  });

  it('no filter set saves an empty filter, and an empty one clears every filter', () => {
    const none: ReportFilters = { status: null, category: null, region: null, from: null, to: null, q: null };
    expect(savedFilterOf(none)).toEqual({});
    expect(filtersOfSaved({})).toEqual({ ...none, mission: null, collection: null });
  });
});
