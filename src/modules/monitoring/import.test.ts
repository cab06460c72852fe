import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { buildReportPeople, type ReportPeople } from './factories.ts';

// CSV import of reports: all or nothing, each bad line named with its column, one record
// entry for the file.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  // The server's default body limit (8 MiB), not the tests' small one: an import is a large body.
  t = await testContext(MONITORING, { bodyLimit: 8 * 1024 * 1024 });
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

const HEADER =
  'title,category,occurred_at,latitude,longitude,geo_precision,location,distance_km,direction,actors,fatalities,source,source_reliability,source_credibility,classification';
const line = (i: number, overrides: Partial<Record<string, string>> = {}) => {
  const v = {
    title: `Incident ${i}`,
    category: 'border-incident',
    occurred_at: '2026-11-20',
    latitude: '37.3',
    longitude: '69.1',
    geo_precision: '2',
    location: '"Pyanj, district centre"',
    distance_km: '3',
    direction: 'se',
    actors: 'Border guards; Smugglers',
    fatalities: '0',
    source: 'Patrol log',
    source_reliability: 'b',
    source_credibility: '2',
    classification: 'restricted',
    ...overrides,
  };
  return Object.values(v).join(',');
};
const importCsv = (csv: string, who: keyof ReportPeople = 'byFocal') =>
  t.request('/api/reports/import', { method: 'POST', as: p[who], json: { csv } });
const count = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/reports/import', () => {
  it('201: every line a submitted report of the importer, placed by its point; one record entry with the batch root', async () => {
    const head = await recordHead(t.handle);
    const csv = [HEADER, ...Array.from({ length: 1_200 }, (_, i) => line(i + 1))].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { count: number; status: string; first: string; last: string };
    expect(body).toMatchObject({ count: 1_200, status: 'submitted' });
    const rows = await t.handle.db
      .selectFrom('reports')
      .selectAll()
      .where('reference', '>=', body.first)
      .where('reference', '<=', body.last)
      .orderBy('reference')
      .execute();
    expect(rows).toHaveLength(1_200);
    expect(rows[0]).toMatchObject({
      title: 'Incident 1',
      region_code: 'south',
      time_precision: 'day',
      location_precision: 'district',
      place_name: 'Pyanj, district centre',
      direction: 'SE',
      actors: ['Border guards', 'Smugglers'],
      source_reliability: 'B',
      author_state: 'BY',
    });
    expect(rows[0].occurred_at.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['action', 'payload', 'audience'])
      .where('seq', '>', head)
      .where('action', 'like', 'report.%')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['report.imported']);
    expect(entries[0].payload).toMatchObject({
      count: 1_200,
      first: body.first,
      last: body.last,
      batch: { count: 1_200 },
    });
    expect(entries[0].audience).toEqual(['BY']);
  });

  it('400 naming every bad line and column, and nothing written', async () => {
    const before = await count();
    const head = await recordHead(t.handle);
    const csv = [
      HEADER,
      line(1),
      line(2, { latitude: '95' }),
      line(3, { category: 'riots' }),
      line(4, { fatalities: 'many' }),
      line(5, { occurred_at: '2099-01-01' }),
      line(6, { direction: '' }),
      line(7),
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    const error = (
      (await res.json()) as { error: { message: string; fields: { field: string; reason: string }[] } }
    ).error;
    expect(error.message).toMatch(
      /^5 bad lines, nothing imported: line 3: latitude: must be between -90 and 90/,
    );
    expect(error.fields.map((f) => f.field)).toEqual([
      'lines.3.latitude',
      'lines.4.category',
      'lines.5.fatalities',
      'lines.6.occurred_at',
      'lines.7.direction',
    ]);
    expect(error.fields[2].reason).toBe('is not a number');
    expect(await count()).toBe(before);
    expect(await recordHead(t.handle)).toBe(head);
  });

  it('400 for the file itself: unknown or missing columns, a quote left open, no lines', async () => {
    const field = async (csv: string) =>
      ((await (await importCsv(csv)).json()) as { error: { fields: { field: string; reason: string }[] } })
        .error.fields[0];
    expect(await field(`${HEADER},colour\n${line(1)},red`)).toMatchObject({ field: 'columns.colour' });
    expect(await field('title,occurred_at\nA,2026-11-20')).toEqual({
      field: 'columns.category',
      reason: 'is required',
    });
    expect(await field(`${HEADER}\n${line(1, { title: '"unclosed' })}`)).toMatchObject({ field: 'lines.2' });
    expect(await field(HEADER)).toMatchObject({ field: 'csv' });
    expect((await importCsv(`${HEADER}\n${line(1)}`, 'observer')).status).toBe(404);
  });
});
