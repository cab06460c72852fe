import { type Actor, systemActor } from '../../../core/actor.ts';
import { TimedRunner } from '../../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../../db/connect.ts';
import type { ClearanceLegRow } from '../../../db/schema.ts';
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
 * transaction each: the due leg is taken with FOR UPDATE SKIP LOCKED (a decision being
 * written, or another process applying it, makes this pass skip it), its status is checked
 * again under the lock, and the state's setting applies at the instant the window closed
 * (the record entry carries that instant): consent approves, refusal denies, escalation
 * hands the leg to the secretariat. Exactly once per leg, with any number of processes.
 *
 * @example await applyDueSilences(db, new Date()); // at start: windows that closed while down
 */
export async function applyDueSilences(
  db: Db,
  now: Date,
  opts: { actor?: Actor; log?: (err: unknown) => void } = {},
): Promise<TacitResult[]> {
  const done: TacitResult[] = [];
  const failed: string[] = [];
  for (;;) {
    let found = false;
    try {
      const result = await db.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('clearance_legs')
          .selectAll()
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .limit(1)
          .forUpdate()
          .skipLocked();
        if (failed.length) query = query.where('id', 'not in', failed);
        const row = await query.executeTakeFirst();
        if (!row) return null;
        found = true;
        if (row.status !== 'pending' || !row.due_at || row.due_at > now) {
          failed.push(row.id);
          return null;
        }
        try {
          return await applySilence(trx, opts.actor ?? RUNNER, row, now);
        } catch (err) {
          failed.push(row.id);
          throw err;
        }
      });
      if (result) done.push(result);
    } catch (err) {
      (opts.log ?? defaultLog)(err);
    }
    if (!found) break;
  }
  return done;
}

/** Silence on one locked, due, pending leg. */
async function applySilence(trx: Db, actor: Actor, row: ClearanceLegRow, now: Date): Promise<TacitResult> {
  const request = await trx
    .selectFrom('clearance_requests')
    .selectAll()
    .where('id', '=', row.request_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
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
  const legs = others.map((l) => (l.id === row.id ? updated : l));
  await publishClearanceEvent(trx, {
    kind: 'leg_decided',
    ...eventBase(request, legs, dueAt),
    state,
    legId: row.id,
    outcome: leg.status === 'escalated' ? 'escalated' : leg.status === 'approved' ? 'approved' : 'denied',
    how: leg.status === 'escalated' ? null : 'tacit',
    clearanceNumber,
  });
  const settled = await settleRequest(trx, request, legs, dueAt);
  const entry = {
    classification: request.classification,
    audience: audienceOf(requestSubject(request, legs)),
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
  await recordSettled(trx, actor, settled, legs, entry);
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
