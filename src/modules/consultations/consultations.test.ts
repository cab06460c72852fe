import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema.ts';
import { recordAfter, recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { buildConsultationPeople, type ConsultationPeople, consultationBody } from './factories.ts';
import type { ConsultationSummaryView, ConsultationView } from './present.ts';

// Every endpoint of a consultation (401, 400 naming the field, 404, 403, 200) through one
// consultation of AM and TJ, convened by the secretariat's administrator and facilitated by
// its monitor: the talks, the points agreed by every state, the conclusion and the proposal,
// with the record entry each step wrote.

let t: TestContext;
let p: ConsultationPeople;
let id: string;
beforeAll(async () => {
  t = await testContext();
  p = await buildConsultationPeople(t.handle);
});
afterAll(() => t.close());

const send = (path: string, as: UserRow | undefined, json?: unknown, method = 'POST') =>
  t.request(path, { method, as, ...(json === undefined ? {} : { json }) });
const fields = async (res: Response) =>
  ((await res.json()) as { error: { fields?: { field: string }[] } }).error.fields?.map((f) => f.field) ?? [];
const view = async (res: Response) => ((await res.json()) as { consultation: ConsultationView }).consultation;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('POST /api/consultations', () => {
  it('401 without credentials', async () => {
    expect((await send('/api/consultations', undefined, consultationBody(p.monitor))).status).toBe(401);
  });

  it('400 naming the field: too few, twice, unknown states; a facilitator who may not chair or read it', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ participants: ['AM'] }, 'participants'],
      [{ participants: ['AM', 'AM'] }, 'participants.1'],
      [{ participants: ['AM', 'XX'] }, 'participants.1'],
      [{ facilitator: p.unObserver.username }, 'facilitator'],
      [{ facilitator: p.amHead.username }, 'facilitator'],
      [{ facilitator: 'nobody-at-all' }, 'facilitator'],
      [{ classification: 'secret' }, 'facilitator'],
      [{ staff: [p.amHead.username] }, 'staff.0'],
      [{ title: '' }, 'title'],
    ];
    for (const [overrides, field] of cases) {
      const res = await send('/api/consultations', p.admin, consultationBody(p.monitor, overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(await fields(res), JSON.stringify(overrides)).toContain(field);
    }
  });

  it("403 for a member state's head who does not hold the presidency; the presidency's head convenes", async () => {
    expect((await send('/api/consultations', p.amHead, consultationBody(p.monitor))).status).toBe(403);
    const res = await send(
      '/api/consultations',
      p.byHead,
      consultationBody(p.byHead, { title: 'By the presidency' }),
    );
    expect(res.status).toBe(201);
    expect((await view(res)).facilitator.id).toBe(p.byHead.id);
  });

  it('201: convened, with its agenda and a record entry sealed to the participants at its classification', async () => {
    const before = await recordHead(t.handle);
    const res = await send(
      '/api/consultations',
      p.admin,
      consultationBody(p.monitor, { staff: [p.otherSecretariat.username] }),
    );
    expect(res.status).toBe(201);
    const c = await view(res);
    id = c.id;
    expect(c).toMatchObject({
      status: 'open',
      classification: 'confidential',
      states: ['AM', 'TJ'],
      facilitator: { id: p.monitor.id },
      convenedBy: { id: p.admin.id },
      staff: [{ id: p.otherSecretariat.id }],
    });
    expect(c.reference).toMatch(/^CN-\d{4}-\d{4}$/);
    expect(c.agenda.map((i) => i.text)).toEqual(['Facts', 'Next steps']);
    const [entry] = (await recordAfter(t.handle, before)).filter((e) => e.action === 'consultation.opened');
    expect(entry).toMatchObject({ subject_id: id, classification: 2 });
    expect([...(entry.audience ?? [])].sort()).toEqual(
      [
        'AM',
        'TJ',
        'sealed',
        `user:${p.admin.id}`,
        `user:${p.monitor.id}`,
        `user:${p.otherSecretariat.id}`,
      ].sort(),
    );
  });
});

describe('GET /api/consultations and /{id}', () => {
  it('401, 400 for a bad id, 404 for unknown and for a non-participant', async () => {
    expect((await t.request(`/api/consultations/${id}`)).status).toBe(401);
    const bad = await t.request('/api/consultations/nope', { as: p.amHead });
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toContain('path.id');
    expect((await t.request(`/api/consultations/${UNKNOWN}`, { as: p.amHead })).status).toBe(404);
    expect((await t.request(`/api/consultations/${id}`, { as: p.byDelegate })).status).toBe(404);
  });

  it("200 with the caller's abilities: a head agrees for its state, the facilitator runs the talks", async () => {
    const head = await view(await t.request(`/api/consultations/${id}`, { as: p.amHead }));
    expect(head.abilities).toMatchObject({
      message: true,
      agreePoint: true,
      conclude: false,
      manageAgenda: false,
    });
    const chair = await view(await t.request(`/api/consultations/${id}`, { as: p.monitor }));
    expect(chair.abilities).toMatchObject({
      message: true,
      agreePoint: false,
      conclude: true,
      manageAgenda: true,
    });
    const list = (await (await t.request('/api/consultations', { as: p.tjFocal })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(id);
    const none = (await (await t.request('/api/consultations', { as: p.byDelegate })).json()) as {
      items: unknown[];
    };
    expect(none.items).toEqual([]);
    expect((await t.request('/api/consultations?status=nope', { as: p.tjFocal })).status).toBe(400);
  });

  it('lists each with its facilitator and linked alert, and says who may convene', async () => {
    type List = {
      items: (ConsultationSummaryView & { id: string })[];
      abilities: { convene: boolean };
    };
    const linked = await view(
      await send(
        '/api/consultations',
        p.admin,
        consultationBody(p.monitor, { title: 'After the alert', alert: 'AL-2026-0007', region: 'am-tj' }),
      ),
    );
    const list = (await (await t.request('/api/consultations', { as: p.tjFocal })).json()) as List;
    expect(list.abilities.convene).toBe(false);
    expect(list.items.find((i) => i.id === linked.id)).toMatchObject({
      facilitator: { id: p.monitor.id, name: p.monitor.display_name, state: null },
      alert: 'AL-2026-0007',
      region: 'am-tj',
    });
    expect(list.items.find((i) => i.id === id)).toMatchObject({ alert: null, region: null });
    for (const [who, convene] of [
      [p.admin, true],
      [p.monitor, true],
      [p.byHead, true],
      [p.amHead, false],
      [p.byDelegate, false],
      [p.unObserver, false],
    ] as const) {
      const answer = (await (await t.request('/api/consultations', { as: who })).json()) as List;
      expect(answer.abilities.convene, who.username).toBe(convene);
    }
  });
});

describe('messages', () => {
  it('401, 400, 404; written and paged newest first; the record keeps their hash, not their words', async () => {
    const path = `/api/consultations/${id}/messages`;
    expect((await send(path, undefined, { body: 'x' })).status).toBe(401);
    const empty = await send(path, p.amDelegate, { body: '  ' });
    expect(empty.status).toBe(400);
    expect(await fields(empty)).toContain('body');
    expect((await send(path, p.byDelegate, { body: 'Let me in' })).status).toBe(404);
    const before = await recordHead(t.handle);
    for (const [who, body] of [
      [p.amDelegate, 'First word'],
      [p.tjFocal, 'Second word'],
      [p.monitor, 'Third word'],
    ] as const)
      expect((await send(path, who, { body })).status).toBe(201);
    const entries = (await recordAfter(t.handle, before)).filter(
      (e) => e.action === 'consultation.message_posted',
    );
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries.map((e) => e.payload))).not.toContain('First word');
    expect(entries[0].payload).toMatchObject({ state: 'AM', length: 'First word'.length });

    const first = (await (await t.request(`${path}?limit=2`, { as: p.tjFocal })).json()) as {
      items: { body: string; state: string | null }[];
      next: string | null;
    };
    expect(first.items.map((m) => m.body)).toEqual(['Third word', 'Second word']);
    const second = (await (
      await t.request(`${path}?limit=2&before=${first.next}`, { as: p.tjFocal })
    ).json()) as { items: { body: string }[]; next: string | null };
    expect(second).toEqual({
      items: [expect.objectContaining({ body: 'First word', state: 'AM' })],
      next: null,
    });
    const bad = await t.request(`${path}?limit=0`, { as: p.tjFocal });
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toContain('query.limit');
    expect((await t.request(path, { as: p.unObserver })).status).toBe(404);
  });

  it('tells the other participants, and nobody else', async () => {
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'consultation_message')
      .where('subject_id', '=', id)
      .execute();
    const users = new Set(told.map((n) => n.user_id));
    for (const who of [p.amHead, p.tjFocal, p.monitor, p.admin, p.otherSecretariat])
      expect(users.has(who.id)).toBe(true);
    for (const who of [p.byHead, p.byDelegate, p.unObserver, p.amObserver, p.tjPublic])
      expect(users.has(who.id)).toBe(false);
  });
});

describe('the agenda', () => {
  it('the facilitator adds and completes items (403 for a state, 409 twice, 404 for an unknown item)', async () => {
    const path = `/api/consultations/${id}/agenda`;
    expect((await send(path, undefined, { text: 'More' })).status).toBe(401);
    expect(await fields(await send(path, p.monitor, { text: '' }))).toContain('text');
    expect((await send(path, p.amHead, { text: 'More' })).status).toBe(403);
    expect((await send(path, p.byHead, { text: 'More' })).status).toBe(404);
    const added = await view(await send(path, p.monitor, { text: 'More' }));
    expect(added.agenda.map((i) => [i.position, i.text])).toEqual([
      [1, 'Facts'],
      [2, 'Next steps'],
      [3, 'More'],
    ]);
    const item = added.agenda[0].id;
    const done = await send(`${path}/${item}/done`, p.monitor);
    expect(done.status).toBe(200);
    expect((await view(done)).agenda[0]).toMatchObject({ status: 'done' });
    expect((await send(`${path}/${item}/done`, p.monitor)).status).toBe(409);
    expect((await send(`${path}/${UNKNOWN}/done`, p.monitor)).status).toBe(404);
    expect((await send(`${path}/${item}/done`, p.amHead)).status).toBe(403);
  });
});

describe('points', () => {
  let first: string;
  let second: string;
  it('any participant proposes; the heads and points of contact are told', async () => {
    const path = `/api/consultations/${id}/points`;
    expect((await send(path, undefined, { text: 'x' })).status).toBe(401);
    expect(await fields(await send(path, p.amDelegate, { text: '' }))).toContain('text');
    expect((await send(path, p.byDelegate, { text: 'x' })).status).toBe(404);
    const one = await view(await send(path, p.amDelegate, { text: 'Withdraw 1 km' }));
    const two = await view(await send(path, p.monitor, { text: 'Joint patrols' }));
    [first, second] = [one.points[0].id, two.points[1].id];
    expect(two.points.map((x) => [x.position, x.proposedByState, x.awaiting])).toEqual([
      [1, 'AM', ['AM', 'TJ']],
      [2, null, ['AM', 'TJ']],
    ]);
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'consultation_point')
      .where('subject_id', '=', id)
      .execute();
    const users = new Set(told.map((n) => n.user_id));
    expect(users.has(p.amHead.id) && users.has(p.tjFocal.id)).toBe(true);
    expect(users.has(p.amDelegate.id) || users.has(p.byHead.id) || users.has(p.admin.id)).toBe(false);
  });

  it("the home page of those who agree for a state lists the points awaiting it, and nobody else's", async () => {
    const waiting = async (who: UserRow) =>
      (
        (await (await t.request('/api/home', { as: who })).json()) as {
          attention: { kind: string; subjectId: string; details: Record<string, unknown> }[];
        }
      ).attention.filter((i) => i.kind === 'consultations.point_to_agree');
    expect((await waiting(p.tjFocal)).map((i) => [i.subjectId, i.details.number, i.details.state])).toEqual([
      [id, 1, 'TJ'],
      [id, 2, 'TJ'],
    ]);
    for (const who of [p.amDelegate, p.monitor, p.byHead, p.amObserver])
      expect(await waiting(who)).toEqual([]);
  });

  it('each state agrees once, by its head or point of contact; agreed when every state has', async () => {
    const agree = (point: string, who: UserRow) =>
      send(`/api/consultations/${id}/points/${point}/agree`, who);
    expect((await agree(first, undefined as never)).status).toBe(401);
    expect((await agree(first, p.amDelegate)).status).toBe(403);
    expect((await agree(first, p.monitor)).status).toBe(403);
    expect((await agree(first, p.byHead)).status).toBe(404);
    expect((await agree(UNKNOWN, p.amHead)).status).toBe(404);
    const before = await recordHead(t.handle);
    const once = await view(await agree(first, p.amHead));
    expect(once.points[0]).toMatchObject({
      agreedBy: ['AM'],
      awaiting: ['TJ'],
      agreed: false,
      abilities: { agree: false },
    });
    expect((await agree(first, p.amHead)).status).toBe(409);
    const both = await view(await agree(first, p.tjFocal));
    expect(both.points[0]).toMatchObject({ agreedBy: ['AM', 'TJ'], awaiting: [], agreed: true });
    expect((await agree(second, p.amHead)).status).toBe(200);
    const home = (await (await t.request('/api/home', { as: p.amHead })).json()) as {
      attention: { kind: string }[];
    };
    expect(home.attention.filter((i) => i.kind === 'consultations.point_to_agree')).toEqual([]);
    const entries = (await recordAfter(t.handle, before)).filter(
      (e) => e.action === 'consultation.point_agreed',
    );
    expect(entries.map((e) => [e.payload, e.classification])).toEqual([
      [expect.objectContaining({ state: 'AM', agreed: false, position: 1 }), 2],
      [expect.objectContaining({ state: 'TJ', agreed: true, position: 1 }), 2],
      [expect.objectContaining({ state: 'AM', agreed: false, position: 2 }), 2],
    ]);
  });
});

describe('conclusion and proposal', () => {
  it('a proposal before the conclusion is refused (409)', async () => {
    expect((await send(`/api/consultations/${id}/proposal`, p.monitor, { body: 'council' })).status).toBe(
      409,
    );
  });

  it('the facilitator concludes with the outcome; only the agreed point goes with it; the talks then close', async () => {
    const path = `/api/consultations/${id}/conclude`;
    expect((await send(path, undefined, { outcome: 'x' })).status).toBe(401);
    expect(await fields(await send(path, p.monitor, { outcome: '' }))).toContain('outcome');
    expect((await send(path, p.amHead, { outcome: 'x' })).status).toBe(403);
    expect((await send(path, p.byHead, { outcome: 'x' })).status).toBe(404);
    const before = await recordHead(t.handle);
    const res = await send(path, p.monitor, { outcome: 'Both sides step back.' });
    expect(res.status).toBe(200);
    expect(await view(res)).toMatchObject({ status: 'concluded', outcome: 'Both sides step back.' });
    const [entry] = (await recordAfter(t.handle, before)).filter(
      (e) => e.action === 'consultation.concluded',
    );
    expect(entry.payload).toEqual({
      reference: expect.any(String),
      outcome: 'Both sides step back.',
      points: [{ position: 1, text: 'Withdraw 1 km' }],
    });
    // Nothing changes once concluded: 409 to its participants, still 404 to others.
    expect((await send(path, p.monitor, { outcome: 'again' })).status).toBe(409);
    expect((await send(`/api/consultations/${id}/messages`, p.amHead, { body: 'late' })).status).toBe(409);
    expect((await send(`/api/consultations/${id}/points`, p.amHead, { text: 'late' })).status).toBe(409);
    expect((await send(`/api/consultations/${id}/messages`, p.byHead, { body: 'late' })).status).toBe(404);
    const after = await view(await t.request(`/api/consultations/${id}`, { as: p.amHead }));
    expect(after.abilities).toMatchObject({
      message: false,
      proposePoint: false,
      agreePoint: false,
      attach: false,
    });
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'consultation_concluded')
      .where('subject_id', '=', id)
      .execute();
    expect(told.map((n) => n.user_id)).toContain(p.tjFocal.id);
  });

  it('turns the outcome into a proposal on a body, once, keeping the link both ways', async () => {
    const path = `/api/consultations/${id}/proposal`;
    expect((await send(path, undefined, { body: 'council' })).status).toBe(401);
    expect(await fields(await send(path, p.monitor, { body: '' }))).toContain('body');
    expect(
      await fields(await send(path, p.monitor, { body: 'council', classification: 'public' })),
    ).toContain('classification');
    expect(await fields(await send(path, p.monitor, { body: 'nowhere' }))).toContain('body');
    expect((await send(path, p.tjFocal, { body: 'council' })).status).toBe(403);
    expect((await send(path, p.byDelegate, { body: 'council' })).status).toBe(404);
    // Above the facilitator's own access level: the decisions module refuses it.
    expect(
      await fields(await send(path, p.monitor, { body: 'council', classification: 'secret' })),
    ).toContain('classification');
    const res = await send(path, p.admin, { body: 'council', classification: 'secret' });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { consultation: ConsultationView; proposalId: string };
    expect(made.consultation.proposalId).toBe(made.proposalId);
    const proposal = await t.handle.db
      .selectFrom('proposals')
      .innerJoin('proposal_versions', 'proposal_versions.proposal_id', 'proposals.id')
      .select([
        'proposals.classification',
        'proposals.body_code',
        'proposal_versions.text',
        'proposal_versions.points',
      ])
      .where('proposals.id', '=', made.proposalId)
      .executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ classification: 3, body_code: 'council' });
    expect(proposal.text).toContain(made.consultation.reference);
    expect(proposal.text).toContain('Both sides step back.');
    expect(proposal.points).toEqual([{ key: '1', text: 'Withdraw 1 km' }]);
    expect((await send(path, p.monitor, { body: 'council' })).status).toBe(409);
  });

  it('the presidency closes its own consultation without an outcome', async () => {
    const mine = (await (await t.request('/api/consultations', { as: p.byHead })).json()) as {
      items: { id: string }[];
    };
    const path = `/api/consultations/${mine.items[0].id}/close`;
    expect(await fields(await send(path, p.byHead, { reason: '' }))).toContain('reason');
    const res = await send(path, p.byHead, { reason: 'No longer needed' });
    expect(res.status).toBe(200);
    expect(await view(res)).toMatchObject({ status: 'closed', closeReason: 'No longer needed' });
  });
});
