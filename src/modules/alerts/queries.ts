import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../policy/index.ts';
import { isObserver, isPerson, isSecretariat, isSystem } from '../../policy/predicates.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { indicatorLevel, scaleOf } from './evaluate.ts';
import type { ListAlertsQuery, SeriesQuery } from './schema.ts';
import { readableIndicator } from './values.ts';

const DAY_MS = 86_400_000;
/** Values of one series answered at most (a trend chart's worth). */
export const MAX_SERIES = 5_000;

/**
 * WHERE condition: the alerts the actor may read. Mirrors the `alert.read` rule of policy.ts
 * (`watches`): the secretariat's staff, and the delegations of the alert's region's states,
 * within the classification; observers and partners none. policy.test.ts holds them in step.
 */
export function alertsVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'alerts'>): Expression<SqlBool> => {
    if (isSystem(actor)) return sql<SqlBool>`true`;
    if (!isPerson(actor) || isObserver(actor)) return sql<SqlBool>`false`;
    const withinLevel = eb('alerts.classification', '<=', actor.accessLevel);
    if (isSecretariat(actor)) return withinLevel;
    if (actor.affiliation !== 'delegation' || !actor.stateCode) return sql<SqlBool>`false`;
    return eb.and([withinLevel, sql<SqlBool>`${actor.stateCode}::text = any (alerts.states)`]);
  };
}

/** An indicator's values between two instants, oldest first, each with the level it stands at. */
export async function getSeries(db: Db, actor: Actor, code: string, q: SeriesQuery, now = new Date()) {
  const { settings, indicator } = await readableIndicator(db, actor, code);
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 90 * DAY_MS);
  const rows = await db
    .selectFrom('indicator_values')
    .select(['at', 'value', 'source'])
    .where('indicator_code', '=', code)
    .where('at', '>=', from)
    .where('at', '<=', to)
    .orderBy('at', 'desc')
    .limit(MAX_SERIES)
    .execute();
  const scale = scaleOf(settings);
  return {
    settings,
    indicator,
    from,
    to,
    values: rows.reverse().map((r) => ({ ...r, level: indicatorLevel(indicator, r.value, scale).level })),
  };
}

/** Every region the actor watches, in the file's order, with its level now (the lowest until first worked out). */
export async function listLevels(db: Db, actor: Actor) {
  const settings = await getMonitoringSettings(db);
  const regions = settings.regions.filter((r) =>
    can(actor, 'read', 'monitoringRegion', { states: r.states }),
  );
  const rows = regions.length
    ? await db
        .selectFrom('region_levels')
        .selectAll()
        .where(
          'region_code',
          'in',
          regions.map((r) => r.code),
        )
        .execute()
    : [];
  const open = regions.length
    ? await db
        .selectFrom('alerts')
        .select(['region_code', sql<number>`count(*)`.as('open')])
        .where('status', '<>', 'closed')
        .where(alertsVisibleTo(actor))
        .where(
          'region_code',
          'in',
          regions.map((r) => r.code),
        )
        .groupBy('region_code')
        .execute()
    : [];
  const lowest = settings.alertScale.length ? scaleOf(settings).lowest : 1;
  return {
    settings,
    regions: regions.map((region) => {
      const row = rows.find((r) => r.region_code === region.code);
      return {
        region,
        level: row?.level ?? lowest,
        since: row?.since ?? null,
        figures: (row?.figures as LevelFiguresJson | undefined) ?? null,
        openAlerts: Number(open.find((o) => o.region_code === region.code)?.open ?? 0),
      };
    }),
  };
}
type LevelFiguresJson = import('./levels.ts').LevelFigures;

/** A region's changes of level, newest first (404 for a region unknown or not watched by the actor). */
export async function levelHistory(db: Db, actor: Actor, regionCode: string, limit = 200) {
  const settings = await getMonitoringSettings(db);
  const region = settings.regions.find((r) => r.code === regionCode);
  if (!region) throw notFound('region');
  authorize(actor, 'read', 'monitoringRegion', { states: region.states }, 'region');
  const changes = await db
    .selectFrom('level_changes')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { settings, region, changes };
}

/** Alerts the actor may read, newest first, filtered. */
export async function listAlerts(db: Db, actor: Actor, q: ListAlertsQuery) {
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .where(alertsVisibleTo(actor))
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset);
  if (q.status === 'active') query = query.where('status', '<>', 'closed');
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.region) query = query.where('region_code', '=', q.region);
  if (q.level !== undefined) query = query.where('level', '>=', q.level);
  const rows = await query.execute();
  return { items: rows.slice(0, q.limit), nextOffset: rows.length > q.limit ? q.offset + q.limit : null };
}

/** One alert with its steps, oldest first (404 when the actor may not read it). */
export async function getAlert(db: Db, actor: Actor, id: string) {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('alert');
  authorize(actor, 'read', 'alert', {
    states: row.states.map((s) => s.trim()),
    classification: row.classification,
  });
  const steps = await db
    .selectFrom('alert_events')
    .selectAll()
    .where('alert_id', '=', id)
    .orderBy('id')
    .execute();
  return { row, steps };
}
