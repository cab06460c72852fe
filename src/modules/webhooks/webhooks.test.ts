import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookAllowedHost } from '../../config.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, recordAfter, recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { type ClearanceEvent, publishClearanceEvent } from '../clearances/events.ts';
import { buildClearanceRows } from '../clearances/notify-factories.ts';
import { RecordSequencer } from '../ledger/index.ts';
import { deliverDue, retryDelaySeconds, WebhookRunner } from './deliver.ts';
import { startReceiver } from './receiver.ts';
import { MAX_ATTEMPTS } from './schema.ts';

// Webhooks against a real HTTP receiver on 127.0.0.1, which the operator allows
// (ACCORD_WEBHOOK_ALLOW_HOSTS: a loopback address is refused otherwise, see target.test.ts):
// the API, the outbox (queued with the change, sent after commit), signatures, retries with
// back-off, redelivery.

let t: TestContext;
let admin: UserRow;
let byHead: UserRow;
let amHead: UserRow;
let byDelegate: UserRow;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let allowHosts: WebhookAllowedHost[];

beforeAll(async () => {
  receiver = await startReceiver();
  allowHosts = [{ host: '127.0.0.1', port: Number(new URL(receiver.url).port) }];
  t = await testContext(undefined, { webhookAllowHosts: allowHosts });
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  byHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY' });
  amHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'AM' });
  byDelegate = await buildUser(t.handle, { role: 'delegate', stateCode: 'BY' });
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

interface WebhookJson {
  webhook: { id: string; url: string; events: string[]; active: boolean };
  secret: string;
}

async function addWebhook(state: string, as: UserRow, json: Record<string, unknown> = {}) {
  const res = await t.request(`/api/delegations/${state}/webhooks`, {
    method: 'POST',
    as,
    json: { url: receiver.url, ...json },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as WebhookJson;
}

const publish = (event: ClearanceEvent) =>
  t.handle.db.transaction().execute((trx) => publishClearanceEvent(trx, event));

/** What a receiver does: HMAC-SHA256 of "<timestamp>.<body>" with the secret, compared in constant time. */
function verify(secret: string, headers: Record<string, string | string[] | undefined>, body: string) {
  const expected = `sha256=${createHmac('sha256', secret).update(`${headers['x-accord-timestamp']}.${body}`).digest('hex')}`;
  const given = String(headers['x-accord-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function deliveriesOf(webhookId: string) {
  return t.handle.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at')
    .execute();
}

async function removeAll() {
  await t.handle.db.deleteFrom('webhooks').execute();
  receiver.received.length = 0;
  receiver.answer(200);
}

describe('managing webhooks', () => {
  it('the head of delegation adds one: the secret is shown once, the record never holds it', async () => {
    const head = await recordHead(t.handle);
    const { webhook, secret } = await addWebhook('BY', byHead, { events: ['leg_decided', 'leg_arrived'] });
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({
      url: receiver.url,
      events: ['leg_arrived', 'leg_decided'],
      active: true,
    });
    const list = await t.request('/api/delegations/BY/webhooks', { as: byHead });
    const text = await list.text();
    expect(list.status).toBe(200);
    expect(text).not.toContain(secret);
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('webhook.'));
    expect(entries.map((e) => [e.action, e.audience])).toEqual([['webhook.created', ['BY']]]);
    expect(JSON.stringify(entries[0].payload)).not.toContain(secret);

    const patch = await t.request(`/api/delegations/BY/webhooks/${webhook.id}`, {
      method: 'PATCH',
      as: admin,
      json: { active: false, rotateSecret: true },
    });
    expect(patch.status).toBe(200);
    const patched = (await patch.json()) as { webhook: { active: boolean }; secret: string };
    expect(patched.webhook.active).toBe(false);
    expect(patched.secret).not.toBe(secret);
    const del = await t.request(`/api/delegations/BY/webhooks/${webhook.id}`, {
      method: 'DELETE',
      as: byHead,
    });
    expect(del.status).toBe(200);
    const after = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('webhook.'));
    expect(after.map((e) => e.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.deleted']);
    expect(JSON.stringify(after.map((e) => e.payload))).not.toContain(patched.secret);
  });

  it('anyone but that head or a secretariat administrator: 404', async () => {
    const { webhook } = await addWebhook('BY', byHead);
    for (const as of [byDelegate, amHead]) {
      expect((await t.request('/api/delegations/BY/webhooks', { as })).status).toBe(404);
      const res = await t.request(`/api/delegations/BY/webhooks/${webhook.id}/deliveries`, { as });
      expect(res.status).toBe(404);
      const post = await t.request('/api/delegations/BY/webhooks', {
        method: 'POST',
        as,
        json: { url: receiver.url },
      });
      expect(post.status).toBe(404);
    }
    // Another state's webhook through one's own state: 404 too.
    expect(
      (await t.request(`/api/delegations/AM/webhooks/${webhook.id}/deliveries`, { as: amHead })).status,
    ).toBe(404);
    expect((await t.request('/api/delegations/BY/webhooks')).status).toBe(401);
    await removeAll();
  });

  it('400 for plain http to another host, an unknown event, an unknown field', async () => {
    for (const [json, field] of [
      [{ url: 'http://national.example.org/hook' }, 'url'],
      [{ url: 'ftp://127.0.0.1/x' }, 'url'],
      [{ url: receiver.url, events: ['nothing'] }, 'events.0'],
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: receiver.url, secret: 'mine' }, 'secret'],
    ] as const) {
      const res = await t.request('/api/delegations/BY/webhooks', { method: 'POST', as: byHead, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      const body = (await res.json()) as { error: { fields: { field: string }[] } };
      expect(body.error.fields.map((f) => f.field)).toContain(field);
    }
  });
});

describe('delivering', () => {
  it('after commit, signed, to the states the event concerns only', async () => {
    const by = await addWebhook('BY', byHead);
    const am = await addWebhook('AM', amHead);
    const c = await buildClearanceRows(t.handle, { requestingState: 'BY', route: ['AM', 'TJ'] });
    // A leg of AM arrived: AM only, not the requesting state BY.
    await publish(c.arrived('AM'));
    expect(await deliveriesOf(by.webhook.id)).toEqual([]);
    const results = await deliverDue(t.handle.db, new Date(), { allowHosts });
    expect(results.map((r) => r.outcome)).toEqual(['delivered']);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(verify(am.secret, got.headers, got.body)).toBe(true);
    expect(verify(by.secret, got.headers, got.body)).toBe(false);
    const body = JSON.parse(got.body);
    const [delivery] = await deliveriesOf(am.webhook.id);
    expect(got.headers['x-accord-delivery']).toBe(delivery.id);
    expect(got.headers['x-accord-event']).toBe('leg_arrived');
    expect(body).toMatchObject({
      id: delivery.id,
      event: 'leg_arrived',
      occurredAt: c.base.at.toISOString(),
      data: { requestId: c.request.id, state: 'AM', legId: c.leg('AM').id, requestingState: 'BY' },
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200 });
    // The request cleared: the requesting state and the route both.
    await publish({ ...c.base, kind: 'request_cleared', verificationCode: 'CODE' });
    await deliverDue(t.handle.db, new Date(), { allowHosts });
    expect(receiver.received.map((r) => r.headers['x-accord-event'])).toEqual([
      'leg_arrived',
      'request_cleared',
      'request_cleared',
    ]);
    await removeAll();
  });

  it('a rolled-back change delivers nothing', async () => {
    const { webhook } = await addWebhook('AM', amHead);
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await publishClearanceEvent(trx, c.arrived('AM'));
        throw new Error('the command failed afterwards');
      }),
    ).rejects.toThrow(/failed afterwards/);
    expect(await deliverDue(t.handle.db, new Date(), { allowHosts })).toEqual([]);
    expect(await deliveriesOf(webhook.id)).toEqual([]);
    expect(receiver.received).toEqual([]);
    await removeAll();
  });

  it('a 500 is retried after 30 s, then delivered; every attempt is logged and visible', async () => {
    const { webhook } = await addWebhook('AM', amHead);
    receiver.answer(500, 200);
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish(c.arrived('AM'));
    const now = new Date();
    const first = await deliverDue(t.handle.db, now, { clock: () => now, allowHosts });
    expect(first.map((r) => [r.outcome, r.statusCode])).toEqual([['retry', 500]]);
    const [queued] = await deliveriesOf(webhook.id);
    expect(queued.status).toBe('pending');
    expect(queued.next_attempt_at!.getTime() - now.getTime()).toBe(30_000);
    // Not before it is due.
    expect(await deliverDue(t.handle.db, new Date(now.getTime() + 29_000), { allowHosts })).toEqual([]);
    const later = new Date(now.getTime() + 30_000);
    const second = await deliverDue(t.handle.db, later, { clock: () => later, allowHosts });
    expect(second.map((r) => [r.outcome, r.statusCode, r.attempt])).toEqual([['delivered', 200, 2]]);
    // Both attempts carried the same delivery id.
    expect(new Set(receiver.received.map((r) => r.headers['x-accord-delivery'])).size).toBe(1);
    const res = await t.request(`/api/delegations/AM/webhooks/${webhook.id}/deliveries`, { as: amHead });
    expect(res.status).toBe(200);
    const list = (await res.json()) as {
      items: {
        status: string;
        attemptLog: { statusCode: number | null; error: string | null; durationMs: number }[];
      }[];
    };
    expect(list.items[0].status).toBe('delivered');
    expect(list.items[0].attemptLog.map((a) => [a.statusCode, a.error])).toEqual([
      [500, 'answered 500'],
      [200, null],
    ]);
    await removeAll();
  });

  it('the back-off schedule, and failed after the last attempt; then redelivered by hand', async () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds)).toEqual([30, 120, 600, 3600, 21600, 21600, 21600]);
    const { webhook } = await addWebhook('AM', amHead);
    receiver.answer(503);
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish(c.arrived('AM'));
    let now = new Date();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const [r] = await deliverDue(t.handle.db, now, { clock: () => now, allowHosts });
      expect(r.outcome).toBe(i < MAX_ATTEMPTS ? 'retry' : 'failed');
      const [d] = await deliveriesOf(webhook.id);
      if (d.next_attempt_at) now = d.next_attempt_at;
    }
    const [failed] = await deliveriesOf(webhook.id);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      next_attempt_at: null,
      last_status_code: 503,
    });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);

    receiver.answer(200);
    const res = await t.request(`/api/delegations/AM/deliveries/${failed.id}/redeliver`, {
      method: 'POST',
      as: amHead,
    });
    expect(res.status).toBe(202);
    const again = await t.request(`/api/delegations/AM/deliveries/${failed.id}/redeliver`, {
      method: 'POST',
      as: amHead,
    });
    expect(again.status).toBe(409);
    // Another state's head may not.
    expect(
      (
        await t.request(`/api/delegations/BY/deliveries/${failed.id}/redeliver`, {
          method: 'POST',
          as: byHead,
        })
      ).status,
    ).toBe(404);
    const [r] = await deliverDue(t.handle.db, new Date(), { allowHosts });
    expect(r).toMatchObject({ deliveryId: failed.id, outcome: 'delivered', attempt: 1 });
    const attempts = await t.handle.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', '=', failed.id)
      .execute();
    expect(attempts).toHaveLength(MAX_ATTEMPTS + 1);
    await removeAll();
  });

  it('an inactive webhook or one not subscribed gets nothing; the test event reaches it anyway', async () => {
    const { webhook, secret } = await addWebhook('AM', amHead, { events: ['request_cleared'] });
    const off = await addWebhook('AM', amHead, { active: false });
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish(c.arrived('AM'));
    expect(await deliverDue(t.handle.db, new Date(), { allowHosts })).toEqual([]);
    const res = await t.request(`/api/delegations/AM/webhooks/${webhook.id}/test`, {
      method: 'POST',
      as: amHead,
    });
    expect(res.status).toBe(202);
    await deliverDue(t.handle.db, new Date(), { allowHosts });
    expect(receiver.received.map((r) => r.headers['x-accord-event'])).toEqual(['ping']);
    expect(verify(secret, receiver.received[0].headers, receiver.received[0].body)).toBe(true);
    expect(await deliveriesOf(off.webhook.id)).toEqual([]);
    await removeAll();
  });

  it('the runner delivers once the change commits, woken by the wake-up the sequencer of the record sends', async () => {
    await addWebhook('AM', amHead);
    const runner = new WebhookRunner(t.handle, { maxSleepMs: 60_000, allowHosts });
    await runner.start();
    // The wake-up reaches the runner through the record's sequencer, as in accord serve.
    const sequencer = new RecordSequencer(t.handle);
    await sequencer.start();
    try {
      const c = await buildClearanceRows(t.handle, { route: ['AM'] });
      await publish(c.arrived('AM'));
      for (let i = 0; i < 100 && receiver.received.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(receiver.received.map((r) => r.headers['x-accord-event'])).toEqual(['leg_arrived']);
    } finally {
      await runner.stop();
      await sequencer.stop();
    }
    await removeAll();
  });
});
