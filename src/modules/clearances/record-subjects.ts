import { sql } from 'kysely';
import {
  type NotificationSubjectFacts,
  type NotificationSubjectSpec,
  type SubjectResolver,
  subjectUuids,
} from '../../core/module.ts';
import { can, clearanceRequestsVisibleTo } from '../../policy/index.ts';
import { isObserver, isPerson } from '../../policy/predicates.ts';

const state = (code: string) => code.trim();

/**
 * The names and pages of the record's clearance subjects, for the record page. One query per
 * type for all the ids asked; a subject the reader may not read (by `clearanceRequestsVisibleTo`
 * or the same rules the lists apply) is left out, so its name is never shown.
 */
export const clearanceSubjects: Record<string, SubjectResolver> = {
  /** A request by its reference and title, e.g. "BY-2026-0042 Convoy to Minsk". */
  clearance_request: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('clearance_requests')
      .select(['clearance_requests.id', 'clearance_requests.reference', 'clearance_requests.title'])
      .where('clearance_requests.id', 'in', wanted)
      .where(clearanceRequestsVisibleTo(actor))
      .execute();
    return new Map(
      rows.map((r) => [r.id, { label: `${r.reference} ${r.title}`, path: `/clearances/${r.id}` }]),
    );
  },

  deployment: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('deployments')
      .select(['id', 'reference', 'title', 'classification', 'host_state'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows
        .filter((r) =>
          can(actor, 'read', 'deployment', {
            classification: r.classification,
            hostState: state(r.host_state),
          }),
        )
        .map((r) => [r.id, { label: `${r.reference} ${r.title}`, path: '/clearances/deployments' }]),
    );
  },

  /** A standing permission by its number. */
  standing_permission: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('standing_permissions')
      .select(['id', 'number', 'granting_state', 'grantee_state'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows
        .filter((r) =>
          can(actor, 'read', 'standingPermission', {
            grantingState: state(r.granting_state),
            granteeState: state(r.grantee_state),
          }),
        )
        .map((r) => [r.id, { label: r.number, path: '/clearances/standing-permissions' }]),
    );
  },

  /** A delegation's asset list by its name (a deleted list is unknown). */
  asset_list: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('asset_lists')
      .select(['id', 'name', 'state_code'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows
        .filter((r) => can(actor, 'read', 'assetList', { state: state(r.state_code) }))
        .map((r) => [r.id, { label: r.name, path: '/clearances/assets' }]),
    );
  },
};

/**
 * The notifications about a clearance request (legs to decide, decided, the request cleared
 * or denied): told only to people whose access level reaches its classification now (it may have risen),
 * never to observers, and of a draft only to its requesting state; named by its reference and title.
 */
export const clearanceNotificationSubjects: Record<string, NotificationSubjectSpec> = {
  clearance_request: {
    facts: (actor) => (eb) => {
      // Observers (and anyone but a person) are told of no request: no classification is <= -1.
      const level = isPerson(actor) && !isObserver(actor) ? actor.accessLevel : -1;
      const ownState = isPerson(actor) && actor.affiliation === 'delegation' ? actor.stateCode : null;
      return eb
        .selectFrom('clearance_requests')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', clearance_requests.title, 'reference', clearance_requests.reference, 'classification', clearance_requests.classification)`.as(
            'facts',
          ),
        )
        .whereRef('clearance_requests.id', '=', 'notifications.subject_id')
        .where('clearance_requests.classification', '<=', level)
        .where((w) => {
          const submitted = w('clearance_requests.submitted_at', 'is not', null);
          return ownState
            ? w.or([submitted, w('clearance_requests.requesting_state', '=', ownState)])
            : submitted;
        })
        .$asScalar();
    },
    path: (id) => `/clearances/${id}`,
  },
};
