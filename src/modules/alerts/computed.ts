import { sql } from 'kysely';
import type { EventSubscriptions } from '../../core/events.ts';
import type { Runner } from '../../core/module.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { type ReportChanged, reportFigure } from '../monitoring/index.ts';
import type { LevelOutcome } from './levels.ts';
import { recordComputedValue } from './values.ts';

/**
 * Indicators computed from reports (the organisation file's `source: { computed: ... }`): the
 * reviewed reports of the region and categories in the window that ends now (the last day,
 * week or 30 days), counted or their casualties added up. Worked out again in the transaction
 * of every report that enters or leaves that count (verified, published, corrected, archived,
 * merged), so a threshold is crossed the moment a reviewer verifies the report that crosses it;
 * and by a runner every few minutes, as reports age out of their windows. A value is written
 * only when it differs from the indicator's latest.
 */

const WINDOW_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 } as const;
/** How often the runner looks for reports that aged out of a window. */
export const COMPUTED_INDICATORS_EVERY_MS = 5 * 60_000;
/** Statuses whose reports count: a change into or out of them moves a figure. */
const COUNTED = new Set(['verified', 'published']);

/** The computed indicators of these regions (every region when null) worked out at `now`. */
export async function computeIndicators(
  trx: Db,
  regions: string[] | null,
  now: Date,
): Promise<LevelOutcome[]> {
  const settings = await getMonitoringSettings(trx);
  const outcomes: LevelOutcome[] = [];
  for (const indicator of settings.indicators) {
    if (indicator.source !== 'computed' || !indicator.computed) continue;
    if (regions && !regions.includes(indicator.region)) continue;
    const value = await reportFigure(trx, {
      region: indicator.region,
      categories: indicator.computed.categories,
      measure: indicator.computed.measure,
      from: new Date(now.getTime() - WINDOW_MS[indicator.computed.window]),
      to: new Date(now.getTime() + 1),
    });
    const latest = await trx
      .selectFrom('indicator_values')
      .select('value')
      .where('indicator_code', '=', indicator.code)
      .where('at', '<=', now)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest && Number(latest.value) === value) continue;
    const outcome = await recordComputedValue(trx, indicator.code, now, value, now);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

/** A report's change moves a count when it enters or leaves the reviewed ones, or changes while in them. */
async function onReportChanged(trx: Db, e: ReportChanged) {
  if (!COUNTED.has(e.status) && !(e.from !== null && COUNTED.has(e.from))) return;
  if (e.regions.length === 0) return;
  await computeIndicators(trx, e.regions, new Date(e.at));
}

export const computedIndicatorSubscriptions: EventSubscriptions = {
  'monitoring.report_changed': onReportChanged,
};

/** Every few minutes: the counts again, as reports leave their windows. One process at a time does it. */
export class ComputedIndicatorRunner extends TimedRunner implements Runner {
  constructor(handle: DbHandle, options: { now?: () => Date } = {}) {
    super(handle, 'accord_computed_indicators', {
      maxSleepMs: COMPUTED_INDICATORS_EVERY_MS,
      now: options.now,
      log: (err) => console.error('computed indicators:', err),
    });
  }

  protected async pass(now: Date): Promise<number> {
    return this.handle.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(hashtext('alerts.computed_indicators')) as locked`.execute(trx);
      if (!rows[0]?.locked) return 0;
      return (await computeIndicators(trx, null, now)).length;
    });
  }

  protected async nextDue(): Promise<Date | null> {
    return null;
  }
}
