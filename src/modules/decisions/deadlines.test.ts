import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.ts';
import {
  recordAfter,
  recordHead,
  secondHandle,
  type TestContext,
  testContext,
} from '../../testing/harness.ts';
import { RecordSequencer, settleRecord } from '../ledger/index.ts';
import type { Closing } from './closing.ts';
import { closeDue, DeadlineRunner, nextDeadline } from './deadlines.ts';
import { buildDecisionPeople, buildProcedure, buildStances, type DecisionPeople } from './factories.ts';

const HOUR = 3_600_000;
let t: TestContext;
let p: DecisionPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
});
afterAll(() => t.close());

const procedureRow = (handle: DbHandle, id: string) =>
  handle.db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** The entries of an action about these subjects, once what was written has its place. */
async function entriesAbout(handle: DbHandle, ids: string[], action: string) {
  await settleRecord(handle.db);
  return handle.db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('action', '=', action)
    .where('subject_id', 'in', ids)
    .execute();
}
const decisionsOf = (handle: DbHandle, ids: string[]) =>
  handle.db.selectFrom('decisions').selectAll().where('procedure_id', 'in', ids).execute();

/** Procedures opened in the past whose deadline is `dueAgoMs` behind the real clock. */
const duePast = (handle: DbHandle, dueAgoMs: number, spec: Parameters<typeof buildProcedure>[1] = {}) =>
  buildProcedure(handle, { now: new Date(Date.now() - dueAgoMs - HOUR), deadline: HOUR, ...spec });

describe('closeDue: each due procedure gets exactly one outcome', () => {
  it('closes what is due at `now`, leaves the rest, and a second pass changes nothing', async () => {
    const now = new Date(Date.now() + 10 * HOUR);
    const kept = await buildProcedure(t.handle, { deadline: 5 * HOUR });
    const broken = await buildProcedure(t.handle, { deadline: 5 * HOUR });
    await buildStances(t.handle, p.tjHead, broken, 'object', { points: ['1'], text: 'No' });
    await buildStances(t.handle, p.amHead, broken, 'object', { points: ['2'], text: 'No' });
    const notYet = await buildProcedure(t.handle, { deadline: 20 * HOUR });
    const head = await recordHead(t.handle);

    const closed = await closeDue(t.handle.db, now);
    const ids = [kept.id, broken.id];
    expect(closed.filter((c) => ids.includes(c.procedure.id)).map((c) => c.status)).toEqual([
      'closed',
      'closed',
    ]);
    expect(await closeDue(t.handle.db, now)).toEqual([]);

    expect((await procedureRow(t.handle, kept.id)).result).toBe('adopted');
    expect((await procedureRow(t.handle, broken.id)).outcome).toMatchObject({
      result: 'not_adopted',
      points: [
        { point: '1', verdict: { reason: 'silence_broken', states: ['TJ'] } },
        { point: '2', verdict: { reason: 'silence_broken', states: ['AM'] } },
      ],
    });
    expect((await procedureRow(t.handle, notYet.id)).status).toBe('open');
    expect(await entriesAbout(t.handle, ids, 'procedure.closed')).toHaveLength(2);
    const decisions = await decisionsOf(t.handle, ids);
    expect(decisions.map((d) => d.procedure_id)).toEqual([kept.id]);
    // Adopted at the expiry instant, whenever the runner got to it.
    expect(decisions[0].adopted_at.toISOString()).toBe(
      (await procedureRow(t.handle, kept.id)).deadline!.toISOString(),
    );
    const actions = (await recordAfter(t.handle, head)).map((e) => `${e.action}:${e.actor_label}`);
    expect(actions).toContain('decision.published:deadline runner');
  });

  it('a stance at the expiry instant is refused: the deadline is exclusive', async () => {
    const procedure = await buildProcedure(t.handle, { deadline: HOUR });
    const at = procedure.deadline!;
    await expect(
      buildStances(t.handle, p.amHead, procedure, 'object', { text: 'late', now: at }),
    ).rejects.toThrow(/deadline passed/);
  });

  it('written procedure with extend_once: missing answers move the deadline once, then block', async () => {
    const procedure = await buildProcedure(t.handle, {
      kind: 'written',
      missingAnswer: 'extend_once',
      extensionHours: 24,
      deadline: HOUR,
      proposal: { points: ['Only'] },
    });
    await buildStances(t.handle, p.amHead, procedure, 'agree');
    await buildStances(t.handle, p.byHead, procedure, 'agree');
    const first = await closeDue(t.handle.db, new Date(Date.now() + 2 * HOUR));
    const extended = first.find((c) => c.procedure.id === procedure.id)!;
    expect(extended.status).toBe('extended');
    expect(extended.procedure.deadline!.getTime()).toBe(procedure.deadline!.getTime() + 24 * HOUR);
    expect(await entriesAbout(t.handle, [procedure.id], 'procedure.extended')).toHaveLength(1);
    const second = await closeDue(t.handle.db, new Date(Date.now() + 30 * HOUR));
    const closing = second.find((c) => c.procedure.id === procedure.id) as Extract<
      Closing,
      { status: 'closed' }
    >;
    expect(closing.outcome.points[0].verdict).toMatchObject({
      adopted: false,
      reason: 'no_answer',
      states: ['TJ'],
    });
  });
});

describe('DeadlineRunner', () => {
  it('records the outcome at expiry, once, woken by the opening', async () => {
    const closings: Closing[] = [];
    let resolve!: () => void;
    const recorded = new Promise<void>((r) => {
      resolve = r;
    });
    const runner = new DeadlineRunner(t.handle, {
      maxSleepMs: 60_000,
      onClosed: (c) => {
        closings.push(c);
        resolve();
      },
    });
    await runner.start();
    // The wake-up reaches the runner through the record's sequencer, as in accord serve.
    const sequencer = new RecordSequencer(t.handle);
    await sequencer.start();
    closings.length = 0;
    try {
      const procedure = await buildProcedure(t.handle, { deadline: 300 });
      await recorded;
      await runner.idle();
      expect(closings.map((c) => c.procedure.id)).toEqual([procedure.id]);
      expect(await entriesAbout(t.handle, [procedure.id], 'procedure.closed')).toHaveLength(1);
      expect(await decisionsOf(t.handle, [procedure.id])).toHaveLength(1);
    } finally {
      await runner.stop();
      await sequencer.stop();
    }
  });

  it('after a restart across the expiry, the new runner records the outcome as it starts', async () => {
    const before = new DeadlineRunner(t.handle);
    await before.start();
    await before.stop();
    // The deadline passes while no runner is running.
    const procedure = await duePast(t.handle, 1000);
    expect((await procedureRow(t.handle, procedure.id)).status).toBe('open');
    const after = new DeadlineRunner(t.handle);
    await after.start();
    await after.stop();
    expect((await procedureRow(t.handle, procedure.id)).status).toBe('closed');
    expect(await entriesAbout(t.handle, [procedure.id], 'procedure.closed')).toHaveLength(1);
    expect(await nextDeadline(t.handle.db)).not.toEqual(procedure.deadline);
  });
});

describe('two processes on one database', () => {
  it('racing runners give each procedure exactly one outcome and each decision one number', async () => {
    const other = await secondHandle(t.handle);
    try {
      const procedures = [];
      for (let i = 0; i < 12; i++) {
        const procedure = await duePast(t.handle, 1000 + i);
        const before = new Date(procedure.opened_at.getTime() + 60_000);
        if (i % 3 === 0)
          await buildStances(t.handle, p.amHead, procedure, 'object', { text: 'No', now: before });
        procedures.push(procedure);
      }
      const ids = procedures.map((x) => x.id);
      const now = new Date();
      const [a, b] = await Promise.all([closeDue(t.handle.db, now), closeDue(other.db, now)]);
      const closedIds = [...a, ...b].map((c) => c.procedure.id).filter((id) => ids.includes(id));
      expect(closedIds.sort()).toEqual([...ids].sort());
      expect(await entriesAbout(t.handle, ids, 'procedure.closed')).toHaveLength(12);
      const decisions = await decisionsOf(t.handle, ids);
      expect(decisions).toHaveLength(8);
      const numbers = decisions.map((d) => `${d.year}/${d.number}`);
      expect(new Set(numbers).size).toBe(8);
      const published = await entriesAbout(
        t.handle,
        decisions.map((d) => d.id),
        'decision.published',
      );
      expect(published).toHaveLength(8);

      // Two whole runners, as two servers starting at once.
      const more = [];
      for (let i = 0; i < 6; i++) more.push(await duePast(t.handle, 500 + i));
      const first = new DeadlineRunner(t.handle);
      const second = new DeadlineRunner(other);
      await Promise.all([first.start(), second.start()]);
      await Promise.all([first.stop(), second.stop()]);
      const moreIds = more.map((x) => x.id);
      expect(await entriesAbout(t.handle, moreIds, 'procedure.closed')).toHaveLength(6);
      expect(await decisionsOf(t.handle, moreIds)).toHaveLength(6);
    } finally {
      await other.close();
    }
  });
});
