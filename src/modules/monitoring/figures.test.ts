import { afterAll, beforeAll, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { mergeReport } from './commands.ts';
import { buildReport, buildReportPeople, type ReportPeople } from './factories.ts';
import { reportFigure } from './figures.ts';

// The figures indicators are computed from: reviewed reports only, of a region, in a window,
// a category counting its subcategories, duplicates left out.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

it('counts reviewed reports of the region and window, with subcategories; casualties add fatalities and injured', async () => {
  const now = new Date();
  const hour = 3_600_000;
  const make = (status: 'submitted' | 'verified' | 'published', body: Record<string, unknown>) =>
    buildReport(t.handle, { by: p.byFocal, reviewer: p.reviewer, status, body, now });
  await make('verified', { category: 'armed-clash', fatalities: 2, injured: 1 });
  const kept = await make('published', { category: 'border-incident', fatalities: 0, injured: 3 });
  await make('submitted', { category: 'armed-clash', fatalities: 5 });
  await make('published', { category: 'armed-clash', point: null, place: null, region: 'border' });
  const dup = await make('verified', { category: 'border-incident', injured: 9 });
  await t.handle.db
    .transaction()
    .execute((trx) => mergeReport(trx, personFromRow(p.reviewer), dup.id, { into: kept.id, reason: 'same' }));
  const figure = (
    categories: string[],
    measure: 'reports' | 'casualties',
    from = new Date(now.getTime() - 24 * hour),
  ) => reportFigure(t.handle.db, { region: 'south', categories, measure, from, to: now });
  expect(await figure(['battles', 'border-incident'], 'reports')).toBe(2);
  expect(await figure(['battles'], 'reports')).toBe(1);
  expect(await figure(['battles', 'border-incident'], 'casualties')).toBe(6);
  expect(await figure([], 'reports')).toBe(0);
  // The window: reports an hour old are not in the last half hour.
  expect(await figure(['battles', 'border-incident'], 'reports', new Date(now.getTime() - hour / 2))).toBe(0);
});
