import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../core/secrets.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  buildUser,
  recordAfter,
  recordHead,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';

// API tokens for scripts and the CLI: shown once, kept as a hash, revocable, recorded.

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error;

describe('API tokens', () => {
  interface Created {
    token: string;
    item: { id: string; name: string; prefix: string; revokedAt: string | null };
  }
  const createToken = async (as: UserRow, name: string) => {
    const res = await t.request('/api/me/tokens', { method: 'POST', json: { name }, as });
    expect(res.status).toBe(201);
    return (await res.json()) as Created;
  };

  it('a new token is shown once, stored only as a hash, and recorded', async () => {
    const user = await buildUser(t.handle);
    await tokenFor(t.handle, user);
    const before = await recordHead(t.handle);
    const created = await createToken(user, 'deploy script');
    expect(created.token).toMatch(/^acc_[A-Za-z0-9_-]{30,}$/);
    expect(created.item).toMatchObject({
      name: 'deploy script',
      prefix: created.token.slice(0, 10),
      revokedAt: null,
    });
    expect(JSON.stringify(created.item)).not.toContain(created.token);

    const list = await t.request('/api/me/tokens', { as: user });
    const listed = (await list.json()) as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toContain(created.item.id);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const rows = await t.handle.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(rows.find((r) => r.id === created.item.id)?.token_hash).toBe(sha256(created.token));

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.actor_id])).toEqual([
      ['token.created', 'api_token', created.item.id, user.id],
    ]);
    expect(recorded[0].payload).toMatchObject({ name: 'deploy script', prefix: created.token.slice(0, 10) });
    expect(JSON.stringify(recorded)).not.toContain(created.token);
  });

  it('the token works as a bearer token until it is revoked; revoking is recorded', async () => {
    const user = await buildUser(t.handle);
    const { token, item } = await createToken(user, 'cli');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.request(`/api/users/${user.id}`, { headers: bearer })).status).toBe(200);
    const before = await recordHead(t.handle);
    // A bearer token writes without a CSRF header: no cookie, nothing for a forged form to ride on.
    expect((await t.request(`/api/me/tokens/${item.id}`, { method: 'DELETE', headers: bearer })).status).toBe(
      204,
    );
    expect((await t.request(`/api/users/${user.id}`, { headers: bearer })).status).toBe(401);
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.actor_id])).toEqual([
      ['token.revoked', 'api_token', item.id, user.id],
    ]);
    const list = (await (await t.request('/api/me/tokens', { as: user })).json()) as {
      items: Created['item'][];
    };
    expect(list.items.find((i) => i.id === item.id)?.revokedAt).not.toBeNull();
  });

  it('an expired token answers 401', async () => {
    const user = await buildUser(t.handle);
    const { token, item } = await createToken(user, 'short-lived');
    await t.handle.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', item.id)
      .execute();
    expect(
      (await t.request('/api/me/tokens', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it("another person's token id answers 404 and leaves their token working", async () => {
    const owner = await buildUser(t.handle);
    const other = await buildUser(t.handle, { role: 'secretariat_admin' });
    const { token, item } = await createToken(owner, 'private');
    await tokenFor(t.handle, other);
    const before = await recordHead(t.handle);
    const res = await t.request(`/api/me/tokens/${item.id}`, { method: 'DELETE', as: other });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    expect(
      (await t.request('/api/me/tokens', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const otherList = (await (await t.request('/api/me/tokens', { as: other })).json()) as {
      items: { id: string }[];
    };
    expect(otherList.items.map((i) => i.id)).not.toContain(item.id);
    expect(await recordHead(t.handle)).toBe(before);
  });
});
