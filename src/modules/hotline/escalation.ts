import { type Actor, systemActor } from '../../core/actor.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import type { HotlineMessageRow } from '../../db/schema-hotline.ts';
import { appendEntry } from '../ledger/index.ts';
import { messageFacts } from './commands.ts';
import { publishEscalated } from './events.ts';
import { findHotlineById } from './queries.ts';
import { HOTLINE_CHANNEL } from './schema.ts';

const RUNNER = systemActor('hotline escalation runner');

/** When the next unacknowledged message's window closes, or null when none waits. */
export async function nextEscalationDue(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('hotline_messages')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .where('acknowledged_at', 'is', null)
    .where('escalated_at', 'is', null)
    .executeTakeFirst();
  return row?.next ? new Date(row.next as Date | string) : null;
}

/**
 * Escalates every message whose window closed at or before `now` unacknowledged, one
 * transaction each: the message is taken FOR UPDATE SKIP LOCKED and checked again under the
 * lock (an acknowledgement being written, or another process escalating it, makes this pass
 * leave it), `escalated_at` set to the instant the window closed, a record entry dated then,
 * and `hotline.escalated` published (notifications, webhooks). Exactly once per message with
 * any number of processes; at start it catches up what closed while the server was down. A
 * message acknowledged before the runner got to it is never escalated (the acknowledgement
 * records whether it came within the window).
 *
 * @example await escalateDueMessages(db, new Date());
 */
export async function escalateDueMessages(
  db: Db,
  now: Date,
  opts: { actor?: Actor; log?: (err: unknown) => void } = {},
): Promise<HotlineMessageRow[]> {
  const done: HotlineMessageRow[] = [];
  const passed: string[] = [];
  for (;;) {
    let query = db
      .selectFrom('hotline_messages')
      .select('id')
      .where('acknowledged_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(1);
    if (passed.length) query = query.where('id', 'not in', passed);
    const due = await query.executeTakeFirst();
    if (!due) break;
    passed.push(due.id);
    try {
      const escalated = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('hotline_messages')
          .selectAll()
          .where('id', '=', due.id)
          .where('acknowledged_at', 'is', null)
          .where('escalated_at', 'is', null)
          .where('due_at', '<=', now)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        return row ? escalate(trx, opts.actor ?? RUNNER, row, now) : null;
      });
      if (escalated) {
        done.push(escalated);
        passed.pop();
      }
    } catch (err) {
      (opts.log ?? defaultLog)(err);
    }
  }
  return done;
}

async function escalate(trx: Db, actor: Actor, row: HotlineMessageRow, now: Date) {
  const hotline = (await findHotlineById(trx, row.hotline_id))!;
  const closedAt = new Date(row.due_at);
  const updated = await trx
    .updateTable('hotline_messages')
    .set({ escalated_at: closedAt })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const facts = messageFacts(hotline, updated);
  await appendEntry(trx, actor, {
    action: 'hotline.message_escalated',
    subjectType: 'hotline_message',
    subjectId: row.id,
    payload: {
      hotline: hotline.row.code,
      fromState: facts.fromState,
      toState: facts.toState,
      urgency: row.urgency,
      sentAt: facts.sentAt.toISOString(),
      closedAt: closedAt.toISOString(),
      appliedAt: now.toISOString(),
      escalatedTo: hotline.row.escalate_to,
    },
    at: closedAt,
    classification: row.classification,
    audience: hotline.states,
  });
  await publishEscalated(trx, { ...facts, escalateTo: hotline.row.escalate_to, at: closedAt, actorId: null });
  return updated;
}

const defaultLog = (err: unknown) => console.error('accord: escalating a hotline message failed', err);

export interface EscalationRunnerOptions {
  maxSleepMs?: number;
  now?: () => Date;
  log?: (err: unknown) => void;
}

/**
 * Escalates on time: at start whatever closed while the server was down, then at each closing
 * window (see TimedRunner); a NOTIFY on `accord_hotline` (a message sent) wakes it early.
 */
export class HotlineEscalationRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: EscalationRunnerOptions = {},
  ) {
    super(handle, HOTLINE_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 1000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests and the CLI. */
  escalateDue(now = this.now()) {
    return escalateDueMessages(this.handle.db, now, { log: this.opts.log });
  }

  protected async pass(now: Date) {
    return (await this.escalateDue(now)).length;
  }

  protected nextDue() {
    return nextEscalationDue(this.handle.db);
  }
}
