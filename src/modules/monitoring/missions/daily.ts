import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/**
 * A mission's day, compiled from its members' reports: those filed for the mission (not
 * drafts, not merged duplicates) that happened on that day in the organisation's reference
 * time zone, counted by category, with the fatalities, and the notable events (any death, or
 * a violent category) listed.
 */
export interface DailyCompilation {
  day: string;
  zone: string;
  reports: number;
  fatalities: number;
  byCategory: { category: string; count: number }[];
  notable: {
    id: string;
    reference: string;
    title: string;
    category: string;
    fatalities: number | null;
    occurredAt: string;
  }[];
}

const zoneOf = async (db: Db) =>
  (await db.selectFrom('organisation').select('time_zone').executeTakeFirst())?.time_zone ?? 'UTC';

/** Today's date in the organisation's reference zone. */
export async function today(db: Db, now: Date): Promise<string> {
  const zone = await zoneOf(db);
  const row = await sql<{
    d: string;
  }>`select (${now}::timestamptz at time zone ${zone})::date::text as d`.execute(db);
  return row.rows[0].d;
}

export async function compileDay(db: Db, missionId: string, day: string): Promise<DailyCompilation> {
  const zone = await zoneOf(db);
  const rows = await db
    .selectFrom('reports')
    .leftJoin('report_categories as c', 'c.code', 'reports.category_code')
    .leftJoin('report_categories as parent', 'parent.code', 'c.parent_code')
    .select([
      'reports.id',
      'reports.reference',
      'reports.title',
      'reports.category_code',
      'reports.fatalities',
      'reports.occurred_at',
      sql<boolean>`coalesce(c.violent, false) or coalesce(parent.violent, false)`.as('violent'),
    ])
    .where('reports.mission_id', '=', missionId)
    .where('reports.status', '<>', 'draft')
    .where('reports.duplicate_of', 'is', null)
    .where(sql<boolean>`(reports.occurred_at at time zone ${zone})::date = ${day}::date`)
    .orderBy('reports.occurred_at')
    .orderBy('reports.id')
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category_code, (counts.get(r.category_code) ?? 0) + 1);
  return {
    day,
    zone,
    reports: rows.length,
    fatalities: rows.reduce((n, r) => n + (r.fatalities ?? 0), 0),
    byCategory: [...counts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    notable: rows
      .filter((r) => (r.fatalities ?? 0) > 0 || r.violent)
      .map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        category: r.category_code,
        fatalities: r.fatalities,
        occurredAt: r.occurred_at.toISOString(),
      })),
  };
}
