import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { buildReport, buildReportPeople, type ReportPeople, reportBody } from './factories.ts';

// A report's way through review: the steps and who may take them, corrections with every
// version kept, duplicates merged, the review queue, and what protection withholds.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

type Who = keyof ReportPeople;
interface ReportJson {
  id: string;
  reference: string;
  version: number;
  status: string;
  title: string;
  point: { latitude: number; longitude: number; precision: string } | null;
  place: unknown;
  reporter: { name: string } | null;
  source: { name: string | null };
  withheld: boolean;
  publishedTo: string | null;
  duplicateOf: string | null;
}
const post = (who: Who, path: string, json: unknown = {}) =>
  t.request(path, { method: 'POST', as: p[who], json });
const read = async (who: Who, id: string) =>
  ((await (await t.request(`/api/reports/${id}`, { as: p[who] })).json()) as { report: ReportJson }).report;
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('review steps', () => {
  it('submit -> review -> verify -> publish, each recorded; the audience opens at publication', async () => {
    const r = await buildReport(t.handle, { by: p.byFocal, status: 'draft' });
    expect((await post('byFocal', `/api/reports/${r.id}/submit`)).status).toBe(200);
    expect((await post('reviewer', `/api/reports/${r.id}/review`)).status).toBe(200);
    expect((await post('reviewer', `/api/reports/${r.id}/verify`)).status).toBe(200);
    const published = await post('reviewer', `/api/reports/${r.id}/publish`, { to: 'members' });
    expect(published.status).toBe(200);
    expect(((await published.json()) as { report: ReportJson }).report).toMatchObject({
      status: 'published',
      publishedTo: 'members',
    });
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['action', 'audience', 'payload'])
      .where('subject_id', '=', r.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.action, (e.payload as { to?: string }).to ?? null, e.audience])).toEqual([
      ['report.filed', null, ['BY']],
      ['report.status_changed', 'submitted', ['BY']],
      ['report.status_changed', 'under_review', ['BY']],
      ['report.status_changed', 'verified', ['BY']],
      ['report.status_changed', 'published', null],
    ]);
  });

  it('four eyes: an author who reviews may not review their own report (403); a member state may not review (403)', async () => {
    const own = await buildReport(t.handle, { by: p.monitor });
    const res = await post('monitor', `/api/reports/${own.id}/verify`);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).not.toMatch(/[a-z][A-Z]/);
    const byReport = await buildReport(t.handle, { by: p.byFocal });
    expect((await post('byHead', `/api/reports/${byReport.id}/verify`)).status).toBe(403);
    expect((await post('amHead', `/api/reports/${byReport.id}/verify`)).status).toBe(404);
  });

  it('409 naming where the report stands for a step out of turn; 400 for an archive without a reason', async () => {
    const r = await buildReport(t.handle, { by: p.byFocal });
    const early = await post('reviewer', `/api/reports/${r.id}/publish`, { to: 'members' });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).message).toMatch(/is submitted/);
    const noReason = await post('reviewer', `/api/reports/${r.id}/archive`, {});
    expect(noReason.status).toBe(400);
    expect(
      (await post('reviewer', `/api/reports/${r.id}/archive`, { reason: 'Out of the area' })).status,
    ).toBe(200);
    expect((await post('reviewer', `/api/reports/${r.id}/verify`)).status).toBe(409);
    expect((await read('reviewer', r.id)).status).toBe('archived');
  });
});

describe('corrections', () => {
  it('a new version each time, on the version read (409 else), with a reason once submitted; every version kept', async () => {
    const r = await buildReport(t.handle, { by: p.byFocal });
    const put = (who: Who, body: Record<string, unknown>) =>
      t.request(`/api/reports/${r.id}`, { method: 'PUT', as: p[who], json: body });
    const noReason = await put('byFocal', { ...reportBody(), version: 1, title: 'Fire exchanged' });
    expect(noReason.status).toBe(400);
    expect(
      ((await noReason.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field,
    ).toBe('reason');
    expect(
      (await put('byFocal', { ...reportBody(), version: 1, title: 'Fire exchanged', reason: 'Better title' }))
        .status,
    ).toBe(200);
    const stale = await put('byFocal', { ...reportBody(), version: 1, title: 'Stale', reason: 'x' });
    expect(stale.status).toBe(409);
    // In review, only the reviewers correct it; the fatalities fall to the lower figure.
    expect((await post('reviewer', `/api/reports/${r.id}/review`)).status).toBe(200);
    expect((await put('byFocal', { ...reportBody(), version: 2, reason: 'x' })).status).toBe(403);
    const corrected = await put('reviewer', {
      ...reportBody(),
      title: 'Fire exchanged',
      fatalities: 0,
      version: 2,
      reason: 'The hospital confirms no deaths',
    });
    expect(corrected.status).toBe(200);
    const versions = await t.request(`/api/reports/${r.id}/versions`, { as: p.byHead });
    const items = (
      (await versions.json()) as {
        items: { version: number; title: string; fatalities: number; reason: string | null }[];
      }
    ).items;
    expect(items.map((v) => [v.version, v.title, v.fatalities, v.reason])).toEqual([
      [1, 'Exchange of fire at the border post', 1, null],
      [2, 'Fire exchanged', 1, 'Better title'],
      [3, 'Fire exchanged', 0, 'The hospital confirms no deaths'],
    ]);
  });
});

describe('protecting sources', () => {
  it('below the protection level: no reporter, no source name, no named place, the point on the district grid; in lists and versions too', async () => {
    const r = await buildReport(t.handle, {
      by: p.byFocal,
      reviewer: p.reviewer,
      status: 'published',
      body: { protection: 'confidential' },
    });
    // TJ's delegate reads public reports only; this one is restricted.
    expect((await t.request(`/api/reports/${r.id}`, { as: p.tjPublic })).status).toBe(404);
    const junior = await read('juniorReviewer', r.id);
    expect(junior).toMatchObject({
      withheld: true,
      reporter: null,
      place: null,
      source: { name: null },
      point: { latitude: 37.3, longitude: 69, precision: 'district' },
    });
    const full = await read('amHead', r.id);
    expect(full).toMatchObject({
      withheld: false,
      reporter: { name: expect.any(String) },
      source: { name: 'Village elder' },
    });
    expect(full.point?.latitude).toBe(37.345678);

    const versions = await t.request(`/api/reports/${r.id}/versions`, { as: p.juniorReviewer });
    const [first] = (
      (await versions.json()) as { items: { point: { latitude: number }; changedBy: string | null }[] }
    ).items;
    expect(first).toMatchObject({ point: { latitude: 37.3 }, changedBy: null });

    // A box around the exact point, but not its district's rounded one, finds it only for
    // those who see the exact point: narrowing boxes cannot give it away.
    const box = '/api/reports?bbox=69.01,37.34,69.02,37.35';
    const ids = async (who: Who) =>
      ((await (await t.request(box, { as: p[who] })).json()) as { items: ReportJson[] }).items.map(
        (x) => x.id,
      );
    expect(await ids('amHead')).toContain(r.id);
    expect(await ids('juniorReviewer')).not.toContain(r.id);
    // Nor may they correct what they cannot see.
    const put = await t.request(`/api/reports/${r.id}`, {
      method: 'PUT',
      as: p.juniorReviewer,
      json: { ...reportBody(), version: 1, reason: 'x' },
    });
    expect(put.status).toBe(403);
  });
});

describe('duplicates and the queue', () => {
  it('a duplicate is archived pointing at the report kept, and leaves the lists', async () => {
    const kept = await buildReport(t.handle, { by: p.byFocal, body: { title: 'Shelling near the post' } });
    const dup = await buildReport(t.handle, { by: p.monitor, body: { title: 'Shelling reported' } });
    expect((await post('reviewer', `/api/reports/${dup.id}/merge`, { into: dup.id })).status).toBe(400);
    const res = await post('reviewer', `/api/reports/${dup.id}/merge`, {
      into: kept.id,
      reason: 'Same event',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { report: ReportJson }).report).toMatchObject({
      status: 'archived',
      duplicateOf: kept.id,
    });
    const listed = (
      (await (await t.request('/api/reports?q=Shelling', { as: p.reviewer })).json()) as {
        items: ReportJson[];
      }
    ).items;
    expect(listed.map((x) => x.id)).toEqual([kept.id]);
    const into = await post('reviewer', `/api/reports/${kept.id}/merge`, { into: dup.id });
    expect(into.status).toBe(400);
  });

  it('the queue: what waits, oldest first, with how long; counts for the reviewer; the author state sees its own', async () => {
    const now = Date.now();
    const older = await buildReport(t.handle, { by: p.byFocal, now: new Date(now - 5 * 3_600_000) });
    const newer = await buildReport(t.handle, { by: p.monitor, now: new Date(now - 3_600_000) });
    const res = await t.request('/api/reports/queue', { as: p.reviewer });
    expect(res.status).toBe(200);
    const queue = (await res.json()) as {
      items: { report: ReportJson; waitingSeconds: number }[];
      submitted: number;
      oldestWaitingSeconds: number;
    };
    const ids = queue.items.map((i) => i.report.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const waited = queue.items.find((i) => i.report.id === older.id)!.waitingSeconds;
    expect(waited).toBeGreaterThanOrEqual(5 * 3600);
    expect(queue.oldestWaitingSeconds).toBeGreaterThanOrEqual(waited);
    expect(queue.submitted).toBeGreaterThanOrEqual(2);
    const am = (
      (await (await t.request('/api/reports/queue', { as: p.amHead })).json()) as { items: unknown[] }
    ).items;
    expect(am).toEqual([]);
  });
});
