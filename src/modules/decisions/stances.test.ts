import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { buildDecisionPeople, buildProcedure, buildStances, type DecisionPeople } from './factories.ts';
import { errorOf, HOUR, inAnHour, type Procedure, procedureOf, stanceCount } from './test-support.ts';

let t: TestContext;
let p: DecisionPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

describe('POST /api/procedures/{id}/stances', () => {
  it('200: the head answers for the state; a change supersedes and keeps the old stance', async () => {
    const procedure = await buildProcedure(t.handle, { kind: 'written', deadline: HOUR });
    const head = await recordHead(t.handle);
    const url = `/api/procedures/${procedure.id}/stances`;
    const first = await t.request(url, {
      method: 'POST',
      as: p.amHead,
      json: {
        stances: [
          { point: '1', kind: 'agree' },
          { point: '2', kind: 'abstain' },
        ],
      },
    });
    expect(first.status).toBe(200);
    const changed = await t.request(url, {
      method: 'POST',
      as: p.amHead,
      json: { stances: [{ point: '2', kind: 'reservation', text: 'Armenia reserves its position.' }] },
    });
    const view = await procedureOf(changed);
    const am = view.board.find((b) => b.state === 'AM')!;
    expect(am.points.map((c) => c.stance?.kind)).toEqual(['agree', 'reservation']);
    expect(view.history.map((s) => [s.point, s.kind, s.supersededAt === null])).toEqual([
      ['1', 'agree', true],
      ['2', 'abstain', false],
      ['2', 'reservation', true],
    ]);
    expect(view.notAnswered).toEqual([
      { point: '1', states: ['BY', 'TJ'] },
      { point: '2', states: ['BY', 'TJ'] },
    ]);
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['stance.given', 'stance.given']);
    expect(entries[1].payload).toMatchObject({ state: 'AM', stances: [{ point: '2', kind: 'reservation' }] });
  });

  it('answers with the procedure exactly as a fresh read shows it (no re-read after the write)', async () => {
    const procedure = await buildProcedure(t.handle, { kind: 'written', deadline: HOUR });
    const url = `/api/procedures/${procedure.id}/stances`;
    await buildStances(t.handle, p.byHead, procedure, 'agree');
    const answers = [];
    for (const stances of [
      [{ point: '1', kind: 'agree' }],
      [
        { point: '1', kind: 'abstain' },
        { point: '2', kind: 'reservation', text: 'Armenia reserves its position.' },
      ],
    ]) {
      const res = await t.request(url, { method: 'POST', as: p.amHead, json: { stances } });
      expect(res.status).toBe(200);
      answers.push(await res.json());
    }
    const fresh = await t.request(`/api/procedures/${procedure.id}`, { as: p.amHead });
    expect(answers[1]).toEqual(await fresh.json());
    const { procedure: view } = answers[1] as { procedure: Procedure };
    expect(view.history.map((s) => [s.state, s.point, s.kind, s.supersededAt === null])).toEqual([
      ['BY', '1', 'agree', true],
      ['BY', '2', 'agree', true],
      ['AM', '1', 'agree', false],
      ['AM', '1', 'abstain', true],
      ['AM', '2', 'reservation', true],
    ]);
  });

  it('two states answering at once: the later answer shows both stances', async () => {
    const procedure = await buildProcedure(t.handle, { kind: 'written', deadline: HOUR });
    const url = `/api/procedures/${procedure.id}/stances`;
    const json = { stances: [{ point: '1', kind: 'agree' }] };
    const answers = await Promise.all(
      [p.amHead, p.byHead].map(async (as) => {
        const res = await t.request(url, { method: 'POST', as, json });
        expect(res.status).toBe(200);
        return procedureOf(res);
      }),
    );
    // Whichever waited for the other's lock read the stances after it committed.
    const longest = Math.max(...answers.map((a) => a.history.length));
    expect(longest).toBe(2);
  });

  it('a delegate answers only once the head authorised it, and no longer after revocation', async () => {
    const procedure = await buildProcedure(t.handle, { kind: 'unanimity', deadline: HOUR });
    const url = `/api/procedures/${procedure.id}/stances`;
    const json = { stances: [{ point: '1', kind: 'agree' }] };
    const auth = `/api/delegations/BY/authorisations/${p.byDelegate.id}`;
    expect((await t.request(url, { method: 'POST', as: p.byDelegate, json })).status).toBe(403);
    expect((await t.request(auth, { method: 'POST', as: p.amHead })).status).toBe(404);
    expect(
      (
        await t.request(`/api/delegations/AM/authorisations/${p.byDelegate.id}`, {
          method: 'POST',
          as: p.amHead,
        })
      ).status,
    ).toBe(400);
    const head = await recordHead(t.handle);
    expect((await t.request(auth, { method: 'POST', as: p.byHead })).status).toBe(204);
    expect((await recordAfter(t.handle, head)).map((e) => e.action)).toEqual(['delegate.authorised']);
    const list = await t.request('/api/delegations/BY/authorisations', { as: p.byDelegate });
    expect(((await list.json()) as { items: { userId: string }[] }).items.map((i) => i.userId)).toEqual([
      p.byDelegate.id,
    ]);
    const given = await t.request(url, { method: 'POST', as: p.byDelegate, json });
    expect(given.status).toBe(200);
    expect((await procedureOf(given)).abilities.giveStance).toBe(true);
    expect((await t.request(auth, { method: 'DELETE', as: p.byHead })).status).toBe(204);
    expect((await t.request(url, { method: 'POST', as: p.byDelegate, json })).status).toBe(403);
  });

  describe('bad input: a 4xx with the reason, and nothing recorded', () => {
    const refused = async (
      url: string,
      who: keyof DecisionPeople,
      json: unknown,
      status: number,
      field?: string,
    ) => {
      const head = await recordHead(t.handle);
      const stances = await stanceCount(t.handle.db);
      const res = await t.request(url, { method: 'POST', as: p[who], json });
      expect(res.status).toBe(status);
      const error = await errorOf(res);
      expect(error.message.length).toBeGreaterThan(5);
      if (field) expect(error.fields?.[0].field).toBe(field);
      expect(await recordHead(t.handle)).toBe(head);
      expect(await stanceCount(t.handle.db)).toBe(stances);
      return error;
    };

    it('a stance on a closed procedure', async () => {
      const procedure = await buildProcedure(t.handle, { kind: 'meeting_consensus' });
      await t.request(`/api/procedures/${procedure.id}/close`, { method: 'POST', as: p.admin });
      const error = await refused(
        `/api/procedures/${procedure.id}/stances`,
        'amHead',
        { stances: [{ point: '1', kind: 'agree' }] },
        409,
      );
      expect(error.message).toMatch(/closed/);
    });

    it('a break after expiry, before the runner has closed it', async () => {
      const opened = new Date(Date.now() - 2 * HOUR);
      const procedure = await buildProcedure(t.handle, { kind: 'silence', now: opened, deadline: HOUR });
      const error = await refused(
        `/api/procedures/${procedure.id}/break-silence`,
        'amHead',
        { text: 'Too late' },
        409,
        'deadline',
      );
      expect(error.message).toMatch(/deadline passed/);
    });

    it('an unknown point', async () => {
      const procedure = await buildProcedure(t.handle);
      await refused(
        `/api/procedures/${procedure.id}/stances`,
        'amHead',
        { stances: [{ point: '9', kind: 'agree' }] },
        400,
        'stances.0.point',
      );
    });

    it('break-silence on an unknown point names the points field, with its index, and says it is unknown', async () => {
      const procedure = await buildProcedure(t.handle);
      const error = await refused(
        `/api/procedures/${procedure.id}/break-silence`,
        'amHead',
        { points: ['1', '9'], text: 'We object' },
        400,
        'points.1',
      );
      expect(error.fields?.[0].reason).toMatch(/^is unknown: no point 9 in this procedure \(points: 1, 2\)$/);
      await refused(
        `/api/procedures/${procedure.id}/break-silence`,
        'amHead',
        { points: ['2', '2'], text: 'We object' },
        400,
        'points.1',
      );
    });

    it('a stance for another state', async () => {
      const procedure = await buildProcedure(t.handle);
      const json = { state: 'BY', stances: [{ point: '1', kind: 'object', text: 'No' }] };
      await refused(`/api/procedures/${procedure.id}/stances`, 'amHead', json, 403, 'state');
    });

    it('a person who may not answer: a delegate not authorised, a state outside the body, an observer', async () => {
      const procedure = await buildProcedure(t.handle, { proposal: { body: 'committee' } });
      const url = `/api/procedures/${procedure.id}/stances`;
      const json = { stances: [{ point: '1', kind: 'agree' }] };
      await refused(url, 'amDelegate', json, 403);
      await refused(url, 'tjHead', json, 404);
      await refused(url, 'observer', json, 404);
      await refused(url, 'staff', json, 400, 'state');
    });

    it('an objection without its text, and a break on a procedure with no silence', async () => {
      const silence = await buildProcedure(t.handle);
      await refused(
        `/api/procedures/${silence.id}/stances`,
        'amHead',
        { stances: [{ point: '1', kind: 'object' }] },
        400,
        'stances.0.text',
      );
      await refused(`/api/procedures/${silence.id}/break-silence`, 'amHead', { text: '' }, 400, 'text');
      const vote = await buildProcedure(t.handle, { kind: 'unanimity' });
      await refused(`/api/procedures/${vote.id}/break-silence`, 'amHead', { text: 'No' }, 409);
    });
  });
});

describe('breaking silence and amendments', () => {
  it('an objection breaks silence: recorded as silence.broken, visible on the board', async () => {
    const procedure = await buildProcedure(t.handle);
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/procedures/${procedure.id}/break-silence`, {
      method: 'POST',
      as: p.amHead,
      json: { points: ['2'], text: 'Armenia objects to point 2.' },
    });
    expect(res.status).toBe(200);
    const view = await procedureOf(res);
    expect(view.board.find((b) => b.state === 'AM')!.points[1].stance).toMatchObject({
      kind: 'object',
      text: 'Armenia objects to point 2.',
    });
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['silence.broken']);
  });

  it('a proposed amendment becomes a new version the chair may put to a new procedure', async () => {
    const procedure = await buildProcedure(t.handle, {
      proposal: { points: ['First point', 'Second point'] },
      now: new Date(Date.now() - 2 * HOUR),
      deadline: 3 * HOUR,
    });
    // Point 2 broken too, so that nothing is adopted and the amended text can go to a new procedure.
    await buildStances(t.handle, p.amHead, procedure, 'object', { points: ['2'], text: 'Not yet' });
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/procedures/${procedure.id}/break-silence`, {
      method: 'POST',
      as: p.tjHead,
      json: { kind: 'propose_amendment', points: ['1'], text: 'First point, as amended by Tajikistan' },
    });
    expect(res.status).toBe(200);
    const fresh = await t.request(`/api/procedures/${procedure.id}`, { as: p.tjHead });
    expect(await res.json()).toEqual(await fresh.json());
    expect((await recordAfter(t.handle, head)).map((e) => e.action)).toEqual([
      'proposal.amended',
      'silence.broken',
    ]);
    const version = await t.request(`/api/proposals/${procedure.proposal_id}/versions/2`, { as: p.admin });
    expect(((await version.json()) as { version: unknown }).version).toMatchObject({
      origin: 'amendment',
      originState: 'TJ',
      originProcedureId: procedure.id,
      points: [
        { key: '1', text: 'First point, as amended by Tajikistan' },
        { key: '2', text: 'Second point' },
      ],
    });
    const { closeDue } = await import('./deadlines.ts');
    await closeDue(t.handle.db, new Date(Date.now() + HOUR));
    const reopened = await t.request(`/api/proposals/${procedure.proposal_id}/procedures`, {
      method: 'POST',
      as: p.byHead,
      json: { kind: 'silence', deadline: inAnHour(), version: 2 },
    });
    expect(reopened.status, await reopened.clone().text()).toBe(201);
  });
});
