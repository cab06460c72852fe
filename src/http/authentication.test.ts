import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../db/migrate.ts';
import type { UserRow } from '../db/schema.ts';
import { buildUser, recordHead, type TestContext, testContext } from '../testing/harness.ts';
import {
  clientErrorProblems,
  fillPath,
  OPEN_OPERATIONS,
  type Operation,
  PUBLIC_OPERATIONS,
  readOperations,
  sampleCall,
} from '../testing/openapi.ts';

// Default deny at the door: every operation in the OpenAPI document that is not public
// answers 401 to a caller without valid credentials, even with well-formed input.

let t: TestContext;
let someone: UserRow;
let operations: Operation[];

beforeAll(async () => {
  t = await testContext();
  someone = await buildUser(t.handle);
  operations = await readOperations(t);
});
afterAll(() => t.close());

describe('authentication', () => {
  it('every operation that is not public answers 401 without valid credentials, and writes nothing', async () => {
    const before = await recordHead(t.handle);
    const problems: string[] = [];
    const attempts: { what: string; headers: Record<string, string> }[] = [
      { what: 'no credentials', headers: {} },
      { what: 'an unknown bearer token', headers: { authorization: 'Bearer acc_not-a-real-token' } },
      { what: 'a malformed authorization header', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
      { what: 'an unknown session cookie', headers: { cookie: 'accord_session=forged' } },
    ];
    const closed = operations.filter((op) => !OPEN_OPERATIONS.has(op.key));
    expect(closed.length).toBeGreaterThanOrEqual(20);
    for (const op of closed) {
      const { params, body } = sampleCall(op, someone.id);
      for (const attempt of attempts) {
        const headers: Record<string, string> = { ...attempt.headers };
        if (body) headers['content-type'] = 'application/json';
        const res = await t.request(fillPath(op.path, params), {
          method: op.method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
        });
        problems.push(...(await clientErrorProblems(res, `${op.key} with ${attempt.what}`, { status: 401 })));
      }
    }
    expect(problems).toEqual([]);
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('the health check, meta, the OpenAPI document and the public keys answer without credentials', async () => {
    for (const path of ['/api/health', '/api/meta', '/api/openapi.json', '/api/ledger/public-keys']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
    }
    const documented = operations.filter((op) => PUBLIC_OPERATIONS.has(op.key)).map((op) => op.key);
    expect(documented.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    const health = await (await t.request('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', database: t.handle.kind, schemaVersion: latestVersion() });
    const meta = await (await t.request('/api/meta')).json();
    expect(meta).toMatchObject({ demo: false, organisation: { shortName: { en: 'TO', ru: 'ТО' } } });
  });

  it('sign-in needs no credentials and answers 401 for unknown ones', async () => {
    const res = await t.request('/api/auth/sign-in', {
      method: 'POST',
      json: { username: 'nobody', password: 'nothing at all' },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('an unknown API path answers 401 to strangers (default deny) and 404 to a signed-in person', async () => {
    const anonymous = await t.request('/api/no-such-thing');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const signedIn = await t.request('/api/no-such-thing', { as: someone });
    expect(signedIn.status).toBe(404);
    expect(((await signedIn.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
