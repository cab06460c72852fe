import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { buildReport, buildReportPeople, type ReportPeople, reportBody } from './factories.ts';

// Filing a report through the API: what it keeps, where it is placed, what the record says,
// and the input refused with the field named.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

interface ReportJson {
  id: string;
  reference: string;
  version: number;
  status: string;
  region: string | null;
  point: { latitude: number; longitude: number; precision: string } | null;
  place: { name: string; distanceKm: number | null; direction: string | null } | null;
  reporter: { name: string; state: string | null } | null;
  source: { name: string | null; reliability: string; credibility: number };
  withheld: boolean;
  abilities: Record<string, boolean>;
}
const file = (as: keyof ReportPeople, body: Record<string, unknown>) =>
  t.request('/api/reports', { method: 'POST', as: p[as], json: body });
async function problem(res: Response) {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: { fields: { field: string; reason: string }[] } }).error.fields[0];
}

describe('POST /api/reports', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/reports', { method: 'POST', json: reportBody() })).status).toBe(401);
  });

  it('201: a draft with its reference, placed in the region whose outline holds the point; version 1 kept; the record names it', async () => {
    const res = await file('byFocal', reportBody({ region: null }));
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as { report: ReportJson };
    expect(report).toMatchObject({
      status: 'draft',
      version: 1,
      region: 'south',
      point: { latitude: 37.345678, longitude: 69.012345, precision: 'exact' },
      place: { name: 'Pyanj', distanceKm: 4, direction: 'SE' },
      reporter: { state: 'BY' },
      withheld: false,
      abilities: { correct: true, submit: true, review: false, publish: false },
    });
    expect(report.reference).toMatch(/^R-\d{4}-\d{5}$/);

    const versions = await t.handle.db
      .selectFrom('report_versions')
      .selectAll()
      .where('report_id', '=', report.id)
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1]);
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['action', 'audience', 'payload', 'classification'])
      .where('subject_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('report.filed');
    // Unpublished: the author's state alone (and the secretariat) reads it.
    expect(entry.audience).toEqual(['BY']);
    expect(entry.classification).toBe(1);
    // The record proves the content by its hash; it never carries the place or the source.
    const payload = JSON.stringify(entry.payload);
    expect(payload).not.toContain('37.34');
    expect(payload).not.toContain('Village elder');
    expect(entry.payload).toMatchObject({ reference: report.reference, version: 1, status: 'draft' });
  });

  it('a point outside every outline, with no region named, stays without a region; a region may be named alone', async () => {
    const outside = await file(
      'monitor',
      reportBody({ point: { latitude: 10, longitude: 10 }, place: null }),
    );
    expect(((await outside.json()) as { report: ReportJson }).report.region).toBeNull();
    const named = await file('monitor', reportBody({ point: null, place: null, region: 'border' }));
    expect(named.status).toBe(201);
    expect(((await named.json()) as { report: ReportJson }).report).toMatchObject({
      region: 'border',
      point: null,
    });
  });

  it('400 naming the field: coordinates out of range, a time in the future, an unknown category or region, no place at all', async () => {
    expect(
      await problem(await file('byFocal', reportBody({ point: { latitude: 91, longitude: 69 } }))),
    ).toEqual({
      field: 'point.latitude',
      reason: 'must be between -90 and 90',
    });
    expect(
      (await problem(await file('byFocal', reportBody({ point: { latitude: 37, longitude: -181 } })))).field,
    ).toBe('point.longitude');
    const future = await problem(
      await file('byFocal', reportBody({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() })),
    );
    expect(future.field).toBe('occurredAt');
    expect(future.reason).toMatch(/in the future/);
    expect(
      (await problem(await file('byFocal', reportBody({ occurredAt: '1980-01-01T00:00:00Z' })))).field,
    ).toBe('occurredAt');
    expect(await problem(await file('byFocal', reportBody({ category: 'riots' })))).toEqual({
      field: 'category',
      reason: 'is not a category of the organisation file',
    });
    expect((await problem(await file('byFocal', reportBody({ region: 'north' })))).field).toBe('region');
    expect(
      (await problem(await file('byFocal', reportBody({ point: null, place: null, region: null })))).field,
    ).toBe('point');
    expect(
      (await problem(await file('byFocal', reportBody({ place: { name: 'Pyanj', distanceKm: 4 } })))).field,
    ).toBe('place.direction');
    expect((await problem(await file('byFocal', reportBody({ source: { reliability: 'G' } })))).field).toBe(
      'source.reliability',
    );
  });

  it('400: a classification above the author, a protection not above the classification', async () => {
    expect((await problem(await file('byFocal', reportBody({ classification: 'secret' })))).field).toBe(
      'classification',
    );
    const protection = await problem(
      await file('byFocal', reportBody({ classification: 'confidential', protection: 'restricted' })),
    );
    expect(protection.field).toBe('protection');
    expect(protection.reason).toMatch(/above the classification/);
  });

  it('403 for an observer; nothing written', async () => {
    const before = await t.handle.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await file('observer', reportBody())).status).toBe(404);
    const after = await t.handle.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('reading reports', () => {
  it('a draft is its author’s alone; submitted: the secretariat and the author’s state; published: every member', async () => {
    const draft = await buildReport(t.handle, { by: p.byFocal, status: 'draft' });
    const submitted = await buildReport(t.handle, { by: p.byFocal });
    const published = await buildReport(t.handle, {
      by: p.byFocal,
      reviewer: p.reviewer,
      status: 'published',
    });
    const status = async (as: keyof ReportPeople, id: string) =>
      (await t.request(`/api/reports/${id}`, { as: p[as] })).status;
    expect([
      await status('byFocal', draft.id),
      await status('byHead', draft.id),
      await status('reviewer', draft.id),
    ]).toEqual([200, 404, 404]);
    expect([
      await status('byHead', submitted.id),
      await status('reviewer', submitted.id),
      await status('amHead', submitted.id),
    ]).toEqual([200, 200, 404]);
    expect([await status('amHead', published.id), await status('observer', published.id)]).toEqual([
      200, 404,
    ]);
    // A list holds what the reader may read, and nothing else.
    const listed = async (as: keyof ReportPeople) => {
      const res = await t.request('/api/reports?limit=500', { as: p[as] });
      return new Set(((await res.json()) as { items: ReportJson[] }).items.map((r) => r.id));
    };
    const am = await listed('amHead');
    expect([am.has(draft.id), am.has(submitted.id), am.has(published.id)]).toEqual([false, false, true]);
    const by = await listed('byHead');
    expect([by.has(draft.id), by.has(submitted.id), by.has(published.id)]).toEqual([false, true, true]);
  });

  it('published to the partners: an observer reads it, within their access level', async () => {
    const toPartners = await buildReport(t.handle, {
      by: p.monitor,
      reviewer: p.reviewer,
      status: 'published',
      to: 'partners',
    });
    expect((await t.request(`/api/reports/${toPartners.id}`, { as: p.observer })).status).toBe(200);
    const confidential = await buildReport(t.handle, {
      by: p.monitor,
      reviewer: p.reviewer,
      status: 'published',
      body: { classification: 'confidential' },
    });
    expect((await t.request(`/api/reports/${confidential.id}`, { as: p.amHead })).status).toBe(200);
    expect((await t.request(`/api/reports/${confidential.id}`, { as: p.tjPublic })).status).toBe(404);
  });

  it('400 for a malformed id or filter, 404 for an unknown id', async () => {
    expect((await t.request('/api/reports/nope', { as: p.monitor })).status).toBe(400);
    expect(
      (await t.request('/api/reports/00000000-0000-4000-8000-000000000000', { as: p.monitor })).status,
    ).toBe(404);
    expect((await t.request('/api/reports?status=lost', { as: p.monitor })).status).toBe(400);
    const bbox = await t.request('/api/reports?bbox=70,38,68,95', { as: p.monitor });
    expect(await problem(bbox)).toMatchObject({ field: 'query.bbox' });
  });
});
