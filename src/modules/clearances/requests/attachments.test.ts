import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext } from '../../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, errorOf, requestBody } from '../../../testing/simulations/clearances.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from '../factories.ts';

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

const order = {
  filename: 'movement order.txt',
  contentType: 'text/plain',
  dataBase64: Buffer.from('Order 17').toString('base64'),
};

describe('attachments of a clearance request', () => {
  it('the requester attaches a file every state on the route can download; the record names it', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const head = await recordHead(t.handle);
    const added = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: order,
      as: p.byDelegate,
    });
    expect(added.status).toBe(201);
    const { attachment } = (await added.json()) as {
      attachment: { id: string; sizeBytes: number; sha256: string };
    };
    expect(attachment.sizeBytes).toBe(8);
    // (The first request as a person also records the API token the harness made for them.)
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('clearance.'));
    expect(entries.map((e) => e.action)).toEqual(['clearance.attachment_added']);
    expect(entries[0].audience).toEqual(['BY', 'RU', 'KZ']);
    expect((entries[0].payload as { sha256: string }).sha256).toBe(attachment.sha256);

    const view = await t.request(`/api/clearances/${r.id}`, { as: p.kzHead });
    const { request } = (await view.json()) as {
      request: { attachments: { filename: string }[]; abilities: { attach: boolean } };
    };
    expect(request.attachments.map((a) => a.filename)).toEqual(['movement order.txt']);
    expect(request.abilities.attach).toBe(false);

    const file = await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, { as: p.ruHead });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await file.text()).toBe('Order 17');
    // A state not concerned: 404 for the file as for the request.
    expect(
      (await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, { as: p.amHead })).status,
    ).toBe(404);
  });

  it('a state on the route may not attach or remove (403); bad files are 400; a withdrawn request is 409', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const refused = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: order,
      as: p.ruHead,
    });
    expect(refused.status).toBe(403);
    const bad = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: { ...order, contentType: 'text/html' },
      as: p.byDelegate,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('contentType');
    const added = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: order,
      as: p.byDelegate,
    });
    const { attachment } = (await added.json()) as { attachment: { id: string } };
    expect(
      (
        await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, {
          method: 'DELETE',
          as: p.ruHead,
        })
      ).status,
    ).toBe(403);
    await t.request(`/api/clearances/${r.id}/withdraw`, {
      method: 'POST',
      json: { reason: 'cancelled' },
      as: p.byDelegate,
    });
    const late = await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, {
      method: 'DELETE',
      as: p.byDelegate,
    });
    expect(late.status).toBe(409);
  });

  it('the requester removes a file while the request is alive', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const added = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: order,
      as: p.byDelegate,
    });
    const { attachment } = (await added.json()) as { attachment: { id: string } };
    const removed = await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, {
      method: 'DELETE',
      as: p.byDelegate,
    });
    expect(removed.status).toBe(204);
    expect(
      (await t.request(`/api/clearances/${r.id}/attachments/${attachment.id}`, { as: p.byDelegate })).status,
    ).toBe(404);
  });

  it('a version may name only files attached to its request', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const added = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      json: order,
      as: p.byDelegate,
    });
    const { attachment } = (await added.json()) as { attachment: { id: string } };
    const { framework: _f, urgency: _u, classification: _c, ...content } = requestBody();
    const amend = (attachments: string[]) =>
      t.request(`/api/clearances/${r.id}/amend`, {
        method: 'POST',
        json: { ...content, attachments },
        as: p.byDelegate,
      });
    const stranger = randomUUID();
    const refused = await amend([stranger]);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).fields).toEqual([
      { field: 'attachments.0', reason: `${stranger} is not a file attached to this request` },
    ]);
    expect((await amend([attachment.id])).status).toBe(200);
    // A new request has no files yet: it cannot name one.
    const created = await t.request('/api/clearances', {
      method: 'POST',
      json: { ...requestBody(), attachments: [attachment.id] },
      as: p.byDelegate,
    });
    expect(created.status).toBe(400);
  });
});
