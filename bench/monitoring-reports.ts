/**
 * Field reports at scale (issue 10): the situation room's clustered map for the whole area
 * and for one region, and a filtered list page, over a million reports, each timed through
 * the API (median and p99) against a bare `SELECT count(*)` of the same rows on the same
 * database; then ingest, one report at a time through POST /api/reports against plain
 * single-row INSERTs, and a CSV import through POST /api/reports/import against plain
 * multi-row INSERTs of the same rows.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { DEMO_FILE, loadConfig } from '../src/config.ts';
import { personFromRow, systemActor } from '../src/core/actor.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import type { App } from '../src/http/env.ts';
import { createToken } from '../src/modules/auth/index.ts';
import { loadOrganisation, parseOrganisationFile } from '../src/modules/directory/index.ts';
import { LiveHub } from '../src/modules/live/hub.ts';
import { buildUser } from '../src/testing/harness.ts';
import { latencies } from './clearances-setup.ts';
import { formatMs } from './decisions-setup.ts';
import { type BenchRow, formatRate, perSecond } from './report.ts';
import { type BenchTarget, durabilitySettings, freshDatabase } from './target.ts';

export interface ReportsOptions {
  /** Reports written before the reads are timed (the issue: 1,000,000). */
  reports: number;
  /** Timed calls of each read. */
  samples: number;
  /** Reports filed one by one through the API. */
  filed: number;
  /** Lines of the CSV import. */
  imported: number;
}

const REGIONS = [
  { code: 'kg-tj-border', lat: 39.9, lon: 70.6 },
  { code: 'tj-af-border', lat: 37.3, lon: 69.0 },
  { code: 'am-south', lat: 39.2, lon: 46.3 },
  { code: 'by-west', lat: 52.6, lon: 24.2 },
] as const;
const CATEGORIES = [
  'armed-clash',
  'shelling-artillery-missile-attack',
  'border-incident',
  'peaceful-protest',
  'information',
  'humanitarian',
];

async function call(app: App, token: string, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** `count` reports written straight in the table, spread over the demo regions, two years and the categories. */
async function seed(handle: DbHandle, authorId: string, count: number) {
  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await sql`insert into reports (reference, status, author_id, author_label, author_state, reporter_role, title,
        description, category_code, occurred_at, time_precision, latitude, longitude, location_precision, region_code,
        state_code, fatalities, classification, protection, published_to, published_at, submitted_at, verified_at)
      select 'R-2000-' || lpad(i::text, 7, '0'),
        case when i % 10 = 0 then 'submitted' else 'published' end,
        ${authorId}, 'Bench monitor', 'TJ', 'focal_point', 'Bench report ' || i, 'Seeded for the benchmark',
        (${sql.val(CATEGORIES)}::text[])[1 + i % ${CATEGORIES.length}],
        now() - (i % 730) * interval '1 day' - (i % 1440) * interval '1 minute', 'exact',
        (${sql.val(REGIONS.map((r) => r.lat))}::float8[])[1 + i % 4] + ((i::bigint * 7919) % 1000) / 2000.0 - 0.25,
        (${sql.val(REGIONS.map((r) => r.lon))}::float8[])[1 + i % 4] + ((i::bigint * 104729) % 1000) / 2000.0 - 0.25,
        'exact', (${sql.val(REGIONS.map((r) => r.code))}::text[])[1 + i % 4], 'TJ', i % 3,
        i % 3, case when i % 10 = 3 then 3 end,
        case when i % 10 = 0 then null else 'members' end, case when i % 10 = 0 then null else now() end, now(),
        case when i % 10 = 0 then null else now() end
      from generate_series(${from}::int, ${to}::int) i`.execute(handle.db);
  }
  await sql`analyze reports`.execute(handle.db);
}

async function timedCalls(samples: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return latencies(ms);
}

export async function benchMonitoringReports(
  target: BenchTarget,
  options: ReportsOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target, 8);
  const live = new LiveHub(handle);
  try {
    const file = parseOrganisationFile(readFileSync(DEMO_FILE, 'utf8'));
    await handle.db
      .transaction()
      .execute((trx) => loadOrganisation(trx, systemActor('bench'), { ...file, users: [] }, 'bench'));
    const head = await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    });
    const focal = await buildUser(handle, {
      role: 'point_of_contact',
      stateCode: 'TJ',
      accessLevel: 'confidential',
    });
    const token = async (row: typeof head) =>
      (
        await handle.db
          .transaction()
          .execute((trx) => createToken(trx, personFromRow(row), { name: 'bench' }))
      ).token;
    const [headToken, focalToken] = [await token(head), await token(focal)];
    await live.start();
    const app = buildApp({ handle, config: { ...loadConfig({}), bodyLimit: 64 * 1024 * 1024 }, live });
    log(
      `monitoring-reports: ${await durabilitySettings(handle)}; seeding ${options.reports.toLocaleString('en-GB')} reports`,
    );
    const seedStart = performance.now();
    await seed(handle, focal.id, options.reports);
    log(`monitoring-reports: seeded in ${formatMs(performance.now() - seedStart)}`);

    const count = (where: ReturnType<typeof sql>) =>
      timedCalls(options.samples, () => sql`select count(*) from reports where ${where}`.execute(handle.db));
    const rows: BenchRow[] = [];
    const compare = (what: string, api: ReturnType<typeof latencies>, bare: ReturnType<typeof latencies>) => {
      log(
        `monitoring-reports: ${what}: median ${formatMs(api.median)}, p99 ${formatMs(api.p99)}; bare count median ${formatMs(bare.median)}, p99 ${formatMs(bare.p99)}`,
      );
      for (const [stat, a, b] of [
        ['median', api.median, bare.median],
        ['p99', api.p99, bare.p99],
      ] as const)
        rows.push({
          benchmark: `monitoring: ${what}, ${stat} (${handle.kind}, ${options.reports.toLocaleString('en-GB')} reports)`,
          measured: formatMs(a),
          limit: `bare SELECT count(*) of the same rows ${formatMs(b)}`,
          ratio: a / b,
          lowerIsBetter: true,
          ratioUnit: '×',
        });
    };

    // The whole area: every report AM's head may read (the published ones).
    compare(
      'map of the whole area (64 cells across)',
      await timedCalls(options.samples, () =>
        call(app, headToken, 'GET', '/api/reports/map?cells=64').then((r) => r.json()),
      ),
      await count(sql`status = 'published' and latitude is not null`),
    );
    compare(
      'map of one region',
      await timedCalls(options.samples, () =>
        call(app, headToken, 'GET', '/api/reports/map?cells=64&region=kg-tj-border').then((r) => r.json()),
      ),
      await count(sql`status = 'published' and latitude is not null and region_code = 'kg-tj-border'`),
    );
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    compare(
      'a filtered list page (region, category, 90 days, 100 rows)',
      await timedCalls(options.samples, () =>
        call(
          app,
          headToken,
          'GET',
          `/api/reports?region=tj-af-border&category=battles&from=${from}&limit=100`,
        ).then((r) => r.json()),
      ),
      await count(
        sql`status = 'published' and region_code = 'tj-af-border' and category_code in ('battles', 'armed-clash', 'government-regains-territory', 'non-state-actor-overtakes-territory') and occurred_at >= ${from}`,
      ),
    );

    // Ingest: one report at a time through the API, against plain single-row INSERTs.
    await sql`create table bench_plain_reports (like reports including defaults)`.execute(handle.db);
    const body = (i: number) => ({
      title: `Filed ${i}`,
      category: 'border-incident',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      point: { latitude: 39.9, longitude: 70.6 },
      actors: ['Border guards'],
      fatalities: 0,
      submit: true,
    });
    let start = performance.now();
    for (let i = 0; i < options.filed; i++) await call(app, focalToken, 'POST', '/api/reports', body(i));
    const apiRate = perSecond(options.filed, performance.now() - start);
    start = performance.now();
    for (let i = 0; i < options.filed; i++)
      await sql`insert into bench_plain_reports (reference, author_id, author_label, reporter_role, title, category_code,
          occurred_at, time_precision, latitude, longitude, location_precision)
        values (${`P-${i}`}, ${focal.id}, 'Bench', 'focal_point', ${`Filed ${i}`}, 'border-incident', now(), 'exact', 39.9, 70.6, 'exact')`.execute(
        handle.db,
      );
    const plainRate = perSecond(options.filed, performance.now() - start);
    log(
      `monitoring-reports: POST /api/reports ${formatRate(apiRate, 'reports')}; plain INSERT ${formatRate(plainRate, 'rows')}`,
    );
    rows.push({
      benchmark: `monitoring: reports filed through POST /api/reports, one at a time (${options.filed})`,
      measured: formatRate(apiRate, 'reports'),
      limit: `plain single-row INSERT ${formatRate(plainRate, 'rows')}`,
      ratio: apiRate / plainRate,
    });

    const header = 'title,category,occurred_at,latitude,longitude,fatalities,actors';
    const lines = Array.from(
      { length: options.imported },
      (_, i) =>
        `Imported ${i},border-incident,2026-11-${String(1 + (i % 28)).padStart(2, '0')},39.${i % 10},70.${i % 7},${i % 3},Border guards; Smugglers`,
    );
    start = performance.now();
    await call(app, focalToken, 'POST', '/api/reports/import', {
      csv: [header, ...lines].join('\n'),
      submit: true,
    });
    const importRate = perSecond(options.imported, performance.now() - start);
    start = performance.now();
    for (let i = 0; i < options.imported; i += 500) {
      const chunk = lines.slice(i, i + 500);
      await handle.db
        .insertInto('bench_plain_reports' as 'reports')
        .values(
          chunk.map((_, j) => ({
            reference: `I-${i + j}`,
            author_id: focal.id,
            author_label: 'Bench',
            reporter_role: 'focal_point' as const,
            title: `Imported ${i + j}`,
            category_code: 'border-incident',
            occurred_at: new Date(),
            time_precision: 'day' as const,
            latitude: 39.9,
            longitude: 70.6,
            location_precision: 'exact' as const,
          })),
        )
        .execute();
    }
    const bulkRate = perSecond(options.imported, performance.now() - start);
    log(
      `monitoring-reports: CSV import ${formatRate(importRate, 'reports')}; plain multi-row INSERT ${formatRate(bulkRate, 'rows')}`,
    );
    rows.push({
      benchmark: `monitoring: CSV import through POST /api/reports/import (${options.imported} lines, one transaction)`,
      measured: formatRate(importRate, 'reports'),
      limit: `plain multi-row INSERT of the same rows ${formatRate(bulkRate, 'rows')}`,
      ratio: importRate / bulkRate,
    });
    return rows;
  } finally {
    await live.stop().catch(() => {});
    await handle.close();
  }
}
