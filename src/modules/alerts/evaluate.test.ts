import { describe, expect, it } from 'vitest';
import {
  combineLevels,
  evaluateRegions,
  type IndicatorReading,
  indicatorLevel,
  levelChange,
} from './evaluate.ts';

const SCALE = { lowest: 1, highest: 5 };
const RISING = {
  code: 'incidents',
  direction: 'rising' as const,
  thresholds: [
    { level: 2, at: 3 },
    { level: 3, at: 6 },
    { level: 4, at: 10 },
    { level: 5, at: 20 },
  ],
};
// Lower is worse: e.g. days of grain in store.
const FALLING = {
  code: 'grain-days',
  direction: 'falling' as const,
  thresholds: [
    { level: 3, at: 30 },
    { level: 5, at: 7 },
  ],
};

describe('an indicator stands at the level of the last threshold its value reached', () => {
  it.each([
    [null, 1, null],
    [0, 1, null],
    [2.99, 1, null],
    [3, 2, 3],
    [5, 2, 3],
    [6, 3, 6],
    [9.5, 3, 6],
    [10, 4, 10],
    [19, 4, 10],
    [20, 5, 20],
    [1e9, 5, 20],
    [-4, 1, null],
  ])('rising, value %s: level %i (threshold at %s)', (value, level, at) => {
    const reading = indicatorLevel(RISING, value, SCALE);
    expect(reading.level).toBe(level);
    expect(reading.threshold?.at ?? null).toBe(at);
    expect(reading.value).toBe(value);
  });

  it.each([
    [null, 1],
    [90, 1],
    [30.01, 1],
    [30, 3],
    [8, 3],
    [7, 5],
    [0, 5],
  ])('falling, value %s: level %i', (value, level) => {
    expect(indicatorLevel(FALLING, value, SCALE).level).toBe(level);
  });

  it('a value that is not a number leaves the indicator at the lowest level', () => {
    expect(indicatorLevel(RISING, Number.NaN, SCALE)).toMatchObject({ level: 1, threshold: null });
  });
});

const reading = (code: string, level: number): IndicatorReading => ({
  code,
  value: null,
  level,
  threshold: null,
});

describe("a region stands at its indicators' highest level, raised by one when the rule holds", () => {
  const rule = { escalate: { indicators: 2, atLevel: 3 } };
  it.each([
    ['no indicators', [], {}, 1, false],
    ['one at 3', [3], {}, 3, false],
    ['2 and 4', [2, 4], {}, 4, false],
    ['without a rule, two at 3 stay 3', [3, 3], {}, 3, false],
    ['with the rule, one at 3 stays 3', [3, 2], rule, 3, false],
    ['with the rule, two at 3 make 4', [3, 3], rule, 4, true],
    ['with the rule, 3 and 4 make 5', [3, 4], rule, 5, true],
    ['with the rule, three at 2 stay 2', [2, 2, 2], rule, 2, false],
    ['with the rule, 5 and 3 stay 5: the top of the scale', [5, 3], rule, 5, false],
  ])('%s', (_name, levels, combination, level, escalated) => {
    const readings = (levels as number[]).map((l, i) => reading(`i${i}`, l));
    const result = combineLevels('r', readings, combination, SCALE);
    expect(result).toMatchObject({ region: 'r', level, escalated });
    expect(result.highest).toBe(Math.max(1, ...(levels as number[])));
  });
});

describe('evaluating every region from the latest values', () => {
  const settings = {
    alertScale: [1, 2, 3, 4, 5].map((level) => ({
      level,
      code: `l${level}`,
      name: { en: `L${level}`, ru: `У${level}` },
      colour: '#000000',
    })),
    categories: [],
    regions: ['north', 'south', 'quiet'].map((code) => ({
      code,
      name: { en: code, ru: code },
      states: ['KG'],
    })),
    indicators: [
      { ...RISING, code: 'north-incidents', region: 'north' },
      { ...FALLING, code: 'north-grain', region: 'north' },
      { ...RISING, code: 'south-incidents', region: 'south' },
    ].map((i) => ({
      ...i,
      name: { en: i.code, ru: i.code },
      unit: { en: 'n', ru: 'n' },
      source: 'entered' as const,
    })),
    combination: { escalate: { indicators: 2, atLevel: 3 } },
  };

  it('each region from its own indicators only, with the figures that made its level', () => {
    const values = new Map<string, number | null>([
      ['north-incidents', 7],
      ['north-grain', 25],
      ['south-incidents', 12],
    ]);
    const regions = evaluateRegions(settings, values);
    expect(regions.map((r) => [r.region, r.level, r.escalated])).toEqual([
      ['north', 4, true],
      ['south', 4, false],
      ['quiet', 1, false],
    ]);
    expect(regions[0].readings).toEqual([
      { code: 'north-incidents', value: 7, level: 3, threshold: { level: 3, at: 6 } },
      { code: 'north-grain', value: 25, level: 3, threshold: { level: 3, at: 30 } },
    ]);
  });

  it('an indicator without a value counts at the lowest level', () => {
    const regions = evaluateRegions(settings, new Map([['north-incidents', 6]]));
    expect(regions[0]).toMatchObject({ level: 3, escalated: false });
    expect(regions[0].readings[1]).toMatchObject({ value: null, level: 1 });
  });
});

describe('changes of level', () => {
  it.each([
    [1, 2, 'rose'],
    [4, 2, 'fell'],
    [3, 3, 'same'],
  ] as const)('%i to %i: %s', (before, after, change) => {
    expect(levelChange(before, after)).toBe(change);
  });
});
