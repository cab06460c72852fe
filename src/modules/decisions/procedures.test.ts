import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordAfter,
  recordHead,
  TEST_ORGANISATION,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';
import {
  buildDecisionPeople,
  buildProcedure,
  buildProposal,
  buildStances,
  type DecisionPeople,
} from './factories.ts';
import { errorOf, HOUR, type Procedure, procedureOf } from './test-support.ts';

const DAY = 24 * HOUR;
/** A wall-clock 18:00 at +03:00 some days ahead, and the UTC instant it names. */
function daysAhead(days: number) {
  const date = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  return { given: `${date}T18:00:00+03:00`, stored: `${date}T15:00:00.000Z` };
}
const SOON = daysAhead(10).given;

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
    const deadline = daysAhead(30);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.byHead,
      json: { kind: 'silence', deadline: deadline.given, excludedParties: ['AM'] },
    });
    expect(res.status).toBe(201);
    const procedure = await procedureOf(res);
    expect(procedure).toMatchObject({
      kind: 'silence',
      status: 'open',
      eligible: ['AM', 'BY'],
      deadline: deadline.stored,
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
    ['deadline', { kind: 'silence', deadline: '9999-12-31T23:59:00Z' }],
    ['deadline', { kind: 'silence', deadline: daysAhead(367).given }],
    ['majority', { kind: 'qualified_majority', deadline: SOON }],
    ['extensionHours', { kind: 'written', deadline: SOON, missingAnswer: 'extend_once' }],
    ['points.0', { kind: 'meeting_consensus', points: ['7'] }],
    ['excludedParties.0', { kind: 'meeting_consensus', excludedParties: ['KZ'] }],
    ['excludedParties.1', { kind: 'meeting_consensus', excludedParties: ['AM', 'AM'] }],
    ['excludedParties', { kind: 'silence', deadline: SOON, excludedParties: ['AM', 'BY', 'TJ'] }],
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

  it('a deadline beyond the horizon is refused naming the field and the limit (365 days by default)', async () => {
    const proposal = await buildProposal(t.handle);
    const url = `/api/proposals/${proposal.id}/procedures`;
    const res = await t.request(url, {
      method: 'POST',
      as: p.admin,
      json: { kind: 'silence', deadline: '9999-12-31T23:59:00Z' },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.fields?.[0]).toMatchObject({ field: 'deadline' });
    expect(error.fields?.[0].reason).toMatch(/^must be at most 365 days ahead, by \d{4}-/);
    expect(error.fields?.[0].reason).toMatch(/procedures\.maxHorizonDays/);
    // 364 days ahead is within it.
    const within = await t.request(url, {
      method: 'POST',
      as: p.admin,
      json: { kind: 'silence', deadline: daysAhead(364).given },
    });
    expect(within.status).toBe(201);
  });

  it('a procedure that excludes every state of the body is refused: nobody would decide', async () => {
    const proposal = await buildProposal(t.handle, { body: 'committee' });
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: p.admin,
      json: { kind: 'meeting_consensus', excludedParties: ['BY', 'AM'] },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.[0]).toMatchObject({
      field: 'excludedParties',
      reason: 'excludes every state sitting in committee (AM, BY): no state would be left to decide',
    });
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
    expect(decision.abilities).toEqual({ readProposal: true });
    // Public and adopted: published to observers and partners, without its proposal and procedure.
    const published = await t.request(`/api/decisions/${view.decision!.id}`, { as: p.observer });
    expect(published.status).toBe(200);
    const seen = ((await published.json()) as { decision: Record<string, unknown> }).decision;
    expect(seen).toEqual({ ...decision, abilities: { readProposal: false } });
    expect((await t.request(`/api/procedures/${procedure.id}`, { as: p.observer })).status).toBe(404);
    expect((await t.request(`/api/proposals/${procedure.proposal_id}`, { as: p.observer })).status).toBe(404);
    // Once its proposal is restricted, it is no longer published: 404.
    await t.handle.db
      .updateTable('proposals')
      .set({ classification: 1 })
      .where('id', '=', procedure.proposal_id)
      .execute();
    expect((await t.request(`/api/decisions/${view.decision!.id}`, { as: p.observer })).status).toBe(404);
    expect((await t.request(`/api/decisions/${view.decision!.id}`, { as: p.amHead })).status).toBe(200);
  });

  it('a weighted majority deemed reached: the outcome, the decision and the record say which threshold was missed and why it still passed', async () => {
    const vote = await buildProcedure(t.handle, {
      kind: 'qualified_majority',
      proposal: { points: ['Only'] },
      majority: {
        states: { num: 1, den: 2 },
        weights: { share: { num: 65, den: 100 }, byState: { AM: 3, BY: 9, TJ: 10 } },
        abstention: 'against',
        blockingMinority: 2,
      },
    });
    await buildStances(t.handle, p.amHead, vote, 'agree');
    await buildStances(t.handle, p.byHead, vote, 'agree');
    await buildStances(t.handle, p.tjHead, vote, 'object', { text: 'Against' });
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/procedures/${vote.id}/close`, { method: 'POST', as: p.byHead });
    expect(res.status).toBe(200);
    const closed = (await res.json()) as {
      procedure: Procedure & { outcome: { points: { verdict: Record<string, unknown> }[] } };
    };
    expect(closed.procedure.result).toBe('adopted');
    const [verdict] = closed.procedure.outcome.points.map((o) => o.verdict);
    expect(verdict).toMatchObject({
      adopted: true,
      reason: 'majority_reached',
      figures: {
        states: { inFavour: 2, counted: 3, required: 2, met: true },
        weights: { inFavour: 12, counted: 22, required: 14.3, met: false },
        against: { states: 1, weight: 10 },
        blockingMinority: { states: 2, reached: false },
        failed: [],
      },
    });
    const detail =
      'States in favour: 2 of 3, 2 required (1/2): met. Weight in favour: 12 of 22, 14.3 required (65/100): not met. ' +
      'Against: 1 state, weight 10; blocking minority: 2 states: not reached. ' +
      'The weight threshold was missed, but only 1 state is against, fewer than the blocking minority of 2: the majority is deemed reached.';
    expect(verdict.detail).toBe(detail);
    const decision = (
      (await (
        await t.request(`/api/decisions/${closed.procedure.decision!.id}`, { as: p.amHead })
      ).json()) as {
        decision: { points: { key: string; adopted: boolean; detail: string | null }[] };
      }
    ).decision;
    expect(decision.points).toMatchObject([{ key: '1', adopted: true, detail }]);
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['procedure.closed', 'decision.published']);
    expect(entries[0].payload).toMatchObject({
      result: 'adopted',
      points: [{ point: '1', verdict: { adopted: true, reason: 'majority_reached' } }],
    });
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

describe('the horizon set by the organisation file', () => {
  let short: TestContext;
  let q: DecisionPeople;
  beforeAll(async () => {
    short = await testContext(`${TEST_ORGANISATION}procedures:\n  maxHorizonDays: 30\n`);
    q = await buildDecisionPeople(short.handle);
    await tokenFor(short.handle, q.admin);
  });
  afterAll(() => short.close());

  it('procedures.maxHorizonDays: 30 refuses a deadline 31 days ahead and accepts one 29 days ahead', async () => {
    const proposal = await buildProposal(short.handle);
    const url = `/api/proposals/${proposal.id}/procedures`;
    const far = await short.request(url, {
      method: 'POST',
      as: q.admin,
      json: { kind: 'written', deadline: daysAhead(31).given },
    });
    expect(far.status).toBe(400);
    expect((await errorOf(far)).fields?.[0]).toMatchObject({
      field: 'deadline',
      reason: expect.stringMatching(/^must be at most 30 days ahead/),
    });
    const near = await short.request(url, {
      method: 'POST',
      as: q.admin,
      json: { kind: 'written', deadline: daysAhead(29).given },
    });
    expect(near.status).toBe(201);
  });
});
