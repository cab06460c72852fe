import type { DelegationSubject, PolicyRulesFor } from '../../policy/index.ts';
import {
  isAdmin,
  isHeadOfDelegation,
  isSecretariat,
  isSystem,
  speaksForOwnState,
} from '../../policy/predicates.ts';

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A member state's delegation: who may answer for it. */
    delegation: DelegationSubject;
  }
}

/**
 * A member state's delegation: who may answer for it. Its own members and the secretariat
 * read the authorisations; its head of delegation (or an administrator) changes them.
 */
export const delegationsRules: PolicyRulesFor<'delegation'> = {
  delegation: {
    read: (a, d) => isSystem(a) || isSecretariat(a) || speaksForOwnState(a, d.state),
    authorise: (a, d) => isAdmin(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, d.state)),
  },
};
