import type { Actor } from '../core/actor.ts';
import { AppError, notFound } from '../core/errors.ts';
import { ruleFor } from '../core/registry.ts';
import type { UserRow } from '../db/schema.ts';

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

/** A numbered decision as the policy sees it: the proposal it adopted, and how much of it. */
export interface DecisionSubject {
  proposal: ProposalSubject;
  /** A decision is written only when something was adopted: adopted or partially_adopted. */
  result: string;
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

export type UserSubject = Pick<UserRow, 'id' | 'affiliation' | 'state_code' | 'partner_code' | 'role'>;

/**
 * Every subject kind the rules speak of, and what the policy needs to know of it. A module
 * with new kinds adds them by merging into this interface from its own policy.ts.
 */
export interface Subjects {
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
  /**
   * An adopted decision: whoever reads its proposal, and, once published (adopted at
   * classification 0), observers and partners, who read no proposal.
   */
  decision: DecisionSubject;
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

/**
 * A module's rules for some subject kinds (its `policy.ts`): action -> rule over the
 * subject. The module lists them in its index.ts; `can` finds them through the registry.
 */
export type PolicyRulesFor<K extends ResourceKind> = { [P in K]: Record<string, Rule<Subjects[P]>> };

// ---- the public interface ---------------------------------------------------------

/** Whether the actor may do the action; false for anything not listed. */
export function can<K extends ResourceKind>(
  actor: Actor | null,
  action: string,
  kind: K,
  subject: Subjects[K],
) {
  if (!actor) return false;
  const rule = ruleFor(kind, action) as Rule<Subjects[K]> | undefined;
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
    throw new AppError('forbidden', `you may not ${actionWords(action)} this ${what}`);
  }
  throw notFound(what);
}

/** "openProcedure" -> "open a procedure on": the action as a reader would say it. */
function actionWords(action: string): string {
  const words = action
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return ACTION_WORDS[action] ?? words;
}
const ACTION_WORDS: Record<string, string> = {
  openProcedure: 'open a procedure on',
  giveStance: 'give a stance in',
  recordForStates: 'record stances for states in',
  askInfo: 'ask for information on',
  giveInfo: 'answer questions on',
  decideEscalated: 'decide the escalated leg of',
  acceptConditions: 'accept the conditions of',
  readDetails: 'read the details of',
  readInternalNote: "read the deciding state's note on",
  markRead: 'mark as read',
};

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
