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
import { signIn as signInCommand } from './commands.ts';

const PASSWORD = 'correct horse battery';
const WRONG = 'not the password';

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

describe('failed sign-ins', () => {
  it('a wrong password answers 401 and is recorded as auth.sign_in_failed about the account', async () => {
    const user = await buildUser(t.handle, { stateCode: 'TJ' });
    const before = await recordHead(t.handle);
    const res = await signIn(user.username, 'not the password');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    expect(res.headers.get('set-cookie')).toBeNull();
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.audience, e.payload])).toEqual([
      ['auth.sign_in_failed', 'user', user.id, ['TJ'], { reason: 'wrong_password', failures: 1 }],
    ]);
  });

  it('an unknown username gets the same answer, recorded against the username for the secretariat only', async () => {
    const before = await recordHead(t.handle);
    const res = await signIn('no.such.person', 'whatever password');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.audience, e.payload])).toEqual([
      ['auth.sign_in_failed', 'username', 'no.such.person', [], { reason: 'unknown_user' }],
    ]);
  });

  it('the third and fourth failures make the next try wait (429); the fifth locks the account (423), recorded', async () => {
    // The command takes the clock, so the waits are exact whatever the speed of the machine.
    const user = await buildUser(t.handle);
    const start = Date.now();
    const attempt = async (password: string, atSecond: number) => {
      const now = new Date(start + atSecond * 1000);
      const result = await t.handle.db
        .transaction()
        .execute((trx) =>
          signInCommand(trx, { username: user.username, password }, { sessionHours: 1, now }),
        );
      return result.ok
        ? 'signed in'
        : `${result.error.status} ${result.error.headers['Retry-After'] ?? ''}`.trim();
    };
    const before = await recordHead(t.handle);
    expect(await attempt(WRONG, 0)).toBe('401');
    expect(await attempt(WRONG, 0)).toBe('401');
    expect(await attempt(WRONG, 0)).toBe('401'); // the third failure: wait 2 s
    expect(await attempt(PASSWORD, 1)).toBe('429 1'); // too soon, even with the right password
    expect(await attempt(WRONG, 2)).toBe('401'); // the fourth failure: wait 4 s
    expect(await attempt(WRONG, 3)).toBe('429 3');
    expect(await attempt(WRONG, 6)).toBe('423 900'); // the fifth failure: locked for 15 minutes
    expect(await attempt(PASSWORD, 7)).toBe('423 899'); // locked: the right password is refused too
    expect(await attempt(PASSWORD, 6 + 900)).toBe('signed in'); // the lock has run out

    const recorded = await recordAfter(t.handle, before);
    expect(
      recorded.map((e) => [e.action, e.subject_id, (e.payload as { reason?: string }).reason ?? null]),
    ).toEqual([
      ['auth.sign_in_failed', user.id, 'wrong_password'],
      ['auth.sign_in_failed', user.id, 'wrong_password'],
      ['auth.sign_in_failed', user.id, 'wrong_password'],
      ['auth.sign_in_failed', user.id, 'too_soon'],
      ['auth.sign_in_failed', user.id, 'wrong_password'],
      ['auth.sign_in_failed', user.id, 'too_soon'],
      ['auth.sign_in_failed', user.id, 'wrong_password'],
      ['auth.account_locked', user.id, null],
      ['auth.sign_in_failed', user.id, 'locked'],
      ['auth.signed_in', user.id, null],
    ]);
    expect(recorded[7].payload).toMatchObject({
      failures: 5,
      until: new Date(start + 906_000).toISOString(),
    });
  });

  it('over HTTP a throttled sign-in answers 429 and a locked one 423, each with Retry-After, and makes no session', async () => {
    const user = await buildUser(t.handle);
    const inAnHour = new Date(Date.now() + 3_600_000);
    const retryAfter = (res: Response) => Number(res.headers.get('retry-after'));

    await t.handle.db
      .updateTable('users')
      .set({ sign_in_not_before: inAnHour })
      .where('id', '=', user.id)
      .execute();
    const throttled = await signIn(user.username, PASSWORD);
    expect(throttled.status).toBe(429);
    expect((await errorOf(throttled)).code).toBe('too_many_requests');
    expect(retryAfter(throttled)).toBeGreaterThan(3000);
    expect(retryAfter(throttled)).toBeLessThanOrEqual(3600);

    await t.handle.db
      .updateTable('users')
      .set({ sign_in_not_before: null, locked_until: inAnHour })
      .where('id', '=', user.id)
      .execute();
    const locked = await signIn(user.username, PASSWORD);
    expect(locked.status).toBe(423);
    expect((await errorOf(locked)).code).toBe('account_locked');
    expect(retryAfter(locked)).toBeGreaterThan(3000);
    expect(retryAfter(locked)).toBeLessThanOrEqual(3600);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(
      await t.handle.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
  });

  it('once the lock has run out the right password works again, and a success clears the count', async () => {
    const user = await buildUser(t.handle);
    for (let i = 0; i < 2; i++) expect((await signIn(user.username, 'not the password')).status).toBe(401);
    await t.handle.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    expect((await signIn(user.username, PASSWORD)).status).toBe(200);
    const row = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect({
      failed: row.failed_signins,
      notBefore: row.sign_in_not_before,
      locked: row.locked_until,
    }).toEqual({
      failed: 0,
      notBefore: null,
      locked: null,
    });
  });

  it('a disabled account cannot sign in, even with the right password', async () => {
    const admin = await buildUser(t.handle, { role: 'secretariat_admin' });
    const user = await buildUser(t.handle);
    expect((await t.request(`/api/users/${user.id}/disable`, { method: 'POST', as: admin })).status).toBe(
      200,
    );
    const before = await recordHead(t.handle);
    const res = await signIn(user.username, PASSWORD);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.payload])).toEqual([
      ['auth.sign_in_failed', user.id, { reason: 'disabled' }],
    ]);
  });
});

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
