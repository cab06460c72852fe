import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedInApiSchema, generateApiSchema, SCHEMA_PATH } from '../../scripts/generate-api.ts';
import { ApiError, createApiClient, ok } from '../../web/src/api/client.ts';
import { buildUser, type TestContext, testContext } from '../testing/harness.ts';
import type { App } from './env.ts';

// The web client is typed from the server's OpenAPI document (web/src/api/schema.d.ts) and
// behaves as a browser tab does: cookies, JSON, the CSRF token on writes, ApiError naming
// the fields. Here it talks to the real app in-process.

let t: TestContext;

beforeAll(async () => {
  t = await testContext();
  await buildUser(t.handle, { username: 'typed.client', password: 'correct horse battery' });
});
afterAll(() => t.close());

/** Calls the app in-process keeping the session cookie, as the browser does for a same-origin page. */
function browserFetch(app: App) {
  let cookie = '';
  return async (request: Request) => {
    const headers = new Headers(request.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await app.request(new Request(request, { headers }));
    const set = response.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0];
      cookie = pair.endsWith('=') || /max-age=0/i.test(set) ? '' : pair;
    }
    return response;
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe('generated API types', () => {
  it(`${SCHEMA_PATH} is what the current server generates (else run npm run api:generate)`, async () => {
    const generated = (await generateApiSchema()).split('\n');
    const checkedIn = (checkedInApiSchema() ?? '').split('\n');
    const line = generated.findIndex((text, i) => text !== checkedIn[i]);
    const stale =
      line === -1 && generated.length === checkedIn.length
        ? null
        : `${SCHEMA_PATH} is stale from line ${line + 1} (${JSON.stringify(checkedIn[line] ?? '')} should be ${JSON.stringify(generated[line] ?? '')}): run npm run api:generate and commit it`;
    expect(stale).toBeNull();
  }, 120_000);
});

describe('typed client', () => {
  it('signs in, writes with the CSRF token, and tells a lost session from wrong credentials', async () => {
    const api = createApiClient({ baseUrl: 'http://accord.test', fetch: browserFetch(t.app) });
    const { client } = api;
    let lost = 0;
    api.setUnauthenticatedHandler(() => lost++);

    // Public: no session needed.
    const meta = await ok(client.GET('/api/meta'));
    expect(meta.organisation?.shortName.en).toBe('TO');

    // Wrong credentials: an ApiError, but not "the session is gone".
    const wrong = await failure(
      client.POST('/api/auth/sign-in', { body: { username: 'typed.client', password: 'wrong password!' } }),
    );
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).status).toBe(401);
    expect(lost).toBe(0);

    const session = await ok(
      client.POST('/api/auth/sign-in', {
        body: { username: 'typed.client', password: 'correct horse battery' },
      }),
    );
    expect(session.user.username).toBe('typed.client');
    api.setCsrfToken(session.csrfToken);

    const probe = await ok(client.GET('/api/auth/session'));
    expect(probe.user.id).toBe(session.user.id);

    // A write carries the CSRF token; without it the server refuses and names the header.
    const saved = await ok(client.PATCH('/api/me', { body: { locale: 'ru' } }));
    expect(saved.user.locale).toBe('ru');
    api.setCsrfToken(null);
    const refused = (await failure(client.PATCH('/api/me', { body: { locale: 'en' } }))) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(403);
    expect(refused.code).toBe('csrf_failed');
    expect(refused.fieldErrors()).toHaveProperty('X-CSRF-Token');
    api.setCsrfToken(session.csrfToken);

    // A write without a body still goes as JSON (the server refuses other types).
    const created = await ok(client.POST('/api/me/tokens', { body: { name: 'laptop' } }));
    expect(created.item.name).toBe('laptop');
    expect(created.token).toMatch(/\S{20,}/);
    const tokens = await ok(client.GET('/api/me/tokens'));
    expect(tokens.items.map((item) => item.name)).toContain('laptop');
    await ok(client.DELETE('/api/me/tokens/{id}', { params: { path: { id: created.item.id } } }));

    // Bad input: 400 naming the field and why.
    const bad = (await failure(
      client.POST('/api/me/tokens', { body: { name: 'x', expiresInDays: -3 } }),
    )) as ApiError;
    expect(bad.status).toBe(400);
    expect(bad.code).toBe('validation_failed');
    expect(Object.keys(bad.fieldErrors())).toContain('expiresInDays');

    // Another member's data, or none: 404 as an ApiError.
    const missing = (await failure(
      client.GET('/api/users/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } }),
    )) as ApiError;
    expect(missing.status).toBe(404);

    // Signed out: the next call answers 401 and the handler hears the session is gone.
    expect(await ok(client.POST('/api/auth/sign-out'))).toBeUndefined();
    const gone = (await failure(client.GET('/api/users'))) as ApiError;
    expect(gone.status).toBe(401);
    expect(lost).toBe(1);
  });

  it('turns an unreachable server into ApiError "network", and lets an abort through', async () => {
    // Port 9 (discard) on the loopback: nothing listens, the connection is refused.
    const { client } = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    const unreachable = (await failure(client.GET('/api/meta'))) as ApiError;
    expect(unreachable).toBeInstanceOf(ApiError);
    expect(unreachable.status).toBe(0);
    expect(unreachable.code).toBe('network');

    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(client.GET('/api/meta', { signal: controller.signal }));
    expect((aborted as Error).name).toBe('AbortError');
  });
});
