import { type Actor, actorLabel } from '../../core/actor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry } from '../ledger/index.ts';

/**
 * The head of delegation (or an administrator) lets a delegate of the state answer for it:
 * in procedures (stances) and on clearance legs (decisions), wherever a module asks
 * `authorisedDelegates`.
 */
export async function authoriseDelegate(trx: Db, actor: Actor, state: string, userId: string) {
  authorize(actor, 'authorise', 'delegation', { state }, 'delegation');
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  if (user.affiliation !== 'delegation' || user.state_code?.trim() !== state)
    throw invalid('userId', `is not a member of the delegation of ${state}`);
  if (user.role === 'head_of_delegation')
    throw invalid('userId', 'a head of delegation answers without authorisation');
  if (user.role === 'observer') throw invalid('userId', 'an observer cannot answer for a state');
  if (user.disabled_at) throw invalid('userId', 'the account is disabled');
  const inserted = await trx
    .insertInto('delegate_authorisations')
    .values({ state_code: state, user_id: userId, granted_by_label: actorLabel(actor) })
    .onConflict((oc) => oc.columns(['state_code', 'user_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted)
    await appendEntry(trx, actor, {
      action: 'delegate.authorised',
      subjectType: 'delegation',
      subjectId: state,
      payload: { userId, username: user.username },
      audience: [state],
    });
  return user;
}

/** Withdraws a delegate's authority to answer for the state. */
export async function revokeDelegate(trx: Db, actor: Actor, state: string, userId: string) {
  authorize(actor, 'authorise', 'delegation', { state }, 'delegation');
  const removed = await trx
    .deleteFrom('delegate_authorisations')
    .where('state_code', '=', state)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!removed) throw notFound('authorisation');
  await appendEntry(trx, actor, {
    action: 'delegate.revoked',
    subjectType: 'delegation',
    subjectId: state,
    payload: { userId },
    audience: [state],
  });
}
