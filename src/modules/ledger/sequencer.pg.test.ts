import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../config.ts';
import type { DbHandle } from '../../db/connect.ts';
import {
  buildUser,
  secondHandle,
  type TestContext,
  testContext,
  testDatabaseUrl,
  tokenFor,
} from '../../testing/harness.ts';
import { appendReferencedEntry } from './commands.ts';
import { actor, entry, expectWholeRecord, integratedOf, until, write } from './sequencer.fixtures.ts';
import { integratePending, RecordSequencer, SEQUENCER_LOCK, settleRecord } from './sequencer.ts';

// The record's sequencer across processes on one PostgreSQL database: leader election,
// takeover, and kill -9 during a write storm. PGlite belongs to one process, so this file is
// part of the PostgreSQL suite (vitest.config.ts collects *.pg.test.ts with TEST_DATABASE_URL).
const STORM = join(ROOT_DIR, 'src', 'testing', 'record-storm.ts');

describe('sequencers of several processes on one PostgreSQL database', () => {
  let t: TestContext;
  let other: DbHandle;
  beforeAll(async () => {
    t = await testContext();
    other = await secondHandle(t.handle);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('integrate one at a time: explicit calls from two processes never integrate an entry twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await write(i % 2 ? other : t.handle, `racing ${i}`));
    const counts = await Promise.all([
      integratePending(t.handle.db, 7),
      integratePending(other.db, 7),
      settleRecord(t.handle.db, 5),
      settleRecord(other.db, 5),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect((await integratedOf(t.handle, ids)).size).toBe(40);
    await expectWholeRecord(t.handle);
  });

  it('keep an entry committed later after one seen earlier, whatever their record ids', async () => {
    await settleRecord(t.handle.db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstId = 0;
    let firstWritten!: () => void;
    const wroteFirst = new Promise<void>((resolve) => {
      firstWritten = resolve;
    });
    // The first writer takes its record id (written at once, as a decision's is), then waits
    // before committing.
    const first = t.handle.db.transaction().execute(async (trx) => {
      firstId = (await appendReferencedEntry(trx, actor, entry('slow writer'))).recordId;
      firstWritten();
      await gate;
    });
    await wroteFirst;
    const second = await other.db
      .transaction()
      .execute((trx) => appendReferencedEntry(trx, actor, entry('quick writer')));
    expect(second.recordId).toBeGreaterThan(firstId);
    // Only the committed one is seen, and placed.
    expect(await integratePending(t.handle.db)).toBe(1);
    release();
    await first;
    expect(await integratePending(other.db)).toBe(1);
    const rows = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'record_id'])
      .where('record_id', 'in', [firstId, second.recordId])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.record_id))).toEqual([second.recordId, firstId]);
    await expectWholeRecord(t.handle);
  });

  it('elect one leader, who leads again within the retry interval when its lock connection ends, and hand over when it stops', async () => {
    const a = new RecordSequencer(t.handle, { pollMs: 5, retryMs: 100 });
    const b = new RecordSequencer(other, { pollMs: 5, retryMs: 100 });
    await a.start();
    await b.start();
    try {
      expect([a.leading, b.leading]).toEqual([true, false]);
      // Writes from both processes are integrated by the leader alone.
      const ids = await Promise.all(
        Array.from({ length: 30 }, (_, i) => write(i % 2 ? other : t.handle, `led ${i}`)),
      );
      await until(async () => (await integratedOf(t.handle, ids)).size === ids.length, 10_000, 'integration');
      expect([a.leading, b.leading]).toEqual([true, false]);

      // The leader's lock connection ends (the server ended its session): PostgreSQL releases
      // the lock, and a sequencer leads again within the retry interval: the other one, or the
      // same process on a new connection (it still runs), never both.
      const ended = await sql<{ pid: number }>`
        select pid, pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory' and objid = ${SEQUENCER_LOCK} and granted
          and database = (select oid from pg_database where datname = current_database())`.execute(other.db);
      expect(ended.rows).toHaveLength(1);
      // The next term (the other's, or the same process's on a new connection) is counted, not
      // watched for: the gap without a leader can be shorter than one look at it.
      const terms = a.terms + b.terms;
      await until(() => a.terms + b.terms > terms, 15_000, 'a sequencer to lead again');
      const later = await write(t.handle, 'after the lock connection ended');
      await until(async () => (await integratedOf(t.handle, [later])).size === 1, 15_000, 'integration');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([a.leading, b.leading].filter(Boolean)).toHaveLength(1);

      // A leader that stops (as its process ends) hands over to the other.
      const [leader, follower] = a.leading ? [a, b] : [b, a];
      await leader.stop();
      await until(() => follower.leading, 15_000, 'the other sequencer to take over');
      const last = await write(t.handle, 'after the handover');
      await until(async () => (await integratedOf(t.handle, [last])).size === 1, 15_000, 'integration');
    } finally {
      await a.stop();
      await b.stop();
    }
    await expectWholeRecord(t.handle);
  });
});

/** Runs src/testing/record-storm.ts as a child process; lines of its stdout go to `onLine`. */
function startStorm(url: string, mode: 'storm' | 'sequencer', onLine: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', STORM, url, mode], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

async function kill(storm: { child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null }> }) {
  storm.child.kill('SIGKILL');
  expect((await storm.exited).signal).toBe('SIGKILL');
}

describe('kill -9 mid-storm (PostgreSQL)', () => {
  let t: TestContext;
  let url: string;
  beforeAll(async () => {
    t = await testContext();
    url = (await testDatabaseUrl(t.handle)) as string;
  });
  afterAll(() => t?.close());

  it('loses no acknowledged write when the writing process, with its sequencer, is killed', {
    timeout: 120_000,
  }, async () => {
    const acknowledged: string[] = [];
    const storm = startStorm(url, 'storm', (line) => {
      const m = /^committed (.+)$/.exec(line);
      if (m) acknowledged.push(m[1]);
    });
    try {
      await until(() => acknowledged.length >= 400 || storm.child.exitCode !== null, 60_000, 'the storm');
      expect(storm.child.exitCode, storm.stderr()).toBeNull();
      // Mid-storm: its sequencer has integrated some, and more are pending.
      await until(async () => (await integratedOf(t.handle, acknowledged)).size > 0, 10_000, 'its sequencer');
    } finally {
      await kill(storm);
    }
    const acked = [...acknowledged];
    expect(acked.length).toBeGreaterThanOrEqual(400);
    await settleRecord(t.handle.db);
    expect((await integratedOf(t.handle, acked)).size).toBe(acked.length);
    await expectWholeRecord(t.handle);
  });

  it('loses no acknowledged write when the leading sequencer’s process is killed: another takes over', {
    timeout: 120_000,
  }, async () => {
    let leading = false;
    const storm = startStorm(url, 'sequencer', (line) => {
      if (line === 'leading') leading = true;
    });
    const mine = new RecordSequencer(t.handle, { pollMs: 5, retryMs: 200 });
    const acknowledged: string[] = [];
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; writing; i++) acknowledged.push(await write(t.handle, `writer ${w}: ${i}`));
    });
    try {
      await until(() => leading || storm.child.exitCode !== null, 30_000, 'the child to lead');
      expect(storm.child.exitCode, storm.stderr()).toBeNull();
      await mine.start();
      expect(mine.leading).toBe(false);
      await until(() => acknowledged.length >= 300, 60_000, 'writes');
      await until(
        async () => (await integratedOf(t.handle, acknowledged)).size > 0,
        10_000,
        'the child to integrate',
      );
      await kill(storm);
      await until(() => mine.leading, 10_000, 'this process to take over');
      const atTakeover = acknowledged.length;
      await until(() => acknowledged.length >= atTakeover + 100, 30_000, 'writes after the takeover');
    } finally {
      writing = false;
      await Promise.all(writers);
      if (storm.child.exitCode === null && storm.child.signalCode === null) storm.child.kill('SIGKILL');
    }
    try {
      // Everything acknowledged gets its place from the new leader, without help.
      await until(
        async () => (await integratedOf(t.handle, acknowledged)).size === acknowledged.length,
        10_000,
        'the new leader to integrate every acknowledged write',
      );
    } finally {
      await mine.stop();
    }
    await expectWholeRecord(t.handle);
  });
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `accord serve` on the test database, as an operator starts it; resolves once it is healthy. */
async function startServer(databaseUrl: string, dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT_DIR, 'bin', 'accord.js'), 'serve'], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`accord serve exited:\n${output}`);
      return fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    60_000,
    'accord serve to answer',
  );
  return { child, exited, baseUrl, output: () => output };
}

describe('kill -9 of accord serve mid-storm (PostgreSQL)', () => {
  let t: TestContext;
  let url: string;
  let dataDir: string;
  beforeAll(async () => {
    t = await testContext();
    url = (await testDatabaseUrl(t.handle)) as string;
    dataDir = mkdtempSync(join(tmpdir(), 'accord-kill-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every write the API acknowledged: a new server gives them their places, and the record verifies', {
    timeout: 180_000,
  }, async () => {
    const person = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'AM' });
    const token = await tokenFor(t.handle, person);
    const first = await startServer(url, dataDir);
    // 8 clients create API tokens as fast as the server answers; a 201 is an acknowledged write.
    const acknowledged: string[] = [];
    let refused = 0;
    let writing = true;
    const clients = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; writing; i++) {
        try {
          const res = await fetch(`${first.baseUrl}/api/me/tokens`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `storm ${w}:${i}` }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { item: { id: string } }).item.id);
          else refused++;
        } catch {
          // the server is gone: what it did not answer was not acknowledged
          if (first.child.signalCode !== null) return;
        }
      }
    });
    try {
      await until(
        () => acknowledged.length >= 300 || first.child.exitCode !== null,
        90_000,
        'acknowledged writes',
      );
      expect(first.child.exitCode, first.output()).toBeNull();
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
    } finally {
      writing = false;
      await Promise.all(clients);
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
    }
    expect(refused).toBe(0);
    const acked = [...acknowledged];

    // A new server starts on the same database; its own sequencer places what waits, unhelped.
    const second = await startServer(url, dataDir);
    try {
      const placed = async () => {
        const rows = await t.handle.db
          .selectFrom('ledger_entries')
          .select('subject_id')
          .where('action', '=', 'token.created')
          .where('subject_id', 'in', acked)
          .execute();
        return rows.length;
      };
      await until(
        async () => (await placed()) === acked.length,
        30_000,
        'every acknowledged write in the record',
      );
      const tokens = await t.handle.db
        .selectFrom('api_tokens')
        .select('id')
        .where('id', 'in', acked)
        .execute();
      expect(tokens).toHaveLength(acked.length);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    await expectWholeRecord(t.handle);
  });
});
