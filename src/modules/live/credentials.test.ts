import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { personFromRow, systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildApp } from '../../http/app.ts';
import {
  buildUser,
  type CookieSession,
  signInSession,
  type TestContext,
  testContext,
  tokenFor,
  writeRecorded,
} from '../../testing/harness.ts';
import { SseReader } from '../../testing/sse.ts';
import { LiveHub } from './hub.ts';

// A live stream lasts as long as the credential it was opened with: it ends when the
// session is signed out, ended by a password change or expired, when the API token is
// revoked or the account disabled; and a lowered access level applies from the next entry.
// Each scenario waits for the stream's `end` event and then for the stream to close; had it
// kept streaming, the wait would never end and the test would fail on its time limit.

let t: TestContext;
let admin: UserRow;
const open: SseReader[] = [];

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  await tokenFor(t.handle, admin);
});
afterAll(async () => {
  await Promise.all(open.map((reader) => reader.close().catch(() => {})));
  await t.close();
});

/** Opens the stream with the given headers (a bearer token or a session cookie) and waits until it is ready. */
async function listen(headers: Record<string, string>, app = t.app): Promise<SseReader> {
  const res = await app.request('/api/live', { headers });
  expect(res.status).toBe(200);
  const reader = new SseReader(res.body!.getReader());
  open.push(reader);
  expect((await reader.next()).event).toBe('ready');
  return reader;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookie = (session: CookieSession) => ({ cookie: session.cookie });

/** Reads until the `end` event, then checks that the stream closes after it. */
async function expectEnd(reader: SseReader): Promise<void> {
  for (;;) {
    const event = await reader.next();
    if (event.event !== 'end') continue;
    expect(JSON.parse(event.data)).toEqual({ reason: 'signed_out' });
    await expect(reader.next()).rejects.toThrow('the stream ended');
    return;
  }
}

/** Calls the API with a session, as the browser does (cookie and CSRF token). */
const withSession = (session: CookieSession, path: string, method: string, json?: unknown) =>
  t.request(path, {
    method,
    json,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });

describe('a live stream follows its credential', () => {
  it('ends when the account is disabled', async () => {
    const person = await buildUser(t.handle);
    const stream = await listen(bearer(await tokenFor(t.handle, person)));
    const res = await t.request(`/api/users/${person.id}/disable`, { method: 'POST', as: admin });
    expect(res.status).toBe(200);
    await expectEnd(stream);
  });

  it('ends when its session is signed out, and not before', async () => {
    const person = await buildUser(t.handle);
    const session = await signInSession(t, person.username);
    const stream = await listen(cookie(session));
    // Another of the person's sessions signing out leaves this one streaming.
    const other = await signInSession(t, person.username);
    expect((await withSession(other, '/api/auth/sign-out', 'POST')).status).toBe(204);
    expect((await withSession(session, '/api/auth/sign-out', 'POST')).status).toBe(204);
    await expectEnd(stream);
  });

  it('ends when a password change from another session ends its session', async () => {
    const person = await buildUser(t.handle);
    const session = await signInSession(t, person.username);
    const stream = await listen(cookie(session));
    const other = await signInSession(t, person.username);
    const res = await withSession(other, '/api/auth/password', 'POST', {
      currentPassword: 'correct horse battery',
      newPassword: 'a new horse battery staple',
    });
    expect(res.status).toBe(204);
    await expectEnd(stream);
  });

  it('ends when its API token is revoked', async () => {
    const person = await buildUser(t.handle);
    const created = await t.request('/api/me/tokens', {
      method: 'POST',
      as: person,
      json: { name: 'dashboard screen' },
    });
    expect(created.status).toBe(201);
    const { token, item } = (await created.json()) as { token: string; item: { id: string } };
    const stream = await listen(bearer(token));
    const res = await t.request(`/api/me/tokens/${item.id}`, { method: 'DELETE', as: person });
    expect(res.status).toBe(204);
    await expectEnd(stream);
  });

  it('stops delivering what is above a lowered access level from the next entry on', async () => {
    const person = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
    const stream = await listen(bearer(await tokenFor(t.handle, person)));
    const secret = (subjectId: string) =>
      writeRecorded(t.handle, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'note',
        subjectId,
        payload: { changes: {} },
        classification: 3,
      });
    await secret('before');
    const lowered = await t.request(`/api/users/${person.id}`, {
      method: 'PATCH',
      as: admin,
      json: { accessLevel: 'public' },
    });
    expect(lowered.status).toBe(200);
    await secret('after');
    // An entry everyone in the secretariat reads ends the scenario: entries arrive in order.
    const end = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'sentinel',
      subjectId: 'end',
      payload: { changes: {} },
    });
    const seen: string[] = [];
    for (;;) {
      const event = await stream.next();
      if (event.event !== 'entry') continue;
      const entry = JSON.parse(event.data) as {
        seq: number;
        action: string;
        subjectType: string;
        subjectId: string;
      };
      seen.push(`${entry.action} ${entry.subjectType}:${entry.subjectId}`);
      if (entry.seq >= end.seq) break;
    }
    expect(seen).toEqual([
      'user.updated note:before',
      `user.updated user:${person.id}`,
      'user.updated sentinel:end',
    ]);
  });

  it('ends when its session reaches its end, checked on the hub’s timer', async () => {
    let now = new Date();
    const hub = new LiveHub(t.handle, { now: () => now, recheckMs: 10 });
    await hub.start();
    try {
      const app = buildApp({
        handle: t.handle,
        config: { ...loadConfig({}), bodyLimit: 64 * 1024 },
        live: hub,
      });
      const person = await buildUser(t.handle);
      const session = await signInSession(t, person.username);
      const stream = await listen(cookie(session), app);
      // Still streaming while the session lasts: an entry the person reads comes through.
      const ping = await writeRecorded(t.handle, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'sentinel',
        subjectId: 'still-there',
        payload: { changes: {} },
        audience: ['BY'],
      });
      for (;;) {
        const event = await stream.next();
        if (event.event === 'entry' && (JSON.parse(event.data) as { seq: number }).seq === ping.seq) break;
      }
      now = new Date(now.getTime() + (loadConfig({}).sessionHours + 1) * 3_600_000);
      await expectEnd(stream);
      expect(hub.size).toBe(0);
    } finally {
      await hub.stop();
    }
  });

  it('a credential that cannot be checked (the database failing) closes the stream, without `end`, so the client reconnects', async () => {
    const person = await buildUser(t.handle);
    const ended: string[] = [];
    let ask: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      ask = resolve;
    });
    const unsubscribe = t.live.subscribe(personFromRow(person), () => {}, undefined, {
      kind: 'token',
      id: 'unchecked',
      authenticate: async () => {
        throw new Error('the database is gone');
      },
      end: (reason) => {
        ended.push(reason);
        ask();
      },
    });
    await asked;
    unsubscribe();
    expect(ended).toEqual(['unchecked']);
  });
});
