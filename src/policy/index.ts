import type { Actor } from '../core/actor.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { UserRow } from '../db/schema.ts';
import {
  audienceTokens,
  isAdmin,
  isCleared,
  isHeadOfDelegation,
  isMemberDelegation,
  isObserver,
  isOwner,
  isPerson,
  isSecretariat,
  isSelf,
  isSignedIn,
  isSystem,
  sitsIn,
  speaksForOwnState,
} from './predicates.ts';

/**
 * Every read and write in Accord is decided here, and nowhere else. Default deny: an
 * action not listed for a resource is refused. Reads that fail answer 404 (the caller
 * must not learn the thing exists); writes on something the caller can read answer 403.
 * The same rules are written twice, once as predicates over a loaded object and once as
 * SQL conditions for lists, and tests hold the two in step.
 */

// ---- resources and their rules ----------------------------------------------------

/** A ledger entry as the policy sees it. */
export interface LedgerSubject {
  classification: number;
  audience: string[] | null;
  actor_id: string | null;
}

/** A proposal as the policy sees it. */
export interface ProposalSubject {
  classification: number;
  /** The states sitting in the proposal's body now. */
  bodyStates: string[];
  /** The author's state; null when the secretariat wrote it. */
  authorState: string | null;
  /** The state holding the presidency: its head of delegation chairs procedures. */
  presidencyState: string | null;
}
export type NewProposalSubject = Pick<ProposalSubject, 'classification' | 'bodyStates'>;

/** A procedure as the policy sees it. */
export interface ProcedureSubject {
  proposal: ProposalSubject;
  kind: string;
  /** The states that may answer: those sitting in the body when it opened. */
  eligible: string[];
  /** Delegates whom their head of delegation authorised to answer for their state. */
  authorisedDelegates: string[];
}

export interface DelegationSubject {
  state: string;
}

/** Something that belongs to one person alone: a notification, their preferences, their calendar feed. */
export interface OwnedSubject {
  user_id: string;
}

/** A movement clearance request as the policy sees it. */
export interface ClearanceRequestSubject {
  classification: number;
  requestingState: string;
  /** Every state with a leg in the request (a withdrawn leg's state was told, and still sees it). */
  routeStates: string[];
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

type UserSubject = Pick<UserRow, 'id' | 'affiliation' | 'state_code' | 'partner_code' | 'role'>;

interface Subjects {
  /** The organisation, its member states, bodies, partners and presidency: open to every signed-in person. */
  directory: null;
  /** The list of people and the action of creating one. */
  users: null;
  user: UserSubject;
  /** The record as a whole: verifying and exporting it. */
  ledger: null;
  ledgerEntry: LedgerSubject;
  /** Drafting a proposal in a body at a level. */
  proposals: NewProposalSubject;
  proposal: ProposalSubject;
  procedure: ProcedureSubject;
  /** A member state's delegation: who may answer for it. */
  delegation: DelegationSubject;
  /** A notification: its recipient's alone. */
  notification: OwnedSubject;
  /** The kinds of notification a person turned off. */
  notificationPreferences: OwnedSubject;
  /** A person's secret calendar feed link. */
  calendarFeed: OwnedSubject;
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
  /** A delegation's webhooks (national systems told of clearance events) and their deliveries. */
  webhooks: DelegationSubject;
  /**
   * Who is told of a clearance request's news for a state (its points of contact and head of
   * delegation), or for the secretariat (state null: its administrators), within clearance.
   */
  clearanceNews: { state: string | null; classification: number };
}
export type ResourceKind = keyof Subjects;

type Rule<T> = (actor: Actor, subject: T) => boolean;
type Rules = { [K in ResourceKind]: Partial<Record<string, Rule<Subjects[K]>>> };

const rules: Rules = {
  directory: {
    read: isSignedIn,
    load: isAdmin,
  },
  users: {
    // Named `read` like every other resource: authorize() asks `read` to choose 403 over 404.
    read: isSignedIn,
    create: isAdmin,
  },
  user: {
    read: (a, u) => isSystem(a) || isSecretariat(a) || isSelf(a, u) || canSeeUserAsColleague(a, u),
    update: (a) => isAdmin(a),
    disable: (a, u) => isAdmin(a) && !isSelf(a, u),
  },
  ledger: {
    read: isSignedIn,
    verify: isSignedIn,
    /** A full export hides the payloads the reader may not see behind their hashes. */
    export: (a) => isAdmin(a) || (isMemberDelegation(a) && isHeadOfDelegation(a)),
  },
  ledgerEntry: {
    read: (a, e) => canReadEntry(a, e),
  },
  proposals: {
    /** Lists are scoped by proposalsVisibleTo; this only lets create answer 403 rather than 404. */
    read: isSignedIn,
    create: (a, p) => canDraftIn(a, p),
  },
  proposal: {
    read: (a, p) => canReadProposal(a, p),
    /** Change the text before a procedure opens (the command refuses frozen texts with 409). */
    edit: (a, p) => canReadProposal(a, p) && (isChair(a, p) || isAuthor(a, p)),
    openProcedure: (a, p) => canReadProposal(a, p) && isChair(a, p),
    /** Close the open procedure (the command says when: meeting consensus, or once due). */
    close: (a, p) => canReadProposal(a, p) && isChair(a, p),
  },
  procedure: {
    read: (a, s) => canReadProposal(a, s.proposal),
    /** Answer for one's own state: its head of delegation, or a delegate the head authorised. */
    giveStance: (a, s) => canReadProposal(a, s.proposal) && speaksForEligibleState(a, s),
    /** At a meeting the chair records which states objected, on their behalf. */
    recordForStates: (a, s) =>
      canReadProposal(a, s.proposal) && isChair(a, s.proposal) && s.kind === 'meeting_consensus',
    close: (a, s) => canReadProposal(a, s.proposal) && isChair(a, s.proposal),
  },
  delegation: {
    read: (a, d) => isSystem(a) || isSecretariat(a) || speaksForOwnState(a, d.state),
    authorise: (a, d) => isAdmin(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, d.state)),
  },
  // A person's own things: nobody else reads or changes them, not even an administrator.
  notification: {
    read: (a, n) => isOwner(a, n),
    markRead: (a, n) => isOwner(a, n),
  },
  notificationPreferences: {
    read: (a, s) => isOwner(a, s),
    update: (a, s) => isOwner(a, s),
  },
  calendarFeed: {
    read: (a, s) => isOwner(a, s),
    rotate: (a, s) => isOwner(a, s),
  },
  // Clearances: the requesting state's delegation and the states on the route, and the
  // secretariat, within their clearance; never observers (there is no invitation yet).
  clearanceRequests: {
    read: isSignedIn,
    create: (a, r) => isCleared(a, r.classification) && draftsFor(a, r.requestingState),
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
        isCleared(a, d.classification) &&
        (isSecretariat(a) || isMemberDelegation(a))),
    /** A host state's head of delegation requests collective forces on its territory. */
    create: (a, d) =>
      isSystem(a) ||
      (isHeadOfDelegation(a) && isCleared(a, d.classification) && speaksForOwnState(a, d.hostState)),
  },
  clearanceNews: {
    notify: (a, s) => receivesClearanceNews(a, s),
  },
  // A delegation's national systems: its head of delegation, or a secretariat administrator;
  // anyone else (even the same state's delegates) is answered 404.
  webhooks: {
    read: (a, d) => managesWebhooksOf(a, d.state),
    manage: (a, d) => managesWebhooksOf(a, d.state),
  },
};

const isPointOfContact = (a: Actor) => isPerson(a) && a.role === 'point_of_contact';

/** The people a state's clearance news goes to; the secretariat's administrators for escalations. */
const receivesClearanceNews = (a: Actor, s: { state: string | null; classification: number }) =>
  isPerson(a) &&
  isCleared(a, s.classification) &&
  (s.state === null
    ? isSecretariat(a) && a.role === 'secretariat_admin'
    : speaksForOwnState(a, s.state) && (isPointOfContact(a) || isHeadOfDelegation(a)));

const managesWebhooksOf = (a: Actor, state: string) =>
  isAdmin(a) || (isHeadOfDelegation(a) && speaksForOwnState(a, state));

/** Secretariat staff, the requesting state and the states on the route, within clearance; never observers. */
function canReadClearance(a: Actor, r: ClearanceRequestSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a) || isObserver(a) || !isCleared(a, r.classification)) return false;
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

/** Secretariat staff and delegations sitting in the body, within their clearance; never observers. */
function canReadProposal(a: Actor, p: NewProposalSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a) || isObserver(a) || !isCleared(a, p.classification)) return false;
  return isSecretariat(a) || sitsIn(a, p.bodyStates);
}

const canDraftIn = (a: Actor, p: NewProposalSubject) => canReadProposal(a, p);

/** The chair: a secretariat administrator, or the head of delegation of the presiding state. */
const isChair = (a: Actor, p: ProposalSubject) =>
  isAdmin(a) ||
  (isHeadOfDelegation(a) && p.presidencyState !== null && speaksForOwnState(a, p.presidencyState));

/** The author's delegation, or the secretariat for its own proposals. */
const isAuthor = (a: Actor, p: ProposalSubject) =>
  p.authorState === null ? isSecretariat(a) : speaksForOwnState(a, p.authorState);

function speaksForEligibleState(a: Actor, s: ProcedureSubject): boolean {
  if (!isPerson(a) || !sitsIn(a, s.eligible)) return false;
  return isHeadOfDelegation(a) || (a.role !== 'observer' && s.authorisedDelegates.includes(a.id));
}

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

function canReadEntry(a: Actor, e: LedgerSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a)) return false;
  if (e.classification > a.clearance) return false;
  if (isSecretariat(a)) return true;
  if (e.actor_id === a.id) return true;
  if (e.audience === null) return a.affiliation === 'delegation';
  return e.audience.some((token) => audienceTokens(a).includes(token));
}

// ---- the public interface ---------------------------------------------------------

/** Whether the actor may do the action; false for anything not listed. */
export function can<K extends ResourceKind>(
  actor: Actor | null,
  action: string,
  kind: K,
  subject: Subjects[K],
) {
  if (!actor) return false;
  const rule = rules[kind][action] as Rule<Subjects[K]> | undefined;
  return rule ? rule(actor, subject) : false;
}

/**
 * Throws unless the actor may do the action: 404 when they may not even read the
 * subject, 403 when they may read it but not do this.
 *
 * @example authorize(actor, 'disable', 'user', row); // then disable
 */
export function authorize<K extends ResourceKind>(
  actor: Actor | null,
  action: string,
  kind: K,
  subject: Subjects[K],
  what: string = kind,
): asserts actor is Actor {
  if (can(actor, action, kind, subject)) return;
  if (action !== 'read' && can(actor, 'read', kind, subject)) {
    throw new AppError('forbidden', `you may not ${action} this ${what}`);
  }
  throw notFound(what);
}

/** The abilities sent with an object, so the UI and CLI never repeat the rules. */
export function abilities<K extends ResourceKind>(
  actor: Actor | null,
  kind: K,
  subject: Subjects[K],
  actions: string[],
) {
  return Object.fromEntries(actions.map((action) => [action, can(actor, action, kind, subject)]));
}

export * from './scopes.ts';
