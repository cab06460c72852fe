import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import { recordHead, type TestContext, testContext } from '../../../testing/harness.ts';
import {
  CLEARANCE_ORGANISATION,
  errorOf,
  HOUR,
  landRoute,
  requestBody,
  window,
} from '../../../testing/simulations/clearances.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from '../factories.ts';
import { askInfo } from '../legs/commands.ts';

// Every clearance endpoint: 401, 400 naming the field, 404 for another member, 200; and the
// bad input of issue 4, each a 4xx with its reason.

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

interface Leg {
  state: string;
  status: string;
  clearanceNumber: string | null;
  conditions: unknown[] | null;
  internalNote: string | null;
  details: boolean;
  remainingSeconds: number | null;
  timeZone: string;
  abilities: Record<string, boolean>;
}
const requestOf = async (res: Response) =>
  (
    (await res.json()) as {
      request: { id: string; status: string; legs: Leg[]; abilities: Record<string, boolean> };
    }
  ).request;

describe('requests over HTTP', () => {
  it('401 without credentials', async () => {
    for (const [method, path] of [
      ['GET', '/api/clearances'],
      ['POST', '/api/clearances'],
      ['GET', '/api/crossing-points'],
      ['GET', '/api/standing-permissions'],
      ['GET', '/api/asset-lists'],
      ['GET', '/api/deployments'],
    ])
      expect((await t.request(path, { method, json: method === 'POST' ? {} : undefined })).status).toBe(401);
  });

  it('creates and submits, then each state decides; the requester sees every decision', async () => {
    const res = await t.request('/api/clearances', {
      method: 'POST',
      as: p.byDelegate,
      json: { ...requestBody(), submit: true },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await requestOf(res);
    expect(created.status).toBe('pending');
    expect(created.legs.map((l) => [l.state, l.timeZone])).toEqual([
      ['BY', 'Europe/Minsk'],
      ['RU', 'Europe/Moscow'],
      ['KZ', 'Asia/Almaty'],
    ]);
    expect(created.legs[1].remainingSeconds).toBeGreaterThan(47 * 3600);
    const ru = await t.request(`/api/clearances/${created.id}/legs/RU/decision`, {
      method: 'POST',
      as: p.ruContact,
      json: {
        decision: 'approve_with_conditions',
        conditions: [{ kind: 'escort', text: 'Escort from the border' }],
        internalNote: 'Interior ministry agrees',
      },
    });
    expect(ru.status, await ru.clone().text()).toBe(200);
    // KZ sees RU's leg status but not its conditions nor its note.
    const kzView = await requestOf(await t.request(`/api/clearances/${created.id}`, { as: p.kzHead }));
    expect(kzView.legs[1]).toMatchObject({
      status: 'approved',
      details: false,
      conditions: null,
      internalNote: null,
    });
    expect(kzView.legs[2].abilities.decide).toBe(true);
    // The requester sees RU's conditions, not its internal note.
    const byView = await requestOf(await t.request(`/api/clearances/${created.id}`, { as: p.byDelegate }));
    expect(byView.legs[1].conditions).toHaveLength(1);
    expect(byView.legs[1].internalNote).toBeNull();
    expect(byView.legs[1].clearanceNumber).toMatch(/^RU-CLR-/);
    // RU's own delegation sees its note.
    const ruView = await requestOf(await t.request(`/api/clearances/${created.id}`, { as: p.ruDelegate }));
    expect(ruView.legs[1].internalNote).toBe('Interior ministry agrees');
    // A delegate RU's head did not authorise may read but not decide.
    const refused = await t.request(`/api/clearances/${created.id}/legs/KZ/decision`, {
      method: 'POST',
      as: p.ruDelegate,
      json: { decision: 'approve' },
    });
    expect(refused.status).toBe(403);
  });

  it('404 for a member state not on the route, an observer, a person below the classification', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    for (const who of [p.amHead, p.observer, p.byPublic]) {
      expect((await t.request(`/api/clearances/${r.id}`, { as: who })).status).toBe(404);
      const list = (await (await t.request('/api/clearances', { as: who })).json()) as {
        items: { id: string }[];
      };
      expect(list.items.some((i) => i.id === r.id)).toBe(false);
    }
    // A decision by a state not on the route: it cannot see the request at all.
    const res = await t.request(`/api/clearances/${r.id}/legs/AM/decision`, {
      method: 'POST',
      as: p.amHead,
      json: { decision: 'approve' },
    });
    expect(res.status).toBe(404);
    // A state on the route naming a state with no leg: 404 naming the state.
    const noLeg = await t.request(`/api/clearances/${r.id}/legs/AM/decision`, {
      method: 'POST',
      as: p.admin,
      json: { decision: 'approve' },
    });
    expect(noLeg.status).toBe(404);
    expect((await errorOf(noLeg)).message).toMatch(/AM has no leg/);
    expect((await t.request(`/api/clearances/${r.id}`, { as: p.staff })).status).toBe(200);
  });

  it('bad input: each a 4xx naming the field and why, writing nothing', async () => {
    const head = await recordHead(t.handle);
    const route = landRoute();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'a window that ends before it starts',
        {
          legs: [
            { ...route[0], entry: { point: 'BY-MSQ', window: { from: window(5).to, to: window(5).from } } },
          ],
        },
        'legs.0.entry.window.to',
        /ends before it starts/,
      ],
      [
        'an unknown crossing point',
        { legs: [route[0], { ...route[1], entry: { point: 'NOWHERE', window: window(30) } }, route[2]] },
        'legs.1.entry.point',
        /not a known crossing point/,
      ],
      [
        'a crossing point of another state',
        { legs: [route[0], { ...route[1], exit: { point: 'BY-MSQ', window: window(40) } }, route[2]] },
        'legs.1.exit.point',
        /not in RU/,
      ],
      [
        'legs that skip a state',
        { legs: [route[0], route[2]] },
        'legs.1.entry.point',
        /a leg for the state between is missing/,
      ],
      ['a state twice', { legs: [route[0], route[1], { ...route[1] }] }, 'legs.2.state', /one leg per state/],
      [
        'a state not a member',
        { legs: [{ ...route[0], state: 'FR' }] },
        'legs.0.state',
        /not a member state/,
      ],
    ];
    for (const [what, override, field, reason] of cases) {
      const res = await t.request('/api/clearances', {
        method: 'POST',
        as: p.byDelegate,
        json: requestBody(override),
      });
      expect(res.status, what).toBe(400);
      const error = await errorOf(res);
      expect(error.fields?.[0].field, what).toBe(field);
      expect(error.fields?.[0].reason, what).toMatch(reason);
    }
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('a movement window already begun: a draft is kept, submission answers 400 naming the leg', async () => {
    const route = landRoute();
    route[1] = { ...route[1], entry: { point: 'BY-RU-REDKI', window: window(-3) } };
    const body = requestBody({ legs: route });
    const submitted = await t.request('/api/clearances', {
      method: 'POST',
      as: p.byDelegate,
      json: { ...body, submit: true },
    });
    expect(submitted.status).toBe(400);
    expect((await errorOf(submitted)).fields?.[0]).toMatchObject({
      field: 'legs.1.entry.window.from',
      reason: expect.stringMatching(/before now/),
    });
    const draft = await t.request('/api/clearances', { method: 'POST', as: p.byDelegate, json: body });
    expect(draft.status).toBe(201);
    const { id } = await requestOf(draft);
    const submit = await t.request(`/api/clearances/${id}/submit`, { method: 'POST', as: p.byDelegate });
    expect(submit.status).toBe(400);
    expect((await errorOf(submit)).fields?.[0].field).toBe('legs.1.entry.window.from');
  });

  it('a paused leg shows the time left when its clock stopped, frozen', async () => {
    const opened = new Date(Date.now() - 10 * HOUR);
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: opened,
      body: { legs: landRoute() },
    });
    await t.handle.db
      .transaction()
      .execute((trx) =>
        askInfo(
          trx,
          personFromRow(p.kzHead),
          r.id,
          'KZ',
          { question: 'Axle loads?' },
          new Date(opened.getTime() + 6 * HOUR),
        ),
      );
    const view = await requestOf(await t.request(`/api/clearances/${r.id}`, { as: p.byDelegate }));
    // KZ's routine window is 72 h; 6 h had run when it asked, whatever the time now.
    expect(view.legs[2]).toMatchObject({ status: 'info_requested', remainingSeconds: 66 * 3600 });
    const list = (await (await t.request('/api/clearances', { as: p.kzHead })).json()) as {
      items: { id: string; legs: { state: string; remainingSeconds: number | null }[] }[];
    };
    const item = list.items.find((i) => i.id === r.id)!;
    expect(item.legs[2].remainingSeconds).toBe(66 * 3600);
  });

  it('the OpenAPI document describes the point of contact and a standing permission pattern field by field', async () => {
    type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[] };
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, Schema> };
    };
    const poc = doc.components.schemas.ClearanceContent.properties?.pointOfContact;
    expect(poc?.type).toBe('object');
    expect(Object.keys(poc?.properties ?? {})).toEqual(['name', 'rank', 'phone', 'email']);
    expect(poc?.required).toEqual(['name', 'phone']);
    const pattern = doc.components.schemas.GrantStandingPermissionInput.properties?.pattern;
    expect(Object.keys(pattern?.properties ?? {})).toContain('assetKinds');
  });

  it('a decision after the window: 409 with the instant it closed', async () => {
    const now = new Date(Date.now() - 49 * HOUR);
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now, body: { legs: landRoute() } });
    const res = await t.request(`/api/clearances/${r.id}/legs/RU/decision`, {
      method: 'POST',
      as: p.ruHead,
      json: { decision: 'approve' },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toContain(new Date(now.getTime() + 48 * HOUR).toISOString());
  });

  it('questions and answers, conditions accepted, amendment, withdrawal, versions', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const base = `/api/clearances/${r.id}`;
    const asked = await t.request(`${base}/legs/KZ/questions`, {
      method: 'POST',
      as: p.kzHead,
      json: { question: 'Fuel?' },
    });
    expect(asked.status).toBe(200);
    // The clock stopped: the time left is shown, frozen, beside "paused".
    const paused = (await requestOf(asked)).legs[2];
    expect(paused.status).toBe('info_requested');
    expect(paused.remainingSeconds).toBeGreaterThan(71 * 3600);
    const answered = await t.request(`${base}/legs/KZ/answers`, {
      method: 'POST',
      as: p.byDelegate,
      json: { answer: 'Diesel' },
    });
    expect((await requestOf(answered)).legs[2].status).toBe('pending');
    for (const [state, who] of [
      ['BY', p.byHead],
      ['RU', p.ruHead],
      ['KZ', p.kzHead],
    ] as const)
      await t.request(`${base}/legs/${state}/decision`, {
        method: 'POST',
        as: who,
        json:
          state === 'KZ'
            ? { decision: 'approve_with_conditions', conditions: [{ kind: 'other', text: 'Daylight only' }] }
            : { decision: 'approve' },
      });
    const accepted = await t.request(`${base}/accept-conditions`, {
      method: 'POST',
      as: p.byDelegate,
      json: {},
    });
    expect((await requestOf(accepted)).status).toBe('cleared');
    const { framework: _f, urgency: _u, classification: _c, title: _t, ...content } = requestBody();
    const amended = await t.request(`${base}/amend`, {
      method: 'POST',
      as: p.byDelegate,
      json: { ...content, personnel: 45, reason: 'Five more drivers' },
    });
    expect(amended.status, await amended.clone().text()).toBe(200);
    expect((await requestOf(amended)).status).toBe('pending');
    const v2 = await t.request(`${base}/versions/2`, { as: p.ruHead });
    expect(
      ((await v2.json()) as { version: { content: { personnel: number } } }).version.content.personnel,
    ).toBe(45);
    expect((await t.request(`${base}/versions/9`, { as: p.ruHead })).status).toBe(404);
    const withdrawn = await t.request(`${base}/withdraw`, {
      method: 'POST',
      as: p.byDelegate,
      json: { reason: 'Off' },
    });
    expect((await requestOf(withdrawn)).status).toBe('withdrawn');
    const again = await t.request(`${base}/withdraw`, {
      method: 'POST',
      as: p.byDelegate,
      json: { reason: 'Off' },
    });
    expect(again.status).toBe(409);
  });

  it('drafts: PUT rewrites, submit opens the legs', async () => {
    const draft = await requestOf(
      await t.request('/api/clearances', { method: 'POST', as: p.byDelegate, json: requestBody() }),
    );
    expect(draft.status).toBe('draft');
    const { classification: _c, ...envelope } = requestBody({ personnel: 12 });
    const put = await t.request(`/api/clearances/${draft.id}`, {
      method: 'PUT',
      as: p.byDelegate,
      json: envelope,
    });
    expect(put.status, await put.clone().text()).toBe(200);
    // The route states do not see it while it is a draft (drafts.test.ts); they do once submitted.
    expect((await t.request(`/api/clearances/${draft.id}`, { as: p.ruHead })).status).toBe(404);
    const submitted = await t.request(`/api/clearances/${draft.id}/submit`, {
      method: 'POST',
      as: p.byDelegate,
    });
    expect((await requestOf(submitted)).status).toBe('pending');
    expect((await t.request(`/api/clearances/${draft.id}`, { as: p.ruHead })).status).toBe(200);
    expect(
      (await t.request(`/api/clearances/${draft.id}/submit`, { method: 'POST', as: p.byDelegate })).status,
    ).toBe(409);
  });
});

describe('directory reads, standing permissions, asset lists', () => {
  it('crossing points and windows for the map', async () => {
    const points = (await (await t.request('/api/crossing-points', { as: p.amHead })).json()) as {
      items: { code: string; states: string[]; lat: number }[];
    };
    expect(points.items.find((x) => x.code === 'BY-RU-REDKI')).toMatchObject({
      states: ['BY', 'RU'],
      lat: 54.6,
    });
    const windows = (await (await t.request('/api/clearance-windows', { as: p.amHead })).json()) as {
      items: { state: string; urgency: string; hours: number; onSilence: string }[];
    };
    expect(windows.items.find((w) => w.state === 'RU' && w.urgency === 'routine')).toMatchObject({
      hours: 48,
      onSilence: 'refusal',
    });
  });

  it('a head of delegation grants and revokes; others may not', async () => {
    const body = {
      grantee: 'BY',
      pattern: { frameworks: ['training'], assetKinds: ['vehicle'], crossingPoints: ['BY-RU-REDKI'] },
      validFrom: new Date().toISOString(),
      validTo: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
    };
    expect(
      (await t.request('/api/standing-permissions', { method: 'POST', as: p.ruDelegate, json: body })).status,
    ).toBe(403);
    const bad = await t.request('/api/standing-permissions', {
      method: 'POST',
      as: p.ruHead,
      json: { ...body, pattern: { ...body.pattern, crossingPoints: ['KZ-NQZ'] } },
    });
    expect((await errorOf(bad)).fields?.[0].field).toBe('pattern.crossingPoints.0');
    const res = await t.request('/api/standing-permissions', { method: 'POST', as: p.ruHead, json: body });
    expect(res.status, await res.clone().text()).toBe(201);
    const { permission } = (await res.json()) as { permission: { id: string; number: string } };
    expect(permission.number).toMatch(/^RU-SP-\d{4}-\d{4}$/);
    const seen = (await (await t.request('/api/standing-permissions', { as: p.amHead })).json()) as {
      items: unknown[];
    };
    expect(seen.items).toHaveLength(0);
    expect(
      (await t.request(`/api/standing-permissions/${permission.id}`, { method: 'DELETE', as: p.byHead }))
        .status,
    ).toBe(403);
    expect(
      (await t.request(`/api/standing-permissions/${permission.id}`, { method: 'DELETE', as: p.amHead }))
        .status,
    ).toBe(404);
    expect(
      (await t.request(`/api/standing-permissions/${permission.id}`, { method: 'DELETE', as: p.ruHead }))
        .status,
    ).toBe(200);
  });

  it('asset lists belong to one delegation', async () => {
    const json = { name: 'Convoy A', assets: [{ kind: 'vehicle', type: 'MZKT', count: 3 }] };
    const res = await t.request('/api/asset-lists', { method: 'POST', as: p.byDelegate, json });
    expect(res.status).toBe(201);
    const { assetList } = (await res.json()) as { assetList: { id: string } };
    expect((await t.request('/api/asset-lists', { method: 'POST', as: p.byDelegate, json })).status).toBe(
      400,
    );
    expect((await t.request(`/api/asset-lists/${assetList.id}`, { as: p.ruHead })).status).toBe(404);
    const put = await t.request(`/api/asset-lists/${assetList.id}`, {
      method: 'PUT',
      as: p.byHead,
      json: { ...json, name: 'Convoy B' },
    });
    expect(put.status).toBe(200);
    expect(
      (await t.request(`/api/asset-lists/${assetList.id}`, { method: 'DELETE', as: p.byHead })).status,
    ).toBe(204);
  });
});
