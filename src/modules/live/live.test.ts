import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  buildUser,
  recordHead,
  signInSession,
  TEST_ORGANISATION,
  type TestContext,
  testContext,
  tokenFor,
  writeRecorded,
} from '../../testing/harness.ts';
import { SseReader } from '../../testing/sse.ts';
import { loadOrganisation } from '../directory/commands.ts';
import { parseOrganisationFile } from '../directory/organisation-file.ts';

// The live stream delivers an `entry` event for each new entry of the record the caller
// may read, and nothing else. To show an entry was *not* delivered without waiting for a
// timeout, every scenario ends with a sentinel entry everyone may read: entries arrive in
// order, so whatever a stream shows before the sentinel is all it will ever show.

interface EntryEvent {
  seq: number;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

class EventReader extends SseReader {
  /** The entry events up to and including the one numbered `untilSeq`, skipping keep-alive pings. */
  async entriesUntil(untilSeq: number): Promise<EntryEvent[]> {
    const entries: EntryEvent[] = [];
    for (;;) {
      const event = await this.next();
      if (event.event !== 'entry') continue;
      const entry = JSON.parse(event.data) as EntryEvent;
      expect(event.id).toBe(String(entry.seq));
      entries.push(entry);
      if (entry.seq >= untilSeq) return entries;
    }
  }
}

let t: TestContext;
let admin: UserRow;
let byDelegate: UserRow;
let amDelegate: UserRow;
let unObserver: UserRow;
const open: EventReader[] = [];

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  byDelegate = await buildUser(t.handle, { stateCode: 'BY', accessLevel: 'restricted' });
  amDelegate = await buildUser(t.handle, { stateCode: 'AM', accessLevel: 'restricted' });
  unObserver = await buildUser(t.handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'public' });
  for (const user of [admin, byDelegate, amDelegate, unObserver]) await tokenFor(t.handle, user);
});
afterAll(async () => {
  await Promise.all(open.map((reader) => reader.close()));
  await t.close();
});

/** Opens the stream as a person and waits until it is ready (subscribed). */
async function listen(user: UserRow): Promise<EventReader> {
  const res = await t.request('/api/live', { as: user });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = new EventReader(res.body!.getReader());
  open.push(reader);
  const first = await reader.next();
  expect(first.event).toBe('ready');
  return reader;
}

/** An entry every signed-in person may read, ending a scenario. */
const sentinel = () =>
  writeRecorded(t.handle, systemActor('test'), {
    action: 'user.updated',
    subjectType: 'sentinel',
    subjectId: 'end',
    payload: { changes: {} },
    audience: ['AM', 'BY', 'TJ', 'partner:UN'],
  });

const summary = (entries: EntryEvent[]) => entries.map((e) => `${e.action} ${e.subjectType}:${e.subjectId}`);

describe('GET /api/live', () => {
  it('answers 401 without credentials', async () => {
    const res = await t.request('/api/live');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('delivers each change to those who may read it, and to no one else', async () => {
    const streams = {
      admin: await listen(admin),
      byDelegate: await listen(byDelegate),
      amDelegate: await listen(amDelegate),
      unObserver: await listen(unObserver),
    };
    const before = await recordHead(t.handle);

    // A sign-in is recorded for the person's own delegation (and the secretariat).
    await signInSession(t, amDelegate.username);
    await signInSession(t, byDelegate.username);
    await signInSession(t, unObserver.username);
    // A secret entry for every member state: above a delegate's access level.
    await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'note',
      subjectId: 'secret',
      payload: { changes: {} },
      classification: 3,
    });
    // Reloading the organisation is for every member state, not for partners.
    await t.handle.db
      .transaction()
      .execute((trx) =>
        loadOrganisation(trx, systemActor('test'), parseOrganisationFile(TEST_ORGANISATION), 'test'),
      );
    const end = await sentinel();
    expect(end.seq).toBe(before + 6);

    const signIn = (user: UserRow) => `auth.signed_in user:${user.id}`;
    const secret = 'user.updated note:secret';
    const reload = 'organisation.loaded organisation:TO';
    const last = 'user.updated sentinel:end';
    expect(summary(await streams.admin.entriesUntil(end.seq))).toEqual([
      signIn(amDelegate),
      signIn(byDelegate),
      signIn(unObserver),
      secret,
      reload,
      last,
    ]);
    expect(summary(await streams.byDelegate.entriesUntil(end.seq))).toEqual([
      signIn(byDelegate),
      reload,
      last,
    ]);
    expect(summary(await streams.amDelegate.entriesUntil(end.seq))).toEqual([
      signIn(amDelegate),
      reload,
      last,
    ]);
    expect(summary(await streams.unObserver.entriesUntil(end.seq))).toEqual([signIn(unObserver), last]);
  });

  it('an event carries the entry’s number, time, action and subject, nothing more', async () => {
    const stream = await listen(byDelegate);
    const end = await sentinel();
    const [event] = await stream.entriesUntil(end.seq);
    const row = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('seq', '=', end.seq)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      seq: end.seq,
      at: row.at.toISOString(),
      action: 'user.updated',
      subjectType: 'sentinel',
      subjectId: 'end',
    });
  });

  it('a closed stream is unsubscribed from the hub', async () => {
    const watcher = await listen(admin);
    const stream = await listen(amDelegate);
    const size = t.live.size;
    await stream.close();
    // Once the watcher has received a later entry, the hub has moved on past the close.
    const end = await sentinel();
    await watcher.entriesUntil(end.seq);
    expect(t.live.size).toBe(size - 1);
  });
});
