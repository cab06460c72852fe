import type { Actor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import { isAdmin, isPerson, isSecretariat, isSelf, isSignedIn, isSystem } from '../../policy/predicates.ts';

export type UserSubject = Pick<UserRow, 'id' | 'affiliation' | 'state_code' | 'partner_code' | 'role'>;

declare module '../../policy/index.ts' {
  interface Subjects {
    /** The list of people and the action of creating one. */
    users: null;
    user: UserSubject;
  }
}

/** People: the list is open to the signed-in; a person reads their colleagues, the secretariat everyone. Default deny: an action not listed is refused. */
export const usersRules: PolicyRulesFor<'users' | 'user'> = {
  users: {
    // Named `read` like every other resource: authorize() asks `read` to choose 403 over 404.
    read: isSignedIn,
    create: isAdmin,
  },
  user: {
    read: (a, u) => isSystem(a) || isSecretariat(a) || isSelf(a, u) || canSeeUserAsColleague(a, u),
    update: (a) => isAdmin(a),
    // A person's own e-mail address (where their notifications go); administrators set anyone's.
    updateEmail: (a, u) => isSelf(a, u) || isAdmin(a),
    disable: (a, u) => isAdmin(a) && !isSelf(a, u),
  },
};

function canSeeUserAsColleague(a: Actor, u: UserSubject): boolean {
  if (!isPerson(a)) return false;
  if (u.affiliation === 'secretariat') return true;
  if (a.affiliation === 'delegation') {
    return (
      (u.affiliation === 'delegation' && u.state_code === a.stateCode) || u.role === 'head_of_delegation'
    );
  }
  if (a.affiliation === 'partner') return u.affiliation === 'partner' && u.partner_code === a.partnerCode;
  return false;
}
