import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import {
  buildDecisionPeople,
  buildProcedure,
  buildProposal,
  buildStances,
  type DecisionPeople,
} from './factories.ts';
import { errorOf, procedureOf } from './test-support.ts';

let t: TestContext;
let p: DecisionPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

describe('POST /api/proposals/{id}/procedures', () => {
  it('201: the chair (head of the presiding state) opens it; the rule and the eligible states are fixed', async () => {
    const proposal = await buildProposal(t.handle, { by: p.byHead, body: 'committee' });
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.byHead,
      json: { kind: 'silence', deadline: '2999-01-01T18:00:00+03:00', excludedParties: ['AM'] },
    });
    expect(res.status).toBe(201);
    const procedure = await procedureOf(res);
    expect(procedure).toMatchObject({
      kind: 'silence',
      status: 'open',
      eligible: ['AM', 'BY'],
      deadline: '2999-01-01T15:00:00.000Z',
      rule: { kind: 'silence', excludedParties: ['AM'] },
      notAnswered: [
        { point: '1', states: ['BY'] },
        { point: '2', states: ['BY'] },
      ],
    });
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['procedure.opened']);
    expect(entries[0]).toMatchObject({ subject_id: procedure.id, audience: ['AM', 'BY'] });
    const again = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.admin,
      json: { kind: 'meeting_consensus' },
    });
    expect(again.status).toBe(409);
  });

  it.each([
    ['deadline', { kind: 'silence' }],
    ['deadline', { kind: 'written', deadline: '2020-01-01T00:00:00Z' }],
    ['deadline', { kind: 'silence', deadline: 'tomorrow' }],
    ['majority', { kind: 'qualified_majority', deadline: '2999-01-01T00:00:00Z' }],
    ['extensionHours', { kind: 'written', deadline: '2999-01-01T00:00:00Z', missingAnswer: 'extend_once' }],
    ['points.0', { kind: 'meeting_consensus', points: ['7'] }],
    ['excludedParties.0', { kind: 'meeting_consensus', excludedParties: ['KZ'] }],
    ['version', { kind: 'meeting_consensus', version: 5 }],
  ])('400 naming %s, writing nothing', async (field, body) => {
    const proposal = await buildProposal(t.handle);
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.admin,
      json: body,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.fields?.[0].field).toBe(field);
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('a past expiry is refused with the reason', async () => {
    const proposal = await buildProposal(t.handle);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.admin,
      json: { kind: 'silence', deadline: new Date(Date.now() - 1000).toISOString() },
    });
    expect(await errorOf(res)).toMatchObject({ code: 'validation_failed', fields: [{ field: 'deadline' }] });
  });

  it('403 for a delegation that is not the chair; 404 for a state outside the body; 401 signed out', async () => {
    const proposal = await buildProposal(t.handle, { body: 'committee' });
    const url = `/api/proposals/${proposal.id}/procedures`;
    const json = { kind: 'meeting_consensus' };
    expect((await t.request(url, { method: 'POST', as: p.amHead, json })).status).toBe(403);
    expect((await t.request(url, { method: 'POST', as: p.tjHead, json })).status).toBe(404);
    expect((await t.request(url, { method: 'POST', as: p.observer, json })).status).toBe(404);
    expect((await t.request(url, { method: 'POST', json })).status).toBe(401);
  });
});

describe('POST /api/procedures/{id}/close', () => {
  it('meeting consensus: the chair records objections per point; the adopted points make decision No. n', async () => {
    const procedure = await buildProcedure(t.handle, {
      kind: 'meeting_consensus',
      proposal: { points: ['One', 'Two', 'Three'] },
    });
    await buildStances(t.handle, p.byHead, procedure, 'interpretative_statement', {
      points: ['1'],
      text: 'Belarus reads point 1 broadly.',
    });
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/procedures/${procedure.id}/close`, {
      method: 'POST',
      as: p.admin,
      json: { objections: [{ point: '2', states: ['TJ'] }] },
    });
    expect(res.status).toBe(200);
    const view = await procedureOf(res);
    expect(view).toMatchObject({ status: 'closed', result: 'partially_adopted' });
    expect((await recordAfter(t.handle, head)).map((e) => e.action)).toEqual([
      'stance.given',
      'procedure.closed',
      'decision.published',
    ]);
    const decision = (
      (await (await t.request(`/api/decisions/${view.decision!.id}`, { as: p.amHead })).json()) as {
        decision: Record<string, unknown> & { record: { seq: number; hash: string } };
      }
    ).decision;
    expect(decision).toMatchObject({
      result: 'partially_adopted',
      points: [
        { key: '1', adopted: true },
        { key: '2', adopted: false, reason: 'objected', detail: 'objected by TJ' },
        { key: '3', adopted: true },
      ],
      statements: [
        { state: 'BY', point: '1', kind: 'interpretative_statement', text: 'Belarus reads point 1 broadly.' },
      ],
    });
    expect(decision.label).toMatch(/^No\. \d+, \d{4}$/);
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('seq', '=', decision.record.seq)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'decision.published',
      hash: decision.record.hash,
      subject_id: view.decision!.id,
    });
    const list = await t.request('/api/decisions', { as: p.amHead });
    expect(((await list.json()) as { items: { id: string }[] }).items.map((d) => d.id)).toContain(
      view.decision!.id,
    );
    expect((await t.request(`/api/decisions/${view.decision!.id}`, { as: p.observer })).status).toBe(404);
  });

  it('a silence procedure closes only at expiry; a vote closes early once every state answered', async () => {
    const silence = await buildProcedure(t.handle);
    const early = await t.request(`/api/procedures/${silence.id}/close`, { method: 'POST', as: p.admin });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).message).toMatch(/expiry/);

    const vote = await buildProcedure(t.handle, { kind: 'unanimity', proposal: { points: ['Only'] } });
    const url = `/api/procedures/${vote.id}/close`;
    expect((await t.request(url, { method: 'POST', as: p.admin })).status).toBe(409);
    await buildStances(t.handle, p.amHead, vote, 'agree');
    await buildStances(t.handle, p.byHead, vote, 'abstain');
    await buildStances(t.handle, p.tjHead, vote, 'agree');
    expect((await t.request(url, { method: 'POST', as: p.amHead })).status).toBe(403);
    const closed = await procedureOf(await t.request(url, { method: 'POST', as: p.byHead }));
    expect(closed).toMatchObject({ status: 'closed', result: 'adopted' });
    expect(closed.decision).not.toBeNull();
  });
});
