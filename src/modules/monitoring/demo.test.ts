import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.ts';
import { prepareDatabase } from '../../server.ts';
import { testDatabase } from '../../testing/harness.ts';
import { loadDemoReports } from './demo.ts';

// The demo's field reports: made through the real commands on a fresh demo database.

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
  await prepareDatabase(handle);
});
afterAll(() => handle.close());

it('six weeks of reports in every demo region, most published, some in the queue; a mission with its daily report; once only', async () => {
  const reports = await handle.db
    .selectFrom('reports')
    .select(['reference', 'status', 'region_code', 'occurred_at', 'mission_id', 'protection'])
    .orderBy('reference')
    .execute();
  expect(reports).toHaveLength(72);
  expect(new Set(reports.map((r) => r.region_code))).toEqual(
    new Set(['kg-tj-border', 'tj-af-border', 'am-south', 'by-west']),
  );
  const by = (status: string) => reports.filter((r) => r.status === status).length;
  expect(by('published')).toBeGreaterThan(40);
  expect(by('submitted') + by('under_review')).toBeGreaterThan(0);
  // References follow time.
  const times = reports.map((r) => r.occurred_at.getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(reports.filter((r) => r.protection !== null)).toHaveLength(1);
  expect(reports.filter((r) => r.mission_id !== null).length).toBeGreaterThan(5);
  const daily = await handle.db.selectFrom('mission_daily_reports').select('status').execute();
  expect(daily.map((d) => d.status)).toEqual(['approved']);
  const collection = await handle.db.selectFrom('report_collection_items').select('report_id').execute();
  expect(collection.length).toBe(reports.filter((r) => r.region_code === 'kg-tj-border').length);
  expect(await loadDemoReports(handle.db)).toBe(false);
});
