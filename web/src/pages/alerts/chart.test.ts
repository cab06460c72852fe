import { describe, expect, it } from 'vitest';
import { extentOf } from './mapTypes.ts';
import { ticks } from './TrendChart.tsx';

describe('the trend chart', () => {
  it('puts round steps on the axis', () => {
    expect(ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(0, 1150, 5)).toEqual([0, 500, 1000]);
    expect(ticks(0, 0.9, 4)).toEqual([0, 0.5]);
    expect(ticks(3, 3)).toEqual([3]);
  });
});

describe('the situation map', () => {
  it("fits the regions' outlines with a margin, within the globe", () => {
    expect(
      extentOf([
        [
          [69.3, 39.6],
          [72.2, 39.7],
        ],
        [[179.5, 89.5]],
      ]),
    ).toEqual([67.3, 37.6, 180, 90]);
    expect(extentOf([])).toBeNull();
  });
});
