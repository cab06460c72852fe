import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.ts';
import { prepareDatabase } from '../../server.ts';
import { testDatabase } from '../../testing/harness.ts';
import { loadDemoClearances } from './demo.ts';

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
  await prepareDatabase(handle);
});
afterAll(() => handle.close());

it('the demo has a pending request across three states, cleared ones and a standing permission', async () => {
  const requests = await handle.db
    .selectFrom('clearance_requests')
    .select(['status', 'kind'])
    .orderBy('reference')
    .execute();
  expect(requests.map((r) => r.status)).toEqual(['pending', 'cleared', 'cleared']);
  expect(requests[2].kind).toBe('notification');
  expect(await loadDemoClearances(handle.db)).toBe(false);
});
