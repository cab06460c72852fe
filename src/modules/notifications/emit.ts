import { sql } from 'kysely';
import { type Actor, type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import type { NotificationKind } from '../../db/schema.ts';
import { withCommit } from '../../db/with-commit.ts';
import { EMAIL_CHANNEL, NOTIFICATIONS_CHANNEL } from './schema.ts';

// Notifications are written in the transaction of the change that causes them, by the
// module that owns the subject: it subscribes to its own domain events (decisions/notify.ts,
// clearances/notify.ts) or runs its reminders, picks the candidates, and asks `recipients`
// and `emit` here. So they exist exactly when the change does. Who is told is decided by the
// policy's own predicates over each candidate person; the kinds a person turned off are left
// out in SQL. A person who chose e-mail for the kind gets an e-mail queued in the same
// statement (the outbox, sent after commit by the e-mail runner, email.ts).

/** What a notification says besides its proposal. Facts only: the UI words them. */
export interface NotificationDetails {
  /** The procedure the notification is about (its subject is the proposal). */
  procedureId: string;
  procedureKind: string;
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
  /**
   * The facts the kind's e-mail words and the UI read (stored as JSON): decisions write
   * NotificationDetails, clearances ClearanceNotificationDetails, a new module its own.
   */
  details: object;
  at: Date;
}

/**
 * Writes one notification per recipient, a wake-up (NOTIFY by the record's sequencer) for
 * each one actually written that is shown in the app, and an e-mail in the outbox for each recipient who chose e-mail for the
 * kind (and has an address). A notification already written (same person, kind, subject and
 * instant) is skipped by the unique dedupe key, and its e-mail with it: nothing is sent
 * twice, however many processes try. One statement. `sentWithCommit`: the statement travels
 * with the transaction's COMMIT (no round trip of its own; src/db/with-commit.ts), for a
 * caller that does not need to know who was notified; it then answers an empty list.
 *
 * @returns the ids of the people notified now
 */
export async function emit(
  trx: Db,
  userIds: string[],
  e: Emission,
  opts: { sentWithCommit?: boolean } = {},
): Promise<string[]> {
  if (userIds.length === 0) return [];
  // As text: a statement sent with COMMIT carries its parameters as literals.
  const at = opts.sentWithCommit ? e.at.toISOString() : e.at;
  const query = sql<{ user_id: string }>`
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
             ${`${e.kind}:${e.key}`}, ${at}::timestamptz, c.in_app
      from chosen c
      order by c.user_id
      on conflict (user_id, dedupe_key) do nothing
      returning id, user_id, in_app
    ),
    queued as (
      insert into notification_emails (notification_id, next_attempt_at)
      select i.id, now() from inserted i join chosen c on c.user_id = i.user_id where c.email
      returning 1
    ),
    -- No NOTIFY in a command's transaction: wake-ups the record's sequencer sends (src/db/wake-up.ts).
    woken as (
      insert into wake_ups (channel, payload)
      select ${NOTIFICATIONS_CHANNEL}, i.user_id::text from inserted i where i.in_app
      union all
      select ${EMAIL_CHANNEL}, '' where exists (select 1 from queued)
      returning 1
    )
    select i.user_id, (select count(*) from woken) as woken
    from inserted i
    order by i.user_id`;
  if (opts.sentWithCommit) {
    await trx.executeQuery(withCommit(query.compile(trx)));
    return [];
  }
  const { rows } = await query.execute(trx);
  return rows.map((r) => r.user_id);
}
