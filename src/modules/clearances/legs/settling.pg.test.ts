import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { connect, type Db, type DbHandle } from '../../../db/connect.ts';
import { type TestContext, testContext, testDatabaseUrl } from '../../../testing/harness.ts';
import {
  buildExerciseCast,
  EXERCISE_ORGANISATION,
  EXERCISE_STATES,
  type ExerciseCast,
  exerciseRequestBody,
} from '../../../testing/simulations/exercise-support.ts';
import { settleRecord, verifyDatabase } from '../../ledger/index.ts';
import { createRequest, withdrawRequest } from '../requests/commands.ts';
import { CreateRequestInput, DecideLegInput } from '../schema.ts';
import { decideLeg } from './commands.ts';

// Leg decisions that lock only their leg (legs/settling.ts), on a PostgreSQL server where
// transactions really run at once (PGlite runs one at a time: part of the PostgreSQL suite).
// Whatever the interleaving, a request gets exactly one outcome: one status change, one
// certificate, one `clearance.cleared` or `clearance.denied` entry, one notification per
// person, and the record verifies.

let t: TestContext;
let cast: ExerciseCast;
let others: DbHandle;
beforeAll(async () => {
  t = await testContext(EXERCISE_ORGANISATION);
  cast = await buildExerciseCast(t.handle);
  const url = await testDatabaseUrl(t.handle);
  if (!url) throw new Error('the PostgreSQL suite needs TEST_DATABASE_URL');
  others = await connect({ databaseUrl: url, poolSize: 40 });
});
afterAll(async () => {
  await others?.close();
  await t?.close();
});

const approve = DecideLegInput.parse({ decision: 'approve' });
const deny = DecideLegInput.parse({ decision: 'deny', reason: 'The crossing is closed that week' });

async function openRequest(title: string) {
  const now = new Date();
  const input = CreateRequestInput.parse({ ...exerciseRequestBody('routine', now, title), submit: true });
  return t.handle.db.transaction().execute((trx) => createRequest(trx, cast.requester.actor, input, now));
}

const decide = (db: Db, id: string, state: (typeof EXERCISE_STATES)[number], input = approve) =>
  db.transaction().execute((trx) => decideLeg(trx, cast.deciders[state].actor, id, state, input));

/**
 * A decision whose transaction stays open after its last statement (holding the request's row
 * lock taken by its last step) until `release()`: the next leg command on the request must wait.
 */
function heldDecision(id: string, state: (typeof EXERCISE_STATES)[number], input = approve) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let decided = () => {};
  const ready = new Promise<void>((resolve) => {
    decided = resolve;
  });
  const done = others.db.transaction().execute(async (trx) => {
    const request = await decideLeg(trx, cast.deciders[state].actor, id, state, input);
    decided();
    await gate;
    return request;
  });
  return { ready, release, done };
}

/** Waits until `count` backends of this database wait for a lock. */
async function waitingForLocks(count: number) {
  for (let i = 0; i < 500; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(t.handle.db);
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${count} backends waiting for a lock`);
}

/** What the request's outcome left: entries, certificates, notifications. */
async function outcomeOf(id: string) {
  await settleRecord(t.handle.db);
  const { rows } = await sql<{
    status: string;
    cleared: number;
    denied: number;
    certificates: number;
    clearedNotes: number;
    clearedPeople: number;
    deniedNotes: number;
    deniedPeople: number;
  }>`
    select r.status,
      (select count(*)::int from ledger_entries e where e.subject_id = ${id} and e.action = 'clearance.cleared') as cleared,
      (select count(*)::int from ledger_entries e where e.subject_id = ${id} and e.action = 'clearance.denied') as denied,
      (select count(*)::int from clearance_certificates c where c.request_id = r.id) as certificates,
      (select count(*)::int from notifications n where n.subject_id = r.id and n.kind = 'request_cleared') as "clearedNotes",
      (select count(distinct user_id)::int from notifications n where n.subject_id = r.id and n.kind = 'request_cleared') as "clearedPeople",
      (select count(*)::int from notifications n where n.subject_id = r.id and n.kind = 'request_denied') as "deniedNotes",
      (select count(distinct user_id)::int from notifications n where n.subject_id = r.id and n.kind = 'request_denied') as "deniedPeople"
    from clearance_requests r where r.id = ${id}`.execute(t.handle.db);
  return rows[0];
}

describe('leg decisions at the same moment (PostgreSQL)', () => {
  it('two last legs committing at once: the one that locks second sees both and clears the request, once', async () => {
    const request = await openRequest('Two last legs');
    for (const state of EXERCISE_STATES.slice(0, 4)) await decide(t.handle.db, request.id, state);
    const first = heldDecision(request.id, 'TJ');
    await first.ready; // TJ decided and holds the request's row lock, not committed
    const second = decide(others.db, request.id, 'AM'); // its leg is written, then it waits
    await waitingForLocks(1);
    first.release();
    const [byFirst, bySecond] = await Promise.all([first.done, second]);
    // TJ did not see AM's decision (not committed); AM, locking after TJ's COMMIT, saw both.
    expect(byFirst.status).toBe('pending');
    expect(bySecond.status).toBe('cleared');
    const outcome = await outcomeOf(request.id);
    expect(outcome).toMatchObject({ status: 'cleared', cleared: 1, denied: 0, certificates: 1 });
    expect(outcome.clearedNotes).toBeGreaterThan(0);
    expect(outcome.clearedNotes).toBe(outcome.clearedPeople);
  });

  it('six legs of many requests decided all at once: each request cleared exactly once; the record verifies', async () => {
    const requests = [];
    for (let i = 0; i < 12; i++) requests.push(await openRequest(`Storm ${i + 1}`));
    const results = await Promise.allSettled(
      requests.flatMap((r) => EXERCISE_STATES.map((state) => decide(others.db, r.id, state))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const r of requests) {
      const outcome = await outcomeOf(r.id);
      expect(outcome).toMatchObject({ status: 'cleared', cleared: 1, denied: 0, certificates: 1 });
      expect(outcome.clearedNotes).toBe(outcome.clearedPeople);
      // Exactly one of the six decisions saw the request cleared, in its record entry.
      const { rows } = await sql<{ status: string }>`
        select payload->>'status' as status from ledger_entries
        where subject_id = ${r.id} and action = 'clearance.leg_decided'`.execute(t.handle.db);
      expect(rows).toHaveLength(6);
      expect(rows.filter((e) => e.status === 'cleared')).toHaveLength(1);
    }
    const verdict = await verifyDatabase(t.handle.db);
    expect(verdict.ok).toBe(true);
  });

  it('a refusal that commits first: the approval racing it answers 409 and writes nothing', async () => {
    const request = await openRequest('Refusal first');
    for (const state of EXERCISE_STATES.slice(0, 4)) await decide(t.handle.db, request.id, state);
    const refusal = heldDecision(request.id, 'TJ', deny);
    await refusal.ready;
    const approval = decide(others.db, request.id, 'AM').catch((err: unknown) => err);
    await waitingForLocks(1);
    refusal.release();
    expect((await refusal.done).status).toBe('denied');
    const refused = await approval;
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('conflict');
    const am = await t.handle.db
      .selectFrom('clearance_legs')
      .select('status')
      .where('request_id', '=', request.id)
      .where('state_code', '=', 'AM')
      .executeTakeFirstOrThrow();
    expect(am.status).toBe('pending');
    const outcome = await outcomeOf(request.id);
    expect(outcome).toMatchObject({ status: 'denied', cleared: 0, denied: 1, certificates: 0 });
    expect(outcome.deniedNotes).toBe(outcome.deniedPeople);
  });

  it('an approval that commits first: the refusal after it denies the request, once', async () => {
    const request = await openRequest('Approval first');
    for (const state of EXERCISE_STATES.slice(0, 4)) await decide(t.handle.db, request.id, state);
    const approval = heldDecision(request.id, 'AM');
    await approval.ready;
    const refusal = decide(others.db, request.id, 'TJ', deny);
    await waitingForLocks(1);
    approval.release();
    expect((await approval.done).status).toBe('pending');
    expect((await refusal).status).toBe('denied');
    const outcome = await outcomeOf(request.id);
    expect(outcome).toMatchObject({ status: 'denied', cleared: 0, denied: 1, certificates: 0 });
  });

  it('refusals and approvals all at once: one outcome per request, never cleared with a refusal on it', async () => {
    const requests = [];
    for (let i = 0; i < 8; i++) requests.push(await openRequest(`Mixed ${i + 1}`));
    // On each request two states refuse (which two varies), the others approve.
    const results = await Promise.allSettled(
      requests.flatMap((r, i) =>
        EXERCISE_STATES.map((state, j) =>
          decide(others.db, r.id, state, j === i % 6 || j === (i + 3) % 6 ? deny : approve),
        ),
      ),
    );
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('conflict');
    for (const r of requests) {
      const outcome = await outcomeOf(r.id);
      expect(outcome).toMatchObject({ status: 'denied', cleared: 0, denied: 1, certificates: 0 });
      expect(outcome.deniedNotes).toBe(outcome.deniedPeople);
    }
    expect((await verifyDatabase(t.handle.db)).ok).toBe(true);
  });

  it('a withdrawal waits for the decisions in flight (FOR UPDATE against their KEY SHARE), then withdraws: no deadlock', async () => {
    const request = await openRequest('Withdrawn meanwhile');
    const decision = heldDecision(request.id, 'KZ');
    await decision.ready;
    const withdrawal = others.db
      .transaction()
      .execute((trx) =>
        withdrawRequest(trx, cast.requester.actor, request.id, { reason: 'The exercise moved' }),
      );
    await waitingForLocks(1);
    const late = decide(others.db, request.id, 'RU').catch((err: unknown) => err); // queues behind
    decision.release();
    expect((await decision.done).status).toBe('pending');
    expect((await withdrawal).status).toBe('withdrawn');
    const refused = await late;
    // Either it went before the withdrawal (decided) or after it (409: the request is withdrawn).
    if (refused instanceof AppError) expect(refused.code).toBe('conflict');
    const row = await t.handle.db
      .selectFrom('clearance_requests')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
  });
});
