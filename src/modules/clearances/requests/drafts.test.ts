import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import type { UserRow } from '../../../db/schema.ts';
import { recordAfter, recordHead, type TestContext, testContext } from '../../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, requestBody } from '../../../testing/simulations/clearances.ts';
import { buildClearancePeople, type ClearancePeople } from '../factories.ts';
import { clearanceSubjects } from '../record-subjects.ts';

// A draft clearance request is its requesting state's alone until it is submitted: the
// states on its route (and the secretariat) get 404 for it and everything about it (its
// versions, files, certificate, legs), find it in no list or search, are told of it in no
// notification, and read none of the record's entries about it. Once submitted they do.

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

interface Listed {
  items: { id: string }[];
}

/** What one person gets for the request and everything about it, as statuses and list hits. */
async function whatSees(as: UserRow, id: string, reference: string, attachmentId: string) {
  const status = async (path: string) => (await t.request(path, { as })).status;
  const listed = async (query: string) =>
    ((await (await t.request(`/api/clearances?${query}`, { as })).json()) as Listed).items.some(
      (r) => r.id === id,
    );
  const notifications = (await (await t.request('/api/notifications', { as })).json()) as {
    items: { subjectId?: string; subject?: { id: string } }[];
    unread: number;
  };
  const named = await clearanceSubjects.clearance_request(t.handle.db, personFromRow(as), [id]);
  return {
    request: await status(`/api/clearances/${id}`),
    version: await status(`/api/clearances/${id}/versions/1`),
    attachment: await status(`/api/clearances/${id}/attachments/${attachmentId}`),
    export: await status(`/api/clearances/${id}/export`),
    listed: await listed('limit=200'),
    searched: await listed(`q=${encodeURIComponent(reference)}`),
    notified: notifications.unread,
    named: named.has(id),
  };
}

const HIDDEN = {
  request: 404,
  version: 404,
  attachment: 404,
  export: 404,
  listed: false,
  searched: false,
  notified: 0,
  named: false,
};

describe('a draft clearance request', () => {
  it("is the requesting state's alone until submitted, then the route states and the secretariat see it", async () => {
    const head = await recordHead(t.handle);
    const created = await t.request('/api/clearances', {
      method: 'POST',
      as: p.byDelegate,
      json: requestBody({ title: 'Draft convoy' }),
    });
    expect(created.status).toBe(201);
    const { request } = (await created.json()) as {
      request: { id: string; reference: string; status: string };
    };
    expect(request.status).toBe('draft');
    const { id, reference } = request;
    const put = await t.request(`/api/clearances/${id}`, {
      method: 'PUT',
      as: p.byDelegate,
      json: (({ classification: _c, ...envelope }) => envelope)(
        requestBody({ title: 'Draft convoy, again' }),
      ),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const added = await t.request(`/api/clearances/${id}/attachments`, {
      method: 'POST',
      as: p.byDelegate,
      json: order,
    });
    expect(added.status).toBe(201);
    const { attachment } = (await added.json()) as { attachment: { id: string } };
    // A notification about the draft (none is sent, but one must never leak its name either).
    await t.handle.db
      .insertInto('notifications')
      .values(
        [p.ruHead, p.byHead].map((u) => ({
          user_id: u.id,
          kind: 'request_cleared',
          subject_type: 'clearance_request',
          subject_id: id,
          details: JSON.stringify({}),
          dedupe_key: `draft-test:${u.id}`,
        })),
      )
      .execute();

    // The requesting state's other members see it.
    expect((await t.request(`/api/clearances/${id}`, { as: p.byHead })).status).toBe(200);
    expect(await whatSees(p.byHead, id, reference, attachment.id)).toMatchObject({
      request: 200,
      attachment: 200,
      listed: true,
      searched: true,
      notified: 1,
      named: true,
    });
    // The route states and the secretariat: nothing.
    for (const as of [p.ruHead, p.ruContact, p.kzHead, p.admin, p.staff])
      expect(await whatSees(as, id, reference, attachment.id), as.username).toEqual(HIDDEN);
    // Nor may they act on it.
    for (const [path, json] of [
      [`/api/clearances/${id}/legs/RU/decision`, { decision: 'approve' }],
      [`/api/clearances/${id}/legs/RU/questions`, { question: 'Which road?' }],
    ] as const)
      expect((await t.request(path, { method: 'POST', as: p.ruHead, json })).status, path).toBe(404);

    // Every record entry about the draft: the requesting state only.
    const draftEntries = (await recordAfter(t.handle, head)).filter((e) => e.subject_id === id);
    expect(draftEntries.map((e) => [e.action, e.audience])).toEqual([
      ['clearance.requested', ['BY']],
      ['clearance.draft_updated', ['BY']],
      ['clearance.attachment_added', ['BY']],
    ]);

    const afterDraft = await recordHead(t.handle);
    const submitted = await t.request(`/api/clearances/${id}/submit`, { method: 'POST', as: p.byDelegate });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    for (const as of [p.ruHead, p.kzHead, p.admin])
      expect(await whatSees(as, id, reference, attachment.id), as.username).toMatchObject({
        request: 200,
        version: 200,
        attachment: 200,
        listed: true,
        searched: true,
        named: true,
      });
    // The notification written about the draft is now shown, beside the leg that arrived.
    expect((await whatSees(p.ruHead, id, reference, attachment.id)).notified).toBe(2);
    const submittedEntries = (await recordAfter(t.handle, afterDraft)).filter((e) => e.subject_id === id);
    expect(submittedEntries.map((e) => e.action)).toContain('clearance.submitted');
    for (const e of submittedEntries) expect(e.audience, e.action).toEqual(['BY', 'RU', 'KZ']);
  });

  it('created and submitted at once: its entries are the route states’ from the start', async () => {
    const head = await recordHead(t.handle);
    const created = await t.request('/api/clearances', {
      method: 'POST',
      as: p.byDelegate,
      json: { ...requestBody(), submit: true },
    });
    expect(created.status).toBe(201);
    const { request } = (await created.json()) as { request: { id: string } };
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.subject_id === request.id);
    expect(entries.map((e) => e.action).slice(0, 2)).toEqual(['clearance.requested', 'clearance.submitted']);
    for (const e of entries) expect(e.audience, e.action).toEqual(['BY', 'RU', 'KZ']);
    expect((await t.request(`/api/clearances/${request.id}`, { as: p.ruHead })).status).toBe(200);
  });

  it('withdrawn before submission, it stays the requesting state’s alone', async () => {
    const created = await t.request('/api/clearances', {
      method: 'POST',
      as: p.byDelegate,
      json: requestBody(),
    });
    const { request } = (await created.json()) as { request: { id: string } };
    const head = await recordHead(t.handle);
    const withdrawn = await t.request(`/api/clearances/${request.id}/withdraw`, {
      method: 'POST',
      as: p.byDelegate,
      json: { reason: 'Not needed' },
    });
    expect(withdrawn.status).toBe(200);
    expect((await t.request(`/api/clearances/${request.id}`, { as: p.ruHead })).status).toBe(404);
    expect((await t.request(`/api/clearances/${request.id}`, { as: p.byHead })).status).toBe(200);
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.subject_id === request.id);
    expect(entries.map((e) => [e.action, e.audience])).toEqual([['clearance.withdrawn', ['BY']]]);
  });
});
