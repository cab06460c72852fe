import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { MAX_ATTACHMENT_BYTES } from '../attachments/index.ts';
import { buildDecisionPeople, buildProcedure, buildProposal, type DecisionPeople } from './factories.ts';
import { errorOf } from './test-support.ts';

let t: TestContext;
let p: DecisionPeople;

beforeAll(async () => {
  // Room for a file just over 5 MiB, so that the schema and not the body limit refuses it.
  t = await testContext(undefined, { bodyLimit: 8 * 1024 * 1024 });
  p = await buildDecisionPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0x80]);
const file = (overrides: Record<string, unknown> = {}) => ({
  filename: 'Справка (v2).pdf',
  contentType: 'application/pdf',
  dataBase64: bytes.toString('base64'),
  ...overrides,
});
const attach = (proposalId: string, json: unknown, as = p.byHead) =>
  t.request(`/api/proposals/${proposalId}/attachments`, { method: 'POST', json, as });

describe('proposal attachments', () => {
  it('upload, list, download the same bytes with safe headers, remove; each change recorded', async () => {
    const proposal = await buildProposal(t.handle, {
      by: p.byHead,
      body: 'committee',
      classification: 'restricted',
    });
    const head = await recordHead(t.handle);
    const res = await attach(proposal.id, file());
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { id: string; sha256: string } };
    expect(attachment).toMatchObject({
      filename: 'Справка (v2).pdf',
      sizeBytes: 8,
      contentType: 'application/pdf',
    });
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['proposal.attachment_added']);
    expect(entries[0]).toMatchObject({ subject_id: proposal.id, classification: 1, audience: ['AM', 'BY'] });
    expect(entries[0].payload).toMatchObject({
      filename: 'Справка (v2).pdf',
      sizeBytes: 8,
      sha256: attachment.sha256,
    });

    const page = await t.request(`/api/proposals/${proposal.id}`, { as: p.amHead });
    expect(((await page.json()) as { proposal: { attachments: unknown[] } }).proposal.attachments).toEqual([
      expect.objectContaining({ id: attachment.id, sizeBytes: 8 }),
    ]);
    const url = `/api/proposals/${proposal.id}/attachments/${attachment.id}`;
    const download = await t.request(url, { as: p.amHead });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Справка')}%20%28v2%29.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await t.request(url, { as: p.tjHead })).status).toBe(404); // TJ does not sit in the committee

    expect((await t.request(url, { method: 'DELETE', as: p.amHead })).status).toBe(403);
    expect((await t.request(url, { method: 'DELETE', as: p.byHead })).status).toBe(204);
    expect((await recordAfter(t.handle, head)).map((e) => e.action)).toEqual([
      'proposal.attachment_added',
      'proposal.attachment_removed',
    ]);
    expect((await t.request(url, { as: p.byHead })).status).toBe(404);
  });

  it("a confidential proposal's attachment is 404 below that access level", async () => {
    const proposal = await buildProposal(t.handle, { body: 'committee', classification: 'confidential' });
    const res = await attach(proposal.id, file(), p.admin);
    const { attachment } = (await res.json()) as { attachment: { id: string } };
    const url = `/api/proposals/${proposal.id}/attachments/${attachment.id}`;
    expect((await t.request(url, { as: p.byHead })).status).toBe(200);
    expect((await t.request(url, { as: p.byDelegate })).status).toBe(404); // restricted access level
    expect((await t.request(url, { as: p.staff })).status).toBe(404);
  });

  it('400 naming the field for a forbidden type, an oversized file or a path as a name', async () => {
    const proposal = await buildProposal(t.handle, { by: p.byHead, body: 'committee' });
    const oversized = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1).toString('base64');
    for (const [field, body] of [
      ['contentType', file({ contentType: 'text/html' })],
      ['dataBase64', file({ dataBase64: oversized })],
      ['filename', file({ filename: '../etc/passwd' })],
    ] as const) {
      const res = await attach(proposal.id, body);
      expect(res.status, field).toBe(400);
      expect((await errorOf(res)).fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('409 while a procedure is open, recording nothing', async () => {
    const procedure = await buildProcedure(t.handle, { proposal: { by: p.byHead, body: 'committee' } });
    const head = await recordHead(t.handle);
    const res = await attach(procedure.proposal_id, file());
    expect(res.status).toBe(409);
    expect(await recordHead(t.handle)).toBe(head);
  });
});
