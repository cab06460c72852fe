import type { Actor, Person } from '../core/actor.ts';
import type { UserRow } from '../db/schema.ts';
import type { OwnedSubject } from './index.ts';

/** The small named predicates every rule and SQL scope of the policy is built from. */

export const isPerson = (a: Actor): a is Person => a.kind === 'person';
export const isSystem = (a: Actor) => a.kind === 'system';
export const isSecretariat = (a: Actor) => isPerson(a) && a.affiliation === 'secretariat';
export const isAdmin = (a: Actor) => isSystem(a) || (isPerson(a) && a.role === 'secretariat_admin');
export const isMemberDelegation = (a: Actor) => isPerson(a) && a.affiliation === 'delegation';
export const isHeadOfDelegation = (a: Actor) => isPerson(a) && a.role === 'head_of_delegation';
export const isSelf = (a: Actor, user: Pick<UserRow, 'id'>) => isPerson(a) && a.id === user.id;
export const isOwner = (a: Actor, thing: OwnedSubject) => isPerson(a) && a.id === thing.user_id;
export const isSignedIn = (a: Actor) => isPerson(a) || isSystem(a);
export const isObserver = (a: Actor) => isPerson(a) && a.role === 'observer';
/** A classification within the actor's access level (the system reads everything). */
export const withinAccessLevel = (a: Actor, classification: number) =>
  isSystem(a) || (isPerson(a) && a.accessLevel >= classification);
export const sitsIn = (a: Actor, states: string[]) =>
  isMemberDelegation(a) && (a as Person).stateCode !== null && states.includes((a as Person).stateCode!);
export const speaksForOwnState = (a: Actor, state: string) =>
  isMemberDelegation(a) && (a as Person).stateCode === state;

/** The results of a decision that publish it, when its classification is 0 (public). */
export const PUBLISHED_DECISION_RESULTS = ['adopted', 'partially_adopted'] as const;
/** Published: adopted, wholly or in part, at classification 0 (public); what observers and partners read. */
export const isPublishedDecision = (d: { proposal: { classification: number }; result: string }) =>
  d.proposal.classification === 0 && (PUBLISHED_DECISION_RESULTS as readonly string[]).includes(d.result);

/**
 * The audience token that seals an entry: read by the people its other tokens name alone (and
 * its actor), not by the secretariat as a whole, nor by observers. A confidential
 * consultation's entries carry it, with its states and `user:<id>` for each staff member in it.
 */
export const SEALED = 'sealed';

/**
 * The audience tokens an entry may name for the person to read it: their state, or
 * `partner:CODE`, and `user:<id>` for the person themselves.
 */
export function audienceTokens(a: Person): string[] {
  const own = `user:${a.id}`;
  if (a.affiliation === 'delegation' && a.stateCode) return [a.stateCode, own];
  if (a.affiliation === 'partner' && a.partnerCode) return [`partner:${a.partnerCode}`, own];
  return [own];
}

/** Whether an audience seals its entry (see `SEALED`). */
export const isSealed = (audience: string[] | null) => audience?.includes(SEALED) ?? false;
