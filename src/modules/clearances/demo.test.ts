import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { prepareDatabase } from '../../server.ts';
import { testDatabase } from '../../testing/harness.ts';
import { loadDemoClearances } from './demo.ts';
import { timeliness } from './timeliness.ts';

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
  await prepareDatabase(handle);
});
afterAll(() => handle.close());

it('the demo has a pending request across three states, cleared ones and a standing permission', async () => {
  const requests = await handle.db
    .selectFrom('clearance_requests')
    .select(['status', 'kind', 'submitted_at', 'title'])
    .orderBy('submitted_at')
    .orderBy('reference')
    .execute();
  const past = requests.filter((r) => r.submitted_at && r.submitted_at.getTime() < Date.now() - 86_400_000);
  const current = requests.slice(past.length);
  expect(current.map((r) => r.status)).toEqual(['pending', 'cleared', 'cleared']);
  expect(current[2].kind).toBe('notification');
  // Eight weeks of past movements, all settled, for the timeliness figures.
  expect(past.length).toBeGreaterThanOrEqual(8);
  expect(new Set(past.map((r) => r.status))).toEqual(new Set(['cleared']));
  expect(await loadDemoClearances(handle.db)).toBe(false);
});

it("the demo's past gives timeliness figures: decisions by hand, tacit consent, escalation, standing permission", async () => {
  const figures = await timeliness(handle.db, systemActor('test'));
  const sum = (key: 'decided' | 'tacitConsents' | 'escalations' | 'standingPermissions') =>
    figures.reduce((n, f) => n + f[key], 0);
  expect(sum('decided')).toBeGreaterThan(15);
  expect(sum('tacitConsents')).toBeGreaterThanOrEqual(1);
  expect(sum('escalations')).toBeGreaterThanOrEqual(1);
  expect(sum('standingPermissions')).toBeGreaterThanOrEqual(1);
  // Urgent moves are decided faster than routine ones by the same state.
  const ru = (u: string) => figures.find((f) => f.state === 'RU' && f.urgency === u)?.medianHours ?? 0;
  expect(ru('urgent')).toBeLessThan(ru('routine'));
});
