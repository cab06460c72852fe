import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../core/secrets.ts';
import type { UserRow } from '../../db/schema.ts';
import { recordAfter, recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { escalateDueMessages } from './escalation.ts';
import {
  buildHotlinePeople,
  buildMessage,
  HOTLINE_ORGANISATION,
  type HotlinePeople,
  WINDOW_MS,
} from './factories.ts';

// Every hotline endpoint: 401 without credentials, 400 naming the field, 404 for whoever may
// not read the hotline (other states, observers, a delegate not designated), 403 for a reader
// who may not do it, and what a 200 writes (the record entry, the notifications).

let t: TestContext;
let p: HotlinePeople;
beforeAll(async () => {
  t = await testContext(HOTLINE_ORGANISATION);
  p = await buildHotlinePeople(t.handle);
});
afterAll(() => t.close());

const get = (path: string, as?: UserRow) => t.request(path, as ? { as } : {});
const post = (path: string, json: unknown, as?: UserRow, method = 'POST') =>
  t.request(path, { method, json, ...(as ? { as } : {}) });
const problem = async (res: Response) =>
  ((await res.json()) as { error: { code: string; fields?: { field: string; reason: string }[] } }).error;
const notifications = (kind: string, subjectId: string) =>
  t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'details'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .execute();

describe('GET /api/hotlines', () => {
  it('401 without credentials; each reader sees their own hotlines with what waits', async () => {
    expect((await get('/api/hotlines')).status).toBe(401);
    const m = await buildMessage(t.handle.db, { by: p.tjDuty, at: new Date(Date.now() - 5 * 60_000) });
    const list = async (who: UserRow) => {
      const res = await get('/api/hotlines', who);
      expect(res.status).toBe(200);
      return (
        (await res.json()) as {
          items: {
            hotline: { code: string; mySide: string | null };
            waiting: {
              count: number;
              forMySide: number;
              oldestSentAt: string | null;
              oldestWaitSeconds: number;
            };
          }[];
        }
      ).items;
    };
    const am = await list(p.amDuty);
    expect(am.map((i) => i.hotline.code)).toEqual(['AM-TJ']);
    expect(am[0].hotline.mySide).toBe('AM');
    expect(am[0].waiting).toMatchObject({
      count: 1,
      forMySide: 1,
      oldestSentAt: new Date(m.sent_at).toISOString(),
    });
    expect(am[0].waiting.oldestWaitSeconds).toBeGreaterThanOrEqual(300);
    // The sender's side: one waiting, none of it for them.
    expect((await list(p.tjDuty))[0].waiting).toMatchObject({ count: 1, forMySide: 0 });
    // AM's head speaks on both of AM's hotlines; the secretariat oversees both.
    expect((await list(p.amHead)).map((i) => i.hotline.code).sort()).toEqual(['AM-BY', 'AM-TJ']);
    expect((await list(p.secretariat)).length).toBe(2);
    // BY's head: only AM-BY; a TJ delegate not designated and an observer: none.
    expect((await list(p.byHead)).map((i) => i.hotline.code)).toEqual(['AM-BY']);
    expect(await list(p.tjDelegate)).toEqual([]);
    expect(await list(p.observer)).toEqual([]);
    await t.handle.db.transaction().execute((trx) =>
      trx
        .updateTable('hotline_messages')
        .set({
          acknowledged_at: new Date(),
          acknowledged_by: p.amDuty.id,
          acknowledged_by_label: p.amDuty.username,
        })
        .where('id', '=', m.id)
        .execute(),
    );
  });
});

describe('GET /api/hotlines/{code} and its messages', () => {
  it('401, 400, 404 for outsiders and unknown codes, 200 with contacts and abilities', async () => {
    expect((await get('/api/hotlines/AM-TJ')).status).toBe(401);
    const bad = await get('/api/hotlines/am tj', p.amDuty);
    expect(bad.status).toBe(400);
    expect((await problem(bad)).fields?.[0].field).toBe('path.code');
    for (const outsider of [p.byHead, p.tjDelegate, p.observer])
      expect((await get('/api/hotlines/AM-TJ', outsider)).status).toBe(404);
    expect((await get('/api/hotlines/XX-YY', p.amHead)).status).toBe(404);
    const res = await get('/api/hotlines/AM-TJ', p.amHead);
    expect(res.status).toBe(200);
    const { hotline } = (await res.json()) as { hotline: Record<string, unknown> };
    expect(hotline).toMatchObject({
      code: 'AM-TJ',
      states: ['AM', 'TJ'],
      acknowledgeWithinMinutes: 15,
      mySide: 'AM',
      abilities: { send: true, designate: true },
      contacts: [
        { state: 'AM', username: p.amDuty.username },
        { state: 'TJ', username: p.tjDuty.username },
      ],
    });
    const seen = (await (await get('/api/hotlines/AM-TJ', p.secretariat)).json()) as {
      hotline: { abilities: unknown; mySide: unknown };
    };
    expect(seen.hotline).toMatchObject({ mySide: null, abilities: { send: false, designate: false } });
  });

  it('messages: 401, 400 naming the field, 404, 200 newest first and paged, within the reader level', async () => {
    const base = Date.now() - 60 * 60_000;
    for (let i = 0; i < 3; i++)
      await buildMessage(t.handle.db, {
        by: p.tjDuty,
        at: new Date(base + i * 1000),
        body: { body: `Paged ${i}` },
      });
    await buildMessage(t.handle.db, {
      by: p.tjDuty,
      at: new Date(base + 5000),
      body: { body: 'Confidential', classification: 'confidential' },
    });
    expect((await get('/api/hotlines/AM-TJ/messages')).status).toBe(401);
    const bad = await get('/api/hotlines/AM-TJ/messages?limit=0', p.amDuty);
    expect(bad.status).toBe(400);
    expect((await problem(bad)).fields?.[0].field).toBe('query.limit');
    expect((await get('/api/hotlines/AM-TJ/messages', p.tjDelegate)).status).toBe(404);
    const page = async (who: UserRow, query: string) => {
      const res = await get(`/api/hotlines/AM-TJ/messages?${query}`, who);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        items: { body: string; status: string; abilities: { acknowledge: boolean } }[];
        nextOffset: number | null;
      };
    };
    const all = (await page(p.amHead, 'limit=200')).items.map((m) => m.body);
    const mine = all.filter((b) => b === 'Confidential' || b.startsWith('Paged'));
    expect(mine).toEqual(['Confidential', 'Paged 2', 'Paged 1', 'Paged 0']);
    const head = await page(p.amHead, 'limit=2');
    expect(head.items.map((m) => m.body)).toEqual(all.slice(0, 2));
    expect(head.nextOffset).toBe(2);
    expect((await page(p.amHead, 'limit=2&offset=2')).items.map((m) => m.body)).toEqual(all.slice(2, 4));
    // AM's duty contact is only restricted: the confidential one is not among theirs.
    const duty = await page(p.amDuty, 'waiting=true&limit=200');
    expect(duty.items.map((m) => m.body)).not.toContain('Confidential');
    expect(duty.items.every((m) => m.abilities.acknowledge)).toBe(true);
    // Their window closed 45 minutes ago and no runner has passed yet: overdue.
    expect(duty.items.find((m) => m.body === 'Paged 0')?.status).toBe('overdue');
  });
});

describe('GET /api/hotline-messages/{id}', () => {
  it('401, 400 naming the field, 404 for outsiders, above the level and unknown ids, 200 with its hotline', async () => {
    const m = await buildMessage(t.handle.db, { by: p.tjDuty, body: { body: 'Where a notification leads' } });
    const secret = await buildMessage(t.handle.db, {
      by: p.tjDuty,
      body: { body: 'Confidential', classification: 'confidential' },
    });
    const url = `/api/hotline-messages/${m.id}`;
    expect((await get(url)).status).toBe(401);
    const bad = await get('/api/hotline-messages/not-an-id', p.amDuty);
    expect(bad.status).toBe(400);
    expect((await problem(bad)).fields?.[0].field).toBe('path.id');
    for (const outsider of [p.byHead, p.tjDelegate, p.observer])
      expect((await get(url, outsider)).status).toBe(404);
    expect((await get('/api/hotline-messages/00000000-0000-4000-8000-000000000000', p.amDuty)).status).toBe(
      404,
    );
    // AM's duty contact is restricted: the confidential message is not theirs to read.
    expect((await get(`/api/hotline-messages/${secret.id}`, p.amDuty)).status).toBe(404);
    const res = await get(url, p.amDuty);
    expect(res.status).toBe(200);
    const { message } = (await res.json()) as { message: Record<string, unknown> };
    expect(message).toMatchObject({
      id: m.id,
      hotline: 'AM-TJ',
      body: 'Where a notification leads',
      fromState: 'TJ',
      abilities: { acknowledge: true, reply: true },
    });
    await t.handle.db.transaction().execute((trx) =>
      trx
        .updateTable('hotline_messages')
        .set({
          acknowledged_at: new Date(),
          acknowledged_by: p.amHead.id,
          acknowledged_by_label: p.amHead.username,
        })
        .where('id', 'in', [m.id, secret.id])
        .execute(),
    );
  });
});

describe('POST /api/hotlines/{code}/messages', () => {
  it('401, 400 naming the field, 404 for outsiders, 403 for the secretariat, 201: the record and the other side told', async () => {
    const url = '/api/hotlines/AM-TJ/messages';
    const body = { body: 'Patrol crossing near post 7 at 05:00.', urgency: 'urgent' };
    expect((await post(url, body)).status).toBe(401);
    for (const [input, field] of [
      [{ ...body, body: '  ' }, 'body'],
      [{ ...body, urgency: 'flash' }, 'urgency'],
      [{ ...body, classification: 'public' }, 'classification'],
      [{ ...body, classification: 'confidential' }, 'classification'], // above AM duty's level
      [{ ...body, region: 'nowhere' }, 'region'],
      [{ ...body, reportId: '00000000-0000-4000-8000-000000000000' }, 'reportId'],
      [{ ...body, replyTo: '00000000-0000-4000-8000-000000000000' }, 'replyTo'],
      [{ ...body, extra: 1 }, 'extra'],
    ] as const) {
      const res = await post(url, input, p.amDuty);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect((await problem(res)).fields?.[0].field).toBe(field);
    }
    for (const outsider of [p.byHead, p.tjDelegate, p.observer])
      expect((await post(url, body, outsider)).status).toBe(404);
    expect((await post(url, body, p.secretariat)).status).toBe(403);

    const before = await recordHead(t.handle);
    const res = await post(url, body, p.amDuty);
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: Record<string, string> };
    expect(message).toMatchObject({
      fromState: 'AM',
      toState: 'TJ',
      urgency: 'urgent',
      status: 'waiting',
      classification: 'restricted',
    });
    expect(new Date(message.dueAt).getTime() - new Date(message.sentAt).getTime()).toBe(WINDOW_MS);
    const [entry] = (await recordAfter(t.handle, before)).filter((e) => e.action === 'hotline.message_sent');
    expect(entry).toMatchObject({ subject_id: message.id, classification: 1, audience: ['AM', 'TJ'] });
    expect(entry.payload).toMatchObject({
      hotline: 'AM-TJ',
      bodySha256: sha256(body.body),
      dueAt: message.dueAt,
    });
    expect(JSON.stringify(entry.payload)).not.toContain('post 7');
    const told = await notifications('hotline_message', message.id);
    expect(told).toEqual([
      { user_id: p.tjDuty.id, details: expect.objectContaining({ urgent: true, toState: 'TJ' }) },
    ]);
    // Listed to them through the hotline's notification subject (while they may read the message).
    const listed = (await (await get('/api/notifications', p.tjDuty)).json()) as {
      items: { id: string; kind: string }[];
    };
    expect(listed.items.map((n) => n.kind)).toContain('hotline_message');
  });

  it('409 on a hotline the organisation file no longer lists', async () => {
    await t.handle.db.updateTable('hotlines').set({ active: false }).where('code', '=', 'AM-BY').execute();
    const res = await post('/api/hotlines/AM-BY/messages', { body: 'Hello' }, p.amHead);
    expect(res.status).toBe(409);
    await t.handle.db.updateTable('hotlines').set({ active: true }).where('code', '=', 'AM-BY').execute();
  });
});

describe('acknowledging and replying', () => {
  it('acknowledge: 401, 400, 404, 403 for the sending side, 200 once with the time, then 409', async () => {
    const m = await buildMessage(t.handle.db, { by: p.tjDuty });
    const url = `/api/hotlines/AM-TJ/messages/${m.id}/acknowledge`;
    expect((await post(url, {})).status).toBe(401);
    expect((await post('/api/hotlines/AM-TJ/messages/not-an-id/acknowledge', {}, p.amDuty)).status).toBe(400);
    expect(
      (
        await post(
          '/api/hotlines/AM-TJ/messages/00000000-0000-4000-8000-000000000000/acknowledge',
          {},
          p.amDuty,
        )
      ).status,
    ).toBe(404);
    expect((await post(url, {}, p.byHead)).status).toBe(404);
    expect((await post(`/api/hotlines/AM-BY/messages/${m.id}/acknowledge`, {}, p.amHead)).status).toBe(404);
    // The sending side, and the secretariat, read it but may not acknowledge it.
    expect((await post(url, {}, p.tjHead)).status).toBe(403);
    expect((await post(url, {}, p.secretariat)).status).toBe(403);
    const before = await recordHead(t.handle);
    const res = await post(url, {}, p.amDuty);
    expect(res.status).toBe(200);
    const { message } = (await res.json()) as { message: Record<string, unknown> };
    expect(message).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: p.amDuty.username,
      acknowledgedWithinWindow: true,
    });
    const [entry] = (await recordAfter(t.handle, before)).filter(
      (e) => e.action === 'hotline.message_acknowledged',
    );
    expect(entry.payload).toMatchObject({
      byState: 'AM',
      acknowledgedAt: message.acknowledgedAt,
      withinWindow: true,
    });
    expect(await notifications('hotline_acknowledged', m.id)).toEqual([
      { user_id: p.tjDuty.id, details: expect.objectContaining({ acknowledgedBy: p.amDuty.username }) },
    ]);
    const twice = await post(url, {}, p.amHead);
    expect(twice.status).toBe(409);
    // Acknowledged: never escalated, however late the runner passes.
    expect(
      (await escalateDueMessages(t.handle.db, new Date(Date.now() + 10 * WINDOW_MS))).map((e) => e.id),
    ).not.toContain(m.id);
  });

  it('reply: 401, 400, 404, 201; answering the other side acknowledges its message', async () => {
    const m = await buildMessage(t.handle.db, { by: p.amDuty });
    const url = `/api/hotlines/AM-TJ/messages/${m.id}/replies`;
    expect((await post(url, { body: 'Received.' })).status).toBe(401);
    const bad = await post(url, { body: '' }, p.tjDuty);
    expect(bad.status).toBe(400);
    expect((await problem(bad)).fields?.[0].field).toBe('body');
    expect((await post(url, { body: 'Received.' }, p.tjDelegate)).status).toBe(404);
    expect(
      (
        await post(
          '/api/hotlines/AM-TJ/messages/00000000-0000-4000-8000-000000000000/replies',
          { body: 'x' },
          p.tjDuty,
        )
      ).status,
    ).toBe(404);
    const res = await post(url, { body: 'Received, posts informed.' }, p.tjDuty);
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: Record<string, unknown> };
    expect(message).toMatchObject({ replyTo: m.id, fromState: 'TJ', toState: 'AM', status: 'waiting' });
    const parent = await t.handle.db
      .selectFrom('hotline_messages')
      .selectAll()
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(parent.acknowledged_by).toBe(p.tjDuty.id);
    // The sender's own follow-up does not acknowledge the reply.
    const own = await post(
      `/api/hotlines/AM-TJ/messages/${message.id}/replies`,
      { body: 'And one more thing.' },
      p.tjDuty,
    );
    expect(own.status).toBe(201);
    const reply = await t.handle.db
      .selectFrom('hotline_messages')
      .select('acknowledged_at')
      .where('id', '=', message.id as string)
      .executeTakeFirstOrThrow();
    expect(reply.acknowledged_at).toBeNull();
  });
});

describe('PUT /api/hotlines/{code}/contacts/{state}', () => {
  it("401, 400 naming the username, 404, 403, 200: a side's head replaces its contacts", async () => {
    const url = '/api/hotlines/AM-TJ/contacts/AM';
    const usernames = [p.amDuty.username];
    expect((await post(url, { usernames }, undefined, 'PUT')).status).toBe(401);
    const unknown = await post(url, { usernames: [p.amDuty.username, 'nobody.here'] }, p.amHead, 'PUT');
    expect(unknown.status).toBe(400);
    expect((await problem(unknown)).fields?.[0]).toMatchObject({ field: 'usernames.1' });
    const foreign = await post(url, { usernames: [p.tjDelegate.username] }, p.amHead, 'PUT');
    expect((await problem(foreign)).fields?.[0].reason).toContain("not of AM's delegation");
    expect((await post('/api/hotlines/AM-TJ/contacts/am', { usernames }, p.amHead, 'PUT')).status).toBe(400);
    expect((await post(url, { usernames }, p.byHead, 'PUT')).status).toBe(404);
    expect((await post('/api/hotlines/AM-TJ/contacts/BY', { usernames }, p.amHead, 'PUT')).status).toBe(404);
    expect((await post(url, { usernames }, p.tjHead, 'PUT')).status).toBe(403);
    expect((await post(url, { usernames }, p.amDuty, 'PUT')).status).toBe(403);
    const before = await recordHead(t.handle);
    const res = await post(url, { usernames: [] }, p.amHead, 'PUT');
    expect(res.status).toBe(200);
    // No longer a contact: AM's duty officer no longer reads the hotline.
    expect((await get('/api/hotlines/AM-TJ', p.amDuty)).status).toBe(404);
    expect((await post(url, { usernames }, p.amHead, 'PUT')).status).toBe(200);
    expect((await get('/api/hotlines/AM-TJ', p.amDuty)).status).toBe(200);
    const entries = (await recordAfter(t.handle, before)).filter(
      (e) => e.action === 'hotline.contacts_designated',
    );
    expect(entries.map((e) => e.payload)).toEqual([
      { hotline: 'AM-TJ', state: 'AM', contacts: [], before: [p.amDuty.username] },
      { hotline: 'AM-TJ', state: 'AM', contacts: [p.amDuty.username], before: [] },
    ]);
  });
});

describe('escalation reaches the two states’ systems', () => {
  it('queues one hotline.escalated delivery to each subscribed webhook of the two states', async () => {
    for (const state of ['TJ', 'BY'])
      await t.handle.db
        .insertInto('webhooks')
        .values({
          state_code: state,
          url: 'https://example.org/hook',
          secret: 'whsec_test',
          events: ['hotline.escalated'],
          created_by_label: 'test',
        })
        .execute();
    const m = await buildMessage(t.handle.db, { by: p.amDuty, at: new Date(Date.now() - 2 * WINDOW_MS) });
    await escalateDueMessages(t.handle.db, new Date());
    const deliveries = await t.handle.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select(['webhooks.state_code', 'webhook_deliveries.event', 'webhook_deliveries.data'])
      .where('webhook_deliveries.event', '=', 'hotline.escalated')
      .execute();
    const mine = deliveries.filter((d) => (d.data as { messageId: string }).messageId === m.id);
    expect(mine.map((d) => d.state_code)).toEqual(['TJ']);
    expect(mine[0].data).toMatchObject({ hotline: 'AM-TJ', fromState: 'AM', toState: 'TJ' });
    expect(JSON.stringify(mine[0].data)).not.toContain('post 14');
  });
});

describe('the home page', () => {
  it("lists the messages the person's side must acknowledge, to its contacts and head only", async () => {
    const m = await buildMessage(t.handle.db, {
      by: p.amDuty,
      body: { body: 'Home page check', urgency: 'urgent' },
    });
    const attention = async (who: UserRow) => {
      const res = await get('/api/home', who);
      expect(res.status).toBe(200);
      return (
        (await res.json()) as {
          attention: { kind: string; subjectId: string; details: Record<string, unknown> }[];
        }
      ).attention.filter((i) => i.kind === 'hotline.to_acknowledge');
    };
    const tj = await attention(p.tjDuty);
    expect(tj.find((i) => i.subjectId === m.id)?.details).toMatchObject({
      state: 'AM',
      hotline: 'AM-TJ',
      urgent: true,
    });
    expect((await attention(p.tjHead)).map((i) => i.subjectId)).toContain(m.id);
    for (const other of [p.amDuty, p.tjDelegate, p.secretariat, p.byHead])
      expect((await attention(other)).map((i) => i.subjectId)).not.toContain(m.id);
  });
});
