import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { connect } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { LedgerEntryRow } from '../../db/schema.ts';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import {
  buildUser,
  TEST_ORGANISATION,
  type TestContext,
  testContext,
  testLogKey,
} from '../../testing/harness.ts';
import { loadOrganisation } from '../directory/commands.ts';
import { parseOrganisationFile } from '../directory/organisation-file.ts';
import { createCheckpoint } from './checkpoints.ts';
import { appendEntry } from './commands.ts';
import { entryHash, payloadHash } from './hash.ts';
import { checkpointBody, noteText } from './note.ts';
import { verifyDatabase } from './queries.ts';
import { rootAt } from './tree.ts';
import type { VerifyResult } from './verify.ts';

// Whoever can write to the database directly can change the record; the chain makes
// every such change visible. Each tamper below runs in a transaction that is rolled back,
// with the append-only trigger disabled inside it as a superuser would. Exported files
// are tampered with in export.test.ts.

const disableTrigger = (db: Db) =>
  sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(db);

class Rollback extends Error {}

let t: TestContext;
let work: string;
let entries: LedgerEntryRow[];
/** Entries of the record chosen for tampering: the middle ones, not the ends. */
let mid: number;
let last: number;

beforeAll(async () => {
  t = await testContext();
  work = mkdtempSync(join(tmpdir(), 'accord-tamper-'));
  await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY', accessLevel: 'confidential' });
  await buildUser(t.handle, { stateCode: 'AM' });
  await buildUser(t.handle, { role: 'observer', partnerCode: 'UN' });
  await t.handle.db.transaction().execute(async (trx) => {
    const actor = systemActor('test');
    const note = (classification: number, audience: string[] | null) =>
      appendEntry(trx, actor, {
        action: 'user.updated',
        subjectType: 'note',
        subjectId: `c${classification}`,
        payload: { changes: { displayName: `c${classification}` } },
        classification,
        audience,
      });
    await note(3, null); // secret, for every state
    await note(1, ['AM']);
    await note(1, ['BY']);
    await note(0, null);
  });
  await createCheckpoint(t.handle.db, testLogKey());
  await buildUser(t.handle, { stateCode: 'TJ' }); // entries after the checkpoint, too
  entries = await t.handle.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
  last = Number(entries[entries.length - 1].seq);
  mid = Math.floor(last / 2);
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

/** Tampers with the database in a transaction, verifies it there, and rolls everything back. */
async function verifyTampered(change: (trx: Db) => Promise<unknown>): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await t.handle.db
    .transaction()
    .execute(async (trx) => {
      await disableTrigger(trx);
      await change(trx);
      result = await verifyDatabase(trx);
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  if (!result) throw new Error('no verdict');
  return result;
}

const entryAt = (seq: number) => entries.find((e) => Number(e.seq) === seq)!;

/** Moves an entry to another sequence number (through a free one, so the primary key holds). */
const move = (trx: Db, from: number, to: number) =>
  sql`update ledger_entries set seq = ${to} where seq = ${from}`.execute(trx);

describe('tampering with the record in the database', () => {
  afterEach(async () => {
    // Every tamper was rolled back: the real record still verifies and the trigger is back.
    expect((await verifyDatabase(t.handle.db)).ok).toBe(true);
    await expect(
      sql`update ledger_entries set action = 'x' where seq = 1`.execute(t.handle.db),
    ).rejects.toThrow(/append-only/);
  });

  it('the untouched record verifies, up to its signed checkpoint', async () => {
    const result = await verifyDatabase(t.handle.db);
    expect(result).toMatchObject({
      ok: true,
      checked: last,
      headSeq: last,
      firstBad: null,
      hiddenPayloads: 0,
    });
    expect(result.checkpoint?.valid).toBe(true);
    expect(result.checkpoint?.size).toBeLessThan(last);
  });

  it.each([
    ['classification', sql`classification = (classification + 1) % 4`],
    ['actor_label', sql`actor_label = 'mallory'`],
    ['at', sql`at = at + interval '1 second'`],
    ['audience', sql`audience = array['XX']`],
  ])('changing a field (%s) fails naming the entry', async (_field, set) => {
    const result = await verifyTampered((trx) =>
      sql`update ledger_entries set ${set} where seq = ${mid}`.execute(trx),
    );
    expect(result.ok).toBe(false);
    expect(result.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/fields were changed/) });
  });

  it('changing a payload fails naming the entry, even with a recomputed payload hash', async () => {
    const changed = await verifyTampered((trx) =>
      sql`update ledger_entries set payload = '{"role": "secretariat_admin"}'::jsonb where seq = ${mid}`.execute(
        trx,
      ),
    );
    expect(changed.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
    const rehashed = await verifyTampered((trx) =>
      sql`update ledger_entries set payload = '{"forged": true}'::jsonb, payload_hash = ${payloadHash({ forged: true })} where seq = ${mid}`.execute(
        trx,
      ),
    );
    // The payload shown is no longer the text hashed (payload_json): named as a changed payload
    // (before migration 0019 the new payload hash was caught as a changed field).
    expect(rehashed.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
  });

  it('the payload readers see and the payload text hashed (payload_json) cannot be changed apart', async () => {
    // The column readers see changed, the stored text left as it was hashed.
    const shown = await verifyTampered((trx) =>
      sql`update ledger_entries set payload = '{"changes": {"displayName": "mallory"}}'::jsonb where seq = ${mid}`.execute(
        trx,
      ),
    );
    expect(shown.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
    // The stored text changed (to the same value as the column), the column left.
    const text = await verifyTampered((trx) =>
      sql`update ledger_entries set payload_json = '{"changes":{"displayName":"mallory"}}',
        payload = '{"changes": {"displayName": "mallory"}}'::jsonb where seq = ${mid}`.execute(trx),
    );
    expect(text.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
    // A stored text that is not JSON at all is named too (the check's cast fails on it).
    const garbage = await verifyTampered((trx) =>
      sql`update ledger_entries set payload_json = '{not json' where seq = ${mid}`.execute(trx),
    );
    expect(garbage.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
  });

  it('a changed previous-hash column, the rest left, fails naming the entry', async () => {
    const result = await verifyTampered((trx) =>
      sql`update ledger_entries set prev_hash = ${'f'.repeat(64)} where seq = ${mid}`.execute(trx),
    );
    expect(result.firstBad).toEqual({
      seq: mid,
      reason: expect.stringMatching(/previous-hash does not match/),
    });
  });

  it('entries written before migration 0019 (no payload text) verify, and a change to one fails', async () => {
    const unfilled = await verifyTampered((trx) =>
      sql`update ledger_entries set payload_json = null where seq <= ${mid}`.execute(trx),
    );
    expect(unfilled.ok).toBe(true);
    const changed = await verifyTampered(async (trx) => {
      await sql`update ledger_entries set payload_json = null where seq <= ${mid}`.execute(trx);
      await sql`update ledger_entries set payload = '{"forged": true}'::jsonb where seq = ${mid}`.execute(
        trx,
      );
    });
    expect(changed.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/payload was changed/) });
  });

  it('an entry rewritten with the whole tail re-chained after it is caught by the stored tree', async () => {
    const result = await verifyTampered(async (trx) => {
      let prevHash = entryAt(mid - 1).hash;
      for (const e of entries.filter((x) => Number(x.seq) >= mid)) {
        const fields = {
          seq: Number(e.seq),
          at: e.at.toISOString(),
          actorId: e.actor_id,
          actorLabel: Number(e.seq) === mid ? 'mallory' : e.actor_label,
          delegation: e.delegation,
          action: e.action,
          subjectType: e.subject_type,
          subjectId: e.subject_id,
          classification: e.classification,
          audience: e.audience,
          payloadHash: e.payload_hash,
          prevHash,
        };
        const hash = entryHash(fields);
        await sql`update ledger_entries set actor_label = ${fields.actorLabel}, prev_hash = ${prevHash},
          hash = ${hash} where seq = ${fields.seq}`.execute(trx);
        await sql`update ledger_head set hash = ${hash} where id = 1 and seq = ${fields.seq}`.execute(trx);
        prevHash = hash;
      }
    });
    expect(result.ok).toBe(false);
    expect(result.firstBad?.reason).toMatch(/stored Merkle tree does not match|checkpoint/);
  });

  it('deleting an entry fails naming it; cutting off the tail is caught by the head and the checkpoint', async () => {
    const deleted = await verifyTampered((trx) =>
      sql`delete from ledger_entries where seq = ${mid}`.execute(trx),
    );
    expect(deleted.firstBad).toEqual({ seq: mid, reason: expect.stringMatching(/missing \(deleted\)/) });

    const tail = await verifyTampered((trx) =>
      sql`delete from ledger_entries where seq = ${last}`.execute(trx),
    );
    expect(tail.firstBad).toEqual({ seq: last, reason: expect.stringMatching(/head says/) });

    // Cut back to before the checkpoint and rewind the head too: the signed checkpoint still knows.
    const checkpoint = await t.handle.db
      .selectFrom('ledger_checkpoints')
      .select('size')
      .executeTakeFirstOrThrow();
    const cut = Number(checkpoint.size) - 1;
    const rewound = await verifyTampered(async (trx) => {
      await sql`delete from ledger_entries where seq > ${cut}`.execute(trx);
      await sql`update ledger_head set seq = ${cut}, hash = ${entryAt(cut).hash}`.execute(trx);
    });
    expect(rewound.firstBad).toEqual({
      seq: cut + 1,
      reason: expect.stringMatching(/signed checkpoint of size \d+ covers them/),
    });
  });

  it('inserting an entry fails: past the head it is named; in the middle the next entry no longer links', async () => {
    const forged = (seq: number, prevHash: string) => {
      const fields = {
        seq,
        at: new Date().toISOString(),
        actorId: null,
        actorLabel: 'mallory',
        delegation: null,
        action: 'user.created',
        subjectType: 'user',
        subjectId: 'forged',
        classification: 0,
        audience: null,
        payloadHash: entryAt(1).payload_hash,
        prevHash,
      };
      return sql`insert into ledger_entries (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
          classification, audience, payload, payload_hash, prev_hash, hash, record_id)
        values (${seq}, ${fields.at}, null, 'mallory', null, 'user.created', 'user', 'forged', 0, null,
          ${JSON.stringify(entryAt(1).payload)}::jsonb, ${fields.payloadHash}, ${prevHash}, ${entryHash(fields)},
          nextval(pg_get_serial_sequence('ledger_pending', 'id')))`;
    };
    const appended = await verifyTampered((trx) => forged(last + 1, entryAt(last).hash).execute(trx));
    expect(appended.firstBad).toEqual({ seq: last + 1, reason: expect.stringMatching(/head says/) });

    const inMiddle = await verifyTampered(async (trx) => {
      // Make room after `mid`, then put a well-formed forgery there.
      await sql`update ledger_entries set seq = seq + 1000000 where seq > ${mid}`.execute(trx);
      await sql`update ledger_entries set seq = seq - 999999 where seq > 1000000`.execute(trx);
      await forged(mid + 1, entryAt(mid).hash).execute(trx);
    });
    expect(inMiddle.firstBad).toEqual({
      seq: mid + 2,
      reason: expect.stringMatching(new RegExp(`does not match entry ${mid + 1}: an entry was inserted`)),
    });
  });

  it('reordering two entries (swapping their numbers) fails naming the first of them', async () => {
    const result = await verifyTampered(async (trx) => {
      await move(trx, mid, 1000000);
      await move(trx, mid + 1, mid);
      await move(trx, 1000000, mid + 1);
    });
    expect(result.firstBad).toEqual({
      seq: mid,
      reason: expect.stringMatching(/previous-hash does not match/),
    });
  });

  it('a checkpoint with a forged signature fails naming its entry', async () => {
    const real = await t.handle.db.selectFrom('ledger_checkpoints').selectAll().executeTakeFirstOrThrow();
    const body = checkpointBody({
      origin: testLogKey().name,
      size: mid,
      root: await rootAt(t.handle.db, mid),
    });
    const forgedLine = `\u2014 ${testLogKey().name} ${Buffer.concat([Buffer.from(real.key_id, 'hex'), Buffer.alloc(64, 7)]).toString('base64')}\n`;
    const result = await verifyTampered((trx) =>
      trx
        .insertInto('ledger_checkpoints')
        .values({
          size: mid,
          root: Buffer.alloc(32),
          note: noteText(body, [forgedLine]),
          key_id: real.key_id,
        })
        .execute(),
    );
    expect(result.firstBad).toEqual({
      seq: mid,
      reason: expect.stringMatching(/checkpoint of size \d+ is signed by no published log key/),
    });
  });

  it('a stored tree that disagrees with the entries fails: proofs served from it would not hold', async () => {
    const result = await verifyTampered(async (trx) => {
      await sql`alter table ledger_tree disable trigger ledger_tree_append_only`.execute(trx);
      // Every stored subtree that holds the last entry: the root read from the store changes.
      await sql`update ledger_tree set hash = sha256(hash) where idx = (${last - 1}::bigint >> level)`.execute(
        trx,
      );
    });
    expect(result.firstBad).toEqual({
      seq: last,
      reason: expect.stringMatching(/stored Merkle tree does not match/),
    });
  });
});

describe('the command line', () => {
  it('`accord ledger verify` on a tampered data directory exits non-zero with one line naming the entry', {
    timeout: CLI_TIMEOUT * 2,
  }, async () => {
    const dataDir = join(work, 'data');
    const handle = await connect({ dataDir });
    let target: number;
    try {
      await migrate(handle.db);
      await handle.db
        .transaction()
        .execute((trx) =>
          loadOrganisation(trx, systemActor('test'), parseOrganisationFile(TEST_ORGANISATION), 'test'),
        );
      for (const stateCode of ['AM', 'BY', 'TJ']) await buildUser(handle, { stateCode });
      target = 3;
      await disableTrigger(handle.db);
      await sql`update ledger_entries set actor_label = 'mallory' where seq = ${target}`.execute(handle.db);
    } finally {
      await handle.close(); // a PGlite directory is for one process at a time
    }
    const result = await runCli(['ledger', 'verify'], { ACCORD_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^accord: the record is broken at entry ${target}: .*fields were changed`),
    );
  });
});
