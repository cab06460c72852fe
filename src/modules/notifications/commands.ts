import type { Actor, Person } from '../../core/actor.ts';
import { randomToken, sha256 } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { audienceOfUser } from '../users/index.ts';
import { kindNames } from './kinds.ts';
import { choicesFrom, getNotification, type KindChoices, type NotificationView } from './queries.ts';
import type { PreferencesInput } from './schema.ts';

/** Marks one of the actor's notifications read (once: a second call keeps the first time). */
export async function markRead(
  trx: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<NotificationView> {
  const row = await getNotification(trx, actor, id);
  authorize(actor, 'markRead', 'notification', row);
  if (row.read_at) return row;
  await trx.updateTable('notifications').set({ read_at: now }).where('id', '=', id).execute();
  return { ...row, read_at: now };
}

/** Marks every unread notification of the person read; returns how many changed. */
export async function markAllRead(trx: Db, person: Person, now = new Date()): Promise<number> {
  authorize(person, 'markRead', 'notification', { user_id: person.id });
  const result = await trx
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', person.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Changes how kinds of notification reach the person: `kinds` sets the channels of the kinds
 * listed, `disabled` (the older form) sets which kinds are shown in the app and keeps the
 * e-mail choices. A change is recorded (it decides what the person is told from now on);
 * the same choices again record nothing. Only choices other than the default (in the app,
 * no e-mail) are stored.
 */
export async function setPreferences(
  trx: Db,
  person: Person,
  input: PreferencesInput,
  userId: string = person.id,
): Promise<KindChoices> {
  authorize(person, 'update', 'notificationPreferences', { user_id: userId });
  const current = await trx
    .selectFrom('notification_preferences')
    .select(['kind', 'in_app', 'email'])
    .where('user_id', '=', person.id)
    .forUpdate()
    .execute();
  const before = choicesFrom(current);
  const after = new Map(before);
  if (input.disabled)
    for (const kind of kindNames()) {
      const choice = after.get(kind)!;
      after.set(kind, { ...choice, inApp: !input.disabled.includes(kind) });
    }
  for (const c of input.kinds ?? []) after.set(c.kind, { inApp: c.inApp, email: c.email });
  const inAppOff = (m: KindChoices) => kindNames().filter((k) => !m.get(k)!.inApp);
  const byEmail = (m: KindChoices) => kindNames().filter((k) => m.get(k)!.email);
  const same = (a: string[], b: string[]) => a.join() === b.join();
  if (same(inAppOff(before), inAppOff(after)) && same(byEmail(before), byEmail(after))) return after;
  await trx.deleteFrom('notification_preferences').where('user_id', '=', person.id).execute();
  const rows = kindNames().flatMap((kind) => {
    const { inApp, email } = after.get(kind)!;
    return inApp && !email ? [] : [{ user_id: person.id, kind, in_app: inApp, email }];
  });
  if (rows.length) await trx.insertInto('notification_preferences').values(rows).execute();
  await appendEntry(trx, person, {
    action: 'user.notifications_changed',
    subjectType: 'user',
    subjectId: person.id,
    payload: {
      disabled: inAppOff(after),
      before: inAppOff(before),
      email: byEmail(after),
      emailBefore: byEmail(before),
    },
    audience: audienceOfUser({
      affiliation: person.affiliation,
      state_code: person.stateCode,
      partner_code: person.partnerCode,
    }),
  });
  return after;
}

/**
 * Makes the person a new secret calendar feed token, replacing any earlier one (whose link
 * stops working). Only its hash is kept: the token is shown this once.
 */
export async function rotateCalendarLink(trx: Db, person: Person, now = new Date()) {
  authorize(person, 'rotate', 'calendarFeed', { user_id: person.id });
  const token = randomToken(32);
  await trx
    .insertInto('calendar_feeds')
    .values({ user_id: person.id, token_hash: sha256(token), created_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        token_hash: eb.ref('excluded.token_hash'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
  await appendEntry(trx, person, {
    action: 'user.calendar_link_rotated',
    subjectType: 'user',
    subjectId: person.id,
    audience: audienceOfUser({
      affiliation: person.affiliation,
      state_code: person.stateCode,
      partner_code: person.partnerCode,
    }),
  });
  return { token, createdAt: now };
}
