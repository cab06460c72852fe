import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildApp } from '../../http/app.ts';
import {
  recordAfter,
  recordHead,
  secondHandle,
  type TestContext,
  testContext,
  tokenFor,
} from '../../testing/harness.ts';
import { buildProcedure } from '../decisions/factories.ts';
import { EmailRunner } from './email.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';
import { smtpOptions } from './mailer.ts';
import { type Mailbox, startMailbox } from './test-mailbox.ts';

// Notifications by e-mail, against a real SMTP server started here (smtp-server on
// 127.0.0.1, a random port): queued with the notification in the change's transaction,
// sent after commit by the runner in the person's language, retried with back-off when the
// server fails (every attempt logged), and never sent twice.

const PUBLIC_URL = 'https://accord.example.org';
let t: TestContext;
let p: NotificationPeople;
let box: Mailbox;

const runnerFor = (smtpUrl: string, handle = t.handle) =>
  new EmailRunner(handle, {
    publicUrl: PUBLIC_URL,
    mail: { smtpUrl, from: 'Accord <accord@example.org>', maxClassification: 0 },
  });

/** Chooses, through the API, how kinds reach a person. */
async function choose(user: UserRow, kinds: { kind: string; inApp: boolean; email: boolean }[]) {
  const res = await t.request('/api/me/notification-preferences', {
    method: 'PUT',
    as: user,
    json: { kinds },
  });
  expect(res.status).toBe(200);
  return res.json();
}

const setAddress = (user: UserRow, email: string | null, locale: 'en' | 'ru' = 'en') =>
  t.handle.db.updateTable('users').set({ email, locale }).where('id', '=', user.id).execute();

const emailsOf = (procedureId: string) =>
  t.handle.db
    .selectFrom('notification_emails')
    .innerJoin('notifications', 'notifications.id', 'notification_emails.notification_id')
    .select([
      'notification_emails.id',
      'notification_emails.status',
      'notification_emails.attempts',
      'notification_emails.next_attempt_at',
      'notification_emails.sent_to',
      'notification_emails.last_error',
      'notifications.user_id',
      'notifications.in_app',
    ])
    .where(sql<string>`notifications.details->>'procedureId'`, '=', procedureId)
    .execute();

beforeAll(async () => {
  t = await testContext(undefined, {
    mail: { smtpUrl: 'smtp://127.0.0.1:25', from: 'Accord <accord@example.org>', maxClassification: 0 },
  });
  p = await buildNotificationPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
  box = await startMailbox();
});
afterAll(async () => {
  await box.close();
  await t.close();
});
afterEach(async () => {
  box.messages.length = 0;
  await t.handle.db.deleteFrom('notification_preferences').execute();
  await t.handle.db.updateTable('users').set({ email: null, locale: 'en' }).execute();
});

describe('a notification by e-mail', () => {
  it('is queued with the notification and reaches the mailbox after commit, in each person’s language, with a link', async () => {
    await setAddress(p.byHead, 'by.head@example.org', 'ru');
    await setAddress(p.amHead, 'am.head@example.org', 'en');
    await setAddress(p.byDelegate, 'by.delegate@example.org', 'en');
    // BY's head wants it by e-mail only; AM's head both ways; BY's delegate in the app only.
    await choose(p.byHead, [{ kind: 'procedure_opened', inApp: false, email: true }]);
    await choose(p.amHead, [{ kind: 'procedure_opened', inApp: true, email: true }]);

    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Joint exercise' },
      chair: p.admin,
      deadline: 2 * 3_600_000,
    });
    // Queued in the transaction that wrote the notifications, nothing sent yet.
    const queued = await emailsOf(procedure.id);
    expect(queued.map((e) => e.user_id).sort()).toEqual([p.amHead.id, p.byHead.id].sort());
    expect(queued.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
    expect(box.messages).toHaveLength(0);

    const results = await runnerFor(box.url).sendDue();
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    expect(box.messages).toHaveLength(2);

    const ru = box.messages.find((m) => m.to[0] === 'by.head@example.org')!;
    expect(ru.subject).toBe('Accord: Открыта процедура: «Joint exercise»');
    expect(ru.from).toBe('accord@example.org');
    expect(ru.headers.get('content-language')).toBe('ru');
    expect(ru.text).toContain('По предложению «Joint exercise» открыта процедура.');
    expect(ru.text).toContain('Процедура: Процедура молчания');
    expect(ru.text).toMatch(/Срок: .*\(Europe\/Moscow, UTC\+03:00\)/);
    expect(ru.text).toContain(`${PUBLIC_URL}/proposals/${procedure.proposal_id}`);
    expect(ru.html).toContain(`href="${PUBLIC_URL}/proposals/${procedure.proposal_id}"`);

    const en = box.messages.find((m) => m.to[0] === 'am.head@example.org')!;
    expect(en.subject).toBe('Accord: Procedure opened on "Joint exercise"');
    expect(en.text).toContain('Procedure: Silence procedure');
    expect(en.text).toContain(`${PUBLIC_URL}/account#notification-preferences`);

    const after = await emailsOf(procedure.id);
    expect(after.map((e) => [e.status, e.sent_to]).sort()).toEqual([
      ['sent', 'am.head@example.org'],
      ['sent', 'by.head@example.org'],
    ]);
    // E-mail only: not listed in the app; both ways: listed.
    const list = async (user: UserRow) =>
      (await (await t.request('/api/notifications', { as: user })).json()) as {
        items: { procedure: { id: string } }[];
      };
    expect((await list(p.byHead)).items.some((n) => n.procedure?.id === procedure.id)).toBe(false);
    expect((await list(p.amHead)).items.some((n) => n.procedure?.id === procedure.id)).toBe(true);
    expect((await list(p.byDelegate)).items.some((n) => n.procedure?.id === procedure.id)).toBe(true);
    // The attempt is logged with the server's answer.
    const attempts = await t.handle.db
      .selectFrom('notification_email_attempts')
      .selectAll()
      .where(
        'email_id',
        'in',
        after.map((e) => e.id),
      )
      .execute();
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => a.error === null && /^250/.test(a.response ?? ''))).toBe(true);
  });

  it('goes to nobody who kept e-mail off (the default) or turned it off again', async () => {
    await setAddress(p.byHead, 'by.head@example.org');
    await setAddress(p.amHead, 'am.head@example.org');
    await choose(p.amHead, [{ kind: 'procedure_opened', inApp: true, email: true }]);
    await choose(p.amHead, [{ kind: 'procedure_opened', inApp: true, email: false }]);
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Quiet' },
      chair: p.admin,
    });
    expect(await emailsOf(procedure.id)).toEqual([]);
    expect(await runnerFor(box.url).sendDue()).toEqual([]);
    expect(box.messages).toHaveLength(0);
  });

  it('is not queued for a person without an address, and neither channel leaves a notification unwritten', async () => {
    await choose(p.byHead, [{ kind: 'procedure_opened', inApp: false, email: true }]);
    const procedure = await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin });
    const rows = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .execute();
    expect(rows.map((r) => r.user_id)).not.toContain(p.byHead.id);
    expect(await emailsOf(procedure.id)).toEqual([]);
  });

  it('says only that a notification is waiting when the subject is classified above the configured level', async () => {
    await setAddress(p.byHead, 'by.head@example.org', 'ru');
    await setAddress(p.amHead, 'am.head@example.org', 'en');
    for (const user of [p.byHead, p.amHead])
      await choose(user, [{ kind: 'procedure_opened', inApp: true, email: true }]);
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Troop positions', classification: 'restricted' },
      chair: p.admin,
    });
    await runnerFor(box.url).sendDue();
    expect(box.messages).toHaveLength(2);
    for (const m of box.messages) {
      expect(m.raw).not.toContain('Troop');
      expect(m.text).toContain(`${PUBLIC_URL}/proposals/${procedure.proposal_id}`);
    }
    const en = box.messages.find((m) => m.to[0] === 'am.head@example.org')!;
    expect(en.subject).toBe('Accord: A notification is waiting in Accord');
    const ru = box.messages.find((m) => m.to[0] === 'by.head@example.org')!;
    expect(ru.subject).toBe('Accord: В Accord вас ждёт уведомление');
  });

  it('is retried with back-off when the server fails, every attempt logged, then sent once', async () => {
    await setAddress(p.amHead, 'am.head@example.org');
    await choose(p.amHead, [{ kind: 'procedure_opened', inApp: true, email: true }]);
    const procedure = await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin });
    const [email] = await emailsOf(procedure.id);

    // A server that is not there: connection refused.
    const closed = await freePort();
    const first = await runnerFor(`smtp://127.0.0.1:${closed}`).sendDue();
    expect(first).toMatchObject([{ emailId: email.id, attempt: 1, outcome: 'retry' }]);
    expect(first[0].error).toMatch(/ECONNREFUSED|ECONNECTION/);
    let [row] = await emailsOf(procedure.id);
    expect(row.status).toBe('pending');
    expect(row.next_attempt_at!.getTime() - Date.now()).toBeGreaterThan(50_000);

    // Not due yet: nothing happens.
    expect(await runnerFor(box.url).sendDue()).toEqual([]);

    // The server answers 451 (try again later): a second failure, a longer wait.
    box.refuseNext(1);
    const second = await runnerFor(box.url).sendDue(new Date(Date.now() + 61_000));
    expect(second).toMatchObject([{ attempt: 2, outcome: 'retry' }]);
    expect(second[0].error).toMatch(/451/);
    [row] = await emailsOf(procedure.id);
    expect(row.next_attempt_at!.getTime() - Date.now()).toBeGreaterThan(290_000);

    const third = await runnerFor(box.url).sendDue(new Date(Date.now() + 301_000));
    expect(third).toMatchObject([{ attempt: 3, outcome: 'sent', to: 'am.head@example.org' }]);
    expect(box.messages).toHaveLength(1);

    const attempts = await t.handle.db
      .selectFrom('notification_email_attempts')
      .selectAll()
      .where('email_id', '=', email.id)
      .orderBy('id')
      .execute();
    expect(attempts.map((a) => (a.error ? 'failed' : 'sent'))).toEqual(['failed', 'failed', 'sent']);
    expect(attempts[1].error).toMatch(/451/);
    [row] = await emailsOf(procedure.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    // Nothing more to send, however late.
    expect(await runnerFor(box.url).sendDue(new Date(Date.now() + 86_400_000))).toEqual([]);
  });

  it('is sent once with two runners working at the same time', async () => {
    const people = [p.amHead, p.byHead, p.byDelegate, p.amDelegate, p.byAuthorised, p.amContact];
    for (const [i, user] of people.entries()) {
      await setAddress(user, `person${i}@example.org`);
      await choose(user, [{ kind: 'procedure_opened', inApp: true, email: true }]);
    }
    const procedures = [];
    for (let i = 0; i < 3; i++)
      procedures.push(await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin }));
    const queued = (await Promise.all(procedures.map((pr) => emailsOf(pr.id)))).flat();
    expect(queued.length).toBeGreaterThanOrEqual(12);

    const other = await secondHandle(t.handle);
    try {
      const [a, b] = await Promise.all([runnerFor(box.url).sendDue(), runnerFor(box.url, other).sendDue()]);
      expect(a.length + b.length).toBe(queued.length);
      expect(new Set([...a, ...b].map((r) => r.emailId)).size).toBe(queued.length);
    } finally {
      await other.close();
    }
    expect(box.messages).toHaveLength(queued.length);
    const ids = box.messages.map((m) => m.headers.get('message-id'));
    expect(new Set(ids).size).toBe(queued.length);
  });

  it('goes over STARTTLS with the user and password of the URL when the server offers it', async () => {
    const secure = await startMailbox({ tls: true, auth: { user: 'accord', pass: 'p@ss word' } });
    try {
      await setAddress(p.amHead, 'am.head@example.org');
      await choose(p.amHead, [{ kind: 'procedure_opened', inApp: true, email: true }]);
      await buildProcedure(t.handle, { proposal: { body: 'committee' }, chair: p.admin });
      const results = await runnerFor(`${secure.url}?tls.rejectUnauthorized=false`).sendDue();
      expect(results.map((r) => r.outcome)).toEqual(['sent']);
      expect(secure.messages).toMatchObject([{ secure: true, user: 'accord', to: ['am.head@example.org'] }]);
    } finally {
      await secure.close();
    }
  });
});

describe('the mail configuration', () => {
  it('is off without ACCORD_SMTP_URL, and reads the sender, the level and the public URL', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:8080');
    const config = loadConfig({
      ACCORD_SMTP_URL: 'smtp://u%40x:secret@mail.example.org:2525',
      ACCORD_MAIL_MAX_CLASSIFICATION: 'restricted',
      ACCORD_PUBLIC_URL: 'https://accord.example.org/',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://u%40x:secret@mail.example.org:2525',
      from: 'Accord <accord@mail.example.org>',
      maxClassification: 1,
    });
    expect(config.publicUrl).toBe('https://accord.example.org');
    expect(() => loadConfig({ ACCORD_SMTP_URL: 'smtp://h', ACCORD_MAIL_MAX_CLASSIFICATION: 'top' })).toThrow(
      /ACCORD_MAIL_MAX_CLASSIFICATION/,
    );
    expect(smtpOptions('smtp://u%40x:secret@mail.example.org:2525')).toMatchObject({
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      auth: { user: 'u@x', pass: 'secret' },
      tls: { rejectUnauthorized: true },
    });
    expect(smtpOptions('smtps://mail.example.org')).toMatchObject({ port: 465, secure: true });
  });
});

describe('/api/users/{id}/notification-preferences and /api/me/notification-preferences', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/me/notification-preferences')).status).toBe(401);
    expect((await t.request(`/api/users/${p.byHead.id}/notification-preferences`)).status).toBe(401);
  });

  it('200: each kind in the app and by e-mail, whether e-mail is on, the address', async () => {
    await setAddress(p.byHead, 'by.head@example.org');
    const res = await t.request(`/api/users/${p.byHead.id}/notification-preferences`, { as: p.byHead });
    expect(res.status).toBe(200);
    const { preferences } = await res.json();
    expect(preferences.email).toEqual({ available: true, address: 'by.head@example.org' });
    expect(preferences.kinds[0]).toEqual({
      kind: 'procedure_opened',
      enabled: true,
      inApp: true,
      email: false,
    });
    expect(preferences.disabled).toEqual([]);
  });

  it('200 on a change, recorded with the kinds by e-mail; the same again records nothing', async () => {
    const seq = await recordHead(t.handle);
    const res = await t.request(`/api/users/${p.byHead.id}/notification-preferences`, {
      method: 'PUT',
      as: p.byHead,
      json: {
        kinds: [
          { kind: 'outcome', inApp: false, email: true },
          { kind: 'leg_arrived', inApp: true, email: true },
        ],
      },
    });
    expect(res.status).toBe(200);
    const { preferences } = await res.json();
    expect(preferences.disabled).toEqual(['outcome']);
    expect(
      preferences.kinds.filter((k: { email: boolean }) => k.email).map((k: { kind: string }) => k.kind),
    ).toEqual(['outcome', 'leg_arrived']);
    const entries = await recordAfter(t.handle, seq);
    expect(entries.map((e) => [e.action, e.subject_id, e.payload])).toEqual([
      [
        'user.notifications_changed',
        p.byHead.id,
        { disabled: ['outcome'], before: [], email: ['outcome', 'leg_arrived'], emailBefore: [] },
      ],
    ]);
    // The older form still turns kinds off in the app and keeps the e-mail choices.
    const legacy = await t.request('/api/me/notification-preferences', {
      method: 'PUT',
      as: p.byHead,
      json: { disabled: ['deadline_1h'] },
    });
    expect((await legacy.json()).preferences).toMatchObject({ disabled: ['deadline_1h'] });
    const again = await t.request('/api/me/notification-preferences', { as: p.byHead });
    const kinds = (await again.json()).preferences.kinds as {
      kind: string;
      inApp: boolean;
      email: boolean;
    }[];
    expect(kinds.find((k) => k.kind === 'outcome')).toMatchObject({ inApp: true, email: true });
    const seq2 = await recordHead(t.handle);
    await choose(p.byHead, [{ kind: 'outcome', inApp: true, email: true }]);
    expect(await recordAfter(t.handle, seq2)).toEqual([]);
  });

  it('400 naming the field for bad input', async () => {
    const put = (json: unknown) =>
      t.request('/api/me/notification-preferences', { method: 'PUT', as: p.byHead, json });
    const fields = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()).error.fields as { field: string }[]).map((f) => f.field);
    };
    expect(await fields(await put({ kinds: [{ kind: 'nonsense', inApp: true, email: true }] }))).toEqual([
      'kinds.0.kind',
    ]);
    expect(await fields(await put({ kinds: [{ kind: 'outcome', inApp: 'yes', email: true }] }))).toEqual([
      'kinds.0.inApp',
    ]);
    expect(
      await fields(
        await put({
          kinds: [
            { kind: 'outcome', inApp: true, email: true },
            { kind: 'outcome', inApp: false, email: true },
          ],
        }),
      ),
    ).toEqual(['kinds.1.kind']);
    expect(await fields(await put({}))).toEqual(['kinds']);
    expect(await fields(await put({ kinds: [], disabled: [] }))).toEqual(['kinds']);
    expect(await fields(await put({ kinds: [], extra: 1 }))).toEqual(['extra']);
    const badId = await t.request('/api/users/not-a-uuid/notification-preferences', { as: p.byHead });
    expect(await fields(badId)).toEqual(['path.id']);
  });

  it("404 for someone else's, even an administrator's look at another person's", async () => {
    for (const [as, whose] of [
      [p.byHead, p.amHead],
      [p.admin, p.byHead],
    ] as const) {
      const get = await t.request(`/api/users/${whose.id}/notification-preferences`, { as });
      expect(get.status).toBe(404);
      const put = await t.request(`/api/users/${whose.id}/notification-preferences`, {
        method: 'PUT',
        as,
        json: { kinds: [{ kind: 'outcome', inApp: false, email: false }] },
      });
      expect(put.status).toBe(404);
    }
    const rows = await t.handle.db.selectFrom('notification_preferences').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('says when the server sends no e-mail', async () => {
    const off = buildApp({ handle: t.handle, config: { ...loadConfig({}), mail: null }, live: t.live });
    const res = await off.request('/api/me/notification-preferences', {
      headers: { authorization: `Bearer ${await tokenFor(t.handle, p.byHead)}` },
    });
    expect((await res.json()).preferences.email).toEqual({ available: false, address: null });
  });
});

/** A port with nothing listening on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
