import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { secondHandle, type TestContext, testContext } from '../../testing/harness.ts';
import { appendEntry, RecordSequencer } from '../ledger/index.ts';
import { type LiveEvent, LiveHub } from './hub.ts';

// Two server processes on one database: each has its own pool and its own LISTEN
// connection (on PostgreSQL, via a second handle), and a change written through one is
// delivered to the live clients of the other, once the record's sequencer (here the other
// process's) has given it its place. On PGlite there is one process, and the same test
// checks that a second hub on the handle receives it too.
describe('live updates across server processes', () => {
  let t: TestContext;
  let other: DbHandle;
  let otherHub: LiveHub;
  let sequencer: RecordSequencer;

  beforeAll(async () => {
    t = await testContext();
    other = await secondHandle(t.handle);
    otherHub = new LiveHub(other);
    await otherHub.start();
    sequencer = new RecordSequencer(other, { pollMs: 5 });
    await sequencer.start();
  });
  afterAll(async () => {
    await sequencer.stop();
    await otherHub.stop();
    await other.close();
    await t.close();
  });

  it('delivers an entry written by one process to the clients of the other, once and in order', async () => {
    const received: LiveEvent[] = [];
    let wake: () => void = () => {};
    const enough = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const unsubscribe = otherHub.subscribe(systemActor('observer process'), (event) => {
      received.push(event);
      if (received.length === 3) wake();
    });
    for (const id of ['a', 'b', 'c']) {
      await t.handle.db.transaction().execute((trx) =>
        appendEntry(trx, systemActor('first process'), {
          action: 'user.updated',
          subjectType: 'test',
          subjectId: id,
          payload: { changes: {} },
        }),
      );
    }
    await enough;
    unsubscribe();
    expect(received.map((e) => e.subjectId)).toEqual(['a', 'b', 'c']);
    expect(received.map((e) => e.seq)).toEqual([received[0].seq, received[0].seq + 1, received[0].seq + 2]);
  });

  it('delivers nothing for a transaction that rolled back', async () => {
    const received: LiveEvent[] = [];
    let wake: () => void = () => {};
    const sentinel = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const unsubscribe = otherHub.subscribe(systemActor('observer process'), (event) => {
      received.push(event);
      if (event.subjectId === 'sentinel') wake();
    });
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await appendEntry(trx, systemActor('first process'), {
          action: 'user.updated',
          subjectType: 'test',
          subjectId: 'rolled-back',
          payload: { changes: {} },
        });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await t.handle.db.transaction().execute((trx) =>
      appendEntry(trx, systemActor('first process'), {
        action: 'user.updated',
        subjectType: 'test',
        subjectId: 'sentinel',
        payload: { changes: {} },
      }),
    );
    await sentinel;
    unsubscribe();
    expect(received.map((e) => e.subjectId)).toEqual(['sentinel']);
  });
});
