/**
 * A process to kill: the record sequencer's crash tests (src/modules/ledger/sequencer.test.ts)
 * run it as a child on a PostgreSQL test database and end it with SIGKILL mid-work.
 *
 *   node --import tsx src/testing/record-storm.ts <database url> storm
 *     8 writers append entries as fast as they can, each in its own transaction, with the
 *     process's own RecordSequencer integrating them; after each commit it prints
 *     "committed <subject id>" (only then: a printed write is an acknowledged one); the
 *     entries' subject type is "sequencer".
 *   node --import tsx src/testing/record-storm.ts <database url> sequencer
 *     only a RecordSequencer; prints "leading" once it holds the lead.
 *
 * Runs until it is killed.
 */
import { systemActor } from '../core/actor.ts';
import { connect } from '../db/connect.ts';
import { appendEntry, integratePending, RecordSequencer } from '../modules/ledger/index.ts';
import { assemblePlatform } from '../platform.ts';

const [url, mode] = process.argv.slice(2);
if (!url || (mode !== 'storm' && mode !== 'sequencer')) {
  process.stderr.write('usage: record-storm.ts <database url> storm|sequencer\n');
  process.exit(2);
}
// The record's action kinds come from the modules.
assemblePlatform();
const handle = await connect({ databaseUrl: url, poolSize: 10 });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'sequencer') {
  const sequencer = new RecordSequencer(handle, { pollMs: 5, retryMs: 100 });
  await sequencer.start();
  const announce = setInterval(() => {
    if (sequencer.leading) {
      say('leading');
      clearInterval(announce);
    }
  }, 20);
} else {
  const sequencer = new RecordSequencer(handle, { pollMs: 5, retryMs: 100 });
  await sequencer.start();
  const actor = systemActor('record storm');
  let n = 0;
  const writer = async (w: number) => {
    for (;;) {
      const i = n++;
      const subjectId = `storm ${w}:${i}`;
      await handle.db.transaction().execute((trx) =>
        appendEntry(trx, actor, {
          action: 'user.updated',
          subjectType: 'sequencer',
          subjectId,
          payload: { changes: { displayName: `storm ${i}` } },
        }),
      );
      say(`committed ${subjectId}`);
      // Now and then an explicit integration too, racing the sequencer's loop.
      if (i % 97 === 0) await integratePending(handle.db, 50);
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
}
