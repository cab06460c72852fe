import type { Actor, Person } from '../../core/actor.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  isHeadOfDelegation,
  isObserver,
  isPerson,
  isSecretariat,
  isSystem,
  sitsIn,
  withinAccessLevel,
} from '../../policy/predicates.ts';

/**
 * The classification of indicator values, region levels and their changes: restricted (1),
 * shared inside the organisation but not public. An automatic alert is classified so too.
 */
export const MONITORING_CLASSIFICATION = 1;

/** A monitoring region as the policy sees it: the member states it lies in. */
export interface RegionSubject {
  states: string[];
}

/** An alert (or one about to be raised): its region's states and its classification. */
export interface AlertSubject {
  states: string[];
  classification: number;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A region's indicators, values and level (lists are scoped by `regionVisibleTo`). */
    monitoringRegion: RegionSubject;
    /** Raising an alert for a region at a classification. */
    alerts: AlertSubject;
    alert: AlertSubject;
  }
}

/**
 * Who watches a region (the situation room): the secretariat's staff and the delegations of
 * the region's states, within the classification. Observers and partners see nothing of early
 * warning: the figures are the member states' own, and no invitation to share them exists yet.
 */
export const watches = (a: Actor, states: string[], classification: number) =>
  isSystem(a) ||
  (isPerson(a) &&
    !isObserver(a) &&
    withinAccessLevel(a, classification) &&
    (isSecretariat(a) || sitsIn(a, states)));

/** Who monitors it (enters values, raises and answers alerts): secretariat staff, the region's states' heads and points of contact. */
export const monitors = (a: Actor, states: string[], classification: number) =>
  watches(a, states, classification) &&
  (isSystem(a) ||
    isSecretariat(a) ||
    ['head_of_delegation', 'point_of_contact'].includes((a as Person).role));

/** Who closes an alert: secretariat staff, or a head of delegation of one of the region's states. */
const closes = (a: Actor, states: string[], classification: number) =>
  watches(a, states, classification) && (isSystem(a) || isSecretariat(a) || isHeadOfDelegation(a));

/** Early warning. Default deny: an action not listed is refused (404 when not even readable, else 403). */
export const alertsRules: PolicyRulesFor<'monitoringRegion' | 'alerts' | 'alert'> = {
  monitoringRegion: {
    read: (a, r) => watches(a, r.states, MONITORING_CLASSIFICATION),
    enterValues: (a, r) => monitors(a, r.states, MONITORING_CLASSIFICATION),
  },
  alerts: {
    read: (a, r) => watches(a, r.states, MONITORING_CLASSIFICATION),
    raise: (a, r) => monitors(a, r.states, r.classification),
  },
  alert: {
    read: (a, r) => watches(a, r.states, r.classification),
    acknowledge: (a, r) => monitors(a, r.states, r.classification),
    escalate: (a, r) => monitors(a, r.states, r.classification),
    close: (a, r) => closes(a, r.states, r.classification),
    /** Who is told of its news (notifications): whoever reads it. */
    notify: (a, r) => watches(a, r.states, r.classification),
  },
};
