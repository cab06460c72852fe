import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { can } from '../../policy/index.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { MONITORING } from '../directory/organisation-file.fixtures.ts';
import { reportSubject } from './commands.ts';
import { buildReport, buildReportPeople, type ReportPeople } from './factories.ts';
import { reportsVisibleTo, seesProtected, seesProtectedReport } from './policy.ts';

// The rules over reports, twice: as predicates over a loaded report and as SQL conditions
// for lists. For every person and every kind of report the two must agree.

let t: TestContext;
let p: ReportPeople;
beforeAll(async () => {
  t = await testContext(MONITORING);
  p = await buildReportPeople(t.handle);
  const statuses = ['draft', 'submitted', 'under_review', 'verified', 'published'] as const;
  for (const by of [p.byFocal, p.monitor])
    for (const status of statuses)
      for (const classification of ['public', 'confidential'])
        for (const protection of [null, 'secret'])
          await buildReport(t.handle, {
            by,
            reviewer: p.reviewer,
            status,
            to: status === 'published' && classification === 'public' ? 'partners' : 'members',
            body: { classification, protection },
          });
});
afterAll(() => t.close());

describe('report policy and SQL scope agree', () => {
  it('read and seesProtected: the same answer for every person and report', async () => {
    const rows = await t.handle.db.selectFrom('reports').selectAll().execute();
    expect(rows.length).toBe(40);
    for (const [name, user] of Object.entries(p)) {
      const person = personFromRow(user);
      const scoped = await t.handle.db
        .selectFrom('reports')
        .select('id')
        .select((eb) => sql<boolean>`${seesProtected(person)(eb)}`.as('sees'))
        .where(reportsVisibleTo(person))
        .execute();
      const visible = new Map(scoped.map((r) => [r.id, r.sees]));
      for (const row of rows) {
        const allowed = can(person, 'read', 'report', reportSubject(row));
        expect(
          visible.has(row.id),
          `${name} reads ${row.status} c${row.classification} by ${row.author_label}`,
        ).toBe(allowed);
        if (allowed)
          expect(visible.get(row.id), `${name} sees protected`).toBe(seesProtectedReport(person, row));
      }
    }
  });

  it('who reads what, in figures: a reviewer reads every submitted report within level, an observer only what was published to partners', async () => {
    const rows = await t.handle.db.selectFrom('reports').selectAll().execute();
    const count = (who: keyof ReportPeople) =>
      rows.filter((r) => can(personFromRow(p[who]), 'read', 'report', reportSubject(r))).length;
    // 2 authors x 4 statuses after draft x 2 classifications x 2 protections = 32, all within "secret".
    expect(count('reviewer')).toBe(32);
    // The monitor is of the secretariat too: the same 32, and their own 4 drafts.
    expect(count('monitor')).toBe(36);
    // BY's head: BY's 16 after draft and the monitor's 4 published; the focal point's drafts stay theirs.
    expect(count('byHead')).toBe(20);
    // AM reads the published ones: 2 authors x 2 classifications x 2 protections.
    expect(count('amHead')).toBe(8);
    // The observer: published to partners (public ones only here): 2 authors x 2 protections.
    expect(count('observer')).toBe(4);
    // TJ's public delegate: the public published ones.
    expect(count('tjPublic')).toBe(4);
  });
});
