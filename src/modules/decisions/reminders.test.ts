import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondHandle, TEST_ORGANISATION, type TestContext, testContext } from '../../testing/harness.ts';
import { RecordSequencer } from '../ledger/index.ts';
import {
  buildNotificationPeople,
  type NotificationPeople,
  notifiedAbout,
  turnOff,
} from '../notifications/factories.ts';
import { wallTime } from '../notifications/time.ts';
import { closeDue } from './deadlines.ts';
import { buildProcedure, buildStances } from './factories.ts';
import {
  nextReminder,
  ReminderRunner,
  type ReminderSent,
  reminderInstant,
  sendDueReminders,
} from './reminders.ts';

// Reminders 24 h and 1 h before a deadline, to the states that have not answered every
// point: their heads of delegation and the delegates they authorised. The organisation's
// reference zone here is Europe/Vilnius, which changes to summer time on 29 March 2026 at
// 01:00 UTC (03:00 -> 04:00 local) and back on 25 October 2026 at 01:00 UTC.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: TestContext;
let p: NotificationPeople;

beforeAll(async () => {
  t = await testContext(TEST_ORGANISATION.replace('timeZone: Europe/Moscow', 'timeZone: Europe/Vilnius'));
  p = await buildNotificationPeople(t.handle);
});
afterAll(() => t.close());

const notified = (procedureId: string, kind: Parameters<typeof notifiedAbout>[3]) =>
  notifiedAbout(t.handle, p, procedureId, kind);
const countOf = async (procedureId: string) =>
  (
    await t.handle.db
      .selectFrom('notifications')
      .select('dedupe_key')
      .where(sql<string>`details->>'procedureId'`, '=', procedureId)
      .where('kind', 'in', ['deadline_24h', 'deadline_1h'])
      .execute()
  ).length;
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

/**
 * A restricted silence procedure in the committee (AM, BY) opened three days before its
 * deadline, at a clock of the test's choosing. AM answers every point; BY only point 1.
 */
async function committeeProcedure(deadline: Date) {
  const opened = ms(deadline, -3 * DAY);
  const procedure = await buildProcedure(t.handle, {
    proposal: { body: 'committee', classification: 'restricted' },
    chair: p.admin,
    now: opened,
    deadline,
  });
  await buildStances(t.handle, p.amHead, procedure, 'agree', { now: ms(opened, HOUR) });
  await buildStances(t.handle, p.byHead, procedure, 'agree', { points: ['1'], now: ms(opened, HOUR) });
  return procedure;
}

describe('reminders before a deadline', () => {
  it('fire at deadline − 24 h of real time across the change to summer time, not at the same wall time', async () => {
    // 12:00 in Vilnius on 29 March 2026 is 09:00 UTC (summer time, UTC+3). The day before
    // has only 23 h of wall time: 24 h earlier is 09:00 UTC on 28 March, 11:00 in Vilnius
    // (winter time, UTC+2), not 12:00. The reminder follows real time.
    const deadline = new Date('2026-03-29T12:00:00+03:00');
    const procedure = await committeeProcedure(deadline);
    const instant = reminderInstant(deadline, 'deadline_24h');
    expect(instant.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(deadline.getTime() - instant.getTime()).toBe(86_400_000);
    expect(wallTime(deadline, 'Europe/Vilnius')).toMatchObject({
      date: '2026-03-29',
      time: '12:00',
      offset: '+03:00',
    });
    expect(wallTime(instant, 'Europe/Vilnius')).toMatchObject({
      date: '2026-03-28',
      time: '11:00',
      offset: '+02:00',
    });

    expect(await nextReminder(t.handle.db, ms(instant, -DAY))).toEqual(instant);
    expect(await sendDueReminders(t.handle.db, ms(instant, -1))).toEqual([]);
    const sent = await sendDueReminders(t.handle.db, instant);
    expect(sent.map((s) => [s.procedureId, s.kind, s.instant.toISOString()])).toEqual([
      [procedure.id, 'deadline_24h', instant.toISOString()],
    ]);
    // BY has not answered point 2: its head and the delegate the head authorised. AM answered.
    expect(await notified(procedure.id, 'deadline_24h')).toEqual(['byAuthorised', 'byHead']);

    const lastHour = reminderInstant(deadline, 'deadline_1h');
    expect(await nextReminder(t.handle.db, instant)).toEqual(lastHour);
    expect(wallTime(lastHour, 'Europe/Vilnius').time).toBe('11:00');
    expect(await sendDueReminders(t.handle.db, ms(lastHour, -1))).toEqual([]);
    await buildStances(t.handle, p.byHead, procedure, 'agree', { points: ['2'], now: ms(lastHour, -1) });
    const last = await sendDueReminders(t.handle.db, lastHour);
    // Everyone answered by then: the reminder is handled, and nobody is told.
    expect(last).toMatchObject([{ procedureId: procedure.id, kind: 'deadline_1h', userIds: [] }]);
    expect(await nextReminder(t.handle.db, lastHour)).toBeNull();
  });

  it('across the change back to winter time the 24 h reminder is 13:00 wall time for a 12:00 deadline', async () => {
    const deadline = new Date('2026-10-25T12:00:00+02:00');
    const procedure = await committeeProcedure(deadline);
    const instant = reminderInstant(deadline, 'deadline_24h');
    expect(instant.toISOString()).toBe('2026-10-24T10:00:00.000Z');
    expect(wallTime(instant, 'Europe/Vilnius')).toMatchObject({ time: '13:00', offset: '+03:00' });
    expect(await sendDueReminders(t.handle.db, ms(instant, -1))).toEqual([]);
    expect((await sendDueReminders(t.handle.db, instant)).map((s) => s.procedureId)).toEqual([procedure.id]);
  });

  it('a state that answered is not reminded; another state, an observer or a person below the level never is', async () => {
    const deadline = new Date('2026-05-10T10:00:00Z');
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'council', classification: 'confidential' },
      chair: p.admin,
      now: ms(deadline, -3 * DAY),
      deadline,
    });
    await buildStances(t.handle, p.tjHead, procedure, 'agree', { now: ms(deadline, -2 * DAY) });
    await sendDueReminders(t.handle.db, reminderInstant(deadline, 'deadline_24h'));
    // AM and BY have not answered; TJ has. The authorised BY delegate is below confidential.
    expect(await notified(procedure.id, 'deadline_24h')).toEqual(['amHead', 'byHead']);
  });

  it('a kind turned off is not sent to that person', async () => {
    const deadline = new Date('2026-05-11T10:00:00Z');
    const procedure = await committeeProcedure(deadline);
    await turnOff(t.handle, p.byAuthorised, ['deadline_1h']);
    try {
      await sendDueReminders(t.handle.db, reminderInstant(deadline, 'deadline_24h'));
      await sendDueReminders(t.handle.db, reminderInstant(deadline, 'deadline_1h'));
      expect(await notified(procedure.id, 'deadline_24h')).toEqual(['byAuthorised', 'byHead']);
      expect(await notified(procedure.id, 'deadline_1h')).toEqual(['byHead']);
    } finally {
      await turnOff(t.handle, p.byAuthorised, []);
    }
  });

  it('none falls before the opening: opened 10 h ahead, only the 1 h reminder comes', async () => {
    const deadline = new Date('2026-05-12T10:00:00Z');
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'committee' },
      chair: p.admin,
      now: ms(deadline, -10 * HOUR),
      deadline,
    });
    expect(await nextReminder(t.handle.db, ms(deadline, -10 * HOUR))).toEqual(ms(deadline, -HOUR));
    await sendDueReminders(t.handle.db, ms(deadline, -2 * HOUR));
    expect(await countOf(procedure.id)).toBe(0);
    await sendDueReminders(t.handle.db, ms(deadline, -HOUR));
    expect(await notified(procedure.id, 'deadline_24h')).toEqual([]);
    expect(await notified(procedure.id, 'deadline_1h')).toEqual(['amHead', 'byAuthorised', 'byHead']);
  });

  it('after the server was down past both, only the latest is sent; after the deadline, none', async () => {
    const deadline = new Date('2026-05-13T10:00:00Z');
    const late = await committeeProcedure(deadline);
    const missed = await committeeProcedure(new Date('2026-05-13T10:00:01Z'));
    const sent = await sendDueReminders(t.handle.db, ms(deadline, -30 * 60_000));
    expect(sent.map((s) => [s.procedureId, s.kind])).toEqual([
      [late.id, 'deadline_1h'],
      [missed.id, 'deadline_1h'],
    ]);
    expect(await countOf(late.id)).toBe(2);
    const marks = await t.handle.db
      .selectFrom('procedure_reminders')
      .select(['kind', 'sent'])
      .where('procedure_id', '=', late.id)
      .orderBy('kind')
      .execute();
    expect(marks).toEqual([
      { kind: 'deadline_1h', sent: true },
      { kind: 'deadline_24h', sent: false },
    ]);
    const gone = await committeeProcedure(new Date('2026-05-14T10:00:00Z'));
    expect(await sendDueReminders(t.handle.db, new Date('2026-05-14T10:00:00Z'))).toEqual([]);
    expect(await countOf(gone.id)).toBe(0);
  });

  it('a deadline extended once gets its reminders again, for the new deadline', async () => {
    const deadline = new Date('2026-05-15T10:00:00Z');
    const procedure = await buildProcedure(t.handle, {
      kind: 'written',
      missingAnswer: 'extend_once',
      extensionHours: 48,
      proposal: { body: 'committee' },
      chair: p.admin,
      now: ms(deadline, -3 * DAY),
      deadline,
    });
    await sendDueReminders(t.handle.db, ms(deadline, -DAY));
    await closeDue(t.handle.db, deadline);
    const moved = ms(deadline, 2 * DAY);
    expect(await nextReminder(t.handle.db, deadline)).toEqual(ms(moved, -DAY));
    await sendDueReminders(t.handle.db, ms(moved, -DAY));
    const keys = await t.handle.db
      .selectFrom('notifications')
      .select('dedupe_key')
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .where('user_id', '=', p.amHead.id)
      .where('kind', '=', 'deadline_24h')
      .orderBy('dedupe_key')
      .execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([
      `deadline_24h:${procedure.id}:2026-05-14T10:00:00.000Z`,
      `deadline_24h:${procedure.id}:2026-05-16T10:00:00.000Z`,
    ]);
  });
});

describe('nothing is sent twice', () => {
  it('the runner run twice at the same instant sends once', async () => {
    const deadline = new Date('2026-06-01T10:00:00Z');
    const procedure = await committeeProcedure(deadline);
    const at = reminderInstant(deadline, 'deadline_24h');
    expect(await sendDueReminders(t.handle.db, at)).toHaveLength(1);
    expect(await sendDueReminders(t.handle.db, at)).toEqual([]);
    expect(await sendDueReminders(t.handle.db, ms(at, 60_000))).toEqual([]);
    expect(await countOf(procedure.id)).toBe(2);
  });

  it('two processes racing on one database: each reminder once, each person once', async () => {
    const other = await secondHandle(t.handle);
    try {
      const deadline = new Date('2026-06-02T10:00:00Z');
      const procedures = [];
      for (let i = 0; i < 8; i++) procedures.push(await committeeProcedure(ms(deadline, i * 1000)));
      const ids = procedures.map((x) => x.id);
      const at = ms(reminderInstant(deadline, 'deadline_24h'), 10_000);
      const [a, b] = await Promise.all([sendDueReminders(t.handle.db, at), sendDueReminders(other.db, at)]);
      const sent = [...a, ...b].filter((s) => ids.includes(s.procedureId));
      expect(sent.map((s) => s.procedureId).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(await notified(id, 'deadline_24h')).toEqual(['byAuthorised', 'byHead']);

      // Two whole runners, as two servers, at the 1 h instants.
      const runners = [t.handle, other].map(
        (handle) =>
          new ReminderRunner(handle, { now: () => ms(reminderInstant(deadline, 'deadline_1h'), 10_000) }),
      );
      await Promise.all(runners.map((r) => r.start()));
      await Promise.all(runners.map((r) => r.stop()));
      for (const id of ids) expect(await notified(id, 'deadline_1h')).toEqual(['byAuthorised', 'byHead']);
      const marks = await t.handle.db
        .selectFrom('procedure_reminders')
        .select('procedure_id')
        .where('procedure_id', 'in', ids)
        .execute();
      expect(marks).toHaveLength(16);
    } finally {
      await other.close();
    }
  });
});

describe('ReminderRunner', () => {
  it('woken by the opening, sends the 1 h reminder when it falls due, once', async () => {
    const sent: ReminderSent[] = [];
    let resolve!: () => void;
    const arrived = new Promise<void>((r) => {
      resolve = r;
    });
    const runner = new ReminderRunner(t.handle, {
      maxSleepMs: 60_000,
      onSent: (s) => {
        sent.push(s);
        resolve();
      },
    });
    await runner.start();
    // The wake-up reaches the runner through the record's sequencer, as in accord serve.
    const sequencer = new RecordSequencer(t.handle);
    await sequencer.start();
    try {
      // Due 300 ms from now: the opening's wake-up makes the runner look, then it sleeps until then.
      const procedure = await buildProcedure(t.handle, {
        proposal: { body: 'committee' },
        chair: p.admin,
        deadline: HOUR + 300,
      });
      await arrived;
      await runner.idle();
      expect(sent.map((s) => [s.procedureId, s.kind])).toEqual([[procedure.id, 'deadline_1h']]);
      expect(sent[0].instant.getTime()).toBe(procedure.deadline!.getTime() - HOUR);
      expect(await notified(procedure.id, 'deadline_1h')).toEqual(['amHead', 'byAuthorised', 'byHead']);
    } finally {
      await runner.stop();
      await sequencer.stop();
    }
  });
});
