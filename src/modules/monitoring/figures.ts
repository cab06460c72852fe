import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** What an indicator counted from reports asks: which reports, and what of them. */
export interface ReportFigureQuery {
  region: string;
  /** Category codes; a category counts its subcategories too. */
  categories: string[];
  /** `reports`: how many; `casualties`: their fatalities and injured added up. */
  measure: 'reports' | 'casualties';
  /** The window: reports that happened at or after `from` and before `to`. */
  from: Date;
  to: Date;
}

/**
 * A figure of the reviewed reports of a region (verified or published, duplicates left out):
 * what the early-warning indicators computed from reports are made of. Reports still waiting
 * for review do not count: a threshold is crossed by what a reviewer has checked.
 */
export async function reportFigure(db: Db, q: ReportFigureQuery): Promise<number> {
  if (q.categories.length === 0) return 0;
  const measure =
    q.measure === 'reports'
      ? sql<number>`count(*)::int`
      : sql<number>`coalesce(sum(coalesce(fatalities, 0) + coalesce(injured, 0)), 0)::int`;
  const row = await db
    .selectFrom('reports')
    .select(measure.as('figure'))
    .where('region_code', '=', q.region)
    .where('status', 'in', ['verified', 'published'])
    .where('duplicate_of', 'is', null)
    .where('occurred_at', '>=', q.from)
    .where('occurred_at', '<', q.to)
    .where('category_code', 'in', (eb) =>
      eb
        .selectFrom('report_categories')
        .select('code')
        .where((c) => c.or([c('code', 'in', q.categories), c('parent_code', 'in', q.categories)])),
    )
    .executeTakeFirstOrThrow();
  return Number(row.figure);
}
