import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, type TestContext, testContext } from '../../testing/harness.ts';
import { sendTestEvent } from './commands.ts';
import { deliverDue, NO_ANSWER, NOT_RESOLVED, post } from './deliver.ts';
import { startReceiver } from './receiver.ts';
import { refusedAddress } from './target.ts';

// Webhooks go to public addresses only, unless the operator allows the host
// (ACCORD_WEBHOOK_ALLOW_HOSTS): refused at registration and again at delivery, after
// resolving the name, connecting then to the address checked; and the deliveries log says
// no more of a failure than a delegation needs, so it cannot scan ports.

let t: TestContext;
let byHead: UserRow;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let port: number;

beforeAll(async () => {
  receiver = await startReceiver();
  port = Number(new URL(receiver.url).port);
  // No host allowed: the operator's default.
  t = await testContext();
  byHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY' });
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

describe('refusedAddress', () => {
  it('refuses loopback, private, link-local, shared, multicast, broadcast and reserved ranges', () => {
    for (const [address, what] of [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['10.20.30.40', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['100.127.255.254', 'carrier-grade NAT'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.250', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['0:0:0:0:0:0:0:1', 'loopback'],
      ['fc00::1', 'unique local'],
      ['fd12:3456::1', 'unique local'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::127.0.0.1', 'loopback'],
      ['64:ff9b::a9fe:a9fe', 'link-local'],
      ['2002:c0a8:0101::1', 'private'],
    ] as const) {
      expect(refusedAddress(address), address).toContain(what);
    }
  });

  it('accepts public unicast addresses', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.215.14',
      '172.15.255.255',
      '172.32.0.1',
      '100.63.255.255',
      '100.128.0.1',
      '169.253.0.1',
      '11.0.0.1',
      '2606:4700:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '2002:0808:0808::1',
    ]) {
      expect(refusedAddress(address), address).toBeNull();
    }
  });
});

describe('ACCORD_WEBHOOK_ALLOW_HOSTS', () => {
  it('names hosts, with or without a port, IPv6 in brackets', () => {
    expect(
      loadConfig({ ACCORD_WEBHOOK_ALLOW_HOSTS: ' Gateway.Internal , 127.0.0.1:9000,[::1]:8443,' })
        .webhookAllowHosts,
    ).toEqual([
      { host: 'gateway.internal', port: null },
      { host: '127.0.0.1', port: 9000 },
      { host: '::1', port: 8443 },
    ]);
    expect(loadConfig({}).webhookAllowHosts).toEqual([]);
    for (const bad of ['http://gateway', 'gateway:0', 'gateway:70000', '::1:80'])
      expect(() => loadConfig({ ACCORD_WEBHOOK_ALLOW_HOSTS: bad }), bad).toThrow(
        /ACCORD_WEBHOOK_ALLOW_HOSTS/,
      );
  });
});

async function register(url: string) {
  const res = await t.request('/api/delegations/BY/webhooks', { method: 'POST', as: byHead, json: { url } });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { fields: { field: string; reason: string }[] } },
  };
}

describe('registering a webhook', () => {
  it('400 naming url and why for loopback, private, link-local and metadata addresses, and names resolving to them', async () => {
    for (const [url, reason] of [
      ['https://127.0.0.1/hook', 'is a loopback address'],
      [`https://127.0.0.1:${port}/hook`, 'is a loopback address'],
      ['https://10.1.2.3/hook', 'is a private address'],
      ['https://192.168.0.10/hook', 'is a private address'],
      ['https://169.254.169.254/latest/meta-data/', 'is a link-local address'],
      ['https://[::1]/hook', 'is a loopback address'],
      ['https://[::ffff:127.0.0.1]/hook', 'is a loopback address'],
      ['https://[fd00::1]/hook', 'is a private address'],
      ['https://0.0.0.0/hook', 'is an unspecified address'],
      // The URL parser's other spellings of 127.0.0.1.
      ['https://2130706433/hook', 'is a loopback address'],
      ['https://0x7f.1/hook', 'is a loopback address'],
      // A name: resolved, and every address it gives is checked.
      ['https://localhost/hook', 'resolves to a loopback address'],
      [`https://localhost:${port}/hook`, 'resolves to a loopback address'],
      // Plain http only to a host the operator allows.
      [receiver.url, 'must be https'],
      ['http://national.example.org/hook', 'must be https'],
    ] as const) {
      const { status, body } = await register(url);
      expect(status, url).toBe(400);
      expect(body.error?.fields, url).toEqual([{ field: 'url', reason: expect.stringContaining(reason) }]);
    }
    expect(await t.handle.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
  });

  it('a change of URL is checked the same way', async () => {
    const [row] = await insertWebhooks(['https://national.example.by/accord']);
    const res = await t.request(`/api/delegations/BY/webhooks/${row.id}`, {
      method: 'PATCH',
      as: byHead,
      json: { url: 'https://169.254.169.254/latest/meta-data/' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields).toEqual([
      { field: 'url', reason: expect.stringContaining('link-local') },
    ]);
    await t.handle.db.deleteFrom('webhooks').execute();
  });

  it('a host the operator allows may be registered, by plain http too', async () => {
    const allowing = await testContext(undefined, {
      webhookAllowHosts: [
        { host: '127.0.0.1', port },
        { host: 'localhost', port: null },
      ],
    });
    try {
      const head = await buildUser(allowing.handle, { role: 'head_of_delegation', stateCode: 'BY' });
      for (const [url, status] of [
        [receiver.url, 201],
        [`http://localhost:${port + 1}/hook`, 201],
        // Another port of an address allowed with a port: still refused.
        [`http://127.0.0.1:${port + 1}/hook`, 400],
      ] as const) {
        const res = await allowing.request('/api/delegations/BY/webhooks', {
          method: 'POST',
          as: head,
          json: { url },
        });
        expect(res.status, url).toBe(status);
      }
    } finally {
      await allowing.close();
    }
  });
});

/** Webhooks as they may stand in the database: registered before the rule, or allowed then. */
async function insertWebhooks(urls: string[]) {
  return t.handle.db
    .insertInto('webhooks')
    .values(
      urls.map((url) => ({
        state_code: 'BY',
        url,
        secret: 'whsec_test',
        events: ['leg_arrived'],
        active: true,
        description: null,
        created_by: null,
        created_by_label: 'test',
      })),
    )
    .returningAll()
    .execute();
}

async function ping(webhookIds: string[]) {
  for (const id of webhookIds)
    await t.handle.db.transaction().execute((trx) => sendTestEvent(trx, systemActor('test'), 'BY', id));
}

describe('delivering', () => {
  it('refuses, after resolving, every address that is not public: failed at once, logged as refused, nothing sent', async () => {
    const rows = await insertWebhooks([
      receiver.url,
      `https://127.0.0.1:${port}/hook`,
      'https://10.0.0.7/hook',
      'https://169.254.169.254/latest/meta-data/',
      `https://[::1]:${port}/hook`,
      `http://localhost:${port}/hook`,
      `https://localhost:${port}/hook`,
    ]);
    await ping(rows.map((r) => r.id));
    const results = await deliverDue(t.handle.db, new Date());
    expect(results).toHaveLength(rows.length);
    for (const r of results) {
      expect(r).toMatchObject({ outcome: 'failed', statusCode: null, durationMs: 0 });
      expect(r.error).toMatch(/^refused: /);
    }
    expect(receiver.received).toEqual([]);
    const deliveries = await t.handle.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'last_error', 'next_attempt_at'])
      .execute();
    expect(deliveries.every((d) => d.status === 'failed' && d.next_attempt_at === null)).toBe(true);
    expect(deliveries.every((d) => d.last_error?.startsWith('refused: '))).toBe(true);

    // The deliveries log, as the delegation reads it.
    const res = await t.request(`/api/delegations/BY/webhooks/${rows[0].id}/deliveries`, { as: byHead });
    const list = (await res.json()) as { items: { attemptLog: { error: string }[] }[] };
    expect(list.items[0].attemptLog.map((a) => a.error)).toEqual([
      'refused: the address is not public and the operator does not allow it',
    ]);

    // Once the operator allows the receiver, a redelivery reaches it.
    const [delivery] = await t.handle.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', '=', rows[0].id)
      .execute();
    const again = await t.request(`/api/delegations/BY/deliveries/${delivery.id}/redeliver`, {
      method: 'POST',
      as: byHead,
    });
    expect(again.status).toBe(202);
    const [r] = await deliverDue(t.handle.db, new Date(), { allowHosts: [{ host: '127.0.0.1', port }] });
    expect(r).toMatchObject({ outcome: 'delivered', statusCode: 200 });
    expect(receiver.received).toHaveLength(1);
    receiver.received.length = 0;
    await t.handle.db.deleteFrom('webhooks').execute();
  });

  it('connects to the address it checked, never asking DNS again (no rebinding)', async () => {
    // The name does not resolve at all: the request still reaches the address given.
    const sent = await post(
      new URL(`http://rebinding.invalid:${port}/hook`),
      { 'content-type': 'application/json' },
      '{}',
      { address: '127.0.0.1', family: 4 },
    );
    expect(sent).toEqual({ statusCode: 200 });
    expect(receiver.received.map((r) => r.headers.host)).toEqual([`rebinding.invalid:${port}`]);
    receiver.received.length = 0;
  });

  it('the log tells no socket details: a closed port and a dropped connection read alike, with no duration', async () => {
    const closed = await freePort();
    const dropping = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const droppingPort = (dropping.address() as { port: number }).port;
    try {
      const rows = await insertWebhooks([
        `http://127.0.0.1:${closed}/hook`,
        `http://127.0.0.1:${droppingPort}/hook`,
        'https://no-such-host.invalid/hook',
      ]);
      await ping(rows.map((r) => r.id));
      const results = await deliverDue(t.handle.db, new Date(), {
        allowHosts: [{ host: '127.0.0.1', port: null }],
      });
      const byWebhook = new Map(
        (await t.handle.db.selectFrom('webhook_deliveries').select(['id', 'webhook_id']).execute()).map(
          (d) => [d.webhook_id, d.id],
        ),
      );
      const of = (i: number) => results.find((r) => r.deliveryId === byWebhook.get(rows[i].id))!;
      expect([of(0), of(1)].map((r) => [r.outcome, r.statusCode, r.error, r.durationMs])).toEqual([
        ['retry', null, NO_ANSWER, 0],
        ['retry', null, NO_ANSWER, 0],
      ]);
      expect(of(2)).toMatchObject({ outcome: 'retry', error: NOT_RESOLVED, durationMs: 0 });
      const errors = await t.handle.db.selectFrom('webhook_attempts').select('error').execute();
      expect(JSON.stringify(errors)).not.toMatch(/ECONN|refused|reset|timeout|EAI|ENOTFOUND/i);
    } finally {
      await new Promise<void>((resolve) => dropping.close(() => resolve()));
      await t.handle.db.deleteFrom('webhooks').execute();
    }
  });
});

/** A port nothing listens on: taken, then given back. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}
