import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integratePending } from '../modules/ledger/index.ts';
import { testDatabase } from '../testing/harness.ts';
import type { DbHandle } from './connect.ts';
import { wakeUp } from './wake-up.ts';

// A command asks for a NOTIFY without sending one in its transaction; the record's sequencer
// sends the waiting ones in its batch transaction.
let handle: DbHandle;
const heard: string[] = [];
let unlisten: () => Promise<void>;
beforeAll(async () => {
  handle = await testDatabase();
  unlisten = await handle.listen('accord_test_wake', (payload) => {
    heard.push(payload);
  });
});
afterAll(async () => {
  await unlisten();
  await handle.close();
});

const settle = async () => {
  await new Promise((r) => setTimeout(r, 100));
};

describe('wake-ups', () => {
  it('in a transaction: nothing is sent at its commit; the sequencer sends each channel and payload once', async () => {
    heard.length = 0;
    await handle.db.transaction().execute(async (trx) => {
      await wakeUp(trx, 'accord_test_wake', 'a');
      await wakeUp(trx, 'accord_test_wake', 'a');
      await wakeUp(trx, 'accord_test_wake', 'b');
    });
    await settle();
    expect(heard).toEqual([]);
    expect(await handle.db.selectFrom('wake_ups').select('payload').orderBy('id').execute()).toEqual([
      { payload: 'a' },
      { payload: 'a' },
      { payload: 'b' },
    ]);
    await integratePending(handle.db);
    await settle();
    expect(heard.sort()).toEqual(['a', 'b']);
    expect(await handle.db.selectFrom('wake_ups').selectAll().execute()).toEqual([]);
  });

  it('rolled back with the change it announced', async () => {
    heard.length = 0;
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await wakeUp(trx, 'accord_test_wake', 'never');
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await integratePending(handle.db);
    await settle();
    expect(heard).toEqual([]);
  });

  it('outside a transaction: sent at once', async () => {
    heard.length = 0;
    await wakeUp(handle.db, 'accord_test_wake', 'now');
    for (let i = 0; i < 50 && !heard.length; i++) await settle();
    expect(heard).toEqual(['now']);
  });
});

describe('the rule', () => {
  it('no NOTIFY anywhere but the wake-ups and the sequencer: a command never sends one in its transaction', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /pg_notify|\bnotify\s+accord/i.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => f.split(sep).join('/'))
      .sort();
    expect(offenders).toEqual(['db/wake-up.ts', 'modules/ledger/sequencer.ts']);
  });
});
