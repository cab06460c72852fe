import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../core/secrets.ts';
import {
  buildUser,
  type CookieSession,
  recordAfter,
  recordHead,
  signInSession,
  type TestContext,
  testContext,
} from '../../testing/harness.ts';

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

describe('signing in with a password', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure over http, and records the sign-in', async () => {
    const user = await buildUser(t.handle);
    const before = await recordHead(t.handle);
    const res = await signIn(user.username, PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^accord_session=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const body = (await res.json()) as { user: { id: string; username: string }; csrfToken: string };
    expect(body.user).toMatchObject({ id: user.id, username: user.username });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.actor_id])).toEqual([
      ['auth.signed_in', 'user', user.id, user.id],
    ]);
    // Only the session's hash is kept.
    const sessionValue = cookie.split(';')[0].split('=')[1];
    const sessions = await t.handle.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions.map((s) => s.id)).toEqual([sha256(sessionValue)]);
    expect(JSON.stringify(sessions)).not.toContain(sessionValue);
  });

  it('marks the cookie Secure over https, and takes the username in any case', async () => {
    const user = await buildUser(t.handle);
    const res = await t.app.request('https://accord.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ` ${user.username.toUpperCase()} `, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('the session endpoint names the person and the CSRF token; without a session it answers 401', async () => {
    const user = await buildUser(t.handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    });
    const session = await signInSession(t, user.username);
    const res = await asBrowser(session, '/api/auth/session');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: user.id, role: 'head_of_delegation', stateCode: 'AM', accessLevel: 'confidential' },
      csrfToken: session.csrfToken,
    });
    expect((await t.request('/api/auth/session')).status).toBe(401);
    expect((await t.request('/api/auth/session', { as: user })).status).toBe(401); // a token is not a session
  });

  it('a write with the cookie needs the X-CSRF-Token header: missing or wrong answers 403 csrf_failed', async () => {
    const user = await buildUser(t.handle);
    const session = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    for (const csrf of [null, 'wrong', `${session.csrfToken}x`, '']) {
      const res = await asBrowser(session, '/api/me', { method: 'PATCH', json: { locale: 'ru' }, csrf });
      expect(res.status, `csrf ${csrf}`).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe('csrf_failed');
      expect(error.fields?.[0].field).toBe('X-CSRF-Token');
    }
    expect(await recordHead(t.handle)).toBe(before);
    const row = await t.handle.db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.locale).toBe('en');

    const res = await asBrowser(session, '/api/me', { method: 'PATCH', json: { locale: 'ru' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { locale: string } }).user.locale).toBe('ru');
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.payload])).toEqual([
      ['user.locale_changed', user.id, { locale: 'ru' }],
    ]);
    // Reads need no header.
    expect((await asBrowser(session, '/api/users', { csrf: null })).status).toBe(200);
  });

  it('sign-out ends the session, clears the cookie and is recorded', async () => {
    const user = await buildUser(t.handle);
    const session = await signInSession(t, user.username);
    const other = await signInSession(t, user.username);
    const before = await recordHead(t.handle);
    expect((await asBrowser(session, '/api/auth/sign-out', { method: 'POST', csrf: null })).status).toBe(403);
    const res = await asBrowser(session, '/api/auth/sign-out', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^accord_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expect((await asBrowser(session, '/api/auth/session')).status).toBe(401);
    expect((await asBrowser(session, '/api/users')).status).toBe(401);
    expect((await asBrowser(other, '/api/auth/session')).status).toBe(200); // only this session ended
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.actor_id])).toEqual([
      ['auth.signed_out', user.id, user.id],
    ]);
  });
});
