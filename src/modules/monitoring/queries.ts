import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { ReportRow } from '../../db/schema-reports.ts';
import { authorize } from '../../policy/index.ts';
import { reportSubject } from './commands.ts';
import { reportsVisibleTo, seesProtected, seesProtectedReport } from './policy.ts';
import type { ReportListQuery } from './schema.ts';

type Eb = ExpressionBuilder<Database, 'reports'>;

/** A report the actor may read, and whether they see what its protection withholds; 404 otherwise. */
export async function getReport(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: ReportRow; sees: boolean }> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('report');
  authorize(actor, 'read', 'report', reportSubject(row), 'report');
  return { row, sees: seesProtectedReport(actor, row) };
}

/** The kept versions of a report, oldest first, withheld as the report is. */
export async function reportVersions(db: Db, actor: Actor, id: string) {
  const { sees } = await getReport(db, actor, id);
  const versions = await db
    .selectFrom('report_versions')
    .select(['version', 'snapshot', 'reason', 'changed_by_label', 'changed_at'])
    .where('report_id', '=', id)
    .orderBy('version')
    .execute();
  return { versions, sees };
}

/**
 * A coordinate as the reader is shown it: exact when they see what protection withholds,
 * else on the district grid. Filters by place use it, so that a reader below the protection
 * level cannot find the exact point by narrowing a box around it.
 */
const shown = (actor: Actor, column: 'reports.latitude' | 'reports.longitude') => (eb: Eb) =>
  sql<number>`case when ${seesProtected(actor)(eb)} then ${sql.ref(column)} else round(${sql.ref(column)}::numeric, 1)::float8 end`;

/** `before` cursor: the occurred_at and id of the last row of the previous page. */
const cursorOf = (row: Pick<ReportRow, 'occurred_at' | 'id'>) =>
  Buffer.from(`${new Date(row.occurred_at).toISOString()}|${row.id}`).toString('base64url');
function parseCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid('before', 'is not a cursor this list gave');
  return { at: new Date(at), id };
}

/**
 * Whether the report's point, as the reader is shown it, lies in the box (`west,south,east,north`;
 * west > east crosses the antimeridian). 400 naming `bbox` when it is not a box.
 */
function inBox(actor: Actor, bbox: string) {
  const [west, south, east, north] = bbox.split(',').map(Number);
  if ([west, east].some((x) => x < -180 || x > 180) || [south, north].some((y) => y < -90 || y > 90))
    throw invalid('bbox', 'must be west,south,east,north within -180..180 and -90..90');
  if (south > north) throw invalid('bbox', 'south is north of north');
  return (eb: Eb): Expression<SqlBool> => {
    const lat = shown(actor, 'reports.latitude')(eb);
    const lon = shown(actor, 'reports.longitude')(eb);
    return eb.and([
      sql<SqlBool>`${lat} between ${south} and ${north}`,
      // A box across the antimeridian (west > east) wraps.
      west <= east
        ? sql<SqlBool>`${lon} between ${west} and ${east}`
        : sql<SqlBool>`(${lon} >= ${west} or ${lon} <= ${east})`,
    ]);
  };
}

/** The conditions of a list or map query, on top of what the reader may read. */
export function reportFilters(actor: Actor, query: Omit<ReportListQuery, 'limit' | 'before'>) {
  return (eb: Eb): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [reportsVisibleTo(actor)(eb)];
    if (query.status?.length) where.push(eb('reports.status', 'in', query.status));
    // Duplicates merged into another report are left out unless asked for by status.
    else where.push(eb('reports.duplicate_of', 'is', null));
    if (query.category?.length)
      where.push(
        eb(
          'reports.category_code',
          'in',
          eb
            .selectFrom('report_categories')
            .select('code')
            .where((c) => c.or([c('code', 'in', query.category!), c('parent_code', 'in', query.category!)])),
        ),
      );
    if (query.region?.length) where.push(eb('reports.region_code', 'in', query.region));
    if (query.from) where.push(eb('reports.occurred_at', '>=', new Date(query.from)));
    if (query.to) where.push(eb('reports.occurred_at', '<', new Date(query.to)));
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(eb.or([eb('reports.title', 'ilike', like), eb('reports.description', 'ilike', like)]));
    }
    if (query.collection)
      where.push(
        eb(
          'reports.id',
          'in',
          eb
            .selectFrom('report_collection_items')
            .select('report_id')
            .where('collection_id', '=', query.collection),
        ),
      );
    if (query.mission) where.push(eb('reports.mission_id', '=', query.mission));
    if (query.mine === 'true' && actor.kind === 'person') where.push(eb('reports.author_id', '=', actor.id));
    if (query.bbox) where.push(inBox(actor, query.bbox)(eb));
    return eb.and(where);
  };
}

/** A page of reports the reader may read, newest first (by when they happened). */
export async function listReports(db: Db, actor: Actor, query: ReportListQuery) {
  let q = db
    .selectFrom('reports')
    .selectAll()
    .select((eb) => sql<boolean>`${seesProtected(actor)(eb)}`.as('sees'))
    .where(reportFilters(actor, query));
  if (query.before) {
    const c = parseCursor(query.before);
    q = q.where((eb) =>
      eb.or([
        eb('reports.occurred_at', '<', c.at),
        eb.and([eb('reports.occurred_at', '=', c.at), eb('reports.id', '<', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('reports.occurred_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { rows: page, next: rows.length > query.limit ? cursorOf(page.at(-1)!) : null };
}

/**
 * The review queue: reports submitted or under review, oldest first, each with how long it
 * has waited; and the counts a supervisor looks at first (how many wait, the oldest wait).
 */
export async function reviewQueue(db: Db, actor: Actor, now: Date, limit = 200) {
  const rows = await db
    .selectFrom('reports')
    .selectAll()
    .select((eb) => sql<boolean>`${seesProtected(actor)(eb)}`.as('sees'))
    .where(reportsVisibleTo(actor))
    .where('status', 'in', ['submitted', 'under_review'])
    .orderBy('submitted_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const counts = await db
    .selectFrom('reports')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'submitted').as('submitted'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'under_review').as('under_review'),
      eb.fn.min('submitted_at').as('oldest'),
    ])
    .where(reportsVisibleTo(actor))
    .where('status', 'in', ['submitted', 'under_review'])
    .executeTakeFirstOrThrow();
  const waited = (at: Date | string | null) =>
    at ? Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000)) : 0;
  return {
    items: rows.map((row) => ({ row, waitingSeconds: waited(row.submitted_at) })),
    submitted: Number(counts.submitted),
    underReview: Number(counts.under_review),
    oldestWaitingSeconds: counts.oldest ? waited(counts.oldest) : null,
  };
}

/** Clusters on one map at most; the most populous are kept. */
const MAP_CLUSTERS = 5_000;

/**
 * The map of the reports the reader may read, with the list's filters, in clusters: the box
 * (`bbox`, else the whole world) is cut into `cells` columns of square cells and the reports
 * with a point are counted per cell, at the mean of their points (a cell of one report
 * names it). Points withheld from the reader are counted at their rounded place. The
 * reports per region (with or without a point, in the box or not) come with it, for the
 * region panel.
 *
 * One pass over the reports however many there are: they are grouped by region and cell
 * (the cell null for a report off the map) into a few thousand partial sums, from which the
 * clusters and the region counts are both added up. The grouping is hashed, not sorted: the
 * groups are few, but PostgreSQL cannot know it of an expression (it guesses a tenth of the
 * rows), so the transaction gives it the memory to hash them; and without JIT, whose
 * compilation cost more than it saved on this query (README, "Benchmarks: crisis monitoring").
 */
export async function reportMap(
  db: Db,
  actor: Actor,
  query: Omit<ReportListQuery, 'limit' | 'before'>,
  cells: number,
) {
  const [west, south, east, north] = query.bbox ? query.bbox.split(',').map(Number) : [-180, -90, 180, 90];
  const width = west <= east ? east - west : east + 360 - west;
  const cell = Math.max(width / cells, 1e-4);
  const onMap = query.bbox ? inBox(actor, query.bbox) : () => sql<SqlBool>`true`;
  const points = db
    .selectFrom('reports')
    .select((r) => [
      'reports.id',
      'reports.fatalities',
      'reports.region_code',
      shown(actor, 'reports.latitude')(r).as('lat'),
      shown(actor, 'reports.longitude')(r).as('lon'),
      r.and([r('reports.latitude', 'is not', null), onMap(r)]).as('on_map'),
    ])
    .where(reportFilters(actor, { ...query, bbox: undefined }));
  const run = async (trx: Db) => {
    await sql`set local work_mem = '32MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    const { rows } = await sql<{
      kind: 'cluster' | 'region';
      region: string | null;
      count: number;
      latitude: number | null;
      longitude: number | null;
      fatalities: number | null;
      report_id: string | null;
    }>`
      with parts as (
        select p.region_code,
          case when p.on_map then floor(p.lat / ${cell}) end as y,
          case when p.on_map then floor(p.lon / ${cell}) end as x,
          count(*) as n, sum(p.lat) as lat, sum(p.lon) as lon, sum(p.fatalities) as fatalities,
          min(p.id::text) as id
        from (${points}) p
        group by 1, 2, 3
      ), clusters as (
        select sum(n)::int as count, (sum(lat) / sum(n))::float8 as latitude,
          (sum(lon) / sum(n))::float8 as longitude, coalesce(sum(fatalities), 0)::int as fatalities,
          case when sum(n) = 1 then min(id) end as report_id
        from parts where y is not null
        group by y, x
        order by count desc
        limit ${MAP_CLUSTERS}
      )
      select 'cluster' as kind, null as region, count, latitude, longitude, fatalities, report_id from clusters
      union all
      select 'region', region_code, sum(n)::int, null, null, null, null
      from parts where region_code is not null
      group by region_code`.execute(trx);
    return rows;
  };
  const rows = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  const clusters = rows
    .filter((r) => r.kind === 'cluster')
    .sort((a, b) => b.count - a.count)
    .map((c) => ({
      latitude: c.latitude!,
      longitude: c.longitude!,
      count: c.count,
      fatalities: c.fatalities!,
      reportId: c.report_id,
    }));
  return {
    cellDegrees: cell,
    clusters,
    regions: rows.filter((r) => r.kind === 'region').map((r) => ({ region: r.region!, count: r.count })),
    total: clusters.reduce((n, c) => n + c.count, 0),
    bounds: { west, south, east, north },
  };
}
