import { createPrivateKey, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src/core/actor.ts';
import type { UserRow } from '../../../src/db/schema.ts';
import { createCheckpoint, setWitnesses } from '../../../src/modules/ledger/checkpoints.ts';
import { appendReferencedEntry } from '../../../src/modules/ledger/commands.ts';
import { entryHash as serverEntryHash } from '../../../src/modules/ledger/hash.ts';
import { recordedEntry, settleRecord } from '../../../src/modules/ledger/index.ts';
import { newPrivateKeyPem } from '../../../src/modules/ledger/keys.ts';
import {
  cosignCheckpoint,
  noteText,
  parseCheckpoint as serverParse,
} from '../../../src/modules/ledger/note.ts';
import { checkProof, type ProofDocument as ServerProof } from '../../../src/modules/ledger/proof.ts';
import { witnessVerifierKey } from '../../../src/modules/ledger/witness.ts';
import { buildUser, type TestContext, testContext, testLogKey } from '../../../src/testing/harness.ts';
import {
  type BrowserProofCheck,
  checkProofInBrowser,
  entryHash,
  leafHashOf,
  type ProofDocument,
  type ProofTrust,
} from './proof.ts';

// The browser's verifier, run on proofs the server builds (the API called in-process, on a
// real database): it agrees with the server's own checkProof, and every tampering fails the
// step it should. Node's WebCrypto stands in for the browser's.

let t: TestContext;
let admin: UserRow;
let seq: number;
let recordId: number;
const witnesses = ['witness.am', 'witness.by'].map((name, i) => {
  const key = createPrivateKey(newPrivateKeyPem());
  return { name, key, state: ['AM', 'BY'][i], verifierKey: witnessVerifierKey(name, key) };
});

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  await t.handle.db.transaction().execute(async (trx) => {
    await setWitnesses(
      trx,
      systemActor('test'),
      witnesses.map((w) => ({ name: w.name, state: w.state, verifierKey: w.verifierKey })),
      2,
    );
    // A payload the canonical form must order and escape: non-ASCII, quotes, a line separator, null.
    const entry = await appendReferencedEntry(trx, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'user',
      subjectId: admin.id,
      payload: {
        changes: {
          role: 'delegate',
          displayName: 'Łukasz «Ä» "q" \u2028 😀',
          email: null,
          accessLevel: 'public',
        },
      },
      classification: 1,
      audience: ['BY', 'AM'],
    });
    recordId = entry.recordId;
  });
  await settleRecord(t.handle.db);
  seq = Number((await recordedEntry(t.handle.db, recordId))?.seq);
  for (let i = 0; i < 4; i++) await buildUser(t.handle, { stateCode: 'AM' });
  await createCheckpoint(t.handle.db, testLogKey());
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const json = async <T>(path: string): Promise<T> => {
  const res = await t.request(path, { as: admin });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

async function trust(): Promise<ProofTrust> {
  const keys = await json<{ items: { verifierKey: string | null }[] }>('/api/ledger/public-keys');
  const listed = await json<ProofTrust & { items: ProofTrust['witnesses'] }>('/api/ledger/witnesses');
  return {
    logKeys: keys.items.flatMap((k) => (k.verifierKey ? [k.verifierKey] : [])),
    witnesses: listed.items,
    quorum: listed.quorum,
  };
}

const proofOf = (n: number, size?: number) =>
  json<ProofDocument>(`/api/ledger/proof?seq=${n}${size ? `&size=${size}` : ''}`);

const statuses = (check: BrowserProofCheck) => Object.fromEntries(check.steps.map((s) => [s.step, s.status]));
const stepOf = (check: BrowserProofCheck, step: string) => check.steps.find((s) => s.step === step);

async function cosign(doc: ProofDocument, by: typeof witnesses) {
  const body = serverParse(doc.checkpoint.note).body;
  const note = noteText(
    body,
    by.map((w) => cosignCheckpoint(body, w.name, w.key as KeyObject, 1_800_000_000)),
  );
  const res = await t.request('/api/ledger/cosignatures', { method: 'POST', json: { note } });
  expect(res.status).toBe(200);
}

describe('the in-browser proof check', () => {
  it('computes the same entry hash as the server for every field', async () => {
    const doc = await proofOf(seq);
    expect(doc.entry.audience).toEqual(['BY', 'AM']);
    const { payload: _payload, hash, ...fields } = doc.entry;
    expect(await entryHash(crypto.subtle, fields)).toBe(hash);
    expect(serverEntryHash(fields)).toBe(hash);
    // An entry by the system (no actor, no delegation) too.
    const first = await proofOf(1);
    expect(first.entry.actorId).toBeNull();
    expect(await entryHash(crypto.subtle, first.entry)).toBe(first.entry.hash);
  });

  it('passes every step of a proof signed by the log, the co-signatures still pending', async () => {
    const doc = await proofOf(seq);
    const check = await checkProofInBrowser(doc, await trust());
    expect(statuses(check)).toEqual({
      payload: 'passed',
      entry: 'passed',
      leaf: 'passed',
      checkpoint: 'passed',
      inclusion: 'passed',
      logSignature: 'passed',
      cosignatures: 'pending',
    });
    expect(check).toMatchObject({
      ok: true,
      ed25519: true,
      seq,
      size: doc.treeSize,
      logKeyId: testLogKey().keyId,
      witnessedBy: [],
      quorum: 2,
      witnessed: false,
    });
    // The server's own checker agrees, short of the quorum.
    expect(checkProof(doc as ServerProof, {}).ok).toBe(true);
  });

  it('counts each witness whose co-signature holds, and passes once the quorum is reached', async () => {
    const size = (await proofOf(seq)).treeSize;
    await cosign(await proofOf(seq, size), [witnesses[0]]);
    const one = await checkProofInBrowser(await proofOf(seq, size), await trust());
    expect(one).toMatchObject({ ok: true, witnessedBy: ['witness.am'], witnessed: false });
    expect(stepOf(one, 'cosignatures')).toMatchObject({ status: 'pending', reason: 'shortfall' });

    await cosign(await proofOf(seq, size), [witnesses[1]]);
    const doc = await proofOf(seq);
    expect(doc.checkpoint).toMatchObject({ size, witnessed: true });
    const two = await checkProofInBrowser(doc, await trust());
    expect(two).toMatchObject({ ok: true, witnessedBy: ['witness.am', 'witness.by'], witnessed: true });
    expect(two.steps.every((s) => s.status === 'passed')).toBe(true);
  });

  it('fails the step that a tampered proof breaks', async () => {
    const doc = await proofOf(seq);
    const keys = await trust();
    const failed = async (changed: ProofDocument) =>
      (await checkProofInBrowser(changed, keys)).steps
        .filter((s) => s.status === 'failed')
        .map((s) => `${s.step}:${s.reason}`);

    expect(await failed({ ...doc, entry: { ...doc.entry, actorLabel: 'mallory' } })).toEqual([
      'entry:mismatch',
    ]);
    expect(await failed({ ...doc, entry: { ...doc.entry, payload: { forged: true } } })).toEqual([
      'payload:mismatch',
    ]);
    // A consistent forgery of the entry (fields and hash) matches neither the leaf nor the root...
    const forged = { ...doc.entry, subjectId: 'someone-else' };
    const forgedHash = await entryHash(crypto.subtle, forged);
    expect(await failed({ ...doc, entry: { ...forged, hash: forgedHash } })).toEqual([
      'leaf:mismatch',
      'inclusion:mismatch',
    ]);
    // ...and with its own leaf, the audit path still does not lead to the root.
    const forgedLeaf = Buffer.from(await leafHashOf(crypto.subtle, forgedHash)).toString('base64');
    expect(await failed({ ...doc, entry: { ...forged, hash: forgedHash }, leafHash: forgedLeaf })).toEqual([
      'inclusion:mismatch',
    ]);
    expect(await failed({ ...doc, leafIndex: doc.leafIndex + 1 })).toEqual([
      'leaf:wrongIndex',
      'inclusion:mismatch',
    ]);
    const path = [...doc.path];
    path[0] = Buffer.alloc(32, 7).toString('base64');
    expect(await failed({ ...doc, path })).toEqual(['inclusion:mismatch']);
    expect(await failed({ ...doc, checkpoint: { ...doc.checkpoint, note: 'not a note' } })).toEqual([
      'checkpoint:unreadable',
      'inclusion:unreadable',
      'logSignature:unreadable',
      'cosignatures:unreadable',
    ]);
    expect(await failed({ ...doc, treeSize: doc.treeSize + 1 })).toEqual(['checkpoint:otherTree']);

    // The log's signature over another body, or by a key the reader does not trust.
    const note = doc.checkpoint.note;
    const [origin, size, root] = note.split('\n');
    const otherRoot = Buffer.alloc(32, 1).toString('base64');
    const swapped = note.replace(`${origin}\n${size}\n${root}\n`, `${origin}\n${size}\n${otherRoot}\n`);
    expect(
      await failed({ ...doc, checkpoint: { ...doc.checkpoint, note: swapped, root: otherRoot } }),
    ).toEqual(['inclusion:mismatch', 'logSignature:noTrustedKey', 'cosignatures:falseCosignature']);
    expect(
      (await checkProofInBrowser(doc, { ...keys, logKeys: [witnesses[0].verifierKey] })).steps.find(
        (s) => s.step === 'logSignature',
      ),
    ).toMatchObject({ status: 'failed', reason: 'noTrustedKey' });
  });

  it('refuses a co-signature forged under a witness name, and co-signers the note does not bear out', async () => {
    const doc = await proofOf(seq);
    const keys = await trust();
    const parsed = serverParse(doc.checkpoint.note);
    const stranger = createPrivateKey(newPrivateKeyPem());
    // The forger's line carries the witness's key ID but another key's signature.
    const good = cosignCheckpoint(parsed.body, 'witness.by', witnesses[1].key, 1_800_000_001);
    const bad = cosignCheckpoint(parsed.body, 'witness.by', stranger, 1_800_000_001);
    const forgedLine = `${good.slice(0, good.lastIndexOf(' ') + 1)}${Buffer.concat([
      Buffer.from(good.slice(good.lastIndexOf(' ') + 1), 'base64').subarray(0, 4),
      Buffer.from(bad.slice(bad.lastIndexOf(' ') + 1), 'base64').subarray(4),
    ]).toString('base64')}\n`;
    const logLine = parsed.signatures[0].line;
    const forged = noteText(parsed.body, [logLine, forgedLine]);
    const check = await checkProofInBrowser(
      { ...doc, checkpoint: { ...doc.checkpoint, note: forged } },
      keys,
    );
    expect(stepOf(check, 'cosignatures')).toMatchObject({ status: 'failed', reason: 'falseCosignature' });
    expect(check.ok).toBe(false);

    // The server says witness.am co-signed, but the note has only the log's line.
    const bare = noteText(parsed.body, [logLine]);
    const claimed = await checkProofInBrowser(
      { ...doc, checkpoint: { ...doc.checkpoint, note: bare } },
      keys,
    );
    expect(stepOf(claimed, 'cosignatures')).toMatchObject({
      status: 'failed',
      reason: 'claimedNotFound',
      detail: 'witness.am, witness.by',
    });
  });

  it('says when the browser cannot check Ed25519, and still checks the hashes and the path', async () => {
    const doc = await proofOf(seq);
    const noEd25519 = new Proxy(crypto.subtle, {
      get(target, prop) {
        if (prop === 'importKey')
          return () => Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const check = await checkProofInBrowser(doc, await trust(), noEd25519);
    expect(check.ed25519).toBe(false);
    expect(statuses(check)).toMatchObject({
      entry: 'passed',
      inclusion: 'passed',
      logSignature: 'skipped',
      cosignatures: 'skipped',
    });
    expect(stepOf(check, 'logSignature')?.reason).toBe('unsupported');
  });

  it('skips the co-signatures when the organisation has no witnesses', async () => {
    const doc = await proofOf(seq);
    const check = await checkProofInBrowser(doc, { ...(await trust()), witnesses: [], quorum: 0 });
    expect(stepOf(check, 'cosignatures')).toMatchObject({ status: 'skipped', reason: 'noWitnesses' });
    expect(check.ok).toBe(true);
  });
});
