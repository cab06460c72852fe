import { sql } from 'kysely';
import { personFromRow, systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { NotificationKind, UserRow } from '../../db/schema.ts';
import { buildUser } from '../../testing/harness.ts';
import { buildDecisionPeople } from '../../testing/people.ts';
import { authoriseDelegate } from '../delegations/index.ts';
import { setUserDisabled } from '../users/index.ts';
import { setPreferences } from './commands.ts';

/** Test factories for notifications. */

/**
 * The decisions tests' people, and a few more who tell the rules apart: a BY delegate the
 * head authorised to answer, an AM point of contact (reads, does not answer), a disabled
 * BY delegate.
 */
export async function buildNotificationPeople(handle: DbHandle) {
  const people = await buildDecisionPeople(handle);
  const byAuthorised = await buildUser(handle, {
    role: 'delegate',
    stateCode: 'BY',
    accessLevel: 'restricted',
  });
  const amContact = await buildUser(handle, {
    role: 'point_of_contact',
    stateCode: 'AM',
    accessLevel: 'restricted',
  });
  const byDisabled = await buildUser(handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'secret' });
  await handle.db.transaction().execute(async (trx) => {
    await authoriseDelegate(trx, systemActor('test'), 'BY', byAuthorised.id);
    await setUserDisabled(trx, systemActor('test'), byDisabled.id, true);
  });
  return { ...people, byAuthorised, amContact, byDisabled };
}
export type NotificationPeople = Awaited<ReturnType<typeof buildNotificationPeople>>;

/** The names (keys of `people`) of those who got a notification of a kind about a procedure. */
export async function notifiedAbout(
  handle: DbHandle,
  people: Record<string, UserRow>,
  procedureId: string,
  kind: NotificationKind,
): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('notifications')
    .select('user_id')
    .where(sql<string>`details->>'procedureId'`, '=', procedureId)
    .where('kind', '=', kind)
    .execute();
  const names = new Map(Object.entries(people).map(([name, user]) => [user.id, name]));
  return rows.map((r) => names.get(r.user_id) ?? `unknown ${r.user_id}`).sort();
}

/** Turns kinds of notification off for a person. */
export function turnOff(handle: DbHandle, user: UserRow, disabled: NotificationKind[]) {
  return handle.db.transaction().execute((trx) => setPreferences(trx, personFromRow(user), { disabled }));
}
