import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { OrganisationFile } from './schema.ts';

/** What a load wrote of the monitoring section (the record entry carries it). */
export interface MonitoringSummary {
  alertLevels: number;
  categories: number;
  regions: number;
  indicators: number;
}

/**
 * The monitoring section: the alert scale, the report taxonomy, the regions and their
 * indicators, the combination rule (migration 0020). Each load converges on the file: rows
 * it lists are inserted or updated in place (so what refers to them by code stays valid),
 * rows it no longer lists are removed. A file without the section removes them all.
 */
export async function loadMonitoringSettings(trx: Db, file: OrganisationFile): Promise<MonitoringSummary> {
  const section = file.monitoring;
  const levels = section?.alertScale ?? [];
  const categories = (section?.categories ?? []).flatMap((c, i) => [
    {
      code: c.code,
      parent_code: null,
      name_en: c.name.en,
      name_ru: c.name.ru,
      violent: c.violent,
      position: i * 100,
    },
    ...c.subcategories.map((s, j) => ({
      code: s.code,
      parent_code: c.code,
      name_en: s.name.en,
      name_ru: s.name.ru,
      violent: c.violent,
      position: i * 100 + j + 1,
    })),
  ]);
  const regions = (section?.regions ?? []).map((r, position) => ({
    code: r.code,
    name_en: r.name.en,
    name_ru: r.name.ru,
    states: r.states,
    area: r.area ? JSON.stringify(r.area) : null,
    position,
  }));
  const indicators = (section?.indicators ?? []).map((ind, position) => {
    const computed = ind.source === 'entered' ? null : ind.source.computed;
    return {
      code: ind.code,
      region_code: ind.region,
      name_en: ind.name.en,
      name_ru: ind.name.ru,
      unit_en: ind.unit.en,
      unit_ru: ind.unit.ru,
      source: computed ? ('computed' as const) : ('entered' as const),
      categories: computed?.categories ?? null,
      measure: computed?.measure ?? null,
      time_window: computed?.window ?? null,
      direction: ind.direction,
      thresholds: JSON.stringify(ind.thresholds),
      position,
    };
  });

  // Removed first, children before parents; then written, parents before children.
  await removeUnlisted(trx, 'indicators', indicators);
  await removeUnlisted(trx, 'monitoring_regions', regions);
  await removeUnlisted(trx, 'report_categories', categories);
  // Nothing refers to a level by a key: the scale is simply replaced.
  await trx.deleteFrom('alert_levels').execute();
  if (levels.length)
    await trx
      .insertInto('alert_levels')
      .values(
        levels.map((l) => ({
          level: l.level,
          code: l.code,
          name_en: l.name.en,
          name_ru: l.name.ru,
          colour: l.colour,
        })),
      )
      .execute();
  const parents = categories.filter((c) => c.parent_code === null);
  await upsertByCode(trx, 'report_categories', parents);
  await upsertByCode(
    trx,
    'report_categories',
    categories.filter((c) => c.parent_code !== null),
  );
  await upsertByCode(trx, 'monitoring_regions', regions);
  await upsertByCode(trx, 'indicators', indicators);

  await trx.deleteFrom('monitoring_settings').execute();
  const escalate = section?.combination.escalate;
  if (escalate)
    await trx
      .insertInto('monitoring_settings')
      .values({ escalate_indicators: escalate.indicators, escalate_at_level: escalate.atLevel })
      .execute();
  return {
    alertLevels: levels.length,
    categories: categories.length,
    regions: regions.length,
    indicators: indicators.length,
  };
}

type CodedTable = 'indicators' | 'monitoring_regions' | 'report_categories';

async function removeUnlisted(trx: Db, table: CodedTable, rows: { code: string }[]) {
  await sql`delete from ${sql.table(table)} where not (code = any(${rows.map((r) => r.code)}::text[]))`.execute(
    trx,
  );
}

/** Inserts the rows, or updates every column of the row with the same code (the columns of the first row). */
async function upsertByCode<T extends CodedTable>(trx: Db, table: T, rows: Insertable<Database[T]>[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const values = rows.map(
    (row) => sql`(${sql.join(columns.map((c) => (row as Record<string, unknown>)[c]))})`,
  );
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values ${sql.join(values)}
    on conflict (code) do update set ${sql.join(
      columns.filter((c) => c !== 'code').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
    )}`.execute(trx);
}
