import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import { recordHead, secondHandle, type TestContext, testContext } from '../../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, HOUR, landRoute } from '../../../testing/simulations/clearances.ts';
import { settleRecord } from '../../ledger/index.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from '../factories.ts';
import { DecideLegInput } from '../schema.ts';
import { askInfo, decideLeg, giveInfo } from './commands.ts';
import { applyDueSilences, TacitConsentRunner } from './tacit.ts';

// Silence applies exactly once, at the instant the window closed: with two runners on one
// database (two pools on PostgreSQL when TEST_DATABASE_URL is set), after a restart, and
// never while a question holds the clock.

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

/** The tacit consents recorded after `after`, once what was written has its place. */
async function tacitEntries(after: number) {
  await settleRecord(t.handle.db);
  return t.handle.db
    .selectFrom('ledger_entries')
    .select(['subject_id', 'payload', 'at'])
    .where('action', '=', 'clearance.leg_tacit')
    .where('seq', '>', after)
    .execute();
}

describe('the tacit-consent runner', () => {
  it('two runners at once: every due leg exactly once', async () => {
    const before = await recordHead(t.handle);
    const submittedAt = new Date(Date.now() - 80 * HOUR);
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(
        await buildClearanceRequest(t.handle, {
          by: p.byDelegate,
          now: submittedAt,
          body: { legs: landRoute() },
        }),
      );
    const other = await secondHandle(t.handle);
    try {
      const now = new Date();
      const [a, b] = await Promise.all([applyDueSilences(t.handle.db, now), applyDueSilences(other.db, now)]);
      expect(a.length + b.length).toBe(12);
    } finally {
      await other.close();
    }
    const entries = await tacitEntries(before);
    const keys = entries.map((e) => `${e.subject_id}/${(e.payload as { state: string }).state}`);
    expect(new Set(keys).size).toBe(12);
    expect(keys).toHaveLength(12);
    // Each at the instant its window closed, not when the runner got to it.
    for (const e of entries) {
      const { state } = e.payload as { state: string };
      const hours = state === 'RU' ? 48 : 72;
      expect(new Date(e.at).getTime()).toBe(submittedAt.getTime() + hours * HOUR);
    }
    const statuses = await t.handle.db
      .selectFrom('clearance_requests')
      .select('status')
      .where(
        'id',
        'in',
        made.map((r) => r.id),
      )
      .execute();
    expect(statuses.every((s) => s.status === 'denied')).toBe(true);
  });

  it('after a restart it applies what fell due while down; a paused leg waits', async () => {
    const submittedAt = new Date(Date.now() - 100 * HOUR);
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: submittedAt,
      body: { legs: landRoute() },
    });
    await t.handle.db
      .transaction()
      .execute((trx) =>
        askInfo(
          trx,
          personFromRow(p.ruHead),
          r.id,
          'RU',
          { question: 'Which units?' },
          new Date(submittedAt.getTime() + HOUR),
        ),
      );
    const runner = new TacitConsentRunner(t.handle, { maxSleepMs: 50 });
    await runner.start();
    await runner.stop();
    const legs = await t.handle.db
      .selectFrom('clearance_legs')
      .select(['state_code', 'status', 'decided_how'])
      .where('request_id', '=', r.id)
      .orderBy('position')
      .execute();
    expect(legs.map((l) => [l.state_code, l.status])).toEqual([
      ['BY', 'approved'],
      ['RU', 'info_requested'],
      ['KZ', 'approved'],
    ]);
    expect(legs[0].decided_how).toBe('tacit');
  });

  it('a request cleared by a late-applied silence is dated at the last leg that settled', async () => {
    const start = new Date(Date.now() - 100 * HOUR);
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: start,
      body: { legs: landRoute(start) },
    });
    const run = <T>(fn: (trx: TestContext['handle']['db']) => Promise<T>) =>
      t.handle.db.transaction().execute(fn);
    const approve = (who: 'byHead' | 'ruHead', state: string, when: Date) =>
      run((trx) =>
        decideLeg(
          trx,
          personFromRow(p[who]),
          r.id,
          state,
          DecideLegInput.parse({ decision: 'approve' }),
          when,
        ),
      );
    // BY's question holds its clock for 2 h: its window now ends at 74 h, KZ's at 72 h.
    await run((trx) =>
      askInfo(trx, personFromRow(p.byHead), r.id, 'BY', { question: 'Escort needed?' }, at(1)),
    );
    await run((trx) => giveInfo(trx, personFromRow(p.byDelegate), r.id, 'BY', { answer: 'No' }, at(3)));
    await approve('ruHead', 'RU', at(2));
    // BY decides after KZ's window closed, before the runner got to KZ.
    await approve('byHead', 'BY', at(73));
    await applyDueSilences(t.handle.db, at(73.5));
    const row = await t.handle.db
      .selectFrom('clearance_requests')
      .select(['status', 'cleared_at'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cleared');
    expect(row.cleared_at?.toISOString()).toBe(at(73).toISOString());
  });
});
