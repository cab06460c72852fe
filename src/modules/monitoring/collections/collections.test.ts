import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, testContext } from '../../../testing/harness.ts';
import { MONITORING } from '../../directory/organisation-file.fixtures.ts';
import { buildReport, buildReportPeople, type ReportPeople } from '../factories.ts';

// Collections of reports, kept by a delegation or the secretariat and read by all members;
// each reader sees only the reports of a collection they may read. Saved filters are a
// person's own.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

interface CollectionJson {
  id: string;
  name: string;
  ownerState: string | null;
  reports: number;
  abilities: { manage: boolean };
}
const call = (who: keyof ReportPeople, path: string, method = 'GET', json?: unknown) =>
  t.request(path, { method, as: p[who], json });

describe('report collections', () => {
  it('kept by the delegation that made it; members read it, only its keepers change it; counts per reader', async () => {
    const made = await call('byHead', '/api/report-collections', 'POST', { name: 'Southern border, 2026' });
    expect(made.status).toBe(201);
    const { collection } = (await made.json()) as { collection: CollectionJson };
    expect(collection).toMatchObject({ ownerState: 'BY', reports: 0, abilities: { manage: true } });
    expect(
      (await call('amHead', '/api/report-collections', 'POST', { name: 'southern border, 2026' })).status,
    ).toBe(409);

    const own = await buildReport(t.handle, { by: p.byFocal });
    const published = await buildReport(t.handle, {
      by: p.monitor,
      reviewer: p.reviewer,
      status: 'published',
    });
    const draft = await buildReport(t.handle, { by: p.byFocal, status: 'draft' });
    const amOnly = await buildReport(t.handle, { by: p.amHead });
    const add = (ids: string[], who: keyof ReportPeople = 'byHead') =>
      call(who, `/api/report-collections/${collection.id}/reports`, 'POST', { add: ids });
    expect((await add([own.id, published.id])).status).toBe(200);
    // A draft, or a report BY may not read, is refused naming it.
    const refused = await add([own.id, draft.id]);
    expect(
      ((await refused.json()) as { error: { fields: { field: string; reason: string }[] } }).error.fields[0],
    ).toEqual({
      field: 'add.1',
      reason: 'is not a report you may read',
    });
    expect((await add([amOnly.id])).status).toBe(400);
    expect((await add([published.id], 'amHead')).status).toBe(403);

    const countFor = async (who: keyof ReportPeople) =>
      (
        (await (await call(who, `/api/report-collections/${collection.id}`)).json()) as {
          collection: CollectionJson;
        }
      ).collection.reports;
    expect(await countFor('byHead')).toBe(2);
    // AM reads the collection, but only the published report of it.
    expect(await countFor('amHead')).toBe(1);
    const listed = (await (await call('amHead', `/api/reports?collection=${collection.id}`)).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((r) => r.id)).toEqual([published.id]);
    expect((await call('observer', `/api/report-collections/${collection.id}`)).status).toBe(404);

    expect((await call('amHead', `/api/report-collections/${collection.id}`, 'DELETE')).status).toBe(403);
    expect((await call('byHead', `/api/report-collections/${collection.id}`, 'DELETE')).status).toBe(204);
    expect((await call('byHead', `/api/report-collections/${collection.id}`)).status).toBe(404);
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select('action')
      .where('subject_id', '=', collection.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'report.collection_created',
      'report.collection_changed',
      'report.collection_deleted',
    ]);
  });
});

describe('saved filters', () => {
  it('saved by name (again: replaced), listed for their person only, forgotten', async () => {
    const save = (name: string, filter: unknown) =>
      call('monitor', '/api/me/report-filters', 'POST', { name, filter });
    expect((await save('South, battles', { region: ['south'], category: ['battles'] })).status).toBe(200);
    const again = await save('South, battles', { region: ['south'], status: ['submitted'] });
    const { filter } = (await again.json()) as { filter: { id: string; filter: Record<string, unknown> } };
    expect(filter.filter).toEqual({ region: ['south'], status: ['submitted'] });
    const bad = await save('Broken', { status: ['lost'] });
    expect(((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
      'filter.status.0',
    );
    const mine = (await (await call('monitor', '/api/me/report-filters')).json()) as {
      items: { id: string }[];
    };
    expect(mine.items.map((f) => f.id)).toEqual([filter.id]);
    expect(
      ((await (await call('reviewer', '/api/me/report-filters')).json()) as { items: unknown[] }).items,
    ).toEqual([]);
    expect((await call('reviewer', `/api/me/report-filters/${filter.id}`, 'DELETE')).status).toBe(404);
    expect((await call('monitor', `/api/me/report-filters/${filter.id}`, 'DELETE')).status).toBe(204);
  });
});
