import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema.ts';
import { recordAfter, recordHead, type TestContext } from '../../testing/harness.ts';
import { type AlertPeople, alertsContext, daysAgo } from './test-support.ts';

// Alerts through the API: raised by a monitor or opened by a rise, listed with their age and
// time to first response, acknowledged, escalated and closed with a reason; who may do what.

let t: TestContext;
let p: AlertPeople;

beforeAll(async () => {
  ({ t, people: p } = await alertsContext());
});
afterAll(async () => {
  await t.close();
});

interface AlertJson {
  id: string;
  reference: string;
  status: string;
  level: number;
  ageSeconds: number;
  timeToFirstResponseSeconds: number | null;
  waitingSeconds: number | null;
  abilities: Record<string, boolean>;
  steps?: { kind: string; by: string; note: string | null }[];
}

async function raise(as: UserRow, json: Record<string, unknown> = {}) {
  return t.request('/api/alerts', {
    method: 'POST',
    as,
    json: {
      region: 'border',
      level: 3,
      title: 'Troops massing',
      description: 'Seen from the crossing',
      ...json,
    },
  });
}
async function raised(as: UserRow = p.byHead, json: Record<string, unknown> = {}) {
  const res = await raise(as, json);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { alert: AlertJson }).alert;
}
const step = (id: string, name: string, as: UserRow, json: Record<string, unknown> = {}) =>
  t.request(`/api/alerts/${id}/${name}`, { method: 'POST', as, json });

describe('POST /api/alerts', () => {
  it('401 without a person', async () => {
    expect((await t.request('/api/alerts', { method: 'POST', json: { region: 'border' } })).status).toBe(401);
  });

  it.each([
    ['no title', { title: '' }, 'title'],
    ['a level off the scale', { level: 7 }, 'level'],
    ['an unknown region', { region: 'atlantis' }, 'region'],
    ['a classification above the scale', { classification: 5 }, 'classification'],
    ['a classification above the monitor’s access level', { classification: 3 }, 'classification'],
    ['an unknown field', { urgent: true }, 'urgent'],
  ])('400 for %s, naming the field', async (_what, json, field) => {
    const res = await raise(p.byHead, json);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe(
      field,
    );
  });

  it("404 for another state's region, an observer; 403 for a delegate who reads but may not raise", async () => {
    expect((await raise(p.tjHead)).status).toBe(404);
    expect((await raise(p.observer)).status).toBe(404);
    expect((await raise(p.byDelegate)).status).toBe(403);
  });

  it('201: the alert, its first step, its record entry, the situation room told', async () => {
    const head = await recordHead(t.handle);
    const alert = await raised(p.byHead, { classification: 2 });
    expect(alert).toMatchObject({
      reference: expect.stringMatching(/^AL-\d{4}-\d{4}$/),
      status: 'open',
      level: 3,
      timeToFirstResponseSeconds: null,
      abilities: { acknowledge: true, escalate: true, close: true },
    });
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('alert.'));
    expect(
      entries.map((e) => [e.action, e.actor_label, e.subject_id, e.classification, e.audience, e.payload]),
    ).toEqual([
      [
        'alert.opened',
        expect.any(String),
        alert.id,
        2,
        ['AM', 'BY'],
        {
          reference: alert.reference,
          region: 'border',
          level: 3,
          origin: 'raised',
          title: 'Troops massing',
          description: 'Seen from the crossing',
        },
      ],
    ]);
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'alert_raised')
      .where('subject_id', '=', alert.id)
      .execute();
    const ids = told.map((n) => n.user_id);
    // Confidential: the secret administrator is told; the raiser and those below confidential are not.
    expect(ids).toContain(p.admin.id);
    for (const who of [p.byHead, p.staff, p.byContact, p.tjHead, p.observer])
      expect(ids).not.toContain(who.id);
  });
});

describe('an alert’s steps through the API', () => {
  it('acknowledge, escalate, close: each a step, an entry, a notification; the first response timed once', async () => {
    const alert = await raised(p.admin);
    const head = await recordHead(t.handle);
    let res = await step(alert.id, 'acknowledge', p.byContact, { note: 'On it' });
    expect(res.status, await res.clone().text()).toBe(200);
    const acknowledged = ((await res.json()) as { alert: AlertJson }).alert;
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      waitingSeconds: null,
      timeToFirstResponseSeconds: expect.any(Number),
    });

    res = await step(alert.id, 'escalate', p.byHead, { note: 'Needs the council' });
    expect(((await res.json()) as { alert: AlertJson }).alert).toMatchObject({
      status: 'escalated',
      timeToFirstResponseSeconds: acknowledged.timeToFirstResponseSeconds,
    });

    res = await step(alert.id, 'close', p.staff);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { fields: [{ field: 'reason', reason: 'is required' }] },
    });
    res = await step(alert.id, 'close', p.staff, { reason: '   ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: [{ field: 'reason' }] } });

    res = await step(alert.id, 'close', p.staff, { reason: 'Troops withdrew' });
    expect(((await res.json()) as { alert: AlertJson }).alert).toMatchObject({
      status: 'closed',
      abilities: { close: false },
    });

    const entries = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('alert.'));
    expect(entries.map((e) => [e.action, e.payload])).toEqual([
      ['alert.acknowledged', { reference: alert.reference, from: 'open', note: 'On it' }],
      ['alert.escalated', { reference: alert.reference, from: 'acknowledged', note: 'Needs the council' }],
      ['alert.closed', { reference: alert.reference, from: 'escalated', reason: 'Troops withdrew' }],
    ]);
    const kinds = await t.handle.db
      .selectFrom('notifications')
      .select('kind')
      .where('subject_id', '=', alert.id)
      .where('user_id', '=', p.admin.id)
      .orderBy('created_at')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['alert_acknowledged', 'alert_escalated', 'alert_closed']);

    const shown = await t.request(`/api/alerts/${alert.id}`, { as: p.byDelegate });
    expect(shown.status).toBe(200);
    const { steps } = ((await shown.json()) as { alert: AlertJson }).alert;
    expect(steps!.map((s) => [s.kind, s.note])).toEqual([
      ['opened', null],
      ['acknowledged', 'On it'],
      ['escalated', 'Needs the council'],
      ['closed', 'Troops withdrew'],
    ]);
  });

  // The state machine through the API: from each status, each step (200 or 409 naming the status).
  it.each([
    [[], 'acknowledge', 200],
    [['acknowledge'], 'acknowledge', 409],
    [['acknowledge'], 'escalate', 200],
    [['escalate'], 'acknowledge', 409],
    [['escalate'], 'escalate', 409],
    [['escalate'], 'close', 200],
    [['close'], 'close', 409],
    [['close'], 'acknowledge', 409],
    [['close'], 'escalate', 409],
  ])('after %j, %s answers %i', async (before, name, status) => {
    const alert = await raised(p.admin);
    for (const s of before)
      expect((await step(alert.id, s, p.admin, s === 'close' ? { reason: 'done' } : {})).status).toBe(200);
    const res = await step(alert.id, name, p.admin, name === 'close' ? { reason: 'done' } : {});
    expect(res.status).toBe(status);
    if (status === 409)
      expect(await res.json()).toMatchObject({ error: { code: 'conflict', fields: [{ field: 'status' }] } });
  });

  it('401, 400 for a bad id, 404 for an unknown alert or one of another state', async () => {
    const alert = await raised(p.admin);
    expect(
      (await t.request(`/api/alerts/${alert.id}/acknowledge`, { method: 'POST', json: {} })).status,
    ).toBe(401);
    const bad = await step('not-an-id', 'acknowledge', p.admin);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: [{ field: 'path.id' }] } });
    expect((await step('00000000-0000-4000-8000-000000000000', 'acknowledge', p.admin)).status).toBe(404);
    expect((await step(alert.id, 'acknowledge', p.tjHead)).status).toBe(404);
    expect((await step(alert.id, 'acknowledge', p.byDelegate)).status).toBe(403);
    expect((await step(alert.id, 'close', p.byContact, { reason: 'x' })).status).toBe(403);
  });
});

describe('policy: who reads and does what (role x alert x action)', () => {
  it.each([
    // who, restricted alert: read / acknowledge / escalate / close, confidential alert: read
    ['admin', [200, 200, 200, 200], 200],
    ['staff', [200, 200, 200, 200], 404],
    ['byHead', [200, 200, 200, 200], 200],
    ['byContact', [200, 200, 200, 403], 404],
    ['byDelegate', [200, 403, 403, 403], 404],
    ['byPublic', [404, 404, 404, 404], 404],
    ['tjHead', [404, 404, 404, 404], 404],
    ['observer', [404, 404, 404, 404], 404],
  ] as const)('%s', async (who, [read, ack, esc, close], readConfidential) => {
    const person = p[who];
    const fresh = async () => raised(p.admin, { classification: 1 });
    expect((await t.request(`/api/alerts/${(await fresh()).id}`, { as: person })).status).toBe(read);
    expect((await step((await fresh()).id, 'acknowledge', person)).status).toBe(ack);
    expect((await step((await fresh()).id, 'escalate', person)).status).toBe(esc);
    expect((await step((await fresh()).id, 'close', person, { reason: 'x' })).status).toBe(close);
    const confidential = await raised(p.admin, { classification: 2 });
    expect((await t.request(`/api/alerts/${confidential.id}`, { as: person })).status).toBe(readConfidential);
  });

  it('the list holds exactly what the rule lets each one read', async () => {
    for (const who of Object.keys(p) as (keyof AlertPeople)[]) {
      const res = await t.request('/api/alerts?limit=200', { as: p[who] });
      expect(res.status).toBe(200);
      const listed = ((await res.json()) as { items: AlertJson[] }).items.map((a) => a.id).sort();
      const all = await t.handle.db.selectFrom('alerts').select('id').execute();
      const readable: string[] = [];
      for (const { id } of all)
        if ((await t.request(`/api/alerts/${id}`, { as: p[who] })).status === 200) readable.push(id);
      expect(listed, who).toEqual(readable.sort());
    }
  });
});

describe('GET /api/alerts', () => {
  it('401 and 400', async () => {
    expect((await t.request('/api/alerts')).status).toBe(401);
    const res = await t.request('/api/alerts?status=pending', { as: p.admin });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: [{ field: 'query.status' }] } });
  });

  it('filters by status, region and level; automatic alerts of a rise among them with their age', async () => {
    const rise = await t.request('/api/indicators/south-grain/values', {
      method: 'POST',
      as: p.admin,
      json: { values: [{ at: daysAgo(2), value: 5 }] },
    });
    expect(await rise.json()).toMatchObject({ level: { region: 'south', to: 3, change: 'rose' } });
    const list = async (q: string, as = p.admin) =>
      (
        (await (await t.request(`/api/alerts?${q}`, { as })).json()) as {
          items: (AlertJson & { region: string; origin: string })[];
        }
      ).items;
    const south = await list('region=south');
    expect(south).toMatchObject([{ region: 'south', origin: 'automatic', level: 3, status: 'open' }]);
    expect(south[0]!.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(south[0]!.waitingSeconds).toBe(south[0]!.ageSeconds);
    expect((await list('status=closed')).every((a) => a.status === 'closed')).toBe(true);
    expect((await list('status=active')).every((a) => a.status !== 'closed')).toBe(true);
    expect((await list('level=4')).length).toBe(0);
    expect(await list('region=south', p.byHead)).toEqual([]);
  });

  it('a rise goes to the region’s states’ webhooks as alert.level_raised', async () => {
    const [hook] = await t.handle.db
      .insertInto('webhooks')
      .values({
        state_code: 'TJ',
        url: 'https://tj.example.gov/hook',
        secret: 'whsec_test',
        events: ['alert.level_raised', 'alert.opened'],
        active: true,
        description: null,
        created_by: null,
        created_by_label: 'test',
      })
      .returning('id')
      .execute();
    const res = await t.request('/api/indicators/south-grain/values', {
      method: 'POST',
      as: p.tjHead,
      json: {
        values: [
          { at: daysAgo(1), value: 40 },
          { at: daysAgo(0.5), value: 20 },
        ],
      },
    });
    expect(await res.json()).toMatchObject({ level: { from: 3, to: 2, change: 'fell' } });
    const raisedAgain = await t.request('/api/indicators/south-grain/values', {
      method: 'POST',
      as: p.tjHead,
      json: { values: [{ at: daysAgo(0.25), value: 6 }] },
    });
    expect(await raisedAgain.json()).toMatchObject({
      level: { from: 2, to: 3, change: 'rose', alert: null },
    });
    const deliveries = await t.handle.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'data'])
      .where('webhook_id', '=', hook!.id)
      .execute();
    expect(deliveries).toEqual([
      {
        event: 'alert.level_raised',
        data: expect.objectContaining({ region: 'south', from: 2, to: 3, alert: null }),
      },
    ]);
  });
});

describe('the home page', () => {
  it('an open alert waits on who may acknowledge it, an escalated one on who may close it', async () => {
    const open = await raised(p.admin, { title: 'Waiting' });
    const escalated = await raised(p.admin, { title: 'Escalated' });
    expect((await step(escalated.id, 'escalate', p.admin)).status).toBe(200);
    const items = async (as: UserRow) => {
      const res = await t.request('/api/home', { as });
      expect(res.status).toBe(200);
      const { attention } = (await res.json()) as { attention: { kind: string; subjectId: string }[] };
      return attention.filter((a) => a.kind.startsWith('alerts.'));
    };
    const contact = await items(p.byContact);
    expect(contact.find((a) => a.subjectId === open.id)?.kind).toBe('alerts.awaiting_response');
    expect(contact.some((a) => a.subjectId === escalated.id)).toBe(false);
    const head = await items(p.byHead);
    expect(head.find((a) => a.subjectId === escalated.id)?.kind).toBe('alerts.escalated');
    expect(await items(p.byDelegate)).toEqual([]);
    // TJ's head: the south's alerts, never the border's.
    const tj = await items(p.tjHead);
    expect(tj.some((a) => a.subjectId === open.id || a.subjectId === escalated.id)).toBe(false);
  });
});
