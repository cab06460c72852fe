import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { CLEARANCE_ORGANISATION } from '../../testing/simulations/clearances.ts';
import {
  buildClearancePeople,
  buildClearanceRequest,
  type ClearancePeople,
} from '../clearances/factories.ts';
import { buildProposal } from '../decisions/factories.ts';
import { checkContent } from './sniff.ts';

// One table and one code path for every module's files: the content is checked against the
// declared type, a file belongs to one subject, and a subject's module decides who may do what.

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64');
/** The smallest files with a real signature of each kind. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('content checked against the declared type', () => {
  it('accepts a file that is what it says', async () => {
    await expect(checkContent(PNG, 'image/png')).resolves.toBeUndefined();
    await expect(checkContent(PDF, 'application/pdf')).resolves.toBeUndefined();
    await expect(
      checkContent(Buffer.from('Приказ № 17\nOrder 17\r\n\tend'), 'text/plain'),
    ).resolves.toBeUndefined();
    await expect(checkContent(Buffer.from('# Note\n\n- one'), 'text/markdown')).resolves.toBeUndefined();
  });

  it('refuses a picture called a PDF, a PDF called text, binary called text, and an unknown blob, naming dataBase64', async () => {
    const cases: [Buffer, Parameters<typeof checkContent>[1], RegExp][] = [
      [PNG, 'application/pdf', /image\/png, not the declared application\/pdf/],
      [PDF, 'text/plain', /application\/pdf, not the declared text\/plain/],
      [Buffer.from([0x41, 0x00, 0x42, 0x01]), 'text/plain', /binary data/],
      [Buffer.from([0x61, 0xc3, 0x28, 0x62]), 'text/csv', /binary data/],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf', /not recognised/],
    ];
    for (const [data, declared, reason] of cases) {
      const error = await checkContent(data, declared).then(
        () => null,
        (e: { status?: number; fields: { field: string; reason: string }[] }) => e,
      );
      expect(error?.fields[0].field, declared).toBe('dataBase64');
      expect(error?.fields[0].reason).toMatch(reason);
    }
  });
});

describe('files of proposals and clearance requests through the same routes', () => {
  let t: TestContext;
  let p: ClearancePeople;
  beforeAll(async () => {
    t = await testContext(CLEARANCE_ORGANISATION);
    p = await buildClearancePeople(t.handle);
  });
  afterAll(() => t.close());

  it('a mislabelled file is refused over HTTP with 400 naming dataBase64, and nothing is recorded or stored', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    await t.request(`/api/clearances/${r.id}`, { as: p.byDelegate }); // the harness records its API token first
    const head = await recordHead(t.handle);
    const res = await t.request(`/api/clearances/${r.id}/attachments`, {
      method: 'POST',
      as: p.byDelegate,
      json: { filename: 'order.pdf', contentType: 'application/pdf', dataBase64: b64(PNG) },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields: { field: string }[] } };
    expect(error.fields[0].field).toBe('dataBase64');
    expect(await recordHead(t.handle)).toBe(head);
    const stored = await t.handle.db
      .selectFrom('attachments')
      .select('id')
      .where('subject_id', '=', r.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it("a file is its subject's alone: another subject's path answers 404, whatever the caller may read", async () => {
    const first = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const second = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const added = await t.request(`/api/clearances/${first.id}/attachments`, {
      method: 'POST',
      as: p.byDelegate,
      json: { filename: 'order.pdf', contentType: 'application/pdf', dataBase64: b64(PDF) },
    });
    expect(added.status).toBe(201);
    const { attachment } = (await added.json()) as { attachment: { id: string; addedBy: string } };
    expect(attachment.addedBy).toBeTruthy();
    const url = (id: string) => `/api/clearances/${id}/attachments/${attachment.id}`;
    expect((await t.request(url(first.id), { as: p.byDelegate })).status).toBe(200);
    expect((await t.request(url(second.id), { as: p.byDelegate })).status).toBe(404);
    expect((await t.request(url(second.id), { method: 'DELETE', as: p.byDelegate })).status).toBe(404);
    // Nor through a proposal's path: the same id under another subject type is not found.
    const proposal = await buildProposal(t.handle, {});
    expect(
      (await t.request(`/api/proposals/${proposal.id}/attachments/${attachment.id}`, { as: p.admin })).status,
    ).toBe(404);
    const rows = await t.handle.db
      .selectFrom('attachments')
      .select(['subject_type', 'subject_id'])
      .where('id', '=', attachment.id)
      .execute();
    expect(rows).toEqual([{ subject_type: 'clearance_request', subject_id: first.id }]);
  });
});
