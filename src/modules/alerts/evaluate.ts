import type { MonitoringSettings } from '../directory/index.ts';

/**
 * Alert levels, worked out from figures alone: no database, no clock. An indicator stands at
 * the level of the last threshold its value has reached (at or above it when the indicator
 * rises, at or below it when it falls), else at the scale's lowest level; a region stands at
 * the highest level of its indicators, raised by one (up to the top of the scale) when the
 * organisation file's `combination.escalate` rule holds: that many indicators or more at
 * that level or above at once. The result carries the figures that made it, for the record.
 */
export type Indicator = Pick<
  MonitoringSettings['indicators'][number],
  'code' | 'region' | 'direction' | 'thresholds'
>;
/** The combination rule, as the file declares it (optional) or the settings read it back (null). */
export interface Combination {
  escalate?: { indicators: number; atLevel: number } | null;
}
/** What the evaluation needs of the monitoring settings (the file's section, or `getMonitoringSettings`). */
export interface EvaluatedSettings {
  alertScale: { level: number }[];
  regions: { code: string }[];
  indicators: Indicator[];
  combination: Combination;
}

export interface Scale {
  lowest: number;
  highest: number;
}

export interface IndicatorReading {
  code: string;
  /** The latest value, or null when the indicator has none yet (it then stands at the lowest level). */
  value: number | null;
  level: number;
  /** The threshold reached, null at the lowest level. */
  threshold: { level: number; at: number } | null;
}

export interface RegionLevel {
  region: string;
  level: number;
  /** The highest level of the region's indicators, before any escalation. */
  highest: number;
  /** Whether the combination rule raised the level by one. */
  escalated: boolean;
  /** Every indicator of the region with its value and level, in the file's order. */
  readings: IndicatorReading[];
}

export function scaleOf(settings: Pick<EvaluatedSettings, 'alertScale'>): Scale {
  const levels = settings.alertScale.map((l) => l.level);
  return { lowest: Math.min(...levels), highest: Math.max(...levels) };
}

/** The level one value puts an indicator at. */
export function indicatorLevel(
  indicator: Pick<Indicator, 'code' | 'direction' | 'thresholds'>,
  value: number | null,
  scale: Scale,
): IndicatorReading {
  let reached: IndicatorReading['threshold'] = null;
  if (value !== null && Number.isFinite(value))
    for (const t of indicator.thresholds) {
      const crossed = indicator.direction === 'falling' ? value <= t.at : value >= t.at;
      if (crossed && (!reached || t.level > reached.level)) reached = { level: t.level, at: t.at };
    }
  return { code: indicator.code, value, level: reached?.level ?? scale.lowest, threshold: reached };
}

/** A region's level from its indicators' readings and the combination rule. */
export function combineLevels(
  region: string,
  readings: IndicatorReading[],
  combination: Combination,
  scale: Scale,
): RegionLevel {
  const highest = readings.reduce((max, r) => Math.max(max, r.level), scale.lowest);
  const rule = combination.escalate;
  const atOrAbove = rule ? readings.filter((r) => r.level >= rule.atLevel).length : 0;
  const escalated = !!rule && atOrAbove >= rule.indicators && highest < scale.highest;
  return { region, level: escalated ? highest + 1 : highest, highest, escalated, readings };
}

/**
 * Every region's level from the latest value of each indicator (missing: no value yet).
 * Regions without indicators stand at the lowest level.
 */
export function evaluateRegions(
  settings: EvaluatedSettings,
  values: ReadonlyMap<string, number | null>,
): RegionLevel[] {
  const scale = scaleOf(settings);
  return settings.regions.map((region) => {
    const readings = settings.indicators
      .filter((i) => i.region === region.code)
      .map((i) => indicatorLevel(i, values.get(i.code) ?? null, scale));
    return combineLevels(region.code, readings, settings.combination, scale);
  });
}

/** Whether a change of level is a rise (the situation room is told at once) or a fall. */
export function levelChange(before: number, after: number): 'rose' | 'fell' | 'same' {
  return after > before ? 'rose' : after < before ? 'fell' : 'same';
}
