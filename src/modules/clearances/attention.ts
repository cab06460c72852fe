import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import type { ClearanceLegRow } from '../../db/schema.ts';
import { clearanceRequestsVisibleTo } from '../../policy/scopes.ts';

/**
 * The clearances module's part of the home page: legs the person's state must decide,
 * requests of their state waiting on it (conditions to accept, questions to answer), legs
 * escalated to the secretariat's administrators, and requests cleared or denied lately.
 * Every query is scoped by `clearanceRequestsVisibleTo`; two queries for what waits, one
 * for what closed.
 */

/** At most this many lines of each query: the home page is a summary, the board lists the rest. */
const LIMIT = 100;

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** The state a person acts for in clearances: a member delegation's own, never an observer's. */
export const memberState = (person: Person) =>
  person.affiliation === 'delegation' && person.role !== 'observer' ? person.stateCode : null;

/** Decides the state's legs: its head of delegation, a point of contact, or a delegate the head authorised (`decidesFor`). */
export function decidesForState(person: Person, state: string | null): RawBuilder<SqlBool> {
  if (!state) return FALSE;
  if (person.role === 'head_of_delegation' || person.role === 'point_of_contact') return TRUE;
  if (person.role !== 'delegate') return FALSE;
  return sql<SqlBool>`exists (select 1 from delegate_authorisations da
    where da.user_id = ${person.id} and da.state_code = ${state})`;
}

const isAdmin = (person: Person) => person.role === 'secretariat_admin';

/** Seconds left in a leg's window: to its due instant, or, while paused by a question, what was left when it paused. */
function remainingSeconds(
  leg: Pick<
    ClearanceLegRow,
    'status' | 'due_at' | 'opened_at' | 'paused_at' | 'paused_seconds' | 'window_seconds'
  >,
  now: Date,
): number | null {
  if (leg.status === 'pending' && leg.due_at)
    return Math.max(Math.round((leg.due_at.getTime() - now.getTime()) / 1000), 0);
  if (leg.status === 'info_requested' && leg.paused_at && leg.opened_at && leg.window_seconds !== null) {
    const used = (leg.paused_at.getTime() - leg.opened_at.getTime()) / 1000 - Number(leg.paused_seconds);
    return Math.max(Math.round(leg.window_seconds - used), 0);
  }
  return null;
}

/**
 * What waits on the person, soonest first:
 * - `clearances.leg_to_decide`: an open leg of their state (pending, or paused by its own
 *   question), for those who decide for it;
 * - `clearances.question_to_answer`: a state on the route asked their state's request a
 *   question (the leg is paused until the answer);
 * - `clearances.escalated`: a leg whose window closed in silence with escalation, for the
 *   secretariat's administrators;
 * - `clearances.conditions_to_accept`: every state approved their state's request, some
 *   with conditions the requester must accept.
 */
export async function clearancesAttention(db: Db, person: Person, now: Date): Promise<AttentionItem[]> {
  const state = memberState(person);
  const admin = isAdmin(person);
  if (!state && !admin) return [];
  const decides = decidesForState(person, state);

  const [legs, awaiting] = await Promise.all([
    db
      .selectFrom('clearance_legs')
      .innerJoin('clearance_requests', 'clearance_requests.id', 'clearance_legs.request_id')
      .select([
        'clearance_legs.id',
        'clearance_legs.request_id',
        'clearance_legs.state_code',
        'clearance_legs.status',
        'clearance_legs.due_at',
        'clearance_legs.opened_at',
        'clearance_legs.paused_at',
        'clearance_legs.paused_seconds',
        'clearance_legs.window_seconds',
        'clearance_legs.on_silence',
        'clearance_requests.reference',
        'clearance_requests.title',
        'clearance_requests.requesting_state',
        'clearance_requests.urgency',
      ])
      .select(decides.as('decides'))
      .where(clearanceRequestsVisibleTo(person))
      .where('clearance_requests.status', '=', 'pending')
      .where((eb) =>
        eb.or([
          state
            ? eb.and([
                eb('clearance_legs.state_code', '=', state),
                eb('clearance_legs.status', 'in', ['pending', 'info_requested']),
                decides,
              ])
            : FALSE,
          state
            ? eb.and([
                eb('clearance_requests.requesting_state', '=', state),
                eb('clearance_legs.status', '=', 'info_requested'),
              ])
            : FALSE,
          admin ? eb('clearance_legs.status', '=', 'escalated') : FALSE,
        ]),
      )
      .orderBy(sql`clearance_legs.due_at asc nulls last`)
      .orderBy('clearance_legs.opened_at')
      .limit(LIMIT)
      .execute(),
    state
      ? db
          .selectFrom('clearance_requests')
          .select(['id', 'reference', 'title', 'requesting_state', 'urgency', 'updated_at'])
          .select(
            sql<number>`(select count(*)::int from clearance_legs l where l.request_id = clearance_requests.id
              and l.status = 'approved' and jsonb_array_length(coalesce(l.conditions, '[]'::jsonb)) > 0
              and l.conditions_accepted_at is null)`.as('unaccepted'),
          )
          .where(clearanceRequestsVisibleTo(person))
          .where('status', '=', 'awaiting_acceptance')
          .where('requesting_state', '=', state)
          .orderBy('updated_at')
          .limit(LIMIT)
          .execute()
      : Promise.resolve([]),
  ]);

  const items: AttentionItem[] = [];
  for (const leg of legs) {
    const legState = leg.state_code.trim();
    const requester = leg.requesting_state.trim();
    const base = {
      subjectType: 'clearance_request',
      subjectId: leg.request_id,
      title: leg.title,
      path: `/clearances/${leg.request_id}`,
    };
    const paused = leg.status === 'info_requested';
    const facts = {
      reference: leg.reference,
      state: legState,
      requestingState: requester,
      urgency: leg.urgency,
      paused,
      remainingSeconds: remainingSeconds(leg, now),
    };
    if (leg.status === 'escalated' && admin) {
      items.push({ ...base, kind: 'clearances.escalated', dueAt: null, details: facts });
      continue;
    }
    if (state && legState === state && leg.decides) {
      items.push({
        ...base,
        kind: 'clearances.leg_to_decide',
        dueAt: leg.due_at?.toISOString() ?? null,
        details: { ...facts, onSilence: leg.on_silence },
      });
    }
    if (state && paused && requester === state) {
      items.push({ ...base, kind: 'clearances.question_to_answer', dueAt: null, details: facts });
    }
  }
  for (const request of awaiting) {
    items.push({
      kind: 'clearances.conditions_to_accept',
      subjectType: 'clearance_request',
      subjectId: request.id,
      title: request.title,
      path: `/clearances/${request.id}`,
      dueAt: null,
      at: request.updated_at.toISOString(),
      details: {
        reference: request.reference,
        requestingState: request.requesting_state.trim(),
        urgency: request.urgency,
        legs: Number(request.unaccepted),
      },
    });
  }
  return items;
}

/**
 * Requests the person may read that were cleared (`clearances.request_cleared`) or denied
 * (`clearances.request_denied`) since `since`, newest first.
 */
export async function clearancesRecent(db: Db, person: Person, since: Date): Promise<AttentionItem[]> {
  if (person.role === 'observer') return [];
  const rows = await db
    .selectFrom('clearance_requests')
    .select(['id', 'reference', 'title', 'requesting_state', 'status', 'urgency'])
    .select(sql<Date>`coalesce(cleared_at, closed_at)`.as('settled_at'))
    .where(clearanceRequestsVisibleTo(person))
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'cleared'), eb('cleared_at', '>=', since)]),
        eb.and([eb('status', '=', 'denied'), eb('closed_at', '>=', since)]),
      ]),
    )
    .orderBy(sql`coalesce(cleared_at, closed_at)`, 'desc')
    .limit(LIMIT)
    .execute();
  return rows.map((row) => ({
    kind: row.status === 'cleared' ? 'clearances.request_cleared' : 'clearances.request_denied',
    subjectType: 'clearance_request',
    subjectId: row.id,
    title: row.title,
    path: `/clearances/${row.id}`,
    at: new Date(row.settled_at).toISOString(),
    details: {
      reference: row.reference,
      requestingState: row.requesting_state.trim(),
      urgency: row.urgency,
    },
  }));
}
