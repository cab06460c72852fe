import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import { decisionsVisibleTo, proposalsVisibleTo } from '../../policy/scopes.ts';
import { closableNow } from './procedures.ts';

/**
 * The decisions module's part of the home page: what waits on the person (stances their
 * state owes, procedures they chair that may be closed) and what closed lately. Every query
 * is scoped by `proposalsVisibleTo`, so nothing appears that the person may not read; one
 * query each.
 */

/** At most this many lines of each query: the home page is a summary, the lists are elsewhere. */
const LIMIT = 100;

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** The state a person answers for, or sees answered: a member delegation's own, never an observer's. */
const memberState = (person: Person) =>
  person.affiliation === 'delegation' && person.role !== 'observer' ? person.stateCode : null;

/** Whether the person chairs: a secretariat administrator, or the presiding state's head of delegation (the `isChair` rule). */
function chairs(person: Person): RawBuilder<SqlBool> {
  if (person.role === 'secretariat_admin') return TRUE;
  const state = memberState(person);
  if (person.role !== 'head_of_delegation' || !state) return FALSE;
  return sql<SqlBool>`(select p.state_code::text from presidencies p order by p.starts_on desc limit 1) = ${state}`;
}

/** Whether the person may answer for their state: its head, or a delegate the head authorised. */
function answersForState(person: Person, state: string | null): RawBuilder<SqlBool> {
  if (!state) return FALSE;
  if (person.role === 'head_of_delegation') return TRUE;
  return sql<SqlBool>`exists (select 1 from delegate_authorisations da
    where da.user_id = ${person.id} and da.state_code = ${state})`;
}

/** The state is asked in the procedure: eligible, and not excluded as a party concerned. */
const stateAsked = (state: string) =>
  sql<SqlBool>`(${state} = any(procedures.eligible)
    and not coalesce(procedures.rule -> 'excludedParties', '[]'::jsonb) @> jsonb_build_array(${state}::text))`;

/** The state has a current stance on every point of the procedure. */
const stateAnswered = (state: string) =>
  sql<SqlBool>`not exists (select 1 from unnest(procedures.points) as pt(point)
    where not exists (select 1 from stances s where s.procedure_id = procedures.id
      and s.point = pt.point and s.state_code = ${state} and s.superseded_at is null))`;

/** Every state asked has a current stance on every point (`everyoneAnswered`, in SQL). */
const everyoneAnswered = sql<SqlBool>`not exists (
  select 1 from unnest(procedures.points) as pt(point) cross join unnest(procedures.eligible) as el(state)
  where not coalesce(procedures.rule -> 'excludedParties', '[]'::jsonb) @> jsonb_build_array(el.state)
    and not exists (select 1 from stances s where s.procedure_id = procedures.id
      and s.point = pt.point and s.state_code = el.state and s.superseded_at is null))`;

/**
 * What waits on the person in open procedures, soonest deadline first:
 * - `decisions.stance_due`: their state is asked and has not answered every point, and they
 *   answer for it (head of delegation, authorised delegate);
 * - `decisions.state_unanswered`: the same seen by the rest of the delegation;
 * - `decisions.to_close`: a procedure they chair that may be closed now (a meeting consensus,
 *   or every state answered, or the deadline passed).
 */
export async function decisionsAttention(db: Db, person: Person, now: Date): Promise<AttentionItem[]> {
  const state = memberState(person);
  const concerned = state ? stateAsked(state) : FALSE;
  const chair = chairs(person);
  if (concerned === FALSE && chair === FALSE) return [];
  const rows = await db
    .selectFrom('procedures')
    .innerJoin('proposals', 'proposals.id', 'procedures.proposal_id')
    .select([
      'procedures.id',
      'procedures.proposal_id',
      'procedures.kind',
      'procedures.deadline',
      'procedures.status',
      'proposals.title',
      'proposals.body_code',
    ])
    .select([
      concerned.as('concerned'),
      (state ? stateAnswered(state) : TRUE).as('state_answered'),
      answersForState(person, state).as('answers'),
      chair.as('chairs'),
      everyoneAnswered.as('all_answered'),
    ])
    .where('procedures.status', '=', 'open')
    .where(proposalsVisibleTo(person))
    .where((eb) => eb.or([concerned, chair]))
    .orderBy(sql`procedures.deadline asc nulls last`)
    .orderBy('procedures.opened_at')
    .limit(LIMIT)
    .execute();

  const items: AttentionItem[] = [];
  for (const row of rows) {
    const base = {
      subjectType: 'procedure',
      subjectId: row.id,
      title: row.title,
      path: `/proposals/${row.proposal_id}`,
      dueAt: row.deadline ? row.deadline.toISOString() : null,
    };
    if (row.concerned && !row.state_answered && state) {
      items.push({
        ...base,
        kind: row.answers ? 'decisions.stance_due' : 'decisions.state_unanswered',
        details: { state, procedureKind: row.kind, body: row.body_code },
      });
    }
    const allAnswered = Boolean(row.all_answered);
    if (row.chairs && closableNow(row, allAnswered, now)) {
      items.push({
        ...base,
        kind: 'decisions.to_close',
        details: { procedureKind: row.kind, body: row.body_code, allAnswered },
      });
    }
  }
  return items;
}

/**
 * Whether the person reads decisions as they are published to the public: observers and
 * partners (every partner is an observer), who sit in no body, read the adopted decisions of
 * classification 0 (public) and no procedure (`decision.read`, `decisionsVisibleTo`).
 */
const readsPublishedDecisions = (person: Person) => person.role === 'observer';

/**
 * What closed since `since`, newest first: each procedure closed with its outcome
 * (`decisions.procedure_closed`), or, when it adopted something, the numbered decision
 * (`decisions.decision_adopted`). Observers and partners see the public adopted decisions.
 */
export async function decisionsRecent(db: Db, person: Person, since: Date): Promise<AttentionItem[]> {
  const published = readsPublishedDecisions(person);
  const rows = await db
    .selectFrom('procedures')
    .innerJoin('proposals', 'proposals.id', 'procedures.proposal_id')
    .leftJoin('decisions', 'decisions.procedure_id', 'procedures.id')
    .select([
      'procedures.id',
      'procedures.proposal_id',
      'procedures.kind',
      'procedures.result',
      'procedures.closed_at',
      'proposals.title',
      'proposals.body_code',
      'decisions.id as decision_id',
      'decisions.year',
      'decisions.number',
      'decisions.title as decision_title',
      'decisions.adopted_at',
    ])
    .where('procedures.status', '=', 'closed')
    .where('procedures.closed_at', '>=', since)
    .where((eb) =>
      published
        ? eb.and([eb('decisions.id', 'is not', null), decisionsVisibleTo(person)(eb)])
        : proposalsVisibleTo(person)(eb),
    )
    .orderBy('procedures.closed_at', 'desc')
    .limit(LIMIT)
    .execute();

  return rows.map((row): AttentionItem => {
    const details = { procedureKind: row.kind, body: row.body_code, result: row.result };
    if (row.decision_id && row.number !== null && row.year !== null) {
      return {
        kind: 'decisions.decision_adopted',
        subjectType: 'decision',
        subjectId: row.decision_id,
        title: row.decision_title ?? row.title,
        path: `/decisions/${row.decision_id}`,
        at: (row.adopted_at ?? row.closed_at)?.toISOString() ?? null,
        details: { ...details, number: row.number, year: row.year },
      };
    }
    return {
      kind: 'decisions.procedure_closed',
      subjectType: 'procedure',
      subjectId: row.id,
      title: row.title,
      path: `/proposals/${row.proposal_id}`,
      at: row.closed_at?.toISOString() ?? null,
      details,
    };
  });
}
