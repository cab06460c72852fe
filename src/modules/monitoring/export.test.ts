import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { CSV_COLUMNS } from './export.ts';
import { buildReport, buildReportPeople, type ReportPeople } from './factories.ts';

// The exports (CSV with ACLED's columns, GeoJSON) and the clustered map: every report the
// reader may read, page after page, with what protection withholds still withheld.

let t: TestContext;
let p: ReportPeople;
let protectedId: string;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
  const r = await buildReport(t.handle, {
    by: p.byFocal,
    reviewer: p.reviewer,
    status: 'published',
    body: { protection: 'confidential', title: '=HYPERLINK("http://evil")', actors: ['A', 'B', 'C', 'D'] },
  });
  protectedId = r.id;
  await buildReport(t.handle, {
    by: p.monitor,
    reviewer: p.reviewer,
    status: 'published',
    body: { point: null, place: null, region: 'border' },
  });
  // 2,100 more published reports, written straight in the table: more than two pages of the export.
  await sql`insert into reports (reference, status, author_id, author_label, reporter_role, title, category_code,
      occurred_at, time_precision, latitude, longitude, location_precision, region_code, classification,
      published_to, published_at, submitted_at)
    select 'R-1999-' || lpad(i::text, 5, '0'), 'published', ${p.monitor.id}, 'Monitor', 'monitor', 'Bulk ' || i,
      'border-incident', now() - i * interval '1 minute', 'exact', 37 + (i % 10) * 0.01, 69 + (i % 7) * 0.01,
      'exact', 'south', 0, 'members', now(), now()
    from generate_series(1, 2100) i`.execute(t.handle.db);
});
afterAll(() => t.close());

describe('GET /api/reports/export', () => {
  it('CSV: ACLED columns, every report on every page, formulas disarmed, withheld for a reader below the protection', async () => {
    const res = await t.request('/api/reports/export?format=csv', { as: p.juniorReviewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="accord-reports-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const records = parseCsv(await res.text());
    expect(records[0].fields).toEqual([...CSV_COLUMNS]);
    expect(records.length - 1).toBe(2102);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const row = records.find((r) => r.fields[col('title')].includes('HYPERLINK'))!.fields;
    expect(row[col('title')]).toBe(`'=HYPERLINK("http://evil")`);
    expect([row[col('event_type')], row[col('sub_event_type')]]).toEqual(['Battles', 'Armed clash']);
    expect([row[col('actor1')], row[col('actor2')], row[col('assoc_actor_1')]]).toEqual(['A', 'B', 'C; D']);
    expect([row[col('latitude')], row[col('longitude')], row[col('geo_precision')]]).toEqual([
      '37.3',
      '69',
      '2',
    ]);
    expect([row[col('location')], row[col('source')], row[col('location_withheld')]]).toEqual([
      '',
      '',
      'true',
    ]);
  });

  it('GeoJSON: a feature per report with a point, [longitude, latitude]; filters apply', async () => {
    const res = await t.request('/api/reports/export?format=geojson&q=HYPERLINK', { as: p.amHead });
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const doc = (await res.json()) as {
      type: string;
      features: { id: string; geometry: { coordinates: number[] } }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.map((f) => f.id)).toEqual([protectedId]);
    expect(doc.features[0].geometry.coordinates).toEqual([69.012345, 37.345678]);
    const all = (await (await t.request('/api/reports/export?format=geojson', { as: p.amHead })).json()) as {
      features: unknown[];
    };
    expect(all.features).toHaveLength(2101);
  });

  it('401 without credentials; 400 naming a bad format or box', async () => {
    expect((await t.request('/api/reports/export')).status).toBe(401);
    const res = await t.request('/api/reports/export?format=xls', { as: p.amHead });
    expect(res.status).toBe(400);
    const box = await t.request('/api/reports/export?bbox=0,50,10,40', { as: p.amHead });
    expect(((await box.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
      'query.bbox',
    );
  });
});

describe('GET /api/reports/map', () => {
  it('clusters that add up to the reports with a point, one report naming itself; regions counted with or without a point', async () => {
    const res = await t.request('/api/reports/map?cells=8&bbox=60,30,80,45', { as: p.amHead });
    expect(res.status).toBe(200);
    const map = (await res.json()) as {
      clusters: { count: number; reportId: string | null; latitude: number; longitude: number }[];
      regions: { region: string; count: number }[];
      total: number;
      cellDegrees: number;
    };
    expect(map.cellDegrees).toBe(2.5);
    expect(map.total).toBe(2101);
    expect(map.clusters.reduce((n, c) => n + c.count, 0)).toBe(2101);
    expect(map.clusters.length).toBeLessThan(5);
    expect(map.regions).toEqual(
      expect.arrayContaining([
        { region: 'south', count: 2101 },
        { region: 'border', count: 1 },
      ]),
    );

    const fine = (await (
      await t.request('/api/reports/map?cells=400&bbox=69.0,37.3,69.1,37.4&q=HYPERLINK', { as: p.amHead })
    ).json()) as typeof map;
    expect(fine.clusters).toEqual([
      { latitude: 37.345678, longitude: 69.012345, count: 1, fatalities: 1, reportId: protectedId },
    ]);
    // Below the protection level the point is counted at its rounded place.
    const low = (await (
      await t.request('/api/reports/map?cells=400&bbox=68.9,37.2,69.1,37.4&q=HYPERLINK', {
        as: p.juniorReviewer,
      })
    ).json()) as typeof map;
    expect(low.clusters.map((c) => [c.latitude, c.longitude])).toEqual([[37.3, 69]]);
  });

  it('keeps to what the reader may read (classification, membership); a box leaves the region counts whole', async () => {
    type Map = { clusters: { count: number }[]; regions: { region: string; count: number }[]; total: number };
    const map = async (query: string, as: typeof p.amHead) => {
      const res = await t.request(`/api/reports/map?${query}`, { as });
      expect(res.status).toBe(200);
      return (await res.json()) as Map;
    };
    // A public-level delegate: the public bulk reports, not the two restricted ones.
    const pub = await map('cells=8', p.tjPublic);
    expect(pub.total).toBe(2100);
    expect(pub.regions).toEqual([{ region: 'south', count: 2100 }]);
    // An observer: nothing was published to the partners.
    expect(await map('cells=8', p.observer)).toMatchObject({ clusters: [], regions: [], total: 0 });
    // A box with no report in it: no cluster, the regions still counted.
    const empty = await map('cells=8&bbox=0,0,10,10', p.amHead);
    expect(empty).toMatchObject({ clusters: [], total: 0 });
    expect(empty.regions).toEqual(
      expect.arrayContaining([
        { region: 'south', count: 2101 },
        { region: 'border', count: 1 },
      ]),
    );
    // A box across the antimeridian wraps round to the reports at 69° E.
    expect((await map('cells=8&bbox=170,30,80,45', p.amHead)).total).toBe(2101);
    expect((await map('cells=8&bbox=170,30,60,45', p.amHead)).total).toBe(0);
  });
});
