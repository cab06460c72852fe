import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { usersVisibleTo } from '../../policy/index.ts';

/** The people the actor may see, in a stable order. */
export function listUsers(db: Db, actor: Actor) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(usersVisibleTo(actor))
    .orderBy('affiliation')
    .orderBy('state_code')
    .orderBy('username')
    .execute();
}

/** One person, or 404 when the actor may not see them. */
export async function getUser(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where(usersVisibleTo(actor))
    .executeTakeFirst();
  if (!row) throw notFound('user');
  return row;
}
