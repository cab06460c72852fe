import { sql } from 'kysely';
import { type Actor, type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import type { NotificationKind, ProcedureRow, ProposalRow } from '../../db/schema.ts';
import { can, type ProcedureSubject, type ProposalSubject } from '../../policy/index.ts';
import { loadPolicyContext, proposalSubject } from '../decisions/subjects.ts';
import { EMAIL_CHANNEL, NOTIFICATIONS_CHANNEL } from './schema.ts';

// Notifications are written in the transaction of the change that causes them (the chair
// opening a procedure, a state breaking silence, an outcome) or by the reminder runner, so
// they exist exactly when the change does. Who is told is decided by the policy's own
// predicates over each candidate person; the kinds a person turned off are left out in SQL.
// A person who chose e-mail for the kind gets an e-mail queued in the same statement (the
// outbox, sent after commit by the e-mail runner, email.ts).

/** What a notification says besides its proposal. Facts only: the UI words them. */
export interface NotificationDetails {
  /** The procedure the notification is about (its subject is the proposal). */
  procedureId: string;
  procedureKind: ProcedureRow['kind'];
  deadline?: string | null;
  /** silence_broken: the state that broke silence, how, and on which points. */
  state?: string;
  stanceKind?: 'object' | 'propose_amendment';
  points?: string[];
  /** outcome: the result. */
  result?: 'adopted' | 'partially_adopted' | 'not_adopted';
}

/** What a clearance notification says besides its request. Facts only: the UI words them. */
export interface ClearanceNotificationDetails {
  reference: string;
  requestingState: string;
  urgency: string;
  /** The leg's state (leg_*), or the state that denied (request_denied). */
  state?: string;
  legId?: string;
  /** When the leg's window closes (leg_arrived, leg_due_1h). */
  dueAt?: string | null;
  /** leg_decided: what the state answered, and how (tacit, standing permission...). */
  outcome?: string;
  how?: string | null;
  clearanceNumber?: string | null;
  /** leg_arrived: 'info_given' when the requester answered the state's question. */
  reason?: 'info_given';
}

interface Candidates {
  /** Delegation members of these states are candidates. */
  states: string[];
  /** Secretariat staff are candidates too. */
  secretariat: boolean;
}

/**
 * The enabled people among the candidates who have not turned the kind off (neither in the
 * app nor by e-mail to an address they have) and whom `may` admits, less the person whose
 * own action caused the notification.
 */
export async function recipients(
  trx: Db,
  kind: NotificationKind,
  who: Candidates,
  may: (person: Person) => boolean,
  cause: Actor | { kind: 'person'; id: string },
): Promise<string[]> {
  if (who.states.length === 0 && !who.secretariat) return [];
  const rows = await trx
    .selectFrom('users')
    .selectAll()
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(who.states.length
          ? [eb.and([eb('affiliation', '=', 'delegation'), eb('state_code', 'in', who.states)])]
          : []),
        ...(who.secretariat ? [eb('affiliation', '=', 'secretariat')] : []),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_preferences')
            .select('notification_preferences.user_id')
            .whereRef('notification_preferences.user_id', '=', 'users.id')
            .where('notification_preferences.kind', '=', kind)
            .where('notification_preferences.in_app', '=', false)
            .where((eb) =>
              eb.or([eb('notification_preferences.email', '=', false), eb('users.email', 'is', null)]),
            ),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  const causedBy = cause.kind === 'person' ? cause.id : null;
  return rows
    .map(personFromRow)
    .filter((person) => person.id !== causedBy && may(person))
    .map((person) => person.id);
}

export interface Emission {
  kind: NotificationKind;
  /** What the notification is about: its type ('proposal', 'clearance_request'...) and id. */
  subjectType: string;
  subjectId: string;
  /** The subject and instant after the kind in the dedupe key: "<procedure>:<instant ISO>". */
  key: string;
  details: NotificationDetails | ClearanceNotificationDetails;
  at: Date;
}

/**
 * Writes one notification per recipient, a NOTIFY for each one actually written that is
 * shown in the app, and an e-mail in the outbox for each recipient who chose e-mail for the
 * kind (and has an address). A notification already written (same person, kind, subject and
 * instant) is skipped by the unique dedupe key, and its e-mail with it: nothing is sent
 * twice, however many processes try. One statement.
 *
 * @returns the ids of the people notified now
 */
export async function emit(trx: Db, userIds: string[], e: Emission): Promise<string[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{ user_id: string }>`
    with chosen as (
      select u.id as user_id,
             coalesce(p.in_app, true) as in_app,
             coalesce(p.email, false) and u.email is not null as email
      from users u
      left join notification_preferences p on p.user_id = u.id and p.kind = ${e.kind}
      where u.id in (${sql.join(userIds.map((id) => sql`${id}::uuid`))})
    ),
    inserted as (
      insert into notifications
        (user_id, kind, subject_type, subject_id, details, dedupe_key, created_at, in_app)
      select c.user_id, ${e.kind}, ${e.subjectType}, ${e.subjectId}::uuid, ${JSON.stringify(e.details)}::jsonb,
             ${`${e.kind}:${e.key}`}, ${e.at}::timestamptz, c.in_app
      from chosen c
      order by c.user_id
      on conflict (user_id, dedupe_key) do nothing
      returning id, user_id, in_app
    ),
    queued as (
      insert into notification_emails (notification_id, next_attempt_at)
      select i.id, now() from inserted i join chosen c on c.user_id = i.user_id where c.email
      returning pg_notify(${EMAIL_CHANNEL}, '')
    )
    select i.user_id,
           case when i.in_app then pg_notify(${NOTIFICATIONS_CHANNEL}, i.user_id::text) end as n,
           (select count(*) from queued) as queued
    from inserted i
    order by i.user_id`.execute(trx);
  return rows.map((r) => r.user_id);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A procedure's notifications are about its proposal (the procedure's id is in the details). */
const procedureSubject = (procedure: Pick<ProcedureRow, 'proposal_id'>) => ({
  subjectType: 'proposal',
  subjectId: procedure.proposal_id,
});

/**
 * A procedure opened: to the people of the body's delegations who may read the proposal,
 * which takes in every eligible state's head of delegation and authorised delegates.
 */
export async function notifyProcedureOpened(
  trx: Db,
  actor: Actor,
  procedure: ProcedureRow,
  proposal: ProposalSubject,
  at: Date,
) {
  const states = [...new Set([...proposal.bodyStates, ...procedure.eligible])];
  const people = await recipients(
    trx,
    'procedure_opened',
    { states, secretariat: false },
    (person) => can(person, 'read', 'proposal', proposal),
    actor,
  );
  return emit(trx, people, {
    kind: 'procedure_opened',
    ...procedureSubject(procedure),
    key: `${procedure.id}:${at.toISOString()}`,
    details: { procedureId: procedure.id, procedureKind: procedure.kind, deadline: iso(procedure.deadline) },
    at,
  });
}

/** A state broke silence (an objection or a proposed amendment): to everyone who can read the proposal. */
export async function notifySilenceBroken(
  trx: Db,
  actor: Actor,
  procedure: ProcedureRow,
  proposal: ProposalSubject,
  state: string,
  stances: { point: string; kind: string }[],
  at: Date,
) {
  const breaks = stances.filter((s) => s.kind === 'object' || s.kind === 'propose_amendment');
  if (breaks.length === 0) return [];
  const people = await recipients(
    trx,
    'silence_broken',
    { states: proposal.bodyStates, secretariat: true },
    (person) => can(person, 'read', 'proposal', proposal),
    actor,
  );
  return emit(trx, people, {
    kind: 'silence_broken',
    ...procedureSubject(procedure),
    key: `${procedure.id}/${state}:${at.toISOString()}`,
    details: {
      procedureId: procedure.id,
      procedureKind: procedure.kind,
      deadline: iso(procedure.deadline),
      state,
      stanceKind: breaks.some((s) => s.kind === 'object') ? 'object' : 'propose_amendment',
      points: breaks.map((s) => s.point),
    },
    at,
  });
}

/** A procedure closed with its outcome: to everyone who can read the proposal. */
export async function notifyOutcome(
  trx: Db,
  actor: Actor,
  procedure: ProcedureRow,
  proposalRow: ProposalRow,
  at: Date,
) {
  const proposal = proposalSubject(await loadPolicyContext(trx), proposalRow);
  const people = await recipients(
    trx,
    'outcome',
    { states: proposal.bodyStates, secretariat: true },
    (person) => can(person, 'read', 'proposal', proposal),
    actor,
  );
  return emit(trx, people, {
    kind: 'outcome',
    ...procedureSubject(procedure),
    key: `${procedure.id}:${at.toISOString()}`,
    details: {
      procedureId: procedure.id,
      procedureKind: procedure.kind,
      result: procedure.result ?? undefined,
    },
    at,
  });
}

/**
 * A deadline is near: to the heads of delegation and authorised delegates of the states
 * that have not answered, each only if the policy lets them answer.
 */
export async function notifyDeadlineNear(
  trx: Db,
  actor: Actor,
  kind: 'deadline_24h' | 'deadline_1h',
  procedure: ProcedureRow,
  subject: ProcedureSubject,
  notAnswered: string[],
  instant: Date,
  now: Date,
) {
  const people = await recipients(
    trx,
    kind,
    { states: notAnswered, secretariat: false },
    (person) => can(person, 'giveStance', 'procedure', subject),
    actor,
  );
  return emit(trx, people, {
    kind,
    ...procedureSubject(procedure),
    key: `${procedure.id}:${instant.toISOString()}`,
    details: { procedureId: procedure.id, procedureKind: procedure.kind, deadline: iso(procedure.deadline) },
    at: now,
  });
}
