import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { buildDecisionPeople, buildProcedure, buildProposal, type DecisionPeople } from './factories.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}
interface Proposal {
  id: string;
  title: string;
  text: string;
  status: string;
  latestVersion: number;
  classification: string;
  author: { kind: string; state: string | null };
  points: { key: string; text: string }[];
  versions: { version: number; origin: string }[];
  abilities: { edit: boolean; openProcedure: boolean; close: boolean };
}

let t: TestContext;
let p: DecisionPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const proposalOf = async (res: Response) => ((await res.json()) as { proposal: Proposal }).proposal;
const draft = (overrides: Record<string, unknown> = {}) => ({
  body: 'committee',
  title: 'Joint exercises',
  text: 'The committee decides:\n\nto hold exercises.',
  classification: 'restricted',
  points: [{ text: 'Hold the exercises' }, { text: 'Invite observers' }],
  ...overrides,
});

describe('POST /api/proposals', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/proposals', { method: 'POST', json: draft() })).status).toBe(401);
  });

  it.each([
    ['title', draft({ title: ' ' })],
    ['points', draft({ points: [] })],
    [
      'points.1.key',
      draft({
        points: [
          { key: 'a', text: 'x' },
          { key: 'a', text: 'y' },
        ],
      }),
    ],
    ['colour', draft({ colour: 'red' })],
    ['classification', draft({ classification: 'top' })],
  ])('400 naming %s', async (field, body) => {
    const res = await t.request('/api/proposals', { method: 'POST', json: body, as: p.byHead });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.map((f) => f.field)).toContain(field);
  });

  it('400 for an unknown body, a priority not of the presidency, a level above the author', async () => {
    for (const [body, field] of [
      [draft({ body: 'nowhere' }), 'body'],
      [draft({ priority: 'none-such' }), 'priority'],
      [draft({ classification: 'secret' }), 'classification'],
    ] as const) {
      const res = await t.request('/api/proposals', { method: 'POST', json: body, as: p.byHead });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).fields?.[0].field).toBe(field);
    }
  });

  it('403 for a state outside the body and for an observer, writing nothing', async () => {
    const head = await recordHead(t.handle);
    const tj = await t.request('/api/proposals', { method: 'POST', json: draft(), as: p.tjHead });
    expect(tj.status).toBe(403);
    expect((await errorOf(tj)).fields?.[0]).toEqual({
      field: 'body',
      reason: 'your state does not sit in this body',
    });
    const observer = await t.request('/api/proposals', {
      method: 'POST',
      json: draft({ classification: 'public' }),
      as: p.observer,
    });
    expect(observer.status).toBe(403);
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('201: version 1 by the author delegation, with its record entry for the states of the body', async () => {
    const head = await recordHead(t.handle);
    const res = await t.request('/api/proposals', {
      method: 'POST',
      json: draft({ priority: 'first' }),
      as: p.byHead,
    });
    expect(res.status).toBe(201);
    const proposal = await proposalOf(res);
    expect(proposal).toMatchObject({
      status: 'draft',
      latestVersion: 1,
      classification: 'restricted',
      author: { kind: 'delegation', state: 'BY' },
      points: [
        { key: '1', text: 'Hold the exercises' },
        { key: '2', text: 'Invite observers' },
      ],
      abilities: { edit: true, openProcedure: true, close: false },
    });
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['proposal.created']);
    expect(entries[0]).toMatchObject({ subject_id: proposal.id, classification: 1, audience: ['AM', 'BY'] });
    expect(entries[0].payload).toMatchObject({ version: 1, title: 'Joint exercises', authorState: 'BY' });
  });
});

describe('GET /api/proposals/{id}: visibility', () => {
  it('secretariat and delegations sitting in the body, within their access level; 404 for everyone else', async () => {
    const committee = await buildProposal(t.handle, { body: 'committee', classification: 'confidential' });
    const expected: [keyof DecisionPeople, number][] = [
      ['admin', 200],
      ['byHead', 200],
      ['amHead', 200],
      ['staff', 404], // restricted access level, confidential text
      ['byDelegate', 404], // restricted access level
      ['tjHead', 404], // TJ does not sit in the committee
      ['observer', 404], // observers see nothing, whatever their access level
    ];
    for (const [who, status] of expected) {
      const res = await t.request(`/api/proposals/${committee.id}`, { as: p[who] });
      expect(res.status, who).toBe(status);
      if (status === 404) expect((await errorOf(res)).code).toBe('not_found');
    }
  });

  it('400 for a malformed id, 401 without credentials', async () => {
    expect((await t.request('/api/proposals/nope', { as: p.admin })).status).toBe(400);
    expect((await t.request(`/api/proposals/${crypto.randomUUID()}`)).status).toBe(401);
  });
});

describe('PATCH /api/proposals/{id}: versions and the frozen text', () => {
  it('each edit makes a version; any version can be fetched and compared', async () => {
    const created = await buildProposal(t.handle, {
      by: p.byHead,
      points: ['Alpha', 'Beta'],
      text: 'line one\nline two',
    });
    const res = await t.request(`/api/proposals/${created.id}`, {
      method: 'PATCH',
      as: p.byDelegate,
      json: {
        text: 'line one\nline 2',
        points: [{ text: 'Alpha' }, { text: 'Beta, amended' }, { text: 'Gamma' }],
      },
    });
    expect(res.status).toBe(200);
    const proposal = await proposalOf(res);
    expect(proposal.latestVersion).toBe(2);
    expect(proposal.versions.map((v) => [v.version, v.origin])).toEqual([
      [1, 'draft'],
      [2, 'edit'],
    ]);
    const v1 = await t.request(`/api/proposals/${created.id}/versions/1`, { as: p.amHead });
    expect(((await v1.json()) as { version: { points: unknown[] } }).version.points).toHaveLength(2);
    const diff = await t.request(`/api/proposals/${created.id}/diff?from=1&to=2`, { as: p.amHead });
    expect(diff.status).toBe(200);
    const lines = ((await diff.json()) as { lines: { op: string; text: string }[] }).lines;
    expect(lines.filter((l) => l.op !== 'same')).toEqual([
      { op: 'removed', text: 'line two', from: 4, to: null },
      { op: 'added', text: 'line 2', from: null, to: 4 },
      { op: 'removed', text: '2. Beta', from: 7, to: null },
      { op: 'added', text: '2. Beta, amended', from: null, to: 7 },
      { op: 'added', text: '3. Gamma', from: null, to: 8 },
    ]);
    const missing = await t.request(`/api/proposals/${created.id}/diff?from=1&to=9`, { as: p.amHead });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields?.[0].field).toBe('to');
  });

  it('403 for a delegation that may read but did not write it; nothing changes without a change', async () => {
    const created = await buildProposal(t.handle, { by: p.byHead });
    const res = await t.request(`/api/proposals/${created.id}`, {
      method: 'PATCH',
      as: p.amHead,
      json: { title: 'Mine' },
    });
    expect(res.status).toBe(403);
    const head = await recordHead(t.handle);
    const same = await t.request(`/api/proposals/${created.id}`, {
      method: 'PATCH',
      as: p.byHead,
      json: { title: 'A proposal' },
    });
    expect((await proposalOf(same)).latestVersion).toBe(1);
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('409 once a procedure is open: the text is frozen', async () => {
    const procedure = await buildProcedure(t.handle);
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/proposals/${procedure.proposal_id}`, {
      method: 'PATCH',
      as: p.admin,
      json: { title: 'Changed while open' },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/frozen/);
    expect(await recordHead(t.handle)).toBe(head);
    const view = await proposalOf(
      await t.request(`/api/proposals/${procedure.proposal_id}`, { as: p.admin }),
    );
    expect(view.abilities).toEqual({ edit: false, openProcedure: false, close: false });
  });
});

describe('GET /api/proposals: lists, filters, search', () => {
  it('views and filters, scoped to what the caller may read', async () => {
    const ctx = await testContext();
    try {
      const people = await buildDecisionPeople(ctx.handle);
      const draftOne = await buildProposal(ctx.handle, { title: 'Budget 100% review', body: 'committee' });
      await buildProposal(ctx.handle, { title: 'Budget_other', body: 'council', priority: 'first' });
      const soon = await buildProcedure(ctx.handle, {
        proposal: { title: 'Closing soon' },
        deadline: 3_600_000,
      });
      const later = await buildProcedure(ctx.handle, {
        proposal: { title: 'Closing later' },
        deadline: 72 * 3_600_000,
      });
      const titles = async (query: string, who = people.admin) => {
        const res = await ctx.request(`/api/proposals${query}`, { as: who });
        expect(res.status, query).toBe(200);
        return ((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title);
      };
      expect(await titles('?view=open')).toEqual(['Closing soon', 'Closing later']);
      expect(await titles('?view=closing_soon')).toEqual(['Closing soon']);
      expect((await titles('?view=drafts')).sort()).toEqual(['Budget 100% review', 'Budget_other']);
      expect(await titles('?q=100%25')).toEqual(['Budget 100% review']);
      expect(await titles('?q=budget_')).toEqual(['Budget_other']);
      expect(await titles('?priority=first')).toEqual(['Budget_other']);
      expect(await titles('?body=committee')).toEqual(['Budget 100% review']);
      expect(await titles('?view=adopted')).toEqual([]);
      // TJ does not sit in the committee; the observer sees nothing.
      expect(await titles('?view=drafts', people.tjHead)).toEqual(['Budget_other']);
      expect(await titles('', people.observer)).toEqual([]);
      expect((await ctx.request('/api/proposals?view=someday', { as: people.admin })).status).toBe(400);
      expect(draftOne && soon && later).toBeTruthy();
    } finally {
      await ctx.close();
    }
  });
});
