import { type Actor, systemActor } from '../../../core/actor.ts';
import { TimedRunner } from '../../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../../db/connect.ts';
import type { ClearanceLegRow, ClearanceRequestRow } from '../../../db/schema.ts';
import { appendEntry } from '../../ledger/index.ts';
import { publishClearanceEvent } from '../events.ts';
import {
  addLegEvent,
  audienceOf,
  CLEARANCES_CHANNEL,
  eventBase,
  legColumns,
  legOf,
  nextNumber,
  requestSubject,
  trimState,
} from '../load.ts';
import { applyLegEvent } from '../machine.ts';
import { recordSettled, settleRequest } from './opening.ts';
import { lockForOutcome } from './settling.ts';

const RUNNER = systemActor('tacit consent runner');

/**
 * The clearance number of a leg consented by silence: the next number of the deciding
 * state's own series (`KZ-CLR-2026-0042`, as its decisions get), dated at the window's end
 * and marked as tacit with this suffix (`KZ-CLR-2026-0042-T`), so a border post reading the
 * certificate sees that the state did not answer but its silence meant consent.
 */
export const TACIT_NUMBER_SUFFIX = '-T';
export const tacitClearanceNumber = async (trx: Db, state: string, at: Date) =>
  `${await nextNumber(trx, `${state}-CLR`, at)}${TACIT_NUMBER_SUFFIX}`;

/** When the next pending leg falls due, or null when none waits. */
export async function nextLegDue(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('clearance_legs')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row?.next ? new Date(row.next as Date | string) : null;
}

export interface TacitResult {
  leg: ClearanceLegRow;
  /** consent, refusal or escalation. */
  meaning: string;
}

/**
 * Applies silence to every pending leg whose window closed at or before `now`, one
 * transaction each, in the lock order of every leg command (legs/settling.ts): the due leg is
 * found, its request taken with FOR KEY SHARE, then the leg with FOR UPDATE SKIP LOCKED and its
 * status and window checked again (a decision being written, or another process applying it,
 * makes this pass skip it); the state's setting applies at the instant the window closed (the
 * record entry carries that instant): consent approves, refusal denies, escalation hands the
 * leg to the secretariat; the request's outcome is settled as a decision settles it. Exactly
 * once per leg, with any number of processes.
 *
 * @example await applyDueSilences(db, new Date()); // at start: windows that closed while down
 */
export async function applyDueSilences(
  db: Db,
  now: Date,
  opts: { actor?: Actor; log?: (err: unknown) => void } = {},
): Promise<TacitResult[]> {
  const done: TacitResult[] = [];
  // Legs this pass leaves: failed, or locked by another command (which decides them).
  const passed: string[] = [];
  for (;;) {
    let query = db
      .selectFrom('clearance_legs')
      .select(['id', 'request_id'])
      .where('status', '=', 'pending')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(1);
    if (passed.length) query = query.where('id', 'not in', passed);
    const due = await query.executeTakeFirst();
    if (!due) break;
    passed.push(due.id);
    try {
      const result = await db.transaction().execute(async (trx) => {
        const request = await trx
          .selectFrom('clearance_requests')
          .selectAll()
          .where('id', '=', due.request_id)
          .forKeyShare()
          .executeTakeFirstOrThrow();
        const row = await trx
          .selectFrom('clearance_legs')
          .selectAll()
          .where('id', '=', due.id)
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        return row ? applySilence(trx, opts.actor ?? RUNNER, request, row, now) : null;
      });
      if (result) {
        done.push(result);
        passed.pop(); // done, so no longer pending: the list stays short
      }
    } catch (err) {
      (opts.log ?? defaultLog)(err);
    }
  }
  return done;
}

/** Silence on one locked, due, pending leg; the request is held with FOR KEY SHARE. */
async function applySilence(
  trx: Db,
  actor: Actor,
  request: ClearanceRequestRow,
  row: ClearanceLegRow,
  now: Date,
): Promise<TacitResult> {
  const others = await trx
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', row.request_id)
    .orderBy('position')
    .execute();
  const dueAt = row.due_at!;
  const leg = applyLegEvent(legOf(row), { kind: 'due', at: now });
  const meaning = row.on_silence ?? 'consent';
  const state = trimState(row.state_code);
  const clearanceNumber = leg.status === 'approved' ? await tacitClearanceNumber(trx, state, dueAt) : null;
  const updated = await trx
    .updateTable('clearance_legs')
    .set({
      ...legColumns(leg),
      decided_by_label:
        leg.status === 'escalated' ? null : actor.kind === 'system' ? actor.label : actor.username,
      clearance_number: clearanceNumber,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addLegEvent(trx, row.id, leg.status === 'escalated' ? 'escalated' : 'tacit', 'silence', dueAt, {
    meaning,
    ...(clearanceNumber ? { clearanceNumber } : {}),
  });
  await publishClearanceEvent(trx, {
    kind: 'leg_decided',
    ...eventBase(
      request,
      others.map((l) => (l.id === row.id ? updated : l)),
      dueAt,
    ),
    state,
    legId: row.id,
    outcome: leg.status === 'escalated' ? 'escalated' : leg.status === 'approved' ? 'approved' : 'denied',
    how: leg.status === 'escalated' ? null : 'tacit',
    clearanceNumber,
  });
  // The request's row lock as the last step, as a decision takes it (legs/settling.ts). Silence
  // applies even to a request another leg's denial closed meanwhile: the window did close.
  const locked = await lockForOutcome(trx, row.request_id, now);
  const settled = await settleRequest(trx, locked.request, locked.legs, dueAt, { touched: true });
  const entry = {
    classification: request.classification,
    audience: audienceOf(requestSubject(request, locked.legs)),
    at: dueAt,
  };
  await appendEntry(trx, actor, {
    action: 'clearance.leg_tacit',
    subjectType: 'clearance_request',
    subjectId: request.id,
    payload: {
      reference: request.reference,
      state,
      meaning,
      status: leg.status,
      clearanceNumber,
      closedAt: dueAt,
      appliedAt: now,
    },
    ...entry,
  });
  await recordSettled(trx, actor, settled, locked.legs, entry);
  return { leg: updated, meaning };
}

const defaultLog = (err: unknown) => console.error('accord: applying a silence failed', err);

export interface TacitRunnerOptions {
  maxSleepMs?: number;
  now?: () => Date;
  log?: (err: unknown) => void;
}

/**
 * Applies silence on time: at start whatever fell due while the server was down, then at
 * each closing window (see TimedRunner); a NOTIFY on `accord_clearances` (legs opened, a
 * window moved) wakes it early.
 */
export class TacitConsentRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: TacitRunnerOptions = {},
  ) {
    super(handle, CLEARANCES_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 1000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests and the CLI. */
  applyDue(now = this.now()) {
    return applyDueSilences(this.handle.db, now, { log: this.opts.log });
  }

  protected async pass(now: Date) {
    return (await this.applyDue(now)).length;
  }

  protected nextDue() {
    return nextLegDue(this.handle.db);
  }
}
