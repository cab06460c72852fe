import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import { csvField } from '../../../core/csv.ts';
import { type TestContext, testContext } from '../../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, errorOf, HOUR, landRoute } from '../../../testing/simulations/clearances.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from '../factories.ts';
import { askInfo, decideLeg, giveInfo } from '../legs/commands.ts';
import { applyDueSilences } from '../legs/tacit.ts';
import { DecideLegInput } from '../schema.ts';

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

const run = <T>(fn: (trx: TestContext['handle']['db']) => Promise<T>) =>
  t.handle.db.transaction().execute(fn);
const decide = (
  who: keyof ClearancePeople,
  id: string,
  state: string,
  body: Record<string, unknown>,
  now: Date,
) => run((trx) => decideLeg(trx, personFromRow(p[who]), id, state, DecideLegInput.parse(body), now));

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('exports of a request and its decisions', () => {
  it('gives JSON and CSV with every leg, the time to decide without paused time, and conditions', async () => {
    const start = new Date();
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now: start });
    // BY asks a question after 1 h; the requester answers 3 h later; BY approves 1 h after that.
    await run((trx) =>
      askInfo(trx, personFromRow(p.byHead), r.id, 'BY', { question: 'Convoy length?' }, at(1)),
    );
    await run((trx) =>
      giveInfo(trx, personFromRow(p.byDelegate), r.id, 'BY', { answer: '12 trucks, 400 m' }, at(4)),
    );
    await decide('byHead', r.id, 'BY', { decision: 'approve', clearanceNumber: 'BY-1' }, at(5));
    await decide(
      'ruContact',
      r.id,
      'RU',
      {
        decision: 'approve_with_conditions',
        conditions: [{ kind: 'escort', text: 'Escort, "Redki" to Smolensk, then free' }],
        internalNote: 'asked the border service',
      },
      at(2),
    );
    // KZ stays silent: consent at the end of its 72 h window.
    await applyDueSilences(t.handle.db, at(73));

    const json = await t.request(`/api/clearances/${r.id}/export`, { as: p.byDelegate });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="${r.reference}.json"`);
    const doc = (await json.json()) as {
      kind: string;
      request: {
        reference: string;
        legs: {
          state: string;
          internalNote: string | null;
          decidedHow: string;
          entry: { point: string; from: string; fromLocal: string } | null;
          route: string | null;
        }[];
      };
    };
    expect(doc.kind).toBe('accord.clearance-export');
    expect(doc.request.reference).toBe(r.reference);
    expect(doc.request.legs.map((l) => [l.state, l.decidedHow])).toEqual([
      ['BY', 'state'],
      ['RU', 'state'],
      ['KZ', 'tacit'],
    ]);
    expect(doc.request.legs[0]).toMatchObject({
      entry: { point: 'BY-MSQ', from: landRoute(start)[0].entry.window.from },
      route: 'M1 Minsk – Orsha',
    });
    expect(doc.request.legs[0].entry?.fromLocal).toMatch(/\+03:00$/);
    // The requester never sees another state's internal note, in an export either.
    expect(JSON.stringify(doc)).not.toContain('asked the border service');

    const csv = await t.request(`/api/clearances/${r.id}/export?format=csv`, { as: p.byDelegate });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await csv.text());
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(3);
    const by = rows[0];
    expect(by[col('state')]).toBe('BY');
    expect(by[col('clearance_number')]).toBe('BY-1');
    // 5 h from opening to decision, of which 3 h paused for the question.
    expect(Number(by[col('hours_to_decide')])).toBeCloseTo(2, 2);
    expect(rows[1][col('conditions')]).toBe('escort: Escort, "Redki" to Smolensk, then free');
    expect(rows[2][col('decided_how')]).toBe('tacit');
    // Tacit consent is dated at the instant the window closed, not when the runner looked.
    expect(rows[2][col('decided_at_utc')]).toBe(at(72).toISOString());
    expect(Number(rows[2][col('hours_to_decide')])).toBe(72);
    // Each leg's passage in UTC and in the state's own time, its route and stops.
    const planned = landRoute(start);
    expect(rows[1][col('entry_point')]).toBe('BY-RU-REDKI');
    expect(rows[1][col('entry_from_utc')]).toBe(planned[1].entry.window.from);
    expect(rows[1][col('entry_from_local')]).toMatch(/T\d{2}:\d{2}\+03:00$/);
    expect(rows[1][col('exit_to_local')]).toMatch(/\+03:00$/);
    expect(rows[1][col('route')]).toBe('M1, M5 via Moscow and Chelyabinsk');
    expect(rows[2][col('exit_point')]).toBe('');
    expect(rows[2][col('entry_from_local')]).toMatch(/\+0[56]:00$/);
    expect(rows[2][col('clearance_number')]).toMatch(/^KZ-CLR-\d{4}-\d{4}-T$/);
  });

  it('answers 404 to a state not concerned and 400 for an unknown format', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    expect((await t.request(`/api/clearances/${r.id}/export`, { as: p.amHead })).status).toBe(404);
    const bad = await t.request(`/api/clearances/${r.id}/export?format=xlsx`, { as: p.byDelegate });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('format');
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('timeliness and the certificate over HTTP', () => {
  it('gives figures per state and urgency over the requests the caller may read', async () => {
    const res = await t.request('/api/clearance-timeliness', { as: p.admin });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        state: string;
        urgency: string;
        tacitConsents: number;
        decided: number;
        medianHours: number;
      }[];
    };
    const kz = items.find((i) => i.state === 'KZ' && i.urgency === 'routine');
    expect(kz?.tacitConsents).toBeGreaterThanOrEqual(1);
    const by = items.find((i) => i.state === 'BY' && i.urgency === 'routine');
    expect(by?.decided).toBeGreaterThanOrEqual(1);
    expect(by?.medianHours).toBeCloseTo(2, 1);
    // A state that sees none of these requests sees no figures for them.
    const am = await t.request('/api/clearance-timeliness', { as: p.amHead });
    expect(((await am.json()) as { items: unknown[] }).items).toEqual([]);
    expect((await t.request('/api/clearance-timeliness?from=yesterday', { as: p.admin })).status).toBe(400);
  });

  it('takes a date range: days in UTC, the last day included; 400 when it ends before it starts', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.request(`/api/clearance-timeliness?from=${today}&to=${today}`, { as: p.admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { legs: number }[]; range: { from: string; to: string } };
    expect(body.range).toEqual({
      from: `${today}T00:00:00.000Z`,
      to: new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString(),
    });
    expect(body.items.reduce((n, i) => n + i.legs, 0)).toBeGreaterThan(0);
    const past = await t.request('/api/clearance-timeliness?from=2020-01-01&to=2020-01-31', { as: p.admin });
    expect(((await past.json()) as { items: unknown[] }).items).toEqual([]);
    const reversed = await t.request('/api/clearance-timeliness?from=2026-02-01&to=2026-01-01', {
      as: p.admin,
    });
    expect(reversed.status).toBe(400);
    expect((await errorOf(reversed)).fields?.[0]).toMatchObject({
      field: expect.stringMatching(/(^|\.)to$/),
      reason: 'is before from',
    });
  });

  it('gives the certificate of a cleared request to those who may read it, 404 before', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    expect((await t.request(`/api/clearances/${r.id}/certificate`, { as: p.byDelegate })).status).toBe(404);
    const now = new Date();
    await decide('byHead', r.id, 'BY', { decision: 'approve' }, now);
    await decide('ruHead', r.id, 'RU', { decision: 'approve' }, now);
    await decide('kzHead', r.id, 'KZ', { decision: 'approve' }, now);
    const res = await t.request(`/api/clearances/${r.id}/certificate`, { as: p.kzHead });
    expect(res.status).toBe(200);
    const v = (await res.json()) as { verified: boolean; status: string; certificate: { legs: unknown[] } };
    expect(v).toMatchObject({ verified: true, status: 'valid' });
    expect(v.certificate.legs).toHaveLength(3);
    expect((await t.request(`/api/clearances/${r.id}/certificate`, { as: p.amHead })).status).toBe(404);
  });
});
