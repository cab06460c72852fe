import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { buildReport, buildReportPeople, type ReportPeople } from './factories.ts';

// A report's files: whoever may correct it adds and removes them; they are read with the
// report, and withheld with its source below its protection (listed as none, 404 to download),
// the record entry naming the file classified at the protection level.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

const PHOTO = {
  filename: 'post-7.txt',
  contentType: 'text/plain',
  dataBase64: Buffer.from('burnt truck').toString('base64'),
};
const attach = (id: string, as: UserRow) =>
  t.request(`/api/reports/${id}/attachments`, { method: 'POST', as, json: PHOTO });
const files = async (id: string, as: UserRow) =>
  (
    (await (await t.request(`/api/reports/${id}`, { as })).json()) as {
      report: { attachments: { id: string }[] };
    }
  ).report.attachments;

describe('report attachments', () => {
  it('the author attaches while submitted, the reviewers during review and after; other states read them once published', async () => {
    const row = await buildReport(t.handle, { by: p.byFocal });
    const added = await attach(row.id, p.byFocal);
    expect(added.status).toBe(201);
    const { attachment } = (await added.json()) as { attachment: { id: string; filename: string } };
    expect(attachment.filename).toBe('post-7.txt');
    expect((await files(row.id, p.byHead)).map((f) => f.id)).toEqual([attachment.id]);
    // Another member state does not read the unpublished report, nor its file.
    expect(
      (await t.request(`/api/reports/${row.id}/attachments/${attachment.id}`, { as: p.amHead })).status,
    ).toBe(404);
    expect((await attach(row.id, p.amHead)).status).toBe(404);

    // Under review the author no longer changes it; the reviewer does.
    await t.request(`/api/reports/${row.id}/review`, { method: 'POST', as: p.reviewer });
    expect((await attach(row.id, p.byFocal)).status).toBe(403);
    expect((await attach(row.id, p.reviewer)).status).toBe(201);
    await t.request(`/api/reports/${row.id}/verify`, { method: 'POST', as: p.reviewer });
    await t.request(`/api/reports/${row.id}/publish`, {
      method: 'POST',
      as: p.reviewer,
      json: { to: 'members' },
    });
    // Published, the reviewers still correct it (as ACLED updates in place), files included;
    // every member state now reads them, but only the reviewers add one.
    expect((await attach(row.id, p.reviewer)).status).toBe(201);
    expect((await attach(row.id, p.amHead)).status).toBe(403);
    expect(await files(row.id, p.amHead)).toHaveLength(3);
    const download = await t.request(`/api/reports/${row.id}/attachments/${attachment.id}`, { as: p.amHead });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('burnt truck');

    // The record names each file with the report's reference.
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['action', 'payload'])
      .where('subject_id', '=', row.id)
      .where('action', 'like', 'report.attachment%')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(Array(3).fill('report.attachment_added'));
    expect(entries[0].payload).toMatchObject({ reference: row.reference, filename: 'post-7.txt' });
  });

  it('below a report protection its files are withheld with its source: none listed, 404 to download, the entry classified at the protection', async () => {
    const row = await buildReport(t.handle, {
      by: p.byFocal,
      reviewer: p.reviewer,
      status: 'under_review',
      body: { classification: 'public', protection: 'secret' },
    });
    // The focal point (confidential) wrote it and sees it whole; the secret-cleared reviewer too.
    const added = await attach(row.id, p.reviewer);
    expect(added.status).toBe(201);
    const { attachment } = (await added.json()) as { attachment: { id: string } };
    expect(await files(row.id, p.byFocal)).toHaveLength(1);
    // The monitor (confidential) reads the report, without who reported, where exactly, or the file.
    expect(await files(row.id, p.monitor)).toEqual([]);
    expect(
      (await t.request(`/api/reports/${row.id}/attachments/${attachment.id}`, { as: p.monitor })).status,
    ).toBe(404);
    // Nor may they add one: who corrects must see what protection withholds.
    expect((await attach(row.id, p.monitor)).status).toBe(403);
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select('classification')
      .where('subject_id', '=', row.id)
      .where('action', '=', 'report.attachment_added')
      .executeTakeFirstOrThrow();
    expect(entry.classification).toBe(3);
  });

  it('bad files answer 400 naming the field', async () => {
    const row = await buildReport(t.handle, { by: p.byFocal });
    const bad = await t.request(`/api/reports/${row.id}/attachments`, {
      method: 'POST',
      as: p.byFocal,
      json: { filename: 'x.exe', contentType: 'application/x-msdownload', dataBase64: 'TVo=' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('contentType');
  });
});
