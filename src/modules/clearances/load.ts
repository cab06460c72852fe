import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ClearanceLegEventRow, ClearanceLegRow, ClearanceRequestRow } from '../../db/schema.ts';
import { wakeUp } from '../../db/wake-up.ts';
import { withCommit } from '../../db/with-commit.ts';
import { authorize } from '../../policy/index.ts';
import { authorisedDelegates } from '../delegations/index.ts';
import { DEFAULT_RESPONSE_WINDOWS } from '../directory/index.ts';
import type { ClearanceEvent } from './events.ts';
import type { PointInfo } from './itinerary.ts';
import type { Leg } from './machine.ts';
import type { ClearanceLegSubject, ClearanceRequestSubject } from './policy.ts';
import type { ClearanceContent, ConditionInput, SilenceMeaning, Urgency } from './schema.ts';

/** The channel a NOTIFY goes out on when legs open or their windows move: wakes the tacit runner. */
export const CLEARANCES_CHANNEL = 'accord_clearances';
export const notifyClearances = (trx: Db, requestId: string) => wakeUp(trx, CLEARANCES_CHANNEL, requestId);

/** A request loaded for a command: its row, legs in itinerary order, content in force, policy subject. */
export interface LoadedRequest {
  row: ClearanceRequestRow;
  legs: ClearanceLegRow[];
  content: ClearanceContent;
  subject: ClearanceRequestSubject;
}

export const trimState = (code: string) => code.trim();

export function requestSubject(
  row: Pick<ClearanceRequestRow, 'classification' | 'requesting_state' | 'submitted_at'>,
  legs: Pick<ClearanceLegRow, 'state_code'>[],
): ClearanceRequestSubject {
  return {
    classification: row.classification,
    requestingState: trimState(row.requesting_state),
    routeStates: [...new Set(legs.map((l) => trimState(l.state_code)))],
    submitted: row.submitted_at !== null,
  };
}

/**
 * Loads a request and answers 404 unless the actor may read it. `forUpdate` locks the request
 * and its legs (a command on the request as a whole: amend, withdraw, accept conditions).
 */
export async function loadRequest(
  trx: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedRequest> {
  const loaded = await readRequest(trx, actor, id, opts.forUpdate ? 'update' : null);
  const version = await trx
    .selectFrom('clearance_request_versions')
    .select('content')
    .where('request_id', '=', id)
    .where('version', '=', loaded.row.version)
    .executeTakeFirstOrThrow();
  return { ...loaded, content: version.content as ClearanceContent };
}

/** A request as a command on one of its legs needs it: no content. */
export type LegRequest = Omit<LoadedRequest, 'content'>;

/**
 * Loads a request for a command on one leg, 404 unless the actor may read it: the request
 * held with FOR KEY SHARE (the request-wide commands wait for it, the other legs' commands do
 * not; see legs/settling.ts), its legs unlocked (the command locks its own by updating it).
 */
export const loadLegRequest = (trx: Db, actor: Actor, id: string): Promise<LegRequest> =>
  readRequest(trx, actor, id, 'key share');

/** A request and its legs (locked as asked), 404 unless the actor may read it; no content. */
export async function readRequest(
  trx: Db,
  actor: Actor,
  id: string,
  lock: 'update' | 'key share' | null = null,
): Promise<LegRequest> {
  let query = trx.selectFrom('clearance_requests').selectAll().where('id', '=', id);
  if (lock === 'update') query = query.forUpdate();
  if (lock === 'key share') query = query.forKeyShare();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('clearance request');
  let legsQuery = trx
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('position');
  if (lock === 'update') legsQuery = legsQuery.forUpdate();
  const legs = await legsQuery.execute();
  const subject = requestSubject(row, legs);
  authorize(actor, 'read', 'clearanceRequest', subject, 'clearance request');
  return { row, legs, subject };
}

/** The leg of one state in a loaded request; 404 when the state has none (or only a withdrawn one). */
export async function legSubject(trx: Db, loaded: LegRequest, state: string) {
  // A leg withdrawn from the route is no longer there; on a withdrawn request every leg is, and
  // the command is then refused as on any closed request (409), not as an unknown leg (404).
  const withdrawn = loaded.row.status === 'withdrawn';
  const leg = loaded.legs.find(
    (l) => trimState(l.state_code) === state && (withdrawn || l.status !== 'withdrawn'),
  );
  if (!leg)
    throw new AppError('not_found', `${state} has no leg in this request`, [
      { field: 'path.state', reason: 'not on the route' },
    ]);
  const subject: ClearanceLegSubject = {
    request: loaded.subject,
    state,
    authorisedDelegates: await authorisedDelegates(trx, [state]),
  };
  return { leg, subject };
}

/** The machine's view of a leg row. */
export function legOf(row: ClearanceLegRow): Leg {
  return {
    status: row.status,
    openedAt: row.opened_at,
    dueAt: row.due_at,
    windowSeconds: row.window_seconds,
    onSilence: row.on_silence,
    pausedAt: row.paused_at,
    pausedSeconds: Number(row.paused_seconds),
    decidedAt: row.decided_at,
    decidedHow: row.decided_how,
    conditions: (row.conditions as ConditionInput[] | null) ?? null,
    conditionsAcceptedAt: row.conditions_accepted_at,
  };
}

/** The columns a leg's machine state is written to. */
export function legColumns(leg: Leg) {
  return {
    status: leg.status,
    opened_at: leg.openedAt,
    due_at: leg.dueAt,
    window_seconds: leg.windowSeconds,
    on_silence: leg.onSilence,
    paused_at: leg.pausedAt,
    paused_seconds: leg.pausedSeconds,
    decided_at: leg.decidedAt,
    decided_how: leg.decidedHow,
    conditions: leg.conditions ? JSON.stringify(leg.conditions) : null,
    conditions_accepted_at: leg.conditionsAcceptedAt,
  };
}

/**
 * Adds to a leg's history. `sentWithCommit`: the row travels with the transaction's COMMIT (no
 * round trip; see src/db/with-commit.ts), for a command that does not read its history back
 * before it commits (a leg decision, whose answer is read after the commit).
 */
export async function addLegEvent(
  trx: Db,
  legId: string,
  kind: ClearanceLegEventRow['kind'],
  actorLabel: string,
  at: Date,
  details: Record<string, unknown> = {},
  opts: { sentWithCommit?: boolean } = {},
) {
  if (opts.sentWithCommit) {
    const query = sql`insert into clearance_leg_events (leg_id, kind, actor_label, at, details)
      values (${legId}::uuid, ${kind}::text, ${actorLabel}::text, ${at.toISOString()}::timestamptz,
        ${JSON.stringify(details)}::jsonb)`.compile(trx);
    await trx.executeQuery(withCommit(query));
    return;
  }
  await trx
    .insertInto('clearance_leg_events')
    .values({ leg_id: legId, kind, actor_label: actorLabel, at, details: JSON.stringify(details) })
    .execute();
}

/** The crossing points of the organisation. */
export async function loadPoints(db: Db): Promise<Map<string, PointInfo>> {
  const rows = await db.selectFrom('crossing_points').select(['code', 'kind', 'states']).execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, kind: r.kind, states: r.states.map(trimState) }]));
}

export async function loadMembers(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('member_states').select('code').execute();
  return new Set(rows.map((r) => trimState(r.code)));
}

/** A state's response window for an urgency (the reference figures when the file set none). */
export async function windowFor(
  db: Db,
  state: string,
  urgency: Urgency,
): Promise<{ hours: number; onSilence: SilenceMeaning }> {
  const row = await db
    .selectFrom('clearance_windows')
    .select(['hours', 'on_silence'])
    .where('state_code', '=', state)
    .where('urgency', '=', urgency)
    .executeTakeFirst();
  return row ? { hours: Number(row.hours), onSilence: row.on_silence } : DEFAULT_RESPONSE_WINDOWS[urgency];
}

/**
 * The next number in a series, per scope and year, e.g. `BY-2026-0001` for scope `BY`, or
 * `KZ-CLR-2026-0042` for scope `KZ-CLR`.
 */
export async function nextNumber(trx: Db, scope: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const result = await sql<{ last_number: number }>`
    insert into clearance_numbers (scope, year, last_number) values (${scope}, ${year}, 1)
    on conflict (scope, year) do update set last_number = clearance_numbers.last_number + 1
    returning last_number`.execute(trx);
  return `${scope}-${year}-${String(result.rows[0].last_number).padStart(4, '0')}`;
}

/**
 * Who besides the secretariat reads the record entries about a request: the states concerned;
 * while it is a draft, the requesting state alone.
 */
export const audienceOf = (
  subject: Pick<ClearanceRequestSubject, 'requestingState' | 'routeStates' | 'submitted'>,
) =>
  subject.submitted
    ? [...new Set([subject.requestingState, ...subject.routeStates])]
    : [subject.requestingState];

/** The fields every event about a request carries. */
export function eventBase(
  row: ClearanceRequestRow,
  legs: Pick<ClearanceLegRow, 'state_code' | 'status'>[],
  at: Date,
  /** Who caused it: they are not notified of their own action. */
  actor?: Actor,
): Omit<Extract<ClearanceEvent, { kind: 'request_withdrawn' }>, 'kind'> {
  return {
    actorId: actor?.kind === 'person' ? actor.id : null,
    requestId: row.id,
    reference: row.reference,
    requestingState: trimState(row.requesting_state),
    urgency: row.urgency,
    classification: row.classification,
    routeStates: legs.filter((l) => l.status !== 'withdrawn').map((l) => trimState(l.state_code)),
    at,
  };
}
