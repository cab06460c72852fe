import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema.ts';
import { runCli } from '../../testing/cli.ts';
import {
  buildUser,
  recordAfter,
  recordHead,
  signInSession,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';

// A person's own e-mail address (where their notifications by e-mail go): PATCH /api/me,
// checked for form and uniqueness (400 naming `email`), recorded as `user.updated` naming
// the field; an administrator sets anyone's (PATCH /api/users/{id}, `accord user email`).

interface ErrorBody {
  error: { code: string; fields?: { field: string; reason: string }[] };
}

let t: TestContext;
let admin: UserRow;
let byHead: UserRow;
let amDelegate: UserRow;

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  byHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY' });
  amDelegate = await buildUser(t.handle, { stateCode: 'AM' });
  for (const user of [admin, byHead, amDelegate]) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

const patchMe = (as: UserRow, json: unknown) => t.request('/api/me', { method: 'PATCH', as, json });
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const addressOf = async (user: UserRow) =>
  (await t.handle.db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow())
    .email;

describe('PATCH /api/me: one’s own e-mail address', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/me', { method: 'PATCH', json: { email: 'x@example.org' } })).status).toBe(
      401,
    );
  });

  it('200: the address changes, recorded as user.updated naming the field; the same again records nothing', async () => {
    const seq = await recordHead(t.handle);
    const res = await patchMe(byHead, { email: '  By.Head@Example.org ' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe('By.Head@Example.org');
    expect(await addressOf(byHead)).toBe('By.Head@Example.org');
    const entries = await recordAfter(t.handle, seq);
    expect(entries.map((e) => [e.action, e.actor_id, e.subject_id, e.payload, e.audience])).toEqual([
      ['user.updated', byHead.id, byHead.id, { changes: { email: 'By.Head@Example.org' } }, ['BY']],
    ]);
    expect((await patchMe(byHead, { email: 'By.Head@Example.org' })).status).toBe(200);
    expect(await recordAfter(t.handle, seq)).toHaveLength(1);
  });

  it('null removes it; the language can still be changed alone or with it', async () => {
    const seq = await recordHead(t.handle);
    const res = await patchMe(amDelegate, { email: 'am.delegate@example.org', locale: 'ru' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { email: 'am.delegate@example.org', locale: 'ru' } });
    const removed = await patchMe(amDelegate, { email: null });
    expect(await removed.json()).toMatchObject({ user: { email: null, locale: 'ru' } });
    expect((await patchMe(amDelegate, { locale: 'en' })).status).toBe(200);
    const entries = await recordAfter(t.handle, seq);
    expect(entries.map((e) => [e.action, e.payload])).toEqual([
      ['user.locale_changed', { locale: 'ru' }],
      ['user.updated', { changes: { email: 'am.delegate@example.org' } }],
      ['user.updated', { changes: { email: null } }],
      ['user.locale_changed', { locale: 'en' }],
    ]);
  });

  it('400 naming `email`: not an address, another account’s (any letter case), nothing given', async () => {
    await patchMe(byHead, { email: 'by.head@example.org' });
    const seq = await recordHead(t.handle);
    for (const [json, reason] of [
      [{ email: 'not an address' }, /not an e-mail address/],
      [{ email: 'BY.HEAD@example.org' }, /already used by another account/],
      [{ email: `${'x'.repeat(320)}@example.org` }, /.+/],
      [{}, /give locale or email/],
    ] as const) {
      const res = await patchMe(amDelegate, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      const error = await errorOf(res);
      expect(error.fields?.map((f) => f.field)).toEqual(['email']);
      expect(error.fields?.[0].reason).toMatch(reason);
    }
    expect(await recordHead(t.handle)).toBe(seq);
    expect(await addressOf(amDelegate)).toBeNull();
  });

  it('a browser session needs the CSRF header', async () => {
    const session = await signInSession(t, byHead.username);
    const without = await t.request('/api/me', {
      method: 'PATCH',
      headers: { cookie: session.cookie },
      json: { email: 'csrf@example.org' },
    });
    expect(without.status).toBe(403);
    const withHeader = await t.request('/api/me', {
      method: 'PATCH',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      json: { email: 'csrf@example.org' },
    });
    expect(withHeader.status).toBe(200);
  });
});

describe('PATCH /api/users/{id}: an administrator sets another person’s address', () => {
  it('200 for an administrator; 400 naming `email` when another account has it', async () => {
    await patchMe(byHead, { email: 'taken@example.org' });
    const ok = await t.request(`/api/users/${amDelegate.id}`, {
      method: 'PATCH',
      as: admin,
      json: { email: 'am.delegate@example.org' },
    });
    expect(ok.status).toBe(200);
    const taken = await t.request(`/api/users/${amDelegate.id}`, {
      method: 'PATCH',
      as: admin,
      json: { email: 'Taken@example.org' },
    });
    expect(taken.status).toBe(400);
    expect((await errorOf(taken)).fields?.map((f) => f.field)).toEqual(['email']);
  });

  it('a person may not set another’s address', async () => {
    const res = await t.request(`/api/users/${amDelegate.id}`, {
      method: 'PATCH',
      as: byHead,
      json: { email: 'mine@example.org' },
    });
    expect([403, 404]).toContain(res.status);
  });
});

describe('accord user email', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-user-email-'));
  const accord = (...args: string[]) =>
    runCli(args, { ACCORD_DATA_DIR: dir, ACCORD_PASSWORD: 'correct horse battery' });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "sets and removes an account's address; refuses a malformed one naming email",
    async () => {
      const added = await accord(
        'user',
        'add',
        'alice',
        '--name',
        'Alice',
        '--affiliation',
        'secretariat',
        '--role',
        'point_of_contact',
      );
      expect(added.code, added.stderr).toBe(0);
      expect(await accord('user', 'email', 'alice', 'alice@example.org')).toMatchObject({
        code: 0,
        stdout: 'alice: e-mail alice@example.org\n',
      });
      const bad = await accord('user', 'email', 'alice', 'nope');
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/email.*not an e-mail address/);
      expect(await accord('user', 'email', 'alice', 'none')).toMatchObject({
        code: 0,
        stdout: 'alice: e-mail removed\n',
      });
    },
    4 * 90_000,
  );
});
