import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { defineModule } from '../../core/module.ts';
import { migrate } from '../../db/migrate.ts';
import type { UserRow } from '../../db/schema.ts';
import { assemblePlatform } from '../../platform.ts';
import { isPerson } from '../../policy/predicates.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { buildClearanceRows } from '../clearances/notify-factories.ts';
import { MODULES } from '../index.ts';
import { EmailRunner } from './email.ts';
import { type Emission, emit } from './emit.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';
import { listNotifications, unreadCount } from './queries.ts';
import { type Mailbox, startMailbox } from './test-mailbox.ts';

// The subjects of notifications belong to the modules that send them (`notificationSubjects`
// and the kinds' e-mail words in each module's index.ts): what a person may still be told of
// is decided there, in the one statement that lists, counts or e-mails. Here: a subject that
// rose above the person's level is neither listed, counted nor e-mailed; and a module added
// later brings its own kind and subject type without a line changed in this module.

const PUBLIC_URL = 'https://accord.example.org';
let t: TestContext;
let p: NotificationPeople;
let box: Mailbox;

const runner = () =>
  new EmailRunner(t.handle, {
    publicUrl: PUBLIC_URL,
    mail: { smtpUrl: box.url, from: 'Accord <accord@example.org>', maxClassification: 3 },
  });

/** Gives the person an address and e-mail for the kind, then writes the notification. */
async function notifyByEmail(user: UserRow, e: Emission, locale: 'en' | 'ru' = 'en') {
  await t.handle.db
    .updateTable('users')
    .set({ email: `${user.username}@example.org`, locale })
    .where('id', '=', user.id)
    .execute();
  await t.handle.db
    .insertInto('notification_preferences')
    .values({ user_id: user.id, kind: e.kind, in_app: true, email: true })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ in_app: true, email: true }))
    .execute();
  await t.handle.db.transaction().execute((trx) => emit(trx, [user.id], e));
}

const listed = async (user: UserRow, subjectId: string) =>
  (await listNotifications(t.handle.db, personFromRow(user), { limit: 200, offset: 0 })).items.filter(
    (n) => n.subject_id === subjectId,
  );

beforeAll(async () => {
  t = await testContext();
  p = await buildNotificationPeople(t.handle);
  box = await startMailbox();
});
afterAll(async () => {
  assemblePlatform(MODULES);
  await box.close();
  await t.close();
});
afterEach(() => {
  box.messages.length = 0;
});

describe('a clearance request raised above the person’s level', () => {
  it('is no longer listed, counted or e-mailed; the request’s own module words what is sent before', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['TJ'], classification: 1 });
    const arrived = (key: string): Emission => ({
      kind: 'leg_arrived',
      subjectType: 'clearance_request',
      subjectId: c.request.id,
      key,
      details: {
        reference: c.request.reference,
        requestingState: 'BY',
        urgency: 'urgent',
        state: 'TJ',
        legId: c.leg('TJ').id,
        dueAt: null,
      },
      at: new Date(),
    });
    const head = personFromRow(p.tjHead);
    const unreadBefore = await unreadCount(t.handle.db, head);
    await notifyByEmail(p.tjHead, arrived('first'));
    expect(await listed(p.tjHead, c.request.id)).toMatchObject([
      {
        subject: { title: 'Convoy to the exercise area', reference: c.request.reference, classification: 1 },
      },
    ]);
    expect(await unreadCount(t.handle.db, head)).toBe(unreadBefore + 1);
    await runner().sendDue();
    expect(box.messages.map((m) => m.subject)).toEqual([
      `Accord: Clearance leg to decide: ${c.request.reference} "Convoy to the exercise area"`,
    ]);
    expect(box.messages[0].text).toContain(`${PUBLIC_URL}/clearances/${c.request.id}`);

    // The head of TJ has access level confidential (2); the request becomes secret (3).
    box.messages.length = 0;
    await notifyByEmail(p.tjHead, arrived('second'));
    await t.handle.db
      .updateTable('clearance_requests')
      .set({ classification: 3 })
      .where('id', '=', c.request.id)
      .execute();
    expect(await listed(p.tjHead, c.request.id)).toEqual([]);
    expect(await unreadCount(t.handle.db, head)).toBe(unreadBefore);
    const attempts = await runner().sendDue();
    expect(box.messages).toEqual([]);
    expect(attempts.map((a) => [a.outcome, a.error])).toEqual([
      ['cancelled', 'the person may no longer read its subject'],
    ]);
  });

  it('an observer is told of no clearance request, whatever their level', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['TJ'], classification: 0 });
    await t.handle.db.transaction().execute((trx) =>
      emit(trx, [p.observer.id], {
        kind: 'request_cleared',
        subjectType: 'clearance_request',
        subjectId: c.request.id,
        key: 'observer',
        details: { reference: c.request.reference, requestingState: 'BY', urgency: 'routine' },
        at: new Date(),
      }),
    );
    expect(await listed(p.observer, c.request.id)).toEqual([]);
  });
});

describe('a module added later', () => {
  // A "memos" module: a memo is kept here as the person it is addressed to (a user row), so
  // the test needs no table of its own. Its reader is told only of memos addressed to them.
  const memos = defineModule({
    name: 'memos',
    notificationKinds: {
      memo_posted: {
        description: 'A memo was addressed to the person',
        email: {
          en: {
            name: 'Memo posted',
            text: (f) => ({
              subject: `Memo for ${f.subject.title}`,
              lines: [`Reference ${f.subject.reference}.`],
            }),
          },
          ru: {
            name: 'Новая записка',
            text: (f) => ({
              subject: `Записка: ${f.subject.title}`,
              lines: [`Номер ${f.subject.reference}.`],
            }),
          },
        },
      },
    },
    notificationSubjects: {
      memo: {
        facts: (actor) => (eb) =>
          eb
            .selectFrom('users')
            .select(
              sql<{
                title: string;
                reference: string | null;
                classification: number;
              }>`jsonb_build_object('title', users.display_name, 'reference', users.username, 'classification', 0)`.as(
                'facts',
              ),
            )
            .whereRef('users.id', '=', 'notifications.subject_id')
            .where('users.id', '=', isPerson(actor) ? actor.id : null)
            .$asScalar(),
        path: (id) => `/memos/${id}`,
      },
    },
  });

  it('brings its kind, subject and e-mail words: listed, counted and e-mailed as it declares, to its readers only', async () => {
    assemblePlatform([...MODULES, memos]);
    await migrate(t.handle.db);
    const memo = (key: string, subjectId: string): Emission => ({
      kind: 'memo_posted',
      subjectType: 'memo',
      subjectId,
      key,
      details: {},
      at: new Date(),
    });
    const unreadBefore = await unreadCount(t.handle.db, personFromRow(p.byHead));
    await notifyByEmail(p.byHead, memo('own', p.byHead.id), 'ru');
    // Addressed to the head of BY, told to the head of AM: not theirs to read.
    await notifyByEmail(p.amHead, memo('other', p.byHead.id));

    expect(await listed(p.byHead, p.byHead.id)).toMatchObject([
      { kind: 'memo_posted', subject: { title: p.byHead.display_name, reference: p.byHead.username } },
    ]);
    expect(await unreadCount(t.handle.db, personFromRow(p.byHead))).toBe(unreadBefore + 1);
    expect(await listed(p.amHead, p.byHead.id)).toEqual([]);

    const attempts = await runner().sendDue();
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['cancelled', 'sent']);
    expect(box.messages).toHaveLength(1);
    const [mail] = box.messages;
    expect(mail.to).toEqual([`${p.byHead.username}@example.org`]);
    expect(mail.subject).toBe(`Accord: Записка: ${p.byHead.display_name}`);
    expect(mail.text).toContain(`Номер ${p.byHead.username}.`);
    expect(mail.text).toContain(`${PUBLIC_URL}/memos/${p.byHead.id}`);
    expect(mail.text).toContain('«Новая записка»');
  });
});
