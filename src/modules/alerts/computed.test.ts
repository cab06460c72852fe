import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { settleRecord } from '../ledger/index.ts';
import { moveReport } from '../monitoring/commands.ts';
import { buildReport, buildReportPeople, type ReportPeople } from '../monitoring/factories.ts';
import { ComputedIndicatorRunner } from './computed.ts';

// Indicators computed from reports: a reviewer verifying the report that crosses a threshold
// raises the region's level in the same transaction (and opens an automatic alert); a report
// leaving the count, or ageing out of the window, lowers it again.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
});
afterAll(() => t.close());

const level = async () =>
  (
    await t.handle.db
      .selectFrom('region_levels')
      .select('level')
      .where('region_code', '=', 'south')
      .executeTakeFirst()
  )?.level ?? 1;
const latest = async () =>
  (
    await t.handle.db
      .selectFrom('indicator_values')
      .select(['value', 'source'])
      .where('indicator_code', '=', 'south-incidents')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.value;

describe('computed indicators', () => {
  it('the third verified incident in the south crosses the threshold at once; archiving one lowers it again', async () => {
    const reviewer = personFromRow(p.reviewer);
    const step = (id: string, s: 'verify' | 'archive') =>
      t.handle.db
        .transaction()
        .execute((trx) => moveReport(trx, reviewer, id, s, { reason: 'Not an incident after all' }));
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push(await buildReport(t.handle, { by: p.byFocal }));
    // Submitted reports do not count.
    expect(await latest()).toBeUndefined();
    await step(reports[0].id, 'verify');
    await step(reports[1].id, 'verify');
    expect(Number(await latest())).toBe(2);
    expect(await level()).toBe(1);
    await step(reports[2].id, 'verify');
    expect(Number(await latest())).toBe(3);
    expect(await level()).toBe(2);
    const alerts = await t.handle.db
      .selectFrom('alerts')
      .select(['origin', 'level', 'status'])
      .where('region_code', '=', 'south')
      .execute();
    expect(alerts).toEqual([{ origin: 'automatic', level: 2, status: 'open' }]);
    await settleRecord(t.handle.db);
    const changed = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('action', '=', 'alert.level_changed')
      .execute();
    expect(changed.map((e) => (e.payload as { to: number }).to)).toEqual([2]);

    // The situation room is told, and the notification names its subject and page whatever module owns it.
    const listed = (await (await t.request('/api/notifications', { as: p.reviewer })).json()) as {
      items: { kind: string; subject: { type: string; path: string; title: string } }[];
    };
    expect(listed.items.find((n) => n.kind === 'level_raised')?.subject).toMatchObject({
      type: 'level_change',
      title: 'South: Warning',
      path: '/situation',
    });
    // Named in the reader's language: the region and the level by the file's Russian names.
    await t.handle.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', p.reviewer.id).execute();
    const inRussian = (await (
      await t.request('/api/notifications', { as: p.reviewer })
    ).json()) as typeof listed;
    expect(inRussian.items.find((n) => n.kind === 'level_raised')?.subject.title).toBe('Юг: Предупреждение');
    await t.handle.db.updateTable('users').set({ locale: 'en' }).where('id', '=', p.reviewer.id).execute();

    await step(reports[2].id, 'archive');
    expect(Number(await latest())).toBe(2);
    expect(await level()).toBe(1);
  });

  it('the runner: a week and a day later the reports have left the window and the figure falls to 0', async () => {
    const later = new Date(Date.now() + 8 * 86_400_000);
    const runner = new ComputedIndicatorRunner(t.handle, { now: () => later });
    await runner.start();
    await runner.stop();
    expect(Number(await latest())).toBe(0);
    // Nothing new to write the next time: the value is the same.
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('indicator_values')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('indicator_code', '=', 'south-incidents')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await runner.start();
    await runner.stop();
    expect(await count()).toBe(before);
  });
});
