import { systemActor } from '../../core/actor.ts';
import type { DemoLoader } from '../../core/module.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { enterValues } from './values.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DEMO = systemActor('demo');

/**
 * Six weeks of the demo file's entered indicators, entered week by week through the real
 * command (so each week's level is worked out as it would have been then): the price of bread
 * on the Tajik–Afghan border climbs past two thresholds, hostile media on Belarus's western
 * border past one; displaced persons stay low. Those two regions end above normal, each with
 * an open automatic alert. Values of indicators the file does not declare are left out.
 */
const SERIES: Record<string, number[]> = {
  'tj-af-bread-price': [5.2, 5.4, 5.9, 6.3, 7.1, 8.4],
  'by-west-hostile-media': [31, 38, 44, 52, 61, 57],
  'kg-tj-displaced': [20, 45, 35, 60, 80, 90],
};

export const alertsDemo: DemoLoader = {
  // After the organisation file (loaded before any demo) and the other modules' demos.
  order: 35,
  async load(handle) {
    const any = await handle.db
      .selectFrom('indicator_values')
      .select('indicator_code')
      // Computed values may be there already: the reports' demo verified reports.
      .where('source', '<>', 'computed')
      .limit(1)
      .executeTakeFirst();
    if (any) return null;
    const settings = await getMonitoringSettings(handle.db);
    const known = new Set(settings.indicators.filter((i) => i.source === 'entered').map((i) => i.code));
    const codes = Object.keys(SERIES).filter((c) => known.has(c));
    if (codes.length === 0) return null;
    // The last week's values an hour or more ago (on the hour), so that anything entered now is later.
    const realNow = Date.now();
    const last = Math.floor((realNow - HOUR_MS) / HOUR_MS) * HOUR_MS;
    const weeks = SERIES[codes[0]!]!.length;
    for (let w = 0; w < weeks; w++) {
      const at = new Date(last - (weeks - 1 - w) * 7 * DAY_MS);
      const now = new Date(at.getTime() + HOUR_MS);
      await handle.db.transaction().execute(async (trx) => {
        for (const code of codes)
          await enterValues(trx, DEMO, code, { values: [{ at, value: SERIES[code]![w]! }] }, now);
      });
    }
    const open = await handle.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', 'closed')
      .executeTakeFirstOrThrow();
    return `demo early warning loaded: ${weeks} weeks of ${codes.length} indicators, ${Number(open.n)} open alerts`;
  },
};
