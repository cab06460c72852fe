import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { sha256 } from '../../core/secrets.ts';
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
import { createToken, signIn as signInCommand } from './commands.ts';
import { SIGN_IN_LIMITS } from './schema.ts';
import { throttleKey } from './throttle.ts';

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

/** A sign-in over HTTP from a client address, as the Node server passes it to the app. */
const signInFrom = (address: string, body: unknown) =>
  t.app.request(
    '/api/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );

/** The sign-in command at a given instant, so waits are exact whatever the speed of the machine. */
async function attemptAt(address: string, username: string, password: string, now: Date) {
  const result = await t.handle.db
    .transaction()
    .execute((trx) => signInCommand(trx, { username, password }, { sessionHours: 1, now, address }));
  return result.ok
    ? 'signed in'
    : `${result.error.status} ${result.error.headers['Retry-After'] ?? ''}`.trim();
}

const failuresOf = (where: { address?: string; userId?: string }) => {
  let query = t.handle.db.selectFrom('sign_in_failures').selectAll();
  if (where.address) query = query.where('address', '=', where.address);
  if (where.userId) query = query.where('user_id', '=', where.userId);
  return query.orderBy('id').execute();
};

describe('failed sign-ins', () => {
  it('a wrong password answers 401, writes nothing to the record, and is counted by address and account only', async () => {
    const user = await buildUser(t.handle, { stateCode: 'TJ' });
    const before = await recordHead(t.handle);
    const res = await signInFrom('203.0.113.7', { username: user.username, password: 'not the password' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await recordHead(t.handle)).toBe(before);
    const counted = await failuresOf({ address: '203.0.113.7' });
    expect(counted.map((f) => [f.address, f.user_id])).toEqual([['203.0.113.7', user.id]]);
    expect(JSON.stringify(counted)).not.toContain('not the password');
  });

  it('an unknown username, even a password typed into it, gets the same answer and is kept nowhere', async () => {
    const typed = 'My Secret Passphrase 42';
    const before = await recordHead(t.handle);
    const res = await signInFrom('203.0.113.8', { username: typed, password: 'whatever password' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    expect(await recordHead(t.handle)).toBe(before);
    const counted = await failuresOf({ address: '203.0.113.8' });
    expect(counted.map((f) => [f.address, f.user_id])).toEqual([['203.0.113.8', null]]);
    const everything = JSON.stringify([await failuresOf({}), await recordAfter(t.handle, 0)]).toLowerCase();
    expect(everything).not.toContain(typed.toLowerCase());
    expect(everything).not.toContain('whatever password');
  });

  it('a disabled account cannot sign in, even with the right password, and nothing is recorded', async () => {
    const admin = await buildUser(t.handle, { role: 'secretariat_admin' });
    const user = await buildUser(t.handle);
    expect((await t.request(`/api/users/${user.id}/disable`, { method: 'POST', as: admin })).status).toBe(
      200,
    );
    const before = await recordHead(t.handle);
    const res = await signInFrom('203.0.113.9', { username: user.username, password: PASSWORD });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('a lone surrogate in the username or the password answers 400 naming the field, and counts nothing', async () => {
    const user = await buildUser(t.handle);
    const before = await recordHead(t.handle);
    for (const [field, body] of [
      ['username', `{"username":"\\ud800","password":"${PASSWORD}"}`],
      ['username', `{"username":"${user.username}\\udc00","password":"${PASSWORD}"}`],
      ['password', `{"username":"${user.username}","password":"\\ud800"}`],
      ['password', `{"username":"${user.username}","password":"ab\\udfffcd"}`],
    ]) {
      const res = await signInFrom('203.0.113.10', body);
      expect(res.status, body).toBe(400);
      const error = await errorOf(res);
      expect(error.code, body).toBe('validation_failed');
      expect(
        error.fields?.map((f) => f.field),
        body,
      ).toEqual([field]);
    }
    // A well-formed pair (an emoji) is fine: it is a wrong password, not bad input.
    expect((await signInFrom('203.0.113.10', { username: user.username, password: 'wrong 😀' })).status).toBe(
      401,
    );
    expect(await recordHead(t.handle)).toBe(before);
    expect(await failuresOf({ address: '203.0.113.10' })).toHaveLength(1);
  });
});

describe('throttling by client address', () => {
  it(`${SIGN_IN_LIMITS.perAddress} failures from one address in ${SIGN_IN_LIMITS.windowMinutes} minutes answer 429 naming the reason, for any account, until the oldest leaves the window`, async () => {
    const user = await buildUser(t.handle);
    const start = new Date('2031-03-01T09:00:00Z').getTime();
    const at = (second: number) => new Date(start + second * 1000);
    const before = await recordHead(t.handle);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect(await attemptAt('198.51.100.1', `nobody-${i}`, WRONG, at(i))).toBe('401');
    const windowS = SIGN_IN_LIMITS.windowMinutes * 60;
    // Throttled: the right password is not even checked, and the try is not counted.
    expect(await attemptAt('198.51.100.1', user.username, PASSWORD, at(20))).toBe(`429 ${windowS - 20}`);
    expect(await attemptAt('198.51.100.1', 'nobody-else', WRONG, at(30))).toBe(`429 ${windowS - 30}`);
    expect(await failuresOf({ address: '198.51.100.1' })).toHaveLength(SIGN_IN_LIMITS.perAddress);
    // Another address is not held back.
    expect(await attemptAt('198.51.100.2', user.username, PASSWORD, at(30))).toBe('signed in');
    // The first failure has left the window: one more try.
    expect(await attemptAt('198.51.100.1', user.username, PASSWORD, at(windowS + 1))).toBe('signed in');

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id])).toEqual([
      ['auth.signed_in', user.id],
      ['auth.signed_in', user.id],
    ]);
  });

  it('over HTTP the 429 says why and when (Retry-After), makes no session, and counts by the socket address', async () => {
    const user = await buildUser(t.handle);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect((await signInFrom('192.0.2.50', { username: `nobody-${i}`, password: WRONG })).status).toBe(401);
    // The same address written as IPv4-mapped IPv6 is the same address.
    const throttled = await signInFrom('::ffff:192.0.2.50', { username: user.username, password: PASSWORD });
    expect(throttled.status).toBe(429);
    const error = await errorOf(throttled);
    expect(error.code).toBe('too_many_requests');
    expect((error as { message?: string }).message).toMatch(/too many failed sign-ins from this address/);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMinutes * 60);
    expect(throttled.headers.get('set-cookie')).toBeNull();
    expect(await failuresOf({ userId: user.id })).toEqual([]);
    // In-process calls (no socket) and other addresses are other clients.
    expect((await signInFrom('192.0.2.51', { username: user.username, password: PASSWORD })).status).toBe(
      200,
    );
    expect((await signIn(user.username, PASSWORD)).status).toBe(200);
  });

  it('an IPv6 client is counted by its /64', async () => {
    expect(throttleKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('::1')).toBe('0:0:0:0::/64');
    expect(throttleKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKey('192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKey('local')).toBe('local');
    const user = await buildUser(t.handle);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect(
        (await signInFrom(`2001:db8:7:7::${i + 1}`, { username: 'nobody', password: WRONG })).status,
      ).toBe(401);
    const neighbour = await signInFrom('2001:db8:7:7:abcd::9', {
      username: user.username,
      password: PASSWORD,
    });
    expect(neighbour.status).toBe(429);
    const elsewhere = await signInFrom('2001:db8:7:8::1', { username: user.username, password: PASSWORD });
    expect(elsewhere.status).toBe(200);
  });

  it('behind a trusted proxy (ACCORD_TRUST_PROXY=1) the last X-Forwarded-For entry is the address', async () => {
    const user = await buildUser(t.handle);
    const viaProxy = (forwardedFor: string, password: string) =>
      t.app.request(
        '/api/auth/sign-in',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ username: user.username, password }),
        },
        { incoming: { socket: { remoteAddress: '10.0.0.1' } } },
      );
    const previous = process.env.ACCORD_TRUST_PROXY;
    process.env.ACCORD_TRUST_PROXY = '1';
    try {
      // The client may write anything before the proxy's own entry: only the last one counts.
      expect((await viaProxy('1.1.1.1, 203.0.113.99', WRONG)).status).toBe(401);
      expect((await viaProxy('203.0.113.100', WRONG)).status).toBe(401);
    } finally {
      if (previous === undefined) delete process.env.ACCORD_TRUST_PROXY;
      else process.env.ACCORD_TRUST_PROXY = previous;
    }
    const counted = await failuresOf({ userId: user.id });
    expect(counted.map((f) => f.address)).toEqual(['203.0.113.99', '203.0.113.100']);
    // Without the setting the proxy's own address is the client.
    expect((await viaProxy('203.0.113.101', WRONG)).status).toBe(401);
    expect((await failuresOf({ userId: user.id })).map((f) => f.address)).toContain('10.0.0.1');
  });
});

describe('throttling by account, without a lock-out', () => {
  it('from the third failure a failing address waits 2, 4, 8 s, while an address that has not failed signs in at once', async () => {
    const user = await buildUser(t.handle);
    const start = new Date('2031-04-01T09:00:00Z').getTime();
    const at = (second: number) => new Date(start + second * 1000);
    const attacker = '198.51.100.10';
    const owner = '198.51.100.11';
    const before = await recordHead(t.handle);
    expect(await attemptAt(attacker, user.username, WRONG, at(0))).toBe('401');
    expect(await attemptAt(attacker, user.username, WRONG, at(0))).toBe('401');
    expect(await attemptAt(attacker, user.username, WRONG, at(0))).toBe('401'); // 3 failures: wait 2 s
    expect(await attemptAt(attacker, user.username, PASSWORD, at(1))).toBe('429 1'); // even the right password
    expect(await attemptAt(owner, user.username, PASSWORD, at(1))).toBe('signed in'); // the owner is not held back
    expect(await attemptAt(attacker, user.username, WRONG, at(2))).toBe('401'); // 4 failures: wait 4 s
    expect(await attemptAt(attacker, user.username, WRONG, at(3))).toBe('429 3');
    expect(await attemptAt(attacker, user.username, WRONG, at(6))).toBe('401'); // 5 failures: wait 8 s
    expect(await attemptAt(attacker, user.username, PASSWORD, at(7))).toBe('429 7');
    expect(await attemptAt(owner, user.username, PASSWORD, at(7))).toBe('signed in');
    expect(await attemptAt(attacker, user.username, PASSWORD, at(14))).toBe('signed in'); // no lock: the wait ran out

    // A success forgot that address's failures on the account.
    expect(await failuresOf({ address: attacker, userId: user.id })).toEqual([]);
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id])).toEqual([
      ['auth.signed_in', user.id],
      ['auth.signed_in', user.id],
      ['auth.signed_in', user.id],
    ]);
  });

  it(`the wait is capped at ${SIGN_IN_LIMITS.accountDelayCapSeconds} s however many addresses fail, and a head of delegation still signs in from their own`, async () => {
    const head = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'AM' });
    const cap = SIGN_IN_LIMITS.accountDelayCapSeconds;
    const start = new Date('2031-05-01T09:00:00Z').getTime();
    const at = (second: number) => new Date(start + second * 1000);
    // Eight addresses fail once each: 2^(8-2) = 64 s, more than the cap.
    for (let i = 0; i < 8; i++)
      expect(await attemptAt(`198.51.100.${100 + i}`, head.username, WRONG, at(0))).toBe('401');
    // A failing address is held back from then on; a fresh one gets its try.
    expect(await attemptAt('198.51.100.100', head.username, WRONG, at(1))).toBe(`429 ${cap - 1}`);
    expect(await attemptAt('198.51.100.100', head.username, PASSWORD, at(10))).toBe(`429 ${cap - 10}`);
    // An address that failed elsewhere (another account) is a failing address too.
    expect(await attemptAt('198.51.100.150', 'nobody', WRONG, at(10))).toBe('401');
    expect(await attemptAt('198.51.100.150', head.username, PASSWORD, at(10))).toBe(`429 ${cap - 10}`);
    // The head's own address has not failed: signed in at once.
    expect(await attemptAt('203.0.113.200', head.username, PASSWORD, at(10))).toBe('signed in');
    // After the cap a failing address may try again.
    expect(await attemptAt('198.51.100.101', head.username, PASSWORD, at(cap))).toBe('signed in');
  });

  it(`failures older than ${SIGN_IN_LIMITS.windowMinutes} minutes no longer count and are deleted`, async () => {
    const user = await buildUser(t.handle);
    const start = new Date('2031-06-01T09:00:00Z').getTime();
    const at = (second: number) => new Date(start + second * 1000);
    // Ten seconds apart: the waits (2 s, 4 s) have run out before each.
    for (let i = 0; i < 5; i++)
      expect(await attemptAt('198.51.100.200', user.username, WRONG, at(i * 10))).toBe('401');
    const windowS = SIGN_IN_LIMITS.windowMinutes * 60;
    expect(await attemptAt('198.51.100.201', user.username, WRONG, at(windowS + 45))).toBe('401');
    const left = await failuresOf({ userId: user.id });
    expect(left.map((f) => f.address)).toEqual(['198.51.100.201']);
    expect(await attemptAt('198.51.100.200', user.username, PASSWORD, at(windowS + 46))).toBe('signed in');
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
