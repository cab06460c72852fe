import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import {
  recordAfter,
  recordHead,
  secondHandle,
  type TestContext,
  testContext,
} from '../../testing/harness.ts';
import { acknowledgeMessage } from './commands.ts';
import { escalateDueMessages, HotlineEscalationRunner, nextEscalationDue } from './escalation.ts';
import {
  buildHotlinePeople,
  buildMessage,
  HOTLINE_ORGANISATION,
  type HotlinePeople,
  WINDOW_MS,
} from './factories.ts';

// A message not acknowledged within its window is escalated exactly once, dated at the
// instant the window closed: with two runners on one database (two pools on PostgreSQL when
// TEST_DATABASE_URL is set), after a restart, and never once acknowledged in time. The runner
// is driven with explicit instants: no test waits for the clock.

let t: TestContext;
let p: HotlinePeople;
beforeAll(async () => {
  t = await testContext(HOTLINE_ORGANISATION);
  p = await buildHotlinePeople(t.handle);
});
afterAll(() => t.close());

const escalations = async (after: number) =>
  (await recordAfter(t.handle, after)).filter((e) => e.action === 'hotline.message_escalated');

describe('the hotline escalation runner', () => {
  it('two runners at once: every overdue message exactly once, dated when its window closed', async () => {
    const before = await recordHead(t.handle);
    const sentAt = new Date(Date.now() - 10 * WINDOW_MS);
    const made = [];
    for (let i = 0; i < 6; i++)
      made.push(
        await buildMessage(t.handle.db, {
          by: i % 2 ? p.amDuty : p.tjDuty,
          at: new Date(sentAt.getTime() + i * 1000),
          body: { urgency: i === 0 ? 'urgent' : 'routine' },
        }),
      );
    const other = await secondHandle(t.handle);
    try {
      const now = new Date();
      const [a, b] = await Promise.all([
        escalateDueMessages(t.handle.db, now),
        escalateDueMessages(other.db, now),
      ]);
      expect(a.length + b.length).toBe(made.length);
      // A third pass finds nothing left.
      expect(await escalateDueMessages(other.db, now)).toEqual([]);
    } finally {
      await other.close();
    }
    const entries = await escalations(before);
    expect(entries.map((e) => e.subject_id).sort()).toEqual(made.map((m) => m.id).sort());
    for (const m of made) {
      const entry = entries.find((e) => e.subject_id === m.id)!;
      const closedAt = new Date(m.sent_at).getTime() + WINDOW_MS;
      expect(new Date(entry.at).getTime()).toBe(closedAt);
      expect(entry.audience).toEqual(['AM', 'TJ']);
      expect(entry.payload).toMatchObject({
        hotline: 'AM-TJ',
        fromState: m.from_state,
        toState: m.from_state === 'AM' ? 'TJ' : 'AM',
        closedAt: new Date(closedAt).toISOString(),
        escalatedTo: ['secretariat', 'heads_of_delegation'],
      });
      const row = await t.handle.db
        .selectFrom('hotline_messages')
        .select('escalated_at')
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      expect(row.escalated_at?.getTime()).toBe(closedAt);
    }
    // Notified once each: the secretariat, both heads (escalateTo names them), never the sender.
    const urgent = made[0];
    const told = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'details'])
      .where('kind', '=', 'hotline_escalated')
      .where('subject_id', '=', urgent.id)
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual(
      [p.secretariat.id, p.juniorSecretariat.id, p.amHead.id, p.tjHead.id].sort(),
    );
    expect(told[0].details).toMatchObject({ urgent: true, fromState: 'TJ', toState: 'AM' });
    // One webhook event queued for the two states' systems is the webhooks module's business;
    // the event carries the message of kind hotline.escalated (checked in hotline.test.ts).
  });

  it('after a restart it escalates what closed while it was down; an acknowledged message never', async () => {
    const before = await recordHead(t.handle);
    const sentAt = new Date(Date.now() - 3 * WINDOW_MS);
    const missed = await buildMessage(t.handle.db, { by: p.tjDuty, at: sentAt });
    const answered = await buildMessage(t.handle.db, { by: p.tjDuty, at: sentAt });
    await t.handle.db
      .transaction()
      .execute((trx) =>
        acknowledgeMessage(
          trx,
          personFromRow(p.amDuty),
          'AM-TJ',
          answered.id,
          new Date(sentAt.getTime() + WINDOW_MS / 3),
        ),
      );
    const runner = new HotlineEscalationRunner(t.handle, { maxSleepMs: 50 });
    await runner.start();
    await runner.stop();
    const entries = await escalations(before);
    expect(entries.map((e) => e.subject_id)).toEqual([missed.id]);
    // Started again (another restart): nothing twice.
    const again = new HotlineEscalationRunner(t.handle, { maxSleepMs: 50 });
    await again.start();
    await again.stop();
    expect((await escalations(before)).length).toBe(1);
  });

  it('a message acknowledged within its window is never escalated, even when the runner passes later', async () => {
    const before = await recordHead(t.handle);
    const sentAt = new Date('2026-03-01T02:40:00Z');
    const m = await buildMessage(t.handle.db, { by: p.amDuty, at: sentAt });
    // Before the window closes nothing is due; the next instant is its end.
    expect(await escalateDueMessages(t.handle.db, new Date(sentAt.getTime() + WINDOW_MS - 1))).toEqual([]);
    expect((await nextEscalationDue(t.handle.db))?.getTime()).toBeLessThanOrEqual(
      sentAt.getTime() + WINDOW_MS,
    );
    await t.handle.db
      .transaction()
      .execute((trx) =>
        acknowledgeMessage(
          trx,
          personFromRow(p.tjDuty),
          'AM-TJ',
          m.id,
          new Date(sentAt.getTime() + WINDOW_MS - 1),
        ),
      );
    expect(await escalateDueMessages(t.handle.db, new Date(sentAt.getTime() + 10 * WINDOW_MS))).toEqual([]);
    expect(await escalations(before)).toEqual([]);
    const ack = (await recordAfter(t.handle, before)).find(
      (e) => e.action === 'hotline.message_acknowledged',
    );
    expect(ack?.payload).toMatchObject({ withinWindow: true, byState: 'TJ', byReply: null });
  });

  it('the window closing exactly at `now` escalates; a late acknowledgement is recorded as such', async () => {
    const before = await recordHead(t.handle);
    const sentAt = new Date('2026-03-02T03:00:00Z');
    const m = await buildMessage(t.handle.db, { by: p.amDuty, at: sentAt });
    const closedAt = new Date(sentAt.getTime() + WINDOW_MS);
    const done = await escalateDueMessages(t.handle.db, closedAt);
    expect(done.map((d) => d.id)).toContain(m.id);
    await t.handle.db
      .transaction()
      .execute((trx) =>
        acknowledgeMessage(
          trx,
          personFromRow(p.tjHead),
          'AM-TJ',
          m.id,
          new Date(closedAt.getTime() + 60_000),
        ),
      );
    const ack = (await recordAfter(t.handle, before)).find(
      (e) => e.action === 'hotline.message_acknowledged',
    );
    expect(ack?.payload).toMatchObject({ withinWindow: false });
  });
});
