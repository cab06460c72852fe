import { createPrivateKey } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import { type TestContext, testContext, testLogKey, tokenFor } from '../../testing/harness.ts';
import { createCheckpoint, newPrivateKeyPem, setWitnesses } from '../ledger/index.ts';
import { cosignCheckpoint, noteText, parseCheckpoint } from '../ledger/note.ts';
import { witnessVerifierKey } from '../ledger/witness.ts';
import { buildDecisionPeople, buildProcedure, type DecisionPeople } from './factories.ts';
import { procedureOf } from './test-support.ts';

// A decision's page says where its record entry stands: pending until a checkpoint covers it,
// then signed by the log, then witnessed with the co-signers named; and what does not hold
// when the entry was changed.

interface DecisionBody {
  decision: {
    record: {
      seq: number;
      hash: string;
      at: string;
      checkpoint: null | {
        size: number;
        signatureValid: boolean;
        proofValid: boolean;
        witnessed: boolean;
        quorum: number;
        cosigners: { name: string; state: string | null }[];
      };
    };
    recordProblems: string[];
  };
}

let t: TestContext;
let p: DecisionPeople;
let decisionId: string;
const witnesses = ['witness.by', 'witness.kz'].map((name, i) => {
  const key = createPrivateKey(newPrivateKeyPem());
  return { name, key, state: ['BY', 'KZ'][i], verifierKey: witnessVerifierKey(name, key) };
});

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
  await tokenFor(t.handle, p.amHead);
  const procedure = await buildProcedure(t.handle, { kind: 'meeting_consensus' });
  const res = await t.request(`/api/procedures/${procedure.id}/close`, {
    method: 'POST',
    as: p.admin,
    json: {},
  });
  expect(res.status).toBe(200);
  decisionId = (await procedureOf(res)).decision!.id;
}, 120_000);
afterAll(() => t.close());

const decision = async () => {
  const res = await t.request(`/api/decisions/${decisionId}`, { as: p.amHead });
  expect(res.status).toBe(200);
  return ((await res.json()) as DecisionBody).decision;
};

describe('GET /api/decisions/{id}: the record standing', () => {
  it('is pending until a checkpoint covers the entry, then signed by the log, not witnessed', async () => {
    const before = await decision();
    expect(before.record).toMatchObject({ checkpoint: null });
    expect(before.record.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(before.recordProblems).toEqual([]);

    await createCheckpoint(t.handle.db, testLogKey());
    const signed = await decision();
    expect(signed.record.checkpoint).toMatchObject({
      signatureValid: true,
      proofValid: true,
      witnessed: false,
      cosigners: [],
    });
    expect(signed.record.checkpoint!.size).toBeGreaterThanOrEqual(signed.record.seq);
    expect(signed.recordProblems).toEqual([]);
  });

  it('is witnessed once a quorum of the witnesses co-signed, naming them and their states', async () => {
    await t.handle.db.transaction().execute((trx) =>
      setWitnesses(
        trx,
        systemActor('test'),
        witnesses.map(({ name, state, verifierKey }) => ({ name, state, verifierKey })),
        2,
      ),
    );
    const checkpoint = (await createCheckpoint(t.handle.db, testLogKey()))!;
    const body = parseCheckpoint(checkpoint.note).body;
    const note = noteText(
      body,
      witnesses.map((w) => cosignCheckpoint(body, w.name, w.key, Math.floor(Date.now() / 1000))),
    );
    expect((await t.request('/api/ledger/cosignatures', { method: 'POST', json: { note } })).status).toBe(
      200,
    );
    const { record, recordProblems } = await decision();
    expect(record.checkpoint).toMatchObject({
      size: checkpoint.size,
      witnessed: true,
      quorum: 2,
      signatureValid: true,
      proofValid: true,
      cosigners: [
        { name: 'witness.by', state: 'BY' },
        { name: 'witness.kz', state: 'KZ' },
      ],
    });
    expect(recordProblems).toEqual([]);
  });

  it('names what does not hold when the entry was changed in the database', async () => {
    const { record } = await decision();
    await t.handle.db.transaction().execute(async (trx) => {
      await sql`alter table ledger_entries disable trigger user`.execute(trx);
      await sql`update ledger_entries set actor_label = 'mallory' where seq = ${record.seq}`.execute(trx);
      await sql`alter table ledger_entries enable trigger user`.execute(trx);
    });
    const changed = await decision();
    expect(changed.recordProblems).toEqual([
      `record entry ${record.seq} was changed: its hash does not match`,
    ]);
  });
});
