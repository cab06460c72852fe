import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import {
  recordAfter,
  recordHead,
  type TestContext,
  testContext,
  testLogKey,
} from '../../../testing/harness.ts';
import {
  CLEARANCE_ORGANISATION,
  HOUR,
  landRoute,
  requestBody,
} from '../../../testing/simulations/clearances.ts';
import { createCheckpoint } from '../../ledger/index.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from '../factories.ts';
import { acceptConditions, decideLeg } from '../legs/commands.ts';
import { applyDueSilences } from '../legs/tacit.ts';
import { amendRequest, withdrawRequest } from '../requests/commands.ts';
import { AmendRequestInput, DecideLegInput } from '../schema.ts';
import { newVerificationCode, verifyCertificate } from './certificate.ts';

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

const run = <T>(fn: (trx: TestContext['handle']['db']) => Promise<T>) =>
  t.handle.db.transaction().execute(fn);
const decide = (who: keyof ClearancePeople, id: string, state: string, body: Record<string, unknown>) =>
  run((trx) => decideLeg(trx, personFromRow(p[who]), id, state, DecideLegInput.parse(body)));

/** A request along BY -> RU -> KZ, RU with an escort condition, accepted: cleared. */
async function clearedRequest() {
  const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
  await decide('byHead', r.id, 'BY', { decision: 'approve', clearanceNumber: 'BY-CLR-1' });
  await decide('ruContact', r.id, 'RU', {
    decision: 'approve_with_conditions',
    conditions: [{ kind: 'escort', text: 'Traffic police escort from Redki' }],
    internalNote: 'consulted the border service',
  });
  await decide('kzHead', r.id, 'KZ', { decision: 'approve', clearanceNumber: 'KZ-77' });
  const head = await recordHead(t.handle);
  const cleared = await run((trx) => acceptConditions(trx, personFromRow(p.byDelegate), r.id, {}));
  return { request: cleared, head };
}

const code = async (id: string) =>
  (
    await t.handle.db
      .selectFrom('clearance_requests')
      .select('verification_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).verification_code as string;

describe('clearance certificates', () => {
  it('makes codes of 16 characters without look-alikes', () => {
    const codes = new Set(Array.from({ length: 200 }, newVerificationCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('is issued once when the request is cleared, its digest published in the record', async () => {
    const { request, head } = await clearedRequest();
    expect(request.status).toBe('cleared');
    const entries = await recordAfter(t.handle, head);
    const issued = entries.filter((e) => e.action === 'clearance.certificate_issued');
    expect(issued).toHaveLength(1);
    const v = await verifyCertificate(t.handle.db, await code(request.id));
    expect(v?.verified).toBe(true);
    expect(v?.status).toBe('valid');
    expect(v?.problems).toEqual([]);
    expect((issued[0].payload as { digest: string }).digest).toBe(v?.digest);
    expect(v?.record.seq).toBe(issued[0].seq);
    const doc = v!.certificate;
    expect(doc.reference).toBe(request.reference);
    expect(doc.legs.map((l) => [l.state, l.clearanceNumber])).toEqual([
      ['BY', 'BY-CLR-1'],
      ['RU', expect.stringMatching(/^RU-/)],
      ['KZ', 'KZ-77'],
    ]);
    expect(doc.legs[1].conditions).toEqual([{ kind: 'escort', text: 'Traffic police escort from Redki' }]);
    expect(doc.legs[1].entry.pointName.en).toBe('Redki');
    // Only what a border post needs: no purpose, no point of contact, no internal notes.
    const text = JSON.stringify(doc);
    expect(text).not.toContain('consulted the border service');
    expect(text).not.toContain('Lt Col Ivanov');
    expect(text).not.toContain('Joint exercise');
  });

  it('is accepted in any case and with spaces, and unknown codes answer null', async () => {
    const { request } = await clearedRequest();
    const c = await code(request.id);
    expect((await verifyCertificate(t.handle.db, ` ${c.toLowerCase()} `))?.verified).toBe(true);
    expect(await verifyCertificate(t.handle.db, 'ABCD-EFGH-JKLM-NPQR')).toBeNull();
  });

  it('is covered by the next signed checkpoint', async () => {
    const { request } = await clearedRequest();
    const checkpoint = await createCheckpoint(t.handle.db, testLogKey());
    const v = await verifyCertificate(t.handle.db, await code(request.id));
    expect(v?.record.checkpoint).toMatchObject({
      size: checkpoint?.size,
      signatureValid: true,
      proofValid: true,
      witnessed: false,
    });
    expect(v?.verified).toBe(true);
  });

  it('does not verify once the kept certificate is changed', async () => {
    const { request } = await clearedRequest();
    const c = await code(request.id);
    await sql`update clearance_certificates set document = jsonb_set(document, '{personnel}', '400') where code = ${c}`.execute(
      t.handle.db,
    );
    const v = await verifyCertificate(t.handle.db, c);
    expect(v?.verified).toBe(false);
    expect(v?.problems.join(' ')).toMatch(/changed after it was issued/);
  });

  it('does not verify once the kept certificate and its digest are both changed', async () => {
    const { request } = await clearedRequest();
    const c = await code(request.id);
    const row = await t.handle.db
      .selectFrom('clearance_certificates')
      .select('document')
      .where('code', '=', c)
      .executeTakeFirstOrThrow();
    const forged = { ...(row.document as Record<string, unknown>), personnel: 400 };
    const { certificateDigest } = await import('./certificate.ts');
    await sql`update clearance_certificates set document = ${JSON.stringify(forged)}::jsonb,
      digest = ${certificateDigest(forged as never)} where code = ${c}`.execute(t.handle.db);
    const v = await verifyCertificate(t.handle.db, c);
    expect(v?.verified).toBe(false);
    expect(v?.problems.join(' ')).toMatch(/record holds another digest/);
  });

  it('says superseded after an amendment re-clears the request, and withdrawn after a withdrawal', async () => {
    const { request } = await clearedRequest();
    const first = await code(request.id);
    const { framework: _f, urgency: _u, classification: _c, ...content } = requestBody({ personnel: 41 });
    const amended = AmendRequestInput.parse({ ...content, reason: 'one more driver' });
    await run((trx) => amendRequest(trx, personFromRow(p.byDelegate), request.id, amended));
    // The cargo changed: every state decides again.
    await decide('byHead', request.id, 'BY', { decision: 'approve' });
    await decide('ruHead', request.id, 'RU', { decision: 'approve' });
    await decide('kzHead', request.id, 'KZ', { decision: 'approve' });
    const second = await code(request.id);
    expect(second).not.toBe(first);
    expect((await verifyCertificate(t.handle.db, first))?.status).toBe('superseded');
    expect((await verifyCertificate(t.handle.db, second))?.status).toBe('valid');
    expect((await verifyCertificate(t.handle.db, second))?.certificate.personnel).toBe(41);
    await run((trx) =>
      withdrawRequest(trx, personFromRow(p.byDelegate), request.id, { reason: 'cancelled' }),
    );
    expect((await verifyCertificate(t.handle.db, second))?.status).toBe('withdrawn');
  });
});

describe('a certificate and amendments', () => {
  const amendment = (overrides: Record<string, unknown> = {}) => {
    const { framework: _f, urgency: _u, classification: _c, ...content } = requestBody();
    return AmendRequestInput.parse({ ...content, ...overrides });
  };

  it('says under amendment (not valid) the moment an amendment re-opens legs, over the API too', async () => {
    const { request } = await clearedRequest();
    const first = await code(request.id);
    await run((trx) =>
      amendRequest(trx, personFromRow(p.byDelegate), request.id, amendment({ personnel: 45 })),
    );
    expect((await verifyCertificate(t.handle.db, first))?.status).toBe('under_amendment');
    const res = await t.request(`/api/verify/${first}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ verified: true, status: 'under_amendment' });
    // Denied on the new version: still not valid, and says why.
    await decide('ruHead', request.id, 'RU', { decision: 'deny', reason: 'Too many people' });
    expect((await verifyCertificate(t.handle.db, first))?.status).toBe('denied');
  });

  it('an amendment every state keeps leaves the request cleared, with a certificate of the new version', async () => {
    const { request } = await clearedRequest();
    const first = await code(request.id);
    const { content } = await t.handle.db
      .selectFrom('clearance_request_versions')
      .select('content')
      .where('request_id', '=', request.id)
      .executeTakeFirstOrThrow();
    const same = AmendRequestInput.parse({ ...(content as object), urgency: 'urgent' });
    const amended = await run((trx) => amendRequest(trx, personFromRow(p.byDelegate), request.id, same));
    expect(amended.status).toBe('cleared');
    const second = await code(request.id);
    expect(second).not.toBe(first);
    expect((await verifyCertificate(t.handle.db, first))?.status).toBe('superseded');
    const now = await verifyCertificate(t.handle.db, second);
    expect(now).toMatchObject({ status: 'valid', certificate: { version: 2, urgency: 'urgent' } });
  });

  it('gives a leg consented by silence a number of its state marked as tacit, and shows each route', async () => {
    const start = new Date(Date.now() - 80 * HOUR);
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: start,
      body: { legs: landRoute(new Date()) },
    });
    await run((trx) =>
      decideLeg(
        trx,
        personFromRow(p.ruHead),
        r.id,
        'RU',
        DecideLegInput.parse({ decision: 'approve' }),
        new Date(start.getTime() + HOUR),
      ),
    );
    await applyDueSilences(t.handle.db, new Date());
    const v = await verifyCertificate(t.handle.db, await code(r.id));
    const legs = v!.certificate.legs;
    expect(legs.map((l) => l.decidedHow)).toEqual(['tacit', 'state', 'tacit']);
    expect(legs[0].clearanceNumber).toMatch(/^BY-CLR-\d{4}-\d{4}-T$/);
    expect(legs[2].clearanceNumber).toMatch(/^KZ-CLR-\d{4}-\d{4}-T$/);
    expect(legs[1].route).toBe('M1, M5 via Moscow and Chelyabinsk');
    expect(legs[1].entry.point).toBe('BY-RU-REDKI');
    expect(legs[1].exit?.point).toBe('RU-KZ-TROITSK');
  });
});

describe('GET /api/verify/{code}', () => {
  it('answers anyone without signing in, with only what the code proves', async () => {
    const { request } = await clearedRequest();
    const res = await t.request(`/api/verify/${await code(request.id)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verified: boolean; certificate: { reference: string } };
    expect(body.verified).toBe(true);
    expect(body.certificate.reference).toBe(request.reference);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.request('/api/verify/ABCD-EFGH-JKLM-NPQR')).status).toBe(404);
    const bad = await t.request('/api/verify/not-a-code');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('code');
  });
});
