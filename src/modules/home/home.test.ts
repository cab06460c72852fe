import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../../core/registry.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, TEST_ORGANISATION, type TestContext, testContext } from '../../testing/harness.ts';
import { clearancesAttention, clearancesRecent } from '../clearances/attention.ts';
import { applyDueSilences } from '../clearances/legs/tacit.ts';
import { decisionsAttention, decisionsRecent } from '../decisions/attention.ts';
import { buildProcedure, buildStances } from '../decisions/factories.ts';
import { closeDue } from '../decisions/index.ts';
import { MODULES } from '../index.ts';

// The home page per role, on a real database through the real commands: what waits on each
// person (stances their state owes, procedures to close, legs to decide, questions and
// conditions of their state's requests, escalations) and what closed in the last days;
// never anything above the person's access level or outside what the policy lets them read.

const HOUR = 3_600_000;

/** The test organisation with RU and KZ on a land route from BY, and their response windows. */
const ORGANISATION = TEST_ORGANISATION.replace(
  '  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }\n',
  `  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }
  - { code: RU, name: { en: Russia, ru: Россия }, timeZone: Europe/Moscow }
  - { code: KZ, name: { en: Kazakhstan, ru: Казахстан }, timeZone: Asia/Almaty }
`,
).concat(`
clearances:
  crossingPoints:
    - { code: BY-RU-REDKI, name: { en: Redki, ru: Редьки }, kind: road, states: [BY, RU], lat: 54.6, lon: 31.3 }
    - { code: RU-KZ-TROITSK, name: { en: Troitsk, ru: Троицк }, kind: road, states: [RU, KZ], lat: 54.1, lon: 61.6 }
    - { code: BY-MSQ, name: { en: Minsk, ru: Минск }, kind: air, states: [BY], lat: 53.88, lon: 28.03 }
  responseWindows:
    default:
      emergency: { hours: 6, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: consent }
    byState:
      KZ: { urgent: { hours: 24, onSilence: escalation } }
  deployment: { body: council, procedure: silence, hours: 12 }
`);

interface Item {
  module: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  path: string;
  dueAt: string | null;
  at: string | null;
  details: Record<string, string | number | boolean | null>;
}
interface Home {
  attention: Item[];
  recent: Item[];
  since: string;
}

let t: TestContext;
let p: Awaited<ReturnType<typeof buildPeople>>;
/** Subjects by name, as the tests refer to them. */
const s: Record<string, string> = {};

async function buildPeople() {
  const head = (stateCode: string) =>
    buildUser(t.handle, { role: 'head_of_delegation', stateCode, accessLevel: 'confidential' });
  return {
    admin: await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' }),
    staff: await buildUser(t.handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'restricted',
    }),
    byHead: await head('BY'),
    byDelegate: await buildUser(t.handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' }),
    byAuthorised: await buildUser(t.handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' }),
    ruHead: await head('RU'),
    ruContact: await buildUser(t.handle, {
      role: 'point_of_contact',
      stateCode: 'RU',
      accessLevel: 'restricted',
    }),
    ruDelegate: await buildUser(t.handle, { role: 'delegate', stateCode: 'RU', accessLevel: 'restricted' }),
    kzHead: await head('KZ'),
    amHead: await head('AM'),
    amPublic: await buildUser(t.handle, { role: 'delegate', stateCode: 'AM', accessLevel: 'public' }),
    observer: await buildUser(t.handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
    partner: await buildUser(t.handle, { role: 'observer', partnerCode: 'SCO', accessLevel: 'public' }),
    byObserver: await buildUser(t.handle, {
      role: 'observer',
      affiliation: 'delegation',
      stateCode: 'BY',
      accessLevel: 'secret',
    }),
  };
}

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.status === 204 ? null : res.json();
}

const homeOf = async (user: UserRow, query = ''): Promise<Home> =>
  (await ok(await t.request(`/api/home${query}`, { as: user }))) as Home;

/** The (kind, subject) pairs of a list, for comparing what a person sees. */
const pairs = (items: Item[]) => items.map((i) => `${i.kind} ${i.subjectId}`).sort();
const find = (items: Item[], kind: string, subjectId: string) =>
  items.find((i) => i.kind === kind && i.subjectId === subjectId);

/** A request of BY along BY -> RU -> KZ, submitted by `by`, through the API. */
async function submitRequest(
  by: UserRow,
  title: string,
  extra: { urgency?: string; classification?: string } = {},
): Promise<string> {
  const now = Date.now();
  const window = (from: number) => ({
    from: new Date(now + from * HOUR).toISOString(),
    to: new Date(now + (from + 6) * HOUR).toISOString(),
  });
  const body = {
    requestingState: 'BY',
    title,
    framework: 'exercise',
    urgency: extra.urgency ?? 'routine',
    classification: extra.classification ?? 'restricted',
    purpose: 'Joint exercise',
    pointOfContact: { name: 'Lt Col Ivanov', phone: '+375 17 000 00 00' },
    legs: [
      {
        state: 'BY',
        entry: { point: 'BY-MSQ', window: window(24) },
        route: 'M1',
        exit: { point: 'BY-RU-REDKI', window: window(30) },
      },
      {
        state: 'RU',
        entry: { point: 'BY-RU-REDKI', window: window(30) },
        route: 'M5',
        exit: { point: 'RU-KZ-TROITSK', window: window(80) },
      },
      { state: 'KZ', entry: { point: 'RU-KZ-TROITSK', window: window(80) }, route: 'A21', exit: null },
    ],
    assets: [{ kind: 'vehicle', type: 'MZKT-6001 truck', count: 12, registrations: [], callSigns: [] }],
    personnel: 40,
    armament: false,
    dangerousGoods: [],
    submit: true,
  };
  const created = (await ok(
    await t.request('/api/clearances', { method: 'POST', as: by, json: body }),
    201,
  )) as { request: { id: string } };
  return created.request.id;
}

const decide = async (id: string, state: string, by: UserRow, json: Record<string, unknown>) =>
  ok(await t.request(`/api/clearances/${id}/legs/${state}/decision`, { method: 'POST', as: by, json }));

beforeAll(async () => {
  t = await testContext(ORGANISATION);
  // The home page gathers from the modules' contributions; these are the two under test.
  assemble(
    MODULES.map((m) =>
      m.name === 'decisions'
        ? { ...m, attention: decisionsAttention, recent: decisionsRecent }
        : m.name === 'clearances'
          ? { ...m, attention: clearancesAttention, recent: clearancesRecent }
          : m,
    ),
  );
  p = await buildPeople();
  await ok(
    await t.request(`/api/delegations/BY/authorisations/${p.byAuthorised.id}`, {
      method: 'POST',
      as: p.byHead,
    }),
    204,
  );

  // Decisions. Open: a public silence procedure (KZ agreed), a confidential written
  // procedure, a meeting of the committee (AM, BY). Closed lately: a public decision, a
  // restricted proposal not adopted, a confidential decision.
  const silence = await buildProcedure(t.handle, {
    proposal: { title: 'Public silence', classification: 'public' },
    kind: 'silence',
    deadline: 2 * HOUR,
  });
  s.silence = silence.id;
  await buildStances(t.handle, p.kzHead, silence, 'agree');
  const written = await buildProcedure(t.handle, {
    proposal: { title: 'Confidential written', classification: 'confidential' },
    kind: 'written',
    deadline: 5 * HOUR,
  });
  s.written = written.id;
  const meeting = await buildProcedure(t.handle, {
    proposal: { title: 'Committee meeting', body: 'committee', classification: 'restricted' },
    kind: 'meeting_consensus',
  });
  s.meeting = meeting.id;

  const past = new Date(Date.now() - 2 * HOUR);
  const adopted = await buildProcedure(t.handle, {
    proposal: { title: 'Adopted in public', classification: 'public' },
    kind: 'silence',
    deadline: HOUR,
    now: past,
  });
  const broken = await buildProcedure(t.handle, {
    proposal: { title: 'Broken by an objection', classification: 'restricted' },
    kind: 'silence',
    deadline: HOUR,
    now: past,
  });
  await buildStances(t.handle, p.amHead, broken, 'object', { text: 'Not now', now: past });
  const secret = await buildProcedure(t.handle, {
    proposal: { title: 'Adopted in confidence', classification: 'confidential' },
    kind: 'silence',
    deadline: HOUR,
    now: past,
  });
  await closeDue(t.handle.db, new Date());
  const decisions = await t.handle.db.selectFrom('decisions').select(['id', 'procedure_id']).execute();
  const decisionOf = (procedureId: string) => decisions.find((d) => d.procedure_id === procedureId)?.id;
  s.adoptedDecision = decisionOf(adopted.id)!;
  s.secretDecision = decisionOf(secret.id)!;
  s.broken = broken.id;
  expect(s.adoptedDecision && s.secretDecision && !decisionOf(broken.id)).toBeTruthy();

  // Clearances. A pending request whose RU leg asked a question; a confidential one; one
  // awaiting BY's acceptance of RU's conditions; one cleared, one denied; an urgent one
  // whose KZ leg escalated when its window closed in silence.
  s.asked = await submitRequest(p.byDelegate, 'Convoy with a question');
  await ok(
    await t.request(`/api/clearances/${s.asked}/legs/RU/questions`, {
      method: 'POST',
      as: p.ruContact,
      json: { question: 'Which units?' },
    }),
  );
  s.confidential = await submitRequest(p.byHead, 'Confidential convoy', { classification: 'confidential' });
  s.conditions = await submitRequest(p.byDelegate, 'Convoy with conditions');
  await decide(s.conditions, 'BY', p.byHead, { decision: 'approve' });
  await decide(s.conditions, 'RU', p.ruHead, {
    decision: 'approve_with_conditions',
    conditions: [{ kind: 'escort', text: 'Escort from the border' }],
  });
  await decide(s.conditions, 'KZ', p.kzHead, { decision: 'approve' });
  s.cleared = await submitRequest(p.byDelegate, 'Cleared convoy');
  for (const [state, by] of [
    ['BY', p.byHead],
    ['RU', p.ruContact],
    ['KZ', p.kzHead],
  ] as const)
    await decide(s.cleared, state, by, { decision: 'approve' });
  s.denied = await submitRequest(p.byDelegate, 'Denied convoy');
  await decide(s.denied, 'KZ', p.kzHead, { decision: 'deny', reason: 'Closed for an exercise' });
  s.escalated = await submitRequest(p.byDelegate, 'Urgent convoy', { urgency: 'urgent' });
  // The urgent windows (24 h) close: BY and RU consent by silence, KZ escalates.
  await applyDueSilences(t.handle.db, new Date(Date.now() + 25 * HOUR));
});
afterAll(() => t.close());

describe('GET /api/home', () => {
  it('401 when signed out', async () => {
    expect((await t.request('/api/home')).status).toBe(401);
  });

  it('400 naming the field for a bad window', async () => {
    for (const days of ['0', '32', 'x', '1.5']) {
      const res = await t.request(`/api/home?days=${days}`, { as: p.byHead });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: { field: string; reason: string }[] } };
      expect(body.error.fields[0].field).toBe('query.days');
    }
  });

  it('a head of delegation: the stances their state owes, the legs it decides, its requests waiting on it', async () => {
    const home = await homeOf(p.byHead);
    expect(pairs(home.attention)).toEqual(
      [
        `decisions.stance_due ${s.silence}`,
        `decisions.stance_due ${s.written}`,
        `decisions.stance_due ${s.meeting}`,
        // BY presides: its head chairs, and a meeting may be closed at any time.
        `decisions.to_close ${s.meeting}`,
        `clearances.leg_to_decide ${s.asked}`,
        `clearances.leg_to_decide ${s.confidential}`,
        `clearances.question_to_answer ${s.asked}`,
        `clearances.conditions_to_accept ${s.conditions}`,
      ].sort(),
    );
    // Soonest first: the silence (2 h) before the written procedure (5 h) before the legs (72 h).
    const due = home.attention.filter((i) => i.dueAt).map((i) => i.subjectId);
    expect(due.slice(0, 2)).toEqual([s.silence, s.written]);
    const silence = find(home.attention, 'decisions.stance_due', s.silence)!;
    expect(silence).toMatchObject({
      module: 'decisions',
      subjectType: 'procedure',
      title: 'Public silence',
      details: { state: 'BY', procedureKind: 'silence', body: 'council' },
    });
    expect(silence.path).toMatch(/^\/proposals\/[0-9a-f-]{36}$/);
    const leg = find(home.attention, 'clearances.leg_to_decide', s.asked)!;
    expect(leg).toMatchObject({
      module: 'clearances',
      path: `/clearances/${s.asked}`,
      details: { state: 'BY', requestingState: 'BY', paused: false },
    });
    expect(Date.parse(leg.dueAt!) - Date.now()).toBeGreaterThan(71 * HOUR);
    expect(find(home.attention, 'clearances.question_to_answer', s.asked)?.details).toMatchObject({
      state: 'RU',
      paused: true,
    });
    expect(find(home.attention, 'clearances.conditions_to_accept', s.conditions)?.details).toMatchObject({
      legs: 1,
    });

    expect(pairs(home.recent)).toEqual(
      [
        `decisions.decision_adopted ${s.adoptedDecision}`,
        `decisions.decision_adopted ${s.secretDecision}`,
        `decisions.procedure_closed ${s.broken}`,
        `clearances.request_cleared ${s.cleared}`,
        `clearances.request_denied ${s.denied}`,
      ].sort(),
    );
    const decision = find(home.recent, 'decisions.decision_adopted', s.adoptedDecision)!;
    expect(decision).toMatchObject({
      path: `/decisions/${s.adoptedDecision}`,
      details: { result: 'adopted' },
    });
    expect(decision.details.number).toEqual(expect.any(Number));
    expect(find(home.recent, 'decisions.procedure_closed', s.broken)?.details.result).toBe('not_adopted');
    // Newest first.
    const times = home.recent.map((i) => Date.parse(i.at!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('a delegate: their state has not answered; their state’s requests; nothing above their access level', async () => {
    const home = await homeOf(p.byDelegate);
    expect(pairs(home.attention)).toEqual(
      [
        `decisions.state_unanswered ${s.silence}`,
        `decisions.state_unanswered ${s.meeting}`,
        `clearances.question_to_answer ${s.asked}`,
        `clearances.conditions_to_accept ${s.conditions}`,
      ].sort(),
    );
    // Restricted: the confidential procedure, request and decision never appear.
    const all = [...home.attention, ...home.recent].map((i) => i.subjectId);
    expect(all).not.toContain(s.written);
    expect(all).not.toContain(s.confidential);
    expect(all).not.toContain(s.secretDecision);
  });

  it('a delegate the head authorised answers for the state, and decides its legs', async () => {
    const home = await homeOf(p.byAuthorised);
    expect(pairs(home.attention)).toEqual(
      [
        `decisions.stance_due ${s.silence}`,
        `decisions.stance_due ${s.meeting}`,
        `clearances.leg_to_decide ${s.asked}`,
        `clearances.question_to_answer ${s.asked}`,
        `clearances.conditions_to_accept ${s.conditions}`,
      ].sort(),
    );
  });

  it('a point of contact decides the legs; the paused one shows the time left when it paused', async () => {
    const home = await homeOf(p.ruContact);
    // The denied request waits on nobody; the confidential one is above a restricted access level.
    expect(pairs(home.attention)).toEqual(
      [`decisions.state_unanswered ${s.silence}`, `clearances.leg_to_decide ${s.asked}`].sort(),
    );
    const paused = find(home.attention, 'clearances.leg_to_decide', s.asked)!;
    expect(paused.dueAt).toBeNull();
    expect(paused.details.paused).toBe(true);
    expect(paused.details.remainingSeconds).toBeGreaterThan(71 * 3600);
    expect(paused.details.remainingSeconds).toBeLessThanOrEqual(72 * 3600);
    // The head of RU also reads the confidential request, whose window runs.
    const head = await homeOf(p.ruHead);
    const running = find(head.attention, 'clearances.leg_to_decide', s.confidential)!;
    expect(running.details).toMatchObject({ paused: false, state: 'RU' });
    expect(Date.parse(running.dueAt!)).toBeGreaterThan(Date.now());
    // A delegate of RU without the head's authority decides nothing.
    const delegate = await homeOf(p.ruDelegate);
    expect(delegate.attention.filter((i) => i.module === 'clearances')).toEqual([]);
  });

  it('a secretariat administrator: escalated legs and procedures to close', async () => {
    const home = await homeOf(p.admin);
    expect(pairs(home.attention)).toEqual(
      [`decisions.to_close ${s.meeting}`, `clearances.escalated ${s.escalated}`].sort(),
    );
    expect(find(home.attention, 'clearances.escalated', s.escalated)?.details).toMatchObject({
      state: 'KZ',
      requestingState: 'BY',
    });
    // The secretariat reads every closed item within its clearance.
    expect(pairs(home.recent)).toContain(`decisions.decision_adopted ${s.secretDecision}`);
    // Staff of the secretariat who chair nothing and decide nothing have nothing waiting.
    expect((await homeOf(p.staff)).attention).toEqual([]);
  });

  it('observers and partners see the public adopted decisions only, and open them', async () => {
    for (const user of [p.observer, p.partner, p.byObserver]) {
      const home = await homeOf(user);
      expect(home.attention).toEqual([]);
      expect(pairs(home.recent)).toEqual([`decisions.decision_adopted ${s.adoptedDecision}`]);
      expect(home.recent[0].path).toBe(`/decisions/${s.adoptedDecision}`);
      expect((await t.request(`/api/decisions/${s.adoptedDecision}`, { as: user })).status).toBe(200);
    }
  });

  it('a state outside the body and the route sees nothing of them; a public access level sees only public', async () => {
    const tj = await buildUser(t.handle, {
      role: 'head_of_delegation',
      stateCode: 'TJ',
      accessLevel: 'secret',
    });
    const home = await homeOf(tj);
    // TJ sits in the council (the silence, the written procedure), not in the committee.
    expect(pairs(home.attention)).toEqual(
      [`decisions.stance_due ${s.silence}`, `decisions.stance_due ${s.written}`].sort(),
    );
    expect(home.recent.filter((i) => i.module === 'clearances')).toEqual([]);
    const am = await homeOf(p.amPublic);
    expect(pairs(am.recent)).toEqual([`decisions.decision_adopted ${s.adoptedDecision}`]);
  });

  it('answering removes the item; the window of recent items follows `days`', async () => {
    const silence = await t.handle.db
      .selectFrom('procedures')
      .selectAll()
      .where('id', '=', s.silence)
      .executeTakeFirstOrThrow();
    await buildStances(t.handle, p.byHead, silence, 'agree');
    const home = await homeOf(p.byDelegate);
    expect(find(home.attention, 'decisions.state_unanswered', s.silence)).toBeUndefined();
    // A procedure closed three days ago: inside a 7-day window, outside a 2-day one.
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000);
    const old = await buildProcedure(t.handle, {
      proposal: { title: 'Closed three days ago', classification: 'public' },
      kind: 'silence',
      deadline: HOUR,
      now: fourDaysAgo,
    });
    await closeDue(t.handle.db, new Date(Date.now() - 3 * 86_400_000));
    const decision = await t.handle.db
      .selectFrom('decisions')
      .select('id')
      .where('procedure_id', '=', old.id)
      .executeTakeFirstOrThrow();
    const inWindow = async (days: number) =>
      find((await homeOf(p.byDelegate, `?days=${days}`)).recent, 'decisions.decision_adopted', decision.id);
    expect(await inWindow(2)).toBeUndefined();
    expect(await inWindow(7)).toBeDefined();
  });
});
