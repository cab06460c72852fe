import type { Actor } from '../../core/actor.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  audienceTokens,
  isAdmin,
  isHeadOfDelegation,
  isMemberDelegation,
  isObserver,
  isPerson,
  isSealed,
  isSecretariat,
  isSignedIn,
  isSystem,
} from '../../policy/predicates.ts';

/** A ledger entry as the policy sees it. */
export interface LedgerSubject {
  classification: number;
  audience: string[] | null;
  actor_id: string | null;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    /** The record as a whole: verifying and exporting it. */
    ledger: null;
    ledgerEntry: LedgerSubject;
  }
}

/** The record: who reads an entry, who verifies and exports the record. Default deny: an action not listed is refused. */
export const ledgerRules: PolicyRulesFor<'ledger' | 'ledgerEntry'> = {
  ledger: {
    read: isSignedIn,
    /** A full verification reads every entry: administrators and heads of delegation (auditors). */
    verify: (a) => isAdmin(a) || (isMemberDelegation(a) && isHeadOfDelegation(a)),
    /** A full export hides the payloads the reader may not see behind their hashes. */
    export: (a) => isAdmin(a) || (isMemberDelegation(a) && isHeadOfDelegation(a)),
  },
  ledgerEntry: {
    read: (a, e) => canReadEntry(a, e),
  },
};

function canReadEntry(a: Actor, e: LedgerSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a)) return false;
  if (e.classification > a.accessLevel) return false;
  if (e.actor_id === a.id) return true;
  // A sealed entry (a confidential consultation's) is read by those it names alone.
  if (isSealed(e.audience))
    return !isObserver(a) && e.audience!.some((token) => audienceTokens(a).includes(token));
  if (isSecretariat(a)) return true;
  if (e.audience === null) return a.affiliation === 'delegation';
  return e.audience.some((token) => audienceTokens(a).includes(token));
}
