import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import { buildUser, type TestContext, testConfig, testContext, testLogKey } from '../../testing/harness.ts';
import { createCheckpoint, setWitnesses } from './checkpoints.ts';
import { entryHash } from './hash.ts';
import { type LogKey, logKeyOf, newPrivateKeyPem, trustedLogVerifiers } from './keys.ts';
import { parseCheckpoint, parseVerifierKey, type Verifier } from './note.ts';
import { verifyDatabase } from './queries.ts';
import { settleRecord } from './sequencer.ts';
import type { Anchors } from './verify.ts';
import { lastCosigned, type WitnessOptions, witnessOnce, witnessVerifierKey } from './witness.ts';

// The member states' witnesses are separate processes talking HTTP to the organisation's
// server: here three of them (two in-process over real HTTP, one through `accord witness run`)
// against a server on 127.0.0.1. Whoever holds the database, even with the log's own key,
// cannot then rewrite or cut the record without verification against the witnesses failing
// and a witness raising the alarm.

interface TestWitness {
  name: string;
  key: KeyObject;
  keyFile: string;
  verifier: Verifier;
  state: string;
}

let t: TestContext;
let work: string;
let server: ReturnType<typeof serve>;
let url: string;
let witnesses: TestWitness[];
const log = testLogKey();

const optionsFor = (w: TestWitness): WitnessOptions => ({
  name: w.name,
  privateKey: w.key,
  logUrl: url,
  logKeys: [parseVerifierKey(log.verifierKey)],
  stateDir: join(work, w.name),
});
const roundOf = (w: TestWitness) => witnessOnce(optionsFor(w));
const savedBy = (w: TestWitness) => lastCosigned(join(work, w.name), log.name)!;
const trustAll = (): Anchors => ({ witnesses: witnesses.map((w) => w.verifier), quorum: 2 });

async function addEntries(n: number) {
  for (let i = 0; i < n; i++) await buildUser(t.handle, { stateCode: 'AM' });
}

beforeAll(async () => {
  t = await testContext();
  work = mkdtempSync(join(tmpdir(), 'accord-witness-'));
  witnesses = ['witness.am', 'witness.by', 'witness.kz'].map((name, i) => {
    const pem = newPrivateKeyPem();
    const keyFile = join(work, `${name}.pem`);
    writeFileSync(keyFile, pem, { mode: 0o600 });
    const key = createPrivateKey(pem);
    const vkey = witnessVerifierKey(name, key);
    return { name, key, keyFile, verifier: parseVerifierKey(vkey), state: ['AM', 'BY', 'KZ'][i] };
  });
  await t.handle.db.transaction().execute((trx) =>
    setWitnesses(
      trx,
      systemActor('test'),
      witnesses.map((w) => ({
        name: w.name,
        state: w.state,
        verifierKey: witnessVerifierKey(w.name, w.key),
      })),
      2,
    ),
  );
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

describe('witnesses co-sign the record', () => {
  it('a first checkpoint is co-signed by each witness; two of three make it witnessed', async () => {
    await addEntries(2);
    const checkpoint = (await createCheckpoint(t.handle.db, log))!;
    expect(await roundOf(witnesses[0])).toMatchObject({
      kind: 'cosigned',
      size: checkpoint.size,
      previous: null,
    });
    const one = await (await fetch(`${url}/api/ledger/checkpoint`)).json();
    expect(one).toMatchObject({ size: checkpoint.size, witnessed: false, quorum: 2 });
    expect((await fetch(`${url}/api/ledger/checkpoint?witnessed=true`)).status).toBe(404);

    expect(await roundOf(witnesses[1])).toMatchObject({ kind: 'cosigned', accepted: ['witness.by'] });
    const two = await (await fetch(`${url}/api/ledger/checkpoint?witnessed=true`)).json();
    expect(two.witnessed).toBe(true);
    expect(two.cosigners.map((c: { name: string }) => c.name).sort()).toEqual(['witness.am', 'witness.by']);
    // The note carries both co-signatures, which verify offline against the witnesses' keys.
    const note = parseCheckpoint(two.note);
    expect(note.signatures.map((s) => s.name)).toEqual([log.name, 'witness.am', 'witness.by']);
    // Asking again changes nothing and hands the co-signature in again.
    expect(await roundOf(witnesses[0])).toEqual({ kind: 'unchanged', size: checkpoint.size });
  });

  it('a later checkpoint is co-signed only after its consistency proof from the last one holds', async () => {
    const before = savedBy(witnesses[0]).size;
    await addEntries(3);
    const checkpoint = (await createCheckpoint(t.handle.db, log))!;
    for (const w of witnesses.slice(0, 2))
      expect(await roundOf(w)).toMatchObject({ kind: 'cosigned', size: checkpoint.size, previous: before });
    expect(await verifyDatabase(t.handle.db, trustAll())).toMatchObject({ ok: true, firstBad: null });
    expect((await verifyDatabase(t.handle.db, trustAll())).anchors).toBeGreaterThanOrEqual(2);
    const saved = { checkpoints: [savedBy(witnesses[0])] };
    expect((await verifyDatabase(t.handle.db, saved)).ok).toBe(true);
  });

  it('a co-signature that does not verify, or from no witness of the organisation, is refused with 400', async () => {
    const latest = await (await fetch(`${url}/api/ledger/checkpoint`)).json();
    const stranger = logKeyOf(createPrivateKey(newPrivateKeyPem()), 'witness.xx', 'test');
    const { cosignCheckpoint, noteText } = await import('./note.ts');
    const body = parseCheckpoint(latest.note).body;
    const strangerNote = noteText(body, [
      cosignCheckpoint(body, stranger.name, stranger.privateKey, 1_800_000_000),
    ]);
    const refused = await fetch(`${url}/api/ledger/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: strangerNote }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields[0]).toMatchObject({ field: 'note' });
    // Signed by the wrong key under a real witness's name.
    const forged = noteText(body, [cosignCheckpoint(body, 'witness.kz', stranger.privateKey, 1_800_000_000)]);
    const bad = await fetch(`${url}/api/ledger/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: forged }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/co-signature of witness\.kz does not verify/);
  });
});

/**
 * Rewrites the record from entry `from` as a database owner would: the change, every hash
 * after it re-chained, the Merkle tree regrown, the checkpoints from `from` on dropped and
 * one new checkpoint signed with `signer` (the attacker's own key, published in the
 * database, or the log's real key for an insider). `keep` limits the record to that many
 * entries first (a truncation).
 */
async function rewriteHistory(
  trx: Db,
  from: number,
  signer: LogKey,
  change: (seq: number) => string | null,
  keep?: number,
) {
  for (const table of ['ledger_entries', 'ledger_tree', 'ledger_checkpoints', 'ledger_cosignatures'])
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
  if (keep !== undefined) await sql`delete from ledger_entries where seq > ${keep}`.execute(trx);
  const rows = await trx
    .selectFrom('ledger_entries')
    .selectAll()
    .where('seq', '>=', from)
    .orderBy('seq')
    .execute();
  const before = await trx
    .selectFrom('ledger_entries')
    .select('hash')
    .where('seq', '=', from - 1)
    .executeTakeFirst();
  let prevHash = before?.hash ?? '0'.repeat(64);
  const hashes: string[] = [];
  for (const row of rows) {
    const seq = Number(row.seq);
    const actorLabel = change(seq) ?? row.actor_label;
    const hash = entryHash({
      seq,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorLabel,
      delegation: row.delegation,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      classification: row.classification,
      audience: row.audience,
      payloadHash: row.payload_hash,
      prevHash,
    });
    await sql`update ledger_entries set actor_label = ${actorLabel}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${seq}`.execute(
      trx,
    );
    hashes.push(hash);
    prevHash = hash;
  }
  const size = from - 1 + rows.length;
  await sql`update ledger_head set seq = ${size}, hash = ${prevHash}`.execute(trx);
  await sql`delete from ledger_tree where (idx + 1) * (1::bigint << level) > ${from - 1}`.execute(trx);
  for (const [i, hash] of hashes.entries())
    await sql`select ledger_tree_append(${from - 1 + i}, ${hash})`.execute(trx);
  await sql`delete from ledger_cosignatures where size >= ${from}`.execute(trx);
  await sql`delete from ledger_checkpoints where size >= ${from}`.execute(trx);
  await trx
    .insertInto('signing_keys')
    .values({
      id: signer.keyId,
      public_key_pem: 'forged',
      name: signer.name,
      verifier_key: signer.verifierKey,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await createCheckpoint(trx, signer);
}

class Rollback extends Error {}

/** Tampers in a transaction, verifies there with the anchors, rolls everything back. */
async function verifyTampered(tamper: (trx: Db) => Promise<void>, anchors: Anchors) {
  let verdict: Awaited<ReturnType<typeof verifyDatabase>> | undefined;
  await t.handle.db
    .transaction()
    .execute(async (trx) => {
      await tamper(trx);
      verdict = await verifyDatabase(trx, anchors);
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return verdict!;
}

describe('a database owner rewriting the record is caught', () => {
  const mallory = logKeyOf(createPrivateKey(newPrivateKeyPem()), log.name, 'mallory');

  it('rewritten, re-chained and re-signed: passes only a check that trusts the database; witnesses and saved checkpoints fail it', async () => {
    const saved = savedBy(witnesses[0]);
    const forge = (trx: Db) => rewriteHistory(trx, 3, mallory, (seq) => (seq === 3 ? 'mallory' : null));
    expect((await verifyTampered(forge, {})).ok).toBe(true); // what the hostile review showed
    // The server's own full verification (POST /api/ledger/verify) pins its key files, which the
    // database does not hold: a checkpoint signed with a key only signing_keys lists fails it.
    const byServer = await verifyTampered(forge, { logKeys: trustedLogVerifiers(testConfig()) });
    expect(byServer.ok).toBe(false);
    expect(byServer.firstBad?.reason).toMatch(/is signed by no trusted log key/);
    const byWitnesses = await verifyTampered(forge, trustAll());
    expect(byWitnesses.ok).toBe(false);
    expect(byWitnesses.firstBad?.reason).toMatch(
      /no checkpoint is co-signed by 2 of the 3 trusted witnesses/,
    );
    const bySaved = await verifyTampered(forge, { checkpoints: [saved] });
    expect(bySaved.firstBad).toEqual({
      seq: expect.any(Number),
      reason: expect.stringMatching(
        new RegExp(
          `not those of the saved checkpoint of size ${saved.size}: an entry from \\d+ to ${saved.size} was changed`,
        ),
      ),
    });
    expect(bySaved.firstBad!.seq).toBeLessThanOrEqual(3);
    // Even re-signed with the log's real key (an insider with the key file), the witnesses hold.
    const insider = (trx: Db) => rewriteHistory(trx, 3, log, (seq) => (seq === 3 ? 'mallory' : null));
    expect((await verifyTampered(insider, trustAll())).ok).toBe(false);
    expect(
      (await verifyTampered(insider, { logKeys: [parseVerifierKey(log.verifierKey)], checkpoints: [saved] }))
        .ok,
    ).toBe(false);
    // With the old witnessed checkpoints left in place, their roots no longer match.
    const keepOld = async (trx: Db) => {
      const old = await trx.selectFrom('ledger_checkpoints').selectAll().execute();
      const cosigs = await trx.selectFrom('ledger_cosignatures').selectAll().execute();
      await rewriteHistory(trx, 3, mallory, (seq) => (seq === 3 ? 'mallory' : null));
      for (const c of old)
        await trx
          .insertInto('ledger_checkpoints')
          .values(c)
          .onConflict((oc) => oc.doNothing())
          .execute();
      for (const c of cosigs)
        await trx
          .insertInto('ledger_cosignatures')
          .values(c)
          .onConflict((oc) => oc.doNothing())
          .execute();
    };
    expect((await verifyTampered(keepOld, trustAll())).firstBad?.reason).toMatch(
      /not those of the witnessed checkpoint/,
    );
  });

  it('cut back together with the checkpoints that covered the tail: the witness’s saved checkpoint names what is missing', async () => {
    const saved = savedBy(witnesses[1]);
    const first = Number(
      (
        await t.handle.db
          .selectFrom('ledger_checkpoints')
          .select('size')
          .orderBy('size')
          .executeTakeFirstOrThrow()
      ).size,
    );
    const cut = (trx: Db) => rewriteHistory(trx, first + 1, mallory, () => null, first);
    const verdict = await verifyTampered(cut, { checkpoints: [saved] });
    expect(verdict.firstBad).toEqual({
      seq: first + 1,
      reason: expect.stringMatching(
        new RegExp(
          `entries ${first + 1} to ${saved.size} are missing: the saved checkpoint of size ${saved.size} covers them`,
        ),
      ),
    });
  });

  it('the unsigned tail re-chained after it was witnessed: caught by the witnessed checkpoint', async () => {
    const saved = savedBy(witnesses[0]);
    const first = Number(
      (
        await t.handle.db
          .selectFrom('ledger_checkpoints')
          .select('size')
          .orderBy('size')
          .executeTakeFirstOrThrow()
      ).size,
    );
    // Entries after the first checkpoint were the unsigned tail until the second was witnessed.
    const tail = (trx: Db) =>
      rewriteHistory(trx, first + 1, mallory, (seq) => (seq === first + 1 ? 'mallory' : null));
    expect((await verifyTampered(tail, { checkpoints: [saved] })).firstBad?.seq).toBe(first + 1);
    // The database's own copy of the later co-signatures can be deleted with it: what a witness
    // keeps is the anchor an auditor passes (`accord ledger verify --witness … --checkpoint <state file>`).
    expect((await verifyTampered(tail, { ...trustAll(), checkpoints: [saved] })).ok).toBe(false);
  });
});

describe('a witness shown another history', () => {
  it('refuses to co-sign, keeps the evidence, tells the server, and `accord witness run` exits 3', {
    timeout: CLI_TIMEOUT * 2,
  }, async () => {
    // The third witness co-signs the current checkpoint first (so it holds this history).
    expect((await roundOf(witnesses[2])).kind).toBe('cosigned');
    const heldSize = savedBy(witnesses[2]).size;
    // An insider with the key file rewrites entry 2 and signs a longer tree: committed this time.
    await addEntries(1);
    await t.handle.db
      .transaction()
      .execute((trx) => rewriteHistory(trx, 2, log, (seq) => (seq === 2 ? 'mallory' : null)));
    const inProcess = await roundOf(witnesses[0]);
    expect(inProcess).toMatchObject({ kind: 'fork', cosignedSize: expect.any(Number) });
    if (inProcess.kind !== 'fork') throw new Error('no fork');
    expect(inProcess.reason).toMatch(/does not extend the tree of \d+ this witness co-signed/);
    expect(JSON.parse(readFileSync(inProcess.evidence, 'utf8'))).toMatchObject({ reason: inProcess.reason });
    // The state file still holds the history it co-signed: it signed nothing new.
    expect(savedBy(witnesses[0]).size).toBe(inProcess.cosignedSize);
    await settleRecord(t.handle.db);
    const reported = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('action', '=', 'ledger.fork_reported')
      .execute();
    expect(reported.map((r) => (r.payload as { witness: string }).witness)).toContain('witness.am');

    const cli = await runCli([
      'witness',
      'run',
      '--once',
      '--log',
      url,
      '--log-key',
      log.verifierKey,
      '--name',
      witnesses[2].name,
      '--key',
      witnesses[2].keyFile,
      '--state',
      join(work, witnesses[2].name),
    ]);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toMatch(/ALARM: .*history was rewritten/);
    expect(readdirSync(join(work, witnesses[2].name)).some((f) => f.startsWith('ALARM-'))).toBe(true);
    expect(savedBy(witnesses[2]).size).toBe(heldSize);
  });
});
