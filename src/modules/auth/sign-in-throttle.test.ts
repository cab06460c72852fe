import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, recordAfter, recordHead, type TestContext, testContext } from '../../testing/harness.ts';
import { signIn as signInCommand } from './commands.ts';
import { SIGN_IN_LIMITS } from './schema.ts';
import { throttleKey } from './throttle.ts';

const PASSWORD = 'correct horse battery';
const WRONG = 'not the password';

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

const signIn = (username: string, password: string) =>
  t.request('/api/auth/sign-in', { method: 'POST', json: { username, password } });

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; fields?: { field: string; reason: string }[] } }).error;

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
