import { type Actor, type Person, personFromRow } from '../../core/actor.ts';
import { modules } from '../../core/registry.ts';
import { sha256 } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import type { NotificationKind } from '../../db/schema.ts';
import { authorize, notificationsVisibleTo } from '../../policy/index.ts';
import { kindNames } from './kinds.ts';
import type { ListNotificationsQuery } from './schema.ts';
import { notificationSubjectFacts, notificationSubjectsVisibleTo } from './subjects.ts';

/**
 * A person's notifications, scoped twice: their own, about subjects they may still be told
 * of (as the subject's module declares: a proposal they may still read, a clearance request
 * within their level...); not those written only to be sent by e-mail.
 */
function visibleNotifications(db: Db, actor: Actor) {
  return db
    .selectFrom('notifications')
    .where(notificationsVisibleTo(actor))
    .where(notificationSubjectsVisibleTo(actor))
    .where('notifications.in_app', '=', true);
}

const columns = [
  'notifications.id',
  'notifications.user_id',
  'notifications.kind',
  'notifications.subject_type',
  'notifications.subject_id',
  'notifications.details',
  'notifications.created_at',
  'notifications.read_at',
] as const;

/** The actor's notifications, newest first, paged. */
export async function listNotifications(db: Db, actor: Actor, q: ListNotificationsQuery) {
  const rows = await visibleNotifications(db, actor)
    .select(columns)
    .select(notificationSubjectFacts(actor))
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute();
  const more = rows.length > q.limit;
  return { items: rows.slice(0, q.limit), nextOffset: more ? q.offset + q.limit : null };
}
export type NotificationView = Awaited<ReturnType<typeof listNotifications>>['items'][number];

/** How many of the actor's notifications are unread. */
export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const row = await visibleNotifications(db, actor)
    .where('notifications.read_at', 'is', null)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One notification of the actor's (404 for anyone else's, whether it exists or not). */
export async function getNotification(db: Db, actor: Actor, id: string): Promise<NotificationView> {
  const row = await visibleNotifications(db, actor)
    .select(columns)
    .select(notificationSubjectFacts(actor))
    .where('notifications.id', '=', id)
    .executeTakeFirst();
  authorize(actor, 'read', 'notification', row ?? { user_id: '' });
  return row!;
}

/** How each kind reaches a person: in the app, by e-mail. */
export type KindChoices = Map<NotificationKind, { inApp: boolean; email: boolean }>;

/** Every kind's choice from the stored rows; a kind without a row is in the app, no e-mail. */
export function choicesFrom(
  rows: { kind: NotificationKind; in_app: boolean; email: boolean }[],
): KindChoices {
  return new Map(
    kindNames().map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return [kind, row ? { inApp: row.in_app, email: row.email } : { inApp: true, email: false }];
    }),
  );
}

/** How each kind of notification reaches the person (`userId`: theirs only, 404 for anyone else's). */
export async function notificationChoices(db: Db, person: Person, userId = person.id): Promise<KindChoices> {
  authorize(person, 'read', 'notificationPreferences', { user_id: userId });
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'in_app', 'email'])
    .where('user_id', '=', person.id)
    .execute();
  return choicesFrom(rows);
}

/** An open deadline in a person's calendar. */
/**
 * The calendar feed behind a secret token: its person (enabled accounts only), the zones to
 * show deadlines in, and the open deadlines every module contributes for that person
 * (`calendar` in its index.ts), soonest first. Null for an unknown token.
 */
export async function calendarFeed(db: Db, token: string, now = new Date()) {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .selectAll('users')
    .where('calendar_feeds.token_hash', '=', sha256(token))
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const person = personFromRow(row);
  const [organisation, state, ...contributions] = await Promise.all([
    db.selectFrom('organisation').select('time_zone').executeTakeFirst(),
    person.stateCode
      ? db
          .selectFrom('member_states')
          .select('time_zone')
          .where('code', '=', person.stateCode)
          .executeTakeFirst()
      : undefined,
    ...modules().map((m) => m.calendar?.(db, person, now) ?? []),
  ]);
  const events = contributions
    .flat()
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return {
    person,
    referenceZone: organisation?.time_zone ?? 'UTC',
    stateZone: state?.time_zone ?? null,
    events,
  };
}
