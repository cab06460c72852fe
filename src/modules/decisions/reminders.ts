import { sql } from 'kysely';
import { type Actor, systemActor } from '../../core/actor.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import type { ProcedureRow } from '../../db/schema.ts';
import { currentStances, PROCEDURES_CHANNEL } from './closing.ts';
import { notifyDeadlineNear } from './notify.ts';
import type { Rule } from './outcome.ts';
import { loadPolicyContext, loadProcedureSubject } from './subjects.ts';

const RUNNER = systemActor('reminder runner');
const HOUR_MS = 3_600_000;

/**
 * The reminders before a deadline. The offsets are real time: the 24 h reminder comes
 * 86,400 s before the deadline instant, which is not "the same wall time the day before"
 * when a daylight-saving change falls in between (that day has 23 or 25 h of wall time).
 * For the same reason the SQL below subtracts seconds, never `interval '1 day'`, which
 * PostgreSQL applies in the session's time zone.
 */
export const REMINDERS = [
  { kind: 'deadline_24h', beforeMs: 24 * HOUR_MS },
  { kind: 'deadline_1h', beforeMs: HOUR_MS },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];

/** The instant a reminder is due for a deadline. */
export const reminderInstant = (deadline: Date, kind: ReminderKind) =>
  new Date(deadline.getTime() - REMINDERS.find((r) => r.kind === kind)!.beforeMs);

/**
 * (kind, instant) of each reminder of procedure `p` not handled yet, as SQL rows. A
 * reminder that would fall before the procedure opened is none: the opening told everyone.
 */
const pendingReminders = sql`
  select r.kind, p.deadline - make_interval(secs => r.seconds) as at
  from (values ${sql.join(REMINDERS.map((r) => sql`(${r.kind}::text, ${r.beforeMs / 1000}::double precision)`))})
    as r(kind, seconds)
  where p.deadline - make_interval(secs => r.seconds) > p.opened_at
    and not exists (
      select 1 from procedure_reminders m
      where m.procedure_id = p.id and m.kind = r.kind and m.deadline = p.deadline)`;

/** When the next reminder falls due, or null when none is pending. Due now or in the past means due. */
export async function nextReminder(db: Db, now: Date): Promise<Date | null> {
  const { rows } = await sql<{ next: Date | string | null }>`
    select min(pending.at) as next
    from procedures p cross join lateral (${pendingReminders}) as pending
    where p.status = 'open' and p.deadline > ${now}::timestamptz`.execute(db);
  const next = rows[0]?.next;
  return next ? new Date(next) : null;
}

/** States that have not given a current stance on every point (excluded parties do not answer). */
export async function statesNotAnswered(db: Db, proc: ProcedureRow): Promise<string[]> {
  const stances = await currentStances(db, proc.id);
  const excluded = new Set((proc.rule as Rule).excludedParties);
  const answered = new Set(stances.map((s) => `${s.point}/${s.state_code.trim()}`));
  return proc.eligible.filter(
    (state) => !excluded.has(state) && proc.points.some((point) => !answered.has(`${point}/${state}`)),
  );
}

export interface ReminderSent {
  procedureId: string;
  kind: ReminderKind;
  instant: Date;
  /** The people reminded (none when every state had answered, or all turned the kind off). */
  userIds: string[];
}

/**
 * Sends every reminder due at `now`, one open procedure per transaction. The procedure row
 * is taken FOR UPDATE SKIP LOCKED (so two processes work on different procedures, and a
 * stance being written waits), each reminder is claimed by inserting its row in
 * `procedure_reminders` (ON CONFLICT DO NOTHING: one claimant wins), and each
 * notification has a unique dedupe key besides. When the server was down past several
 * reminders of a procedure, only the latest is sent; the earlier ones are passed over.
 *
 * @example await sendDueReminders(db, new Date()); // at start, then whenever one falls due
 */
export async function sendDueReminders(
  db: Db,
  now: Date,
  opts: { actor?: Actor; log?: (err: unknown) => void } = {},
): Promise<ReminderSent[]> {
  const sent: ReminderSent[] = [];
  const failed: string[] = [];
  for (;;) {
    let found = false;
    try {
      const result = await db.transaction().execute(async (trx) => {
        const skip = failed.length ? sql`and p.id not in (${sql.join(failed)})` : sql``;
        const { rows } = await sql<{ id: string }>`
          select p.id from procedures p
          where p.status = 'open' and p.deadline > ${now}::timestamptz ${skip}
            and exists (select 1 from (${pendingReminders}) as pending where pending.at <= ${now}::timestamptz)
          order by p.deadline, p.id
          limit 1
          for update of p skip locked`.execute(trx);
        if (!rows[0]) return null;
        found = true;
        try {
          return await remindOne(trx, rows[0].id, now, opts.actor ?? RUNNER);
        } catch (err) {
          failed.push(rows[0].id);
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

/** Handles the due reminders of one locked procedure. */
async function remindOne(trx: Db, id: string, now: Date, actor: Actor): Promise<ReminderSent | null> {
  const proc = await trx.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (proc.status !== 'open' || !proc.deadline || proc.deadline <= now) return null;
  const deadline = proc.deadline;
  const due = REMINDERS.map((r) => ({ kind: r.kind, instant: reminderInstant(deadline, r.kind) })).filter(
    (r) => r.instant <= now && r.instant > proc.opened_at,
  );
  // The latest due reminder is the one to send; earlier ones are stale.
  const latest = due.reduce<(typeof due)[number] | null>(
    (a, r) => (!a || r.instant > a.instant ? r : a),
    null,
  );
  let claimed = false;
  for (const r of due) {
    const mark = await trx
      .insertInto('procedure_reminders')
      .values({ procedure_id: id, kind: r.kind, deadline, sent: r === latest, handled_at: now })
      .onConflict((oc) => oc.columns(['procedure_id', 'kind', 'deadline']).doNothing())
      .returning('kind')
      .executeTakeFirst();
    if (mark && r === latest) claimed = true;
  }
  if (!claimed || !latest) return null;
  const proposal = await trx
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', proc.proposal_id)
    .executeTakeFirstOrThrow();
  const subject = await loadProcedureSubject(trx, await loadPolicyContext(trx), proposal, proc);
  const notAnswered = await statesNotAnswered(trx, proc);
  const userIds = await notifyDeadlineNear(
    trx,
    actor,
    latest.kind,
    proc,
    subject,
    notAnswered,
    latest.instant,
    now,
  );
  return { procedureId: id, kind: latest.kind, instant: latest.instant, userIds };
}

const defaultLog = (err: unknown) => console.error('accord: sending a reminder failed', err);

export interface ReminderRunnerOptions {
  /** The longest sleep between looks (ms). A NOTIFY on `accord_procedures` wakes the runner early. */
  maxSleepMs?: number;
  /** The clock; tests may move it. */
  now?: () => Date;
  onSent?: (sent: ReminderSent) => void;
  log?: (err: unknown) => void;
}

/**
 * Sends deadline reminders on time: at start whatever fell due while the server was down
 * (the latest reminder of each procedure still open), then at each reminder instant (see
 * TimedRunner); a procedure opening or a deadline moving (NOTIFY on `accord_procedures`)
 * wakes it early. Any number of processes may run one on the same PostgreSQL: each
 * reminder goes out once.
 */
export class ReminderRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: ReminderRunnerOptions = {},
  ) {
    super(handle, PROCEDURES_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 30_000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests. */
  sendDue(now = this.now()) {
    return sendDueReminders(this.handle.db, now, { log: this.opts.log });
  }

  protected async pass(now: Date) {
    const sent = await this.sendDue(now);
    for (const reminder of sent) this.opts.onSent?.(reminder);
    return sent.length;
  }

  protected nextDue(now: Date) {
    return nextReminder(this.handle.db, now);
  }
}
