import { describe, expect, it } from 'vitest';
import { emptyDraft, toContent, utcInstant, utcWall } from './draft.ts';

const NOW = new Date('2026-12-05T14:30:42.500Z');

describe('a report as the form sends it', () => {
  it('starts at the minute now, restricted, the source not graded, nowhere yet', () => {
    const content = toContent({ ...emptyDraft(NOW), title: ' Shelling ', category: 'armed-clash' });
    expect(content).toMatchObject({
      title: 'Shelling',
      category: 'armed-clash',
      occurredAt: '2026-12-05T14:30:00.000Z',
      timePrecision: 'exact',
      point: null,
      place: null,
      region: null,
      fatalities: null,
      injured: null,
      source: { name: null, reliability: 'F', credibility: 6 },
      classification: 'restricted',
      protection: null,
    });
  });

  it('sends a point when either coordinate is typed, so the server names the one missing', () => {
    const content = toContent({ ...emptyDraft(NOW), latitude: 39.9 });
    expect(content.point).toEqual({ latitude: 39.9, longitude: null, precision: 'exact' });
  });

  it('sends a place with its distance and direction, and a distance alone for the server to refuse', () => {
    const draft = { ...emptyDraft(NOW), placeName: ' Isfara ', distanceKm: 4 as const };
    expect(toContent({ ...draft, direction: 'SE' }).place).toEqual({
      name: 'Isfara',
      distanceKm: 4,
      direction: 'SE',
    });
    expect(toContent(draft).place).toEqual({ name: 'Isfara', distanceKm: 4, direction: null });
  });

  it('leaves out empty actors and keeps counts of zero', () => {
    const content = toContent({ ...emptyDraft(NOW), actors: [' Border guards ', ' '], fatalities: 0 });
    expect(content.actors).toEqual(['Border guards']);
    expect(content.fatalities).toBe(0);
  });
});

describe('the picker wall clock', () => {
  it('is UTC both ways', () => {
    expect(utcWall('2026-12-05T14:30:00Z')).toBe('2026-12-05 14:30:00');
    expect(utcInstant('2026-12-05 14:30')).toBe('2026-12-05T14:30:00.000Z');
    expect(utcInstant('not a time')).toBe('');
    expect(utcInstant(null)).toBe('');
  });
});
