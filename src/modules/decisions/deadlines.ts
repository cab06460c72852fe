import { type Actor, systemActor } from '../../core/actor.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import { type Closing, PROCEDURES_CHANNEL, recordOutcome } from './closing.ts';

const RUNNER = systemActor('deadline runner');

/** When the next open procedure falls due, or null when none has a deadline. */
export async function nextDeadline(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.min('deadline').as('next'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row?.next ? new Date(row.next as Date | string) : null;
}

/**
 * Closes every open procedure whose deadline is at or before `now`, one transaction each:
 * the due row is taken with FOR UPDATE SKIP LOCKED (another process closing it, or a
 * stance being written, makes this pass skip it), its status is checked again under the
 * lock, and the outcome is recorded. Any number of processes may run this at once on one
 * PostgreSQL; each procedure gets exactly one outcome.
 *
 * @example await closeDue(db, new Date()); // at start, to catch expiries while the server was down
 */
export async function closeDue(
  db: Db,
  now: Date,
  opts: { actor?: Actor; onClosed?: (closing: Closing) => void; log?: (err: unknown) => void } = {},
): Promise<Closing[]> {
  const done: Closing[] = [];
  const failed: string[] = [];
  for (;;) {
    let found = false;
    try {
      const closing = await db.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('procedures')
          .selectAll()
          .where('status', '=', 'open')
          .where('deadline', '<=', now)
          .orderBy('deadline')
          .limit(1)
          .forUpdate()
          .skipLocked();
        if (failed.length) query = query.where('id', 'not in', failed);
        const proc = await query.executeTakeFirst();
        if (!proc) return null;
        found = true;
        if (proc.status !== 'open' || !proc.deadline || proc.deadline > now) {
          failed.push(proc.id);
          return null;
        }
        try {
          return await recordOutcome(trx, opts.actor ?? RUNNER, proc, now);
        } catch (err) {
          failed.push(proc.id);
          throw err;
        }
      });
      if (closing) {
        done.push(closing);
        opts.onClosed?.(closing);
      }
    } catch (err) {
      (opts.log ?? defaultLog)(err);
    }
    if (!found) break;
  }
  return done;
}

const defaultLog = (err: unknown) => console.error('accord: closing a procedure failed', err);

export interface DeadlineRunnerOptions {
  /** The longest sleep between looks at the next deadline (ms): catches what no NOTIFY announced. */
  maxSleepMs?: number;
  /** The clock; tests may move it. */
  now?: () => Date;
  onClosed?: (closing: Closing) => void;
  log?: (err: unknown) => void;
}

/**
 * Records outcomes on time: at start whatever fell due while the server was down, then at
 * each deadline (see TimedRunner); a NOTIFY on `accord_procedures` (a procedure opened, a
 * deadline moved) wakes it early.
 */
export class DeadlineRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: DeadlineRunnerOptions = {},
  ) {
    super(handle, PROCEDURES_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 1000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests and the CLI. */
  closeDue(now = this.now()) {
    return closeDue(this.handle.db, now, { onClosed: this.opts.onClosed, log: this.opts.log });
  }

  protected async pass(now: Date) {
    return (await this.closeDue(now)).length;
  }

  protected nextDue() {
    return nextDeadline(this.handle.db);
  }
}
