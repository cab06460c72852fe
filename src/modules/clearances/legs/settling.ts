import { sql, type Updateable } from 'kysely';
import { conflict } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegRow, ClearanceRequestRow, Database } from '../../../db/schema.ts';

/*
 * How a command on one leg (a state's decision, the secretariat's on an escalated leg, silence
 * applied by the tacit runner) settles the request's outcome without making the other legs'
 * commands wait for it.
 *
 * Locks, always in this order, so that no two commands wait for each other round a loop:
 *
 *   1. FOR KEY SHARE on the request, with its first statement (`loadRequest(…, { keyShare })`).
 *      The commands on the request as a whole (amend, withdraw, accept conditions, questions,
 *      attachments) take FOR UPDATE, which conflicts with it: they wait for the leg commands in
 *      flight, and those after them wait for them. Leg commands do not wait for one another.
 *   2. The leg's own row, by its UPDATE (`updateLeg`), guarded by the status and version the
 *      command read: a leg another command changed meanwhile (the same state deciding twice,
 *      silence applied at that moment) answers 409 instead of being overwritten.
 *   3. The request's row lock (FOR NO KEY UPDATE, which KEY SHARE does not block), taken by the
 *      last statements before COMMIT (`lockForOutcome`): an UPDATE of its `updated_at`, then
 *      the legs read again. Under READ COMMITTED that second statement takes a new snapshot
 *      after the lock was granted, so it sees every leg command that held the lock before (they
 *      committed before releasing it). Of two leg commands finishing the request at once, the
 *      one that locks second therefore sees both decisions: the outcome (cleared, denied,
 *      awaiting the requester) is derived and stored by exactly one of them, which also issues
 *      the certificate and publishes `request_cleared` / `request_denied`, in its transaction,
 *      with its record entry. The lock is held only from there through COMMIT: two statements
 *      and the COMMIT's flush for most decisions, the outcome's own work for the last one.
 *
 * The request's columns the outcome writes are no key (migration 0018 turned the verification
 * code's unique constraint into a partial unique index): an UPDATE of a key would need
 * FOR UPDATE, and wait for the KEY SHARE of the other leg commands while they wait for it.
 */

/** A command on one leg found it changed by another since it read it: 409. */
const legChanged = (row: ClearanceLegRow) =>
  conflict(
    `the leg is no longer ${row.status}: another decision on it was written at the same moment`,
    'decision',
  );

/**
 * Writes a leg's new columns if it is still as read (status and version): the UPDATE takes the
 * leg's row lock, waits for a command holding it and then checks the row as that one left it.
 */
export async function updateLeg(
  trx: Db,
  row: ClearanceLegRow,
  set: Updateable<Database['clearance_legs']>,
): Promise<ClearanceLegRow> {
  const updated = await trx
    .updateTable('clearance_legs')
    .set(set)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw legChanged(row);
  return updated;
}

/**
 * The request's row lock, taken as the last step of a leg command (see above), and the request
 * and its legs as they are once it is held: every leg command that locked before has committed
 * and is seen here. Moves `updated_at` (never backwards: commands on one request commit in the
 * order they lock, not in the order they read their clocks).
 */
export async function lockForOutcome(
  trx: Db,
  requestId: string,
  now: Date,
): Promise<{ request: ClearanceRequestRow; legs: ClearanceLegRow[] }> {
  const request = await trx
    .updateTable('clearance_requests')
    .set({ updated_at: sql<Date>`greatest(updated_at, ${now}::timestamptz)` })
    .where('id', '=', requestId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const legs = await trx
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();
  return { request, legs };
}
