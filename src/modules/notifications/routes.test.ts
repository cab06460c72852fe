import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordAfter,
  recordHead,
  signInSession,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';
import { buildProcedure, buildStances } from '../decisions/factories.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';

// The notification endpoints: 401 without credentials, 400 naming the field, 404 for
// another person's notification, 200 with the caller's own.

interface Notification {
  id: string;
  kind: string;
  proposal: { id: string; title: string };
  procedure: { id: string; kind: string };
  deadline: string | null;
  state: string | null;
  stanceKind: string | null;
  points: string[];
  result: string | null;
  createdAt: string;
  readAt: string | null;
}
interface List {
  items: Notification[];
  unread: number;
  nextOffset: number | null;
}
interface ErrorBody {
  error: { code: string; fields?: { field: string; reason: string }[] };
}

const HOUR = 3_600_000;
let t: TestContext;
let p: NotificationPeople;
let procedureId: string;

beforeAll(async () => {
  t = await testContext();
  p = await buildNotificationPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
  // Opened (AM, BY told), then AM breaks silence (the rest told).
  const procedure = await buildProcedure(t.handle, {
    proposal: { body: 'committee', title: 'Joint exercise' },
    chair: p.admin,
    deadline: 2 * HOUR,
  });
  procedureId = procedure.id;
  await buildStances(t.handle, p.amHead, procedure, 'object', { points: ['1'], text: 'Not now' });
});
afterAll(() => t.close());

const listOf = async (res: Response) => (await res.json()) as List;
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const list = async (as: keyof NotificationPeople, query = '') => {
  const res = await t.request(`/api/notifications${query}`, { as: p[as] });
  expect(res.status).toBe(200);
  return listOf(res);
};

describe('GET /api/notifications', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/notifications')).status).toBe(401);
  });

  it('400 naming a bad query parameter', async () => {
    const res = await t.request('/api/notifications?limit=0', { as: p.byHead });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.map((f) => f.field)).toEqual(['query.limit']);
  });

  it("200: the caller's own, newest first, with the unread count and the facts of each", async () => {
    const body = await list('byHead');
    expect(body.unread).toBe(2);
    expect(body.nextOffset).toBeNull();
    expect(body.items.map((n) => n.kind)).toEqual(['silence_broken', 'procedure_opened']);
    expect(body.items[0]).toMatchObject({
      proposal: { title: 'Joint exercise' },
      procedure: { id: procedureId, kind: 'silence' },
      state: 'AM',
      stanceKind: 'object',
      points: ['1'],
      result: null,
      readAt: null,
    });
    expect(body.items[1].deadline).toMatch(/Z$/);
    // The AM head broke silence: told of the opening only. TJ is not in the committee.
    expect((await list('amHead')).items.map((n) => n.kind)).toEqual(['procedure_opened']);
    expect(await list('tjHead')).toEqual({ items: [], unread: 0, nextOffset: null });
    expect((await list('observer')).items).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const first = await list('byHead', '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
    const second = await list('byHead', '?limit=1&offset=1');
    expect(second.items[0].kind).toBe('procedure_opened');
    expect(second.nextOffset).toBeNull();
  });

  it('a notification about a proposal the person can no longer read is not listed', async () => {
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Raised later' },
      chair: p.admin,
      deadline: HOUR,
    });
    expect((await list('byDelegate')).items.some((n) => n.procedure.id === procedure.id)).toBe(true);
    await t.handle.db
      .updateTable('proposals')
      .set({ classification: 3 })
      .where('id', '=', procedure.proposal_id)
      .execute();
    const after = await list('byDelegate');
    expect(after.items.some((n) => n.procedure.id === procedure.id)).toBe(false);
    expect(after.unread).toBe(after.items.filter((n) => !n.readAt).length);
  });
});

describe('POST /api/notifications/{id}/read', () => {
  it('401 without credentials, 400 for a malformed id, 404 for an unknown one', async () => {
    const path = `/api/notifications/${randomUUID()}/read`;
    expect((await t.request(path, { method: 'POST' })).status).toBe(401);
    const bad = await t.request('/api/notifications/not-a-uuid/read', { method: 'POST', as: p.staff });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields?.map((f) => f.field)).toEqual(['path.id']);
    expect((await t.request(path, { method: 'POST', as: p.staff })).status).toBe(404);
  });

  it("404 for another person's notification, even for an administrator, and it stays unread", async () => {
    const [theirs] = (await list('staff')).items;
    for (const who of ['admin', 'byHead'] as const) {
      const res = await t.request(`/api/notifications/${theirs.id}/read`, { method: 'POST', as: p[who] });
      expect(res.status, who).toBe(404);
    }
    expect((await list('staff')).items[0].readAt).toBeNull();
  });

  it('200: marks it read once, lowers the unread count, writes nothing to the record', async () => {
    const head = await recordHead(t.handle);
    const before = await list('byDelegate');
    const target = before.items.find((n) => !n.readAt)!;
    const res = await t.request(`/api/notifications/${target.id}/read`, { method: 'POST', as: p.byDelegate });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { notification: Notification; unread: number };
    expect(body.notification.id).toBe(target.id);
    expect(body.notification.readAt).not.toBeNull();
    expect(body.unread).toBe(before.unread - 1);
    const again = await t.request(`/api/notifications/${target.id}/read`, {
      method: 'POST',
      as: p.byDelegate,
    });
    expect(((await again.json()) as { notification: Notification }).notification.readAt).toBe(
      body.notification.readAt,
    );
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('a browser session needs the CSRF header to mark read', async () => {
    const [mine] = (await list('amContact')).items;
    const session = await signInSession(t, p.amContact.username);
    const path = `/api/notifications/${mine.id}/read`;
    const without = await t.request(path, { method: 'POST', headers: { cookie: session.cookie } });
    expect(without.status).toBe(403);
    const withHeader = await t.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(withHeader.status).toBe(200);
  });
});

describe('POST /api/notifications/read-all', () => {
  it('401 without credentials; 200 marks only the caller’s own', async () => {
    expect((await t.request('/api/notifications/read-all', { method: 'POST' })).status).toBe(401);
    const othersBefore = (await list('byHead')).unread;
    const res = await t.request('/api/notifications/read-all', { method: 'POST', as: p.admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ marked: 1, unread: 0 });
    expect((await list('admin')).items.every((n) => n.readAt)).toBe(true);
    expect((await list('byHead')).unread).toBe(othersBefore);
  });
});

describe('GET and PUT /api/me/notification-preferences', () => {
  const path = '/api/me/notification-preferences';

  it('401 without credentials', async () => {
    expect((await t.request(path)).status).toBe(401);
    expect((await t.request(path, { method: 'PUT', json: { disabled: [] } })).status).toBe(401);
  });

  it('400 naming the field: an unknown kind, a wrong type, an unknown field', async () => {
    const head = await recordHead(t.handle);
    for (const [json, field] of [
      [{ disabled: ['birthday'] }, 'disabled.0'],
      [{ disabled: 'outcome' }, 'disabled'],
      [{ disabled: [], email: true }, 'email'],
      [{}, 'kinds'],
    ] as const) {
      const res = await t.request(path, { method: 'PUT', json, as: p.byHead });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await errorOf(res)).fields?.map((f) => f.field)).toContain(field);
    }
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('200: every kind on at first; a change is recorded once, the same set again is not', async () => {
    const first = await t.request(path, { as: p.amHead });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      preferences: {
        kinds: [
          'procedure_opened',
          'silence_broken',
          'deadline_24h',
          'deadline_1h',
          'outcome',
          'leg_arrived',
          'leg_due_1h',
          'leg_decided',
          'request_cleared',
          'request_denied',
          'leg_escalated',
          'hotline_message',
          'hotline_acknowledged',
          'hotline_escalated',
          'consultation_message',
          'consultation_point',
          'consultation_concluded',
          'level_raised',
          'alert_raised',
          'alert_acknowledged',
          'alert_escalated',
          'alert_closed',
        ].map((kind) => ({ kind, enabled: true, inApp: true, email: false })),
        disabled: [],
        email: { available: false, address: null },
      },
    });
    const head = await recordHead(t.handle);
    const put = await t.request(path, {
      method: 'PUT',
      as: p.amHead,
      json: { disabled: ['outcome', 'deadline_24h', 'outcome'] },
    });
    expect(put.status).toBe(200);
    const body = (await put.json()) as { preferences: { disabled: string[] } };
    expect(body.preferences.disabled).toEqual(['deadline_24h', 'outcome']);
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => [e.action, e.subject_id, e.actor_id, e.audience])).toEqual([
      ['user.notifications_changed', p.amHead.id, p.amHead.id, ['AM']],
    ]);
    expect(entries[0].payload).toEqual({
      disabled: ['deadline_24h', 'outcome'],
      before: [],
      email: [],
      emailBefore: [],
    });
    await t.request(path, { method: 'PUT', as: p.amHead, json: { disabled: ['deadline_24h', 'outcome'] } });
    expect(await recordHead(t.handle)).toBe(head + 1);
    const read = (await (await t.request(path, { as: p.amHead })).json()) as {
      preferences: { disabled: string[] };
    };
    expect(read.preferences.disabled).toEqual(['deadline_24h', 'outcome']);
    // Another person's preferences are untouched.
    const other = (await (await t.request(path, { as: p.byHead })).json()) as {
      preferences: { disabled: string[] };
    };
    expect(other.preferences.disabled).toEqual([]);
  });
});
