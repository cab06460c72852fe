import type { Db } from '../../db/connect.ts';
import { getMonitoringSettings, type MonitoringSettingsView } from '../directory/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { EARLY_WARNING, openAlert } from './commands.ts';
import { combineLevels, type IndicatorReading, indicatorLevel, levelChange, scaleOf } from './evaluate.ts';
import { publishLevelChanged } from './events.ts';
import { MONITORING_CLASSIFICATION } from './policy.ts';

/** What a region's level is kept with: each indicator's reading, and the instant of its value. */
export interface LevelFigures {
  readings: (IndicatorReading & { at: string | null })[];
  highest: number;
  escalated: boolean;
}

/** What a recomputation found: the level before and after, and the alert it opened. */
export interface LevelOutcome {
  region: string;
  from: number;
  to: number;
  change: 'rose' | 'fell' | 'same';
  figures: LevelFigures;
  alert: { id: string; reference: string } | null;
}

/** The latest value of each indicator, at or before `now`. */
async function latestValues(trx: Db, codes: string[], now: Date) {
  if (codes.length === 0) return new Map<string, { value: number; at: Date }>();
  const rows = await trx
    .selectFrom('indicator_values')
    .select(['indicator_code', 'value', 'at'])
    .distinctOn('indicator_code')
    .where('indicator_code', 'in', codes)
    .where('at', '<=', now)
    .orderBy('indicator_code')
    .orderBy('at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.indicator_code, { value: r.value, at: r.at }]));
}

/**
 * Works a region's level out again from the latest value of each of its indicators (the
 * evaluation of evaluate.ts), in the caller's transaction, the region's level row locked so
 * that two recomputations of one region follow each other. When the level changed: the
 * region's row, a `level_changes` row and an `alert.level_changed` entry with the readings,
 * and the `alerts.level_changed` event; when it rose, an automatic alert at the new level
 * (unless one not closed stands at that level or above), whose news the situation room is
 * told of (notify.ts). An unknown region (no longer in the file) changes nothing: null.
 *
 * @example await recomputeRegion(trx, 'tj-af-border', new Date());
 */
export async function recomputeRegion(
  trx: Db,
  regionCode: string,
  now: Date,
  settings?: MonitoringSettingsView,
): Promise<LevelOutcome | null> {
  const s = settings ?? (await getMonitoringSettings(trx));
  const region = s.regions.find((r) => r.code === regionCode);
  if (!region || s.alertScale.length === 0) return null;
  const scale = scaleOf(s);
  // The row exists from the first evaluation on (at the lowest level), and is locked before the
  // values are read: a recomputation waiting for another's lock then reads what that one wrote
  // (READ COMMITTED: each statement sees what committed before it), so none works from stale values.
  await trx
    .insertInto('region_levels')
    .values({
      region_code: regionCode,
      level: scale.lowest,
      since: now,
      figures: JSON.stringify({ readings: [], highest: scale.lowest, escalated: false }),
    })
    .onConflict((oc) => oc.column('region_code').doNothing())
    .execute();
  const current = await trx
    .selectFrom('region_levels')
    .select(['level'])
    .where('region_code', '=', regionCode)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const indicators = s.indicators.filter((i) => i.region === regionCode);
  const latest = await latestValues(
    trx,
    indicators.map((i) => i.code),
    now,
  );
  const readings = indicators.map((i) => indicatorLevel(i, latest.get(i.code)?.value ?? null, scale));
  const result = combineLevels(regionCode, readings, s.combination, scale);
  const figures: LevelFigures = {
    readings: readings.map((r) => ({ ...r, at: latest.get(r.code)?.at.toISOString() ?? null })),
    highest: result.highest,
    escalated: result.escalated,
  };

  const from = current.level;
  const change = levelChange(from, result.level);
  const outcome: LevelOutcome = { region: regionCode, from, to: result.level, change, figures, alert: null };
  if (change === 'same') {
    await trx
      .updateTable('region_levels')
      .set({ figures: JSON.stringify(figures) })
      .where('region_code', '=', regionCode)
      .execute();
    return outcome;
  }

  await trx
    .updateTable('region_levels')
    .set({ level: result.level, since: now, figures: JSON.stringify(figures) })
    .where('region_code', '=', regionCode)
    .execute();
  if (change === 'rose') {
    const name = s.alertScale.find((l) => l.level === result.level)?.name.en ?? `level ${result.level}`;
    outcome.alert = await openAutomaticAlert(trx, region, result.level, `${region.name.en}: ${name}`, now);
  }
  const { id: levelChangeId } = await trx
    .insertInto('level_changes')
    .values({
      region_code: regionCode,
      from_level: from,
      to_level: result.level,
      at: now,
      figures: JSON.stringify(figures),
      alert_id: outcome.alert?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendEntry(trx, EARLY_WARNING, {
    action: 'alert.level_changed',
    subjectType: 'monitoring_region',
    subjectId: regionCode,
    classification: MONITORING_CLASSIFICATION,
    audience: region.states,
    at: now,
    payload: {
      region: regionCode,
      from,
      to: result.level,
      direction: change,
      escalated: result.escalated,
      readings: figures.readings.map((r) => ({
        indicator: r.code,
        value: r.value,
        at: r.at,
        level: r.level,
        threshold: r.threshold,
      })),
      alert: outcome.alert,
    },
  });
  await publishLevelChanged(trx, {
    region: regionCode,
    states: region.states,
    levelChangeId,
    from,
    to: result.level,
    direction: change,
    readings,
    alert: outcome.alert,
    at: now,
    actorId: null,
  });
  return outcome;
}

/** Opens the automatic alert of a rise, unless an alert not closed already stands at that level or above. */
async function openAutomaticAlert(
  trx: Db,
  region: MonitoringSettingsView['regions'][number],
  level: number,
  title: string,
  now: Date,
): Promise<{ id: string; reference: string } | null> {
  const standing = await trx
    .selectFrom('alerts')
    .select('id')
    .where('region_code', '=', region.code)
    .where('status', '<>', 'closed')
    .where('level', '>=', level)
    .executeTakeFirst();
  if (standing) return null;
  const alert = await openAlert(trx, EARLY_WARNING, {
    region: region.code,
    states: region.states,
    level,
    origin: 'automatic',
    title,
    description: '',
    classification: MONITORING_CLASSIFICATION,
    now,
  });
  return { id: alert.id, reference: alert.reference };
}

/** Every region of the file, recomputed (after a load of the organisation file, or by the demo). */
export async function recomputeAll(trx: Db, now: Date): Promise<LevelOutcome[]> {
  const settings = await getMonitoringSettings(trx);
  const outcomes: LevelOutcome[] = [];
  for (const region of settings.regions) {
    const outcome = await recomputeRegion(trx, region.code, now, settings);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
