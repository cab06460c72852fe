import type { Actor } from '../../core/actor.ts';
import type { DelegationSubject, PolicyRulesFor } from '../../policy/index.ts';
import { isAdmin, isHeadOfDelegation, speaksForOwnState } from '../../policy/predicates.ts';

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A delegation's webhooks (national systems told of clearance events) and their deliveries. */
    webhooks: DelegationSubject;
  }
}

/** A delegation's national systems: its head of delegation, or a secretariat administrator. Default deny: an action not listed is refused. */
export const webhooksRules: PolicyRulesFor<'webhooks'> = {
  // A delegation's national systems: its head of delegation, or a secretariat administrator;
  // anyone else (even the same state's delegates) is answered 404.
  webhooks: {
    read: (a, d) => managesWebhooksOf(a, d.state),
    manage: (a, d) => managesWebhooksOf(a, d.state),
  },
};

const managesWebhooksOf = (a: Actor, state: string) =>
  isAdmin(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, state));
