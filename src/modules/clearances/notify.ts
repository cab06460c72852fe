import { sql } from 'kysely';
import { systemActor } from '../../core/actor.ts';
import type { EventSubscriptions } from '../../core/events.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import type { NotificationKind } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { type ClearanceNotificationDetails, emit, recipients } from '../notifications/index.ts';
import {
  CLEARANCE_EVENT_KINDS,
  CLEARANCE_LEGS_CHANNEL,
  type ClearanceEvent,
  publishClearanceEvent,
} from './events.ts';

// Clearance news, written in the transaction of the clearance command that causes it (this
// module subscribes to its own events, published by publishClearanceEvent) or of the 1 h
// reminder runner below. Who is told: a state's points of
// contact and its head of delegation (the `clearanceNews` rule of the policy), the
// secretariat's administrators for escalations; always within the request's classification.

const HOUR_MS = 3_600_000;
const RUNNER = systemActor('clearance reminder runner');

type Base = Pick<
  ClearanceEvent,
  'requestId' | 'reference' | 'requestingState' | 'urgency' | 'classification'
>;

const baseDetails = (e: Base) => ({
  reference: e.reference,
  requestingState: e.requestingState,
  urgency: e.urgency,
});

/** Notifies the news people of `states` (null: the secretariat's administrators). */
async function tell(
  trx: Db,
  kind: NotificationKind,
  states: (string | null)[],
  e: Base & { at: Date; actorId?: string | null },
  key: string,
  details: ClearanceNotificationDetails,
  sentWithCommit = false,
): Promise<string[]> {
  const memberStates = [...new Set(states.filter((s): s is string => s !== null))];
  const secretariat = states.includes(null);
  const cause = e.actorId ? { kind: 'person' as const, id: e.actorId } : RUNNER;
  const people = await recipients(
    trx,
    kind,
    { states: memberStates, secretariat },
    (person) =>
      (person.affiliation === 'secretariat' && secretariat
        ? can(person, 'notify', 'clearanceNews', { state: null, classification: e.classification })
        : false) ||
      memberStates.some((state) =>
        can(person, 'notify', 'clearanceNews', { state, classification: e.classification }),
      ),
    cause,
  );
  return emit(
    trx,
    people,
    { kind, subjectType: 'clearance_request', subjectId: e.requestId, key, details, at: e.at },
    { sentWithCommit },
  );
}

/**
 * The in-app notifications of a clearance event. Dedupe keys name the kind, the leg or
 * request and the instant, so the same event published twice notifies once.
 *
 * `sentWithCommit` (the subscription's way, which does not need the answer): the notifications
 * of a decision and of the request's outcome travel with the COMMIT, no round trip of their
 * own; the answer then leaves them out.
 *
 * @returns the ids of the people notified now
 */
export async function notifyClearanceEvent(
  trx: Db,
  e: ClearanceEvent,
  opts: { sentWithCommit?: boolean } = {},
): Promise<string[]> {
  const late = opts.sentWithCommit ?? false;
  const at = e.at.toISOString();
  switch (e.kind) {
    case 'leg_arrived':
      return tell(trx, 'leg_arrived', [e.state], e, `${e.legId}:${at}`, {
        ...baseDetails(e),
        state: e.state,
        legId: e.legId,
        dueAt: e.dueAt ? e.dueAt.toISOString() : null,
      });
    case 'leg_decided': {
      if (e.outcome === 'info_given') {
        // The requester answered: the leg is back with the deciding state.
        const due = await legDue(trx, e.legId);
        return tell(trx, 'leg_arrived', [e.state], e, `${e.legId}:${at}`, {
          ...baseDetails(e),
          state: e.state,
          legId: e.legId,
          dueAt: due,
          reason: 'info_given',
        });
      }
      const details = {
        ...baseDetails(e),
        state: e.state,
        legId: e.legId,
        outcome: e.outcome,
        how: e.how,
        clearanceNumber: e.clearanceNumber,
      };
      if (e.outcome === 'escalated')
        return tell(trx, 'leg_escalated', [null], e, `${e.legId}:${at}`, details);
      return tell(trx, 'leg_decided', [e.requestingState], e, `${e.legId}/${e.outcome}:${at}`, details, late);
    }
    case 'request_cleared':
      return tell(
        trx,
        'request_cleared',
        [e.requestingState, ...e.routeStates],
        e,
        `${e.requestId}:${at}`,
        { ...baseDetails(e) },
        late,
      );
    case 'request_denied':
      return tell(
        trx,
        'request_denied',
        [e.requestingState, ...e.routeStates],
        e,
        `${e.requestId}:${at}`,
        { ...baseDetails(e), state: e.state },
        late,
      );
    case 'request_amended': {
      // The re-opened legs arrive again; the same key as a leg_arrived the command may also
      // publish for them, so each person is told once.
      if (e.reopenedStates.length === 0) return [];
      const legs = await trx
        .selectFrom('clearance_legs')
        .select(['id', 'state_code', 'due_at'])
        .where('request_id', '=', e.requestId)
        .where('state_code', 'in', e.reopenedStates)
        .where('status', '=', 'pending')
        .execute();
      const told: string[] = [];
      for (const leg of legs)
        told.push(
          ...(await tell(trx, 'leg_arrived', [leg.state_code.trim()], e, `${leg.id}:${at}`, {
            ...baseDetails(e),
            state: leg.state_code.trim(),
            legId: leg.id,
            dueAt: leg.due_at ? leg.due_at.toISOString() : null,
          })),
        );
      return told;
    }
    case 'leg_due_1h':
      return tell(trx, 'leg_due_1h', [e.state], e, `${e.legId}:${e.dueAt.toISOString()}`, {
        ...baseDetails(e),
        state: e.state,
        legId: e.legId,
        dueAt: e.dueAt.toISOString(),
      });
    case 'request_withdrawn':
      return [];
  }
}

/** The clearances module's own subscriptions: every clearance event, worded as notifications. */
export const clearanceNotices = Object.fromEntries(
  CLEARANCE_EVENT_KINDS.map((kind) => [
    `clearances.${kind}`,
    async (trx: Db, e: ClearanceEvent) => {
      await notifyClearanceEvent(trx, e, { sentWithCommit: true });
    },
  ]),
) as EventSubscriptions;

async function legDue(trx: Db, legId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('clearance_legs')
    .select('due_at')
    .where('id', '=', legId)
    .executeTakeFirst();
  return row?.due_at ? row.due_at.toISOString() : null;
}

// ---- 1 h before a leg's window closes --------------------------------------------------

/**
 * Pending legs whose reminder (1 h before `due_at`) is not handled yet. A reminder that
 * would fall before the leg opened is none: its arrival told everyone. Seconds, never an
 * interval in days, as in reminders.ts.
 */
const pendingLegReminder = sql`
  l.status = 'pending' and l.due_at is not null
  and (l.opened_at is null or l.due_at - make_interval(secs => ${HOUR_MS / 1000}) > l.opened_at)
  and not exists (select 1 from clearance_leg_reminders m where m.leg_id = l.id and m.due_at = l.due_at)`;

/** When the next leg reminder falls due, or null. */
export async function nextLegReminder(db: Db, now: Date): Promise<Date | null> {
  const { rows } = await sql<{ next: Date | string | null }>`
    select min(l.due_at - make_interval(secs => ${HOUR_MS / 1000})) as next
    from clearance_legs l
    where ${pendingLegReminder} and l.due_at > ${now}::timestamptz`.execute(db);
  const next = rows[0]?.next;
  return next ? new Date(next) : null;
}

export interface LegReminderSent {
  legId: string;
  dueAt: Date;
}

/**
 * Sends every leg reminder due at `now`, one leg per transaction: the leg is taken FOR
 * UPDATE SKIP LOCKED, the reminder claimed by its row in `clearance_leg_reminders`
 * (ON CONFLICT DO NOTHING: one claimant wins, once per (leg, due_at)), then the leg's
 * state is notified and its webhooks get `leg_due_1h`. A leg decided meanwhile is no longer
 * pending and is skipped.
 */
export async function sendDueLegReminders(
  db: Db,
  now: Date,
  opts: { log?: (err: unknown) => void } = {},
): Promise<LegReminderSent[]> {
  const sent: LegReminderSent[] = [];
  const failed: string[] = [];
  for (;;) {
    let found = false;
    try {
      const result = await db.transaction().execute(async (trx) => {
        const skip = failed.length ? sql`and l.id not in (${sql.join(failed)})` : sql``;
        const { rows } = await sql<{ id: string; due_at: Date | string; state_code: string }>`
          select l.id, l.due_at, l.state_code from clearance_legs l
          where ${pendingLegReminder} and l.due_at > ${now}::timestamptz
            and l.due_at - make_interval(secs => ${HOUR_MS / 1000}) <= ${now}::timestamptz ${skip}
          order by l.due_at, l.id
          limit 1
          for update of l skip locked`.execute(trx);
        const leg = rows[0];
        if (!leg) return null;
        found = true;
        try {
          return await remindLeg(trx, leg.id, new Date(leg.due_at), leg.state_code.trim(), now);
        } catch (err) {
          failed.push(leg.id);
          throw err;
        }
      });
      if (result) sent.push(result);
    } catch (err) {
      (opts.log ?? defaultLog)(err);
    }
    if (!found) break;
  }
  return sent;
}

async function remindLeg(
  trx: Db,
  legId: string,
  dueAt: Date,
  state: string,
  now: Date,
): Promise<LegReminderSent | null> {
  const claim = await trx
    .insertInto('clearance_leg_reminders')
    .values({ leg_id: legId, due_at: dueAt, sent: true, handled_at: now })
    .onConflict((oc) => oc.columns(['leg_id', 'due_at']).doNothing())
    .returning('leg_id')
    .executeTakeFirst();
  if (!claim) return null;
  const request = await trx
    .selectFrom('clearance_legs')
    .innerJoin('clearance_requests', 'clearance_requests.id', 'clearance_legs.request_id')
    .select([
      'clearance_requests.id',
      'clearance_requests.reference',
      'clearance_requests.requesting_state',
      'clearance_requests.urgency',
      'clearance_requests.classification',
    ])
    .where('clearance_legs.id', '=', legId)
    .executeTakeFirstOrThrow();
  const route = await trx
    .selectFrom('clearance_legs')
    .select('state_code')
    .where('request_id', '=', request.id)
    .orderBy('position')
    .execute();
  await publishClearanceEvent(trx, {
    kind: 'leg_due_1h',
    requestId: request.id,
    reference: request.reference,
    requestingState: request.requesting_state.trim(),
    urgency: request.urgency,
    classification: request.classification,
    routeStates: [...new Set(route.map((l) => l.state_code.trim()))],
    state,
    legId,
    dueAt,
    at: now,
    actorId: null,
  });
  return { legId, dueAt };
}

const defaultLog = (err: unknown) => console.error('accord: sending a leg reminder failed', err);

export interface LegReminderRunnerOptions {
  maxSleepMs?: number;
  now?: () => Date;
  onSent?: (sent: LegReminderSent) => void;
  log?: (err: unknown) => void;
}

/**
 * Reminds a state's points of contact 1 h before a pending leg's window closes, once per
 * (leg, due_at), on time (see TimedRunner); a leg opening (NOTIFY on
 * `accord_clearance_legs`) wakes it early. Any number of processes may run one.
 */
export class LegReminderRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: LegReminderRunnerOptions = {},
  ) {
    super(handle, CLEARANCE_LEGS_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 30_000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests. */
  sendDue(now = this.now()) {
    return sendDueLegReminders(this.handle.db, now, { log: this.opts.log });
  }

  protected async pass(now: Date) {
    const sent = await this.sendDue(now);
    for (const s of sent) this.opts.onSent?.(s);
    return sent.length;
  }

  protected nextDue(now: Date) {
    return nextLegReminder(this.handle.db, now);
  }
}
