import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  buildUser,
  type CookieSession,
  recordAfter,
  recordHead,
  signInSession,
  type TestContext,
  testContext,
} from '../../testing/harness.ts';
import { createToken } from './commands.ts';

const PASSWORD = 'correct horse battery';

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

/** A request as a browser makes it: the session cookie, and the CSRF header unless told otherwise. */
function asBrowser(
  session: CookieSession,
  path: string,
  init: { method?: string; json?: unknown; csrf?: string | null } = {},
) {
  const headers: Record<string, string> = { cookie: session.cookie };
  const csrf = init.csrf === undefined ? session.csrfToken : init.csrf;
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  return t.request(path, { method: init.method ?? 'GET', json: init.json, headers });
}

const signIn = (username: string, password: string) =>
  t.request('/api/auth/sign-in', { method: 'POST', json: { username, password } });

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; fields?: { field: string; reason: string }[] } }).error;

describe('changing the password', () => {
  it('a wrong current password answers 400 naming currentPassword; a short new one names newPassword', async () => {
    const user = await buildUser(t.handle);
    const session = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    const wrong = await asBrowser(session, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: 'not my password', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).fields).toEqual([
      { field: 'currentPassword', reason: 'is not your current password' },
    ]);
    const short = await asBrowser(session, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).fields?.map((f) => f.field)).toEqual(['newPassword']);
    const same = await asBrowser(session, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: PASSWORD },
    });
    expect(same.status).toBe(400);
    expect((await errorOf(same)).fields?.map((f) => f.field)).toEqual(['newPassword']);
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('ends the other sessions but not this one, is recorded, and only the new password signs in', async () => {
    const user = await buildUser(t.handle);
    const here = await signInSession(t, user.username);
    const elsewhere = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    const res = await asBrowser(here, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(res.status).toBe(204);
    expect((await asBrowser(here, '/api/auth/session')).status).toBe(200);
    expect((await asBrowser(elsewhere, '/api/auth/session')).status).toBe(401);
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.actor_id])).toEqual([
      ['auth.password_changed', user.id, user.id],
    ]);
    expect(JSON.stringify(recorded)).not.toContain('a brand new password');

    expect((await signIn(user.username, PASSWORD)).status).toBe(401);
    expect((await signIn(user.username, 'a brand new password')).status).toBe(200);
  });
});

describe('changing the password revokes the API tokens (by default)', () => {
  const tokenWorks = async (token: string) =>
    (await t.request('/api/users', { headers: { authorization: `Bearer ${token}` } })).status === 200;

  const newToken = async (user: UserRow, name: string) => {
    const { token, row } = await t.handle.db
      .transaction()
      .execute((trx) => createToken(trx, personFromRow(user), { name }));
    return { token, item: { id: row.id, prefix: row.prefix } };
  };

  it('by default every token of the person stops working, each named in the record, no secret', async () => {
    const user = await buildUser(t.handle, { stateCode: 'AM' });
    const other = await buildUser(t.handle, { stateCode: 'AM' });
    const script = await newToken(user, 'deploy script');
    const sync = await newToken(user, 'national sync');
    const theirs = await newToken(other, 'not mine');
    const session = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    const res = await asBrowser(session, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(res.status).toBe(204);
    expect(await tokenWorks(script.token)).toBe(false);
    expect(await tokenWorks(sync.token)).toBe(false);
    expect(await tokenWorks(theirs.token)).toBe(true);
    expect((await asBrowser(session, '/api/auth/session')).status).toBe(200);

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.actor_id, e.audience, e.payload])).toEqual([
      ['auth.password_changed', user.id, user.id, ['AM'], { revokeTokens: true, tokensRevoked: 2 }],
      ...[script, sync]
        .sort((a, b) => a.item.prefix.localeCompare(b.item.prefix))
        .map((c) => [
          'token.revoked',
          c.item.id,
          user.id,
          ['AM'],
          { name: c.item.id === script.item.id ? 'deploy script' : 'national sync', prefix: c.item.prefix },
        ]),
    ]);
    const text = JSON.stringify(recorded);
    for (const secret of ['a brand new password', PASSWORD, script.token, sync.token])
      expect(text).not.toContain(secret);
  });

  it('revokeTokens: false keeps them, and the record says so', async () => {
    const user = await buildUser(t.handle);
    const script = await newToken(user, 'deploy script');
    const session = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    const res = await asBrowser(session, '/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password', revokeTokens: false },
    });
    expect(res.status).toBe(204);
    expect(await tokenWorks(script.token)).toBe(true);
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.payload])).toEqual([
      ['auth.password_changed', { revokeTokens: false, tokensRevoked: 0 }],
    ]);
  });

  it('sent with an API token, the change revokes that token too; revokeTokens must be a boolean', async () => {
    const user = await buildUser(t.handle);
    const script = await newToken(user, 'deploy script');
    const bad = await t.request('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password', revokeTokens: 'yes' },
      headers: { authorization: `Bearer ${script.token}` },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields?.map((f) => f.field)).toEqual(['revokeTokens']);
    const res = await t.request('/api/auth/password', {
      method: 'POST',
      json: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
      headers: { authorization: `Bearer ${script.token}` },
    });
    expect(res.status).toBe(204);
    expect(await tokenWorks(script.token)).toBe(false);
  });
});
