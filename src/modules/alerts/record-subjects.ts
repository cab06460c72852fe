import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import {
  type NotificationSubjectFacts,
  type NotificationSubjectSpec,
  type SubjectResolver,
  subjectUuids,
} from '../../core/module.ts';
import { can } from '../../policy/index.ts';
import { isObserver, isPerson, isSecretariat } from '../../policy/predicates.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { MONITORING_CLASSIFICATION } from './policy.ts';

/**
 * The record's early-warning subjects by name, for the record page: an alert by its reference
 * and title, a region and an indicator by their names in the file; each only to who may read it.
 */
export const alertSubjects: Record<string, SubjectResolver> = {
  alert: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('alerts')
      .select(['id', 'reference', 'title', 'states', 'classification'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows
        .filter((r) =>
          can(actor, 'read', 'alert', {
            states: r.states.map((s) => s.trim()),
            classification: r.classification,
          }),
        )
        .map((r) => [r.id, { label: `${r.reference} ${r.title}`, path: `/alerts/${r.id}` }]),
    );
  },
  monitoring_region: async (db, actor, ids) => {
    const settings = await getMonitoringSettings(db);
    return new Map(
      settings.regions
        .filter((r) => ids.includes(r.code) && can(actor, 'read', 'monitoringRegion', { states: r.states }))
        .map((r) => [r.code, { label: r.name.en, path: `/monitoring?region=${r.code}` }]),
    );
  },
  indicator: async (db, actor, ids) => {
    const settings = await getMonitoringSettings(db);
    const states = new Map(settings.regions.map((r) => [r.code, r.states]));
    return new Map(
      settings.indicators
        .filter(
          (i) =>
            ids.includes(i.code) &&
            can(actor, 'read', 'monitoringRegion', { states: states.get(i.region) ?? [] }),
        )
        .map((i) => [i.code, { label: i.name.en, path: `/monitoring/indicators/${i.code}` }]),
    );
  },
};

/** The SQL twin of `watches` for a subject's states array (a column or expression) and classification. */
function watched(
  actor: Parameters<NotificationSubjectSpec['facts']>[0],
  states: ReturnType<typeof sql>,
  classification: ReturnType<typeof sql>,
) {
  if (!isPerson(actor) || isObserver(actor)) return sql<boolean>`false`;
  const within = sql<boolean>`${classification} <= ${actor.accessLevel}`;
  if (isSecretariat(actor)) return within;
  if (actor.affiliation !== 'delegation' || !actor.stateCode) return sql<boolean>`false`;
  return sql<boolean>`(${within} and ${actor.stateCode}::text = any (${states}))`;
}

/**
 * "Region: level name" in the reader's language (an automatic alert's title, a change of
 * level), from the file's names; null when the region or level is no longer in the file.
 */
function levelTitle(actor: Actor, region: RawBuilder<unknown>, level: RawBuilder<unknown>) {
  const column = sql.ref(actor.kind === 'person' && actor.locale === 'ru' ? 'name_ru' : 'name_en');
  return sql<
    string | null
  >`(select r.${column} || ': ' || l.${column} from monitoring_regions r, alert_levels l where r.code = ${region} and l.level = ${level})`;
}

/**
 * What early-warning notifications name their subject by, when the reader may still be told
 * of it: an alert (reference, title, classification), a change of level (the region's name
 * and the new level; restricted).
 */
export const alertNotificationSubjects: Record<string, NotificationSubjectSpec> = {
  alert: {
    facts: (actor) => (eb) =>
      eb
        .selectFrom('alerts')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', coalesce(case when alerts.origin = 'automatic' then ${levelTitle(actor, sql`alerts.region_code`, sql`alerts.level`)} end, alerts.title), 'reference', alerts.reference, 'classification', alerts.classification)`.as(
            'facts',
          ),
        )
        .whereRef('alerts.id', '=', 'notifications.subject_id')
        .where(watched(actor, sql`alerts.states`, sql`alerts.classification`))
        .$asScalar(),
    path: (id) => `/alerts/${id}`,
  },
  level_change: {
    facts: (actor) => (eb) =>
      eb
        .selectFrom('level_changes')
        .innerJoin('monitoring_regions', 'monitoring_regions.code', 'level_changes.region_code')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', coalesce(${levelTitle(actor, sql`level_changes.region_code`, sql`level_changes.to_level`)}, monitoring_regions.name_en || ': level ' || level_changes.to_level), 'reference', null, 'classification', ${MONITORING_CLASSIFICATION}::int)`.as(
            'facts',
          ),
        )
        .whereRef('level_changes.id', '=', 'notifications.subject_id')
        .where(watched(actor, sql`monitoring_regions.states::text[]`, sql`${MONITORING_CLASSIFICATION}::int`))
        .$asScalar(),
    // The situation room shows the region's level with the alerts it opened.
    path: () => '/situation',
  },
};
