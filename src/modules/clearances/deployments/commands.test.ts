import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext, testContext } from '../../../testing/harness.ts';
import {
  CLEARANCE_ORGANISATION,
  HOUR,
  landRoute,
  requestBody,
} from '../../../testing/simulations/clearances.ts';
import { closeDue } from '../../decisions/deadlines.ts';
import { buildClearancePeople, type ClearancePeople } from '../factories.ts';

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

it('a host state asks; the council’s silence procedure adopts it; the movements become requests, once', async () => {
  const { title: _t, framework: _f, classification: _c, urgency: _u, ...movement } = requestBody();
  const body = {
    title: 'Collective forces to Kazakhstan',
    purpose: 'Protect critical infrastructure',
    movements: [{ ...movement, title: 'BY contingent', requestingState: 'BY', legs: landRoute() }],
  };
  expect(
    (
      await t.request('/api/deployments', {
        method: 'POST',
        as: p.byHead,
        json: { ...body, hostState: 'KZ' },
      })
    ).status,
  ).toBe(403);
  const res = await t.request('/api/deployments', { method: 'POST', as: p.kzHead, json: body });
  expect(res.status, await res.clone().text()).toBe(201);
  const { deployment } = (await res.json()) as {
    deployment: { id: string; procedureId: string; reference: string };
  };
  const procedure = await t.handle.db
    .selectFrom('procedures')
    .selectAll()
    .where('id', '=', deployment.procedureId)
    .executeTakeFirstOrThrow();
  expect(procedure.kind).toBe('silence');
  expect(procedure.opened_by_label).toBe(`deployment request ${deployment.reference}`);
  const head = await recordHead(t.handle);
  await closeDue(t.handle.db, new Date(Date.now() + 13 * HOUR));
  await closeDue(t.handle.db, new Date(Date.now() + 14 * HOUR));
  const entries = await recordAfter(t.handle, head);
  expect(entries.filter((e) => e.action === 'deployment.decided')).toHaveLength(1);
  const got = (await (await t.request(`/api/deployments/${deployment.id}`, { as: p.ruHead })).json()) as {
    deployment: { status: string; requests: { status: string; requestingState: string }[] };
  };
  expect(got.deployment.status).toBe('adopted');
  expect(got.deployment.requests).toEqual([
    expect.objectContaining({ status: 'pending', requestingState: 'BY' }),
  ]);
  expect((await t.request(`/api/deployments/${deployment.id}`, { as: p.observer })).status).toBe(404);
});
