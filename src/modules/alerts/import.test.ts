import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext } from '../../testing/harness.ts';
import { batchProofs, checkBatchProof } from '../ledger/index.ts';
import { type AlertPeople, alertsContext, daysAgo } from './test-support.ts';

// CSV import of indicator values: the whole file in one transaction or nothing; each bad line
// answers 400 naming the line, the field and why; one record entry with the batch's digest.

let t: TestContext;
let p: AlertPeople;

beforeAll(async () => {
  ({ t, people: p } = await alertsContext());
});
afterAll(async () => {
  await t.close();
});

const importCsv = (csv: string, as = p.byContact) =>
  t.request('/api/indicators/values/import', { method: 'POST', as, json: { csv } });
const count = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('indicator_values')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

interface ErrorBody {
  error: { code: string; message: string; fields: { field: string; reason: string }[] };
}

const good = (n: number) => `border-media,${daysAgo(n)},${n}`;

describe('POST /api/indicators/values/import', () => {
  it('401 without a person; 400 for a body without csv', async () => {
    expect(
      (await t.request('/api/indicators/values/import', { method: 'POST', json: { csv: 'x' } })).status,
    ).toBe(401);
    const res = await t.request('/api/indicators/values/import', { method: 'POST', as: p.admin, json: {} });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fields[0]!.field).toBe('csv');
  });

  it.each([
    ['a wrong header', 'indicator,when,value\n', 'lines.1', 'the header must be indicator,at,value'],
    ['no values', 'indicator,at,value\n\n', 'csv', 'has no values'],
    [
      'a value that is not a number',
      `indicator,at,value\n${good(3)}\nborder-media,${daysAgo(2)},lots\n`,
      'lines.3.value',
      'not a number',
    ],
    [
      'NaN',
      `indicator,at,value\nborder-media,${daysAgo(2)},NaN\n`,
      'lines.2.value',
      'must be a finite number',
    ],
    [
      'Infinity',
      `indicator,at,value\nborder-media,${daysAgo(2)},-Infinity\n`,
      'lines.2.value',
      'must be a finite number',
    ],
    [
      'a number too large to be finite',
      `indicator,at,value\nborder-media,${daysAgo(2)},1e999\n`,
      'lines.2.value',
      'must be a finite number',
    ],
    ['a bad time', 'indicator,at,value\nborder-media,02/03/2026,1\n', 'lines.2.at', 'is not a time'],
    [
      'a time in the future',
      `indicator,at,value\nborder-media,${new Date(Date.now() + 3_600_000).toISOString()},1\n`,
      'lines.2.at',
      'is more than 5 minutes in the future',
    ],
    [
      'a line with a missing field',
      'indicator,at,value\nborder-media,2026-01-01\n',
      'lines.2',
      'has 2 fields, expected 3',
    ],
    [
      'an unknown indicator',
      `indicator,at,value\nrainfall,${daysAgo(2)},1\n`,
      'lines.2.indicator',
      'is not an indicator of the organisation file',
    ],
    [
      "another state's indicator",
      `indicator,at,value\nsouth-grain,${daysAgo(2)},1\n`,
      'lines.2.indicator',
      'is not an indicator of the organisation file',
    ],
    [
      'a computed indicator',
      `indicator,at,value\nborder-incidents,${daysAgo(2)},1\n`,
      'lines.2.indicator',
      'is computed from the reports',
    ],
    [
      'a line repeated',
      `indicator,at,value\n${good(4)}\n${good(5)}\n${good(4)}\n`,
      'lines.4.at',
      'repeats line 2',
    ],
  ])('400 for %s, naming the line and field, and nothing imported', async (_what, csv, field, reason) => {
    const before = await count();
    const head = await recordHead(t.handle);
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('validation_failed');
    expect(error.fields[0]!.field).toBe(field);
    expect(error.fields[0]!.reason).toContain(reason);
    expect(await count()).toBe(before);
    expect((await recordAfter(t.handle, head)).filter((e) => /^(indicator|alert)\./.test(e.action))).toEqual(
      [],
    );
  });

  it('names every bad line, in order, in words a person reads ("line 7: value: not a number")', async () => {
    const csv = [
      'indicator,at,value',
      good(9),
      good(8),
      'border-media,x,1',
      good(7),
      good(6),
      `border-media,${daysAgo(1)},many`,
      // A year typed as 1920 for 2020.
      'border-media,1920-03-02,5',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.message).toBe(
      'line 4: at: is not a time (ISO 8601, e.g. 2026-03-02 or 2026-03-02T06:00:00Z) (and 2 more)',
    );
    expect(error.fields.map((f) => f.field)).toEqual(['lines.4.at', 'lines.7.value', 'lines.8.at']);
    expect(error.fields[2].reason).toBe('is before 1990: check the year');
  });

  it("403 for a line of an indicator the caller reads but may not enter (a delegate's)", async () => {
    const res = await importCsv(`indicator,at,value\n${good(3)}\n`, p.byDelegate);
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.fields[0]).toMatchObject({ field: 'lines.2.indicator' });
  });

  it('201: every line, one record entry with the batch digest (a line proves its place), the levels again', async () => {
    const head = await recordHead(t.handle);
    const rows = [
      ['border-media', daysAgo(14), '20'],
      ['border-media', daysAgo(7), '60'],
      ['"border-displaced"', daysAgo(7), '1.5e2'],
    ];
    const csv = `\uFEFFIndicator,At,Value\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
    const res = await importCsv(csv);
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      lines: 3,
      replaced: 0,
      indicators: ['border-displaced', 'border-media'],
      regions: ['border'],
      levels: [
        { region: 'border', from: 1, to: 2, change: 'rose', alert: { reference: expect.any(String) } },
      ],
    });
    const entries = await recordAfter(t.handle, head);
    const imported = entries.filter((e) => e.action === 'indicator.values_imported');
    expect(imported).toHaveLength(1);
    expect(entries.some((e) => e.action === 'indicator.values_entered')).toBe(false);
    const payload = imported[0]!.payload as {
      batch: { count: number; root: string; algorithm: string };
      lines: number;
    };
    expect(imported[0]).toMatchObject({
      subject_type: 'indicator_import',
      subject_id: body.importId,
      audience: ['AM', 'BY'],
    });
    expect(payload).toMatchObject({
      lines: 3,
      replaced: 0,
      from: rows[0]![1],
      to: rows[1]![1],
      batch: { count: 3 },
    });
    const objects = [
      { indicator: 'border-media', at: rows[0]![1], value: 20, previous: null },
      { indicator: 'border-media', at: rows[1]![1], value: 60, previous: null },
      { indicator: 'border-displaced', at: rows[2]![1], value: 150, previous: null },
    ];
    const [proof] = await batchProofs(objects, [2]);
    expect(checkBatchProof(objects[2], proof!, payload.batch as never)).toBe(true);

    // Imported again with one value changed: the value is replaced, the count says so.
    const again = await importCsv(`indicator,at,value\nborder-media,${rows[1]![1]},70\n`);
    expect(await again.json()).toMatchObject({ lines: 1, replaced: 1 });
    const sources = await t.handle.db
      .selectFrom('indicator_values')
      .select(['source', 'value'])
      .where('value', '=', 70)
      .execute();
    expect(sources).toEqual([{ source: 'imported', value: 70 }]);
  });

  it('a file larger than a chunk: one entry (the test app takes 64 KiB bodies)', async () => {
    const lines = Array.from(
      { length: 1_200 },
      (_, i) => `border-displaced,${new Date(Date.now() - (i + 100) * 3_600_000).toISOString()},${i % 90}`,
    );
    const head = await recordHead(t.handle);
    const res = await importCsv(`indicator,at,value\n${lines.join('\n')}\n`, p.admin);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ lines: 1_200 });
    expect((await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('indicator.'))).toHaveLength(
      1,
    );
  });
});
