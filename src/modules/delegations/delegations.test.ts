import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, recordAfter, recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { authorisedDelegates } from './index.ts';

// Who may answer for a state: the head of delegation authorises and revokes delegates; the
// delegation and the secretariat read the list; every other state is answered 404.
describe('delegations: authorised delegates', () => {
  let t: TestContext;
  let byHead: UserRow;
  let byDelegate: UserRow;
  let byObserver: UserRow;
  let amHead: UserRow;
  let amDelegate: UserRow;
  let admin: UserRow;
  const base = '/api/delegations/BY/authorisations';

  beforeAll(async () => {
    t = await testContext();
    byHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY' });
    byDelegate = await buildUser(t.handle, { role: 'delegate', stateCode: 'BY' });
    byObserver = await buildUser(t.handle, { role: 'observer', stateCode: 'BY' });
    amHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'AM' });
    amDelegate = await buildUser(t.handle, { role: 'delegate', stateCode: 'AM' });
    admin = await buildUser(t.handle, { role: 'secretariat_admin' });
  });
  afterAll(() => t.close());

  it('401 without a person', async () => {
    expect((await t.request(base)).status).toBe(401);
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'POST' })).status).toBe(401);
  });

  it('400 naming the field for a bad state code or user id', async () => {
    const badState = await t.request('/api/delegations/B1/authorisations', { as: byHead });
    expect(badState.status).toBe(400);
    expect(
      ((await badState.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field,
    ).toMatch(/state$/);
    const badUser = await t.request(`${base}/not-a-uuid`, { method: 'POST', as: byHead });
    expect(badUser.status).toBe(400);
    expect(
      ((await badUser.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field,
    ).toMatch(/userId$/);
    // A delegate of another state, an observer, the head itself: refused, naming userId; nothing recorded.
    const head = await recordHead(t.handle);
    for (const who of [amDelegate, byObserver, byHead]) {
      const res = await t.request(`${base}/${who.id}`, { method: 'POST', as: byHead });
      expect(res.status).toBe(400);
      expect(
        ((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field,
      ).toMatch(/userId$/);
    }
    expect(await recordHead(t.handle)).toBe(head);
  });

  it("404 for another state's delegation; 403 for its own members who may read but not authorise", async () => {
    expect((await t.request(base, { as: amHead })).status).toBe(404);
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'POST', as: amHead })).status).toBe(404);
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'POST', as: byDelegate })).status).toBe(
      403,
    );
  });

  it('the head authorises and revokes, each recorded; the list and the policy follow', async () => {
    const head = await recordHead(t.handle);
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'POST', as: byHead })).status).toBe(204);
    // Authorising twice changes nothing and records nothing more.
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'POST', as: byHead })).status).toBe(204);
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.action.startsWith('delegate.'));
    expect(entries.map((e) => [e.action, e.subject_type, e.subject_id])).toEqual([
      ['delegate.authorised', 'delegation', 'BY'],
    ]);
    expect(entries[0].audience).toEqual(['BY']);
    expect(await authorisedDelegates(t.handle.db, ['BY'])).toEqual([byDelegate.id]);

    for (const reader of [byDelegate, admin]) {
      const list = await t.request(base, { as: reader });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { items: { userId: string }[]; abilities: { authorise: boolean } };
      expect(body.items.map((i) => i.userId)).toEqual([byDelegate.id]);
      expect(body.abilities.authorise).toBe(reader === admin);
    }

    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'DELETE', as: admin })).status).toBe(204);
    expect((await t.request(`${base}/${byDelegate.id}`, { method: 'DELETE', as: byHead })).status).toBe(404);
    expect(await authorisedDelegates(t.handle.db, ['BY'])).toEqual([]);
    const delegateEntries = (await recordAfter(t.handle, head)).filter((e) =>
      e.action.startsWith('delegate.'),
    );
    expect(delegateEntries.map((e) => e.action)).toEqual(['delegate.authorised', 'delegate.revoked']);
  });
});
