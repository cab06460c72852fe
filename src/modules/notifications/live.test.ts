import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow, systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  secondHandle,
  type TestContext,
  testContext,
  tokenFor,
  writeRecorded,
} from '../../testing/harness.ts';
import { SseReader } from '../../testing/sse.ts';
import { buildProcedure } from '../decisions/factories.ts';
import { settleRecord } from '../ledger/index.ts';
import { LiveHub } from '../live/hub.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';

// A notification is pushed on the live stream as a `notification` event ({ unread }) to
// its recipient's connections only, from whichever server process wrote it. To show an
// event was not delivered without waiting for a timeout, a scenario ends with a record
// entry every stream receives: whatever a stream has not shown by then, it never will.

class EventReader extends SseReader {
  /** The `notification` events' data until the entry about `subjectId` arrives. */
  async notificationsUntil(subjectId: string): Promise<unknown[]> {
    const seen: unknown[] = [];
    for (;;) {
      const event = await this.next();
      if (event.event === 'notification') seen.push(JSON.parse(event.data));
      if (
        event.event === 'entry' &&
        (JSON.parse(event.data) as { subjectId: string }).subjectId === subjectId
      )
        return seen;
    }
  }
}

let t: TestContext;
let p: NotificationPeople;
const open: EventReader[] = [];

beforeAll(async () => {
  t = await testContext();
  p = await buildNotificationPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(async () => {
  await Promise.all(open.map((reader) => reader.close()));
  await t.close();
});

async function listen(user: UserRow): Promise<EventReader> {
  const res = await t.request('/api/live', { as: user });
  expect(res.status).toBe(200);
  const reader = new EventReader(res.body!.getReader());
  open.push(reader);
  expect((await reader.next()).event).toBe('ready');
  return reader;
}

/** A record entry every member delegation reads, ending a scenario. */
const sentinel = (id: string) =>
  writeRecorded(t.handle, systemActor('test'), {
    action: 'user.updated',
    subjectType: 'sentinel',
    subjectId: id,
    payload: { changes: {} },
    audience: ['AM', 'BY', 'TJ'],
  });

describe('notifications on GET /api/live', () => {
  it("a `notification` event with the unread count reaches the recipient's connections, no one else's", async () => {
    const byHead = await listen(p.byHead);
    const byHeadAgain = await listen(p.byHead);
    const tjHead = await listen(p.tjHead);
    const admin = await listen(p.admin);
    // The committee (AM, BY): the BY head is told; TJ is not in it; the admin opened it.
    await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin });
    await sentinel('first');
    expect(await byHead.notificationsUntil('first')).toEqual([{ unread: 1 }]);
    expect(await byHeadAgain.notificationsUntil('first')).toEqual([{ unread: 1 }]);
    expect(await tjHead.notificationsUntil('first')).toEqual([]);
    expect(await admin.notificationsUntil('first')).toEqual([]);

    // The council: TJ now, and the BY head's count goes up.
    await buildProcedure(t.handle, { proposal: { body: 'council' }, chair: p.admin });
    await sentinel('second');
    expect(await tjHead.notificationsUntil('second')).toEqual([{ unread: 1 }]);
    expect(await byHead.notificationsUntil('second')).toEqual([{ unread: 2 }]);
  });
});

describe('LiveHub: the notifications channel', () => {
  let other: DbHandle;
  let otherHub: LiveHub;
  beforeAll(async () => {
    other = await secondHandle(t.handle);
    otherHub = new LiveHub(other);
    await otherHub.start();
  });
  afterAll(async () => {
    await otherHub.stop();
    await other.close();
  });

  it("tells another process's clients of their person's notification, and only them", async () => {
    const told: string[] = [];
    let resolve!: () => void;
    const arrived = new Promise<void>((r) => {
      resolve = r;
    });
    const subscribe = (user: UserRow, name: string) =>
      otherHub.subscribe(
        personFromRow(user),
        () => {},
        () => {
          told.push(name);
          if (name === 'amHead') resolve();
        },
      );
    const unsubscribe = [subscribe(p.tjHead, 'tjHead'), subscribe(p.amHead, 'amHead')];
    await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin });
    // The record's sequencer (here: this process settling the record) sends the wake-ups.
    await settleRecord(t.handle.db);
    await arrived;
    // The wake-ups go out together, in the sequencer's one transaction: had TJ been told, it would be by now.
    unsubscribe.forEach((u) => {
      u();
    });
    expect(told).toEqual(['amHead']);
  });
});
