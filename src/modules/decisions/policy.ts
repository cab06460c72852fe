import type { Actor } from '../../core/actor.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  isAdmin,
  isHeadOfDelegation,
  isObserver,
  isPerson,
  isPublishedDecision,
  isSecretariat,
  isSignedIn,
  isSystem,
  sitsIn,
  speaksForOwnState,
  withinAccessLevel,
} from '../../policy/predicates.ts';

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

declare module '../../policy/index.ts' {
  interface Subjects {
    /** Drafting a proposal in a body at a level. */
    proposals: NewProposalSubject;
    proposal: ProposalSubject;
    procedure: ProcedureSubject;
    /**
     * An adopted decision: whoever reads its proposal, and, once published (adopted at
     * classification 0), observers and partners, who read no proposal.
     */
    decision: DecisionSubject;
  }
}

/**
 * Proposals, procedures and decisions: the body's delegations and the secretariat, within
 * their access level; the chair opens and closes; observers and partners read published decisions
 * only. Default deny: an action not listed is refused.
 */
export const decisionsRules: PolicyRulesFor<'proposals' | 'proposal' | 'procedure' | 'decision'> = {
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
  decision: {
    /**
     * Whoever reads its proposal; observers (of a delegation or a partner) read it once
     * published, adopted at classification 0, and nothing of its proposal or procedure.
     */
    read: (a, d) => canReadProposal(a, d.proposal) || readsPublished(a, d),
  },
};

/** Observers and partners, who sit in no body, read what is published to them. */
const readsPublished = (a: Actor, d: DecisionSubject) => isObserver(a) && isPublishedDecision(d);

/** Secretariat staff and delegations sitting in the body, within their access level; never observers. */
function canReadProposal(a: Actor, p: NewProposalSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a) || isObserver(a) || !withinAccessLevel(a, p.classification)) return false;
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
