import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import {
  buildUser,
  type TestContext,
  testContext,
  testLogKey,
  writeRecorded,
} from '../../testing/harness.ts';
import { createCheckpoint } from './checkpoints.ts';
import { verifyConsistency } from './merkle.ts';
import { parseCheckpoint, parseVerifierKey } from './note.ts';
import { checkProof, type ProofDocument } from './proof.ts';
import { VerifyThrottle } from './verify-throttle.ts';

// Proofs of the record: any entry's inclusion in a checkpoint, and that a later checkpoint
// extends an earlier one, checked with nothing but the proof and the public keys.

let t: TestContext;
let work: string;
let admin: UserRow;
let amDelegate: UserRow;
let byHead: UserRow;
let secretSeq: number;

beforeAll(async () => {
  t = await testContext();
  work = mkdtempSync(join(tmpdir(), 'accord-proofs-'));
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  amDelegate = await buildUser(t.handle, { stateCode: 'AM' });
  byHead = await buildUser(t.handle, {
    role: 'head_of_delegation',
    stateCode: 'BY',
    accessLevel: 'confidential',
  });
  {
    const entry = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'note',
      subjectId: 'secret',
      payload: { changes: { displayName: 'secret' } },
      classification: 3,
    });
    secretSeq = Number(entry.seq);
  }
  for (const stateCode of ['AM', 'BY', 'TJ']) await buildUser(t.handle, { stateCode });
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

const proofOf = async (seq: number, as: UserRow, size?: number) =>
  t.request(`/api/ledger/proof?seq=${seq}${size ? `&size=${size}` : ''}`, { as });

describe('inclusion proofs', () => {
  it('the API proves an entry against the checkpoint that vouches for it, signing the head when none covers it yet', async () => {
    const res = await proofOf(3, amDelegate);
    expect(res.status).toBe(200);
    const proof = (await res.json()) as ProofDocument;
    expect(proof).toMatchObject({ format: 'accord-inclusion-proof/1', leafIndex: 2, entry: { seq: 3 } });
    expect(proof.treeSize).toBeGreaterThanOrEqual(3);
    expect(proof.path.length).toBeGreaterThan(0);
    const logKey = parseVerifierKey(testLogKey().verifierKey);
    expect(checkProof(proof, { logKeys: [logKey] })).toEqual({
      ok: true,
      problems: [],
      logSigned: true,
      witnessedBy: [],
    });
  });

  it('a changed entry, leaf, path or checkpoint does not check', async () => {
    const proof = (await (await proofOf(4, admin)).json()) as ProofDocument;
    const logKeys = [parseVerifierKey(testLogKey().verifierKey)];
    const problems = (doc: ProofDocument) => checkProof(doc, { logKeys }).problems.join('; ');
    expect(problems({ ...proof, entry: { ...proof.entry, actorLabel: 'mallory' } })).toMatch(
      /fields of entry 4 do not give its hash/,
    );
    expect(problems({ ...proof, entry: { ...proof.entry, payload: { forged: true } } })).toMatch(
      /payload does not match/,
    );
    const path = [...proof.path];
    path[0] = Buffer.alloc(32, 9).toString('base64');
    expect(problems({ ...proof, path })).toMatch(/audit path does not lead from entry 4/);
    expect(problems({ ...proof, leafIndex: 5 })).toMatch(/leaf index is not that of the entry/);
    const note = proof.checkpoint.note.replace(/\n\n.*$/s, '\n\n\u2014 accord.test/record AAAAAAAA\n');
    expect(
      checkProof({ ...proof, checkpoint: { ...proof.checkpoint, note } }, { logKeys }).problems.join(),
    ).toMatch(/(not signed by a trusted log key|cannot be read)/);
    // Witnesses asked for but absent: the check says how many co-signed.
    const absent = parseVerifierKey(testLogKey().verifierKey);
    expect(checkProof(proof, { witnesses: [absent], quorum: 1 }).problems.join()).toMatch(
      /co-signed by 0 trusted witnesses, 1 needed/,
    );
  });

  it('answers 404 for an entry the reader may not read (above their level), as for one that does not exist', async () => {
    expect((await proofOf(secretSeq, byHead)).status).toBe(404);
    expect((await proofOf(secretSeq, admin)).status).toBe(200);
    expect((await proofOf(999_999, admin)).status).toBe(404);
    expect((await t.request('/api/ledger/proof?seq=3')).status).toBe(401);
    const bad = await t.request('/api/ledger/proof?seq=zero', { as: admin });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].field).toBe('query.seq');
  });

  it('against a named checkpoint size, or 409 when that checkpoint does not cover the entry', async () => {
    const checkpoint = (await createCheckpoint(t.handle.db, testLogKey()))!;
    const ok = await proofOf(2, admin, checkpoint.size);
    expect(((await ok.json()) as ProofDocument).treeSize).toBe(checkpoint.size);
    const missing = await proofOf(2, admin, checkpoint.size + 1000);
    expect(missing.status).toBe(409);
    expect((await missing.json()).error.fields[0].field).toBe('query.size');
  });
});

describe('consistency proofs', () => {
  it('show an earlier tree is a prefix of a later one; public, hashes only', async () => {
    const first = (await createCheckpoint(t.handle.db, testLogKey()))!;
    await buildUser(t.handle, { stateCode: 'TJ' });
    await buildUser(t.handle, { stateCode: 'TJ' });
    const second = (await createCheckpoint(t.handle.db, testLogKey()))!;
    const res = await t.request(`/api/ledger/consistency?from=${first.size}&to=${second.size}`);
    expect(res.status).toBe(200);
    const { proof } = await res.json();
    const [a, b] = [parseCheckpoint(first.note), parseCheckpoint(second.note)];
    const hashes = (proof as string[]).map((h) => Buffer.from(h, 'base64'));
    expect(verifyConsistency(a.size, b.size, a.root, b.root, hashes)).toBe(true);
    expect(verifyConsistency(a.size, b.size, Buffer.alloc(32), b.root, hashes)).toBe(false);
    const beyond = await t.request(`/api/ledger/consistency?from=1&to=${second.size + 100}`);
    expect(beyond.status).toBe(400);
    expect((await beyond.json()).error.fields[0].field).toBe('query.to');
    expect((await t.request(`/api/ledger/consistency?from=5&to=2`)).status).toBe(400);
  });
});

describe('full verification is limited', () => {
  it('only administrators and heads of delegation; once a minute per person', async () => {
    expect((await t.request('/api/ledger/verify', { method: 'POST', as: amDelegate })).status).toBe(403);
    const observer = await buildUser(t.handle, { role: 'observer', partnerCode: 'UN' });
    expect((await t.request('/api/ledger/verify', { method: 'POST', as: observer })).status).toBe(403);
    const first = await t.request('/api/ledger/verify', { method: 'POST', as: byHead });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, firstBad: null });
    const again = await t.request('/api/ledger/verify', { method: 'POST', as: byHead });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('one run at a time, and the interval counts from the start of the last run', async () => {
    let now = 0;
    const throttle = new VerifyThrottle(60_000, () => now);
    let release!: () => void;
    const running = throttle.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(throttle.run('b', async () => 1)).rejects.toMatchObject({ code: 'too_many_requests' });
    release();
    await running;
    expect(await throttle.run('b', async () => 2)).toBe(2);
    now = 59_000;
    await expect(throttle.run('a', async () => 3)).rejects.toMatchObject({ headers: { 'Retry-After': '1' } });
    now = 60_000;
    expect(await throttle.run('a', async () => 4)).toBe(4);
  });
});

describe('the command line', () => {
  it('`accord key` creates the key file outside the database (0600), shows the public key, refuses to overwrite, rotates with the rotation recorded', {
    timeout: CLI_TIMEOUT * 4,
  }, async () => {
    const dataDir = join(work, 'data');
    const keyFile = join(work, 'keys', 'record.pem');
    const env = {
      ACCORD_DATA_DIR: dataDir,
      ACCORD_LOG_KEY_FILE: keyFile,
      ACCORD_LOG_ORIGIN: 'cli.test/record',
    };
    const created = await runCli(['key', 'create'], env);
    expect(created.code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const vkey = created.stdout.match(/public key: (\S+)/)?.[1];
    expect(vkey).toMatch(/^cli\.test\/record\+[0-9a-f]{8}\+/);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    const again = await runCli(['key', 'create'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists: it is not overwritten/);
    const shown = await runCli(['key', 'show'], env);
    expect(shown.stdout.split('\n')[0]).toBe(vkey);
    expect(shown.stdout).not.toMatch(/PRIVATE/);

    const rotated = await runCli(['key', 'rotate'], env);
    expect(rotated.code).toBe(0);
    const oldId = vkey!.split('+')[1];
    expect(existsSync(`${keyFile}.retired-${oldId}`)).toBe(true);
    const newKey = rotated.stdout.match(/new public key: (\S+)/)?.[1];
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(vkey);

    // The rotation is in the record; the database holds public keys only.
    const exported = join(work, 'record.jsonl');
    expect((await runCli(['ledger', 'export', exported], env)).code).toBe(0);
    const lines = readFileSync(exported, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const registered = lines.filter((l) => l.action === 'ledger.key_registered');
    expect(registered.at(-1)?.payload).toMatchObject({ verifierKey: newKey, replaces: [] });
    expect(JSON.stringify(lines)).not.toMatch(/PRIVATE KEY/);
    const verified = await runCli(['ledger', 'verify', exported, '--log-key', newKey!], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^OK: .*signed by a trusted log key/);

    // A proof, written to a file and checked offline; a changed one fails with the reason.
    const proofFile = join(work, 'proof.json');
    const proved = await runCli(['ledger', 'prove', '1', '--out', proofFile], env);
    expect(proved.code).toBe(0);
    const checked = await runCli(['ledger', 'check-proof', proofFile, '--log-key', newKey!], env);
    expect(checked.stdout).toMatch(
      /^OK: entry 1 \(.*\) is in the record of \d+ entries, signed by a trusted log key/,
    );
    const doc = JSON.parse(readFileSync(proofFile, 'utf8'));
    writeFileSync(proofFile, JSON.stringify({ ...doc, entry: { ...doc.entry, actorLabel: 'mallory' } }));
    const broken = await runCli(['ledger', 'check-proof', proofFile, '--log-key', newKey!], env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/the proof does not hold: the fields of entry 1 do not give its hash/);
  });
});
