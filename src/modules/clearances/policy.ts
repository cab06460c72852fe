import type { Actor } from '../../core/actor.ts';
import type { DelegationSubject, PolicyRulesFor } from '../../policy/index.ts';
import {
  isAdmin,
  isHeadOfDelegation,
  isMemberDelegation,
  isObserver,
  isPerson,
  isSecretariat,
  isSignedIn,
  isSystem,
  sitsIn,
  speaksForOwnState,
  withinAccessLevel,
} from '../../policy/predicates.ts';

/** A movement clearance request as the policy sees it. */
export interface ClearanceRequestSubject {
  classification: number;
  requestingState: string;
  /** Every state with a leg in the request (a withdrawn leg's state was told, and still sees it). */
  routeStates: string[];
  /** Submitted once: until then a draft, the requesting state's alone. */
  submitted: boolean;
}
export type NewClearanceRequestSubject = Pick<ClearanceRequestSubject, 'classification' | 'requestingState'>;

/** One state's leg of a clearance request. */
export interface ClearanceLegSubject {
  request: ClearanceRequestSubject;
  state: string;
  /** Delegates whom their head of delegation authorised to answer for their state. */
  authorisedDelegates: string[];
}

export interface StandingPermissionSubject {
  grantingState: string;
  granteeState: string;
}

/** A host state's request for the deployment of collective forces. */
export interface DeploymentSubject {
  classification: number;
  hostState: string;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    /** Creating a clearance request for a state at a level (lists are scoped by clearanceRequestsVisibleTo). */
    clearanceRequests: NewClearanceRequestSubject;
    clearanceRequest: ClearanceRequestSubject;
    clearanceLeg: ClearanceLegSubject;
    /** Granting a standing permission in the name of a state. */
    standingPermissions: Pick<StandingPermissionSubject, 'grantingState'>;
    standingPermission: StandingPermissionSubject;
    /** A delegation's reusable vehicle and asset lists. */
    assetList: DelegationSubject;
    deployment: DeploymentSubject;
    /**
     * Who is told of a clearance request's news for a state (its points of contact and head of
     * delegation), or for the secretariat (state null: its administrators), within their access level.
     */
    clearanceNews: { state: string | null; classification: number };
  }
}

/** Movement clearances: the requesting state, the states on the route and the secretariat, within their access level; never observers. Default deny: an action not listed is refused. */
export const clearancesRules: PolicyRulesFor<
  | 'clearanceRequests'
  | 'clearanceRequest'
  | 'clearanceLeg'
  | 'standingPermissions'
  | 'standingPermission'
  | 'assetList'
  | 'deployment'
  | 'clearanceNews'
> = {
  // Clearances: the requesting state's delegation and the states on the route, and the
  // secretariat, within their access level; never observers (there is no invitation yet).
  clearanceRequests: {
    read: isSignedIn,
    create: (a, r) => withinAccessLevel(a, r.classification) && draftsFor(a, r.requestingState),
  },
  clearanceRequest: {
    read: (a, r) => canReadClearance(a, r),
    /** Edit a draft, submit, amend, withdraw, accept conditions, answer questions: the requester. */
    edit: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
    submit: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
    amend: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
    withdraw: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
    acceptConditions: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
    giveInfo: (a, r) => canReadClearance(a, r) && draftsFor(a, r.requestingState),
  },
  clearanceLeg: {
    /** Its status: everyone who reads the request. */
    read: (a, l) => canReadClearance(a, l.request),
    /** Its conditions, reason, questions and answers: the requester, the leg's state, the secretariat. */
    readDetails: (a, l) =>
      canReadClearance(a, l.request) &&
      (isSystem(a) || isSecretariat(a) || sitsIn(a, [l.request.requestingState, l.state])),
    /** The deciding state's own note: that state's delegation and the secretariat. */
    readInternalNote: (a, l) =>
      canReadClearance(a, l.request) && (isSystem(a) || isSecretariat(a) || sitsIn(a, [l.state])),
    decide: (a, l) => canReadClearance(a, l.request) && decidesFor(a, l),
    askInfo: (a, l) => canReadClearance(a, l.request) && decidesFor(a, l),
    /** A leg escalated at the end of its window: a secretariat administrator decides it. */
    decideEscalated: (a, l) => canReadClearance(a, l.request) && isAdmin(a),
  },
  standingPermissions: {
    read: isSignedIn,
    grant: (a, p) => isSystem(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, p.grantingState)),
  },
  standingPermission: {
    read: (a, p) =>
      isSystem(a) ||
      (isPerson(a) && !isObserver(a) && (isSecretariat(a) || sitsIn(a, [p.grantingState, p.granteeState]))),
    revoke: (a, p) => isSystem(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, p.grantingState)),
  },
  assetList: {
    read: (a, l) =>
      isSystem(a) || (isPerson(a) && !isObserver(a) && (isSecretariat(a) || sitsIn(a, [l.state]))),
    write: (a, l) => isSystem(a) || (isPerson(a) && !isObserver(a) && speaksForOwnState(a, l.state)),
  },
  deployment: {
    read: (a, d) =>
      isSystem(a) ||
      (isPerson(a) &&
        !isObserver(a) &&
        withinAccessLevel(a, d.classification) &&
        (isSecretariat(a) || isMemberDelegation(a))),
    /** A host state's head of delegation requests collective forces on its territory. */
    create: (a, d) =>
      isSystem(a) ||
      (isHeadOfDelegation(a) && withinAccessLevel(a, d.classification) && speaksForOwnState(a, d.hostState)),
  },
  clearanceNews: {
    notify: (a, s) => receivesClearanceNews(a, s),
  },
};

const isPointOfContact = (a: Actor) => isPerson(a) && a.role === 'point_of_contact';

/** The people a state's clearance news goes to; the secretariat's administrators for escalations. */
const receivesClearanceNews = (a: Actor, s: { state: string | null; classification: number }) =>
  isPerson(a) &&
  withinAccessLevel(a, s.classification) &&
  (s.state === null
    ? isSecretariat(a) && a.role === 'secretariat_admin'
    : speaksForOwnState(a, s.state) && (isPointOfContact(a) || isHeadOfDelegation(a)));

/**
 * Secretariat staff, the requesting state and the states on the route, within their access
 * level; never observers. A draft is the requesting state's alone until it is submitted.
 */
function canReadClearance(a: Actor, r: ClearanceRequestSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a) || isObserver(a) || !withinAccessLevel(a, r.classification)) return false;
  if (!r.submitted) return sitsIn(a, [r.requestingState]);
  return isSecretariat(a) || sitsIn(a, [r.requestingState, ...r.routeStates]);
}

/** A member of the state's delegation (not an observer) writes its requests. */
const draftsFor = (a: Actor, state: string) => isSystem(a) || (!isObserver(a) && speaksForOwnState(a, state));

/** Decides a state's leg: its head of delegation, a point of contact, or a delegate the head authorised. */
function decidesFor(a: Actor, l: ClearanceLegSubject): boolean {
  if (!isPerson(a) || !speaksForOwnState(a, l.state)) return false;
  return (
    a.role === 'head_of_delegation' || a.role === 'point_of_contact' || l.authorisedDelegates.includes(a.id)
  );
}
