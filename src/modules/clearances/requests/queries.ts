import { sql } from 'kysely';
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegEventRow, ClearanceLegRow, ClearanceRequestRow } from '../../../db/schema.ts';
import { clearanceRequestsVisibleTo } from '../../../policy/index.ts';
import { authorisedDelegates } from '../../delegations/index.ts';
import { type LegRequest, type LoadedRequest, loadRequest, readRequest, trimState } from '../load.ts';
import type { ClearanceContent, RequestListQuery } from '../schema.ts';
import { listClearanceAttachments } from './attachments.ts';

/** What presenting a request needs besides the request: time zones, delegates, history, versions. */
export interface RequestView extends LoadedRequest {
  zones: Map<string, string>;
  delegates: string[];
  events: (ClearanceLegEventRow & { state: string })[];
  versions: { version: number; created_at: Date; created_by_label: string; submitted_at: Date | null }[];
  permissionNumbers: Map<string, string>;
  attachments: Awaited<ReturnType<typeof listClearanceAttachments>>;
}

export async function stateZones(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('member_states').select(['code', 'time_zone']).execute();
  return new Map(rows.map((r) => [trimState(r.code), r.time_zone]));
}

/** One request as the actor may see it (404 otherwise). */
export async function getRequestView(db: Db, actor: Actor, id: string): Promise<RequestView> {
  return completeView(db, await readRequest(db, actor, id));
}

/**
 * The rest of a request's view, around its row and legs already read (and the reader's right
 * to read it already checked): the content in force (with the versions, one statement), time
 * zones, delegates, history, attachments, standing permissions.
 */
export async function completeView(db: Db, head: LegRequest): Promise<RequestView> {
  const id = head.row.id;
  const legIds = head.legs.map((l) => l.id);
  const [zones, delegates, events, versions, attachments] = await Promise.all([
    stateZones(db),
    authorisedDelegates(db, head.subject.routeStates),
    legIds.length
      ? db
          .selectFrom('clearance_leg_events')
          .innerJoin('clearance_legs', 'clearance_legs.id', 'clearance_leg_events.leg_id')
          .selectAll('clearance_leg_events')
          .select('clearance_legs.state_code as state')
          .where('clearance_leg_events.leg_id', 'in', legIds)
          .orderBy('clearance_leg_events.at')
          .orderBy('clearance_leg_events.id')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('clearance_request_versions')
      .select(['version', 'created_at', 'created_by_label', 'submitted_at'])
      .select((eb) =>
        eb
          .case()
          .when('version', '=', head.row.version)
          .then(eb.ref('content'))
          .else(null)
          .end()
          .as('content'),
      )
      .where('request_id', '=', id)
      .orderBy('version')
      .execute(),
    listClearanceAttachments(db, id),
  ]);
  const inForce = versions.find((v) => v.version === head.row.version);
  if (!inForce) throw new Error(`version ${head.row.version} of request ${id} is missing`);
  const permissionIds = head.legs.map((l) => l.standing_permission_id).filter((x): x is string => !!x);
  const permissions = permissionIds.length
    ? await db
        .selectFrom('standing_permissions')
        .select(['id', 'number'])
        .where('id', 'in', permissionIds)
        .execute()
    : [];
  return {
    ...head,
    content: inForce.content as ClearanceContent,
    zones,
    delegates,
    events: events.map((e) => ({ ...e, state: trimState(e.state) })),
    versions: versions.map(({ content: _content, ...v }) => v),
    permissionNumbers: new Map(permissions.map((p) => [p.id, p.number])),
    attachments,
  };
}

/** One version's content of a request the actor may read. */
export async function getRequestVersion(db: Db, actor: Actor, id: string, version: number) {
  const loaded = await loadRequest(db, actor, id);
  const row = await db
    .selectFrom('clearance_request_versions')
    .selectAll()
    .where('request_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('version');
  return { loaded, row };
}

/**
 * The requests the actor may read (clearanceRequestsVisibleTo), newest change first, with
 * their legs; `toDecide` keeps those with a leg of the caller's state open now.
 */
export async function listRequests(
  db: Db,
  actor: Actor,
  query: RequestListQuery,
): Promise<{ row: ClearanceRequestRow; legs: ClearanceLegRow[] }[]> {
  let q = db
    .selectFrom('clearance_requests')
    .selectAll()
    .where(clearanceRequestsVisibleTo(actor))
    .orderBy('updated_at', 'desc')
    .limit(query.limit);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.state) {
    const state = query.state;
    q = q.where((eb) =>
      eb.or([
        eb('requesting_state', '=', state),
        eb.exists(
          eb
            .selectFrom('clearance_legs')
            .select('clearance_legs.id')
            .whereRef('clearance_legs.request_id', '=', 'clearance_requests.id')
            .where('clearance_legs.state_code', '=', state),
        ),
      ]),
    );
  }
  if (query.toDecide) {
    const own = actor.kind === 'person' ? actor.stateCode : null;
    if (!own) return [];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('clearance_legs')
          .select('clearance_legs.id')
          .whereRef('clearance_legs.request_id', '=', 'clearance_requests.id')
          .where('clearance_legs.state_code', '=', own)
          .where('clearance_legs.status', 'in', ['pending', 'info_requested', 'escalated']),
      ),
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c: string) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'ilike', like), eb('reference', 'ilike', like)]));
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const legs = await db
    .selectFrom('clearance_legs')
    .selectAll()
    .where(
      'request_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ row, legs: legs.filter((l) => l.request_id === row.id) }));
}

/** The crossing points, for the map. */
export function listCrossingPoints(db: Db) {
  return db.selectFrom('crossing_points').selectAll().orderBy('position').orderBy('code').execute();
}

/** Each state's response windows, for the board and the map. */
export function listClearanceWindows(db: Db) {
  return db
    .selectFrom('clearance_windows')
    .innerJoin('member_states', 'member_states.code', 'clearance_windows.state_code')
    .select(['clearance_windows.state_code', 'urgency', 'hours', 'on_silence', 'member_states.time_zone'])
    .orderBy('member_states.position')
    .orderBy(sql`array_position(array['emergency','urgent','routine'], urgency)`)
    .execute();
}
