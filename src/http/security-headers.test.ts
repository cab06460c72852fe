import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../db/schema.ts';
import { buildUser, signInSession, type TestContext, testContext } from '../testing/harness.ts';
import { fillPath, readOperations, sampleCall } from '../testing/openapi.ts';

// What every answer tells the browser: pages load only their own scripts and may not be
// framed; API answers (the caller's own data, the CSRF token) are never cached.

let t: TestContext;
let admin: UserRow;
/** Calls every operation with sample input (which may disable or sign out the sample person). */
let sweeper: UserRow;

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  sweeper = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
});
afterAll(() => t.close());

/** The Content-Security-Policy header as directive -> sources. */
function directives(res: Response): Record<string, string> {
  const header = res.headers.get('content-security-policy');
  expect(header, `${res.url}: no Content-Security-Policy`).toBeTruthy();
  return Object.fromEntries(
    header!.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

function expectPageHeaders(res: Response) {
  expect(directives(res)).toEqual({
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data: blob:",
    'font-src': "'self' data:",
    'connect-src': "'self'",
    'frame-ancestors': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'object-src': "'none'",
  });
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('pages', () => {
  it('the web UI (any page, built or not) carries the Content-Security-Policy and the other headers', async () => {
    for (const path of ['/', '/proposals', '/sign-in']) expectPageHeaders(await t.request(path));
  });

  it('the API reference runs no inline script: its own script is a file the policy allows', async () => {
    const page = await t.request('/api/docs');
    expect(page.status).toBe(200);
    expectPageHeaders(page);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/api\/docs\/assets\//);
      expect(body.trim()).toBe('');
    }
    for (const [, attributes] of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(attributes)![1];
      const res = await t.request(src);
      expect(res.status, src).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
    }
  });
});

describe('Cache-Control on the API', () => {
  it('every operation answers no-store, to a stranger (401) and to an administrator', async () => {
    const operations = await readOperations(t);
    const problems: string[] = [];
    for (const op of operations) {
      if (op.path === '/api/live') continue; // a stream: checked below
      const { params, body } = sampleCall(op, sweeper.id);
      for (const as of [undefined, sweeper]) {
        const res = await t.request(fillPath(op.path, params), {
          method: op.method,
          as,
          headers: body ? { 'content-type': 'application/json' } : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        await res.body?.cancel();
        const cache = res.headers.get('cache-control') ?? '(none)';
        if (!/\bno-store\b/.test(cache)) problems.push(`${op.key} -> ${res.status}: Cache-Control ${cache}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the sign-in and the session, which carry the CSRF token, answer no-store', async () => {
    const session = await signInSession(t, admin.username);
    const res = await t.request('/api/auth/session', { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { csrfToken: string }).csrfToken).toBe(session.csrfToken);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const signIn = await t.request('/api/auth/sign-in', {
      method: 'POST',
      json: { username: admin.username, password: 'correct horse battery' },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('cache-control')).toBe('no-store');
  });

  it('unknown endpoints, the live stream and the API reference answer no-store too', async () => {
    expect((await t.request('/api/no-such-thing', { as: admin })).headers.get('cache-control')).toBe(
      'no-store',
    );
    expect((await t.request('/api/docs')).headers.get('cache-control')).toBe('no-store');
    const live = await t.request('/api/live', { as: admin });
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    await live.body?.cancel();
  });
});
