import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import {
  buildUser,
  recordAfter,
  recordHead,
  signInSession,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';
import { usersLedgerActions } from './record.ts';

interface PresentedUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  accessLevel: string;
  stateCode: string | null;
  disabled: boolean;
  abilities: { update: boolean; disable: boolean };
}
interface ErrorBody {
  error: { code: string; fields?: { field: string; reason: string }[] };
}

let t: TestContext;
let admin: UserRow;
let byHead: UserRow;
let byDelegate: UserRow;
let amHead: UserRow;
let amDelegate: UserRow;
let unObserver: UserRow;

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  byHead = await buildUser(t.handle, {
    role: 'head_of_delegation',
    stateCode: 'BY',
    accessLevel: 'confidential',
  });
  byDelegate = await buildUser(t.handle, { stateCode: 'BY' });
  amHead = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'AM' });
  amDelegate = await buildUser(t.handle, { stateCode: 'AM' });
  unObserver = await buildUser(t.handle, { role: 'observer', partnerCode: 'UN' });
  for (const user of [admin, byHead, byDelegate, amHead, amDelegate, unObserver])
    await tokenFor(t.handle, user);
});
afterAll(() => t.close());

const fieldsOf = async (res: Response) =>
  ((await res.json()) as ErrorBody).error.fields?.map((f) => f.field) ?? [];
const userOf = async (res: Response) => ((await res.json()) as { user: PresentedUser }).user;

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  username: `person-${randomUUID().slice(0, 8)}`,
  displayName: 'A New Person',
  email: 'new.person@example.org',
  password: 'a long enough password',
  affiliation: 'delegation',
  stateCode: 'TJ',
  role: 'delegate',
  accessLevel: 'restricted',
  ...overrides,
});

describe('GET /api/users', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/users')).status).toBe(401);
  });

  it('200: each caller sees the people the policy shows them, with their abilities', async () => {
    const all = await t.handle.db.selectFrom('users').selectAll().execute();
    for (const viewer of [admin, byHead, byDelegate, unObserver]) {
      const res = await t.request('/api/users', { as: viewer });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: PresentedUser[]; abilities: { create: boolean } };
      const person = personFromRow(viewer);
      expect(body.abilities.create).toBe(can(person, 'create', 'users', null));
      expect(body.items.map((u) => u.id).sort()).toEqual(
        all
          .filter((u) => can(person, 'read', 'user', u))
          .map((u) => u.id)
          .sort(),
      );
      for (const item of body.items) {
        const row = all.find((u) => u.id === item.id)!;
        expect(item.abilities, `${viewer.username} on ${row.username}`).toEqual({
          update: can(person, 'update', 'user', row),
          disable: can(person, 'disable', 'user', row),
        });
      }
    }
  });

  it('a head of delegation sees their delegation, the other heads and the secretariat, not other delegates', async () => {
    const body = (await (await t.request('/api/users', { as: byHead })).json()) as { items: PresentedUser[] };
    const ids = body.items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([byHead.id, byDelegate.id, amHead.id, admin.id]));
    expect(ids).not.toContain(amDelegate.id);
    expect(ids).not.toContain(unObserver.id);
    expect(body.items.every((u) => !u.abilities.update && !u.abilities.disable)).toBe(true);
    // Nothing secret leaves the server.
    expect(JSON.stringify(body)).not.toMatch(/password|argon2|hash/i);
  });
});

describe("sign-in throttling is nobody else's business", () => {
  it('after failed sign-ins against a person, no one, an administrator included, is shown a lock or a count', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await t.request('/api/auth/sign-in', {
        method: 'POST',
        json: { username: amHead.username, password: `wrong password ${i}` },
      });
      expect([401, 429]).toContain(res.status);
    }
    const shown = /lock|throttl|fail|attempt|retry|notBefore/i;
    for (const viewer of [admin, byHead, amDelegate, amHead]) {
      const list = (await (await t.request('/api/users', { as: viewer })).json()) as {
        items: PresentedUser[];
      };
      const item = list.items.find((u) => u.id === amHead.id);
      expect(item, viewer.username).toBeDefined();
      expect(
        Object.keys(item!).filter((k) => shown.test(k)),
        viewer.username,
      ).toEqual([]);
      const one = (await (await t.request(`/api/users/${amHead.id}`, { as: viewer })).json()) as {
        user: object;
      };
      expect(
        Object.keys(one.user).filter((k) => shown.test(k)),
        viewer.username,
      ).toEqual([]);
    }
    // And the person can still sign in from their own address: nobody locked them out.
    const own = await t.app.request(
      '/api/auth/sign-in',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: amHead.username, password: 'correct horse battery' }),
      },
      { incoming: { socket: { remoteAddress: '203.0.113.44' } } },
    );
    expect(own.status).toBe(200);
  });
});

describe('GET /api/users/{id}', () => {
  it('401, 400 for a malformed id, 404 for someone the caller may not see or who does not exist, 200', async () => {
    expect((await t.request(`/api/users/${byDelegate.id}`)).status).toBe(401);

    const malformed = await t.request('/api/users/not-a-uuid', { as: byHead });
    expect(malformed.status).toBe(400);
    expect(await fieldsOf(malformed)).toEqual(['path.id']);

    for (const id of [amDelegate.id, unObserver.id, randomUUID()]) {
      const res = await t.request(`/api/users/${id}`, { as: byHead });
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
    }

    const res = await t.request(`/api/users/${byDelegate.id}`, { as: byHead });
    expect(res.status).toBe(200);
    expect(await userOf(res)).toMatchObject({
      id: byDelegate.id,
      stateCode: 'BY',
      role: 'delegate',
      disabled: false,
      abilities: { update: false, disable: false },
    });
    const asAdmin = await userOf(await t.request(`/api/users/${byDelegate.id}`, { as: admin }));
    expect(asAdmin.abilities).toEqual({ update: true, disable: true });
    const self = await userOf(await t.request(`/api/users/${admin.id}`, { as: admin }));
    expect(self.abilities).toEqual({ update: true, disable: false });
  });
});

describe('POST /api/users', () => {
  it('401 without credentials, 403 for a head of delegation, and neither writes anything', async () => {
    const before = await recordHead(t.handle);
    expect((await t.request('/api/users', { method: 'POST', json: newPerson() })).status).toBe(401);
    const res = await t.request('/api/users', {
      method: 'POST',
      json: newPerson({ stateCode: 'BY' }),
      as: byHead,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('400 naming the field: a delegate without a state, a partner who is not an observer, a bad username, a taken one', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ stateCode: null }, ['stateCode']],
      [{ affiliation: 'partner', stateCode: null, partnerCode: 'UN', role: 'delegate' }, ['role']],
      [{ affiliation: 'delegation', role: 'secretariat_admin' }, ['role']],
      [{ username: 'No Spaces Allowed' }, ['username']],
      [{ email: 'not-an-email' }, ['email']],
      [{ password: 'short' }, ['password']],
      [{ stateCode: 'XX' }, ['stateCode']],
      [{ username: byDelegate.username.toUpperCase() }, ['username']],
    ];
    for (const [overrides, fields] of cases) {
      const res = await t.request('/api/users', { method: 'POST', json: newPerson(overrides), as: admin });
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(await fieldsOf(res), JSON.stringify(overrides)).toEqual(fields);
    }
  });

  it('201 for an administrator: the person exists, can sign in, and the creation is recorded without the password', async () => {
    const before = await recordHead(t.handle);
    const input = newPerson({ username: '  Mixed.Case  ', stateCode: 'tj', accessLevel: 'confidential' });
    const res = await t.request('/api/users', { method: 'POST', json: input, as: admin });
    expect(res.status).toBe(201);
    const created = await userOf(res);
    expect(created).toMatchObject({
      username: 'mixed.case',
      stateCode: 'TJ',
      role: 'delegate',
      accessLevel: 'confidential',
      disabled: false,
      abilities: { update: true, disable: true },
    });
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.actor_id, e.audience])).toEqual([
      ['user.created', 'user', created.id, admin.id, ['TJ']],
    ]);
    expect(recorded[0].payload).toMatchObject({ username: 'mixed.case', stateCode: 'TJ', role: 'delegate' });
    expect(JSON.stringify(recorded)).not.toContain(input.password);
    const row = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await signInSession(t, 'mixed.case', input.password);
  });
});

describe("a person's access level", () => {
  const problemsOf = async (res: Response) =>
    ((await res.json()) as ErrorBody).error.fields?.map((f) => [f.field, f.reason]) ?? [];

  it('400 naming accessLevel for a level that does not exist, on creation and on change; nothing recorded', async () => {
    const before = await recordHead(t.handle);
    const created = await t.request('/api/users', {
      method: 'POST',
      json: newPerson({ accessLevel: 'top-secret' }),
      as: admin,
    });
    expect(created.status).toBe(400);
    expect(await problemsOf(created)).toEqual([
      ['accessLevel', 'must be one of public, restricted, confidential, secret'],
    ]);
    const changed = await t.request(`/api/users/${byDelegate.id}`, {
      method: 'PATCH',
      json: { accessLevel: 'cosmic' },
      as: admin,
    });
    expect(changed.status).toBe(400);
    expect(await fieldsOf(changed)).toEqual(['accessLevel']);
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('the old key clearance is refused by name, and accessLevel is still asked for', async () => {
    const { accessLevel: _, ...person } = newPerson();
    const res = await t.request('/api/users', {
      method: 'POST',
      json: { ...person, clearance: 'secret' },
      as: admin,
    });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).sort()).toEqual(['accessLevel', 'clearance']);
  });

  it("is answered as accessLevel in a person's own account, and nobody changes their own", async () => {
    const res = await t.request('/api/me', { method: 'PATCH', json: { locale: 'en' }, as: byHead });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { user: Record<string, unknown> };
    expect(me.user).toMatchObject({ accessLevel: 'confidential' });
    expect(me.user).not.toHaveProperty('clearance');
    const own = await t.request(`/api/users/${admin.id}`, {
      method: 'PATCH',
      json: { accessLevel: 'public' },
      as: admin,
    });
    expect(own.status).toBe(403);
    expect(await fieldsOf(own)).toEqual(['accessLevel']);
  });

  it('record entries written before it was called accessLevel still read; new ones must use accessLevel', () => {
    const created = usersLedgerActions['user.created'].payload;
    const old = {
      username: 'old.person',
      displayName: 'Old Person',
      affiliation: 'secretariat',
      stateCode: null,
      partnerCode: null,
      role: 'delegate',
    };
    expect(created.safeParse({ ...old, clearance: 'secret' }).success).toBe(true);
    expect(created.safeParse({ ...old, accessLevel: 'secret' }).success).toBe(true);
    expect(created.safeParse(old).success).toBe(false);
    expect(created.safeParse({ ...old, accessLevel: 'secret', clearance: 'secret' }).success).toBe(false);
    const updated = usersLedgerActions['user.updated'].payload;
    expect(updated.safeParse({ changes: { clearance: 'public' } }).success).toBe(true);
    expect(updated.safeParse({ changes: { accessLevel: 'public' } }).success).toBe(true);
  });
});

describe('PATCH /api/users/{id}', () => {
  it('401, 400, 404 for someone the caller may not see, 403 for someone they may see but not change', async () => {
    const before = await recordHead(t.handle);
    expect(
      (await t.request(`/api/users/${byDelegate.id}`, { method: 'PATCH', json: { displayName: 'X' } }))
        .status,
    ).toBe(401);

    const badEmail = await t.request(`/api/users/${byDelegate.id}`, {
      method: 'PATCH',
      json: { email: 'nope' },
      as: admin,
    });
    expect(badEmail.status).toBe(400);
    expect(await fieldsOf(badEmail)).toEqual(['email']);
    const adminRole = await t.request(`/api/users/${byDelegate.id}`, {
      method: 'PATCH',
      json: { role: 'secretariat_admin' },
      as: admin,
    });
    expect(adminRole.status).toBe(400);
    expect(await fieldsOf(adminRole)).toEqual(['role']);
    const partnerRole = await t.request(`/api/users/${unObserver.id}`, {
      method: 'PATCH',
      json: { role: 'delegate' },
      as: admin,
    });
    expect(partnerRole.status).toBe(400);
    expect(await fieldsOf(partnerRole)).toEqual(['role']);

    for (const id of [amDelegate.id, randomUUID()]) {
      const res = await t.request(`/api/users/${id}`, {
        method: 'PATCH',
        json: { displayName: 'X' },
        as: byHead,
      });
      expect(res.status).toBe(404);
    }
    for (const id of [byDelegate.id, amHead.id, byHead.id]) {
      const res = await t.request(`/api/users/${id}`, {
        method: 'PATCH',
        json: { displayName: 'X' },
        as: byHead,
      });
      expect(res.status).toBe(403);
    }
    expect(await recordHead(t.handle)).toBe(before);
  });

  it('200 for an administrator, recorded with the changes; an empty change records nothing', async () => {
    const person = await buildUser(t.handle, { stateCode: 'AM' });
    const before = await recordHead(t.handle);
    const changes = {
      displayName: 'Renamed Person',
      email: 'renamed@example.org',
      role: 'point_of_contact',
      accessLevel: 'secret',
    };
    const res = await t.request(`/api/users/${person.id}`, { method: 'PATCH', json: changes, as: admin });
    expect(res.status).toBe(200);
    expect(await userOf(res)).toMatchObject({ ...changes, abilities: { update: true, disable: true } });
    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.actor_id, e.audience, e.payload])).toEqual([
      ['user.updated', person.id, admin.id, ['AM'], { changes }],
    ]);

    const head = await recordHead(t.handle);
    expect(
      (await t.request(`/api/users/${person.id}`, { method: 'PATCH', json: {}, as: admin })).status,
    ).toBe(200);
    expect(await recordHead(t.handle)).toBe(head);
  });
});

describe('POST /api/users/{id}/disable and /enable', () => {
  it('401, 400, 404 for someone the caller may not see, 403 for a head of delegation and for disabling oneself', async () => {
    const before = await recordHead(t.handle);
    for (const action of ['disable', 'enable']) {
      expect((await t.request(`/api/users/${byDelegate.id}/${action}`, { method: 'POST' })).status).toBe(401);
      const malformed = await t.request(`/api/users/123/${action}`, { method: 'POST', as: admin });
      expect(malformed.status).toBe(400);
      expect(await fieldsOf(malformed)).toEqual(['path.id']);
      for (const id of [amDelegate.id, randomUUID()])
        expect((await t.request(`/api/users/${id}/${action}`, { method: 'POST', as: byHead })).status).toBe(
          404,
        );
      expect(
        (await t.request(`/api/users/${byDelegate.id}/${action}`, { method: 'POST', as: byHead })).status,
      ).toBe(403);
      expect(
        (await t.request(`/api/users/${admin.id}/${action}`, { method: 'POST', as: admin })).status,
      ).toBe(403);
    }
    expect(await recordHead(t.handle)).toBe(before);
    const row = await t.handle.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', byDelegate.id)
      .executeTakeFirst();
    expect(row?.disabled_at).toBeNull();
  });

  it('disabling ends the sessions and revokes the tokens at once, and is recorded; enabling lets the person back in', async () => {
    const person = await buildUser(t.handle, { stateCode: 'AM', username: 'to.be.disabled' });
    const token = await tokenFor(t.handle, person);
    const session = await signInSession(t, person.username);
    const before = await recordHead(t.handle);

    const res = await t.request(`/api/users/${person.id}/disable`, { method: 'POST', as: admin });
    expect(res.status).toBe(200);
    expect(await userOf(res)).toMatchObject({ id: person.id, disabled: true });
    expect((await t.request('/api/users', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    expect((await t.request('/api/auth/session', { headers: { cookie: session.cookie } })).status).toBe(401);
    expect(
      await t.handle.db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute(),
    ).toEqual([]);
    const tokens = await t.handle.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', person.id)
      .execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((row) => row.revoked_at !== null)).toBe(true);

    // Disabling again changes nothing and records nothing.
    expect((await t.request(`/api/users/${person.id}/disable`, { method: 'POST', as: admin })).status).toBe(
      200,
    );

    const enabled = await t.request(`/api/users/${person.id}/enable`, { method: 'POST', as: admin });
    expect(enabled.status).toBe(200);
    expect(await userOf(enabled)).toMatchObject({ disabled: false });
    await signInSession(t, person.username);
    // A revoked token stays revoked.
    expect((await t.request('/api/users', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_id, e.actor_id, e.audience])).toEqual([
      ['user.disabled', person.id, admin.id, ['AM']],
      ['user.enabled', person.id, admin.id, ['AM']],
      ['auth.signed_in', person.id, person.id, ['AM']],
    ]);
  });

  it('a disabled person still shows in the list, marked disabled', async () => {
    const person = await buildUser(t.handle, { stateCode: 'BY' });
    await t.request(`/api/users/${person.id}/disable`, { method: 'POST', as: admin });
    const body = (await (await t.request('/api/users', { as: byHead })).json()) as { items: PresentedUser[] };
    expect(body.items.find((u) => u.id === person.id)).toMatchObject({ disabled: true });
  });
});
