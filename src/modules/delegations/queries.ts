import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';

/** The delegates authorised to answer for a state, for its delegation and the secretariat. */
export async function listAuthorisations(db: Db, actor: Actor, state: string) {
  authorize(actor, 'read', 'delegation', { state }, 'delegation');
  return db
    .selectFrom('delegate_authorisations')
    .innerJoin('users', 'users.id', 'delegate_authorisations.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'delegate_authorisations.granted_by_label',
      'delegate_authorisations.granted_at',
    ])
    .where('delegate_authorisations.state_code', '=', state)
    .orderBy('users.username')
    .execute();
}

/** The ids of the delegates authorised to answer for any of the given states (for the policy's subjects). */
export async function authorisedDelegates(db: Db, states: string[]): Promise<string[]> {
  if (states.length === 0) return [];
  const rows = await db
    .selectFrom('delegate_authorisations')
    .select('user_id')
    .where('state_code', 'in', states)
    .execute();
  return rows.map((r) => r.user_id);
}
