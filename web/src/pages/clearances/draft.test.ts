import { describe, expect, it } from 'vitest';
import { emptyDraft, fromContent, move, nextLeg, toContent, utcInstant, utcWall } from './draft.ts';

describe('request draft', () => {
  it('reads the picker wall time as UTC and back', () => {
    expect(utcInstant('2026-12-01 06:00:00')).toBe('2026-12-01T06:00:00.000Z');
    expect(utcInstant('2026-12-01 06:00')).toBe('2026-12-01T06:00:00.000Z');
    expect(utcInstant(null)).toBe('');
    expect(utcWall('2026-12-01T09:00:00+03:00')).toBe('2026-12-01 06:00:00');
  });

  it('starts the next leg where the last one leaves, a day later out', () => {
    const first = {
      ...emptyDraft().legs[0],
      state: 'BY',
      exitPoint: 'BY-RU-REDKI',
      exitFrom: '2026-12-01 16:00:00',
      exitTo: '2026-12-01 18:00:00',
    };
    const next = nextLeg(first);
    expect(next).toMatchObject({
      state: null,
      entryPoint: 'BY-RU-REDKI',
      entryFrom: '2026-12-01 16:00:00',
      exitFrom: '2026-12-02 16:00:00',
      exitTo: '2026-12-02 18:00:00',
    });
    expect(nextLeg({ ...first, hosts: true }).entryPoint).toBeNull();
  });

  it('turns the form into the API content and back', () => {
    const draft = {
      ...emptyDraft(),
      title: 'Convoy',
      framework: 'exercise' as const,
      urgency: 'urgent' as const,
      purpose: ' Exercise ',
      contactName: 'Col. Ivanov',
      contactPhone: '+375 17 000 00 00',
      legs: [
        {
          ...emptyDraft().legs[0],
          state: 'KZ',
          entryPoint: 'RU-KZ-TROITSK',
          entryFrom: '2026-12-01 06:00:00',
          entryTo: '2026-12-01 08:00:00',
          hosts: true,
          stops: 'Kostanay, Astana',
        },
      ],
      assets: [
        {
          key: 'a',
          kind: 'vehicle' as const,
          type: 'Truck',
          count: 3,
          registrations: 'A1, A2\nA3',
          callSigns: '',
        },
      ],
    };
    const content = toContent(draft);
    expect(content.purpose).toBe('Exercise');
    expect(content.pointOfContact).toEqual({ name: 'Col. Ivanov', phone: '+375 17 000 00 00' });
    expect(content.legs[0]).toEqual({
      state: 'KZ',
      entry: {
        point: 'RU-KZ-TROITSK',
        window: { from: '2026-12-01T06:00:00.000Z', to: '2026-12-01T08:00:00.000Z' },
      },
      route: '',
      stops: ['Kostanay', 'Astana'],
      exit: null,
    });
    expect(content.assets[0].registrations).toEqual(['A1', 'A2', 'A3']);
    const back = fromContent(
      { title: 'Convoy', framework: 'exercise', urgency: 'urgent', classification: 'restricted' },
      content,
    );
    expect(toContent(back)).toEqual(content);
  });

  it('moves a leg up and down, not past the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
